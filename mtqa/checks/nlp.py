"""Proper-name mentions for the entity checks.

Owns: finding the names in a text, with spaCy's named entities where the pipelines are
installed (``mtqa.language.parse`` loads and caches them) or, without them, with a
model-free rule (capitalised word sequences that are not sentence-initial common words,
judged with the entity word lists of ``mtqa.language.lexicons``); and which of the two is in
use. Importing this module loads nothing.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from mtqa.errors import ConfigError
from mtqa.language.lexicons import EntityWords, entity_words, exonyms
from mtqa.language.parse import Mention, parse_text, spacy_pipeline
from mtqa.language.text import fold, name_token_pattern

log = logging.getLogger(__name__)

Lang = Literal["fr", "en"]
Backend = Literal["auto", "spacy", "rules"]

# French elided articles and prepositions glued to a name: l'Ukraine, d'Oslo, qu'Ankara.
_ELISION = re.compile(r"^(?:[lLdDjJnNsSmMtTcC]|[qQ]u|[jJ]usqu|[lL]orsqu|[pP]uisqu)['’]")
_WORD = name_token_pattern("'’.-")  # hyphenated names whole: Jean-Pierre
_SENTENCE_START = re.compile(r"(?:^|[.!?…:;]\s+|[«»\"“”(\[—–-]\s*|\n)$")



def resolve_backend(backend: str) -> str:
    """Check a backend setting ("auto", "spacy", "rules") and return it."""
    if backend not in ("auto", "spacy", "rules"):
        raise ConfigError(
            f"checks.entities.ner: expected 'auto', 'spacy' or 'rules', got {backend!r}"
        )
    return backend



# ---------------------------------------------------------------------------------------
# Names


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
