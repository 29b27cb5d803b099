"""Scoring the detectors against labelled stories (the evaluation and held-out sets).

Each story folder holds ``mt.fr.txt``, ``ref.en.txt`` and ``labels.toml`` (``[[error]]``:
``kind``, ``mt_line``/``mt_span`` or ``ref_line``/``ref_span``, optional ``also``). The real
pipeline runs with Apertium; a label is found when a finding of its kind sits on its line
with overlapping spans, and a finding no label explains is a false positive.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
from support import ARTIFACTS

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib


def need_apertium() -> None:
    """Skip without Apertium, except in CI where its absence is a failure."""
    if shutil.which("apertium") and shutil.which("lt-proc"):
        return
    message = "apertium is not installed (apt-get install apertium apertium-fr-es apertium-eng-spa)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def stories(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if (p / "labels.toml").is_file())


def labels(story: Path) -> list[dict[str, Any]]:
    with (story / "labels.toml").open("rb") as handle:
        return list(tomllib.load(handle).get("error", []))  # none: a clean control


def misplaced_labels(folder: Path) -> list[tuple[str, dict[str, Any]]]:
    """Labels whose span is not on the line they name."""
    wrong = []
    for story in stories(folder):
        mt_lines = (story / "mt.fr.txt").read_text(encoding="utf-8").splitlines()
        ref_lines = (story / "ref.en.txt").read_text(encoding="utf-8").splitlines()
        for label in labels(story):
            lines, line, span = (
                (mt_lines, label["mt_line"], label["mt_span"])
                if "mt_line" in label
                else (ref_lines, label["ref_line"], label["ref_span"])
            )
            if span not in lines[line - 1]:
                wrong.append((story.name, label))
    return wrong


def _overlap(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    return a in b or b in a


def matches(label: dict[str, Any], found: Any, mt_para: dict[int, int],
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


def _explains(label: dict[str, Any], found: Any, mt_para: dict[int, int],
              ref_para: dict[int, int]) -> bool:
    kinds = {label["kind"], *label.get("also", ())}
    return found.kind in kinds and matches(label, found, mt_para, ref_para)


def score(story_dirs: list[Path], documents: list[Any]) -> dict[str, Any]:
    """Recall per labelled kind and false positives / precision per found kind."""
    table: dict[str, dict[str, Any]] = {}

    def row(kind: str) -> dict[str, Any]:
        return table.setdefault(kind, {"labelled": 0, "found": 0, "reported": 0, "false": 0})

    missed: list[dict[str, Any]] = []
    false_positives: list[dict[str, Any]] = []
    for story, document in zip(story_dirs, documents, strict=True):
        story_labels = labels(story)
        mt_para = {s.index: s.para for s in document.mt_segments}
        ref_para = {s.index: s.para for s in document.ref_segments}
        for label in story_labels:
            row(label["kind"])["labelled"] += 1
            if any(
                f.kind == label["kind"] and matches(label, f, mt_para, ref_para)
                for f in document.findings
            ):
                row(label["kind"])["found"] += 1
            else:
                missed.append({"story": story.name, **label})
        for found in document.findings:
            row(found.kind)["reported"] += 1
            if not any(_explains(label, found, mt_para, ref_para) for label in story_labels):
                row(found.kind)["false"] += 1
                false_positives.append({
                    "story": story.name, "kind": found.kind, "severity": found.severity,
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
    overall["recall"] = (
        round(overall["found"] / overall["labelled"], 3) if overall["labelled"] else None
    )
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


def evaluate(folder: Path, name: str) -> dict[str, Any]:
    """Run the pipeline on every story of ``folder``, score it, print and save the table."""
    need_apertium()
    from mtqa.pipeline import run

    story_dirs = stories(folder)
    config = {
        "name": name,
        "documents": [
            {"id": s.name, "mt": str(s / "mt.fr.txt"), "ref": str(s / "ref.en.txt")}
            for s in story_dirs
        ],
        "engines": [{"name": "apertium", "kind": "apertium"}],
    }
    result = run(config, use_cache=False, write=False)
    report = score(story_dirs, list(result.documents))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"{name}.json").write_text(
        json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8"
    )
    _print(report)
    return report
