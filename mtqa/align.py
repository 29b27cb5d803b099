"""Alignment: MT sentences to reference sentences.

Dynamic programming over 1-1, 1-2, 2-1, 1-0 and 0-1 beads (Gale–Church shape), where a bead
is scored by how well the MT side's back-translation matches the reference side (chrF, from
the engine whose back-translation matches best) and by their length ratio. Unaligned
sentences on either side are kept as beads with an empty side: they are what the structure
detectors turn into boilerplate, fragment, omission and addition findings.

The programme runs in a band of cells. For a document of up to ``anchored_above`` sentences
a side the band follows the diagonal (its width grows with the document); above that, it is
a corridor of fixed width around a path through anchors — sentence pairs that share rare
words or numbers and match well (the approach of Bleualign and vecalign) — so time and
memory grow linearly with the document. Only the band's cells are stored.

chrF statistics are computed from per-sentence character n-gram counts (sacrebleu's own
extractor and f-score) so that merged beads cost a Counter sum, not a re-tokenisation.
"""

from __future__ import annotations

import bisect
import itertools
import logging
import math
import re
import time
from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from mtqa.metrics import char_ngrams, chrf_f_score
from mtqa.model import Pair, Segment

log = logging.getLogger(__name__)

_QUOTES = re.compile(r"[«»“”„\"‘’‹›`']")
_ANCHOR_WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]{4,}")
_DIGITS = re.compile(r"\d+")
# Above this many sentences a side, say what alignment is about to do and how long it takes.
ANNOUNCE_ABOVE = 5000
_UNEVEN = 3.0  # one side this many times longer than the other: warn


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
    # Longer documents: a corridor of ``band`` cells either side of the anchor path.
    anchored_above: int = 300
    anchor_similarity: float = 0.4  # a candidate anchor must match at least this well
    anchor_max_df: int = 2  # a word anchors only if in at most this many sentences a side
    # MT and reference sentences left unaligned between the same two aligned pairs (or
    # document edges), as many on each side, are paired in order when each pair matches at
    # least this well, has lengths within ``lone_length_ratio`` and carries the same digits:
    # a back-translation too poor to show a pair (rule-based engines leave words
    # untranslated) is far more common than an omission beside an addition at the same place
    # (Gale–Church's priors: 1-1 beads ~0.9, 1-0 and 0-1 ~0.01). Page furniture is never
    # paired this way.
    lone_similarity: float = 0.08
    lone_length_ratio: float = 2.0
    # French runs longer than English, and a free reference is shorter still ("Many cycled
    # to work" / « Beaucoup ont choisi le vélo pour se rendre au travail »): in a gap of two
    # sentences or more that pair best in order, lengths may differ up to this ratio.
    lone_length_ratio_in_order: float = 2.5


def _normalise(text: str) -> str:
    """Typographic and plain quotes are ignored; case is kept (chrF is case-sensitive)."""
    return " ".join(_QUOTES.sub(" ", text).split())


def _ngrams(text: str) -> list[Counter[str]]:
    return char_ngrams(_normalise(text))


def _similarity(hyp: Sequence[Counter[str]], ref: Sequence[Counter[str]]) -> float:
    stats: list[int] = []
    for h, r in zip(hyp, ref, strict=True):
        # only the shared n-grams count (the key intersection runs in C)
        matches = sum(min(h[gram], r[gram]) for gram in h.keys() & r.keys())
        stats += [h.total(), r.total(), matches]
    return chrf_f_score(stats) / 100.0


def similarity(hypothesis: str, reference: str) -> float:
    """chrF (0..1) of one text against another, as the aligner measures it."""
    return _similarity(_ngrams(hypothesis), _ngrams(reference))


def _merge(a: Sequence[Counter[str]], b: Sequence[Counter[str]]) -> list[Counter[str]]:
    return [x + y for x, y in zip(a, b, strict=True)]


Rows = list[tuple[int, int]]  # per DP row i (MT sentences consumed): first and last j


def _diagonal_rows(n: int, m: int, band: int) -> Rows:
    rows = []
    for i in range(n + 1):
        centre = i * m / n if n else 0
        lo, hi = max(0, int(centre) - band), min(m, int(centre) + band + 1)
        rows.append((lo, m if i == n else hi))
    return rows


def _corridor_rows(
    n: int, m: int, anchors: Sequence[tuple[int, int]], width: int, slack: int = 2
) -> Rows:
    """Rows for a path through each anchor bead. Between two anchors the path may take any
    cell of the box they leave open (give or take ``slack`` cells, should an anchor be off
    by one), within ``width`` cells of the box's diagonal: dense anchors leave a narrow
    corridor, a long stretch without any a band as wide as the short-document one."""
    boxes = [(0, 0)]
    for i, j in anchors:
        boxes += [(i, j), (i + 1, j + 1)]
    boxes.append((n, m))
    spans: list[tuple[int, int] | None] = [None] * (n + 1)
    for (p_i, p_j), (q_i, q_j) in zip(boxes[::2], boxes[1::2], strict=True):
        def centre(i: int, p_i: int = p_i, p_j: int = p_j, q_i: int = q_i, q_j: int = q_j) -> float:
            i = min(max(i, p_i), q_i)
            return p_j if q_i == p_i else p_j + (q_j - p_j) * (i - p_i) / (q_i - p_i)

        for i in range(p_i, q_i + 1):
            near = (centre(i - 1), centre(i), centre(i + 1))
            lo = max(0, p_j - slack, math.floor(min(near)) - width)
            hi = min(m, q_j + slack, math.ceil(max(near)) + width)
            known = spans[i]
            spans[i] = (lo, hi) if known is None else (min(known[0], lo), max(known[1], hi))
    rows = []
    for i, span in enumerate(spans):
        lo, hi = span if span is not None else (0, m)
        rows.append((0 if i == 0 else lo, m if i == n else hi))
    return rows


def _anchor_words(text: str) -> set[str]:
    return {w.replace(",", "").replace(".", "") if w[0].isdigit() else w.lower()
            for w in _ANCHOR_WORD.findall(text)}


def _chain(pairs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of pairs increasing in both coordinates (patience sorting)."""
    tails: list[int] = []
    tail_at: list[int] = []
    previous: list[int] = []
    for k, (_, j) in enumerate(pairs):
        position = bisect.bisect_left(tails, j)
        if position == len(tails):
            tails.append(j)
            tail_at.append(k)
        else:
            tails[position] = j
            tail_at[position] = k
        previous.append(tail_at[position - 1] if position else -1)
    chain = []
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        chain.append(pairs[k])
        k = previous[k]
    return chain[::-1]


def _anchors(
    mt_words: Sequence[set[str]],
    ref_words: Sequence[set[str]],
    similarity: Callable[[int, int], float],
    settings: AlignSettings,
    box: tuple[int, int, int, int] | None = None,
    depth: int = 0,
) -> list[tuple[int, int]]:
    """1-1 pairs sure enough to steer the band: sharing a word or number rare on both sides
    (within the stretch searched), matching above ``anchor_similarity``, each other's best,
    in one increasing chain. Long stretches between anchors are searched again on their
    own, where words that are common in the document may be rare."""
    i0, i1, j0, j1 = box or (0, len(mt_words), 0, len(ref_words))

    def index(words: Sequence[set[str]], start: int, stop: int) -> dict[str, list[int]]:
        found: dict[str, list[int]] = {}
        for k in range(start, stop):
            for word in words[k]:
                found.setdefault(word, []).append(k)
        return found

    mt_index = index(mt_words, i0, i1)
    ref_index = index(ref_words, j0, j1)
    limit = settings.anchor_max_df
    candidates = {
        (i, j)
        for word, mt_ids in mt_index.items()
        if len(mt_ids) <= limit and 0 < len(ref_index.get(word, ())) <= limit
        for i in mt_ids
        for j in ref_index[word]
    }
    best_of_mt: dict[int, tuple[float, int]] = {}
    best_of_ref: dict[int, tuple[float, int]] = {}
    for i, j in sorted(candidates):
        score = similarity(i, j)
        if score < settings.anchor_similarity:
            continue
        if score > best_of_mt.get(i, (-1.0, 0))[0]:
            best_of_mt[i] = (score, j)
        if score > best_of_ref.get(j, (-1.0, 0))[0]:
            best_of_ref[j] = (score, i)
    chain = _chain(sorted((i, j) for i, (_, j) in best_of_mt.items() if best_of_ref[j][1] == i))
    if depth >= 3:
        return chain
    found: list[tuple[int, int]] = []
    previous = (i0 - 1, j0 - 1)
    for anchor in [*chain, (i1, j1)]:
        gap = (previous[0] + 1, anchor[0], previous[1] + 1, anchor[1])
        if gap[1] - gap[0] > 8 and gap[3] - gap[2] > 8 and (gap != (i0, i1, j0, j1)):
            found += _anchors(mt_words, ref_words, similarity, settings, gap, depth + 1)
        if anchor != (i1, j1):
            found.append(anchor)
        previous = anchor
    return found


def _digits(text: str) -> Counter[str]:
    return Counter(_DIGITS.findall(text))


_DECADE = re.compile(r"^(?:19|20)(\d0)$")
# Number words beyond "one" (un, one are too often no number: l'un des, one of).
_NUMBER_WORD = re.compile(
    r"(?<![\w-])(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze"
    r"|quinze|seize|vingt|trente|quarante|cinquante|soixante|cent|mille|two|three|four|five"
    r"|six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen"
    r"|(?:twen|thir|for|fif|six|seven|eigh|nine)t(?:y|ies)|hundred|thousand"
    # approximate counts: une trentaine (about 30), des centaines, des milliers
    r"|(?:diz|douz|quinz|vingt|trent|quarant|cinquant|soixant|cent)aine|millier"
    # fractions, which the other side may give as a percentage: a quarter (25 %), la moitié
    r"|half|halves|third|quarter|fifth|tenth|tiers|quart|moiti[eé]|cinqui[eè]me|dixi[eè]me)"
    r"s?(?!\w)",
    re.IGNORECASE,
)


def _numbers_agree(mt_text: str, ref_text: str) -> bool:
    """Whether two sentences could carry the same numbers: the same digits, a decade written
    short on one side (les années 80 / the 1980s), or digits on one side where the other
    spells a number out (soixante-dix / 70, 80 ans / in her eighties)."""
    mt, ref = _digits(mt_text), _digits(ref_text)
    if mt == ref:
        return True
    if not mt or not ref:
        return bool(_NUMBER_WORD.search(mt_text if not mt else ref_text))

    def short(digits: Counter[str]) -> Counter[str]:
        return Counter({(m.group(1) if (m := _DECADE.match(d)) else d): n
                        for d, n in digits.items()})

    return short(mt) == short(ref)


# A gap holding up to this many sentences a side is paired in order on the usual evidence;
# one of two sentences or more (up to ``_LONE_LONG_MAX``) also where pairing in order matches
# better than any other pairing of the gap's sentences, with lengths that may differ more.
_LONE_MAX = 3
_LONE_LONG_MAX = 6
Step = tuple[int, int, int, int]  # MT sentences i0:i1 against reference sentences j0:j1


def _pair_lone_gaps(
    steps: Sequence[Step],
    score: Callable[[int, int], float],
    compatible: Callable[[int, int, float], bool],
    furniture: Collection[int],
    settings: AlignSettings,
) -> list[Step]:
    """Pair, in order, the MT and reference sentences a gap between aligned beads leaves
    unaligned, when the gap holds as many on each side and every such pair could be a
    translation pair (see ``AlignSettings.lone_similarity``): at most ``_LONE_MAX`` a side,
    or up to ``_LONE_LONG_MAX`` where the in-order pairing is the gap's best."""
    def pairable(i: int, j: int, ratio: float = settings.lone_length_ratio) -> bool:
        return (i not in furniture and compatible(i, j, ratio)
                and score(i, j) >= settings.lone_similarity)

    def pairable_in_order(i: int, j: int) -> bool:
        return pairable(i, j, settings.lone_length_ratio_in_order)

    steps = _split_merges(steps, pairable)
    out: list[Step] = []
    gap: list[Step] = []
    for step in [*steps, None]:
        if step is not None and (step[0] == step[1] or step[2] == step[3]):
            gap.append(step)
            continue
        mt_only = [g[0] for g in gap if g[0] < g[1]]
        ref_only = [g[2] for g in gap if g[2] < g[3]]
        pairs = list(zip(mt_only, ref_only, strict=True)) if len(mt_only) == len(ref_only) else []
        if 0 < len(pairs) <= _LONE_MAX and all(pairable(i, j) for i, j in pairs) or (
            1 < len(pairs) <= _LONE_LONG_MAX
            and all(pairable_in_order(i, j) for i, j in pairs)
            and _in_order_best(mt_only, ref_only, score)
        ):
            gap = [(i, i + 1, j, j + 1) for i, j in zip(mt_only, ref_only, strict=True)]
        out += gap
        gap = []
        if step is not None:
            out.append(step)
    return out


def _in_order_best(mt_only: Sequence[int], ref_only: Sequence[int],
                   score: Callable[[int, int], float]) -> bool:
    """The in-order pairing of a gap matches better, in sum, than any other one-to-one
    pairing of its sentences: the diagonal, not chance, is what the scores show."""
    table = [[score(i, j) for j in ref_only] for i in mt_only]
    in_order = sum(table[k][k] for k in range(len(table)))
    return all(
        sum(table[k][p] for k, p in enumerate(order)) < in_order
        for order in itertools.permutations(range(len(table)))
        if list(order) != sorted(order)
    )


def _split_merges(steps: Sequence[Step], pairable: Callable[[int, int], bool]) -> list[Step]:
    """A 2-1 (1-2) bead beside a lone reference (MT) sentence becomes two 1-1 beads when
    each half could be a translation pair: the merge took in a sentence whose own
    counterpart the back-translation was too poor to show."""
    out = list(steps)
    k = 0
    while k < len(out):
        i0, i1, j0, j1 = out[k]
        split: list[Step] | None = None
        for other, after in ((k + 1, True), (k - 1, False)):
            if not 0 <= other < len(out):
                continue
            a0, a1, b0, b1 = out[other]
            if (i1 - i0, j1 - j0) == (2, 1) and a0 == a1 and b1 - b0 == 1:
                halves = ([(i0, i0 + 1, j0, j1), (i0 + 1, i1, b0, b1)] if after
                          else [(i0, i0 + 1, b0, b1), (i0 + 1, i1, j0, j1)])
            elif (i1 - i0, j1 - j0) == (1, 2) and b0 == b1 and a1 - a0 == 1:
                halves = ([(i0, i1, j0, j0 + 1), (a0, a1, j0 + 1, j1)] if after
                          else [(a0, a1, j0, j0 + 1), (i0, i1, j0 + 1, j1)])
            else:
                continue
            if all(pairable(h[0], h[2]) for h in halves):
                split = halves
                lo, hi = min(k, other), max(k, other)
                out[lo : hi + 1] = split
                break
        k += 1
    return out


# Back-pointers: which bead ends in a cell (0: none).
_STEPS: tuple[tuple[int, int] | None, ...] = (None, (0, 1), (1, 0), (1, 1), (2, 1), (1, 2))


def align(
    mt: Sequence[Segment],
    ref: Sequence[Segment],
    back_translations: Mapping[str, Sequence[str]],
    *,
    doc_id: str,
    settings: AlignSettings | None = None,
    furniture: Collection[int] = (),
) -> tuple[Pair, ...]:
    """Align MT segments with reference segments using their back-translations.

    ``back_translations`` maps engine name to one English text per MT segment;
    ``furniture`` holds the indexes of MT segments that are page furniture.
    """
    settings = settings or AlignSettings()
    engines = list(back_translations)
    n, m = len(mt), len(ref)
    bt_len = {e: [len(t) for t in back_translations[e]] for e in engines}
    ref_len = [len(s.text) for s in ref]
    # n-gram counts are made when the band reaches a sentence and dropped when it has
    # passed: a long document never holds them all.
    cached = lru_cache(maxsize=1024)

    @cached
    def bt_range(engine: str, i0: int, i1: int) -> list[Counter[str]]:
        if i1 == i0 + 1:
            return _ngrams(back_translations[engine][i0])
        return _merge(bt_range(engine, i0, i1 - 1), bt_range(engine, i1 - 1, i1))

    @cached
    def ref_range(j0: int, j1: int) -> list[Counter[str]]:
        if j1 == j0 + 1:
            return _ngrams(ref[j0].text)
        return _merge(ref_range(j0, j1 - 1), ref_range(j1 - 1, j1))

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

    if n and m and min(n, m) * _UNEVEN < max(n, m) and max(n, m) > 20:
        log.warning(
            "%s: %d MT sentences against %d reference sentences; check that both files hold "
            "the same story (aligning anyway: the surplus will be unaligned)", doc_id, n, m
        )
    if max(n, m) > settings.anchored_above and n and m:
        started = time.perf_counter()
        anchors = _anchors(
            [set().union(*(_anchor_words(back_translations[e][i]) for e in engines))
             for i in range(n)],
            [_anchor_words(s.text) for s in ref],
            lambda i, j: sim(i, i + 1, j, j + 1),
            settings,
        )
        rows = _corridor_rows(n, m, anchors, settings.band)
        if max(n, m) > ANNOUNCE_ABOVE:
            cells = sum(hi - lo + 1 for lo, hi in rows)
            per_cell = (time.perf_counter() - started) / max(1, len(anchors)) / 3
            log.warning(
                "%s: aligning %d MT with %d reference sentences along %d anchors: %d cells, "
                "about %.0f s", doc_id, n, m, len(anchors), cells, cells * 3 * per_cell
            )
    else:
        rows = _diagonal_rows(n, m, settings.band + max(n, m) // 10)

    neg = -math.inf
    threshold = settings.min_similarity
    merged = threshold + settings.merge_cost
    # Scores of the last three rows (a bead consumes at most two MT sentences) and every
    # row's back-pointers, each for its own span of columns only.
    scores: dict[int, list[float]] = {}
    back: list[bytearray] = []

    def score_at(i: int, j: int) -> float:
        lo, hi = rows[i]
        return scores[i][j - lo] if lo <= j <= hi else neg

    for i in range(n + 1):
        lo, hi = rows[i]
        row = [neg] * (hi - lo + 1)
        pointers = bytearray(hi - lo + 1)
        scores[i] = row
        scores.pop(i - 3, None)
        for j in range(lo, hi + 1):
            if i == 0 and j == 0:
                row[0] = 0.0
                continue
            # On ties the first candidate wins; trying 0-1 first puts an unaligned MT
            # sentence before an unaligned reference sentence, in reading order.
            top, step = neg, 0
            if j >= 1 and (value := score_at(i, j - 1)) > neg:
                top, step = value, 1
            if i >= 1 and (value := score_at(i - 1, j)) > neg and value > top:
                top, step = value, 2
            if i >= 1 and j >= 1 and (value := score_at(i - 1, j - 1)) > neg:
                value += sim(i - 1, i, j - 1, j) - threshold
                if step == 0 or value > top:
                    top, step = value, 3
            if i >= 2 and j >= 1 and (value := score_at(i - 2, j - 1)) > neg:
                value += sim(i - 2, i, j - 1, j) - merged
                if step == 0 or value > top:
                    top, step = value, 4
            if i >= 1 and j >= 2 and (value := score_at(i - 1, j - 2)) > neg:
                value += sim(i - 1, i, j - 2, j) - merged
                if step == 0 or value > top:
                    top, step = value, 5
            if step:
                row[j - lo] = top
                pointers[j - lo] = step
        back.append(pointers)
    scores.clear()

    steps: list[Step] = []
    i, j = n, m
    while i or j:
        lo, hi = rows[i]
        found = _STEPS[back[i][j - lo]] if lo <= j <= hi else None
        # outside the band: fall back to leaving the rest unaligned
        di, dj = found or ((1, 0) if i else (0, 1))
        steps.append((i - di, i, j - dj, j))
        i, j = i - di, j - dj
    steps.reverse()
    steps = _pair_lone_gaps(
        steps,
        lambda i, j: sim(i, i + 1, j, j + 1),
        lambda i, j, ratio: _numbers_agree(mt[i].text, ref[j].text)
        and max(len(mt[i].text), len(ref[j].text))
        <= ratio * min(len(mt[i].text), len(ref[j].text)),
        furniture,
        settings,
    )

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
