"""Cutting work for neural engines: clause splitting of over-long inputs, length-sorted batches.

Pure functions over texts and token counts, so both neural engines share them and tests can
check them without a model.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

# Clause boundaries tried in order before falling back to spaces: a split after ";" keeps the
# most meaning together, then ":", then ",".
CLAUSE_SEPARATORS = (";", ":", ",")


def split_to_fit(text: str, count_tokens: Callable[[str], int], limit: int) -> list[str]:
    """Split ``text`` into consecutive pieces that each count at most ``limit`` tokens.

    Pieces break after a clause separator (``;`` then ``:`` then ``,``), at spaces as a last
    resort, and inside a word only when one word alone exceeds the limit. Joining the pieces
    with single spaces gives back the text up to whitespace: nothing is dropped.
    """
    if limit < 1:
        raise ValueError(f"token limit must be positive, got {limit}")
    text = text.strip()
    if not text or count_tokens(text) <= limit:
        return [text]
    return _split(text, count_tokens, limit, 0)


def _split(text: str, count: Callable[[str], int], limit: int, level: int) -> list[str]:
    if count(text) <= limit:
        return [text]
    if level > len(CLAUSE_SEPARATORS):
        return _split_word(text, count, limit)
    if level < len(CLAUSE_SEPARATORS):
        sep = re.escape(CLAUSE_SEPARATORS[level])
        parts = [p for p in re.split(rf"(?<={sep})\s+", text) if p]
    else:
        parts = text.split()
    if len(parts) == 1:
        return _split(text, count, limit, level + 1)
    pieces: list[str] = []
    current = ""
    for part in parts:
        candidate = f"{current} {part}" if current else part
        if count(candidate) <= limit:
            current = candidate
            continue
        if current:
            pieces.append(current)
        if count(part) <= limit:
            current = part
        else:
            # This clause alone is too long: split it at the next, weaker boundary.
            pieces.extend(_split(part, count, limit, level + 1))
            current = ""
    if current:
        pieces.append(current)
    return pieces


def _split_word(word: str, count: Callable[[str], int], limit: int) -> list[str]:
    """Halve a single over-long word until every piece fits (e.g. a long URL)."""
    if count(word) <= limit or len(word) <= 1:
        return [word]
    middle = len(word) // 2
    return _split_word(word[:middle], count, limit) + _split_word(word[middle:], count, limit)


def sorted_batches(
    lengths: Sequence[int], *, batch_size: int, max_tokens: int | None = None
) -> list[list[int]]:
    """Group item indexes into batches of similar length, longest first.

    Each batch holds at most ``batch_size`` items and, when ``max_tokens`` is given, at most
    ``max_tokens`` padded tokens (items x longest item); an item longer than the budget
    travels alone. Longest first so an out-of-memory error shows up on the first batch.
    """
    if batch_size < 1:
        raise ValueError(f"batch size must be positive, got {batch_size}")
    order = sorted(range(len(lengths)), key=lambda i: (-lengths[i], i))
    batches: list[list[int]] = []
    current: list[int] = []
    for index in order:
        longest = lengths[current[0]] if current else lengths[index]
        too_many = len(current) >= batch_size
        over_budget = max_tokens is not None and (len(current) + 1) * longest > max_tokens
        if current and (too_many or over_budget):
            batches.append(current)
            current = []
        current.append(index)
    if current:
        batches.append(current)
    return batches
