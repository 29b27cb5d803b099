"""Comparing engines and MT systems.

(Findings are labelled by engine agreement where they are found: ``mtqa.checks.findings``.)

Significance is sacrebleu's own paired bootstrap (``sacrebleu.significance.PairedTest``) over
*comparison units*: groups of consecutive reference sentences that every (system, engine)
combination covers with whole beads, so each combination has exactly one hypothesis per unit.
Systems are also compared by their errors (``mtqa.mqm``: findings weighted by severity per 100
reference words, with the same kind of paired bootstrap), and the comparison ends in a verdict
per system against the baseline and, with three systems or more, a ranking in clusters of
systems not significantly different from each other (the way WMT reports its rankings).

``compare`` returns a typed ``Comparison``; ``Comparison.to_json`` is what ``summary.json``
carries under ``comparison`` and ``Comparison.from_json`` reads it back from a run folder.
Text (the terminal's lines, the verdict sentences) is written in ``mtqa.report.terminal``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mtqa.metrics import METRIC_INFO, make_metric
from mtqa.model import DocumentResult, Subset
from mtqa.mqm import (
    ALPHA,
    ErrorScore,
    ErrorScores,
    error_scores,
    estimate_json,
    interval_from_json,
    interval_json,
    rounded,
    unit_groups,
)

TIE_MARGIN = 1.0  # chrF points within which two segments' scores count as a tie
N_SAMPLES = 1000


# ---- comparison units ------------------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    """Consecutive reference sentences of one document, with one hypothesis per combination."""

    doc: str
    reference: str
    hypotheses: Mapping[tuple[str, str], str]  # (system, engine) -> back-translation
    ref_indexes: tuple[int, ...] = ()


def comparison_units(
    by_system: Mapping[str, Sequence[DocumentResult]], engines: Sequence[str]
) -> list[Unit]:
    """Units shared by every system's alignment of the same documents.

    ``by_system`` maps system name to its document results, in the same document order.
    """
    systems = list(by_system)
    units: list[Unit] = []
    for docs in zip(*(by_system[s] for s in systems), strict=True):
        # per document, the beads by their first reference sentence, in alignment order
        starting = [beads_by_first_ref(doc) for doc in docs]
        for members in unit_groups(docs):
            hypotheses: dict[tuple[str, str], str] = {}
            for system, doc, by_first in zip(systems, docs, starting, strict=True):
                beads = [
                    doc.pairs[k] for k in sorted(k for j in members for k in by_first.get(j, ()))
                ]
                for engine in engines:
                    hypotheses[(system, engine)] = " ".join(
                        p.bt.get(engine, "") for p in beads if p.mt
                    ).strip()
            units.append(
                Unit(
                    doc=docs[0].document.base_id,
                    reference=" ".join(docs[0].ref_segments[j].text for j in members),
                    hypotheses=hypotheses,
                    ref_indexes=tuple(members),
                )
            )
    return units


def beads_by_first_ref(doc: DocumentResult) -> dict[int, list[int]]:
    """Reference sentence -> the positions of the beads that start with it."""
    out: dict[int, list[int]] = {}
    for k, pair in enumerate(doc.pairs):
        if pair.ref:
            out.setdefault(pair.ref[0], []).append(k)
    return out


# ---- typed results ---------------------------------------------------------------------

ERROR_SCORE = "error_score"


def higher_is_better(metric: str) -> bool:
    """A metric's direction (the registry's), the error score's (lower is better)."""
    if metric == ERROR_SCORE:
        return False
    info = METRIC_INFO.get(metric)
    return info.higher_is_better if info is not None else True


class _AgainstBaseline:
    """A score on ``metric`` set against the baseline's: its difference (``delta``) and the
    paired bootstrap's ``p_value`` say whether it is significant and whether it improved."""

    if TYPE_CHECKING:
        metric: str
        p_value: float | None

        @property
        def delta(self) -> float | None: ...

    @property
    def significant(self) -> bool:
        # no change is never significant (sacrebleu gives identical systems its smallest p)
        return self.p_value is not None and self.p_value < ALPHA and bool(self.delta)

    @property
    def improved(self) -> bool | None:
        """Better than the baseline (None: no difference or not compared)."""
        delta = self.delta
        if not delta:
            return None
        return (delta > 0) == higher_is_better(self.metric)


@dataclass(frozen=True)
class MetricScore(_AgainstBaseline):
    """One system's score on one metric (under one engine; none for the error score)."""

    metric: str
    score: float | None
    ci95: tuple[float, float] | None = None
    p_value: float | None = None  # paired bootstrap against the baseline; None for it
    delta: float | None = None  # score minus the baseline's

    def to_json(self) -> dict[str, Any]:
        return estimate_json(self.score, self.ci95, self.p_value, self.delta)

    @classmethod
    def from_json(cls, metric: str, data: Mapping[str, Any]) -> MetricScore:
        return cls(
            metric=metric,
            score=data.get("score"),
            ci95=interval_from_json(data.get("ci95")),
            p_value=data.get("p_value"),
            delta=data.get("delta"),
        )


@dataclass(frozen=True)
class ComparisonRow:
    """One system's back-translations by one engine, scored on every metric."""

    label: str  # "system/engine"
    system: str
    engine: str
    scores: Mapping[str, MetricScore]
    wins: int | None = None  # segments better than the baseline by chrF (None: the baseline)
    ties: int | None = None
    losses: int | None = None

    def to_json(self) -> dict[str, Any]:
        row: dict[str, Any] = {
            "label": self.label,
            "system": self.system,
            "engine": self.engine,
            "scores": {m: s.to_json() for m, s in self.scores.items()},
        }
        if self.wins is not None:
            row.update(wins=self.wins, ties=self.ties, losses=self.losses)
        return row

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ComparisonRow:
        return cls(
            label=data["label"],
            system=data["system"],
            engine=data["engine"],
            scores={m: MetricScore.from_json(m, v) for m, v in data["scores"].items()},
            wins=data.get("wins"),
            ties=data.get("ties"),
            losses=data.get("losses"),
        )


@dataclass(frozen=True)
class Change(_AgainstBaseline):
    """How a system differs from the baseline on one metric."""

    metric: str
    engine: str | None  # None for the error score
    baseline: float | None
    score: float | None
    p_value: float | None

    @property
    def delta(self) -> float | None:
        if self.score is None or self.baseline is None:
            return None
        return self.score - self.baseline

    def to_json(self) -> dict[str, Any]:
        return {
            "metric": self.metric,
            "engine": self.engine,
            "baseline": rounded(self.baseline),
            "score": rounded(self.score),
            "delta": rounded(self.delta),
            "p_value": rounded(self.p_value),
            "significant": self.significant,
            "higher_is_better": higher_is_better(self.metric),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Change:
        return cls(
            metric=data["metric"],
            engine=data.get("engine"),
            baseline=data.get("baseline"),
            score=data.get("score"),
            p_value=data.get("p_value"),
        )


@dataclass(frozen=True)
class Verdict:
    """Which of a system and the baseline is better, on what, and whether significantly."""

    system: str
    baseline: str
    errors: Change  # the error score (lower is better)
    critical: tuple[int, int]  # critical findings: baseline, system
    critical_per_words: tuple[float | None, float | None]  # the same per 100 reference words
    metrics: tuple[Change, ...]  # the baseline engine's BLEU, chrF, TER...

    @property
    def changes(self) -> tuple[Change, ...]:
        return (self.errors, *self.metrics)

    @property
    def better_on(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.significant and c.improved)

    @property
    def worse_on(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.significant and c.improved is False)

    @property
    def outcome(self) -> str:
        """``better``, ``worse``, ``mixed`` or ``no significant difference`` (the system's)."""
        if self.better_on and self.worse_on:
            return "mixed"
        if self.better_on:
            return "better"
        if self.worse_on:
            return "worse"
        return "no significant difference"

    def to_json(self) -> dict[str, Any]:
        from mtqa.report.terminal import format_verdict

        return {
            "system": self.system,
            "baseline": self.baseline,
            "outcome": self.outcome,
            "text": format_verdict(self),
            "errors": self.errors.to_json(),
            "critical": list(self.critical),
            "critical_per_100_words": [rounded(x) for x in self.critical_per_words],
            "metrics": [c.to_json() for c in self.metrics],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Verdict:
        per = data.get("critical_per_100_words") or [None, None]
        return cls(
            system=data["system"],
            baseline=data["baseline"],
            errors=Change.from_json(data["errors"]),
            critical=(int(data["critical"][0]), int(data["critical"][1])),
            critical_per_words=(per[0], per[1]),
            metrics=tuple(Change.from_json(c) for c in data.get("metrics", [])),
        )


@dataclass(frozen=True)
class RankedSystem:
    """A system's place in a ranking by error score."""

    system: str
    rank: int  # 1 = fewest weighted errors
    cluster: int  # 1-based; systems in one cluster are not significantly different
    score: float | None
    ci95: tuple[float, float] | None

    def to_json(self) -> dict[str, Any]:
        return {
            "system": self.system,
            "rank": self.rank,
            "cluster": self.cluster,
            "score": rounded(self.score),
            "ci95": interval_json(self.ci95),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> RankedSystem:
        return cls(
            system=data["system"],
            rank=int(data["rank"]),
            cluster=int(data["cluster"]),
            score=data.get("score"),
            ci95=interval_from_json(data.get("ci95")),
        )


@dataclass(frozen=True)
class Comparison:
    """Systems × engines × metrics against a baseline, error scores, verdicts and a ranking."""

    baseline_system: str
    baseline_engine: str
    units: int
    metrics: tuple[str, ...]
    systems: tuple[str, ...]
    engines: tuple[str, ...]
    rows: tuple[ComparisonRow, ...]
    errors: ErrorScores
    verdicts: tuple[Verdict, ...] = ()
    ranking: tuple[RankedSystem, ...] = ()
    signatures: Mapping[str, str] = field(default_factory=dict)
    tie_margin_chrf: float = TIE_MARGIN

    @property
    def baseline(self) -> str:
        return f"{self.baseline_system}/{self.baseline_engine}"

    def row(self, system: str, engine: str) -> ComparisonRow | None:
        return next((r for r in self.rows if r.system == system and r.engine == engine), None)

    def error_score(self, system: str) -> ErrorScore:
        return self.errors.systems[system]

    def to_json(self) -> dict[str, Any]:
        return {
            "baseline": self.baseline,
            "baseline_system": self.baseline_system,
            "baseline_engine": self.baseline_engine,
            "units": self.units,
            "metrics": list(self.metrics),
            "systems": list(self.systems),
            "engines": list(self.engines),
            "alpha": ALPHA,
            "tie_margin_chrf": self.tie_margin_chrf,
            "rows": [r.to_json() for r in self.rows],
            "error_score": self.errors.to_json(),
            "verdicts": [v.to_json() for v in self.verdicts],
            "ranking": [r.to_json() for r in self.ranking],
            "signatures": dict(self.signatures),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Comparison:
        return cls(
            baseline_system=data["baseline_system"],
            baseline_engine=data["baseline_engine"],
            units=int(data["units"]),
            metrics=tuple(data["metrics"]),
            systems=tuple(data["systems"]),
            engines=tuple(data["engines"]),
            rows=tuple(ComparisonRow.from_json(r) for r in data["rows"]),
            errors=ErrorScores.from_json(data["error_score"]),
            verdicts=tuple(Verdict.from_json(v) for v in data.get("verdicts", [])),
            ranking=tuple(RankedSystem.from_json(r) for r in data.get("ranking", [])),
            signatures=dict(data.get("signatures", {})),
            tie_margin_chrf=float(data.get("tie_margin_chrf", TIE_MARGIN)),
        )


# ---- the comparison --------------------------------------------------------------------


def shared_documents(
    by_system: Mapping[str, Sequence[DocumentResult]],
) -> dict[str, Sequence[DocumentResult]]:
    """Each system's results for the source documents every system has, in one order.

    The answers are views by position (``Subset``): documents a run keeps on disk are
    read again when used, never all held at once."""
    ids = {s: [d.document.base_id for d in docs] for s, docs in by_system.items()}
    # a source document twice in one system: its last result counts
    keyed = {s: {base_id: k for k, base_id in enumerate(v)} for s, v in ids.items()}
    order = next(iter(ids.values()), [])
    shared = [i for i in order if all(i in k for k in keyed.values())]
    return {s: Subset(by_system[s], [keyed[s][i] for i in shared]) for s in by_system}


def _metric_rows(
    units: Sequence[Unit],
    ordered: Sequence[tuple[str, str]],
    metrics: Sequence[str],
    n_samples: int,
) -> tuple[list[ComparisonRow], dict[str, str]]:
    references = [u.reference for u in units]
    named: list[tuple[str, Sequence[str]]] = [
        (f"{s}/{e}", [u.hypotheses[(s, e)] for u in units]) for s, e in ordered
    ]
    if not units:
        return [], {}
    if len(named) == 1:  # nothing to compare: the run's corpus scores already say it all
        return [], {}
    from sacrebleu.significance import PairedTest  # only when there is something to compare

    rows: list[ComparisonRow] = []
    test = PairedTest(
        named_systems=named,
        metrics={m: make_metric(m) for m in metrics},
        references=[references],
        test_type="bs",
        n_samples=n_samples,
    )
    sigs, raw = test()
    results: dict[str, list[Any]] = dict(raw)  # metric -> one sacrebleu Result per system
    chrf = make_metric("chrf", sentence=True)
    base_seg = [
        chrf.sentence_score(h, [r]).score for h, r in zip(named[0][1], references, strict=True)
    ]
    for index, ((system, engine), (label, hyps)) in enumerate(zip(ordered, named, strict=True)):
        by_metric = {}
        for metric in metrics:
            named_results = results[METRIC_INFO[metric].sacrebleu_name]
            result, base = named_results[index], float(named_results[0].score)
            ci = None
            if result.ci is not None and result.mean is not None:
                ci = (float(result.mean - result.ci), float(result.mean + result.ci))
            by_metric[metric] = MetricScore(
                metric=metric,
                score=float(result.score),
                ci95=ci,
                p_value=None if result.p_value is None else float(result.p_value),
                delta=float(result.score) - base if index else None,
            )
        wins = ties = losses = None
        if index:
            seg = [chrf.sentence_score(h, [r]).score for h, r in zip(hyps, references, strict=True)]
            diffs = [a - b for a, b in zip(seg, base_seg, strict=True)]
            wins = sum(d > TIE_MARGIN for d in diffs)
            losses = sum(d < -TIE_MARGIN for d in diffs)
            ties = len(diffs) - wins - losses
        rows.append(ComparisonRow(label, system, engine, by_metric, wins, ties, losses))
    return rows, {k: str(v) for k, v in sigs.items()}


def rank(errors: ErrorScores) -> tuple[RankedSystem, ...]:
    """Systems by error score, in clusters: a cluster ends where every system above it is
    significantly better than every system below it (WMT's way of drawing its lines)."""
    scored = [(s, e) for s, e in errors.systems.items() if e.score is not None]
    scored.sort(key=lambda item: item[1].score or 0.0)

    def p(a: str, b: str) -> float:
        return errors.pairwise.get((a, b), errors.pairwise.get((b, a), 1.0))

    ranked: list[RankedSystem] = []
    cluster = 1
    for k, (system, score) in enumerate(scored):
        if k:
            above = [s for s, _ in scored[:k]]
            below = [s for s, _ in scored[k:]]
            if all(
                p(a, b) < ALPHA and (errors.systems[a].score or 0) < (errors.systems[b].score or 0)
                for a in above
                for b in below
            ):
                cluster += 1
        ranked.append(RankedSystem(system, k + 1, cluster, score.score, score.ci95))
    return tuple(ranked)


def _verdict(
    system: str,
    baseline: str,
    errors: ErrorScores,
    rows: Sequence[ComparisonRow],
    engine: str,
) -> Verdict:
    mine, base = errors.systems[system], errors.systems[baseline]
    row = next((r for r in rows if r.system == system and r.engine == engine), None)
    base_row = next((r for r in rows if r.system == baseline and r.engine == engine), None)
    metrics = []
    if row is not None and base_row is not None:
        for metric, score in row.scores.items():
            metrics.append(
                Change(metric, engine, base_row.scores[metric].score, score.score, score.p_value)
            )
    return Verdict(
        system=system,
        baseline=baseline,
        errors=Change(ERROR_SCORE, None, base.score, mine.score, mine.p_value),
        critical=(base.counts.get("critical", 0), mine.counts.get("critical", 0)),
        critical_per_words=(base.per_words("critical"), mine.per_words("critical")),
        metrics=tuple(metrics),
    )


def compare(
    by_system: Mapping[str, Sequence[DocumentResult]],
    engines: Sequence[str],
    *,
    metrics: Sequence[str],
    baseline: tuple[str, str] | None = None,
    weights: Mapping[str, float] | None = None,
    n_samples: int = N_SAMPLES,
) -> Comparison:
    """Systems × engines × metrics and error scores, paired bootstrap against a baseline,
    win/tie/loss by segment, a verdict per system and a ranking by error score."""
    by_system = shared_documents(by_system)
    combos = [(s, e) for s in by_system for e in engines]
    baseline = baseline or combos[0]
    if baseline not in combos:
        known = ", ".join(f"{s}/{e}" for s, e in combos)
        raise ValueError(f"baseline {baseline[0]}/{baseline[1]} is not one of {known}")
    units = comparison_units(by_system, engines)
    ordered = [baseline] + [c for c in combos if c != baseline]
    rows, signatures = _metric_rows(units, ordered, metrics, n_samples)
    errors = error_scores(by_system, baseline=baseline[0], weights=weights, n_samples=n_samples)
    verdicts = tuple(
        _verdict(s, baseline[0], errors, rows, baseline[1]) for s in by_system if s != baseline[0]
    )
    return Comparison(
        baseline_system=baseline[0],
        baseline_engine=baseline[1],
        units=len(units),
        metrics=tuple(metrics),
        systems=tuple(by_system),
        engines=tuple(engines),
        rows=tuple(rows),
        errors=errors,
        verdicts=verdicts,
        ranking=rank(errors) if len(by_system) > 1 else (),
        signatures=signatures,
    )
