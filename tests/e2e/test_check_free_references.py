"""Free human references that say a faithful French sentence another way: a negation said
by its opposite or by a word of lack, an opposite under "not … until", a French locution's
noun, an English look-alike's synonym, "how long", a hyphenated compound, a word a name
keeps, French forms of names, a stock of goods. None is a finding; the real error in the
same form still is.

Sentences and back-translations invented for these tests (back-translated by hand, as
Apertium would).
"""

from __future__ import annotations

import shutil

import pytest
from support import make_result
from test_check_meaning import _inversions, needs_parser
from test_check_renderings import CTX, build
from test_check_wordlevel import findings as word_findings
from test_check_wordlevel import summary

from mtqa.checks import antonym, entities, hypernym, renderings, wordlink
from mtqa.checks.base import CheckContext

needs_apertium = pytest.mark.skipif(shutil.which("lt-proc") is None,
                                    reason="Apertium is not installed")
needs_wordnet = pytest.mark.skipif(wordlink.wordnet_graph() is None,
                                   reason="WordNet is not installed")


@pytest.mark.parametrize(
    ("mt", "ref"),
    [
        # a negated word of lack says the positive
        ("Personne n'est reparti bredouille de la foire.",
         "Everyone went home from the fair with something."),
        # a verb of hindering says "not"
        ("Le brouillard a empêché l'avion d'atterrir.",
         "The plane could not land because of the fog."),
        # « la première fois depuis » is "not since"
        ("C'est la première fois depuis 2010 que le club remporte le titre.",
         "The club had not won the title since 2010."),
        ("Le club n'avait pas remporté le titre depuis 2010.",
         "It is the club's first title since 2010."),
        # "leave alone" is « ne pas toucher »; "lost everything" is « n'avoir plus rien »
        ("On leur a demandé de ne pas toucher aux colis suspects.",
         "They were asked to leave the suspicious parcels alone."),
        ("Après l'incendie, ils n'ont plus rien.", "They lost everything in the fire."),
        # "stay on" is « ne pas quitter »; "taken off a list" is « n'est plus classé »
        ("Les randonneurs sont priés de ne pas quitter les sentiers.",
         "Walkers are asked to stay on the paths."),
        ("Ce médicament n'est plus remboursé depuis mars.",
         "The drug was taken off the reimbursement list in March."),
        # "keep their distance" is « ne pas approcher »
        ("Les baigneurs sont priés de ne pas approcher les phoques.",
         "Swimmers are asked to keep their distance from the seals."),
        # "say no" before a noun is the determiner "no", not a vote's answer
        ("Aucun licenciement n'est prévu, affirment les syndicats.",
         "The unions say no redundancies are planned."),
    ],
)
def test_a_negation_said_another_way_agrees(mt: str, ref: str) -> None:
    assert _inversions(mt, ref) == []


@pytest.mark.parametrize(
    ("mt", "ref"),
    [
        # the reference says the word of lack itself: the French negation is left over
        ("Personne n'est reparti bredouille de la foire.",
         "Everyone went home from the fair empty-handed."),
        ("Le brouillard a empêché l'avion d'atterrir.",
         "The fog did not prevent the plane from landing."),
    ],
)
def test_the_same_forms_against_their_own_rendering_are_inversions(mt: str, ref: str) -> None:
    assert [check for check, _ in _inversions(mt, ref)] == ["negation"]


def test_an_opposite_under_not_until_is_no_flip() -> None:
    assert _inversions("La piscine restera fermée jusqu'en juin.",
                       "The pool will not open until June.") == []
    assert [c for c, _ in _inversions("La piscine restera fermée jusqu'en juin.",
                                      "The pool will open in June.")] == ["antonyms"]


@needs_parser
def test_a_negation_in_what_a_verb_of_judging_finds_is_the_main_statement() -> None:
    assert _inversions(
        "Trois projets ont été présentés, mais aucun n'a été jugé assez sérieux par le jury.",
        "Three projects were put forward, but the jury found none of them serious enough.",
        "Three projects have been presented, but any has not been judged enough serious by "
        "the jury.",
    ) == []


@needs_apertium
@needs_wordnet
@pytest.mark.parametrize(
    ("mt", "ref", "bt"),
    [
        # nouns of locutions: within, took place, in May
        ("La réunion a eu lieu au sein du ministère au mois de mai.",
         "The meeting was held within the ministry in May.",
         "The meeting has had place to the heart of the ministry to the month of May."),
        # the purpose of an inquiry, said with "into"
        ("La police a ouvert une enquête pour déterminer l'origine de l'incendie.",
         "Police have opened an investigation into the origin of the fire.",
         "The police has opened a survey to determine the origin of the fire."),
        # « de nationalité », « le nombre de », a superlative's « de l'histoire »
        ("Le nombre de touristes a doublé.", "Tourists have doubled.",
         "The number of tourists has doubled."),
        ("Les deux alpinistes, de nationalité italienne, sont sains et saufs.",
         "The two Italian climbers are safe and sound.",
         "The two mountaineers, of Italian nationality, are healthy and safe."),
        ("C'est le plus gros contrat de l'histoire de l'entreprise.",
         "It is the company's biggest contract ever.",
         "It is the biggest contract of the history of the company."),
        # « être présent dans » a market is to be in it
        ("Le groupe est aussi présent dans les cosmétiques.",
         "The group is also in cosmetics.",
         "The group is also present in the cosmetics."),
        # a French look-alike whose English word is a synonym of the reference's
        ("La rénovation de la gare a duré deux ans.",
         "The refurbishment of the station took two years.",
         "The renewal of the station has lasted two years."),
    ],
)
def test_words_of_a_locution_or_a_synonym_are_no_addition(mt: str, ref: str, bt: str) -> None:
    assert summary(word_findings(mt, ref, bt)) == []


@needs_apertium
@needs_wordnet
def test_a_locution_does_not_hide_an_added_word() -> None:
    found = summary(word_findings(
        "La réunion secrète a eu lieu au sein du ministère.",
        "The meeting was held within the ministry.",
        "The secret meeting has had place to the heart of the ministry."))
    assert [(kind, span) for kind, span, _ in found] == [("addition", "secrète")]


@needs_apertium
@needs_wordnet
@pytest.mark.parametrize(
    ("mt", "ref", "bt"),
    [
        # "how long" asks what « la durée » names
        ("Les médecins ignorent encore la durée de l'immunité.",
         "Doctors still do not know how long immunity lasts.",
         "The doctors still ignore the length of the immunity."),
        # "women" said by the French feminine noun
        ("Le festival programme surtout des compositrices.",
         "The festival mainly programmes women composers.",
         "The festival programme especially composers."),
        # a modifier rendered by the other half of a hyphenated French compound
        ("L'école des Beaux-Arts a rouvert ses ateliers.",
         "The fine arts school has reopened its studios.",
         "The school of the Fine arts has reopened his workshops."),
    ],
)
def test_an_interrogative_or_a_compound_is_no_omission(mt: str, ref: str, bt: str) -> None:
    assert summary(word_findings(mt, ref, bt)) == []


@needs_apertium
@needs_wordnet
def test_an_opposite_sense_the_reference_says_itself_is_no_flip() -> None:
    found = antonym.check(make_result(
        ["On a retrouvé une nappe longue de trois kilomètres près du port."],
        ["A slick three kilometres long was found near the harbour."],
        bt={"apertium": ["It has found a layer long of three kilometres near of the port."]}),
        CheckContext(engines=("apertium",)))
    assert [f.kind for f in found if f.severity != "minor"] == []


@needs_apertium
@needs_wordnet
def test_a_french_word_a_name_keeps_is_no_narrower_word() -> None:
    found = hypernym.check(make_result(
        ["Le château Frontenac, qui accueille le congrès, domine la ville."],
        ["The Château Frontenac, home to the conference, overlooks the city."],
        bt={"apertium": ["The castle Frontenac, that welcomes the congress, dominates the "
                         "city."]}), CheckContext(engines=("apertium",)))
    assert [f.mt_span for f in found] == []


@pytest.mark.parametrize(
    ("mt", "ref"),
    [
        ("Une exposition consacrée au Titien et au Tintoret ouvre à Madrid.",
         "An exhibition devoted to Titian and Tintoretto opens in Madrid."),
        ("Des orages ont frappé Valence et Saragosse.",
         "Storms hit Valencia and Zaragoza."),
        ("Le film a été projeté à la Mostra.", "The film was screened at Venice."),
        ("Les îles de la Frise attendent des touristes.", "The Frisian Islands expect tourists."),
        ("Elle a reçu un SMS de la banque.", "She got a text from the bank."),
    ],
)
def test_french_forms_of_names_and_acronyms_have_their_counterpart(mt: str, ref: str) -> None:
    result = make_result([mt], [ref])
    ctx = CheckContext(engines=(), settings={"entities": {"ner": "rules"}})
    found = entities.check(result, ctx)
    assert [(f.kind, f.mt_span, f.ref_span) for f in found if f.severity != "minor"] == []


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        ("The remaining stock will be sold off at half price.", []),
        ("Stocks fell sharply at the opening.", ["stock-stock"]),
    ],
)
def test_a_stock_of_goods_cleared_out_is_no_false_friend(ref: str, expected: list[str]) -> None:
    mt = ("Les stocks restants seront soldés à moitié prix." if not expected
          else "Les stocks ont fortement baissé à l'ouverture.")
    found = renderings.check(build([mt], [ref], [ref]), CTX)
    assert [f.evidence.get("trap") for f in found] == expected


@needs_apertium
@needs_parser
def test_a_future_said_by_expect_to_is_no_change_of_tense() -> None:
    from mtqa.checks.tense import tense_change

    pair = build(["Le FMI prévoit que la croissance ralentira en 2026."],
                 ["The IMF expects growth to slow in 2026."],
                 ["The IMF foresees that the growth will slow down in 2026."]).pairs[0]
    assert tense_change(pair, ["apertium"]) is None


@needs_apertium
@needs_wordnet
def test_a_french_verb_is_not_opposed_to_an_english_adverb() -> None:
    found = antonym.check(make_result(
        ["La collection sera présentée au début du mois prochain."],
        ["The collection will be unveiled early next month."],
        bt={"apertium": ["The collection will be presented to the start of the next month."]}),
        CheckContext(engines=("apertium",)))
    assert [f.kind for f in found if f.severity != "minor"] == []


def test_said_no_to_is_still_a_vote() -> None:
    assert _inversions("Les électeurs ont rejeté le projet.",
                       "Voters said no to the plan.") == []
