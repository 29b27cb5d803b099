"""The language-resources package sits below the detectors: importing it loads no detector."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mtqa.language.text import pieces

MODULES = ("text", "parse", "lexicons", "wordnet", "apertium", "quantities", "freedict")


def test_the_language_package_imports_nothing_from_the_detectors() -> None:
    code = (
        "import sys\n"
        + "".join(f"import mtqa.language.{name}\n" for name in MODULES)
        + "print(sorted(m for m in sys.modules if m.startswith('mtqa.checks')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "[]"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("l'été 2024...", [("word", "l"), ("mark", "'"), ("word", "été"), ("space", " "),
                           ("word", "2024"), ("mark", "."), ("mark", "."), ("mark", ".")]),
        (" G7\u00a0: x_y ", [("space", " "), ("word", "G7"), ("space", "\u00a0"), ("mark", ":"),
                            ("space", " "), ("word", "x_y"), ("space", " ")]),
    ],
)
def test_pieces_cut_text_into_words_marks_and_spaces(text: str, expected: list) -> None:
    assert pieces(text) == expected


@given(st.text())
def test_pieces_give_the_text_back(text: str) -> None:
    assert "".join(piece for _, piece in pieces(text)) == text
