"""FreeDict's dictd files read directly: entries, parts of speech, and the files found or
not."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from mtqa.language import freedict as fd

ENTRIES = [
    "sombre /sɔ̃bʀ/ <adj>\n1. bleak, dismal, sad\n2. dark, dim\n",
    "partir /paʀtiʀ/ <v>\n1. start out\n2. depart, go away (from), leave\n",
    "livre /livʀ/ <n, masc>\nbook\n",
    "livre /livʀ/ <n, fem>\npound\n",
    "livrer /livʀe/ <v>\ndeliver, hand over\n",
    "chaque /ʃak/\neach, every\n",
]


def _base64(number: int) -> str:
    digits = ""
    while True:
        number, rest = divmod(number, 64)
        digits = fd._BASE64[rest] + digits
        if not number:
            return digits


def write_dictd(folder: Path, name: str, entries: list[str]) -> None:
    text, index = b"", []
    header = b"00-database-info\nA made-up dictionary\n"
    index.append(f"00-database-info\t{_base64(0)}\t{_base64(len(header))}")
    text += header
    for entry in entries:
        data = entry.encode()
        headword = entry.split(" /")[0]
        index.append(f"{headword}\t{_base64(len(text))}\t{_base64(len(data))}")
        text += data
    (folder / f"{name}.index").write_text("\n".join(index) + "\n", encoding="utf-8")
    (folder / f"{name}.dict.dz").write_bytes(gzip.compress(text))


@pytest.fixture
def made_up(tmp_path: Path) -> fd.FreeDict:
    write_dictd(tmp_path, fd.NAME, ENTRIES)
    files = (tmp_path / f"{fd.NAME}.index", tmp_path / f"{fd.NAME}.dict.dz")
    return fd.FreeDict(fd.read_dictd(*files))


def test_an_entry_gives_every_rendering_of_every_numbered_sense(made_up: fd.FreeDict) -> None:
    assert made_up.senses("sombre") == {"bleak", "dismal", "sad", "dark", "dim"}
    # a bracketed note is not a rendering; a rendering of several words stays whole
    assert made_up.senses("partir") == {"start out", "depart", "go away", "leave"}
    assert made_up.senses("Chaque") == {"each", "every"}
    assert made_up.senses("inconnu") == frozenset()


def test_senses_in_a_part_of_speech_come_from_its_entries(made_up: fd.FreeDict) -> None:
    assert made_up.senses("livre", "NOUN") == {"book", "pound"}
    assert made_up.senses("sombre", "NOUN") == frozenset()
    assert made_up.senses("sombre", "ADJ") == {"bleak", "dismal", "sad", "dark", "dim"}
    # an entry that gives no part of speech serves every one
    assert made_up.senses("chaque", "ADJ") == made_up.senses("chaque", "PRON") == {
        "each", "every"}
    assert "00-database-info" not in made_up.entries


def test_the_installed_files_are_found_in_the_dictd_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fd, "DICTD_DIRS", (tmp_path / "missing", tmp_path))
    fd.freedict.cache_clear()
    try:
        assert fd.dictd_files(fd.NAME) is None and fd.freedict() is None
        assert fd.signature() == {}
        write_dictd(tmp_path, fd.NAME, ENTRIES)
        fd.freedict.cache_clear()
        assert fd.dictd_files(fd.NAME) == (
            tmp_path / f"{fd.NAME}.index", tmp_path / f"{fd.NAME}.dict.dz")
        assert set(fd.signature()) == {fd.NAME}
        found = fd.freedict()
        assert found is not None and "dark" in found.senses("sombre")
    finally:
        fd.freedict.cache_clear()
