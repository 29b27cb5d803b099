"""Scores: sacrebleu BLEU, chrF, chrF++ and TER of back-translations against references.

Corpus scores carry sacrebleu's signature and a 95% bootstrap interval (sacrebleu's own
resampling, seeded, so runs are reproducible). Segment scores are computed for every aligned
pair; unaligned material has no segment score.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from sacrebleu.metrics import BLEU, CHRF, TER
from sacrebleu.metrics.base import Metric

from mtqa.errors import ConfigError
from mtqa.model import Pair, Score

METRICS: tuple[Literal["bleu", "chrf", "chrf++", "ter"], ...] = ("bleu", "chrf", "chrf++", "ter")
N_BOOTSTRAP = 1000


def make_metric(name: str, *, sentence: bool = False) -> Metric:
    """A fresh sacrebleu metric object by name."""
    if name == "bleu":
        return BLEU(effective_order=sentence)
    if name == "chrf":
        return CHRF()
    if name == "chrf++":
        return CHRF(word_order=2)
    if name == "ter":
        return TER()
    raise ConfigError(f"unknown metric {name!r}: choose from {', '.join(METRICS)}")


def corpus_scores(
    *,
    hypotheses: Sequence[str],
    references: Sequence[str],
    metrics: Sequence[str] = METRICS,
    n_bootstrap: int = N_BOOTSTRAP,
) -> tuple[Score, ...]:
    """Corpus-level scores with 95% bootstrap intervals (none when fewer than 2 segments).

    The interval is sacrebleu's (what its CLI prints as ``μ ± x``): the mean of the resampled
    scores ± half the width of their 2.5–97.5 percentile range.
    """
    if len(hypotheses) != len(references):
        raise ValueError(f"{len(hypotheses)} hypotheses but {len(references)} references")
    if not hypotheses:
        return ()
    import numpy as np
    from sacrebleu.significance import _bootstrap_resample, estimate_ci

    scores = []
    for name in metrics:
        metric = make_metric(name)
        # sacrebleu's own resampling (seeded from SACREBLEU_SEED, 12345 when unset) and its
        # interval estimate, on float64: Score.estimate_ci breaks on mixed float32 scores.
        stats = metric._extract_corpus_statistics(list(hypotheses), [list(references)])
        score = metric._aggregate_and_compute(stats)
        low = high = None
        if len(hypotheses) >= 2 and n_bootstrap > 1:
            metric.n_bootstrap = n_bootstrap
            metric.seed, resampled = _bootstrap_resample(stats, metric, n_bootstrap)
            mean, half_width = estimate_ci(np.array([s.score for s in resampled], dtype=np.float64))
            low, high = float(mean - half_width), float(mean + half_width)
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


def segment_scores(
    pairs: Sequence[Pair], engine: str, metrics: Sequence[str] = METRICS
) -> tuple[dict[str, float], ...]:
    """Per pair, sentence-level scores of the engine's back-translation (empty if unaligned)."""
    scorers = {name: make_metric(name, sentence=True) for name in metrics}
    rows: list[dict[str, float]] = []
    for pair in pairs:
        if not pair.aligned:
            rows.append({})
            continue
        hypothesis = pair.bt.get(engine, "")
        rows.append(
            {
                name: round(float(m.sentence_score(hypothesis, [pair.ref_text]).score), 4)
                for name, m in scorers.items()
            }
        )
    return tuple(rows)
