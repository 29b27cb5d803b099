"""Loading: encodings, BOM, line endings, normalisation, and the errors a user sees."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from support import REPO_ROOT

from mtqa.documents import load_document, read_text
from mtqa.errors import InputError


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"Bonjour.\nAu revoir.", "Bonjour.\nAu revoir."),
        ("\ufeffBonjour.\r\nAu revoir.\r\n".encode(), "Bonjour.\nAu revoir.\n"),
        (b"Ligne un.\rLigne deux.", "Ligne un.\nLigne deux."),
        # decomposed é (e + combining acute) becomes one code point
        ("Le de\u0301bat.".encode(), "Le d\u00e9bat."),
        ("L’Etat « fort ».".encode(), "L’Etat « fort »."),  # typographic quotes stay
    ],
)
def test_text_is_normalised(tmp_path: Path, raw: bytes, expected: str) -> None:
    path = tmp_path / "t.txt"
    path.write_bytes(raw)
    text = read_text(path)
    assert text == expected
    assert unicodedata.is_normalized("NFC", text)


def test_latin1_file_names_file_and_option(tmp_path: Path) -> None:
    path = tmp_path / "mt.fr.txt"
    path.write_bytes("Le débat a été reporté.".encode("latin-1"))
    with pytest.raises(InputError) as caught:
        read_text(path, role="MT file")
    message = str(caught.value)
    assert "\n" not in message
    assert str(path) in message and "--mt-encoding cp1252" in message
    # The suggestion works, and so does auto.
    assert read_text(path, encoding="cp1252") == "Le débat a été reporté."
    assert read_text(path, encoding="latin-1") == "Le débat a été reporté."
    assert read_text(path, encoding="auto") == "Le débat a été reporté."


@pytest.mark.parametrize(
    ("setup", "needle"),
    [
        (lambda p: None, "not found"),
        (lambda p: p.write_text("  \n\n", encoding="utf-8"), "is empty"),
        (lambda p: p.mkdir(), "is a directory"),
    ],
)
def test_unusable_files_give_one_line(tmp_path: Path, setup, needle: str) -> None:
    path = tmp_path / "x.txt"
    setup(path)
    with pytest.raises(InputError, match=needle) as caught:
        read_text(path)
    assert "\n" not in str(caught.value)


def test_unknown_encoding(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("a", encoding="utf-8")
    with pytest.raises(InputError, match="unknown encoding"):
        read_text(path, encoding="klingon-8")


def test_sample_copy_is_byte_identical_and_loads() -> None:
    repo_root = REPO_ROOT
    folder = repo_root / "references" / "blinken-central-asia"
    shared = repo_root.parent / "shared" / "sample" / "blinken-central-asia.mt.fr.txt"
    if shared.exists():
        assert (folder / "mt.fr.txt").read_bytes() == shared.read_bytes()
    (doc,) = load_document("s", mt_path=folder / "mt.fr.txt", ref_path=folder / "ref.en.txt")
    assert not doc.mt_text.endswith("\n")  # no final newline in the original, none added
    assert "’" in doc.mt_text and "«" in doc.mt_text


def test_other_systems_become_documents_sharing_the_reference(tmp_path: Path) -> None:
    for name, text in [("mt.txt", "Bonjour."), ("ref.txt", "Hello."), ("b.txt", "Salut.")]:
        (tmp_path / name).write_text(text, encoding="utf-8")
    primary, other = load_document(
        "d", mt_path=tmp_path / "mt.txt", ref_path=tmp_path / "ref.txt",
        systems={"b": tmp_path / "b.txt"},
    )
    assert (primary.id, primary.system, primary.base_id) == ("d", "mt", "d")
    assert (other.id, other.system, other.base_id) == ("d@b", "b", "d")
    assert other.mt_text == "Salut." and other.ref_text == primary.ref_text
