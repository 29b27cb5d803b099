"""Scores: sacrebleu BLEU, chrF, chrF++ and TER of back-translations against references.

Corpus scores carry sacrebleu's signature and a 95% bootstrap interval. The interval is
sacrebleu's (same seeded resamples, same estimate) computed with numpy over each segment's
sufficient statistics: a resample's statistics are a count-weighted sum, and its score
follows from them with sacrebleu's formulas applied to whole arrays, in sacrebleu's own
float32 arithmetic, instead of one Python call per resample. Segment scores are computed
for every aligned pair; unaligned material has no segment score.

This is the one module that reaches into sacrebleu's private functions (segment statistics,
score from statistics, chrF f-score and character n-grams); tests/test_sacrebleu_internals.py
fails when a sacrebleu release changes them, and pyproject.toml pins the releases tested.
"""

from __future__ import annotations

import math
import os
from collections import Counter, OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, cast

from sacrebleu.metrics import BLEU, CHRF, TER
from sacrebleu.metrics.base import Metric
from sacrebleu.metrics.helpers import extract_all_char_ngrams
from sacrebleu.utils import sum_of_lists

from mtqa.errors import ConfigError
from mtqa.model import Pair, Score

if TYPE_CHECKING:
    import numpy as np



@dataclass(frozen=True)
class MetricInfo:
    """One metric: the one place its name, label, direction and computation are given."""

    name: str  # as in the config's ``metrics``, CSV columns and JSON
    label: str  # as reports print it
    higher_is_better: bool
    sacrebleu_name: str  # the name sacrebleu's paired tests report it under
    make: Callable[[bool], Metric]  # sacrebleu's metric object (sentence-level or corpus)
    scorer: Callable[[np.ndarray], np.ndarray]  # scores of rows of summed statistics


# Everything else (the config's choices, CSV columns, labels, directions) follows from here.
# (The scorers are defined below: the lambdas look them up when called.)
METRIC_INFO: dict[str, MetricInfo] = {
    m.name: m
    for m in (
        MetricInfo(
            "bleu", "BLEU", True, "BLEU", lambda s: BLEU(effective_order=s),
            lambda x: _bleu_scores(x),
        ),
        MetricInfo(
            "chrf", "chrF", True, "chrF2", lambda s: CHRF(), lambda x: _chrf_scores(x, "chrf")
        ),
        MetricInfo(
            "chrf++", "chrF++", True, "chrF2++", lambda s: CHRF(word_order=2),
            lambda x: _chrf_scores(x, "chrf++"),
        ),
        MetricInfo("ter", "TER", False, "TER", lambda s: TER(), lambda x: _ter_scores(x)),
    )
}
METRICS: tuple[str, ...] = tuple(METRIC_INFO)
METRIC_LABELS: dict[str, str] = {m.name: m.label for m in METRIC_INFO.values()}
N_BOOTSTRAP = 1000
_RESAMPLE_VALUES = 200_000  # segment draws per block of resamples: bounds the memory used


def make_metric(name: str, *, sentence: bool = False) -> Metric:
    """A fresh sacrebleu metric object by name."""
    if name in METRIC_INFO:
        return METRIC_INFO[name].make(sentence)
    raise ConfigError(f"unknown metric {name!r}: choose from {', '.join(METRICS)}")


@lru_cache(maxsize=8)
def _metric(name: str, sentence: bool = False) -> Metric:
    return make_metric(name, sentence=sentence)


# (metric, hypothesis, reference) -> statistics, the most recently used last: sentences met
# again (a document's segment and corpus scores, a check's scores) are not extracted again.
# A run's corpus scores are made of each document's tables (``statistics_table``), not of
# this, so it stays small whatever the run's size.
_STATISTICS: OrderedDict[tuple[str, str, str], tuple[float, ...]] = OrderedDict()
_STATISTICS_KEPT = 1 << 13


def _statistics(name: str, hypothesis: str, reference: str) -> tuple[float, ...]:
    """sacrebleu's sufficient statistics of one segment (cached: segment and corpus scores of
    a document share them)."""
    key = (name, hypothesis, reference)
    found = _STATISTICS.get(key)
    if found is None:
        (stats,) = _metric(name)._extract_corpus_statistics([hypothesis], [[reference]])
        found = tuple(stats)
    _remember(key, found)
    return found


def _remember(key: tuple[str, str, str], stats: tuple[float, ...]) -> None:
    # each step one dict operation: a warm-up thread may score at the same time
    _STATISTICS.pop(key, None)
    _STATISTICS[key] = stats
    while len(_STATISTICS) > _STATISTICS_KEPT:
        try:
            _STATISTICS.popitem(last=False)
        except KeyError:
            break


Statistics = Callable[[str, str, str], tuple[float, ...]]  # (metric, hypothesis, reference)


class DocumentStatistics:
    """Segment statistics held for one document's segment and corpus scores.

    The shared cache (``_statistics``) is bounded; a document with more segments than it
    holds would have every statistic computed twice, once for its segment scores and again
    for its corpus score. This holds them for as long as the document is scored."""

    def __init__(self) -> None:
        self._known: dict[tuple[str, str, str], tuple[float, ...]] = {}

    def __call__(self, name: str, hypothesis: str, reference: str) -> tuple[float, ...]:
        key = (name, hypothesis, reference)
        found = self._known.get(key)
        if found is None:
            found = self._known[key] = _statistics(name, hypothesis, reference)
        return found


def corpus_scores(
    *,
    hypotheses: Sequence[str],
    references: Sequence[str],
    metrics: Sequence[str] = METRICS,
    n_bootstrap: int = N_BOOTSTRAP,
    statistics: Statistics | None = None,
) -> tuple[Score, ...]:
    """Corpus-level scores with 95% bootstrap intervals (none when fewer than 2 segments).

    The interval is sacrebleu's (what its CLI prints as ``μ ± x``): the mean of the resampled
    scores ± half the width of their 2.5–97.5 percentile range, over the resamples sacrebleu
    draws (seeded from SACREBLEU_SEED, 12345 when unset). ``statistics`` gives a segment's
    sufficient statistics (a ``DocumentStatistics``; the shared cache when not given).
    """
    if len(hypotheses) != len(references):
        raise ValueError(f"{len(hypotheses)} hypotheses but {len(references)} references")
    return corpus_scores_of(
        {name: statistics_table(name, hypotheses, references, statistics) for name in metrics},
        n_bootstrap,
    )


def statistics_table(
    name: str,
    hypotheses: Sequence[str],
    references: Sequence[str],
    statistics: Statistics | None = None,
) -> np.ndarray:
    """One metric's sufficient statistics of each segment, a row per segment in order: what
    its corpus score is made of, a few numbers a segment whatever the texts' length."""
    import numpy as np

    statistics = statistics or _statistics
    rows = [statistics(name, h, r) for h, r in zip(hypotheses, references, strict=True)]
    return np.asarray(rows) if rows else np.empty((0, 0), dtype=np.int64)


def corpus_scores_of(
    tables: Mapping[str, np.ndarray], n_bootstrap: int = N_BOOTSTRAP
) -> tuple[Score, ...]:
    """``corpus_scores`` from each metric's ``statistics_table`` (segments in the same order
    in every table): the scores of texts whose statistics were extracted elsewhere."""
    scores = []
    for name, table in tables.items():
        if not len(table):
            return ()
        metric = make_metric(name)
        score = metric._compute_score_from_stats(_summed(table))  # type: ignore[attr-defined]
        metric.num_refs = 1  # what extracting the statistics on this object would have set
        low = high = None
        if len(table) >= 2 and n_bootstrap > 1:
            metric.n_bootstrap = n_bootstrap
            metric.seed = os.environ.get("SACREBLEU_SEED", "12345").lower()
            mean, half_width = bootstrap_ci(name, table, n_bootstrap)
            low, high = mean - half_width, mean + half_width
            # mean ± half-width can leave the metric's range; TER alone has no upper bound
            low = max(low, 0.0)
            high = high if name == "ter" else min(high, 100.0)
        scores.append(
            Score(
                metric=name,
                score=float(score.score),
                ci_low=low,
                ci_high=high,
                signature=str(metric.get_signature()),
            )
        )
    return tuple(scores)


def _summed(table: np.ndarray) -> list[float]:
    """The column sums sacrebleu's ``sum_of_lists`` gives for these rows: integer counts
    summed exactly as integers, anything else added up row by row as it does."""
    import numpy as np

    if np.issubdtype(table.dtype, np.integer):
        return [int(x) for x in table.sum(axis=0)]
    return cast(list[float], sum_of_lists(table.tolist()))


def bootstrap_ci(
    name: str, stats: Sequence[Sequence[float]] | np.ndarray, n_bootstrap: int = N_BOOTSTRAP
) -> tuple[float, float]:
    """Mean and half-width of the 95% interval of a metric over bootstrap resamples of the
    segments, as sacrebleu's ``_bootstrap_resample`` and ``estimate_ci`` give them."""
    import numpy as np

    seed = os.environ.get("SACREBLEU_SEED", "12345")
    rng = np.random.default_rng(None if seed.lower() == "none" else int(seed))
    table = np.asarray(stats, dtype=np.float64)
    count = len(table)
    scores = np.empty(n_bootstrap, dtype=np.float64)
    # sacrebleu draws all indexes in one call; blocks of an even number of rows (so an even
    # number of values: the generator hands out 32-bit draws in pairs) consume the same
    # stream in the same order.
    block = max(2, _RESAMPLE_VALUES // max(count, 1) // 2 * 2)
    for start in range(0, n_bootstrap, block):
        rows = min(block, n_bootstrap - start)
        indexes = rng.choice(count, size=(rows, count), replace=True)
        offsets = (np.arange(rows)[:, None] * count + indexes).ravel()
        weights = np.bincount(offsets, minlength=rows * count).reshape(rows, count)
        # integer sums, exact in float64, then float32 as sacrebleu sums them
        sums = (weights.astype(np.float64) @ table).astype(np.float32)
        scores[start : start + rows] = METRIC_INFO[name].scorer(sums)
    ordered = np.sort(scores)
    lower_index = n_bootstrap // 40
    lower, upper = ordered[lower_index], ordered[n_bootstrap - lower_index - 1]
    return float(ordered.mean()), float(0.5 * (upper - lower))


# The formulas below are sacrebleu's (BLEU.compute_bleu, CHRF._compute_f_score,
# TER._compute_score_from_stats) over arrays. sacrebleu sums statistics in float32 and
# divides float32 scalars, so the array operations are float32 in the same order; logs
# and exponentials go through ``math`` as sacrebleu's do, so resampled scores agree to
# the last bit, not just to rounding.


def _math(function: Callable[[float], float], values: np.ndarray) -> np.ndarray:
    import numpy as np

    return np.array([function(v) for v in values.tolist()], dtype=np.float64)


def _bleu_scores(sums: np.ndarray) -> np.ndarray:
    """Corpus BLEU (4-grams, exp smoothing) of each row of summed statistics."""
    import numpy as np

    order = cast(BLEU, _metric("bleu")).max_ngram_order
    correct, total = sums[:, 2 : 2 + order], sums[:, 2 + order : 2 + 2 * order]
    sys_len, ref_len = sums[:, 0].astype(np.int64), sums[:, 1].astype(np.int64)
    bp = np.ones(len(sums), dtype=np.float64)
    short = (sys_len < ref_len) & (sys_len > 0)
    bp[short] = _math(math.exp, 1 - ref_len[short] / sys_len[short])
    bp[(sys_len < ref_len) & (sys_len <= 0)] = 0.0
    precisions = np.zeros((len(sums), order), dtype=np.float32)
    smooth = np.ones(len(sums), dtype=np.float64)
    alive = np.ones(len(sums), dtype=bool)
    hundred = np.float32(100.0)
    for n in range(order):
        alive &= total[:, n] != 0  # no n-grams of this order: the rest stay 0
        zero = alive & (correct[:, n] == 0)
        smooth[zero] *= 2
        precisions[zero, n] = hundred / (smooth[zero].astype(np.float32) * total[zero, n])
        some = alive & ~zero
        precisions[some, n] = hundred * correct[some, n] / total[some, n]
    logs = _math(lambda p: math.log(p) if p > 0 else -9999999999, precisions.ravel())
    logs = logs.reshape(len(sums), order)
    total_log = logs[:, 0]
    for n in range(1, order):
        total_log = total_log + logs[:, n]
    scores = bp * _math(math.exp, total_log / order)
    scores[~(correct != 0).any(axis=1)] = 0.0
    return scores


def _chrf_scores(sums: np.ndarray, name: str) -> np.ndarray:
    """chrF or chrF++ (sacrebleu's effective-order smoothing) of each row."""
    import numpy as np

    metric = cast(CHRF, _metric(name))
    orders = metric.char_order + metric.word_order
    factor = np.float32(metric.beta**2)
    eps = 1e-16
    avg_prec = np.zeros(len(sums), dtype=np.float32)
    avg_rec = np.zeros(len(sums), dtype=np.float32)
    effective = np.zeros(len(sums), dtype=np.float32)
    with np.errstate(divide="ignore", invalid="ignore"):
        for i in range(orders):
            n_hyp, n_ref, n_match = sums[:, 3 * i], sums[:, 3 * i + 1], sums[:, 3 * i + 2]
            both = (n_hyp > 0) & (n_ref > 0)
            prec = np.where(n_hyp > 0, n_match / n_hyp, np.float32(eps))
            rec = np.where(n_ref > 0, n_match / n_ref, np.float32(eps))
            avg_prec = np.where(both, avg_prec + prec, avg_prec)
            avg_rec = np.where(both, avg_rec + rec, avg_rec)
            effective += both
        some = effective > 0
        avg_prec = np.where(some, avg_prec / effective, np.float32(0.0))
        avg_rec = np.where(some, avg_rec / effective, np.float32(0.0))
        score = (np.float32(1) + factor) * avg_prec * avg_rec
        score = score / ((factor * avg_prec) + avg_rec)
    return np.where(avg_prec + avg_rec != 0, np.float32(100) * score, 0.0).astype(np.float64)


def _ter_scores(sums: np.ndarray) -> np.ndarray:
    """TER per row: edits over reference words (100 with an empty reference and edits)."""
    import numpy as np

    edits, lengths = sums[:, 0], sums[:, 1]
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(lengths > 0, edits / lengths, np.where(edits > 0, 1.0, 0.0))
    return (np.float32(100) * ratio.astype(np.float32)).astype(np.float64)


def segment_scores(
    pairs: Sequence[Pair],
    engine: str,
    metrics: Sequence[str] = METRICS,
    statistics: Statistics | None = None,
) -> tuple[dict[str, float], ...]:
    """Per pair, sentence-level scores of the engine's back-translation (empty if unaligned).

    The same as sacrebleu's ``sentence_score``, from the segment statistics the corpus
    score uses too (``statistics``: as for ``corpus_scores``).
    """
    statistics = statistics or _statistics
    rows: list[dict[str, float]] = []
    for pair in pairs:
        if not pair.aligned:
            rows.append({})
            continue
        hypothesis = pair.bt.get(engine, "")
        rows.append(
            {
                name: round(float(_sentence_score(statistics(name, hypothesis, pair.ref_text),
                                                  name)), 4)
                for name in metrics
            }
        )
    return tuple(rows)


def sentence_score(name: str, hypothesis: str, reference: str) -> float:
    """sacrebleu's sentence-level score (BLEU with effective order) of one segment."""
    return _sentence_score(_statistics(name, hypothesis, reference), name)


def _sentence_score(stats: Sequence[float], name: str) -> float:
    return float(_metric(name, sentence=True)._aggregate_and_compute([list(stats)]).score)


# ---------------------------------------------------------------------------------------
# chrF pieces for the aligner: character n-grams of a text and the f-score of statistics.


def char_ngrams(text: str) -> list[Counter[str]]:
    """Character n-gram counts of text for chrF's orders 1..6 (whitespace removed)."""
    return extract_all_char_ngrams(text, cast(CHRF, _metric("chrf")).char_order, False)


def chrf_f_score(statistics: Sequence[int]) -> float:
    """chrF (0..100) of flattened [hyp, ref, match] counts per character order."""
    return float(cast(CHRF, _metric("chrf"))._compute_f_score(list(statistics)))
