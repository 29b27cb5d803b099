"""Gates and run diffs on real runs of the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from inputs import DOCS, make_docs
from support import apertium_argv

from mtqa.cli import main


@pytest.fixture
def doc_files(tmp_path: Path) -> tuple[Path, Path]:
    make_docs(tmp_path / "docs", DOCS)
    return tmp_path / "docs" / "budget" / "mt.fr.txt", tmp_path / "docs" / "budget" / "ref.en.txt"


def config_for(root: Path, name: str) -> Path:
    path = root / f"{name}.toml"
    path.write_text(
        f'name = "{name}"\noutput_dir = "runs"\n[cache]\ndir = "cache"\n'
        '[[documents]]\nglob = "docs/*/"\n[[engines]]\nname = "apertium"\nkind = "apertium"\n',
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("gates", "code", "reason"),
    [
        (["chrf<0"], 0, None),
        (["chrf<101"], 1, "chrf<101: chrf of apertium is"),
        (["chrf@apertium>=0", "ter<0"], 1, "chrf@apertium>=0"),
        (["findings>=0"], 1, "findings>=0: "),
        (["critical>1000", "entity_drift>1000"], 0, None),
    ],
)
def test_gates_ad_hoc(capsys, doc_files, tmp_path: Path, gates, code, reason) -> None:
    from support import apertium_required

    apertium_required()
    mt, ref = doc_files
    argv = apertium_argv(mt, ref, tmp_path / "out", "--quiet", cache=tmp_path / "cache")
    for gate in gates:
        argv += ["--fail-on", gate]
    assert main(argv) == code
    err = capsys.readouterr().err
    if reason:
        assert f"mtqa: gate failed: {reason}" in err
    else:
        assert "gate failed" not in err


def test_gates_with_a_config_and_diff_of_two_runs(capsys, tmp_path: Path) -> None:
    from support import apertium_required

    apertium_required()
    make_docs(tmp_path / "docs", DOCS)
    assert main(["run", str(config_for(tmp_path, "a")), "--quiet", "--fail-on", "chrf<0"]) == 0
    # B: the port story's MT gets a number slip and a dropped sentence
    make_docs(
        tmp_path / "docs",
        {"port": ("Le port de Marseille a accueilli 800 navires en mars.", DOCS["port"][1])},
    )
    assert main(["run", str(config_for(tmp_path, "b")), "--quiet", "--fail-on", "major>=1"]) == 1
    capsys.readouterr()

    runs = tmp_path / "runs"
    assert main(["diff", str(runs / "a"), str(runs / "b"), "--json"]) == 0
    diff = json.loads(capsys.readouterr().out)
    changed = {d["doc"]: d["chrf_apertium"] for d in diff["documents"]}
    assert changed["budget"][2] == 0  # untouched document: no change
    assert changed["port"][2] < 0
    assert diff["only_in_a"] == [] and diff["only_in_b"] == []
    added = {(f["doc"], f["kind"]) for f in diff["findings_added"]}
    assert ("port", "number_mismatch") in added
    assert ("port", "omission") in added
    assert not [f for f in diff["findings_added"] if f["doc"] == "budget"]
    assert diff["scores"]["apertium"]["B"]["scores"]["chrf"]["p_value"] is not None

    assert main(["diff", str(runs / "a"), str(runs / "b")]) == 0
    text = capsys.readouterr().out
    assert "Documents whose chrF changed:" in text and "port:" in text
    assert "Findings added in B:" in text
