"""The report's comparison of MT systems: the metric table, verdicts, ranking, side by side.

Turns the run's ``Comparison`` (``mtqa.compare``) into what the template partials
``_comparison.html.j2`` and ``_side_by_side.html.j2`` render. Nothing is recomputed here
except the per-sentence view: which French each system gave for each reference sentence,
the findings charged to it (the same charging the error score uses), and the words that
differ from the baseline system's French.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from mtqa.compare import (
    ERROR_SCORE,
    TIE_MARGIN,
    MetricScore,
    beads_by_first_ref,
    higher_is_better,
    shared_documents,
)
from mtqa.language.text import pieces
from mtqa.model import SEVERITIES, DocumentResult, Finding, RunResult
from mtqa.mqm import charged_ref, refs_of_mt, unit_groups
from mtqa.report.terminal import direction, format_p, format_verdict, format_weights, metric_label

# ---- the comparison table --------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    text: str  # "53.9 ± 4.9" or "12.9 [4.9–22.5]"
    mark: str = ""  # "▲" better / "▼" worse than the baseline, significantly; "" otherwise
    css: str = ""  # better / worse / same / baseline
    title: str = ""  # delta and p-value, for the tooltip and screen readers
    p: str = ""  # "p = 0.13" against the baseline ("" for the baseline itself)


@dataclass(frozen=True)
class MetricLine:
    label: str
    direction: str  # "lower is better" / "higher is better"
    cells: tuple[Cell, ...]  # one per system


def _score_text(score: MetricScore | None, *, interval: str = "halfwidth") -> str:
    if score is None or score.score is None:
        return "–"
    if score.ci95 is None:
        return f"{score.score:.1f}"
    low, high = score.ci95
    if interval == "range":
        return f"{score.score:.1f} [{low:.1f}–{high:.1f}]"
    return f"{score.score:.1f} ± {(high - low) / 2:.1f}"


def _cell(score: MetricScore | None, *, baseline: bool, interval: str = "halfwidth") -> Cell:
    text = _score_text(score, interval=interval)
    if baseline or score is None:
        return Cell(text, css="baseline" if baseline else "")
    delta = "" if score.delta is None else f"{score.delta:+.2f} vs baseline, "
    title = f"{delta}{format_p(score.p_value)}"
    if score.significant and score.improved is not None:
        better = bool(score.improved)
        return Cell(
            text,
            mark="▲" if better else "▼",
            css="better" if better else "worse",
            title=f"{title}: significantly {'better' if better else 'worse'}",
            p=format_p(score.p_value),
        )
    p = format_p(score.p_value) if score.p_value is not None else ""
    return Cell(text, css="same", title=f"{title}: not significant", p=p)


def comparison_view(result: RunResult) -> dict[str, Any] | None:
    """The comparison card's content, or None when the run has no comparison."""
    comparison = result.comparison
    if comparison is None:
        return None
    systems = list(comparison.systems)
    errors = comparison.errors
    lines: list[MetricLine] = []
    lines.append(
        MetricLine(
            label=f"{metric_label(ERROR_SCORE)} (per 100 reference words)",
            direction=direction(ERROR_SCORE),
            cells=tuple(
                _cell(
                    MetricScore(
                        ERROR_SCORE,
                        e.score,
                        e.ci95,
                        e.p_value,
                        e.delta,
                    ),
                    baseline=s == comparison.baseline_system,
                    interval="range",
                )
                for s, e in ((s, errors.systems[s]) for s in systems)
            ),
        )
    )
    several_engines = len(comparison.engines) > 1
    for engine in comparison.engines if comparison.rows else ():
        for metric in comparison.metrics:
            cells = []
            for system in systems:
                row = comparison.row(system, engine)
                score = row.scores.get(metric) if row is not None else None
                cells.append(
                    _cell(
                        score,
                        baseline=(system, engine)
                        == (comparison.baseline_system, comparison.baseline_engine),
                    )
                )
            label = metric_label(metric) + (f" ({engine})" if several_engines else "")
            lines.append(MetricLine(label, direction(metric), tuple(cells)))
    counts = [
        (severity, [errors.systems[s].counts.get(severity, 0) for s in systems])
        for severity in SEVERITIES
    ]
    wtl: list[tuple[str, list[str]]] = []
    for engine in comparison.engines:
        counts_text = []
        for system in systems:
            row = comparison.row(system, engine)
            counts_text.append(
                "baseline"
                if row is None or row.wins is None
                else f"{row.wins} / {row.ties} / {row.losses}"
            )
        wtl.append((engine, counts_text))
    engine_rows = [
        {
            "label": r.label,
            "cells": [_cell(r.scores.get(m), baseline=i == 0) for m in comparison.metrics],
        }
        for i, r in enumerate(comparison.rows)
    ]
    return {
        "comparison": comparison,
        "systems": systems,
        "baseline_system": comparison.baseline_system,
        "baseline_engine": comparison.baseline_engine,
        "several_systems": len(systems) > 1,
        "several_engines": several_engines,
        "lines": lines,
        "counts": counts,
        "wtl": wtl,
        "engine_rows": engine_rows,
        "metric_labels": [
            f"{metric_label(m)} {'↑' if higher_is_better(m) else '↓'}" for m in comparison.metrics
        ],
        "verdicts": [format_verdict(v) for v in comparison.verdicts],
        "outcomes": [v.outcome for v in comparison.verdicts],
        "ranking": comparison.ranking if len(comparison.ranking) >= 3 else (),
        "weights": format_weights(errors.weights),
        "units": comparison.units,
        "tie_margin": TIE_MARGIN,
        "n_samples": errors.n_samples,
    }


def document_error_text(result: RunResult, doc_id: str) -> str:
    """A document's error score with its interval, for the documents table ("" if none)."""
    comparison = result.comparison
    score = comparison.errors.documents.get(doc_id) if comparison is not None else None
    if score is None or score.score is None:
        return ""
    interval = "" if score.ci95 is None else f" [{score.ci95[0]:.1f}–{score.ci95[1]:.1f}]"
    return f"{score.score:.1f}{interval}"


# ---- side by side ----------------------------------------------------------------------


@dataclass(frozen=True)
class DiffPiece:
    text: str
    changed: bool  # differs from the baseline system's French


@dataclass(frozen=True)
class SystemCell:
    system: str
    pieces: tuple[DiffPiece, ...]
    findings: tuple[tuple[Finding, str], ...]  # finding, "new" / "" (also in the baseline)
    fixed: tuple[Finding, ...]  # the baseline's findings this system does not have
    points: float
    regressed: tuple[str, ...]  # why this row is a regression for this system
    baseline: bool


@dataclass(frozen=True)
class SideRow:
    anchor: str
    doc: str
    refs: str  # "ref 3" or "ref 3–4"
    reference: str
    cells: tuple[SystemCell, ...]
    differs: bool
    regressed: tuple[int, ...]  # positions (in ``systems``) of the systems that regressed

    @property
    def data_regressed(self) -> str:
        return " ".join(str(i) for i in self.regressed)


def _tokens(text: str) -> list[str]:
    """Words, runs of marks and runs of space: joined, the text again."""
    tokens: list[str] = []
    last = None
    for kind, piece in pieces(text):
        if kind == "mark" and last == "mark":
            tokens[-1] += piece
        else:
            tokens.append(piece)
        last = kind
    return tokens


def _diff_pieces(text: str, baseline: str) -> tuple[DiffPiece, ...]:
    """The text cut into runs that are the same as, or differ from, the baseline's text."""
    mine, theirs = _tokens(text), _tokens(baseline)
    matcher = difflib.SequenceMatcher(a=theirs, b=mine, autojunk=False)
    pieces: list[DiffPiece] = []
    for op, _, _, j1, j2 in matcher.get_opcodes():
        chunk = "".join(mine[j1:j2])
        if not chunk:
            continue
        changed = op != "equal" and bool(chunk.strip())
        if pieces and pieces[-1].changed == changed:
            pieces[-1] = DiffPiece(pieces[-1].text + chunk, changed)
        else:
            pieces.append(DiffPiece(chunk, changed))
    return tuple(pieces)


def _same_finding(a: Finding, b: Finding) -> bool:
    return (a.kind, a.mt_span, a.ref_span) == (b.kind, b.mt_span, b.ref_span)


def _mt_by_ref(doc: DocumentResult) -> dict[int, list[int]]:
    """Reference sentence -> the MT sentences answering to it (unaligned ones included)."""
    out: dict[int, list[int]] = {}
    refs = refs_of_mt(doc)
    for segment in doc.mt_segments:
        out.setdefault(refs.get(segment.index, 0), []).append(segment.index)
    return out


def side_by_side(result: RunResult) -> dict[str, Any] | None:
    """For each group of reference sentences, each system's French, findings and differences.

    Rows are the comparison's units (reference sentences every system covers with whole
    beads), so each system has exactly one French text per row.
    """
    comparison = result.comparison
    if comparison is None or len(comparison.systems) < 2:
        return None
    by_system: dict[str, list[DocumentResult]] = {}
    for doc in result.documents:
        by_system.setdefault(doc.document.system, []).append(doc)
    systems = [comparison.baseline_system] + [
        s for s in comparison.systems if s != comparison.baseline_system
    ]
    shared = shared_documents({s: by_system.get(s, []) for s in systems})
    weights: Mapping[str, float] = comparison.errors.weights
    chrf = _chrf_scorer()
    engine = comparison.baseline_engine
    rows: list[SideRow] = []
    for position, docs in enumerate(zip(*(shared[s] for s in systems), strict=True)):
        texts = [_mt_by_ref(d) for d in docs]
        charged: list[dict[int, list[Finding]]] = []
        for d in docs:
            table: dict[int, list[Finding]] = {}
            ref_of = refs_of_mt(d)
            for f in d.findings:
                if not f.waived:
                    table.setdefault(charged_ref(d, f, ref_of), []).append(f)
            charged.append(table)
        starting = [beads_by_first_ref(d) for d in docs]
        for members in unit_groups(docs):
            french = [
                " ".join(d.mt_segments[i].text for j in members for i in sorted(t.get(j, [])))
                for d, t in zip(docs, texts, strict=True)
            ]
            found = [[f for j in members for f in c.get(j, [])] for c in charged]
            points = [sum(weights.get(f.severity, 0.0) for f in fs) for fs in found]
            reference = " ".join(docs[0].ref_segments[j].text for j in members)
            hyps = [
                " ".join(
                    d.pairs[k].bt.get(engine, "")
                    for k in sorted(k for j in members for k in by_first.get(j, ()))
                )
                for d, by_first in zip(docs, starting, strict=True)
            ]
            scores = [chrf(h, reference) if h.strip() else 0.0 for h in hyps]
            cells = []
            regressed_at = []
            for k, system in enumerate(systems):
                reasons: list[str] = []
                if k:
                    if points[k] > points[0]:
                        reasons.append(f"more weighted errors ({points[0]:g} → {points[k]:g})")
                    if scores[k] < scores[0] - TIE_MARGIN:
                        reasons.append(f"chrF {scores[k] - scores[0]:+.1f}")
                if reasons:
                    regressed_at.append(k)
                cells.append(
                    SystemCell(
                        system=system,
                        pieces=_diff_pieces(french[k], french[0])
                        if k
                        else (DiffPiece(french[0], False),),
                        findings=tuple(
                            (
                                f,
                                ""
                                if not k or any(_same_finding(f, g) for g in found[0])
                                else "new",
                            )
                            for f in found[k]
                        ),
                        fixed=tuple(
                            g
                            for g in found[0]
                            if k and not any(_same_finding(g, f) for f in found[k])
                        ),
                        points=points[k],
                        regressed=tuple(reasons),
                        baseline=k == 0,
                    )
                )
            differs = any(" ".join(f.split()) != " ".join(french[0].split()) for f in french[1:])
            first = members[0] + 1
            refs = f"ref {first}" if len(members) == 1 else f"ref {first}–{members[-1] + 1}"
            rows.append(
                SideRow(
                    anchor=f"s{position}-ref{first}",  # 1-based like the row anchors (#d0-ref11)
                    doc=docs[0].document.base_id,
                    refs=refs,
                    reference=reference,
                    cells=tuple(cells),
                    differs=differs,
                    regressed=tuple(regressed_at),
                )
            )
    return {
        "systems": systems,
        "baseline": systems[0],
        "engine": engine,
        "rows": rows,
        "several_documents": len({r.doc for r in rows}) > 1,
        "differing": sum(r.differs for r in rows),
        "regressed": {k: sum(k in r.regressed for r in rows) for k in range(1, len(systems))},
    }


def _chrf_scorer() -> Any:
    from mtqa.metrics import make_metric

    metric = make_metric("chrf", sentence=True)

    def score(hypothesis: str, reference: str) -> float:
        return float(metric.sentence_score(hypothesis, [reference]).score)

    return score


def system_names(documents: Sequence[DocumentResult]) -> list[str]:
    return list(dict.fromkeys(d.document.system for d in documents))
