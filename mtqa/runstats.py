"""A run's statistics as typed values: what the engines and the cache did, the per-document
table with its macro averages and worst documents, findings per system, the comparison, the
back-translation throughput.

The pipeline computes a ``RunStats`` once; reports read its fields, and ``to_json`` /
``from_json`` are the form ``summary.json`` and ``result.json`` hold (keys a version of mtqa
does not know are kept in ``other``, so a result written by another version still loads).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mtqa.model import SEVERITIES, DocumentResult

if TYPE_CHECKING:
    from mtqa.compare import Comparison
    from mtqa.review import Decision, ReviewRecord

Ranked = tuple[tuple[str, int], ...]  # (finding kind, count), most frequent first


def _ranked(data: Any) -> Ranked:
    return tuple((str(kind), int(n)) for kind, n in data or ())


@dataclass(frozen=True)
class DocumentRow:
    """One document of the per-document table: its findings and its scores."""

    doc: str
    findings: int
    scores: Mapping[str, float]  # "<metric>_<engine>" -> score

    def to_json(self) -> dict[str, Any]:
        return {"doc": self.doc, "findings": self.findings, **self.scores}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> DocumentRow:
        scores = {k: v for k, v in data.items() if k not in ("doc", "findings")}
        return cls(doc=data["doc"], findings=data["findings"], scores=scores)


@dataclass(frozen=True)
class SystemFindings:
    """One MT system's findings over the run."""

    documents: int
    aligned_pairs: int
    by_severity: Mapping[str, int]
    most_frequent_findings: Ranked

    def to_json(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "aligned_pairs": self.aligned_pairs,
            "by_severity": dict(self.by_severity),
            "most_frequent_findings": [list(x) for x in self.most_frequent_findings],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SystemFindings:
        ranked = _ranked(data.get("most_frequent_findings"))
        return cls(data["documents"], data["aligned_pairs"], dict(data["by_severity"]), ranked)


@dataclass(frozen=True)
class Aggregate:
    """The per-document table of the documents' own MT, macro averages, the worst documents
    (by the first engine's chrF), the most frequent findings, and findings per system."""

    documents: tuple[DocumentRow, ...] = ()
    macro: Mapping[str, float] = field(default_factory=dict)
    worst_documents: tuple[str, ...] = ()
    most_frequent_findings: Ranked = ()
    system: str = "mt"  # the system the tables describe
    by_system: Mapping[str, SystemFindings] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "documents": [row.to_json() for row in self.documents],
            "macro": dict(self.macro),
            "worst_documents": list(self.worst_documents),
            "most_frequent_findings": [list(x) for x in self.most_frequent_findings],
            "system": self.system,
            "by_system": {name: s.to_json() for name, s in self.by_system.items()},
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Aggregate:
        return cls(
            documents=tuple(DocumentRow.from_json(row) for row in data.get("documents", ())),
            macro=dict(data.get("macro", {})),
            worst_documents=tuple(data.get("worst_documents", ())),
            most_frequent_findings=_ranked(data.get("most_frequent_findings")),
            system=data.get("system", "mt"),
            by_system={
                name: SystemFindings.from_json(s) for name, s in data.get("by_system", {}).items()
            },
        )


@dataclass(frozen=True)
class Throughput:
    """Back-translation in this run: sentences the engines translated (not from the cache)."""

    sentences_translated: int = 0
    sentences_per_second: float | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "sentences_translated": self.sentences_translated,
            "sentences_per_second": self.sentences_per_second,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Throughput:
        return cls(data.get("sentences_translated", 0), data.get("sentences_per_second"))


@dataclass(frozen=True)
class RunStats:
    """Everything a run counted besides scores and findings."""

    engines: Mapping[str, Mapping[str, int]] = field(default_factory=dict)  # cache hits, ...
    documents_resumed: int = 0  # taken from the run folder, finished by an earlier run
    documents_cached: int = 0  # taken from the result cache
    warnings: tuple[str, ...] = ()
    review: ReviewRecord | None = None  # the decisions file and what of it applied
    aggregate: Aggregate | None = None
    comparison: Comparison | None = None
    backtranslation: Throughput | None = None
    other: Mapping[str, Any] = field(default_factory=dict)  # keys this version does not know

    @property
    def cache_hits(self) -> int:
        return sum(e.get("hits", 0) for e in self.engines.values())

    @property
    def stale_decisions(self) -> tuple[Decision, ...]:
        return self.review.stale if self.review is not None else ()

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "engines": {name: dict(e) for name, e in self.engines.items()},
            "documents_resumed": self.documents_resumed,
            "documents_cached": self.documents_cached,
        }
        if self.warnings:
            data["warnings"] = list(self.warnings)
        if self.review is not None:
            data["review"] = self.review.to_json()
        if self.aggregate is not None:
            data["aggregate"] = self.aggregate.to_json()
        if self.comparison is not None:
            data["comparison"] = self.comparison.to_json()
        if self.backtranslation is not None:
            data["backtranslation"] = self.backtranslation.to_json()
        return {**data, **self.other}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> RunStats:
        from mtqa.compare import Comparison
        from mtqa.review import ReviewRecord

        known = {
            "engines", "documents_resumed", "documents_cached", "warnings", "review",
            "aggregate", "comparison", "backtranslation",
        }
        comparison = data.get("comparison")
        # a result written before comparisons had error scores keeps its table as it was
        loadable = isinstance(comparison, Mapping) and "error_score" in comparison
        aggregate = data.get("aggregate")
        throughput = data.get("backtranslation")
        raw_review = data.get("review")
        # a record this version cannot read stays as it was, like such a comparison
        review = ReviewRecord.from_json(raw_review) if isinstance(raw_review, Mapping) else None
        return cls(
            engines={name: dict(e) for name, e in (data.get("engines") or {}).items()},
            documents_resumed=data.get("documents_resumed", 0),
            documents_cached=data.get("documents_cached", 0),
            warnings=tuple(data.get("warnings") or ()),
            review=review,
            aggregate=Aggregate.from_json(aggregate) if isinstance(aggregate, Mapping) else None,
            comparison=Comparison.from_json(comparison)
            if isinstance(comparison, Mapping) and loadable
            else None,
            backtranslation=Throughput.from_json(throughput)
            if isinstance(throughput, Mapping)
            else None,
            other={
                k: v
                for k, v in data.items()
                if k not in known
                or (k == "comparison" and not loadable)
                or (k == "review" and review is None)
            },
        )


# ---- computing them --------------------------------------------------------------------


def aggregate(
    results: Sequence[DocumentResult], engines: Sequence[str], metrics: Sequence[str]
) -> Aggregate:
    """Per-document table, macro averages, worst documents and most frequent findings."""
    rows = []
    for r in results:
        scores: dict[str, float] = {}
        for engine in engines:
            for score in r.scores.get(engine, ()):
                scores[f"{score.metric}_{engine}"] = round(score.score, 4)
        rows.append(DocumentRow(r.document.id, len(r.counted_findings), scores))
    macro = {}
    for engine in engines:
        for metric in metrics:
            key = f"{metric}_{engine}"
            values = [row.scores[key] for row in rows if key in row.scores]
            if values:
                macro[key] = round(sum(values) / len(values), 4)
    key = f"chrf_{engines[0]}" if engines else ""
    worst = sorted((row for row in rows if key in row.scores), key=lambda row: row.scores[key])
    kinds = Counter(f.kind for r in results for f in r.counted_findings)
    return Aggregate(
        documents=tuple(rows),
        macro=macro,
        worst_documents=tuple(row.doc for row in worst[:10]),
        most_frequent_findings=tuple(kinds.most_common(10)),
    )


def findings_by_system(results: Sequence[DocumentResult]) -> dict[str, SystemFindings]:
    """Per MT system: findings by severity and the most frequent kinds."""
    documents: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    kinds: dict[str, Counter[str]] = {}
    severities: dict[str, Counter[str]] = {}
    for r in results:
        system = r.document.system
        documents[system] += 1
        pairs[system] += sum(p.aligned for p in r.pairs)
        kinds.setdefault(system, Counter()).update(f.kind for f in r.counted_findings)
        severities.setdefault(system, Counter()).update(f.severity for f in r.counted_findings)
    return {
        system: SystemFindings(
            documents=documents[system],
            aligned_pairs=pairs[system],
            by_severity={s: severities[system][s] for s in SEVERITIES},
            most_frequent_findings=tuple(kinds[system].most_common(10)),
        )
        for system in documents
    }
