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
