"""The error score: findings weighted by severity per 100 reference words, MQM-style.

BLEU, chrF and TER of back-translations are blind to most of what mtqa finds (a misspelt name
or a flipped negation moves chrF by a point), so systems are also compared by their errors.

Weights (``[compare] weights``; defaults minor 1, major 5, critical 10). Minor 1 and major 5
are the weights of the MQM scheme of Freitag et al. (2021, "Experts, Errors, and Context",
TACL), used by the WMT metrics tasks since. That scheme has no "critical" level (its 25 is
for a segment that is not a translation at all); critical 10 is the TAUS DQF-MQM scoring
model's. mtqa's critical findings are local (a name, a number, a flipped clause in one
sentence), not whole-segment non-translations, and they come from detectors rather than
confirmed by a reviewer, so 10 keeps one finding from outweighing twenty-five minor ones;
MQM 2.0's scoring models use 25 for critical, which the config can set.

Normalisation: weighted points per 100 words of the reference (MQM normalises by the
evaluation word count; the reference's words are the same for every system of a document, so
paired comparisons divide by the same number). Findings a reviewer waived (verdict
``false_alarm``) do not count.

Intervals and significance: a bootstrap over comparison units (groups of reference sentences
every system covers with whole beads; see ``mtqa.compare``), numpy, seeded like sacrebleu
(``SACREBLEU_SEED``, 12345 when unset), so a rerun gives the same figures. The 95% interval is
the 2.5-97.5 percentile range of the resampled scores (a ratio of counts is skewed and cannot
go below zero, so not mean ± half-width). The paired test against the baseline is sacrebleu's
paired bootstrap (Koehn 2004 as sacrebleu implements it): both systems on the same resamples,
the resampled absolute differences centred on their mean, p = (count above the observed
absolute difference + 1) / (resamples + 1), counting ties as at least as large (so a system
against itself gets p = 1).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from mtqa.model import SEVERITIES, DocumentResult, Finding

DEFAULT_WEIGHTS: Mapping[str, float] = {"critical": 10.0, "major": 5.0, "minor": 1.0}
PER_WORDS = 100
N_SAMPLES = 1000
ALPHA = 0.05  # significance level for "significant" everywhere in mtqa's comparisons
WAIVED = "false_alarm"


def seed() -> int | None:
    """sacrebleu's seed, so the error score and the metrics resample alike."""
    value = os.environ.get("SACREBLEU_SEED", "12345")
    return None if value.lower() == "none" else int(value)


def counted(findings: Iterable[Finding]) -> list[Finding]:
    """The findings that count: all but those a reviewer marked as false alarms."""
    return [f for f in findings if not f.waived]


def words(text: str) -> int:
    return len(text.split())


# ---- an estimate as the JSON outputs hold it (shared with mtqa.compare) -------------------


def rounded(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(float(value), digits)


def interval_json(ci95: tuple[float, float] | None) -> list[float | None] | None:
    return None if ci95 is None else [rounded(x) for x in ci95]


def interval_from_json(value: Any) -> tuple[float, float] | None:
    return None if value is None else (float(value[0]), float(value[1]))


def estimate_json(
    score: float | None,
    ci95: tuple[float, float] | None,
    p_value: float | None,
    delta: float | None,
) -> dict[str, Any]:
    """A score with its 95% interval, and its p-value and difference against a baseline."""
    return {
        "score": rounded(score),
        "ci95": interval_json(ci95),
        "p_value": rounded(p_value),
        "delta": rounded(delta),
    }


@dataclass(frozen=True)
class ErrorScore:
    """Weighted findings per 100 reference words, for one system (or one document)."""

    score: float | None  # None when there are no reference words
    ci95: tuple[float, float] | None
    points: float
    words: int
    counts: Mapping[str, int]  # severity -> findings that count
    p_value: float | None = None  # paired bootstrap against the baseline system
    delta: float | None = None  # score minus the baseline's

    @property
    def significant(self) -> bool:
        return self.p_value is not None and self.p_value < ALPHA

    def per_words(self, severity: str) -> float | None:
        """Findings of one severity per 100 reference words."""
        return PER_WORDS * self.counts.get(severity, 0) / self.words if self.words else None

    def to_json(self) -> dict[str, Any]:
        return {
            **estimate_json(self.score, self.ci95, self.p_value, self.delta),
            "points": rounded(self.points),
            "words": self.words,
            "findings": {s: self.counts.get(s, 0) for s in SEVERITIES},
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ErrorScore:
        return cls(
            score=data.get("score"),
            ci95=interval_from_json(data.get("ci95")),
            points=float(data.get("points", 0.0)),
            words=int(data.get("words", 0)),
            counts=dict(data.get("findings", {})),
            p_value=data.get("p_value"),
            delta=data.get("delta"),
        )


@dataclass(frozen=True)
class ErrorScores:
    """Every system's error score over the same units, pairwise tests, per-document scores."""

    weights: Mapping[str, float]
    baseline: str
    units: int
    systems: Mapping[str, ErrorScore]  # system -> score over the shared documents
    documents: Mapping[str, ErrorScore]  # document id (ID@SYSTEM for other systems) -> score
    pairwise: Mapping[tuple[str, str], float] = field(default_factory=dict)  # p-values
    seed: int | None = None
    n_samples: int = N_SAMPLES

    def to_json(self) -> dict[str, Any]:
        return {
            "unit": f"weighted findings per {PER_WORDS} reference words (lower is better)",
            "weights": dict(self.weights),
            "waived": f"findings with verdict {WAIVED!r} do not count",
            "baseline": self.baseline,
            "units": self.units,
            "bootstrap": {"n_samples": self.n_samples, "seed": self.seed},
            "systems": {name: s.to_json() for name, s in self.systems.items()},
            "documents": {name: s.to_json() for name, s in self.documents.items()},
            "pairwise_p": [[a, b, rounded(p)] for (a, b), p in self.pairwise.items()],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ErrorScores:
        boot = data.get("bootstrap", {})
        return cls(
            weights=dict(data.get("weights", DEFAULT_WEIGHTS)),
            baseline=data.get("baseline", "mt"),
            units=int(data.get("units", 0)),
            systems={k: ErrorScore.from_json(v) for k, v in data.get("systems", {}).items()},
            documents={k: ErrorScore.from_json(v) for k, v in data.get("documents", {}).items()},
            pairwise={(a, b): float(p) for a, b, p in data.get("pairwise_p", [])},
            seed=boot.get("seed"),
            n_samples=int(boot.get("n_samples", N_SAMPLES)),
        )




def ref_of_mt(doc: DocumentResult, mt_index: int) -> int:
    """The reference sentence an MT sentence answers to: that of its bead; for an MT sentence
    with no reference (an addition, page furniture), the nearest one before it (after it at
    the start of the document)."""
    return refs_of_mt(doc).get(mt_index, 0)


def refs_of_mt(doc: DocumentResult) -> dict[int, int]:
    """``ref_of_mt`` of every MT sentence of the document's beads, in one pass over them
    (what a long document's findings and rows look up, instead of a pass each)."""
    pairs = doc.pairs
    # the reference sentence nearest before each bead, and nearest after it
    before: list[int | None] = []
    last = None
    for pair in pairs:
        before.append(last)
        if pair.ref:
            last = pair.ref[-1]
    after: list[int | None] = [None] * len(pairs)
    following = None
    for k in range(len(pairs) - 1, -1, -1):
        after[k] = following
        if pairs[k].ref:
            following = pairs[k].ref[0]
    out: dict[int, int] = {}
    for k, pair in enumerate(pairs):
        for mt_index in pair.mt:
            if mt_index in out:
                continue  # the first bead holding it counts
            if pair.ref:
                out[mt_index] = pair.ref[0]
            else:
                nearest = before[k] if before[k] is not None else after[k]
                out[mt_index] = nearest if nearest is not None else 0
    return out


def charged_ref(
    doc: DocumentResult, finding: Finding, refs: Mapping[int, int] | None = None
) -> int:
    """The reference sentence a finding is charged to: its own; else that of its MT sentence
    (``ref_of_mt``; ``refs``: the document's ``refs_of_mt``, when the caller charges many
    findings); a finding on the whole document is charged to the first."""
    if finding.ref_index is not None:
        return finding.ref_index
    if finding.mt_index is not None:
        if refs is not None:
            return refs.get(finding.mt_index, 0)
        return ref_of_mt(doc, finding.mt_index)
    return 0


def unit_groups(docs: Sequence[DocumentResult]) -> list[list[int]]:
    """Groups of consecutive reference sentences that every alignment covers with whole beads.

    ``docs`` are the same source document as several systems aligned it (one system: its
    own beads).
    """
    n_ref = len(docs[0].ref_segments)
    parent = list(range(n_ref))

    def root(j: int) -> int:
        while parent[j] != j:
            parent[j] = parent[parent[j]]
            j = parent[j]
        return j

    for doc in docs:
        for pair in doc.pairs:
            for j in pair.ref[1:]:
                parent[root(j)] = root(pair.ref[0])
    groups: dict[int, list[int]] = {}
    for j in range(n_ref):
        groups.setdefault(root(j), []).append(j)
    return sorted(groups.values())


@dataclass(frozen=True)
class _Units:
    """Per unit: reference words, and per system the points and counts by severity."""

    words: list[int]
    points: dict[str, list[float]]
    counts: dict[str, list[dict[str, int]]]


def _units(
    by_system: Mapping[str, Sequence[DocumentResult]], weights: Mapping[str, float]
) -> _Units:
    systems = list(by_system)
    out = _Units([], {s: [] for s in systems}, {s: [] for s in systems})
    for docs in zip(*(by_system[s] for s in systems), strict=True):
        groups = unit_groups(docs)
        where = {j: u for u, members in enumerate(groups) for j in members}
        first = len(out.words)
        for members in groups:
            out.words.append(sum(words(docs[0].ref_segments[j].text) for j in members))
        for system, doc in zip(systems, docs, strict=True):
            out.points[system] += [0.0] * len(groups)
            out.counts[system] += [dict.fromkeys(SEVERITIES, 0) for _ in groups]
            refs = refs_of_mt(doc)
            for f in counted(doc.findings):
                u = first + where.get(charged_ref(doc, f, refs), 0) if groups else None
                if u is None:
                    continue  # no reference sentence at all: nothing to normalise by
                out.points[system][u] += float(weights.get(f.severity, 0.0))
                out.counts[system][u][f.severity] = out.counts[system][u].get(f.severity, 0) + 1
    return out


# unit draws per block of resamples: a run's resamples never hold more than this many
# indexes at once, so memory does not grow with the number of documents
_RESAMPLE_VALUES = 200_000


def _resample(
    words_: Sequence[int],
    points: Mapping[str, Sequence[float]],
    *,
    n_samples: int,
    rng_seed: int | None,
) -> dict[str, Any]:
    """Each system's score on the same bootstrap resamples of the units (numpy arrays)."""
    import numpy as np

    w = np.asarray(words_, dtype=np.float64)
    p = {s: np.asarray(values, dtype=np.float64) for s, values in points.items()}
    count = len(w)
    rng = np.random.default_rng(rng_seed)
    total_words = np.empty(n_samples, dtype=np.float64)
    totals = {s: np.empty(n_samples, dtype=np.float64) for s in p}
    # One draw of (n_samples, count) indexes, taken a block of rows at a time: blocks of an
    # even number of rows (an even number of values: the generator hands out 32-bit draws
    # in pairs) consume the same stream in the same order, and each row sums alike.
    block = max(2, _RESAMPLE_VALUES // max(count, 1) // 2 * 2)
    for start in range(0, n_samples, block):
        rows = min(block, n_samples - start)
        idx = rng.choice(count, size=(rows, count), replace=True)
        total_words[start : start + rows] = w[idx].sum(axis=1)
        for s, values in p.items():
            totals[s][start : start + rows] = values[idx].sum(axis=1)
    total_words[total_words == 0] = np.nan
    return {s: PER_WORDS * total / total_words for s, total in totals.items()}


def _interval(samples: Any) -> tuple[float, float] | None:
    import numpy as np

    finite = samples[np.isfinite(samples)]
    if finite.size < 2:
        return None
    low, high = np.percentile(finite, [2.5, 97.5])
    return float(low), float(high)


def _p_value(system: Any, baseline: Any, observed: float) -> float:
    """sacrebleu's paired bootstrap p-value on resampled scores of two systems."""
    import numpy as np

    diffs = np.abs(system - baseline)
    diffs = diffs[np.isfinite(diffs)]
    stats = diffs - diffs.mean()
    # ">=" where sacrebleu has ">": with ">", a system tested against itself (all
    # differences 0) would get the smallest p-value instead of 1
    return float((np.sum(stats >= abs(observed)) + 1) / (len(stats) + 1))


def _score(points: float, n_words: int) -> float | None:
    return PER_WORDS * points / n_words if n_words else None


def _system_score(
    points: Sequence[float], counts: Sequence[Mapping[str, int]], n_words: int, samples: Any
) -> ErrorScore:
    total = float(sum(points))
    return ErrorScore(
        score=_score(total, n_words),
        ci95=_interval(samples) if samples is not None and len(points) >= 2 else None,
        points=total,
        words=n_words,
        counts={s: sum(c.get(s, 0) for c in counts) for s in SEVERITIES},
    )


def error_scores(
    by_system: Mapping[str, Sequence[DocumentResult]],
    *,
    baseline: str,
    weights: Mapping[str, float] | None = None,
    n_samples: int = N_SAMPLES,
) -> ErrorScores:
    """Error scores of every system over the documents they share, with intervals and tests.

    ``by_system`` maps system name to its document results, in the same document order (the
    same source documents). Every system is tested against ``baseline`` and, for rankings,
    against every other system, on the same resamples.
    """
    weights = {**DEFAULT_WEIGHTS, **(weights or {})}
    if baseline not in by_system:
        raise ValueError(f"baseline system {baseline!r} is not one of {', '.join(by_system)}")
    rng_seed = seed()
    units = _units(by_system, weights)
    n_words = sum(units.words)
    samples = (
        _resample(units.words, units.points, n_samples=n_samples, rng_seed=rng_seed)
        if units.words
        else {}
    )
    systems: dict[str, ErrorScore] = {}
    for system in by_system:
        systems[system] = _system_score(
            units.points[system], units.counts[system], n_words, samples.get(system)
        )
    base = systems[baseline]
    pairwise: dict[tuple[str, str], float] = {}
    names = list(by_system)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            sa, sb = systems[a].score, systems[b].score
            if samples and sa is not None and sb is not None:
                pairwise[(a, b)] = _p_value(samples[a], samples[b], sa - sb)
    for system, score in systems.items():
        if system == baseline or score.score is None or base.score is None:
            continue
        key = (system, baseline) if (system, baseline) in pairwise else (baseline, system)
        systems[system] = ErrorScore(
            score=score.score,
            ci95=score.ci95,
            points=score.points,
            words=score.words,
            counts=score.counts,
            p_value=pairwise.get(key),
            delta=score.score - base.score,
        )
    documents: dict[str, ErrorScore] = {}
    for docs in by_system.values():
        for doc in docs:
            documents[doc.document.id] = document_error_score(
                doc, weights=weights, n_samples=n_samples, rng_seed=rng_seed
            )
    return ErrorScores(
        weights=weights,
        baseline=baseline,
        units=len(units.words),
        systems=systems,
        documents=documents,
        pairwise=pairwise,
        seed=rng_seed,
        n_samples=n_samples,
    )


def document_error_score(
    doc: DocumentResult,
    *,
    weights: Mapping[str, float] | None = None,
    n_samples: int = N_SAMPLES,
    rng_seed: int | None = None,
) -> ErrorScore:
    """One document's error score, with a bootstrap interval over its own beads."""
    weights = {**DEFAULT_WEIGHTS, **(weights or {})}
    units = _units({"doc": [doc]}, weights)
    samples = (
        _resample(units.words, units.points, n_samples=n_samples, rng_seed=rng_seed)["doc"]
        if units.words
        else None
    )
    return _system_score(units.points["doc"], units.counts["doc"], sum(units.words), samples)
