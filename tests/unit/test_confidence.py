"""Confidence of findings: bins, the calibration arithmetic, the table, min_confidence."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from support import REPO_ROOT

from mtqa.checks import validate_settings
from mtqa.cli import main
from mtqa.confidence import Calibration, assign, bins, keep_confident, load
from mtqa.errors import ConfigError
from mtqa.model import Finding


def _finding(kind: str = "entity_drift", severity: str = "critical", engines: tuple = (),
             **evidence: object) -> Finding:
    return Finding(
        doc="d", kind=kind, severity=severity, mt_index=0, ref_index=0, mt_text="x",
        mt_span="x", ref_span="y", bt_span=None, engines=engines, detector="t",
        message="m", evidence=evidence,
    )


def _calibrator() -> ModuleType:
    path = REPO_ROOT / "benchmarks" / "calibrate_confidence.py"
    spec = importlib.util.spec_from_file_location("calibrate_confidence", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_bins_go_from_specific_to_kind() -> None:
    found = _finding(engines=("apertium",), check="negation", other="ignored")
    assert bins(found) == (
        "entity_drift|critical|bt|check=negation", "entity_drift|critical", "entity_drift"
    )
    assert bins(_finding(severity="major"))[0] == "entity_drift|major|no-bt|-"


def test_the_most_specific_known_bin_gives_the_confidence() -> None:
    calibration = Calibration({"entity_drift|critical": 0.9, "entity_drift": 0.7}, 0.4)
    assert calibration.confidence(_finding()) == 0.9
    assert calibration.confidence(_finding(severity="minor")) == 0.7
    assert calibration.confidence(_finding(kind="omission")) == 0.4
    assert [f.confidence for f in assign([_finding()], calibration)] == [0.9]


def test_calibration_smooths_each_bin_towards_its_parent() -> None:
    calibrate = _calibrator().calibrate
    labelled = [(_finding(), True)] * 3 + [(_finding(), False)] + [
        (_finding(kind="omission", severity="major"), False)
    ] * 4
    table = calibrate(labelled, prior=2.0)
    root = (3 + 1) / (8 + 2)  # 3 right of 8, Laplace-smoothed
    assert table["default"] == round(root, 3)
    kind = (3 + 2 * root + 1) / (4 + 2 + 2)
    assert table["bins"]["entity_drift"]["confidence"] == round(kind, 3)
    severity = (3 + 2 * round(kind, 3) + 1) / (4 + 2 + 2)
    assert table["bins"]["entity_drift|critical"]["confidence"] == round(severity, 3)
    assert table["bins"]["entity_drift|critical"]["right"] == 3
    assert table["bins"]["omission"]["findings"] == 4
    assert table["bins"]["omission"]["confidence"] < table["default"] < kind


def test_the_shipped_table_loads_and_bad_tables_are_config_errors(tmp_path: Path) -> None:
    shipped = load()
    assert 0.0 <= shipped.default <= 1.0
    assert all(0.0 <= v <= 1.0 for v in shipped.table.values())
    bad = tmp_path / "confidence.toml"
    bad.write_text('default = 0.5\n[bins]\n"x" = { confidence = 1.5 }\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="between 0 and 1"):
        load(bad)
    with pytest.raises(ConfigError, match="missing"):
        load(tmp_path / "absent.toml")


def test_min_confidence_leaves_out_lower_findings() -> None:
    low, high = _finding(), _finding(kind="omission")
    low, high = (f.__class__(**{**f.__dict__, "confidence": c}) for f, c in ((low, 0.2),
                                                                               (high, 0.8)))
    assert keep_confident([low, high], 0.5) == [high]
    assert keep_confident([low, high], 0.0) == [low, high]


def test_min_confidence_is_validated() -> None:
    validate_settings({"min_confidence": 0.5})
    with pytest.raises(ConfigError, match="min_confidence"):
        validate_settings({"min_confidence": 2})
    with pytest.raises(ConfigError, match="min_confidence"):
        validate_settings({"min_confidence": "high"})


def test_min_confidence_option_out_of_range_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mt, ref = tmp_path / "mt.fr.txt", tmp_path / "ref.en.txt"
    mt.write_text("Bonjour.\n", encoding="utf-8")
    ref.write_text("Hello.\n", encoding="utf-8")
    code = main(["run", "--mt", str(mt), "--ref", str(ref), "--engine", "apertium",
                 "--out", str(tmp_path / "out"), "--min-confidence", "3"])
    assert code == 2
    assert "--min-confidence" in capsys.readouterr().err


def test_the_report_shows_each_finding_s_confidence() -> None:
    from dataclasses import replace

    from report_builders import make_run, mixed_document

    from mtqa.report.html import render_html

    document = mixed_document()
    document = replace(document, findings=tuple(
        replace(f, confidence=0.42 if i == 0 else 0.9) for i, f in enumerate(document.findings)
    ))
    html = render_html(make_run([document]))
    assert "42% sure" in html and "90% sure" in html
