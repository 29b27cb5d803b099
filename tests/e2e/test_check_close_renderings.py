"""Close translations that read word for word: words the French says with another part of
speech, a locution, a class noun or a sense the dictionary lacked.

Hand-made sentence pairs, back-translated as Apertium does; the dictionary is Apertium's
own (skipped where ``lt-proc`` is not installed), the relations WordNet's.
"""

from __future__ import annotations

import shutil

import pytest
from support import make_result

from mtqa.checks import hypernym, lexicon, senses, wordlevel, wordlink, wordplace
from mtqa.checks.base import CheckContext
from mtqa.model import Finding

pytestmark = [
    pytest.mark.skipif(shutil.which("lt-proc") is None, reason="Apertium is not installed"),
    pytest.mark.skipif(wordlink.wordnet_graph() is None, reason="WordNet is not installed"),
]

CTX = CheckContext(engines=("apertium",))


def _alarms(check, mt: list[str], ref: list[str], bt: list[str]) -> list[Finding]:
    result = make_result(mt, ref, bt={"apertium": bt})
    return [f for f in check(result, CTX) if f.severity in ("critical", "major")]


def _link(mt: str, ref: str, bt: str, english: str) -> list[tuple[str, str]]:
    links = wordlink.link_pair(mt, ref, {"apertium": bt})
    e = next(i for i, t in enumerate(links.english) if t.text == english)
    return [(links.french[link.french].text, link.how) for link in links.of_english(e)
            if link.how in wordlink.MEANING_LINKS]


@pytest.mark.parametrize(
    ("mt", "ref", "bt", "english", "french"),
    [
        # senses the dictionary lacked: « maîtriser » (control), « fonds » (money)
        ("Les organisateurs craignent une foule mal maîtrisée.",
         "The organisers fear a poorly controlled crowd.",
         "The organisers dread one steps bad maîtrisée.", "controlled", "maîtrisée"),
        ("Le musée a été rénové grâce à des fonds privés.",
         "The museum was renovated thanks to private money.",
         "The museum has been rénové thanks to private funds.", "money", "fonds"),
        # « en bois » / "wooden": a material adjective in -en WordNet does not derive
        ("Les enfants jouent sur une table en bois dans le jardin.",
         "The children play on a wooden table in the garden.",
         "The boys play on a table in forest in the garden.", "wooden", "bois"),
    ],
)
def test_everyday_senses_and_material_adjectives_link_the_words(
    mt: str, ref: str, bt: str, english: str, french: str,
) -> None:
    assert french in [word for word, _ in _link(mt, ref, bt, english)]


@pytest.mark.parametrize(
    ("mt", "ref", "bt"),
    [
        # « inférieur à », « supérieur à » say what English says with "below", "above"
        ("Les ventes sont restées inférieures aux prévisions des analystes.",
         "Sales remained below the analysts' forecasts.",
         "The sales are remained inferior to the forecasts of the analysts."),
        ("La température était supérieure à la normale pendant tout le mois.",
         "The temperature was above normal for the whole month.",
         "The temperature was upper to the normal during all the month."),
        # a class noun before its name (« le mois d'août », « la ville de Lyon »)
        ("Le festival aura lieu au mois d'août dans le centre historique.",
         "The festival will take place in August in the historic centre.",
         "The festival will take place to the month of August in the historical centre."),
        ("La ville de Lyon a adopté son budget mardi.",
         "Lyon adopted its budget on Tuesday.",
         "The city of Lyon has adopted his presupposed Tuesday."),
        # « de peu » after its verb: the locution is the English adverb
        ("Le candidat sortant a été battu de peu au second tour.",
         "The outgoing candidate was narrowly beaten in the second round.",
         "The candidate that exits has been beaten of little to the second turn."),
    ],
)
def test_words_said_another_way_are_no_addition_or_omission(mt: str, ref: str, bt: str) -> None:
    assert _alarms(wordlevel.check, [mt], [ref], [bt]) == []


def test_a_class_noun_before_a_name_the_reference_lacks_is_still_an_addition() -> None:
    # the reference names no month: « mois » is then the French's own word
    found = _alarms(wordlevel.check,
                    ["Le festival aura lieu pendant un mois dans le centre historique."],
                    ["The festival will take place in the historic centre."],
                    ["The festival will take place during a month in the historical centre."])
    assert [f.mt_span for f in found] == ["mois"]


def test_a_fungus_is_no_narrower_word_for_champignon() -> None:
    assert _alarms(hypernym.check,
                   ["Une maladie causée par un champignon a détruit les vignes de la région."],
                   ["A disease caused by a fungus has destroyed the vines of the region."],
                   ["An illness caused by a mushroom has destroyed the vineyards of the "
                    "region."]) == []


def test_a_framing_phrase_is_not_judged_by_its_noun_sense() -> None:
    mt = ["Les donateurs ont promis une aide de 200 millions de dollars pour la reconstruction.",
          "De son côté, le Japon a promis une aide financière et un effort supplémentaire "
          "pour la reconstruction.",
          "Le Canada a annoncé une contribution de 50 millions."]
    ref = ["The donors pledged $200 million in aid for the reconstruction.",
           "For its part, Japan pledged financial aid and an additional effort for the "
           "reconstruction.",
           "Canada announced a contribution of 50 million."]
    bt = ["The donateurs have promised a help of 200 million dollars for the reconstruction.",
          "Of his side, Japan has promised a financial help and an additional endeavour for "
          "the reconstruction.",
          "Canada has announced a contribution of 50 millions."]
    assert _alarms(senses.check, mt, ref, bt) == []
    tokens = lexicon.parse(mt[1], "fr")
    side = next(t for t in tokens if t.text == "côté")
    assert senses._framing_phrase(side, tokens)
    # the same noun with its own sense, no framing phrase
    tokens = lexicon.parse("Le côté nord du bâtiment sera rénové.", "fr")
    assert not senses._framing_phrase(next(t for t in tokens if t.text == "côté"), tokens)


@pytest.mark.parametrize(
    ("mt", "ref", "bt"),
    [
        # « avoir lieu » / "be held": the verb renders the locution, the bare noun goes with it
        ("Le prochain sommet aura lieu à Rome au mois de mai.",
         "The next summit will be held in Rome in May.",
         "The next summit will take place in Rome to the month of May."),
        ("La cérémonie a eu lieu dans la cathédrale de la ville.",
         "The ceremony was held in the city's cathedral.",
         "The ceremony took place in the cathedral of the city."),
    ],
)
def test_the_bare_noun_of_a_verbal_locution_is_no_addition(mt: str, ref: str, bt: str) -> None:
    assert _alarms(wordlevel.check, [mt], [ref], [bt]) == []
    links = wordlink.link_pair(mt, ref, {"apertium": bt})
    noun = next(f for f, t in enumerate(links.french) if t.text == "lieu")
    assert wordplace.verbal_locution(links, noun)


def test_a_noun_with_its_determiner_is_no_verbal_locution() -> None:
    mt, ref = "Le maire a visité le chantier du stade.", "The mayor visited the stadium."
    bt = "The mayor has visited the site of the stadium."
    links = wordlink.link_pair(mt, ref, {"apertium": bt})
    noun = next(f for f, t in enumerate(links.french) if t.text == "chantier")
    assert not wordplace.verbal_locution(links, noun)


def test_an_opposite_after_moins_is_a_comparative_that_agrees() -> None:
    mt = "Les familles se tournent vers des logements moins chers en périphérie."
    bt = "The families turn  verses of the less expensive accommodations in periphery."
    assert _alarms(wordlevel.check, [mt],
                   ["Families are turning to cheaper housing on the outskirts."], [bt]) == []
    # without « moins », the opposite is still one
    found = _alarms(wordlevel.check,
                    ["Les familles se tournent vers des logements chers en périphérie."],
                    ["Families are turning to cheap housing on the outskirts."],
                    ["The families turn  verses of the expensive accommodations in periphery."])
    assert [(f.kind, f.mt_span) for f in found] == [("meaning_inversion", "chers")]


def test_lodging_a_complaint_is_a_sense_of_deposer() -> None:
    mt, ref = ("L'association a déposé une plainte contre la société.",
               "The association lodged a complaint against the company.")
    bt = "The association has deposited a complaint against the society."
    assert ("déposé", "dictionary") in _link(mt, ref, bt, "lodged")


@pytest.mark.parametrize(
    ("mt", "ref", "bt"),
    [
        # a pronominal main verb says a state English says with "be"
        ("Le retard du chantier s'explique surtout par la pénurie de matériaux.",
         "The delay to the works is mainly due to the shortage of materials.",
         "The delay of the work explains  especially by the penuria of matériaux."),
        ("Le musée se trouve au centre de la vieille ville.",
         "The museum is in the centre of the old town.",
         "The museum finds  to the centre of the old city."),
    ],
)
def test_a_pronominal_verb_english_says_with_be_is_no_addition(mt: str, ref: str,
                                                               bt: str) -> None:
    assert _alarms(wordlevel.check, [mt], [ref], [bt]) == []
