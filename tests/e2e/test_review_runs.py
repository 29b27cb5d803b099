"""Review decisions across real runs: stable ids, a decision waives its finding."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from inputs import REVIEW_MT, REVIEW_REF
from support import apertium_argv

from mtqa.cli import main

MT, REF = REVIEW_MT, REVIEW_REF


@pytest.fixture
def inputs(tmp_path: Path) -> tuple[Path, Path]:
    from support import apertium_required

    apertium_required()
    mt, ref = tmp_path / "mt.fr.txt", tmp_path / "ref.en.txt"
    mt.write_text("\n".join(MT) + "\n", encoding="utf-8")
    ref.write_text("\n".join(REF) + "\n", encoding="utf-8")
    return mt, ref


def _findings(run_dir: Path) -> list[dict[str, object]]:
    lines = (run_dir / "findings.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_ids_are_stable_across_runs_and_a_decision_waives_a_finding(
    tmp_path: Path, inputs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    mt, ref = inputs
    cache = tmp_path / "cache"
    assert main(apertium_argv(mt, ref, tmp_path / "a", "--quiet", cache=cache)) == 0
    assert main(apertium_argv(mt, ref, tmp_path / "b", "--quiet", cache=cache)) == 0
    first, second = _findings(tmp_path / "a"), _findings(tmp_path / "b")
    assert first, "the inputs hold a number slip: there must be findings"
    assert [f["id"] for f in first] == [f["id"] for f in second]
    assert len({f["id"] for f in first}) == len(first)

    waived = next(f for f in first if f["kind"] == "number_mismatch")
    decisions = tmp_path / "decisions.json"
    decisions.write_text(
        json.dumps(
            {
                "decisions": [
                    {"id": waived["id"], "verdict": "false_alarm", "note": "agreed with client"},
                    {"id": "000000000000", "verdict": "fixed", "note": None},
                ]
            }
        ),
        encoding="utf-8",
    )
    before = json.loads((tmp_path / "a" / "summary.json").read_text(encoding="utf-8"))
    argv = apertium_argv(mt, ref, tmp_path / "c", "--decisions", str(decisions), cache=cache)
    capsys.readouterr()
    assert main(argv) == 0
    out = capsys.readouterr().out
    third = _findings(tmp_path / "c")
    assert [f["id"] for f in third] == [f["id"] for f in first]  # kept, not dropped
    kept = next(f for f in third if f["id"] == waived["id"])
    assert kept["verdict"] == "false_alarm" and kept["note"] == "agreed with client"
    after = json.loads((tmp_path / "c" / "summary.json").read_text(encoding="utf-8"))
    assert after["findings"]["total"] == before["findings"]["total"] - 1
    assert after["findings"]["false_alarms"] == 1
    assert after["stats"]["review"]["stale"][0]["id"] == "000000000000"
    assert "1 stale decision(s)" in out and "000000000000" in out

    # A gate counts errors a reviewer has not waived.
    critical = before["findings"]["by_severity"]["critical"]
    gate = f"critical>={critical}"
    assert main(apertium_argv(mt, ref, tmp_path / "d", "--quiet", "--fail-on", gate,
                              cache=cache)) == 1
    assert main(apertium_argv(mt, ref, tmp_path / "e", "--quiet", "--fail-on", gate,
                              "--decisions", str(decisions), cache=cache)) == (
        0 if waived["severity"] == "critical" else 1
    )
