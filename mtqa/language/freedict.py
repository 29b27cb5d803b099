"""FreeDict's French → English dictionary, read directly from its dictd files (Debian's
``dict-freedict-fra-eng``): a second
bilingual dictionary beside Apertium's, whose entries are thin (« sombre » is only "shady",
« partir » only "leave"). FreeDict gives a headword's everyday renderings (sombre: dark, dim,
gloomy, sad...; partir: depart, go away, leave, start out), with its part of speech on the
French side. The word link (``mtqa.checks.wordlink``) reads them for a word's lemma in the
part of speech the parse gives it (« données » the noun is data, not a form of « donner »).

A dictd dictionary is an index (``headword<TAB>offset<TAB>length``, numbers in base 64) and
a gzip-compressed text of the entries. An entry reads::

    sombre /sɔ̃bʀ/ <adj>
    1. bleak, dismal, dreary, gaunt, miserable, sad, somber
    2. dark, dim

Without the packages installed, ``freedict`` gives None and the word senses are Apertium's.
"""

from __future__ import annotations

import gzip
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

log = logging.getLogger(__name__)

DICTD_DIRS = (Path("/usr/share/dictd"), Path("/usr/local/share/dictd"))
NAME = "freedict-fra-eng"
_BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_HEAD = re.compile(r"^(?P<word>[^/<]+?)\s*(?:/[^/]*/)?\s*(?:<(?P<pos>[^>]*)>)?\s*$")
_NUMBER = re.compile(r"^\d+\.\s*")
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
# spaCy's parts of speech → FreeDict's
_POS = {"NOUN": ("n",), "PROPN": ("n",), "VERB": ("v", "vt", "vi"), "AUX": ("v",),
        "ADJ": ("adj",), "ADV": ("adv",)}


def _number(text: str) -> int:
    value = 0
    for char in text:
        value = value * 64 + _BASE64.index(char)
    return value


@dataclass(frozen=True)
class Entry:
    """A headword's renderings, and its part of speech ("n", "v", "adj"... or "")."""

    pos: str
    senses: frozenset[str]


def _entry(text: str) -> tuple[str, Entry] | None:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    head = _HEAD.match(lines[0]) if lines else None
    if head is None:
        return None
    senses = set()
    for line in lines[1:]:
        for sense in _BRACKETS.sub("", _NUMBER.sub("", line)).split(","):
            sense = " ".join(sense.split()).lower()
            if sense and any(c.isalpha() for c in sense):
                senses.add(sense)
    pos = (head.group("pos") or "").split(",")[0].strip()
    return head.group("word").strip().lower(), Entry(pos, frozenset(senses))


def dictd_files(name: str) -> tuple[Path, Path] | None:
    """The index and data files of an installed dictd dictionary, if any."""
    for root in DICTD_DIRS:
        index, data = root / f"{name}.index", root / f"{name}.dict.dz"
        if index.is_file() and data.is_file():
            return index, data
    return None


def read_dictd(index: Path, data: Path) -> dict[str, tuple[Entry, ...]]:
    """Headword (lower case) → its entries, from a dictd index and data file."""
    text = gzip.decompress(data.read_bytes())
    entries: dict[str, list[Entry]] = {}
    for line in index.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) != 3 or parts[0].startswith("00-database"):
            continue
        start, length = _number(parts[1]), _number(parts[2])
        parsed = _entry(text[start:start + length].decode("utf-8", "replace"))
        if parsed is not None:
            entries.setdefault(parsed[0], []).append(parsed[1])
    return {word: tuple(found) for word, found in entries.items()}


@dataclass(frozen=True)
class FreeDict:
    """French headword → its entries."""

    entries: Mapping[str, tuple[Entry, ...]]

    def senses(self, lemma: str, pos: str | None = None) -> frozenset[str]:
        """A headword's renderings; with a part of speech (spaCy's: NOUN, VERB...), those of
        its entries in that part of speech and of its entries that give none."""
        wanted = _POS.get(pos or "")
        return frozenset().union(*(
            entry.senses for entry in self.entries.get(lemma.lower(), ())
            if pos is None or not entry.pos or (wanted is not None and entry.pos in wanted)
        ))


@lru_cache(maxsize=1)
def freedict() -> FreeDict | None:
    """The installed French → English FreeDict, or None."""
    files = dictd_files(NAME)
    if files is None:
        log.info("FreeDict not installed: word senses are Apertium's only "
                 "(apt-get install dict-%s)", NAME)
        return None
    return FreeDict(read_dictd(*files))


def signature() -> dict[str, int]:
    """The installed FreeDict file's size: a saved result computed with another dictionary
    is not this run's."""
    files = dictd_files(NAME)
    return {} if files is None else {NAME: files[1].stat().st_size}


__all__ = ["Entry", "FreeDict", "dictd_files", "freedict", "read_dictd", "signature"]
