"""Word matching the detector families share: the content words of a sentence, and whether
two English words match (exactly, by lemma or as WordNet synonyms; never by a shared stem).

The language resources themselves (folding and words, spaCy parses, WordNet, the Apertium
dictionary, the lexicon files) live in ``mtqa.language``, below the detectors; the names
imported from there below are the families' short way to them (``lexicon.parse``).
"""


from __future__ import annotations

import logging
from collections.abc import Sequence

from mtqa.language.apertium import DictionaryError, dictionary  # noqa: F401 - shared here
from mtqa.language.lexicons import (  # noqa: F401 - the detectors' lexicon entry points
    Furniture,
    Trap,
    WordPatterns,
    load_furniture,
    load_traps,
)
from mtqa.language.parse import Token, parse, parse_key  # noqa: F401
from mtqa.language.text import fold, fold_keep_length, words  # noqa: F401
from mtqa.language.wordnet import english_lemma, wordnet  # noqa: F401

log = logging.getLogger(__name__)

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
