"""The report's charts as inline SVG geometry built on the server (see html.py for why)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from mtqa.model import SEVERITIES, Finding, RunResult
from mtqa.report.format import finite, fmt_number

_SORT_METRIC = "chrf"


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    w: float
    h: float
    css: str  # a class from a fixed set, never from the data
    title: str
    label: str = ""


@dataclass(frozen=True)
class Chart:
    title: str
    width: int
    height: int
    bars: tuple[Bar, ...]
    texts: tuple[tuple[float, float, str, str], ...]  # x, y, anchor, text
    lines: tuple[tuple[float, float, float, float], ...] = ()
    description: str = ""


@dataclass
class _Canvas:
    """A chart being drawn: its size and what has been placed on it so far."""

    width: int
    height: int
    bars: list[Bar] = field(default_factory=list)
    texts: list[tuple[float, float, str, str]] = field(default_factory=list)
    lines: list[tuple[float, float, float, float]] = field(default_factory=list)

    def chart(self, title: str, description: str) -> Chart:
        return Chart(
            title=title,
            width=self.width,
            height=self.height,
            bars=tuple(self.bars),
            texts=tuple(self.texts),
            lines=tuple(self.lines),
            description=description,
        )


def histogram(result: RunResult, engine: str) -> Chart:
    """Distribution of aligned segments' chrF, in ten bins of 10 points."""
    values = []
    systems = {doc.document.system for doc in result.documents}
    for doc in result.documents:
        per_pair = doc.segment_scores.get(engine, ())
        for position, pair in enumerate(doc.pairs):
            if pair.aligned and position < len(per_pair):
                v = finite(per_pair[position].get(_SORT_METRIC))
                if v is not None:
                    values.append(v)
    bins = [0] * 10
    for v in values:
        bins[min(9, max(0, int(v // 10)))] += 1
    width, height, left, bottom, top = 360, 178, 30, 34, 18
    plot_w, plot_h = width - left - 10, height - bottom - top
    peak = max(bins) or 1
    bar_w = plot_w / 10
    canvas = _Canvas(width, height)
    for i, n in enumerate(bins):
        h = plot_h * n / peak
        x = left + i * bar_w
        canvas.bars.append(
            Bar(
                x=round(x + 1, 1),
                y=round(top + plot_h - h, 1),
                w=round(bar_w - 2, 1),
                h=round(h, 1),
                css="bar",
                title=f"chrF {i * 10}–{i * 10 + 10}: {n} segment{'s' if n != 1 else ''}",
            )
        )
        if n:
            canvas.texts.append(
                (round(x + bar_w / 2, 1), round(top + plot_h - h - 4, 1), "middle", str(n))
            )
    for tick in (0, 25, 50, 75, 100):
        canvas.texts.append(
            (round(left + plot_w * tick / 100, 1), top + plot_h + 13, "middle", str(tick))
        )
    canvas.texts.append((left + plot_w / 2, height - 2, "middle", "segment chrF"))
    base = top + plot_h
    canvas.lines.append((left, base, left + plot_w, base))
    return canvas.chart(
        title=f"chrF per segment — {engine}"
        + (f", all {len(systems)} MT systems" if len(systems) > 1 else ""),
        description=f"{len(values)} aligned segments; "
        + ", ".join(f"{i * 10}–{i * 10 + 10}: {n}" for i, n in enumerate(bins)),
    )


def findings_chart(
    findings: Sequence[Finding], kinds: Sequence[str], severities: Sequence[str]
) -> Chart | None:
    """Findings per kind as bars stacked by severity (hatching, not only colour, tells them)."""
    if not findings:
        return None
    counts: Counter[tuple[str, str]] = Counter((f.kind, f.severity) for f in findings)
    totals = {k: sum(counts[(k, s)] for s in severities) for k in kinds}
    peak = max(totals.values()) or 1
    row_h, left, right, top = 20, 150, 40, 6
    width = 420
    plot_w = width - left - right
    height = top + row_h * len(kinds) + 6
    canvas = _Canvas(width, height)
    for i, k in enumerate(kinds):
        y = top + i * row_h
        x = float(left)
        for s in severities:
            n = counts[(k, s)]
            if not n:
                continue
            w = plot_w * n / peak
            canvas.bars.append(
                Bar(
                    x=round(x, 1),
                    y=y + 3,
                    w=round(w, 1),
                    h=row_h - 6,
                    css=f"sev-fill-{s}" if s in SEVERITIES else "bar",
                    title=f"{k}: {n} {s}",
                )
            )
            x += w
        canvas.texts.append((left - 6, y + row_h - 6, "end", k))
        canvas.texts.append((round(x + 4, 1), y + row_h - 6, "start", str(totals[k])))
    return canvas.chart(
        title="Findings by kind and severity",
        description="; ".join(
            f"{k}: " + ", ".join(f"{counts[(k, s)]} {s}" for s in severities if counts[(k, s)])
            for k in kinds
        ),
    )



def documents_chart(result: RunResult, engines: Sequence[str]) -> Chart:
    """Corpus chrF per document and engine, with its 95% interval as a whisker."""
    rows = []
    for doc in result.documents:
        for e in engines:
            score = next((s for s in doc.scores.get(e, ()) if s.metric == _SORT_METRIC), None)
            bleu = next((s for s in doc.scores.get(e, ()) if s.metric == "bleu"), None)
            rows.append((doc.document.id, e, score, bleu))
    row_h, left, right, top = 22, 200, 120, 6
    width = 590
    plot_w = width - left - right
    height = top + row_h * len(rows) + 24
    canvas = _Canvas(width, height)
    for i, (doc_id, e, score, bleu) in enumerate(rows):
        y = top + i * row_h
        value = finite(score.value) if score else None
        label = doc_id if len(engines) == 1 else f"{doc_id} · {e}"
        canvas.texts.append((left - 6, y + row_h - 7, "end", _shorten(label, 30)))
        if value is None:
            canvas.texts.append((left + 4, y + row_h - 7, "start", "no score"))
            continue
        w = plot_w * max(0.0, min(value, 100.0)) / 100
        ci = ""
        if score is not None:
            low, high = finite(score.ci_low), finite(score.ci_high)
            if low is not None and high is not None:
                ci = f" [{low:.1f}–{high:.1f}]"
                mid = y + row_h / 2
                canvas.lines.append(
                    (left + plot_w * low / 100, mid, left + plot_w * high / 100, mid)
                )
        canvas.bars.append(
            Bar(
                round(left, 1),
                y + 4,
                round(w, 1),
                row_h - 8,
                "bar",
                f"{label}: chrF {value:.1f}{ci}",
            )
        )
        bleu_text = f" · BLEU {fmt_number(finite(bleu.value))}" if bleu else ""
        canvas.texts.append(
            (left + plot_w + 6, y + row_h - 7, "start", f"{value:.1f}{bleu_text}")
        )
    axis = top + row_h * len(rows)
    for tick in (0, 50, 100):
        canvas.texts.append(
            (round(left + plot_w * tick / 100, 1), axis + 14, "middle", str(tick))
        )
    canvas.lines.append((left, axis, left + plot_w, axis))
    return canvas.chart(
        title="Corpus chrF per document (whisker: 95% interval)",
        description="; ".join(
            f"{d} {e}: chrF {fmt_number(finite(s.value)) if s else '–'}" for d, e, s, _ in rows
        ),
    )


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
