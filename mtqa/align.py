"""Alignment: MT sentences to reference sentences.

Dynamic programming over 1-1, 1-2, 2-1, 1-0 and 0-1 beads (Gale–Church shape), where a bead
is scored by how well the MT side's back-translation matches the reference side (chrF, from
the engine whose back-translation matches best) and by their length ratio. Unaligned
sentences on either side are kept as beads with an empty side: they are what the structure
detectors turn into boilerplate, fragment, omission and addition findings.

chrF statistics are computed from per-sentence character n-gram counts (sacrebleu's own
extractor and f-score) so that merged beads cost a Counter sum, not a re-tokenisation.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from mtqa.metrics import char_ngrams, chrf_f_score
from mtqa.model import Pair, Segment

_QUOTES = re.compile(r"[«»“”„\"‘’‹›`']")


@dataclass(frozen=True)
class AlignSettings:
    """Knobs of the aligner; defaults were set on news text back-translated by Apertium."""

    # A match must beat this chrF (0..1) to be preferred over leaving both sides unaligned:
    # unrelated English sentences score 0.10–0.20 chrF, true pairs through a rule-based
    # back-translation 0.35–0.75.
    min_similarity: float = 0.22
    length_weight: float = 0.1  # cost per unit of |log(length ratio)|
    merge_cost: float = 0.02  # a 2-1 / 1-2 bead must add at least this much similarity
    band: int = 30  # DP explores |i*m/n - j| <= band (+10% of the longer side)


def _normalise(text: str) -> str:
    """Typographic and plain quotes are ignored; case is kept (chrF is case-sensitive)."""
    return " ".join(_QUOTES.sub(" ", text).split())


def _ngrams(text: str) -> list[Counter[str]]:
    return char_ngrams(_normalise(text))


def _similarity(hyp: Sequence[Counter[str]], ref: Sequence[Counter[str]]) -> float:
    stats: list[int] = []
    for h, r in zip(hyp, ref, strict=True):
        small, large = (h, r) if len(h) <= len(r) else (r, h)
        matches = sum(min(count, large.get(gram, 0)) for gram, count in small.items())
        stats += [h.total(), r.total(), matches]
    return chrf_f_score(stats) / 100.0


def similarity(hypothesis: str, reference: str) -> float:
    """chrF (0..1) of one text against another, as the aligner measures it."""
    return _similarity(_ngrams(hypothesis), _ngrams(reference))


def _merge(a: Sequence[Counter[str]], b: Sequence[Counter[str]]) -> list[Counter[str]]:
    return [x + y for x, y in zip(a, b, strict=True)]


def align(
    mt: Sequence[Segment],
    ref: Sequence[Segment],
    back_translations: Mapping[str, Sequence[str]],
    *,
    doc_id: str,
    settings: AlignSettings | None = None,
) -> tuple[Pair, ...]:
    """Align MT segments with reference segments using their back-translations.

    ``back_translations`` maps engine name to one English text per MT segment.
    """
    settings = settings or AlignSettings()
    engines = list(back_translations)
    n, m = len(mt), len(ref)
    bt_grams = {e: [_ngrams(t) for t in back_translations[e]] for e in engines}
    ref_grams = [_ngrams(s.text) for s in ref]
    bt_len = {e: [len(t) for t in back_translations[e]] for e in engines}
    ref_len = [len(s.text) for s in ref]

    @cache
    def bt_range(engine: str, i0: int, i1: int) -> list[Counter[str]]:
        if i1 == i0 + 1:
            return bt_grams[engine][i0]
        return _merge(bt_range(engine, i0, i1 - 1), bt_grams[engine][i1 - 1])

    @cache
    def ref_range(j0: int, j1: int) -> list[Counter[str]]:
        if j1 == j0 + 1:
            return ref_grams[j0]
        return _merge(ref_range(j0, j1 - 1), ref_grams[j1 - 1])

    @cache
    def chrf_and_penalty(i0: int, i1: int, j0: int, j1: int) -> tuple[float, float]:
        """chrF(bt[i0:i1], ref[j0:j1]) and length penalty of the engine that matches best.

        The best engine, not the mean: one poor engine must not hide a pair that another
        engine's back-translation shows plainly.
        """
        r = ref_range(j0, j1)
        rlen = sum(ref_len[j0:j1]) + 1
        candidates = [
            (
                _similarity(bt_range(e, i0, i1), r),
                settings.length_weight * abs(math.log((sum(bt_len[e][i0:i1]) + 1) / rlen)),
            )
            for e in engines
        ]
        return max(candidates, key=lambda c: c[0] - c[1], default=(0.0, 0.0))

    def sim(i0: int, i1: int, j0: int, j1: int) -> float:
        chrf, penalty = chrf_and_penalty(i0, i1, j0, j1)
        return chrf - penalty

    band = settings.band + max(n, m) // 10
    neg = -math.inf
    best = [[neg] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    threshold = settings.min_similarity
    for i in range(n + 1):
        centre = i * m / n if n else 0
        lo, hi = max(0, int(centre) - band), min(m, int(centre) + band + 1)
        if i == n:
            hi = m
        for j in range(lo, hi + 1):
            if i == 0 and j == 0:
                continue
            candidates: list[tuple[float, tuple[int, int]]] = []
            # On ties the first candidate wins; trying 0-1 first puts an unaligned MT
            # sentence before an unaligned reference sentence, in reading order.
            if j >= 1 and best[i][j - 1] > neg:
                candidates.append((best[i][j - 1], (0, 1)))
            if i >= 1 and best[i - 1][j] > neg:
                candidates.append((best[i - 1][j], (1, 0)))
            if i >= 1 and j >= 1 and best[i - 1][j - 1] > neg:
                candidates.append(
                    (best[i - 1][j - 1] + sim(i - 1, i, j - 1, j) - threshold, (1, 1))
                )
            if i >= 2 and j >= 1 and best[i - 2][j - 1] > neg:
                score = sim(i - 2, i, j - 1, j) - threshold - settings.merge_cost
                candidates.append((best[i - 2][j - 1] + score, (2, 1)))
            if i >= 1 and j >= 2 and best[i - 1][j - 2] > neg:
                score = sim(i - 1, i, j - 2, j) - threshold - settings.merge_cost
                candidates.append((best[i - 1][j - 2] + score, (1, 2)))
            if candidates:
                best[i][j], back[i][j] = max(candidates, key=lambda c: c[0])

    steps: list[tuple[int, int, int, int]] = []
    i, j = n, m
    while i or j:
        step = back[i][j]
        if step is None:  # outside the band: fall back to leaving the rest unaligned
            step = (1, 0) if i else (0, 1)
        di, dj = step
        steps.append((i - di, i, j - dj, j))
        i, j = i - di, j - dj
    steps.reverse()

    pairs = []
    for index, (i0, i1, j0, j1) in enumerate(steps):
        mt_ids = tuple(range(i0, i1))
        ref_ids = tuple(range(j0, j1))
        similarity = 0.0
        if mt_ids and ref_ids:
            similarity = chrf_and_penalty(i0, i1, j0, j1)[0]
        pairs.append(
            Pair(
                doc=doc_id,
                index=index,
                mt=mt_ids,
                ref=ref_ids,
                mt_text=" ".join(mt[k].text for k in mt_ids),
                ref_text=" ".join(ref[k].text for k in ref_ids),
                bt={e: " ".join(back_translations[e][k] for k in mt_ids) for e in engines},
                similarity=round(similarity, 4),
            )
        )
    return tuple(pairs)
