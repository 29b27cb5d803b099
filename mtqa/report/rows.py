"""The segment table's rows: one per alignment bead, with highlight pieces, word diffs, scores
and the findings on it. Highlights are offsets computed here; the template escapes each piece."""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from mtqa.language.text import pieces
from mtqa.metrics import METRIC_LABELS, METRICS
from mtqa.model import SEVERITIES, SEVERITY_RANK, DocumentResult, Finding, Pair
from mtqa.numbering import anchor, mt_label, pair_label, ref_label, search_labels
from mtqa.report.format import finite, fmt_number, fmt_value

NO_SEVERITY = len(SEVERITIES)  # rank of a row without findings
_SORT_METRIC = "chrf"


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
    search: str = ""  # every single-sentence label ("MT 14 MT 15 ref 11"), for the search box
    mt_pieces: tuple[Piece, ...] = ()
    ref_pieces: tuple[Piece, ...] = ()
    back_translations: tuple[BackTranslationView, ...] = ()
    scores: tuple[ScoreCell, ...] = ()
    sort_scores: dict[str, float | None] = field(default_factory=dict)
    findings: list[FindingView] = field(default_factory=list)

    @property
    def severity_rank(self) -> int:
        ranks = [SEVERITY_RANK.get(f.finding.severity, NO_SEVERITY) for f in self.findings]
        return min(ranks, default=NO_SEVERITY)

    @property
    def severity(self) -> str | None:
        rank = self.severity_rank
        return SEVERITIES[rank] if rank < len(SEVERITIES) else None

    @property
    def unaligned(self) -> bool:
        return self.status in ("mt-only", "ref-only")



def document_rows(
    doc: DocumentResult,
    doc_pos: int,
    engines: Sequence[str],
    numbers: Mapping[int, int],
    *,
    start: int,
) -> list[RowView]:
    doc_id = doc.document.id
    by_pair: dict[int | None, list[Finding]] = {}
    for f in doc.findings:
        bead = doc.pair_of(f)
        by_pair.setdefault(bead.index if bead is not None else None, []).append(f)

    rows: list[RowView] = []
    for position, pair in enumerate(doc.pairs):
        found = by_pair.get(pair.index, [])
        rows.append(
            _pair_row(doc, doc_pos, position, pair, engines, found, numbers, start + len(rows))
        )
    orphans = by_pair.get(None, [])
    if orphans:  # findings that point at no bead: keep them visible, at the document's end
        views = [finding_view(f, numbers[id(f)], unlocated=sides(f)) for f in orphans]
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


def sides(f: Finding) -> tuple[str, ...]:
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
        sides = (
            ("mt", mt_text, f.mt_span, doc.mt_segments, f.mt_index, mt_spans),
            ("ref", ref_text, f.ref_span, doc.ref_segments, f.ref_index, ref_spans),
        )
        for side, text, span, segments, index, spans in sides:
            if not span:
                continue
            where = _locate(text, span, _segment_text(segments, index))
            if where is None:
                missing.append(side)
            else:
                spans.append((*where, number, f.severity))
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
        views.append(finding_view(f, number, unlocated=tuple(missing)))
    views.sort(key=lambda v: (SEVERITY_RANK.get(v.finding.severity, NO_SEVERITY), v.number))

    status = "aligned" if pair.aligned else ("mt-only" if pair.mt else "ref-only")
    scores = []
    sort_scores: dict[str, float | None] = {}
    for e in engines:
        per_pair = doc.segment_scores.get(e, ())
        values = per_pair[position] if position < len(per_pair) else {}
        if not pair.aligned:
            values = {}  # a score against nothing is noise, whatever the scorer returned
        scores.append(
            ScoreCell(e, {METRIC_LABELS[m]: fmt_number(finite(values.get(m))) for m in METRICS})
        )
        sort_scores[e] = finite(values.get(_SORT_METRIC))

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
        anchor=anchor(doc_pos, pair.mt, pair.ref),
        doc=doc.document.id,
        doc_pos=doc_pos,
        order=order,
        status=status,
        label=pair_label(pair.mt, pair.ref),
        search=search_labels(pair.mt, pair.ref),
        mt_pieces=_pieces(mt_text, mt_spans),
        ref_pieces=_pieces(ref_text, ref_spans),
        back_translations=back_translations,
        scores=tuple(scores) if pair.aligned else (),
        sort_scores=sort_scores,
        findings=views,
    )


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
    return SEVERITY_RANK.get(severity, NO_SEVERITY)


def _tokens(text: str) -> list[str]:
    """Words and single marks, each with the space before it (space at the end dropped)."""
    tokens, space = [], ""
    for kind, piece in pieces(text):
        if kind == "space":
            space = piece
        else:
            tokens.append(space + piece)
            space = ""
    return tokens


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


def _indexes(value: Any) -> list[int] | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return [value]
    if isinstance(value, (list, tuple)) and value and all(
        isinstance(v, int) and not isinstance(v, bool) for v in value
    ):
        return list(value)
    return None


def evidence_item(key: str, value: Any) -> tuple[str, str]:
    """An evidence line as a person reads it: sentence indexes become "MT 14" / "ref 11"."""
    label = mt_label if "mt_index" in key else ref_label if "ref_index" in key else None
    indexes = _indexes(value)
    if label is not None and indexes is not None:
        name = key.replace("mt_indexes", "MT sentences").replace("mt_index", "MT sentence")
        name = name.replace("ref_indexes", "reference sentences").replace(
            "ref_index", "reference sentence"
        )
        return name.replace("_", " "), label(indexes)
    if key == "forms" and isinstance(value, Mapping):  # a name's spellings and where each is
        where = {form: _indexes(v) for form, v in value.items()}
        if all(v is not None for v in where.values()):
            return key, "; ".join(f"{form}: {mt_label(v or [])}" for form, v in where.items())
    return key, fmt_value(value)


def finding_view(f: Finding, number: int, *, unlocated: tuple[str, ...]) -> FindingView:
    evidence = tuple(evidence_item(str(k), v) for k, v in f.evidence.items() if k != "agreement")
    agreement = f.evidence.get("agreement")
    return FindingView(
        number=number,
        finding=f,
        evidence=evidence,
        agreement=None if agreement is None else str(agreement),
        unlocated=unlocated,
    )


