"""The sense set: polysemous news words rendered by a French word of another sense.

``tests/data/senses/*``: short invented stories (elections, courts, markets, sport,
medicine, shipping, war, business), each line a pair. Labelled lines render a reference
word of several senses by a French word of another one ("the bill passed" → « la
facture », "an air strike" → « une grève »); the other lines use the same English words
in their right French sense and must raise nothing. Scored like the evaluation set
(``tests/labelled.py``); the table is written to ``$MTQA_TEST_ARTIFACTS/senses.json``.
The floors sit just under the measured values: they catch regressions, they are not
targets.
"""

from __future__ import annotations

from typing import Any

import pytest
from labelled import evaluate, labels, misplaced_labels, stories
from support import REPO_ROOT

pytestmark = [pytest.mark.slow, pytest.mark.apertium]

SENSES = REPO_ROOT / "tests" / "data" / "senses"

# Measured with Apertium alone: 46 labelled wrong senses, 2 found (facture by the trap
# lexicon, bâton by the sense check); 11 findings, 9 unexplained (2 of them minor
# low_score and 1 minor number_mismatch; 1 odd_rendering: « cessera » for "stop").
MIN_RECALL = 0.04  # 2/46
MAX_FALSE_POSITIVES = 9
MAX_FALSE_ODD_RENDERINGS = 1


@pytest.fixture(scope="module")
def sense_set() -> dict[str, Any]:
    return evaluate(SENSES, "senses")


def test_labels_point_at_real_text() -> None:
    assert misplaced_labels(SENSES) == []
    assert {label["kind"] for story in stories(SENSES) for label in labels(story)} == {
        "odd_rendering"
    }


def test_recall(sense_set: dict[str, Any]) -> None:
    assert sense_set["per_kind"]["odd_rendering"]["recall"] >= MIN_RECALL, sense_set["missed"]


def test_false_positives(sense_set: dict[str, Any]) -> None:
    assert sense_set["overall"]["false"] <= MAX_FALSE_POSITIVES, sense_set["false_positives"]
    false = sense_set["per_kind"]["odd_rendering"]["false"]
    assert false <= MAX_FALSE_ODD_RENDERINGS, sense_set["false_positives"]
