"""What changed between two run folders: scores and errors with significance, findings added
and removed, a verdict, and whether B regressed.

For regression tracking when a model or an MT system changes. Documents are matched by id;
the runs are compared as two systems, A (the baseline) and B, over the documents both runs
share (and whose reference is unchanged): metric scores per engine both runs used, with
sacrebleu's paired bootstrap, and the error score (``mtqa.mqm``) with the same kind of test.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from mtqa.compare import Comparison, Verdict, compare
from mtqa.model import SEVERITY_RANK, Finding, RunResult
from mtqa.mqm import ErrorScore, document_error_score


def _finding_key(f: Finding) -> tuple[Any, ...]:
    return (f.doc, f.kind, f.mt_span, f.ref_span)


@dataclass(frozen=True)
class RunInfo:
    name: str
    created: str


@dataclass(frozen=True)
class DocumentChange:
    """One shared document: chrF per engine and findings, in A and in B."""

    doc: str
    chrf: Mapping[str, tuple[float, float]]  # engine -> (A, B)
    findings: tuple[int, int]
    error_score: tuple[float | None, float | None]

    def to_json(self) -> dict[str, Any]:
        row: dict[str, Any] = {"doc": self.doc}
        for engine, (a, b) in self.chrf.items():
            row[f"chrf_{engine}"] = [round(a, 2), round(b, 2), round(b - a, 2)]
        row["findings"] = list(self.findings)
        row["error_score"] = [None if x is None else round(x, 2) for x in self.error_score]
        return row


@dataclass(frozen=True)
class RunDiff:
    """Two runs compared; ``regressions`` says why B is worse than A, if it is."""

    a: RunInfo
    b: RunInfo
    only_in_a: tuple[str, ...]
    only_in_b: tuple[str, ...]
    reference_changed: tuple[str, ...]
    comparison: Comparison | None  # systems "A" and "B" over the shared documents
    documents: tuple[DocumentChange, ...]
    findings_added: tuple[Finding, ...]
    findings_removed: tuple[Finding, ...]

    @property
    def verdict(self) -> Verdict | None:
        return self.comparison.verdicts[0] if self.comparison and self.comparison.verdicts else None

    @property
    def error_scores(self) -> tuple[ErrorScore, ErrorScore] | None:
        if self.comparison is None:
            return None
        return self.comparison.error_score("A"), self.comparison.error_score("B")

    @property
    def new_critical(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings_added if f.severity == "critical" and not f.waived)

    def regressions(self) -> list[str]:
        """Why B is a regression from A (``mtqa.gate.regressions``); empty when it is not."""
        from mtqa.gate import regressions

        return regressions(self)

    def to_json(self) -> dict[str, Any]:
        from mtqa.report.terminal import format_verdict

        scores: dict[str, Any] = {}
        if self.comparison is not None:
            for engine in self.comparison.engines:
                a, b = self.comparison.row("A", engine), self.comparison.row("B", engine)
                if a is not None and b is not None:
                    scores[engine] = {
                        "units": self.comparison.units,
                        "A": a.to_json(),
                        "B": b.to_json(),
                    }
        errors = self.error_scores
        verdict = self.verdict
        return {
            "a": {"name": self.a.name, "created": self.a.created},
            "b": {"name": self.b.name, "created": self.b.created},
            "only_in_a": list(self.only_in_a),
            "only_in_b": list(self.only_in_b),
            "reference_changed": list(self.reference_changed),
            "scores": scores,
            "error_score": None
            if errors is None
            else {"A": errors[0].to_json(), "B": errors[1].to_json()},
            "verdict": None if verdict is None else format_verdict(verdict),
            "regressions": self.regressions(),
            "documents": [d.to_json() for d in self.documents],
            "findings_added": [f.to_json() for f in self.findings_added],
            "findings_removed": [f.to_json() for f in self.findings_removed],
        }


def diff_runs(a: RunResult, b: RunResult, *, n_samples: int = 1000) -> RunDiff:
    docs_a = {d.document.id: d for d in a.documents}
    docs_b = {d.document.id: d for d in b.documents}
    shared = sorted(
        i
        for i in docs_a.keys() & docs_b.keys()
        if docs_a[i].document.ref_text == docs_b[i].document.ref_text
    )
    engines = [e for e in a.scores if e in b.scores]
    metrics = [m for m in a.config.get("metrics", []) if m in b.config.get("metrics", [])]
    weights = dict(a.config.get("compare", {}).get("weights") or {})
    comparison = None
    if shared and engines:
        comparison = compare(
            {"A": [docs_a[i] for i in shared], "B": [docs_b[i] for i in shared]},
            engines,
            metrics=metrics,
            baseline=("A", engines[0]),
            weights=weights or None,
            n_samples=n_samples,
        )
    documents = []
    for doc_id in shared:
        chrf = {}
        for engine in engines:
            chrf_a = _score(docs_a[doc_id].scores.get(engine, ()), "chrf")
            chrf_b = _score(docs_b[doc_id].scores.get(engine, ()), "chrf")
            if chrf_a is not None and chrf_b is not None:
                chrf[engine] = (chrf_a, chrf_b)
        documents.append(
            DocumentChange(
                doc=doc_id,
                chrf=chrf,
                findings=(len(docs_a[doc_id].findings), len(docs_b[doc_id].findings)),
                error_score=(
                    document_error_score(docs_a[doc_id], weights=weights).score,
                    document_error_score(docs_b[doc_id], weights=weights).score,
                ),
            )
        )
    keys_a = {_finding_key(f): f for f in a.findings if f.doc in shared}
    keys_b = {_finding_key(f): f for f in b.findings if f.doc in shared}
    return RunDiff(
        a=RunInfo(a.name, a.created),
        b=RunInfo(b.name, b.created),
        only_in_a=tuple(sorted(docs_a.keys() - docs_b.keys())),
        only_in_b=tuple(sorted(docs_b.keys() - docs_a.keys())),
        reference_changed=tuple(
            sorted(i for i in docs_a.keys() & docs_b.keys() if i not in shared)
        ),
        comparison=comparison,
        documents=tuple(documents),
        findings_added=_in_order(keys_b, keys_b.keys() - keys_a.keys()),
        findings_removed=_in_order(keys_a, keys_a.keys() - keys_b.keys()),
    )


def _in_order(
    findings: Mapping[tuple[Any, ...], Finding], keys: set[tuple[Any, ...]]
) -> tuple[Finding, ...]:
    chosen = [findings[k] for k in keys]
    return tuple(
        sorted(
            chosen,
            key=lambda f: (SEVERITY_RANK.get(f.severity, 9), f.doc, f.mt_index or 0, f.kind),
        )
    )


def _score(scores: Any, metric: str) -> float | None:
    return next((s.score for s in scores if s.metric == metric), None)
