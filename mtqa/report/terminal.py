"""Every text mtqa prints: the run summary, the comparison, verdicts, rankings and diffs.

Rendered from typed results (``RunResult``, ``Comparison``, ``RunDiff``); nothing here
computes a score.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from mtqa.model import SEVERITIES, SEVERITY_RANK, RunResult
from mtqa.numbering import sentence_label

if TYPE_CHECKING:
    from mtqa.compare import Change, Comparison, Verdict
    from mtqa.diff import RunDiff
    from mtqa.review import ReviewRecord

_MAX_LISTED = 40


def _clip(text: str | None, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _review_lines(review: ReviewRecord | None) -> list[str]:
    """What the decisions file did: verdicts applied and decisions whose finding is gone."""
    if review is None:
        return []
    applied = ", ".join(f"{n} {v.replace('_', ' ')}" for v, n in review.applied.items() if n)
    lines = [f"Review decisions ({review.file}): {applied or 'none applied'}"]
    stale = review.stale
    if stale:
        lines.append(
            f"  {len(stale)} stale decision(s), their finding no longer appears: "
            + ", ".join(f"{d.id} ({d.verdict})" for d in stale[:10])
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
    comparison = result.comparison
    systems = _systems(result)
    primary = "mt" if "mt" in systems else (systems[0] if systems else "mt")
    lines.append("")
    label = f" of system {primary}" if len(systems) > 1 else ""
    lines.append(f"Corpus scores{label} (95% bootstrap interval):")
    for engine_name, scores in result.scores.items():
        cells = []
        for s in scores:
            interval = "" if s.ci_low is None else f" [{s.ci_low:.1f}–{s.ci_high:.1f}]"
            cells.append(f"{s.metric} {s.score:.1f}{interval}")
        lines.append(f"  {engine_name:<10} " + "  ".join(cells))
    for system in systems:
        # counted a document at a time: a run's documents are read from its folder as used
        aligned = mt_only = ref_only = 0
        for d in result.documents:
            if d.document.system == system:
                aligned += sum(p.aligned for p in d.pairs)
                mt_only += sum(1 for p in d.pairs if not p.ref)
                ref_only += sum(1 for p in d.pairs if not p.mt)
        who = f"{system}: " if len(systems) > 1 else ""
        lines.append(
            f"  {who}{aligned} aligned pairs, {mt_only} MT sentences and "
            f"{ref_only} reference sentences unaligned"
        )
    if comparison is not None:
        lines.append("")
        lines += format_error_scores(comparison)
        if len(comparison.rows) > 1:
            lines.append("")
            lines += format_comparison(comparison)
        if comparison.verdicts:
            lines.append("")
            lines += [f"Verdict: {format_verdict(v)}" for v in comparison.verdicts]
        if len(comparison.ranking) >= 3:
            lines.append("")
            lines += format_ranking(comparison)
    aggregate = result.stats.aggregate
    if len(result.documents) > 1 and aggregate is not None and aggregate.worst_documents:
        lines.append("")
        lines.append("Worst documents (chrF): " + ", ".join(aggregate.worst_documents[:5]))
        if aggregate.macro:
            lines.append(
                "Macro averages: "
                + "  ".join(f"{k} {v:.1f}" for k, v in aggregate.macro.items())
            )
    findings = result.counted_findings
    lines.append("")
    waived = len(result.findings) - len(findings)
    chosen: list[str | None] = list(systems) if len(systems) > 1 else [None]
    for one in chosen:
        mine = [f for f in findings if one is None or _system_of(result, f.doc) == one]
        counts = {s: sum(f.severity == s for f in mine) for s in SEVERITIES}
        who = f" of system {one}" if one is not None else ""
        lines.append(
            f"Findings{who}: {len(mine)} (" + ", ".join(f"{n} {s}" for s, n in counts.items()) + ")"
        )
    if waived:
        lines.append(f"  {waived} more waived as false alarms")
    lines += _review_lines(result.stats.review)
    # Most severe first; otherwise in run order (documents) and detection's order within one.
    ranked = sorted(findings, key=lambda f: SEVERITY_RANK[f.severity])
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
    throughput = result.stats.backtranslation
    if throughput is not None and throughput.sentences_per_second:
        lines.append(
            f"Back-translation: {throughput.sentences_translated} sentences, "
            f"{throughput.sentences_per_second} sentences/s"
        )
    else:
        hits = result.stats.cache_hits
        lines.append(f"Back-translation: nothing new to translate ({hits} from the cache)")
    resumed = result.stats.documents_resumed
    if resumed:
        lines.append(
            f"Resumed: {resumed} of {len(result.documents)} document(s) were finished by an "
            "earlier run of this config and taken as they were"
        )
    cached = result.stats.documents_cached
    if cached:
        lines.append(
            f"Cached: {cached} of {len(result.documents)} document(s) had been evaluated before "
            "with the same texts, engines, settings and code, and were taken from the cache"
        )
    if run_dir is not None:
        lines.append(f"Run folder: {run_dir}")
    return "\n".join(lines)


# ---- systems ---------------------------------------------------------------------------


def _systems(result: RunResult) -> list[str]:
    return list(dict.fromkeys(d.document.system for d in result.documents))


def _system_of(result: RunResult, doc_id: str) -> str:
    return next((d.document.system for d in result.documents if d.document.id == doc_id), "mt")


# ---- comparison ------------------------------------------------------------------------

def metric_label(metric: str) -> str:
    """A metric's label (the registry's), "error score" for the error score."""
    from mtqa.metrics import METRIC_LABELS

    return "error score" if metric == "error_score" else METRIC_LABELS.get(metric, metric)


def direction(metric: str) -> str:
    from mtqa.compare import higher_is_better

    return "higher is better" if higher_is_better(metric) else "lower is better"


def arrow(metric: str) -> str:
    from mtqa.compare import higher_is_better

    return "↑" if higher_is_better(metric) else "↓"


def format_p(p: float | None) -> str:
    if p is None:
        return "p = –"
    p = round(p, 3)  # what the JSON keeps (4 places) prints the same
    return "p < 0.001" if p < 0.001 else f"p = {p:.3f}".rstrip("0").rstrip(".")


def _interval(ci: tuple[float, float] | None) -> str:
    return "" if ci is None else f" [{ci[0]:.1f}–{ci[1]:.1f}]"


def format_weights(weights: Mapping[str, float]) -> str:
    items = dict(weights)
    return ", ".join(f"{s} {items[s]:g}" for s in SEVERITIES if s in items)


def format_error_scores(comparison: Comparison) -> list[str]:
    errors = comparison.errors
    lines = [
        "Error score (weighted findings per 100 reference words, lower is better; "
        f"{format_weights(errors.weights)}; false alarms excluded):"
    ]
    width = max((len(s) for s in errors.systems), default=2)
    for system, e in errors.systems.items():
        if e.score is None:
            lines.append(f"  {system:<{width}}  – (no reference words)")
            continue
        counts = ", ".join(f"{e.counts.get(s, 0)} {s}" for s in SEVERITIES)
        vs = ""
        if system == errors.baseline and len(errors.systems) > 1:
            vs = "  baseline"
        elif e.p_value is not None and e.delta is not None:
            mark = " *" if e.significant else ""
            vs = f"  {e.delta:+.1f} vs {errors.baseline}, {format_p(e.p_value)}{mark}"
        lines.append(f"  {system:<{width}}  {e.score:5.1f}{_interval(e.ci95)}  ({counts}){vs}")
    return lines


def format_comparison(comparison: Comparison) -> list[str]:
    """Terminal lines for the metric table: one line per system and engine."""
    metrics = comparison.metrics
    lines = [
        f"Comparison over {comparison.units} units, baseline {comparison.baseline} "
        "(paired bootstrap p-values, * p < 0.05; win/tie/loss by segment chrF; "
        + ", ".join(f"{metric_label(m)} {arrow(m)}" for m in metrics)
        + "):"
    ]
    for row in comparison.rows:
        cells = []
        for m in metrics:
            value = row.scores[m]
            p = value.p_value
            mark = "*" if value.significant else ""
            score = "–" if value.score is None else f"{value.score:.1f}"
            cells.append(
                f"{metric_label(m)} {score}" + ("" if p is None else f" (p={p:.3f}{mark})")
            )
        wtl = f"  {row.wins}/{row.ties}/{row.losses}" if row.wins is not None else "  baseline"
        lines.append(f"  {row.label:<24} " + "  ".join(cells) + wtl)
    return lines


def _change_text(change: Change) -> str:
    label = metric_label(change.metric)
    delta = change.delta
    if delta is None:
        return f"{label}: not compared"
    if change.metric == "error_score":
        what = f"{label} {change.score:.1f} vs {change.baseline:.1f} per 100 words ({delta:+.1f}"
    else:
        what = f"{label} {delta:+.1f} ({change.baseline:.1f} → {change.score:.1f}"
    if change.significant:
        return f"{what}, {format_p(change.p_value)})"
    return f"{what}), not significant ({format_p(change.p_value)})"


def _names(changes: Sequence[Change]) -> str:
    names = [metric_label(c.metric) if c.metric != "error_score" else "errors" for c in changes]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def format_verdict(verdict: Verdict) -> str:
    """One sentence: which of the system and the baseline is better, on what, how sure."""
    system, baseline = verdict.system, verdict.baseline
    outcome = verdict.outcome
    if outcome == "better":
        head = f"{system} is better than {baseline} on {_names(verdict.better_on)}"
    elif outcome == "worse":
        head = f"{system} is worse than {baseline} on {_names(verdict.worse_on)}"
    elif outcome == "mixed":
        head = (
            f"{system} is better than {baseline} on {_names(verdict.better_on)} "
            f"but worse on {_names(verdict.worse_on)}"
        )
    elif verdict.errors.improved is not None:
        fewer = "fewer" if verdict.errors.improved else "more"
        head = f"{system} has {fewer} errors than {baseline} (not significant)"
    else:
        head = f"{system} and {baseline}: no significant difference"
    base_crit, crit = verdict.critical
    if crit == base_crit:
        critical = f"the same number of critical findings ({crit})"
    else:
        per = verdict.critical_per_words
        per_text = (
            f", {abs(per[1] - per[0]):.1f} per 100 words"
            if per[0] is not None and per[1] is not None
            else ""
        )
        n = abs(crit - base_crit)
        critical = (
            f"{n} {'fewer' if crit < base_crit else 'more'} critical "
            f"finding{'s' if n != 1 else ''} ({base_crit} → {crit}{per_text})"
        )
    parts = [_change_text(verdict.errors), critical]
    # chrF always (the metric people compare by), the others only where they differ
    # significantly; the JSON keeps every one
    shown = [c for c in verdict.metrics if c.metric == "chrf" or c.significant]
    parts += [_change_text(c) + (f" [{c.engine}]" if c.engine else "") for c in shown]
    return f"{head}: " + "; ".join(parts)


def format_ranking(comparison: Comparison) -> list[str]:
    lines = [
        "Ranking by error score (lower is better; systems in one cluster are not "
        "significantly different, p ≥ 0.05):"
    ]
    previous = None
    for entry in comparison.ranking:
        if previous is not None and entry.cluster != previous:
            lines.append("  " + "-" * 40)
        previous = entry.cluster
        score = "–" if entry.score is None else f"{entry.score:.1f}"
        lines.append(
            f"  {entry.rank}. {entry.system:<16} {score}{_interval(entry.ci95)}  "
            f"cluster {entry.cluster}"
        )
    return lines


# ---- diff ------------------------------------------------------------------------------


def format_diff(diff: RunDiff) -> str:
    """What changed between two runs, ending with the verdict and any regression."""
    lines = [f"A: {diff.a.name} ({diff.a.created})  B: {diff.b.name} ({diff.b.created})"]
    for label, docs in (
        ("only in A", diff.only_in_a),
        ("only in B", diff.only_in_b),
        ("reference changed", diff.reference_changed),
    ):
        if docs:
            lines.append(f"Documents {label}: {', '.join(docs)}")
    comparison = diff.comparison
    if comparison is not None:
        a_err, b_err = comparison.error_score("A"), comparison.error_score("B")
        if a_err.score is not None and b_err.score is not None:
            mark = " *" if b_err.significant else ""
            lines.append(
                f"Error score ({comparison.units} units; weighted findings per 100 reference "
                f"words, lower is better): {a_err.score:.1f} -> {b_err.score:.1f} "
                f"({b_err.score - a_err.score:+.1f})  {format_p(b_err.p_value)}{mark}"
            )
        for engine in comparison.engines:
            a_row, b_row = comparison.row("A", engine), comparison.row("B", engine)
            if a_row is None or b_row is None:
                continue
            lines.append(
                f"Scores, engine {engine} ({comparison.units} units; p from paired bootstrap):"
            )
            for metric, a in a_row.scores.items():
                b = b_row.scores[metric]
                if a.score is None or b.score is None:
                    continue
                flag = " *" if b.significant else ""
                p_text = "" if b.p_value is None else f"  p={b.p_value:.3f}{flag}"
                lines.append(
                    f"  {metric:<7} {a.score:7.2f} -> {b.score:7.2f}  "
                    f"({b.score - a.score:+.2f}, {direction(metric)}){p_text}"
                )
            if b_row.wins is not None:
                lines.append(
                    f"  segments better/same/worse in B: {b_row.wins}/{b_row.ties}/{b_row.losses}"
                )
    changed = [d for d in diff.documents if any(b - a for a, b in d.chrf.values())]
    if changed:
        lines.append("Documents whose chrF changed:")
        for d in changed:
            cells = [f"{e} {a:.1f} -> {b:.1f} ({b - a:+.1f})" for e, (a, b) in d.chrf.items()]
            lines.append(f"  {d.doc}: " + ", ".join(cells))
    for label, findings in (
        ("added in B", diff.findings_added),
        ("removed in B", diff.findings_removed),
    ):
        lines.append(f"Findings {label}: {len(findings)}")
        for f in findings[:20]:
            span = f.mt_span if f.mt_span is not None else f.ref_span
            lines.append(f"  {f.severity:<8} {f.kind:<19} {f.doc}: {span!r}")
    if diff.verdict is not None:
        lines.append(f"Verdict: {format_verdict(diff.verdict)}")
    regressions = diff.regressions()
    if regressions:
        lines.append("Regression: " + "; ".join(regressions))
    else:
        lines.append(
            "Regression: none (no new critical finding; not significantly worse on "
            "the error score or chrF)"
        )
    return "\n".join(lines)
