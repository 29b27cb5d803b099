"""The lexicon files of ``configs/``: one TOML reader; the entity word lists and exonym
tables (``entities.toml``, ``exonyms.toml``, completed with pycountry's French names of ISO
3166 countries); the MT-trap lexicon (``mt-traps.toml``) and the page-furniture patterns
(``boilerplate.toml``)."""

from __future__ import annotations

import importlib.util
import logging
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from mtqa.errors import ConfigError
from mtqa.language.text import find_word, fold, fold_keep_length, words

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

log = logging.getLogger(__name__)

def _config_dir() -> Path:
    """configs/ of a source checkout (editable install), else the copy installed with mtqa."""
    checkout = Path(__file__).resolve().parents[2] / "configs"
    if (checkout / "mt-traps.toml").is_file():
        return checkout
    return Path(__file__).resolve().parents[1] / "_configs"


CONFIG_DIR = _config_dir()
ENTITY_WORDS_PATH = CONFIG_DIR / "entities.toml"
EXONYMS_PATH = CONFIG_DIR / "exonyms.toml"
TRAPS_PATH = CONFIG_DIR / "mt-traps.toml"
BOILERPLATE_PATH = CONFIG_DIR / "boilerplate.toml"
# What to do about a missing file that ships with mtqa (not one a config names).
RESTORE = "it ships with mtqa and is missing: restore it from the mtqa repository"


def read_toml(path: Path, *, missing: str = "pass an existing lexicon path") -> dict[str, Any]:
    """A TOML file of configs/ or one a config names; a ConfigError saying what is wrong with
    it and how to fix it (``missing``: the fix for a file not found)."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"{path}: file not found; {missing}") from None
    except IsADirectoryError:
        raise ConfigError(f"{path}: a folder, not a lexicon file") from None
    except OSError as error:
        raise ConfigError(f"{path}: cannot read it ({error.strerror or error})") from None
    except UnicodeDecodeError as error:
        raise ConfigError(f"{path}: not UTF-8 (byte {error.start}); save it as UTF-8") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML ({error}); fix the file") from None


# ---------------------------------------------------------------------------------------
# Word lists


@dataclass(frozen=True)
class EntityWords:
    """Words that are capitalised but are not names, per language (folded)."""

    common: Mapping[str, frozenset[str]]  # sentence-initial function and frequent words
    titles: Mapping[str, frozenset[str]]  # President, ministre...
    calendar: Mapping[str, frozenset[str]]  # months and days
    demonyms: Mapping[str, frozenset[str]]  # Russian, russe...
    particles: frozenset[str]  # de, van, bin... inside names
    org_words: frozenset[str]  # words of organisation names that get translated

    def not_name(self, word: str, lang: str) -> bool:
        """A word that is never a name on its own: title, month, day or demonym."""
        key = fold(word).rstrip(".")
        return (
            key in self.titles.get(lang, ())
            or key in self.calendar.get(lang, ())
            or key in self.demonyms.get(lang, ())
        )


def _word_set(data: Mapping[str, Any], key: str, path: Path) -> frozenset[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path.name}: {key} must be a list of strings")
    return frozenset(fold(v) for v in value)


def stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop-word list for lang, read from its source file.

    The list ships with spaCy itself (no trained model needed); it is read as text because
    importing spaCy takes seconds, which the model-free path should not pay.
    """
    spec = importlib.util.find_spec("spacy")
    if spec is None or spec.origin is None:
        return frozenset()
    path = Path(spec.origin).parent / "lang" / lang / "stop_words.py"
    try:
        source = path.read_text(encoding="utf-8")
    except OSError:
        return frozenset()
    block = re.search(r'STOP_WORDS\s*=\s*set\(\s*"""(.*?)"""', source, re.S)
    return frozenset(fold(w) for w in block.group(1).split()) if block else frozenset()


@lru_cache(maxsize=2)
def entity_words(path: Path = ENTITY_WORDS_PATH) -> EntityWords:
    """The word lists of configs/entities.toml (plus spaCy's stop words when installed)."""
    data = read_toml(path, missing=RESTORE)
    per_lang: dict[str, dict[str, frozenset[str]]] = {
        "common": {},
        "titles": {},
        "calendar": {},
        "demonyms": {},
    }
    for lang in ("en", "fr"):
        section = data.get(lang)
        if not isinstance(section, dict):
            raise ConfigError(f"{path.name}: missing [{lang}] table")
        for key in per_lang:
            words = _word_set(section, key, path)
            if key == "common":
                words |= stop_words(lang)
            per_lang[key][lang] = words
    shared = data.get("names", {})
    return EntityWords(
        common=per_lang["common"],
        titles=per_lang["titles"],
        calendar=per_lang["calendar"],
        demonyms=per_lang["demonyms"],
        particles=_word_set(shared, "particles", path),
        org_words=_word_set(shared, "org_words", path),
    )


# ---------------------------------------------------------------------------------------
# Exonyms


@dataclass(frozen=True)
class Exonyms:
    """English names with their accepted French forms (folded), and French adjective forms."""

    french: Mapping[str, frozenset[str]]  # fold(English) -> fold(French forms)
    english: Mapping[str, frozenset[str]]  # fold(French) -> fold(English forms)
    adjectives: Mapping[str, frozenset[str]]  # fold(English place) -> French adjective stems
    places: frozenset[str]  # fold(English) of every place name known
    # fold(English) of every body ([bodies] and their aliases) -> the name as written
    bodies: Mapping[str, str] = field(default_factory=dict)
    # fold(English) of a body -> the French forms its [bodies] entry lists (folded)
    body_forms: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def is_body(self, name: str) -> bool:
        return fold(name) in self.bodies

    def display(self, bodies: Iterable[str]) -> str:
        """The longest English name of folded body names, as written."""
        names = [self.bodies.get(b, b) for b in bodies]
        return max(names, key=len) if names else ""

    def french_forms(self, english: str) -> frozenset[str]:
        return self.french.get(fold(english), frozenset())

    def is_place(self, name: str) -> bool:
        key = fold(name)
        return key in self.places or key in self.english

    def phrases_in(self, text: str, name: str) -> list[str]:
        """The longer English names in ``text`` that hold the word ``name`` ("the Paris
        region" for Paris): a French form of the phrase renders the name too."""
        key = fold(name)
        return [phrase for phrase in self.french
                if phrase != key and key in phrase.split() and find_word(text, phrase)]


def _country_variants(name: str) -> list[str]:
    """ISO names come as "Korea, Republic of": also give "Republic of Korea" and "Korea"."""
    variants = [name]
    if ", " in name:
        head, tail = name.split(", ", 1)
        variants.append(head)
        joiner = "" if tail.endswith(("'", "’")) else " "
        variants.append(f"{tail}{joiner}{head}")
    return variants


def _pycountry_pairs() -> list[tuple[list[str], list[str]]]:
    """(English names, French names) per ISO 3166 country and subdivision, from pycountry."""
    if importlib.util.find_spec("pycountry") is None:
        log.info("pycountry is not installed: country exonyms come from configs only")
        return []
    import gettext

    import pycountry

    try:
        french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    except OSError:
        log.info("pycountry has no French country names here")
        return []
    pairs = []
    for country in pycountry.countries:
        english: list[str] = []
        french_names: list[str] = []
        for attribute in ("name", "official_name", "common_name"):
            value = getattr(country, attribute, None)
            if not value:
                continue
            english.extend(_country_variants(value))
            french_names.extend(_country_variants(french.gettext(value)))
        pairs.append((english, french_names))
    try:
        regional = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["fr"])
    except OSError:
        return pairs
    # Subdivisions carry local names (Bayern, not Bavaria); those whose French name differs
    # are the ones an English text may share (California / Californie).
    for subdivision in pycountry.subdivisions:
        french_name = regional.gettext(subdivision.name)
        if french_name != subdivision.name:
            pairs.append(([subdivision.name], [french_name]))
    return pairs


@lru_cache(maxsize=2)
def exonyms(path: Path = EXONYMS_PATH) -> Exonyms:
    """Country names from pycountry plus the cities, regions, bodies and names of configs."""
    data = read_toml(path, missing=RESTORE)
    french: dict[str, set[str]] = {}
    places: set[str] = set()
    bodies = {fold(name): name for name in data.get("bodies", {})}
    body_forms = {
        fold(name): frozenset(fold(f) for f in forms if isinstance(f, str))
        for name, forms in data.get("bodies", {}).items() if isinstance(forms, list)
    }

    def add(english_names: Iterable[str], french_names: Iterable[str], place: bool) -> None:
        french_folded = {fold(f) for f in french_names if f}
        for name in english_names:
            key = fold(name)
            french.setdefault(key, set()).update(french_folded | {key})
            if place:
                places.add(key)

    for english_names, french_names in _pycountry_pairs():
        add(english_names, french_names, True)
    for table, place in (("places", True), ("bodies", False), ("names", False),
                         ("metonyms", False), ("acronyms", False), ("speakers", False)):
        section = data.get(table, {})
        if not isinstance(section, dict):
            raise ConfigError(f"{path.name}: [{table}] must be a table of name = [forms]")
        for english_name, forms in section.items():
            if not isinstance(forms, list) or not all(isinstance(f, str) for f in forms):
                raise ConfigError(f"{path.name}: {table}.{english_name} must be a list of strings")
            add([english_name], forms, place)
    # Names listed as the same place share their French forms ("U.S." and "United States").
    aliases = data.get("aliases", {})
    for english_name, others in aliases.items():
        group = [english_name, *others]
        merged = set().union(*(french.get(fold(n), set()) for n in group))
        for name in group:
            french[fold(name)] = set(merged) | {fold(name)}
            if any(fold(n) in places for n in group):
                places.add(fold(name))
            if any(fold(n) in bodies for n in group):
                bodies.setdefault(fold(name), name)
    adjectives: dict[str, frozenset[str]] = {}
    for english_name, stems in data.get("adjectives", {}).items():
        adjectives[fold(english_name)] = frozenset(fold(s) for s in stems)
    english: dict[str, set[str]] = {}
    for key, forms in french.items():
        for form in forms:
            english.setdefault(form, set()).add(key)
    return Exonyms(
        french={k: frozenset(v) for k, v in french.items()},
        english={k: frozenset(v) for k, v in english.items()},
        adjectives=adjectives,
        places=frozenset(places),
        bodies=bodies,
        body_forms=body_forms,
    )



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



@lru_cache(maxsize=8)
def load_traps(path: Path | None = None) -> tuple[Trap, ...]:
    """The trap lexicon: ``[[trap]]`` tables with ``id``, ``en``, ``fr``, ``correct``,
    ``unless_en`` (optional), ``level`` ("sense" or "calque") and ``note``."""
    path = path or TRAPS_PATH
    data = read_toml(path)
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
    data = read_toml(path)
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
