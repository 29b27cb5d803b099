"""Quality gates (--fail-on) and `mtqa diff` between two runs."""

from __future__ import annotations

from pathlib import Path

import pytest
from inputs import DOCS, make_docs
from support import apertium_argv

from mtqa.cli import main
from mtqa.errors import InputError
from mtqa.gate import parse_gate


@pytest.fixture
def doc_files(tmp_path: Path) -> tuple[Path, Path]:
    make_docs(tmp_path / "docs", DOCS)
    return tmp_path / "docs" / "budget" / "mt.fr.txt", tmp_path / "docs" / "budget" / "ref.en.txt"


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("chrf", "NAME OP NUMBER"),
        ("meteor<3", "unknown name 'meteor'"),
        ("critical@apertium>0", "metrics only"),
        ("chrf<<3", "NAME OP NUMBER"),
    ],
)
def test_bad_gates_are_usage_errors(text: str, needle: str) -> None:
    with pytest.raises(InputError, match=needle):
        parse_gate(text)


def test_bad_gate_fails_before_any_work(capsys, doc_files, tmp_path: Path) -> None:
    mt, ref = doc_files
    code = main(apertium_argv(mt, ref, tmp_path / "out", "--fail-on", "chrf"))
    assert code == 2
    assert not (tmp_path / "out").exists()
    assert "NAME OP NUMBER" in capsys.readouterr().err





