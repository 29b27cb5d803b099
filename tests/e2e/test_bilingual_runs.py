"""XLIFF and TMX inputs through a real run."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from inputs import UNITS, write_bilingual_files

from mtqa.cli import main


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    return write_bilingual_files(tmp_path)


def _run_and_check(argv: list[str], out: Path) -> None:
    assert main([*argv, "--out", str(out), "--quiet"]) == 0
    with (out / "segments.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    # One bead per unit, in file order, each exactly the unit's texts: no re-alignment.
    assert [(r["reference"], r["mt"]) for r in rows] == UNITS
    assert [(r["mt_indexes"], r["ref_indexes"]) for r in rows] == [("0", "0"), ("1", "1"),
                                                                   ("2", "2")]
    findings = [
        json.loads(line)
        for line in (out / "findings.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert any(f["kind"] == "number_mismatch" and f["mt_index"] == 0 for f in findings)


def test_xliff_12_and_tmx_run_end_to_end(files: dict[str, Path], tmp_path: Path) -> None:
    from support import apertium_required

    apertium_required()
    cache = ["--engine", "apertium", "--cache-dir", str(tmp_path / "cache")]
    _run_and_check(["run", "--xliff", str(files["story.xlf"]), *cache], tmp_path / "x1")
    _run_and_check(["run", "--tmx", str(files["story.tmx"]), *cache], tmp_path / "tmx")
    summary = json.loads((tmp_path / "x1" / "summary.json").read_text(encoding="utf-8"))
    assert summary["name"] == "story" and summary["documents"][0]["id"] == "story"


def test_xliff_2_from_a_config(files: dict[str, Path], tmp_path: Path) -> None:
    from support import apertium_required

    apertium_required()
    config = tmp_path / "run.toml"
    config.write_text(
        '[[documents]]\nid = "two"\nxliff = "story2.xliff"\n'
        '[[engines]]\nname = "apertium"\nkind = "apertium"\n',
        encoding="utf-8",
    )
    _run_and_check(["run", str(config), "--cache-dir", str(tmp_path / "cache")], tmp_path / "x2")
