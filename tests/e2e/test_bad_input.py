"""Awkward input through the whole run: no crash; sensible findings or a one-line message."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import apertium_argv

from mtqa.cli import main
from mtqa.pipeline import run

REF = (
    "The council approved the new stadium on Monday.\n"
    "Construction will cost 120 million euros and start in March."
)
MT = (
    "Le conseil a approuvé le nouveau stade lundi.\n"
    "La construction coûtera 120 millions d'euros et commencera en mars."
)


def run_pair(tmp_path: Path, mt: str, ref: str):
    from support import apertium_required

    apertium_required()
    (tmp_path / "mt.fr.txt").write_text(mt, encoding="utf-8")
    (tmp_path / "ref.en.txt").write_text(ref, encoding="utf-8")
    config = {
        "name": "bad",
        "documents": [
            {"id": "d", "mt": str(tmp_path / "mt.fr.txt"), "ref": str(tmp_path / "ref.en.txt")}
        ],
        "engines": [{"name": "apertium", "kind": "apertium", "required": True}],
        "cache": {"enabled": False},
    }
    return run(config, run_dir=tmp_path / "run")


def test_an_mt_identical_to_its_reference_is_untranslated(tmp_path: Path) -> None:
    result = run_pair(tmp_path, REF, REF)
    kinds = {f.kind for f in result.findings}
    assert "untranslated" in kinds
    assert (tmp_path / "run" / "report.html").exists()


def test_a_reference_in_french_gives_findings_not_a_crash(tmp_path: Path) -> None:
    result = run_pair(tmp_path, MT, MT)
    (doc,) = result.documents
    assert len(doc.pairs) >= 2
    assert result.findings, "a French reference should not pass as a clean English one"


def test_an_extremely_long_sentence(tmp_path: Path) -> None:
    clause_fr = "le conseil a approuvé le stade, la piscine et la bibliothèque"
    clause_en = "the council approved the stadium, the pool and the library"
    mt = "Selon le maire, " + ", puis ".join([clause_fr] * 60) + "."
    ref = "According to the mayor, " + ", then ".join([clause_en] * 60) + "."
    result = run_pair(tmp_path, mt, ref)
    (doc,) = result.documents
    assert [p.kind for p in doc.pairs] == ["1-1"]
    assert len(doc.back_translations["apertium"][0]) > len(mt) // 2  # nothing truncated


def test_markup_in_the_text_is_kept_as_text(tmp_path: Path) -> None:
    mt = MT.replace("lundi", "<b>lundi</b>") + "\n<script>alert('x')</script>"
    ref = REF.replace("Monday", "<b>Monday</b>")
    result = run_pair(tmp_path, mt, ref)
    (doc,) = result.documents
    assert any("<script>" in s.text for s in doc.mt_segments)
    html = (tmp_path / "run" / "report.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html


def test_a_clean_translation_has_no_critical_findings(tmp_path: Path) -> None:
    result = run_pair(tmp_path, MT, REF)
    assert [f for f in result.findings if f.severity == "critical"] == []


@pytest.mark.parametrize("empty", ["", "\n\n  \n", "\ufeff"])
def test_empty_documents_are_one_line_errors(tmp_path: Path, capsys, empty: str) -> None:
    (tmp_path / "mt.fr.txt").write_text(empty, encoding="utf-8")
    (tmp_path / "ref.en.txt").write_text(REF, encoding="utf-8")
    code = main(apertium_argv(tmp_path / "mt.fr.txt", tmp_path / "ref.en.txt", tmp_path / "run"))
    err = capsys.readouterr().err.strip()
    assert code == 2 and len(err.splitlines()) == 1 and "is empty" in err
