"""The held-out set: news stories the detectors were not developed against.

Same format and scoring as the evaluation set (``tests/test_evalset.py``): short invented
stories in ``tests/data/heldout/*`` with realistic injected MT errors of every kind and
plenty of correct localisations that must not be flagged. The real pipeline runs with
Apertium; every labelled error is found or missed (its kind, on its line, spans
overlapping) and every finding no label explains is a false positive. The table (labelled,
found, recall, false positives, precision per kind) is printed and written to
``$MTQA_TEST_ARTIFACTS/heldout.json``.

The detectors were never tuned on these stories, so the figures are an honest estimate of
how they do on new text. The thresholds below sit just under the measured values: they
catch regressions, they are not targets.
"""

from __future__ import annotations

from typing import Any

import pytest
from labelled import evaluate, labels, misplaced_labels, stories
from support import REPO_ROOT

pytestmark = [pytest.mark.slow, pytest.mark.apertium]

HELDOUT = REPO_ROOT / "tests" / "data" / "heldout"

ALL_KINDS = {
    "entity_drift", "entity_missing", "entity_inconsistent", "number_mismatch",
    "odd_rendering", "meaning_inversion", "omission", "addition", "untranslated",
    "boilerplate", "fragment", "low_score",
}

# Measured with Apertium alone ($MTQA_TEST_ARTIFACTS/heldout.json): 47 labelled errors, 31 found
# (recall 0.66); 39 findings, 6 unexplained (precision 0.85). Each floor sits just below its
# measured value, so losing one more find fails. low_score was measured at recall 0 (the
# garbled sentences are word-for-word calques that Apertium back-translates into something
# close to the reference), so it has no floor of its own: the overall recall guards it.
MIN_RECALL = {
    "addition": 0.6,  # 2/3
    "boilerplate": 0.95,  # 6/6
    "entity_drift": 0.45,  # 2/4
    "entity_inconsistent": 0.45,  # 1/2
    "entity_missing": 0.95,  # 3/3
    "fragment": 0.3,  # 1/3
    "meaning_inversion": 0.55,  # 3/5
    "number_mismatch": 0.75,  # 4/5
    "odd_rendering": 0.7,  # 5/7
    "omission": 0.6,  # 2/3
    "untranslated": 0.6,  # 2/3
}
MIN_OVERALL_RECALL = 0.65  # 31/47 = 0.660
MIN_OVERALL_PRECISION = 0.84  # 33/39 = 0.846
# Measured false positives per kind; a kind not listed had none.
MAX_FALSE_POSITIVES = {"addition": 2, "entity_drift": 1, "low_score": 2, "number_mismatch": 1}


@pytest.fixture(scope="module")
def heldout() -> dict[str, Any]:
    return evaluate(HELDOUT, "heldout")


def test_the_set_covers_every_kind_of_error() -> None:
    kinds = {label["kind"] for story in stories(HELDOUT) for label in labels(story)}
    assert len(stories(HELDOUT)) >= 6
    assert kinds == ALL_KINDS


def test_labels_point_at_real_text() -> None:
    assert misplaced_labels(HELDOUT) == []
    kinds = {label["kind"] for story in stories(HELDOUT) for label in labels(story)}
    assert kinds <= ALL_KINDS


@pytest.mark.parametrize("kind", sorted(MIN_RECALL))
def test_recall_per_kind(heldout: dict[str, Any], kind: str) -> None:
    assert heldout["per_kind"][kind]["recall"] >= MIN_RECALL[kind], heldout["missed"]


def test_overall_recall(heldout: dict[str, Any]) -> None:
    assert heldout["overall"]["recall"] >= MIN_OVERALL_RECALL, heldout["missed"]


def test_overall_precision(heldout: dict[str, Any]) -> None:
    assert heldout["overall"]["precision"] >= MIN_OVERALL_PRECISION, heldout["false_positives"]


@pytest.mark.parametrize("kind", sorted(ALL_KINDS))
def test_false_positives_per_kind(heldout: dict[str, Any], kind: str) -> None:
    false = heldout["per_kind"].get(kind, {"false": 0})["false"]
    assert false <= MAX_FALSE_POSITIVES.get(kind, 0), heldout["false_positives"]
