"""Text folding (case, accents, apostrophes) and words."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Literal, cast

APOSTROPHES = "'’"


def word_pattern(joiners: str = "-'’", *, digits: bool = False) -> re.Pattern[str]:
    """The one definition of a word: letters (and digits, with ``digits``), joined into one
    word by any of ``joiners`` between them (peut-être, aujourd'hui, O’Brien)."""
    part = r"[^\W_]" if digits else r"[^\W\d_]"
    return re.compile(rf"{part}+(?:[{re.escape(joiners)}]{part}+)*", re.UNICODE)


WORD = word_pattern()


def name_token_pattern(inside: str = "'’.") -> re.Pattern[str]:
    """A token that may be (part of) a name: a letter, then word characters and any of
    ``inside`` (U.S. gives "U.S", O’Brien one token), never ending on punctuation."""
    return re.compile(rf"[^\W\d_][\w{re.escape(inside)}]*[\w]|[^\W\d_]", re.UNICODE)


NAME_TOKEN = name_token_pattern()


def words(text: str) -> list[str]:
    return WORD.findall(text)


# Text cut into pieces that, joined, give it back: runs of word characters (letters, digits,
# '_'; a name or a number is one piece), single marks, runs of space. The unit of the
# reports' word diffs and of a count of all tokens, where ``WORD`` is the unit of language.
_PIECE = re.compile(r"(?P<word>\w+)|(?P<mark>[^\w\s])|(?P<space>\s+)", re.UNICODE)
PieceKind = Literal["word", "mark", "space"]


def pieces(text: str) -> list[tuple[PieceKind, str]]:
    """``text`` as (kind, piece) pairs, in order."""
    return [(cast(PieceKind, m.lastgroup), m.group()) for m in _PIECE.finditer(text)]


# ---------------------------------------------------------------------------------------
# Folding


# Apertium's French dictionaries spell « cœur », « sœur », « œuvre » with "oe": words with
# the ligature are unknown to them (and untranslated in a back-translation).
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "Oe", "æ": "ae", "Æ": "Ae"})


def without_ligatures(text: str) -> str:
    """The text with œ and æ written as two letters (« cœur » → « coeur »)."""
    return text.translate(_LIGATURES)


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
