"""The evaluation set: short invented news stories with injected errors of every kind.

Runs the real pipeline with Apertium over ``tests/data/evalset/*`` and scores the
findings against ``labels.toml``: recall per kind (labelled errors found with their kind
on their line, spans overlapping) and false positives per kind (findings no label
explains). Prints the table and writes it to ``test-artifacts/evalset.json``; the
thresholds below were set from measured values and guard against regressions.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
from support import REPO_ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

EVALSET = REPO_ROOT / "tests" / "data" / "evalset"
ARTIFACTS = REPO_ROOT / "test-artifacts"

# Measured with Apertium alone (see the report in test-artifacts/evalset.json).
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


def need_apertium() -> None:
    """Skip without Apertium, except in CI where its absence is a failure."""
    if shutil.which("apertium") and shutil.which("lt-proc"):
        return
    message = "apertium is not installed (apt-get install apertium apertium-fr-es apertium-eng-spa)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def _stories() -> list[Path]:
    return sorted(p for p in EVALSET.iterdir() if (p / "labels.toml").is_file())


def _labels(story: Path) -> list[dict[str, Any]]:
    with (story / "labels.toml").open("rb") as handle:
        return list(tomllib.load(handle)["error"])


def _overlap(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    return a in b or b in a


def _matches(label: dict[str, Any], found: Any, mt_para: dict[int, int],
             ref_para: dict[int, int]) -> bool:
    if "mt_line" in label:
        return (
            found.mt_index is not None
            and mt_para.get(found.mt_index) == label["mt_line"] - 1
            and _overlap(found.mt_span or found.mt_text, label["mt_span"])
        )
    return (
        found.ref_index is not None
        and ref_para.get(found.ref_index) == label["ref_line"] - 1
        and _overlap(found.ref_span, label["ref_span"])
    )


@pytest.fixture(scope="module")
def evaluation(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    need_apertium()
    from mtqa.pipeline import run

    stories = _stories()
    config = {
        "name": "evalset",
        "documents": [
            {"id": s.name, "mt": str(s / "mt.fr.txt"), "ref": str(s / "ref.en.txt")}
            for s in stories
        ],
        "engines": [{"name": "apertium", "kind": "apertium"}],
    }
    result = run(config, use_cache=False, write=False)
    table: dict[str, dict[str, Any]] = {}
    false_positives: list[dict[str, Any]] = []
    missed: list[dict[str, Any]] = []
    for story, document in zip(stories, result.documents, strict=True):
        labels = _labels(story)
        mt_para = {s.index: s.para for s in document.mt_segments}
        ref_para = {s.index: s.para for s in document.ref_segments}
        for label in labels:
            row = table.setdefault(label["kind"], {"labelled": 0, "found": 0, "false": 0})
            row["labelled"] += 1
            if any(
                f.kind == label["kind"] and _matches(label, f, mt_para, ref_para)
                for f in document.findings
            ):
                row["found"] += 1
            else:
                missed.append({"story": story.name, **label})
        for found in document.findings:
            explained = any(
                (found.kind == label["kind"] or found.kind in label.get("also", ()))
                and _matches(label, found, mt_para, ref_para)
                for label in labels
            )
            if not explained:
                table.setdefault(found.kind, {"labelled": 0, "found": 0, "false": 0})
                table[found.kind]["false"] += 1
                false_positives.append(
                    {"story": story.name, "kind": found.kind, "mt_span": found.mt_span,
                     "ref_span": found.ref_span, "message": found.message}
                )
    for row in table.values():
        row["recall"] = round(row["found"] / row["labelled"], 3) if row["labelled"] else None
    report = {"per_kind": table, "missed": missed, "false_positives": false_positives}
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "evalset.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print("\nkind                 labelled found recall false")
    for kind, row in sorted(table.items()):
        recall = "-" if row["recall"] is None else f"{row['recall']:.2f}"
        print(f"{kind:20} {row['labelled']:8} {row['found']:5} {recall:>6} {row['false']:5}")
    return report


def test_the_set_covers_every_kind_of_error() -> None:
    kinds = {label["kind"] for story in _stories() for label in _labels(story)}
    assert len(_stories()) >= 5
    assert kinds >= {
        "entity_drift", "number_mismatch", "odd_rendering", "meaning_inversion", "omission",
        "addition", "boilerplate", "fragment", "untranslated",
    }


def test_labels_point_at_real_text() -> None:
    for story in _stories():
        mt_lines = (story / "mt.fr.txt").read_text(encoding="utf-8").splitlines()
        ref_lines = (story / "ref.en.txt").read_text(encoding="utf-8").splitlines()
        for label in _labels(story):
            if "mt_line" in label:
                assert label["mt_span"] in mt_lines[label["mt_line"] - 1], (story.name, label)
            else:
                assert label["ref_span"] in ref_lines[label["ref_line"] - 1], (story.name, label)


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
