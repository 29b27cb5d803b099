"""The evaluation set: short invented news stories with injected errors of every kind.

Runs the real pipeline with Apertium over ``tests/data/evalset/*`` and scores the
findings against ``labels.toml`` (``tests/labelled.py``): recall per kind (labelled errors
found with their kind on their line, spans overlapping) and false positives per kind
(findings no label explains). Prints the table and writes it to
``$MTQA_TEST_ARTIFACTS/evalset.json``; the thresholds below were set from measured values and
guard against regressions.
"""

from __future__ import annotations

from typing import Any

import pytest
from labelled import evaluate, labels, misplaced_labels, stories
from support import REPO_ROOT

EVALSET = REPO_ROOT / "tests" / "data" / "evalset"

# Measured with Apertium alone (see the report in $MTQA_TEST_ARTIFACTS/evalset.json).
MIN_RECALL = {
    "odd_rendering": 1.0,
    "meaning_inversion": 0.8,
    "boilerplate": 1.0,
    "omission": 1.0,
    "addition": 1.0,
    "fragment": 1.0,
}
MIN_OVERALL_RECALL = 0.8
MAX_FALSE_POSITIVES = {
    "odd_rendering": 0,
    "meaning_inversion": 0,
    "boilerplate": 0,
    "omission": 0,
    "addition": 0,
    "fragment": 0,
}


@pytest.fixture(scope="module")
def evaluation() -> dict[str, Any]:
    return evaluate(EVALSET, "evalset")


def test_the_set_covers_every_kind_of_error() -> None:
    kinds = {label["kind"] for story in stories(EVALSET) for label in labels(story)}
    assert len(stories(EVALSET)) >= 5
    assert kinds >= {
        "entity_drift", "number_mismatch", "odd_rendering", "meaning_inversion", "omission",
        "addition", "boilerplate", "fragment", "untranslated",
    }


def test_labels_point_at_real_text() -> None:
    assert misplaced_labels(EVALSET) == []


@pytest.mark.parametrize("kind", sorted(MIN_RECALL))
def test_recall_per_kind(evaluation: dict[str, Any], kind: str) -> None:
    row = evaluation["per_kind"][kind]
    assert row["recall"] >= MIN_RECALL[kind], evaluation["missed"]


def test_overall_recall(evaluation: dict[str, Any]) -> None:
    rows = evaluation["per_kind"].values()
    recall = sum(r["found"] for r in rows) / sum(r["labelled"] for r in rows)
    assert recall >= MIN_OVERALL_RECALL, evaluation["missed"]


@pytest.mark.parametrize("kind", sorted(MAX_FALSE_POSITIVES))
def test_false_positives_per_kind(evaluation: dict[str, Any], kind: str) -> None:
    row = evaluation["per_kind"].get(kind, {"false": 0})
    assert row["false"] <= MAX_FALSE_POSITIVES[kind], evaluation["false_positives"]
