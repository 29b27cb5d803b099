"""The held-out set: news stories the detectors were not developed against.

Same format and scoring as the evaluation set (``tests/test_evalset.py``): short invented
stories in ``tests/data/heldout/*`` with realistic injected MT errors of every kind and
plenty of correct localisations that must not be flagged. The real pipeline runs with
Apertium; every labelled error is found or missed (its kind, on its line, spans
overlapping) and every finding no label explains is a false positive. The table (labelled,
found, recall, false positives, precision per kind) is printed and written to
``test-artifacts/heldout.json``.

The detectors were never tuned on these stories, so the figures are an honest estimate of
how they do on new text. The thresholds below sit just under the measured values: they
catch regressions, they are not targets.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from support import REPO_ROOT
from test_evalset import _labels, _matches, need_apertium

pytestmark = [pytest.mark.slow, pytest.mark.apertium]

HELDOUT = REPO_ROOT / "tests" / "data" / "heldout"
ARTIFACTS = REPO_ROOT / "test-artifacts"

ALL_KINDS = {
    "entity_drift", "entity_missing", "entity_inconsistent", "number_mismatch",
    "odd_rendering", "meaning_inversion", "omission", "addition", "untranslated",
    "boilerplate", "fragment", "low_score",
}

# Measured with Apertium alone (test-artifacts/heldout.json): 47 labelled errors, 31 found
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


def _stories() -> list[Path]:
    return sorted(p for p in HELDOUT.iterdir() if (p / "labels.toml").is_file())


def _explains(label: dict[str, Any], found: Any, mt_para: dict[int, int],
              ref_para: dict[int, int]) -> bool:
    kinds = {label["kind"], *label.get("also", ())}
    return found.kind in kinds and _matches(label, found, mt_para, ref_para)


def _score(stories: list[Path], documents: list[Any]) -> dict[str, Any]:
    """Recall per labelled kind and false positives / precision per found kind."""
    table: dict[str, dict[str, Any]] = {}

    def row(kind: str) -> dict[str, Any]:
        return table.setdefault(kind, {"labelled": 0, "found": 0, "reported": 0, "false": 0})

    missed: list[dict[str, Any]] = []
    false_positives: list[dict[str, Any]] = []
    for story, document in zip(stories, documents, strict=True):
        labels = _labels(story)
        mt_para = {s.index: s.para for s in document.mt_segments}
        ref_para = {s.index: s.para for s in document.ref_segments}
        for label in labels:
            row(label["kind"])["labelled"] += 1
            if any(
                f.kind == label["kind"] and _matches(label, f, mt_para, ref_para)
                for f in document.findings
            ):
                row(label["kind"])["found"] += 1
            else:
                missed.append({"story": story.name, **label})
        for found in document.findings:
            row(found.kind)["reported"] += 1
            if not any(_explains(label, found, mt_para, ref_para) for label in labels):
                row(found.kind)["false"] += 1
                false_positives.append({
                    "story": story.name, "kind": found.kind,
                    "mt_line": None if found.mt_index is None
                    else mt_para.get(found.mt_index, -1) + 1,
                    "mt_span": found.mt_span, "ref_span": found.ref_span,
                    "message": found.message,
                })
    for values in table.values():
        labelled, reported = values["labelled"], values["reported"]
        values["recall"] = round(values["found"] / labelled, 3) if labelled else None
        values["precision"] = (
            round((reported - values["false"]) / reported, 3) if reported else None
        )
    rows = table.values()
    reported = sum(r["reported"] for r in rows)
    overall = {
        "labelled": sum(r["labelled"] for r in rows),
        "found": sum(r["found"] for r in rows),
        "reported": reported,
        "false": sum(r["false"] for r in rows),
    }
    overall["recall"] = round(overall["found"] / overall["labelled"], 3)
    overall["precision"] = (
        round((reported - overall["false"]) / reported, 3) if reported else None
    )
    return {"per_kind": table, "overall": overall, "missed": missed,
            "false_positives": false_positives}


def _print(report: dict[str, Any]) -> None:
    def cell(value: float | None) -> str:
        return "-" if value is None else f"{value:.2f}"

    print("\nkind                 labelled found recall reported false precision")
    rows = sorted(report["per_kind"].items()) + [("overall", report["overall"])]
    for kind, row in rows:
        print(f"{kind:20} {row['labelled']:8} {row['found']:5} {cell(row['recall']):>6} "
              f"{row['reported']:8} {row['false']:5} {cell(row['precision']):>9}")


@pytest.fixture(scope="module")
def heldout() -> dict[str, Any]:
    need_apertium()
    from mtqa.pipeline import run

    stories = _stories()
    config = {
        "name": "heldout",
        "documents": [
            {"id": s.name, "mt": str(s / "mt.fr.txt"), "ref": str(s / "ref.en.txt")}
            for s in stories
        ],
        "engines": [{"name": "apertium", "kind": "apertium"}],
    }
    result = run(config, use_cache=False, write=False)
    report = _score(stories, list(result.documents))
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "heldout.json").write_text(
        json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8"
    )
    _print(report)
    return report


def test_the_set_covers_every_kind_of_error() -> None:
    kinds = {label["kind"] for story in _stories() for label in _labels(story)}
    assert len(_stories()) >= 6
    assert kinds == ALL_KINDS


def test_labels_point_at_real_text() -> None:
    for story in _stories():
        mt_lines = (story / "mt.fr.txt").read_text(encoding="utf-8").splitlines()
        ref_lines = (story / "ref.en.txt").read_text(encoding="utf-8").splitlines()
        for label in _labels(story):
            assert label["kind"] in ALL_KINDS, (story.name, label)
            if "mt_line" in label:
                assert label["mt_span"] in mt_lines[label["mt_line"] - 1], (story.name, label)
            else:
                assert label["ref_span"] in ref_lines[label["ref_line"] - 1], (story.name, label)


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
