"""Text folding (case, accents, apostrophes) and words."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

APOSTROPHES = "'’"

WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)


def words(text: str) -> list[str]:
    return WORD.findall(text)


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
