"""Scores against the sacrebleu command-line tool on the same files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from mtqa.metrics import corpus_scores, segment_scores
from mtqa.model import Pair

HYPOTHESES = [
    "The minister of finances announced a new budget Monday.",
    "The spending on the schools will increase of a tenth the next year.",
    "The parties of opposition criticised the plan like too timid.",
    "Farmers will receive support after a bad harvest.",
]
REFERENCES = [
    "The finance minister announced a new budget on Monday.",
    "Spending on schools will rise by a tenth next year.",
    "Opposition parties criticised the plan as too timid.",
    "Farmers will receive support after a poor harvest.",
]
CLI_METRICS = {
    "bleu": ["-m", "bleu"],
    "chrf": ["-m", "chrf"],
    "chrf++": ["-m", "chrf", "--chrf-word-order", "2"],
    "ter": ["-m", "ter"],
}


def sacrebleu_cli(tmp_path: Path, metric: str, *extra: str) -> dict:
    hyp, ref = tmp_path / "hyp.txt", tmp_path / "ref.txt"
    hyp.write_text("\n".join(HYPOTHESES) + "\n", encoding="utf-8")
    ref.write_text("\n".join(REFERENCES) + "\n", encoding="utf-8")
    command = [
        sys.executable,
        "-m",
        "sacrebleu",
        str(ref),
        "-i",
        str(hyp),
        *CLI_METRICS[metric],
        *extra,
    ]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    data = json.loads(out)
    return data[0] if isinstance(data, list) else data


@pytest.mark.parametrize("metric", ["bleu", "chrf", "chrf++", "ter"])
def test_corpus_scores_match_the_sacrebleu_cli(tmp_path: Path, metric: str) -> None:
    (score,) = corpus_scores(hypotheses=HYPOTHESES, references=REFERENCES, metrics=[metric])
    expected = sacrebleu_cli(tmp_path, metric)
    assert score.score == pytest.approx(expected["score"], abs=0.05)
    # the signature is sacrebleu's own, bootstrap settings included
    assert score.signature.startswith(expected["signature"].split("|")[0])
    assert "bs:1000" in score.signature


@pytest.mark.parametrize("metric", ["bleu", "chrf", "ter"])
def test_confidence_interval_matches_the_cli_bootstrap(tmp_path: Path, metric: str) -> None:
    (score,) = corpus_scores(hypotheses=HYPOTHESES, references=REFERENCES, metrics=[metric])
    expected = sacrebleu_cli(tmp_path, metric, "--confidence", "--confidence-n", "1000")
    mean, half_width = expected["confidence_mean"], expected["confidence_var"]
    assert score.ci_low == pytest.approx(mean - half_width, abs=0.11)  # the CLI rounds both to 0.1
    assert score.ci_high == pytest.approx(mean + half_width, abs=0.11)  # the CLI rounds both to 0.1
    assert score.ci_high > score.ci_low


def test_segment_scores_cover_aligned_pairs_only() -> None:
    pairs = [
        Pair("d", 0, (0,), (0,), "fr", REFERENCES[0], {"e": HYPOTHESES[0]}),
        Pair("d", 1, (1,), (), "fr", "", {"e": "Subscribe now"}),
        Pair("d", 2, (), (1,), "", REFERENCES[1], {}),
    ]
    rows = segment_scores(pairs, "e")
    assert rows[1] == {} and rows[2] == {}
    assert set(rows[0]) == {"bleu", "chrf", "chrf++", "ter"}
    assert 0 < rows[0]["chrf"] < 100


def test_single_segment_has_no_interval() -> None:
    (score,) = corpus_scores(hypotheses=HYPOTHESES[:1], references=REFERENCES[:1], metrics=["chrf"])
    assert score.ci_low is None and score.ci_high is None


@pytest.mark.parametrize("metric", ["bleu", "chrf", "chrf++", "ter"])
def test_confidence_interval_equals_sacrebleus_bootstrap(metric: str) -> None:
    from sacrebleu.metrics import BLEU, CHRF, TER

    hypotheses = HYPOTHESES * 3 + ["", "Farmers"]
    references = REFERENCES * 3 + ["The harvest was poor.", "Farmers will receive support."]
    (score,) = corpus_scores(hypotheses=hypotheses, references=references, metrics=[metric])
    reference_metric = {
        "bleu": BLEU(), "chrf": CHRF(), "chrf++": CHRF(word_order=2), "ter": TER(),
    }[metric]
    expected = reference_metric.corpus_score(hypotheses, [references], n_bootstrap=1000)
    mean, half_width = expected._mean, expected._ci
    assert score.value == pytest.approx(expected.score, abs=1e-9)
    assert score.ci_low == pytest.approx(max(mean - half_width, 0.0), abs=0.05)
    assert score.ci_high == pytest.approx(mean + half_width, abs=0.05)
    assert score.ci_high - score.ci_low > 1.0  # a real interval, not a point


def test_statistics_extracted_elsewhere_give_the_same_corpus_scores(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A run's corpus scores are made of the statistics tables its documents' scoring
    extracted (in other processes too): the same scores, nothing extracted again, whether
    the segments come in one table or in several put end to end."""
    import numpy as np

    import mtqa.metrics as metrics

    expected = corpus_scores(hypotheses=HYPOTHESES, references=REFERENCES)
    halves = [
        {name: metrics.statistics_table(name, HYPOTHESES[s], REFERENCES[s]) for name in
         metrics.METRICS}
        for s in (slice(0, 2), slice(2, None))
    ]
    assert all(len(table) == 2 for half in halves for table in half.values())

    def extract(*args: object, **kwargs: object) -> None:
        raise AssertionError("statistics extracted again")

    for name in metrics.METRICS:
        monkeypatch.setattr(metrics._metric(name), "_extract_corpus_statistics", extract)
    joined = {name: np.concatenate([half[name] for half in halves]) for name in metrics.METRICS}
    assert metrics.corpus_scores_of(joined) == expected
    assert metrics.corpus_scores_of({"bleu": joined["bleu"][:0]}) == ()


def test_statistics_kept_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    import mtqa.metrics as metrics

    monkeypatch.setattr(metrics, "_STATISTICS", type(metrics._STATISTICS)())
    monkeypatch.setattr(metrics, "_STATISTICS_KEPT", 3)
    metrics.statistics_table("chrf", HYPOTHESES, REFERENCES)
    assert list(metrics._STATISTICS) == [("chrf", h, r) for h, r in zip(
        HYPOTHESES[1:], REFERENCES[1:], strict=True)]
    metrics.statistics_table("chrf", HYPOTHESES[:1], REFERENCES[:1])  # kept as the newest
    assert next(reversed(metrics._STATISTICS)) == ("chrf", HYPOTHESES[0], REFERENCES[0])
    assert len(metrics._STATISTICS) == 3
