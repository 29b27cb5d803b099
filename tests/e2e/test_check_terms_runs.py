"""Glossary terms through the orchestrator and a real run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from inputs import GLOSSARY, write_glossary
from support import make_result

from mtqa.checks import detect
from mtqa.checks.base import CheckContext


@pytest.fixture
def glossary(tmp_path: Path) -> Path:
    return write_glossary(tmp_path)


def _context(path: Path) -> CheckContext:
    return CheckContext(engines=(), settings={"terms": {"glossary": str(path)}})


def test_orchestrator_ranks_it_major_and_gives_it_an_id(glossary: Path) -> None:
    result = make_result(
        ["La banque nationale a relevé ses taux."], ["The central bank raised its rates."]
    )
    found = [f for f in detect(result, _context(glossary)) if f.kind == "term_violation"]
    assert [f.severity for f in found] == ["major"] and found[0].id


def test_config_glossary_is_relative_to_the_config_and_found_in_a_run(
    tmp_path: Path, glossary: Path
) -> None:
    from support import apertium_required

    from mtqa.cli import main

    apertium_required()
    folder = tmp_path / "cfg"
    folder.mkdir()
    (folder / "terms.csv").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "mt.fr.txt").write_text("La banque nationale a relevé ses taux.\n", "utf-8")
    (tmp_path / "ref.en.txt").write_text("The central bank raised its rates.\n", "utf-8")
    config = folder / "run.toml"
    config.write_text(
        'documents = [{mt = "../mt.fr.txt", ref = "../ref.en.txt"}]\n'
        'engines = [{name = "apertium", kind = "apertium"}]\n'
        '[checks.terms]\nglossary = "terms.csv"\n',
        encoding="utf-8",
    )
    out = tmp_path / "run"
    assert main(["run", str(config), "--out", str(out), "--quiet",
                 "--cache-dir", str(tmp_path / "cache")]) == 0
    lines = (out / "findings.jsonl").read_text(encoding="utf-8").splitlines()
    kinds = [json.loads(line)["kind"] for line in lines]
    assert "term_violation" in kinds
