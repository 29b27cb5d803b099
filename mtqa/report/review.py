"""The report's review parts: the compact finding list, identical findings grouped across
documents, and what the page's triage script needs (the run's key, decisions already made,
stale decisions).

The triage itself runs in the browser (``static/review.js``): verdicts and notes are kept in
``localStorage`` under the run's key, exported as the decisions file ``mtqa run --decisions``
reads, and imported back.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mtqa.model import SEVERITY_RANK, Finding, RunResult
from mtqa.numbering import sentence_label

if TYPE_CHECKING:
    from mtqa.review import Decision

_CLIP = 90


@dataclass(frozen=True)
class ListItem:
    """One line of the compact list: one finding."""

    number: int
    finding: Finding
    anchor: str  # its row in the segment table
    doc_pos: int
    where: str  # "MT 14 ↔ ref 11"
    span: str


@dataclass(frozen=True)
class Group:
    """Identical findings (same kind and texts) across the run: "Blingen ×3 in 2 documents"."""

    kind: str
    severity: str
    label: str
    items: tuple[ListItem, ...]

    @property
    def documents(self) -> int:
        return len({i.finding.doc for i in self.items})

    @property
    def title(self) -> str:
        n, docs = len(self.items), self.documents
        return f"{self.label} ×{n} in {docs} document{'s' if docs != 1 else ''}"


def _clip(text: str, width: int = _CLIP) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _span(f: Finding) -> str:
    return f.mt_span or f.ref_span or f.bt_span or ""


def _group_key(f: Finding) -> tuple[str, ...]:
    if f.mt_span or f.ref_span:
        return (f.kind, (f.mt_span or "").casefold(), (f.ref_span or "").casefold())
    return (f.kind, f"#{f.id or id(f)}")  # nothing to compare by: a group of its own


def finding_groups(
    findings: Iterable[Finding],
    numbers: Mapping[int, int],
    anchors: Mapping[int, str],
    doc_positions: Mapping[str, int],
) -> list[Group]:
    """Every finding as a list line, identical ones grouped; worst and most frequent first.

    ``numbers`` and ``anchors`` are keyed by the identity of the finding objects given."""
    groups: dict[tuple[str, ...], list[ListItem]] = {}
    for f in findings:
        item = ListItem(
            number=numbers[id(f)],
            finding=f,
            anchor=anchors.get(id(f), ""),
            doc_pos=doc_positions.get(f.doc, 0),
            where=sentence_label(f.mt_index, f.ref_index),
            span=_clip(_span(f), 48),
        )
        groups.setdefault(_group_key(f), []).append(item)
    out = []
    for items in groups.values():
        first = items[0].finding
        label = _span(first) and f"{_clip(_span(first), 48)!r}"
        severity = min((i.finding.severity for i in items), key=lambda s: SEVERITY_RANK.get(s, 9))
        out.append(Group(first.kind, severity, f"{first.kind} {label}".strip(), tuple(items)))
    out.sort(key=lambda g: (SEVERITY_RANK.get(g.severity, 9), -len(g.items), g.items[0].number))
    return out


def review_data(result: RunResult, findings: Iterable[Finding] | None = None) -> dict[str, Any]:
    """What the triage script starts from: the run's storage key and decisions already made
    (on ``findings``, when given: the run's, already read)."""
    decided = [
        {"id": f.id, "verdict": f.verdict, "note": f.note}
        for f in (result.findings if findings is None else findings)
        if f.id and f.verdict
    ]
    return {"key": f"mtqa-review:{result.name}:{result.created}", "decided": decided}


def stale_decisions(result: RunResult) -> Sequence[Decision]:
    return result.stats.stale_decisions


def clip_message(text: str) -> str:
    return _clip(text)
