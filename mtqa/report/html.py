"""The HTML report: one self-contained page a reviewer reads, rendered from a ``RunResult``.

This module owns turning a run into a *view* and rendering it with Jinja2, with autoescaping
on, into ``report.html``; the view's parts live beside it: ``rows`` (table rows, highlight
pieces, word diffs), ``charts`` (chart geometry), ``format`` (numbers and generic tables).
The same ``RunResult`` feeds the JSON and CSV reports; nothing here recomputes scores or
findings.

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
import hashlib
import json
import pickle
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import IO, Any, overload

from mtqa.errors import InputError
from mtqa.metrics import METRIC_LABELS, METRICS
from mtqa.model import (
    FINDING_KINDS,
    SEVERITIES,
    Finding,
    RunResult,
)
from mtqa.numbering import mt_label, ref_label
from mtqa.report.charts import documents_chart, findings_chart, histogram
from mtqa.report.comparison import comparison_view, document_error_text, side_by_side
from mtqa.report.format import (
    blocks,
    finite,
    fmt_number,
    jsonable,
    score_table,
    shorten,
)
from mtqa.report.review import clip_message, finding_groups, review_data, stale_decisions
from mtqa.report.rows import RowView, document_rows
from mtqa.runfolder import write_atomic

REPORT_NAME = "report.html"
_HERE = Path(__file__).parent


# --------------------------------------------------------------------------- public API


def render_html(result: RunResult) -> str:
    """Render the run as one self-contained HTML page (inline CSS, script and data)."""
    return "".join(_render_parts(result))


def _render_parts(result: RunResult) -> Iterator[str]:
    """The page of ``render_html`` in pieces, as the template makes them: written as they
    come, a report of thousands of documents is never one string in memory.

    Its segment rows are made a document at a time and set aside in a temporary file, then
    read back in the page's order (worst first) as the template writes them: the rows of a
    run of thousands of documents are never all in memory either."""
    with tempfile.TemporaryFile() as spill:
        view = _build_view(result, spill)
        scripts = {name: _static(name) for name in ("report.js", "compare.js", "review.js")}
        style = _static("report.css")
        checked = [
            *((n, t, "</script") for n, t in scripts.items()), ("report.css", style, "</style")
        ]
        for name, text, closer in checked:
            if closer in text.lower():  # our own sources; a closing tag would end it early
                raise InputError(f"{name} contains {closer}>; remove it from mtqa/report/static")
        # One inline script, pinned by its hash: the page's filters, the systems view, triage.
        script = "\n".join(scripts.values())
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
        yield from template.generate(
            view=view,
            csp=csp,
            style=Markup(style),
            script=Markup(script),
            data=Markup(_data_json(view["data"])),
        )


def write_html(result: RunResult, run_dir: Path) -> Path:
    """Write ``run_dir/report.html`` atomically (a reader never sees half a file)."""
    run_dir = Path(run_dir)
    if run_dir.exists() and not run_dir.is_dir():
        raise InputError(f"{run_dir} is a file; give a directory for the run's reports")
    run_dir.mkdir(parents=True, exist_ok=True)
    target = run_dir / REPORT_NAME
    write_atomic(target, _chunks(_render_parts(result)))
    return target


# --------------------------------------------------------------------------- rendering helpers


def _chunks(parts: Iterable[str], size: int = 4096) -> Iterator[str]:
    """The template's many small pieces joined a few thousand at a time."""
    batch: list[str] = []
    for part in parts:
        batch.append(part)
        if len(batch) >= size:
            yield "".join(batch)
            batch.clear()
    if batch:
        yield "".join(batch)


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
    env.filters["num"] = fmt_number
    env.globals.update(mt_label=mt_label, ref_label=ref_label)
    env.filters["shorten"] = shorten
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


def _data_json(data: dict[str, Any]) -> str:
    """The page's script data (``_script_json``), its rows given as their JSON already: the
    rows of thousands of documents are held as compact text, never as dictionaries."""
    rows = data["rows"]
    text = _script_json({**data, "rows": []})
    # the first '"rows":[]' is the key's: a quote inside a JSON string is escaped
    head, tail = text.split('"rows":[]', 1)
    return head + '"rows":[' + ",".join(rows) + "]" + tail


# --------------------------------------------------------------------------- the view


class _SpilledRows(Sequence[RowView]):
    """Segment rows pickled into a file, read back one at a time in the page's order."""

    def __init__(self, spill: IO[bytes], places: Sequence[tuple[int, int]]) -> None:
        self.spill = spill
        self.places = places  # (offset, length) of each row, in the page's order

    def __len__(self) -> int:
        return len(self.places)

    def _read(self, offset: int, length: int) -> RowView:
        self.spill.seek(offset)
        row: RowView = pickle.loads(self.spill.read(length))  # noqa: S301 - our own file
        return row

    @overload
    def __getitem__(self, index: int) -> RowView: ...

    @overload
    def __getitem__(self, index: slice) -> list[RowView]: ...

    def __getitem__(self, index: int | slice) -> RowView | list[RowView]:
        if isinstance(index, slice):
            return [self._read(*place) for place in self.places[index]]
        return self._read(*self.places[index])

    def __iter__(self) -> Iterator[RowView]:
        for place in self.places:
            yield self._read(*place)


def _build_view(result: RunResult, spill: IO[bytes]) -> dict[str, Any]:
    engines = [e.name for e in result.engines_run]
    sort_engine = engines[0] if engines else None
    # One pass over the documents, each read once: findings are numbered in run order, so a
    # number means the same thing everywhere; each row goes to ``spill`` as it is made, and
    # only its sort key, place and script data stay here.
    every: list[Finding] = []
    numbers: dict[int, int] = {}
    anchors: dict[int, str] = {}
    placed: list[tuple[tuple[int, float, int], int, int, str]] = []
    documents: list[dict[str, Any]] = []
    positions: dict[str, int] = {}
    system_names: dict[str, None] = {}
    system_values: set[Any] = set()
    row_count = unaligned = 0
    for doc_pos, doc in enumerate(result.documents):
        for f in doc.findings:
            every.append(f)
            numbers[id(f)] = len(every)
        rows = document_rows(doc, doc_pos, engines, numbers, start=row_count)
        row_count += len(rows)
        for r in rows:
            for fv in r.findings:
                anchors[id(fv.finding)] = r.anchor
            unaligned += r.unaligned
            data_row = _script_json({
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
            })
            text = pickle.dumps(r, protocol=pickle.HIGHEST_PROTOCOL)
            offset = spill.seek(0, 2)
            spill.write(text)
            placed.append((_worst_first_key(r, sort_engine), offset, len(text), data_row))
        documents.append(
            {
                "pos": doc_pos,
                "id": doc.document.id,
                "label": doc.document.label,  # the folder name the id was made from, if any
                # Which MT system a document's text comes from, when a run compares several.
                "system": str(getattr(doc.document, "system", "") or ""),
                "mt_segments": len(doc.mt_segments),
                "ref_segments": len(doc.ref_segments),
                "pairs": len(doc.pairs),
                "unaligned": sum(1 for p in doc.pairs if not p.aligned),
                "findings": len(doc.counted_findings),
                "scores": score_table(doc.scores, engines),
                "error_score": document_error_text(result, doc.document.id),
            }
        )
        positions[doc.document.id] = doc_pos
        system_names.setdefault(doc.document.system)
        system_values.add(getattr(doc.document, "system", ""))
    placed.sort(key=lambda entry: entry[0])
    rows_in_order = _SpilledRows(spill, [(offset, length) for _, offset, length, _ in placed])

    # Counts leave out findings a reviewer waived as false alarms; the rows still show them.
    findings = [f for f in every if not f.waived]
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
        "waived": len(every) - len(findings),
    }
    charts = {
        "histograms": [histogram(result, e) for e in engines],
        "findings": findings_chart(findings, kinds, severities),
        "documents": documents_chart(result, engines) if len(result.documents) > 1 else None,
    }
    groups = finding_groups(every, numbers, anchors, positions)
    stats = {k: v for k, v in result.stats.to_json().items() if k != "comparison"}
    comparison = result.stats.other.get("comparison")  # a table mtqa can no longer read
    data = {
        "engines": engines,
        "severities": list(SEVERITIES),
        "rows": [data_row for *_, data_row in placed],
        "review": review_data(result, every),
    }
    return {
        "result": result,
        "engines": result.engines,
        "engine_names": engines,
        "scores": score_table(result.scores, engines),
        "documents": documents,
        "rows": rows_in_order,
        "counts": counts,
        "kinds": kinds,
        "severities": list(SEVERITIES),
        "metric_labels": [METRIC_LABELS[m] for m in METRICS],
        "charts": charts,
        "stats": blocks("Statistics", stats) if stats else [],
        "timings": [(k, fmt_number(finite(v), 2)) for k, v in result.timings.items()],
        # the comparison card and the side-by-side view (mtqa.report.comparison); a saved
        # result from before error scores existed falls back to the generic table
        "compare": comparison_view(result),
        "side_by_side": side_by_side(result),
        "comparison": blocks("Comparison", comparison)
        if comparison is not None
        else [],
        "system_names": list(system_names),
        "aggregate": _aggregate(result, documents),
        "config": json.dumps(jsonable(result.config), indent=2, ensure_ascii=False),
        "unaligned": unaligned,
        "systems": len(system_values) > 1,
        "data": data,
        "groups": groups,
        "stale": stale_decisions(result),
        "clip": clip_message,
    }


def _ordered(known: Sequence[str], present: Iterable[str]) -> list[str]:
    present = set(present)
    return [k for k in known if k in present] + sorted(present - set(known))


def _worst_first_key(row: RowView, engine: str | None) -> tuple[int, float, int]:
    """Severity first, then the lowest score; a bead with nothing to score counts as worst."""
    score = row.sort_scores.get(engine) if engine else None
    return (row.severity_rank, -1.0 if score is None else score, row.order)


def _aggregate(result: RunResult, documents: Sequence[Any]) -> dict[str, Any] | None:
    """The batch view's summary line: worst documents (linked) and macro averages."""
    aggregate = result.stats.aggregate
    if len(result.documents) < 2 or aggregate is None:
        return None
    position = {d["id"]: d["pos"] for d in documents}
    worst = [
        {"id": doc, "pos": position[doc]}
        for doc in aggregate.worst_documents[:5]
        if doc in position
    ]
    macro = [(k, fmt_number(finite(v), 1)) for k, v in aggregate.macro.items()]
    frequent = list(aggregate.most_frequent_findings[:5])
    return {"worst": worst, "macro": macro, "frequent": frequent}


