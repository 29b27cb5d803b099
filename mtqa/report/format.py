"""Formatting a run's values for the HTML report: numbers, cells, and any JSON-like structure
as titled key/value lists and tables (statistics, comparison tables)."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from mtqa.metrics import METRIC_LABELS
from mtqa.model import Score


@dataclass(frozen=True)
class Block:
    """A titled piece of a generic structure: key/value lines or a table."""

    title: str
    pairs: tuple[tuple[str, str], ...] = ()
    table: Mapping[str, Any] | None = None




def fmt_number(value: Any, digits: int = 1) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        if math.isnan(value):
            return "–"
        return f"{value:.{digits}f}"
    return str(value)


def finite(value: Any) -> float | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    return None



def fmt_value(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, float):
        return fmt_number(value, 3)
    return json.dumps(jsonable(value), ensure_ascii=False)


def jsonable(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [jsonable(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def score_table(
    scores: Mapping[str, Sequence[Score]], engines: Sequence[str]
) -> list[dict[str, Any]]:
    """Corpus scores per engine: value, 95% interval and sacrebleu signature per metric."""
    table = []
    for e in [*engines, *sorted(set(scores) - set(engines))]:
        for s in scores.get(e, ()):
            low, high = finite(s.ci_low), finite(s.ci_high)
            table.append(
                {
                    "engine": e,
                    "metric": METRIC_LABELS.get(s.metric, s.metric),
                    "value": fmt_number(finite(s.value)),
                    "ci": "–" if low is None or high is None else f"{low:.1f}–{high:.1f}",
                    "signature": s.signature,
                }
            )
    return table


def blocks(title: str, value: Any, depth: int = 0) -> list[Block]:
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
                out.extend(blocks(f"{title} › {k}", v, depth + 1))
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
    return [Block(title, pairs=((title, fmt_value(value)),))]


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
    return fmt_value(value)


# A browser takes tens of seconds to lay out a 20,000-character word in a table cell, and as
# long again to re-filter: longer tokens are shown cut, the whole token one click away (a
# closed <details> is not laid out).
LONG_TOKEN = 1000
_SHOWN = 200
_LONG = re.compile(rf"\S{{{LONG_TOKEN + 1},}}")


def shorten(text: Any) -> Any:
    """``text`` for display as element content, with tokens over ``LONG_TOKEN`` characters
    cut; every piece of the text is escaped here (the result is Markup)."""
    from markupsafe import Markup, escape

    if not isinstance(text, str) or len(text) <= LONG_TOKEN or not _LONG.search(text):
        return text
    out, last = [], 0
    for match in _LONG.finditer(text):
        token = match.group(0)
        out.append(escape(text[last : match.start()]))
        out.append(
            Markup(
                '<span class="long">{}…<details class="long-more"><summary>{} more characters'
                "</summary>{}</details></span>"
            ).format(token[:_SHOWN], f"{len(token) - _SHOWN:,}", token)
        )
        last = match.end()
    out.append(escape(text[last:]))
    return Markup("").join(out)
