"""The error score (findings weighted by severity per 100 reference words), its bootstrap
interval and paired test, and the ranking in clusters, on hand-built results."""

from __future__ import annotations

from dataclasses import replace

import pytest
from support import make_result

from mtqa.compare import compare, rank
from mtqa.config import CompareSpec
from mtqa.model import DocumentResult, Finding
from mtqa.mqm import charged_ref, document_error_score, error_scores

REFS = [f"reference sentence number {i} has exactly eight words" for i in range(20)]  # 8 words


def finding(severity: str, mt_index: int | None, ref_index: int | None, **kw: object) -> Finding:
    return Finding(
        "doc",
        "number_mismatch",
        severity,  # type: ignore[arg-type]
        mt_index,
        ref_index,
        "t",
        f"span{mt_index}{ref_index}{severity}",
        None,
        None,
        (),
        "test",
        "m",
        **kw,  # type: ignore[arg-type]
    )


def system(findings: list[Finding], n: int = 20) -> DocumentResult:
    doc = make_result([f"fr {i}" for i in range(n)], REFS[:n], bt={"e": REFS[:n]})
    return replace(doc, findings=tuple(findings))


def test_weights_normalisation_and_waived_findings() -> None:
    doc = system(
        [
            finding("critical", 0, 0),
            finding("major", 1, 1),
            finding("minor", 2, 2),
            finding("critical", 3, 3, verdict="false_alarm"),  # waived: does not count
            finding("critical", 4, 4, verdict="accepted"),
        ]
    )
    score = document_error_score(doc)
    assert score.words == 160
    assert score.points == 10 + 5 + 1 + 10
    assert score.score == pytest.approx(100 * 26 / 160)
    assert score.counts == {"critical": 2, "major": 1, "minor": 1}
    heavier = document_error_score(doc, weights={"critical": 25})
    assert heavier.score == pytest.approx(100 * (25 + 5 + 1 + 25) / 160)
    low, high = score.ci95 or (None, None)
    assert low is not None and high is not None and low <= score.score <= high


def test_bootstrap_is_seeded_and_reproducible(monkeypatch: pytest.MonkeyPatch) -> None:
    base = system([finding("critical", i, i) for i in range(0, 20, 3)])
    other = system([finding("major", i, i) for i in range(0, 20, 4)])
    first = error_scores({"a": [base], "b": [other]}, baseline="a")
    again = error_scores({"a": [base], "b": [other]}, baseline="a")
    assert first == again
    monkeypatch.setenv("SACREBLEU_SEED", "7")
    reseeded = error_scores({"a": [base], "b": [other]}, baseline="a")
    assert reseeded.systems["b"].score == first.systems["b"].score  # the score itself is exact
    assert reseeded.systems["b"].ci95 != first.systems["b"].ci95  # the resamples are not


def test_paired_test_tells_a_clear_difference_from_none() -> None:
    errors = [finding("critical", i, i) for i in range(0, 20, 2)]  # 10 critical errors
    base = system(errors)
    fixed = system([])
    scores = error_scores({"base": [base], "fixed": [fixed], "same": [base]}, baseline="base")
    assert scores.systems["base"].p_value is None
    assert scores.systems["fixed"].delta == pytest.approx(-100 * 100 / 160)
    assert scores.systems["fixed"].p_value < 0.01
    assert scores.systems["fixed"].significant
    assert scores.systems["same"].delta == 0
    assert scores.systems["same"].p_value == pytest.approx(1.0, abs=0.01)
    assert not scores.systems["same"].significant


def test_unaligned_mt_findings_are_charged_to_the_nearest_reference_before() -> None:
    refs = REFS[:3]
    doc = make_result(
        ["a", "b", "furniture", "c"],
        refs,
        beads=[((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), (2,))],
    )
    assert charged_ref(doc, finding("minor", 2, None)) == 1
    assert charged_ref(doc, finding("minor", 3, None)) == 2
    assert charged_ref(doc, finding("minor", None, None)) == 0  # on the whole document
    assert charged_ref(doc, finding("minor", 0, 2)) == 2  # its own reference sentence first


def test_ranking_draws_cluster_lines_only_where_everyone_above_beats_everyone_below() -> None:
    def with_errors(every: int) -> DocumentResult:
        return system([finding("critical", i, i) for i in range(0, 20, every)] if every else [])

    systems = {"bad": [with_errors(1)], "worse": [with_errors(1)], "good": [with_errors(0)]}
    scores = error_scores(systems, baseline="bad")
    ranking = rank(scores)
    assert [r.system for r in ranking] == ["good", "bad", "worse"]
    assert [r.rank for r in ranking] == [1, 2, 3]
    # good is significantly better than both; bad and worse are the same: two clusters
    assert [r.cluster for r in ranking] == [1, 2, 2]


def test_compare_returns_typed_results_with_a_verdict() -> None:
    base = system([finding("critical", i, i) for i in range(0, 20, 2)])
    fixed = system([])
    comparison = compare({"mt": [base], "fixed": [fixed]}, ["e"], metrics=["chrf"])
    assert comparison.baseline == "mt/e"
    assert comparison.error_score("fixed").significant
    (verdict,) = comparison.verdicts
    assert verdict.system == "fixed" and verdict.baseline == "mt"
    assert verdict.critical == (10, 0)
    # the same back-translations: chrF cannot tell them apart, the errors can
    assert [c.metric for c in verdict.better_on] == ["error_score"]
    assert verdict.outcome == "better"
    data = comparison.to_json()
    assert data["verdicts"][0]["text"].startswith("fixed is better than mt on errors")
    assert data["error_score"]["systems"]["fixed"]["ci95"][0] <= 0.0001
    assert type(comparison).from_json(data).to_json() == data


def test_weights_in_the_config_are_checked() -> None:
    assert CompareSpec(weights={"critical": 25}).weights == {
        "critical": 25.0,
        "major": 5.0,
        "minor": 1.0,
    }
    with pytest.raises(ValueError, match="blocker"):
        CompareSpec(weights={"blocker": 3})  # type: ignore[dict-item]
    with pytest.raises(ValueError, match="0 or more"):
        CompareSpec(weights={"minor": -1})


@pytest.mark.parametrize("units", [1, 3, 150, 1001, 40_000])
def test_resamples_drawn_in_blocks_equal_one_draw_of_every_resample(
    units: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Memory stays bounded (blocks of resamples) without changing a single resampled score."""
    import numpy as np

    from mtqa import mqm

    rng = np.random.default_rng(units)
    words = rng.integers(0, 30, units).tolist()
    points = {
        "a": rng.integers(0, 6, units).astype(float).tolist(),
        "b": rng.random(units).tolist(),
    }
    whole = np.random.default_rng(12345).choice(units, size=(1000, units), replace=True)
    total = np.asarray(words, dtype=np.float64)[whole].sum(axis=1)
    total[total == 0] = np.nan
    monkeypatch.setattr(mqm, "_RESAMPLE_VALUES", 5_000)  # several blocks even for few units
    got = mqm._resample(words, points, n_samples=1000, rng_seed=12345)
    for name, values in points.items():
        expected = 100 * np.asarray(values)[whole].sum(axis=1) / total
        assert np.array_equal(got[name], expected, equal_nan=True)
