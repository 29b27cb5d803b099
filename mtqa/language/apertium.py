"""A French ↔ English word dictionary built on Apertium's own bilingual dictionaries
(French → Spanish → English and back), looked up through long-lived ``lt-proc`` processes
with Apertium's stream-format escaping."""

from __future__ import annotations

import logging
import os
import re
import select
import shutil
import subprocess
import threading
import time
import weakref
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from mtqa.errors import MtqaError
from mtqa.language.text import fold, without_ligatures

log = logging.getLogger(__name__)

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


def reading_lemma(reading: str) -> str | None:
    """The lemma of a reading (``lemma<tag><tag>``), unescaped; None when it has none."""
    match = _LEMMA.match(reading)
    return unescape(match.group(1)) if match else None


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


# Apertium's tags of the parts of speech a locution of grammar has.
_GRAMMAR_TAGS = ("<pr>", "<cnjsub>", "<cnjadv>", "<cnjcoo>", "<adv>", "<preadv>")


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
        self._units: dict[tuple[str, str], tuple[tuple[str, bool], ...]] = {}
        self._processes: dict[str, _LtProc] = {}
        self.lookups = 0  # batches sent to lt-proc (for tests and benchmarks)

    def close(self) -> None:
        """Stop the lt-proc processes (they are started again when needed)."""
        for process in self._processes.values():
            process.close()
        self._processes.clear()

    def lookup(self, binary: str, lines: Sequence[str], *, bilingual: bool) -> list[str]:
        """The output line of each stream-format input line from the long-lived ``lt-proc``
        of one dictionary (``fr_morph``, ``fr_es``, ``es_en``, ``en_morph``, ``en_es``,
        ``es_fr``); ``DictionaryError`` when it fails."""
        process = self._process(binary, bilingual=bilingual)
        self.lookups += 1
        return process.lookup([without_ligatures(line) for line in lines])

    def _process(self, binary: str, *, bilingual: bool) -> _LtProc:
        process = self._processes.get(binary)
        if process is None:
            arguments = [self.lt_proc or "lt-proc", "-z"]
            if bilingual:
                arguments.append("-b")
            arguments.append(str(self.files[binary]))
            process = self._processes[binary] = _LtProc(arguments)
            weakref.finalize(self, process.close)
        return process

    def start(self) -> None:
        """Start every dictionary's ``lt-proc`` now, without waiting for any: each loads its
        dictionary meanwhile, instead of the first lookups waiting for six starts in a row
        (the analysers, ``*_morph``, are the ones that are not bilingual)."""
        if self.available:
            for binary in self.files:
                self._process(binary, bilingual=not binary.endswith("_morph"))._start()

    def _translate_units(self, binary: str, units: Sequence[list[str]]) -> list[list[str]]:
        """Per line, the translations (lemma<tags>) of its analysis units."""
        lines = [" ".join(f"^{u}$" for u in line) for line in units]
        output = self.lookup(binary, lines, bilingual=True) if any(lines) else [""] * len(lines)
        translated = []
        for line in output:
            out: list[str] = []
            for unit in stream_units(line):
                for candidate in unit[1:]:
                    if candidate and not candidate.startswith(("@", "*", "#")):
                        out.append(candidate)
            translated.append(out)
        return translated

    def _senses(
        self, words_: Iterable[str], direction: str, tag: str = ""
    ) -> dict[str, frozenset[str]]:
        """``tag``: only the analyses that carry it (``<n>``: the word read as a noun)."""
        words_ = list(words_)
        morph, first, second = (
            ("fr_morph", "fr_es", "es_en") if direction == "fr" else ("en_morph", "en_es", "es_fr")
        )
        key = direction + tag
        wanted = sorted({w for w in words_ if w and (key, w) not in self._cache})
        if wanted and self.available:
            analyses = self.lookup(morph, [escape_word(w) for w in wanted], bilingual=False)
            units = []
            for line in analyses:
                line_units: list[str] = []
                for unit in stream_units(line):
                    line_units.extend(a for a in unit[1:] if a and a[0] != "*" and tag in a)
                units.append(line_units)
            middle = self._translate_units(first, units)
            final = self._translate_units(second, middle)
            for word, targets in zip(wanted, final, strict=True):
                lemmas = set()
                for target in targets:
                    lemma = reading_lemma(target)
                    if lemma is not None:
                        lemmas.add(lemma.lower())
                self._cache[(key, word)] = frozenset(lemmas)
        return {w: self._cache.get((key, w), frozenset()) for w in words_}

    def french_senses(self, words_: Iterable[str]) -> dict[str, frozenset[str]]:
        """French word form → English lemmas its dictionary entries give, with the everyday
        senses the entries lack (``_FRENCH_SENSES_ADDED``). A form the entries lack in the
        1990 spelling (génèrerait, évènement, règlementation) is read in the older one."""
        found = self._senses(words_, "fr")
        older = {w: w.replace("è", "é") for w, senses in found.items()
                 if not senses and "è" in w}
        if older:
            again = self._senses(older.values(), "fr")
            found.update({w: again[o] for w, o in older.items()})
        return {w: senses | _added_senses(w) for w, senses in found.items()}

    def french_noun_senses(self, words_: Iterable[str]) -> dict[str, frozenset[str]]:
        """French word form → English lemmas of its entries as a noun only: « entreprises »
        is the noun (company) and a participle of « entreprendre » (undertake, tackle)."""
        found = self._senses(words_, "fr", "<n>")
        return {w: senses | _added_senses(w) for w, senses in found.items()}

    def french_locutions(self, texts: Iterable[str]) -> dict[str, tuple[tuple[str, bool], ...]]:
        """Per French sentence, the units of several words that Apertium's analyser reads as
        one (« en raison de », « faute de », « tremblement de terre »): (surface, whole),
        ``whole`` for a locution of grammar (a preposition, conjunction or adverb, none of
        whose words means anything alone), not for a noun or verb with fixed words after
        it (« tremblement » of « tremblement de terre », « mettre en place »)."""
        texts = list(texts)
        wanted = sorted({t for t in texts if t and ("locutions", t) not in self._units})
        if wanted and self.available:
            analyses = self.lookup("fr_morph", [escape_word(t) for t in wanted], bilingual=False)
            for text, line in zip(wanted, analyses, strict=True):
                found = []
                for unit in stream_units(line):
                    surface = unescape(unit[0])
                    if " " not in surface.strip():
                        continue
                    readings = unit[1:]
                    whole = not any("#" in r for r in readings) and any(
                        tag in r for r in readings for tag in _GRAMMAR_TAGS)
                    found.append((surface, whole))
                self._units[("locutions", text)] = tuple(found)
        return {t: self._units.get(("locutions", t), ()) for t in texts}

    def english_senses(self, words_: Iterable[str]) -> dict[str, frozenset[str]]:
        """English word form → French lemmas its dictionary entries give."""
        return self._senses(words_, "en")


# Everyday senses of common French words that Apertium's entries lack (its « ancien » is
# only "ancient", its « avion » only "aeroplane"): a standard dictionary's first renderings,
# by lemma.
_FRENCH_SENSES_ADDED: dict[str, frozenset[str]] = {
    "ancien": frozenset({"former", "old"}),  # before the noun: l'ancien maire, the former
    "actuel": frozenset({"present", "present-day"}),  # l'actuelle Istanbul
    "avion": frozenset({"aircraft", "plane", "airplane"}),
    "sommet": frozenset({"peak", "top"}),
    "rediger": frozenset({"write", "draft"}),
    "vigueur": frozenset({"force", "effect"}),  # en vigueur: in force, in effect
    "bateau": frozenset({"boat", "ship"}),
    # determiners and pronouns the entries give no English word (d'autres pays, de tels
    # cas, la plupart des mots)
    "autre": frozenset({"other"}),
    "tel": frozenset({"such"}),
    "plupart": frozenset({"most", "majority"}),
    "remporter": frozenset({"win", "carry off"}),  # remporter un match, une élection
    "parcours": frozenset({"course", "route", "path"}),  # le parcours d'un marathon
    # une baisse des prix, une baisse d'impôts (a tax cut); une hausse de 6 %
    "baisse": frozenset({"fall", "drop", "decrease", "cut", "reduction"}),
    "hausse": frozenset({"rise", "increase"}),
    # des vents violents (strong winds), des pluies violentes (heavy rain)
    "violent": frozenset({"violent", "strong", "heavy", "fierce", "severe"}),
    # le premier marché du continent (the biggest), le premier exportateur (the leading)
    "premier": frozenset({"first", "leading", "top", "biggest", "largest", "main"}),
    # la voie professionnelle (the vocational track), une voie rapide (a lane, a road)
    "voie": frozenset({"way", "road", "lane", "track", "route", "path"}),
    "professionnel": frozenset({"professional", "vocational", "occupational"}),
    # un faible taux (a low rate), une faible majorité (a slim one), une monnaie faible
    "faible": frozenset({"weak", "low", "small", "slight", "feeble"}),
    # la plus grosse acquisition (the biggest), un gros client (a large one); Apertium's
    # « gros » is only "fat"
    "gros": frozenset({"big", "large", "fat", "heavy"}),
    # la puissance d'un réacteur (its capacity, its output), d'un moteur (its power)
    "puissance": frozenset({"power", "capacity", "output", "strength"}),
    # la maîtrise des coûts (cost control), une épidémie maîtrisée (under control); the
    # entries lack the verb and give the noun as "command" only
    "maitriser": frozenset({"control", "master", "contain"}),
    "maitrise": frozenset({"control", "mastery", "command", "master"}),
    # déposer un recours, une plainte, un projet de loi (lodge, file, table, submit)
    "deposer": frozenset({"deposit", "lodge", "file", "submit", "table", "drop off"}),
    # a fungus (le chytride est un champignon), as well as a mushroom
    "champignon": frozenset({"mushroom", "fungus"}),
    # des fonds publics (public money, public funds)
    "fonds": frozenset({"fund", "funds", "money", "capital"}),
    # une charpente en bois (a wooden frame): the material, not only the forest
    "bois": frozenset({"wood", "timber", "forest", "woodland"}),
    # inférieur / supérieur à la moyenne (below / above the average, lower / higher than)
    "inferieur": frozenset({"inferior", "lower", "below", "less", "under"}),
    "superieur": frozenset({"superior", "higher", "above", "more", "over", "upper"}),
    # family and people: the entries give « fils » only as threads, « femme » only as woman,
    # and nothing for « sœur », « nièce », « serveuse »
    "fils": frozenset({"son", "thread"}),
    "femme": frozenset({"woman", "wife"}),
    "sœur": frozenset({"sister"}),
    "soeur": frozenset({"sister"}),
    "niece": frozenset({"niece"}),
    "petit-fils": frozenset({"grandson"}),
    "petite-fille": frozenset({"granddaughter"}),
    "serveur": frozenset({"waiter", "server"}),
    "serveuse": frozenset({"waitress", "server"}),
}


def _added_senses(word: str) -> frozenset[str]:
    """The added senses of a lemma, or of a form that is its plural or feminine."""
    key = fold(word)
    singular = key.removesuffix("s")
    masculine = (singular[:-2] if singular.endswith(("nne", "lle", "sse"))
                 else singular.removesuffix("e"))
    for lemma in (key, singular, masculine):
        if lemma in _FRENCH_SENSES_ADDED:
            return _FRENCH_SENSES_ADDED[lemma]
    return frozenset()


@lru_cache(maxsize=1)
def dictionary() -> Dictionary:
    return Dictionary()
