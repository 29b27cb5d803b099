"""The HTML report: one self-contained page a reviewer reads, rendered from a ``RunResult``.

This module owns turning a run into a *view* (table rows, highlight pieces, word diffs, chart
geometry, the data the page's script filters on) and rendering that view with Jinja2, with
autoescaping on, into ``report.html``. The same ``RunResult`` feeds the JSON and CSV reports;
nothing here recomputes scores or findings.

Safety: every text from the run reaches the page through an autoescaped Jinja2 expression.
Highlights are offsets computed here; the text is cut into pieces at those offsets and each
piece is escaped on its own, so no HTML is ever assembled from raw text. The data the script
reads is JSON inside ``<script type="application/json">`` with ``<``, ``>`` and ``&`` written
as ``\\u003c``-style escapes. A Content-Security-Policy meta tag forbids every network request
and allows only the one inline script, by the SHA-256 hash computed at render time.

Why the charts are inline SVG built on the server (here and in the template) rather than a
JavaScript charting library: the report must open offline and make no network request, so a
library would be inlined into every report (tens to hundreds of KB of script for three small
charts) and widen what the CSP must allow; server-built SVG costs a few KB, renders with
scripts disabled, prints, scales on narrow windows, keeps its numbers as searchable text, and
goes through the same autoescaping as the rest of the page.
"""

from __future__ import annotations

import base64
import difflib
import hashlib
import json
import math
import os
import re
import uuid
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from mtqa.errors import InputError
from mtqa.model import (
    FINDING_KINDS,
    SEVERITIES,
    DocumentResult,
    Finding,
    Pair,
    RunResult,
    Score,
)

REPORT_NAME = "report.html"
_HERE = Path(__file__).parent
_SEVERITY_RANK: dict[str, int] = {s: i for i, s in enumerate(SEVERITIES)}
_NO_SEVERITY = len(SEVERITIES)  # rank of a row without findings
_METRICS = ("bleu", "chrf", "chrf++", "ter")
_METRIC_LABELS = {"bleu": "BLEU", "chrf": "chrF", "chrf++": "chrF++", "ter": "TER"}
_SORT_METRIC = "chrf"
_TOKEN = re.compile(r"\s*(?:\w+|[^\w\s])", re.UNICODE)


# --------------------------------------------------------------------------- view types


@dataclass(frozen=True)
class Piece:
    """A run of text with the findings whose span covers it (numbers are 1-based)."""

    text: str
    findings: tuple[int, ...] = ()
    ends: tuple[int, ...] = ()  # findings whose span ends with this piece: a footnote mark
    severity: str | None = None  # the worst severity among ``findings``

    @property
    def data_f(self) -> str:
        return " ".join(str(n) for n in self.findings)


@dataclass(frozen=True)
class DiffPiece:
    """A run of a word diff: ``equal``, ``delete`` (back-translation only) or ``insert``."""

    op: str
    text: str


@dataclass(frozen=True)
class BackTranslationView:
    engine: str
    pieces: tuple[Piece, ...]
    diff: tuple[DiffPiece, ...]
    changed: int  # tokens that differ from the reference


@dataclass(frozen=True)
class FindingView:
    number: int
    finding: Finding
    evidence: tuple[tuple[str, str], ...]
    agreement: str | None
    unlocated: tuple[str, ...]  # sides whose span could not be found in this row's text


@dataclass(frozen=True)
class ScoreCell:
    engine: str
    values: Mapping[str, str]  # metric label -> formatted value


@dataclass
class RowView:
    """One bead of one document's alignment (or a document's findings that have no bead)."""

    anchor: str
    doc: str
    doc_pos: int
    order: int  # position in document order across the whole run
    status: str  # aligned, mt-only, ref-only, document
    label: str
    mt_pieces: tuple[Piece, ...] = ()
    ref_pieces: tuple[Piece, ...] = ()
    back_translations: tuple[BackTranslationView, ...] = ()
    scores: tuple[ScoreCell, ...] = ()
    sort_scores: dict[str, float | None] = field(default_factory=dict)
    findings: list[FindingView] = field(default_factory=list)

    @property
    def severity_rank(self) -> int:
        ranks = [_SEVERITY_RANK.get(f.finding.severity, _NO_SEVERITY) for f in self.findings]
        return min(ranks, default=_NO_SEVERITY)

    @property
    def severity(self) -> str | None:
        rank = self.severity_rank
        return SEVERITIES[rank] if rank < len(SEVERITIES) else None

    @property
    def unaligned(self) -> bool:
        return self.status in ("mt-only", "ref-only")


@dataclass(frozen=True)
class Block:
    """A titled piece of a generic structure: key/value lines or a table."""

    title: str
    pairs: tuple[tuple[str, str], ...] = ()
    table: Mapping[str, Any] | None = None


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


# --------------------------------------------------------------------------- public API


def render_html(result: RunResult) -> str:
    """Render the run as one self-contained HTML page (inline CSS, script and data)."""
    view = _build_view(result)
    script = _static("report.js")
    style = _static("report.css")
    for name, text, closer in (("report.js", script, "</script"), ("report.css", style, "</style")):
        if closer in text.lower():  # our own sources; a closing tag would end the element early
            raise InputError(f"{name} contains {closer}>; remove it from mtqa/report/static")
    csp = "; ".join(
        (
            "default-src 'none'",
            "style-src 'unsafe-inline'",
            f"script-src '{_sha256(script)}'",
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        )
    )
    from markupsafe import Markup

    template = _environment().get_template("report.html.j2")
    return template.render(
        view=view,
        csp=csp,
        style=Markup(style),
        script=Markup(script),
        data=Markup(_script_json(view["data"])),
    )


def write_html(result: RunResult, run_dir: Path) -> Path:
    """Write ``run_dir/report.html`` atomically (a reader never sees half a file)."""
    run_dir = Path(run_dir)
    if run_dir.exists() and not run_dir.is_dir():
        raise InputError(f"{run_dir} is a file; give a directory for the run's reports")
    run_dir.mkdir(parents=True, exist_ok=True)
    text = render_html(result)
    target = run_dir / REPORT_NAME
    # A unique name opened with "x" (not mkstemp, whose files are private to their owner): the
    # report gets the permissions the user's umask gives every other output of the run.
    tmp = run_dir / f".{REPORT_NAME}.{os.getpid()}.{uuid.uuid4().hex}.tmp"
    try:
        with open(tmp, "x", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


# --------------------------------------------------------------------------- rendering helpers


@lru_cache(maxsize=1)
def _environment() -> Any:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=FileSystemLoader(str(_HERE / "templates")),
        autoescape=True,  # every template here renders HTML
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["num"] = _fmt_number
    return env


@lru_cache(maxsize=4)
def _static(name: str) -> str:
    return (_HERE / "static" / name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def _script_json(data: Any) -> str:
    """JSON safe inside a <script> element: no '<', '>' or '&' survive as such."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _fmt_number(value: Any, digits: int = 1) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        if math.isnan(value):
            return "–"
        return f"{value:.{digits}f}"
    return str(value)


def _finite(value: Any) -> float | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    return None


# --------------------------------------------------------------------------- the view


def _build_view(result: RunResult) -> dict[str, Any]:
    engines = [e.name for e in result.engines_run]
    # Findings are numbered once, in run order, so a number means the same thing everywhere.
    numbers = {id(f): n for n, f in enumerate(result.findings, start=1)}
    rows: list[RowView] = []
    for doc_pos, doc in enumerate(result.documents):
        rows.extend(_document_rows(doc, doc_pos, engines, numbers, start=len(rows)))
    ordered = sorted(rows, key=lambda r: _worst_first_key(r, engines[0] if engines else None))

    findings = result.findings
    by_kind_severity: Counter[tuple[str, str]] = Counter((f.kind, f.severity) for f in findings)
    kinds = _ordered(FINDING_KINDS, {f.kind for f in findings})
    severities = _ordered(SEVERITIES, {f.severity for f in findings})
    counts = {
        "kinds": [
            {
                "kind": k,
                "cells": [by_kind_severity.get((k, s), 0) for s in severities],
                "total": sum(by_kind_severity.get((k, s), 0) for s in severities),
            }
            for k in kinds
        ],
        "severities": severities,
        "totals": [sum(1 for f in findings if f.severity == s) for s in severities],
        "total": len(findings),
    }
    documents = [
        {
            "pos": pos,
            "id": d.document.id,
            # Which MT system a document's text comes from, when a run compares several.
            "system": str(getattr(d.document, "system", "") or ""),
            "mt_segments": len(d.mt_segments),
            "ref_segments": len(d.ref_segments),
            "pairs": len(d.pairs),
            "unaligned": sum(1 for p in d.pairs if not p.aligned),
            "findings": len(d.findings),
            "scores": _score_table(d.scores, engines),
        }
        for pos, d in enumerate(result.documents)
    ]
    charts = {
        "histograms": [_histogram(result, e) for e in engines],
        "findings": _findings_chart(findings, kinds, severities),
        "documents": _documents_chart(result, engines) if len(result.documents) > 1 else None,
    }
    stats = {k: v for k, v in result.stats.items() if k != "comparison"}
    comparison = result.stats.get("comparison")
    data = {
        "engines": engines,
        "severities": list(SEVERITIES),
        "rows": [
            {
                "id": r.anchor,
                "doc": r.doc_pos,
                "order": r.order,
                "sev": r.severity_rank,
                "status": r.status,
                "score": r.sort_scores,
                "f": [
                    [fv.number, fv.finding.kind, fv.finding.severity, list(fv.finding.engines)]
                    for fv in r.findings
                ],
            }
            for r in ordered
        ],
    }
    return {
        "result": result,
        "engines": result.engines,
        "engine_names": engines,
        "scores": _score_table(result.scores, engines),
        "documents": documents,
        "rows": ordered,
        "counts": counts,
        "kinds": kinds,
        "severities": list(SEVERITIES),
        "metric_labels": [_METRIC_LABELS[m] for m in _METRICS],
        "charts": charts,
        "stats": _blocks("Statistics", stats) if stats else [],
        "timings": [(k, _fmt_number(_finite(v), 2)) for k, v in result.timings.items()],
        "comparison": _blocks("Comparison", comparison) if comparison is not None else [],
        "aggregate": _aggregate(result, documents),
        "config": json.dumps(_jsonable(result.config), indent=2, ensure_ascii=False),
        "unaligned": sum(1 for r in rows if r.unaligned),
        "systems": len({getattr(d.document, "system", "") for d in result.documents}) > 1,
        "data": data,
    }


def _ordered(known: Sequence[str], present: Iterable[str]) -> list[str]:
    present = set(present)
    return [k for k in known if k in present] + sorted(present - set(known))


def _worst_first_key(row: RowView, engine: str | None) -> tuple[int, float, int]:
    """Severity first, then the lowest score; a bead with nothing to score counts as worst."""
    score = row.sort_scores.get(engine) if engine else None
    return (row.severity_rank, -1.0 if score is None else score, row.order)


def _document_rows(
    doc: DocumentResult,
    doc_pos: int,
    engines: Sequence[str],
    numbers: Mapping[int, int],
    *,
    start: int,
) -> list[RowView]:
    doc_id = doc.document.id
    pair_of_mt = {i: p.index for p in doc.pairs for i in p.mt}
    pair_of_ref = {i: p.index for p in doc.pairs for i in p.ref}
    by_pair: dict[int | None, list[Finding]] = {}
    for f in doc.findings:
        where = pair_of_mt.get(f.mt_index) if f.mt_index is not None else None
        if where is None and f.ref_index is not None:
            where = pair_of_ref.get(f.ref_index)
        by_pair.setdefault(where, []).append(f)

    rows: list[RowView] = []
    for position, pair in enumerate(doc.pairs):
        found = by_pair.get(pair.index, [])
        rows.append(
            _pair_row(doc, doc_pos, position, pair, engines, found, numbers, start + len(rows))
        )
    orphans = by_pair.get(None, [])
    if orphans:  # findings that point at no bead: keep them visible, at the document's end
        views = [_finding_view(f, numbers[id(f)], unlocated=_sides(f)) for f in orphans]
        rows.append(
            RowView(
                anchor=f"d{doc_pos}-doc",
                doc=doc_id,
                doc_pos=doc_pos,
                order=start + len(rows),
                status="document",
                label="document",
                findings=views,
            )
        )
    return rows


def _sides(f: Finding) -> tuple[str, ...]:
    return tuple(
        side for side, span in (("mt", f.mt_span), ("bt", f.bt_span), ("ref", f.ref_span)) if span
    )


def _pair_row(
    doc: DocumentResult,
    doc_pos: int,
    position: int,
    pair: Pair,
    engines: Sequence[str],
    found: Sequence[Finding],
    numbers: Mapping[int, int],
    order: int,
) -> RowView:
    mt_text = pair.mt_text
    ref_text = pair.ref_text
    mt_spans: list[tuple[int, int, int, str]] = []
    ref_spans: list[tuple[int, int, int, str]] = []
    bt_texts = {e: _back_translation(doc, pair, e) for e in engines}
    bt_spans: dict[str, list[tuple[int, int, int, str]]] = {e: [] for e in engines}
    views = []
    for f in found:
        number = numbers[id(f)]
        missing = []
        if f.mt_span:
            where = _locate(mt_text, f.mt_span, _segment_text(doc.mt_segments, f.mt_index))
            if where is None:
                missing.append("mt")
            else:
                mt_spans.append((*where, number, f.severity))
        if f.ref_span:
            where = _locate(ref_text, f.ref_span, _segment_text(doc.ref_segments, f.ref_index))
            if where is None:
                missing.append("ref")
            else:
                ref_spans.append((*where, number, f.severity))
        if f.bt_span:
            hit = False
            # The span came from the engines that support the finding; another engine's wording
            # may share it, but highlighting it there would claim evidence that was not used.
            for e in f.engines or engines:
                where = _locate(bt_texts.get(e, ""), f.bt_span, None)
                if where is not None:
                    bt_spans.setdefault(e, []).append((*where, number, f.severity))
                    hit = True
            if not hit:
                missing.append("bt")
        views.append(_finding_view(f, number, unlocated=tuple(missing)))
    views.sort(key=lambda v: (_SEVERITY_RANK.get(v.finding.severity, _NO_SEVERITY), v.number))

    status = "aligned" if pair.aligned else ("mt-only" if pair.mt else "ref-only")
    scores = []
    sort_scores: dict[str, float | None] = {}
    for e in engines:
        per_pair = doc.segment_scores.get(e, ())
        values = per_pair[position] if position < len(per_pair) else {}
        if not pair.aligned:
            values = {}  # a score against nothing is noise, whatever the scorer returned
        scores.append(
            ScoreCell(e, {_METRIC_LABELS[m]: _fmt_number(_finite(values.get(m))) for m in _METRICS})
        )
        sort_scores[e] = _finite(values.get(_SORT_METRIC))

    back_translations = tuple(
        BackTranslationView(
            engine=e,
            pieces=_pieces(bt_texts[e], bt_spans.get(e, [])),
            diff=_word_diff(bt_texts[e], ref_text) if pair.aligned else (),
            changed=_diff_changes(bt_texts[e], ref_text) if pair.aligned else 0,
        )
        for e in engines
        if pair.mt
    )
    return RowView(
        anchor=f"d{doc_pos}-p{pair.index}",
        doc=doc.document.id,
        doc_pos=doc_pos,
        order=order,
        status=status,
        label=_pair_label(pair),
        mt_pieces=_pieces(mt_text, mt_spans),
        ref_pieces=_pieces(ref_text, ref_spans),
        back_translations=back_translations,
        scores=tuple(scores) if pair.aligned else (),
        sort_scores=sort_scores,
        findings=views,
    )


def _pair_label(pair: Pair) -> str:
    def indexes(side: tuple[int, ...]) -> str:
        if not side:
            return "–"
        if len(side) == 1:
            return str(side[0] + 1)
        if list(side) == list(range(side[0], side[-1] + 1)):
            return f"{side[0] + 1}–{side[-1] + 1}"
        return ",".join(str(i + 1) for i in side)

    return f"MT\u00a0{indexes(pair.mt)} ↔ ref\u00a0{indexes(pair.ref)}"  # no break after "MT"


def _back_translation(doc: DocumentResult, pair: Pair, engine: str) -> str:
    if engine in pair.bt:
        return pair.bt[engine]
    texts = doc.back_translations.get(engine, ())
    return " ".join(texts[i] for i in pair.mt if i < len(texts))


def _segment_text(segments: Sequence[Any], index: int | None) -> str | None:
    if index is None or not 0 <= index < len(segments):
        return None
    return str(segments[index].text)


def _locate(text: str, span: str, segment: str | None) -> tuple[int, int] | None:
    """Where ``span`` sits in ``text``: inside the finding's own sentence when that is known."""
    if not span:
        return None
    base = text.find(segment) if segment else -1
    if base >= 0 and segment is not None:
        at = segment.find(span)
        if at >= 0:
            return base + at, base + at + len(span)
    at = text.find(span)
    return (at, at + len(span)) if at >= 0 else None


def _pieces(text: str, spans: Sequence[tuple[int, int, int, str]]) -> tuple[Piece, ...]:
    """Cut ``text`` at every span boundary; each piece knows the findings covering it."""
    if not spans:
        return (Piece(text),) if text else ()
    cuts = sorted({0, len(text), *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    pieces = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a == b:
            continue
        covering = [(n, sev) for s, e, n, sev in spans if s <= a and b <= e]
        ends = tuple(sorted({n for s, e, n, _ in spans if e == b and s < b}))
        worst = min((sev for _, sev in covering), key=_rank, default=None)
        pieces.append(Piece(text[a:b], tuple(sorted({n for n, _ in covering})), ends, worst))
    return tuple(pieces)


def _rank(severity: str) -> int:
    return _SEVERITY_RANK.get(severity, _NO_SEVERITY)


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _opcodes(bt: str, ref: str) -> tuple[list[str], list[str], list[Any]]:
    a, b = _tokens(bt), _tokens(ref)
    matcher = difflib.SequenceMatcher(
        None, [t.strip().casefold() for t in a], [t.strip().casefold() for t in b], autojunk=False
    )
    return a, b, matcher.get_opcodes()


def _word_diff(bt: str, ref: str) -> tuple[DiffPiece, ...]:
    """Word-level diff of a back-translation against the reference (case-insensitive)."""
    a, b, ops = _opcodes(bt, ref)
    out: list[DiffPiece] = []
    for op, i1, i2, j1, j2 in ops:
        if op == "equal":
            out.append(DiffPiece("equal", "".join(b[j1:j2])))
            continue
        for kind, text in (("delete", "".join(a[i1:i2])), ("insert", "".join(b[j1:j2]))):
            if text:
                # The space before a changed run stays plain, so struck-out text reads as words.
                body = text.lstrip()
                if len(body) < len(text):
                    out.append(DiffPiece("equal", text[: len(text) - len(body)]))
                out.append(DiffPiece(kind, body))
    return tuple(out)


def _diff_changes(bt: str, ref: str) -> int:
    _, _, ops = _opcodes(bt, ref)
    return sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in ops if op != "equal")


def _finding_view(f: Finding, number: int, *, unlocated: tuple[str, ...]) -> FindingView:
    evidence = tuple((str(k), _fmt_value(v)) for k, v in f.evidence.items() if k != "agreement")
    agreement = f.evidence.get("agreement")
    return FindingView(
        number=number,
        finding=f,
        evidence=evidence,
        agreement=None if agreement is None else str(agreement),
        unlocated=unlocated,
    )


def _fmt_value(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, float):
        return _fmt_number(value, 3)
    return json.dumps(_jsonable(value), ensure_ascii=False)


def _jsonable(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_jsonable(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _score_table(
    scores: Mapping[str, Sequence[Score]], engines: Sequence[str]
) -> list[dict[str, Any]]:
    """Corpus scores per engine: value, 95% interval and sacrebleu signature per metric."""
    table = []
    for e in [*engines, *sorted(set(scores) - set(engines))]:
        for s in scores.get(e, ()):
            low, high = _finite(s.ci_low), _finite(s.ci_high)
            table.append(
                {
                    "engine": e,
                    "metric": _METRIC_LABELS.get(s.metric, s.metric),
                    "value": _fmt_number(_finite(s.value)),
                    "ci": "–" if low is None or high is None else f"{low:.1f}–{high:.1f}",
                    "signature": s.signature,
                }
            )
    return table


def _blocks(title: str, value: Any, depth: int = 0) -> list[Block]:
    """Any JSON-like structure as titled key/value lists and tables, nothing hidden.

    Scalars (and lists of scalars) become key/value lines; a list of mappings, or a mapping
    of mappings, becomes a table whose columns are the flattened keys; what nests deeper
    becomes its own block under a "parent › child" title.
    """
    if _scalarish(value) or depth > 3:
        return [Block(title, pairs=((title, _fmt_cell(value)),))]
    if isinstance(value, Mapping):
        if value and all(isinstance(v, Mapping) for v in value.values()):
            rows = {str(k): _flatten(v) for k, v in value.items()}
            columns = _columns(rows.values())
            return [
                Block(
                    title,
                    table={
                        "columns": ["", *columns],
                        "rows": [
                            [k, *(_fmt_cell(r.get(c)) for c in columns)] for k, r in rows.items()
                        ],
                    },
                )
            ]
        pairs = tuple((str(k), _fmt_cell(v)) for k, v in value.items() if _scalarish(v))
        out = [Block(title, pairs=pairs)] if pairs else []
        for k, v in value.items():
            if not _scalarish(v):
                out.extend(_blocks(f"{title} › {k}", v, depth + 1))
        return out
    items = list(value)
    if items and all(isinstance(v, Mapping) for v in items):
        flat = [_flatten(v) for v in items]
        columns = _columns(flat)
        return [
            Block(
                title,
                table={
                    "columns": columns,
                    "rows": [[_fmt_cell(r.get(c)) for c in columns] for r in flat],
                },
            )
        ]
    if items and all(_scalarish(v) or isinstance(v, (list, tuple)) for v in items):
        width = max(len(v) if isinstance(v, (list, tuple)) else 1 for v in items)
        cells = [
            [_fmt_cell(c) for c in (v if isinstance(v, (list, tuple)) else [v])]
            + [""] * (width - (len(v) if isinstance(v, (list, tuple)) else 1))
            for v in items
        ]
        return [Block(title, table={"columns": [""] * width, "rows": cells})]
    return [Block(title, pairs=((title, _fmt_value(value)),))]


def _scalarish(value: Any) -> bool:
    if value is None or isinstance(value, (str, int, float, bool)):
        return True
    return isinstance(value, (list, tuple)) and all(
        v is None or isinstance(v, (str, int, float, bool)) for v in value
    )


def _flatten(value: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in value.items():
        key = f"{prefix}{k}"
        if isinstance(v, Mapping):
            out.update(_flatten(v, f"{key} › "))
        else:
            out[key] = v
    return out


def _columns(rows: Iterable[Mapping[str, Any]]) -> list[str]:
    """Keys in first-seen order, leaving out a column that is empty in every row."""
    rows = list(rows)
    seen: dict[str, None] = {}
    for r in rows:
        for k, v in r.items():
            if v is not None and v != "":
                seen.setdefault(str(k), None)
    return list(seen)


def _fmt_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        # Four significant digits keep both a score (61.25) and a p-value (0.001) readable.
        return (
            "–"
            if not math.isfinite(value)
            else f"{value:.4g}"
            if abs(value) < 1000
            else f"{value:.1f}"
        )
    if isinstance(value, (list, tuple)) and all(_scalarish(v) for v in value):
        return ", ".join(_fmt_cell(v) for v in value)
    return _fmt_value(value)


# --------------------------------------------------------------------------- charts


def _histogram(result: RunResult, engine: str) -> Chart:
    """Distribution of aligned segments' chrF, in ten bins of 10 points."""
    values = []
    for doc in result.documents:
        per_pair = doc.segment_scores.get(engine, ())
        for position, pair in enumerate(doc.pairs):
            if pair.aligned and position < len(per_pair):
                v = _finite(per_pair[position].get(_SORT_METRIC))
                if v is not None:
                    values.append(v)
    bins = [0] * 10
    for v in values:
        bins[min(9, max(0, int(v // 10)))] += 1
    width, height, left, bottom, top = 360, 178, 30, 34, 18
    plot_w, plot_h = width - left - 10, height - bottom - top
    peak = max(bins) or 1
    bar_w = plot_w / 10
    bars = []
    texts: list[tuple[float, float, str, str]] = []
    for i, n in enumerate(bins):
        h = plot_h * n / peak
        x = left + i * bar_w
        bars.append(
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
            texts.append(
                (round(x + bar_w / 2, 1), round(top + plot_h - h - 4, 1), "middle", str(n))
            )
    for tick in (0, 25, 50, 75, 100):
        texts.append((round(left + plot_w * tick / 100, 1), top + plot_h + 13, "middle", str(tick)))
    texts.append((left + plot_w / 2, height - 2, "middle", "segment chrF"))
    base = top + plot_h
    return Chart(
        title=f"chrF per segment — {engine}",
        width=width,
        height=height,
        bars=tuple(bars),
        texts=tuple(texts),
        lines=((left, base, left + plot_w, base),),
        description=f"{len(values)} aligned segments; "
        + ", ".join(f"{i * 10}–{i * 10 + 10}: {n}" for i, n in enumerate(bins)),
    )


def _findings_chart(
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
    bars = []
    texts: list[tuple[float, float, str, str]] = []
    for i, k in enumerate(kinds):
        y = top + i * row_h
        x = float(left)
        for s in severities:
            n = counts[(k, s)]
            if not n:
                continue
            w = plot_w * n / peak
            bars.append(
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
        texts.append((left - 6, y + row_h - 6, "end", k))
        texts.append((round(x + 4, 1), y + row_h - 6, "start", str(totals[k])))
    return Chart(
        title="Findings by kind and severity",
        width=width,
        height=height,
        bars=tuple(bars),
        texts=tuple(texts),
        description="; ".join(
            f"{k}: " + ", ".join(f"{counts[(k, s)]} {s}" for s in severities if counts[(k, s)])
            for k in kinds
        ),
    )


def _aggregate(result: RunResult, documents: Sequence[Any]) -> dict[str, Any] | None:
    """The batch view's summary line: worst documents (linked) and macro averages."""
    aggregate = result.stats.get("aggregate") or {}
    if len(result.documents) < 2 or not aggregate:
        return None
    position = {d["id"]: d["pos"] for d in documents}
    worst = [
        {"id": doc, "pos": position[doc]}
        for doc in aggregate.get("worst_documents", [])[:5]
        if doc in position
    ]
    macro = [(k, _fmt_number(_finite(v), 1)) for k, v in aggregate.get("macro", {}).items()]
    frequent = [(kind, n) for kind, n in aggregate.get("most_frequent_findings", [])[:5]]
    return {"worst": worst, "macro": macro, "frequent": frequent}


def _documents_chart(result: RunResult, engines: Sequence[str]) -> Chart:
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
    bars: list[Bar] = []
    texts: list[tuple[float, float, str, str]] = []
    lines: list[tuple[float, float, float, float]] = []
    for i, (doc_id, e, score, bleu) in enumerate(rows):
        y = top + i * row_h
        value = _finite(score.value) if score else None
        label = doc_id if len(engines) == 1 else f"{doc_id} · {e}"
        texts.append((left - 6, y + row_h - 7, "end", _shorten(label, 30)))
        if value is None:
            texts.append((left + 4, y + row_h - 7, "start", "no score"))
            continue
        w = plot_w * max(0.0, min(value, 100.0)) / 100
        ci = ""
        if score is not None:
            low, high = _finite(score.ci_low), _finite(score.ci_high)
            if low is not None and high is not None:
                ci = f" [{low:.1f}–{high:.1f}]"
                mid = y + row_h / 2
                lines.append((left + plot_w * low / 100, mid, left + plot_w * high / 100, mid))
        bars.append(
            Bar(
                round(left, 1),
                y + 4,
                round(w, 1),
                row_h - 8,
                "bar",
                f"{label}: chrF {value:.1f}{ci}",
            )
        )
        bleu_text = f" · BLEU {_fmt_number(_finite(bleu.value))}" if bleu else ""
        texts.append((left + plot_w + 6, y + row_h - 7, "start", f"{value:.1f}{bleu_text}"))
    axis = top + row_h * len(rows)
    for tick in (0, 50, 100):
        texts.append((round(left + plot_w * tick / 100, 1), axis + 14, "middle", str(tick)))
    return Chart(
        title="Corpus chrF per document (whisker: 95% interval)",
        width=width,
        height=height,
        bars=tuple(bars),
        texts=tuple(texts),
        lines=tuple(lines) + ((left, axis, left + plot_w, axis),),
        description="; ".join(
            f"{d} {e}: chrF {_fmt_number(_finite(s.value)) if s else '–'}" for d, e, s, _ in rows
        ),
    )


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
