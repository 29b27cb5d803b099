"""Engine comparison: sacrebleu's paired bootstrap over shared units."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from support import SAMPLE, make_result

from mtqa.compare import comparison_units
from mtqa.model import DocumentResult
from mtqa.pipeline import run
from mtqa.runfolder import load_run


@pytest.fixture(scope="module")
def compared(tmp_path_factory: pytest.TempPathFactory, tiny_marian_dir: Path) -> Path:
    from support import apertium_required

    apertium_required()
    out = tmp_path_factory.mktemp("compare")
    config = {
        "name": "cmp",
        "output_dir": str(out),
        "documents": [
            {"id": "sample", "mt": str(SAMPLE / "mt.fr.txt"), "ref": str(SAMPLE / "ref.en.txt")}
        ],
        "engines": [
            {"name": "apertium", "kind": "apertium", "required": True},
            {
                "name": "tiny",
                "kind": "marian",
                "model": str(tiny_marian_dir),
                "required": True,
                "settings": {"num_beams": 1, "max_new_tokens": 24},
            },
        ],
        "cache": {"dir": str(out / "cache")},
    }
    run(config)
    return out / "cmp"


def sacrebleu_paired_pvalues(
    tmp_path: Path, reference: list[str], baseline: list[str], other: list[str]
) -> dict[str, float]:
    files = {}
    for name, lines in (("ref", reference), ("base", baseline), ("other", other)):
        files[name] = tmp_path / f"{name}.txt"
        files[name].write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "sacrebleu",
            str(files["ref"]),
            "-i",
            str(files["base"]),
            str(files["other"]),
            "--paired-bs",
            "--paired-bs-n",
            "1000",
            "-m",
            "bleu",
            "chrf",
            "ter",
            "-f",
            "text",
            "--no-color",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    p_values = [float(p) for p in re.findall(r"\(p = ([0-9.]+)\)", out)]
    return dict(zip(["bleu", "chrf", "ter"], p_values, strict=True))


def test_significance_matches_sacrebleus_own_paired_bootstrap(
    compared: Path, tmp_path: Path
) -> None:
    result = load_run(compared)
    table = result.stats.to_json()["comparison"]
    assert table["baseline"] == "mt/apertium"
    units = comparison_units({"mt": list(result.documents)}, ["apertium", "tiny"])
    assert len(units) == table["units"] == 18  # the sample's 18 reference sentences, 1-1 or 2-1
    expected = sacrebleu_paired_pvalues(
        tmp_path,
        [u.reference for u in units],
        [u.hypotheses[("mt", "apertium")] for u in units],
        [u.hypotheses[("mt", "tiny")] for u in units],
    )
    tiny = table["rows"][1]
    assert tiny["label"] == "mt/tiny"
    for metric, p_value in expected.items():
        assert tiny["scores"][metric]["p_value"] == pytest.approx(p_value, abs=1e-4)
    # random tiny weights against a real engine: the difference is significant
    assert tiny["scores"]["chrf"]["p_value"] < 0.05
    assert tiny["wins"] + tiny["ties"] + tiny["losses"] == table["units"]
    assert tiny["losses"] > tiny["wins"]


def test_summary_and_terminal_carry_the_table(compared: Path) -> None:
    import json

    from mtqa.report.terminal import format_summary

    summary = json.loads((compared / "summary.json").read_text(encoding="utf-8"))
    assert summary["comparison"]["rows"][0]["label"] == "mt/apertium"
    text = format_summary(load_run(compared))
    assert "Comparison over 18 units, baseline mt/apertium" in text
    assert "mt/tiny" in text


def doc_result(
    doc_id: str,
    beads: list[tuple[tuple[int, ...], tuple[int, ...]]],
    refs: list[str],
    bt: dict[str, list[str]],
) -> DocumentResult:
    n_mt = max((max(m) for m, _ in beads if m), default=-1) + 1
    return make_result([f"fr{i}" for i in range(n_mt)], refs, beads=beads, bt=bt, doc=doc_id)


def test_units_merge_reference_sentences_any_alignment_groups() -> None:
    refs = ["r0", "r1", "r2", "r3"]
    a = doc_result(
        "d", [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,))], refs, {"e": ["a0", "a12", "a3"]}
    )
    b = doc_result(
        "d", [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((), (3,))], refs, {"e": ["b0", "b1", "b2"]}
    )
    units = comparison_units({"A": [a], "B": [b]}, ["e"])
    assert [u.reference for u in units] == ["r0", "r1 r2", "r3"]
    assert [u.hypotheses[("A", "e")] for u in units] == ["a0", "a12", "a3"]
    assert [u.hypotheses[("B", "e")] for u in units] == ["b0", "b1 b2", ""]  # dropped: empty
