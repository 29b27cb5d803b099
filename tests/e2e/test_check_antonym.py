"""Antonyms read at the level of WordNet senses: a reference word facing a French word whose
sense WordNet opposes to it through a synonym or an adjective cluster.

Hand-made sentence pairs, back-translated by hand as Apertium would; the dictionary is
Apertium's own (skipped where ``lt-proc`` is not installed), the relations WordNet's.
"""

from __future__ import annotations

import shutil

import pytest
from support import make_result

from mtqa.checks import antonym, wordlevel, wordlink
from mtqa.checks.base import CheckContext
from mtqa.language.freedict import freedict
from mtqa.model import Finding

pytestmark = [
    pytest.mark.skipif(shutil.which("lt-proc") is None, reason="Apertium is not installed"),
    pytest.mark.skipif(wordlink.wordnet_graph() is None, reason="WordNet is not installed"),
]

CTX = CheckContext(engines=("apertium",))
PLAYED = "L'équipe a bien joué hier soir."
CUSTOMER = "Le client moyen préfère les magasins du quartier."
WINTER = "L'hiver apporte six longs mois de pluie."


def findings(mt: str, ref: str, bt: str) -> list[Finding]:
    return antonym.check(make_result([mt], [ref], bt={"apertium": [bt]}), CTX)


def summary(found: list[Finding]) -> list[tuple[str, str | None, str | None]]:
    return [(f.kind, f.mt_span, f.ref_span) for f in found]


@pytest.mark.parametrize(
    ("mt", "ref", "bt", "expected"),
    [
        # well is opposed to ill, whose synset holds poorly; the back-translation has well.
        (PLAYED, "The team played poorly last night.",
         "The team has played well yesterday evening.",
         [("meaning_inversion", "bien", "poorly")]),
        # average ~ normal / abnormal ~ atypical; the back-translation misreads « moyen »,
        # but both adjectives qualify words that mean each other (client / customer).
        (CUSTOMER, "The atypical customer prefers the neighbourhood shops.",
         "The half customer prefers the shops of the neighbourhood.",
         [("meaning_inversion", "moyen", "atypical")]),
        # an adjective after a number, whatever the tagger reads it as
        (WINTER, "Winter brings six short months of rain.",
         "The winter brings six long months of rain.",
         [("meaning_inversion", "longs", "short")]),
    ],
)
def test_opposed_senses_are_found(mt: str, ref: str, bt: str, expected: list) -> None:
    assert summary(findings(mt, ref, bt)) == expected


@pytest.mark.parametrize(
    ("mt", "ref", "bt"),
    [
        (PLAYED, "The team played well last night.",
         "The team has played well yesterday evening."),
        (CUSTOMER, "The average customer prefers the neighbourhood shops.",
         "The half customer prefers the shops of the neighbourhood."),
        (WINTER, "Winter brings six long months of rain.",
         "The winter brings six long months of rain."),
        # a comparison of inferiority says the other pole
        ("La foule était moins dense le soir.", "The crowd was thinner in the evening.",
         "The crowd was less dense the evening."),
        # a negation on one side only may cancel the opposite (not well = poorly)
        ("L'équipe n'a pas bien joué hier soir.", "The team played poorly last night.",
         "The team has not played well yesterday evening."),
    ],
)
def test_faithful_renderings_are_not_findings(mt: str, ref: str, bt: str) -> None:
    assert findings(mt, ref, bt) == []


@pytest.mark.parametrize(
    ("mt", "ref", "bt"),
    [
        # « ancien » before its noun is "former"; « actuel » is "present"
        ("Byzance, l'actuelle Istanbul, est une ancienne ville grecque.",
         "Byzantium, present-day Istanbul, is a former Greek city.",
         "Byzantium, the current Istanbul, is an ancient Greek city."),
        # a prefix of degree on the reference word's stem: more of the same thing
        ("Le bang supersonique fit trembler les vitres.", "The sonic boom rattled the windows.",
         "The supersonic bang made tremble the windows."),
    ],
)
def test_renderings_the_dictionary_or_a_prefix_accounts_for(mt: str, ref: str, bt: str) -> None:
    result = make_result([mt], [ref], bt={"apertium": [bt]})
    found = antonym.check(result, CTX) + wordlevel.check(result, CTX)
    assert [f for f in found if f.kind == "meaning_inversion"] == []


def test_sense_opposites_reach_through_synsets_and_clusters() -> None:
    net = wordlink.wordnet_graph()
    assert net is not None
    assert "poorly" in net.sense_opposites("well", 2)  # well / ill, badly, poorly
    assert "atypical" in net.sense_opposites("average", 2)  # via normal / abnormal
    assert "short" in net.sense_opposites("long", 1)
    assert "good" not in net.sense_opposites("well", 2)


def test_a_noun_is_opposed_in_the_english_words_part_of_speech() -> None:
    net = wordlink.wordnet_graph()
    assert net is not None
    assert "call" in net.sense_opposites("put", 2)  # the options
    assert "call" not in net.sense_opposites("put", 2, "VERB")
    mt = "Les élus réclament une étude avant la mise en service de la ligne."
    ref = "Councillors are calling for a study before the line opens."
    bt = "The elected demand a study before the putting in service of the line."
    assert summary(findings(mt, ref, bt)) == []


@pytest.mark.parametrize(
    ("mt", "ref", "bt"),
    [
        # « peu » before an adjective says its opposite pole (peu profond = shallow), whatever
        # part of speech the tagger gives the adjective
        ("Le lac est peu profond près de la rive.", "The lake is shallow near the shore.",
         "The lake is little deep near of the margin."),
        ("La rivière était peu profonde en été.", "The river was shallow in summer.",
         "The river was little deep in summer."),
    ],
)
def test_a_softened_word_is_not_an_opposite(mt: str, ref: str, bt: str) -> None:
    result = make_result([mt], [ref], bt={"apertium": [bt]})
    found = antonym.check(result, CTX) + wordlevel.check(result, CTX)
    assert [f for f in found if f.kind == "meaning_inversion"] == []


@pytest.mark.parametrize(
    ("mt", "ref", "bt", "expected"),
    [
        # The dictionary gives « simple » only "mere"; read as its English look-alike,
        # simple is complex's antonym.
        ("Cette méthode est très simple à utiliser.", "This method is very complex to use.",
         "This method is very mere to use.",
         [("meaning_inversion", "simple", "complex")]),
        # « rare » is only "scarce" in the dictionary; rare ~ uncommon / common.
        ("Cette maladie est rare chez les enfants.", "This disease is common in children.",
         "This illness is scarce in the girls.",
         [("meaning_inversion", "rare", "common")]),
        # little ~ much, which the English → French dictionary translates « beaucoup »; the
        # back-translation says "a lot", the French word's sense of two words.
        ("Nous avons beaucoup de temps ce matin.", "We have little time this morning.",
         "Have a lot of times this morning.",
         [("meaning_inversion", "beaucoup", "little")]),
        # reduce is a way to decrease, the opposite of increase
        ("Le gouvernement va réduire les impôts.", "The government will increase taxes.",
         "The executive goes to reduce the taxes.",
         [("meaning_inversion", "réduire", "increase")]),
    ],
)
def test_opposites_the_dictionary_renders_by_a_rarer_synonym(
    mt: str, ref: str, bt: str, expected: list
) -> None:
    assert summary(findings(mt, ref, bt)) == expected


@pytest.mark.parametrize(
    ("mt", "ref", "bt"),
    [
        ("Cette méthode est très simple à utiliser.", "This method is very simple to use.",
         "This method is very mere to use."),
        ("Cette maladie est rare chez les enfants.", "This disease is rare in children.",
         "This illness is scarce in the girls."),
        ("Nous avons beaucoup de temps ce matin.", "We have a lot of time this morning.",
         "Have a lot of times this morning."),
        ("Le gouvernement va réduire les impôts.", "The government will cut taxes.",
         "The executive goes to reduce the taxes."),
        # a broad French sense (porter: take) facing a manner of its opposite (pay, a way
        # to give): the French verb is not read as the opposite of every such manner
        ("Le club a porté la facture au trésorier.", "The club paid the bill to the treasurer.",
         "The club has taken the invoice to the treasurer."),
    ],
)
def test_renderings_of_the_same_pole_are_not_opposites(mt: str, ref: str, bt: str) -> None:
    result = make_result([mt], [ref], bt={"apertium": [bt]})
    found = antonym.check(result, CTX) + wordlevel.check(result, CTX)
    assert [f for f in found if f.kind == "meaning_inversion"] == []


def test_a_manner_of_a_verb_inherits_its_opposite() -> None:
    net = wordlink.wordnet_graph()
    assert net is not None
    assert "increase" in net.inherited_opposites("reduce")
    assert "criticize" in net.inherited_opposites("congratulate")
    # the top verbs' antonyms (change / stay) are not inherited by every verb under them
    assert "stay" not in net.inherited_opposites("rise")
    assert net.inherited_opposites("not-a-verb") == frozenset()


def test_a_french_verb_is_not_opposed_to_an_english_noun() -> None:
    # answer and question are opposed as nouns; « répondre » is the verb
    assert summary(findings(
        "La ministre est partie sans répondre aux journalistes.",
        "The minister left without taking questions from journalists.",
        "The minister has gone without answering to the journalists.",
    )) == []


@pytest.mark.skipif(freedict() is None, reason="FreeDict fra-eng is not installed")
@pytest.mark.parametrize(
    ("mt", "ref", "bt", "expected"),
    [
        # Apertium's « sombre » is only "shady"; FreeDict's is dark, dim, gloomy
        ("Le ciel restera sombre toute la nuit.", "The sky will stay light all night.",
         "The heaven will remain shady all night.",
         [("meaning_inversion", "sombre", "light")]),
        ("Le ciel restera sombre toute la nuit.", "The sky will stay dark all night.",
         "The heaven will remain shady all night.", []),
        # a function word is not read in it (« plus »: more, further / closer)
        ("Les deux pays veulent un dialogue plus approfondi.",
         "The two countries want closer dialogue.",
         "The two countries want a dialogue more deepened.", []),
    ],
)
def test_the_second_dictionary_gives_the_everyday_sense(
    mt: str, ref: str, bt: str, expected: list
) -> None:
    assert summary(findings(mt, ref, bt)) == expected
