"""sacrebleu's private functions that mtqa.metrics relies on, held to what mtqa expects.

mtqa.metrics is the one module that uses them (segment statistics, score from statistics,
chrF f-score, character n-grams, the bootstrap's resampling). A sacrebleu release that
changes any of them fails here, loudly, before it can shift a score or an interval;
pyproject.toml pins the releases these tests have passed on.
"""

from __future__ import annotations

import numpy as np
import pytest
import sacrebleu
from sacrebleu.metrics import BLEU, CHRF, TER
from sacrebleu.metrics.helpers import extract_all_char_ngrams
from sacrebleu.significance import _bootstrap_resample, estimate_ci

from mtqa import metrics

HYPOTHESES = ["The minister announced a budget Monday.", "Spending will rise a tenth.", ""]
REFERENCES = ["The minister announced a budget on Monday.", "Spending will rise by a tenth.",
              "Farmers will get support."]
WIDTHS = {"bleu": 10, "chrf": 18, "chrf++": 24, "ter": 2}


def test_the_installed_release_is_one_the_pin_allows() -> None:
    major, minor = (int(p) for p in sacrebleu.__version__.split(".")[:2])
    assert (2, 4) <= (major, minor) < (2, 7), sacrebleu.__version__


@pytest.mark.parametrize("name", list(WIDTHS))
def test_segment_statistics_have_the_expected_shape_and_sum_to_the_corpus_score(name: str) -> None:
    metric = metrics.make_metric(name)
    stats = metric._extract_corpus_statistics(HYPOTHESES, [REFERENCES])
    assert [len(s) for s in stats] == [WIDTHS[name]] * len(HYPOTHESES)
    assert all(isinstance(v, (int, float)) for s in stats for v in s)
    corpus = metrics.make_metric(name).corpus_score(HYPOTHESES, [REFERENCES])
    assert metric._aggregate_and_compute(stats).score == pytest.approx(corpus.score, abs=1e-12)
    fresh = metrics.make_metric(name)
    fresh.num_refs = 1
    assert str(fresh.get_signature()) == str(metric.get_signature())


@pytest.mark.parametrize("name", list(WIDTHS))
def test_resampled_scores_follow_sacrebleus_formulas_bit_for_bit(name: str) -> None:
    metric = metrics.make_metric(name)
    rng = np.random.default_rng(7)
    base = np.array(metric._extract_corpus_statistics(HYPOTHESES * 4, [REFERENCES * 4]))
    sums = (rng.integers(0, 4, size=(200, len(base))) @ base).astype(np.float32)
    sums[0] = 0  # nothing at all
    ours = metrics.METRIC_INFO[name].scorer(sums)
    theirs = [metric._compute_score_from_stats(row).score for row in sums]
    assert ours.tolist() == [float(t) for t in theirs]


@pytest.mark.parametrize("block_values", [200_000, 1000, 31])
@pytest.mark.parametrize("name", list(WIDTHS))
def test_the_bootstrap_draws_the_resamples_sacrebleu_draws(
    name: str, block_values: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # whatever the block size, the resamples are the ones sacrebleu draws in one go
    monkeypatch.setattr(metrics, "_RESAMPLE_VALUES", block_values)
    metric = metrics.make_metric(name)
    stats = metric._extract_corpus_statistics(HYPOTHESES * 5, [REFERENCES * 5])
    seed, resampled = _bootstrap_resample(stats, metric, 1000)
    assert seed == "12345"
    mean, half_width = estimate_ci(np.array([s.score for s in resampled], dtype=np.float64))
    assert metrics.bootstrap_ci(name, stats, 1000) == (float(mean), float(half_width))


def test_chrf_pieces_the_aligner_uses() -> None:
    grams = extract_all_char_ngrams("a cat", CHRF.CHAR_ORDER, False)
    assert len(grams) == 6 and grams[0] == {"a": 2, "c": 1, "t": 1}
    assert metrics.char_ngrams("a cat") == grams
    stats = [4, 4, 4] * 6
    assert CHRF()._compute_f_score(stats) == metrics.chrf_f_score(stats) == 100.0
    assert metrics.chrf_f_score([4, 4, 2] * 6) == pytest.approx(50.0)


def test_sentence_scores_equal_sacrebleus_sentence_score() -> None:
    for name, metric in (("bleu", BLEU(effective_order=True)), ("chrf", CHRF()),
                         ("chrf++", CHRF(word_order=2)), ("ter", TER())):
        for hypothesis, reference in zip(HYPOTHESES, REFERENCES, strict=True):
            expected = metric.sentence_score(hypothesis, [reference]).score
            assert metrics.sentence_score(name, hypothesis, reference) == expected
