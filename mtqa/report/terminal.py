"""The short summary a run prints in the terminal, rendered from the RunResult."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mtqa.model import SEVERITIES, RunResult
from mtqa.numbering import sentence_label

_MAX_LISTED = 40


def _clip(text: str | None, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _review_lines(review: Any) -> list[str]:
    """What the decisions file did: verdicts applied and decisions whose finding is gone."""
    if not review:
        return []
    applied = ", ".join(f"{n} {v.replace('_', ' ')}" for v, n in review["applied"].items() if n)
    lines = [f"Review decisions ({review['file']}): {applied or 'none applied'}"]
    stale = review.get("stale", [])
    if stale:
        lines.append(
            f"  {len(stale)} stale decision(s), their finding no longer appears: "
            + ", ".join(f"{d['id']} ({d['verdict']})" for d in stale[:10])
            + (" …" if len(stale) > 10 else "")
        )
    return lines


def format_summary(result: RunResult, run_dir: Path | None = None) -> str:
    lines = [
        f"mtqa {result.mtqa_version} · run {result.name!r} · {len(result.documents)} document(s)"
    ]
    for engine in result.engines:
        if engine.skipped:
            lines.append(f"  engine {engine.name}: skipped — {engine.skipped}")
        else:
            lines.append(f"  engine {engine.name}: {engine.signature_text}")
    lines.append("")
    lines.append("Corpus scores (95% bootstrap interval):")
    for engine_name, scores in result.scores.items():
        cells = []
        for s in scores:
            interval = "" if s.ci_low is None else f" [{s.ci_low:.1f}–{s.ci_high:.1f}]"
            cells.append(f"{s.metric} {s.value:.1f}{interval}")
        lines.append(f"  {engine_name:<10} " + "  ".join(cells))
    pairs = [p for d in result.documents for p in d.pairs]
    lines.append(
        f"  {sum(p.aligned for p in pairs)} aligned pairs, "
        f"{sum(1 for p in pairs if not p.ref)} MT sentences and "
        f"{sum(1 for p in pairs if not p.mt)} reference sentences unaligned"
    )
    comparison = result.stats.get("comparison")
    if comparison and comparison.get("rows"):
        from mtqa.compare import format_comparison

        lines.append("")
        lines += format_comparison(comparison)
    aggregate = result.stats.get("aggregate", {})
    if len(result.documents) > 1 and aggregate.get("worst_documents"):
        lines.append("")
        lines.append("Worst documents (chrF): " + ", ".join(aggregate["worst_documents"][:5]))
        if aggregate.get("macro"):
            lines.append(
                "Macro averages: "
                + "  ".join(f"{k} {v:.1f}" for k, v in aggregate["macro"].items())
            )
    findings = result.counted_findings
    lines.append("")
    counts = {s: sum(f.severity == s for f in findings) for s in SEVERITIES}
    waived = len(result.findings) - len(findings)
    lines.append(
        f"Findings: {len(findings)} ("
        + ", ".join(f"{n} {s}" for s, n in counts.items())
        + ")"
        + (f"; {waived} more waived as false alarms" if waived else "")
    )
    lines += _review_lines(result.stats.get("review"))
    order = {s: i for i, s in enumerate(SEVERITIES)}
    ranked = sorted(findings, key=lambda f: (order.get(f.severity, 9), f.doc, f.mt_index or 0))
    for f in ranked[:_MAX_LISTED]:
        where = sentence_label(f.mt_index, f.ref_index)
        span = f.mt_span if f.mt_span is not None else f.ref_span
        lines.append(
            f"  {f.severity:<8} {f.kind:<19} {f.doc}:{where:<7} {_clip(span, 40)!r}: "
            f"{_clip(f.message, 80)}"
        )
    if len(ranked) > _MAX_LISTED:
        lines.append(f"  … and {len(ranked) - _MAX_LISTED} more (see findings.jsonl)")
    lines.append("")
    timing = ", ".join(f"{k} {v:.2f}s" for k, v in result.timings.items() if v >= 0.005)
    lines.append(f"Time: {timing}")
    throughput = result.stats.get("backtranslation", {})
    if throughput.get("sentences_per_second"):
        lines.append(
            f"Back-translation: {throughput['sentences_translated']} sentences, "
            f"{throughput['sentences_per_second']} sentences/s"
        )
    else:
        hits = sum(e.get("hits", 0) for e in result.stats.get("engines", {}).values())
        lines.append(f"Back-translation: nothing new to translate ({hits} from the cache)")
    resumed = result.stats.get("documents_resumed", 0)
    if resumed:
        lines.append(
            f"Resumed: {resumed} of {len(result.documents)} document(s) were finished by an "
            "earlier run of this config and taken as they were"
        )
    if run_dir is not None:
        lines.append(f"Run folder: {run_dir}")
    return "\n".join(lines)
