"""Evidence made visible, for every family at once: back-translation spans and smallest spans.

Run by the orchestrator on the merged findings of a document:

- ``bt_span``: where a finding has none, the back-translation text that shows it is located
  in its bead's back-translation — the MT span itself when it passes through unchanged (a
  name, a number, English left in the MT), else the stretch that best matches the reference
  span (rapidfuzz's partial alignment, snapped to whole words, kept only when it matches
  well). Omissions and low scores are left alone: their evidence is an absence.
- Forced decoding (``attach_forced_evidence``): with a Marian engine, every finding on an
  aligned MT sentence carries the log-probability of the reference given the French, per
  token and as the mean over its reference span; findings rank by it.
- Smallest spans: a span that is a whole sentence of two clauses or more while the other
  side's span is smaller (a negation on one side only) is narrowed to the clause that
  corresponds: by the back-translation when it shows the error, else by position.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from rapidfuzz import fuzz

from mtqa.checks.base import ForcedScorer
from mtqa.language.text import find_word
from mtqa.model import DocumentResult, Finding, Pair

MIN_MATCH = 70.0  # partial-alignment score (0-100) below which no bt_span is claimed
_ABSENT = frozenset({"omission", "low_score"})
_CLAUSE_BREAK = re.compile(r"[,;:]\s+|\s+[–—]\s+|\s+-\s+")
_WORD_CHAR = re.compile(r"\w")


def _clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) of each clause of a sentence, stripped."""
    out, start = [], 0
    for match in _CLAUSE_BREAK.finditer(text):
        out.append((start, match.start()))
        start = match.end()
    out.append((start, len(text)))
    return [(a, b) for a, b in out if text[a:b].strip()]


def _snap(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen to whole words, then strip spaces and punctuation at the edges."""
    while start > 0 and _WORD_CHAR.match(text[start - 1]) and _WORD_CHAR.match(text[start]):
        start -= 1
    while end < len(text) and _WORD_CHAR.match(text[end]) and _WORD_CHAR.match(text[end - 1]):
        end += 1
    while start < end and not _WORD_CHAR.match(text[start]):
        start += 1
    while end > start and not _WORD_CHAR.match(text[end - 1]):
        end -= 1
    return start, end


def locate_in_back_translation(finding: Finding, bt: str) -> str | None:
    """The stretch of one back-translation that shows the finding, or None."""
    if not bt:
        return None
    if finding.mt_span and len(finding.mt_span) <= 60:
        where = find_word(bt, finding.mt_span)
        if where is not None:
            return bt[where[0] : where[1]]
    span = finding.ref_span
    if not span or len(span) > 120:
        return None
    found = fuzz.partial_ratio_alignment(span, bt, processor=str.casefold)
    if found is None or found.score < MIN_MATCH:
        return None
    start, end = _snap(bt, found.dest_start, found.dest_end)
    return bt[start:end] if end > start else None


def _best_clause(text: str, probe: str) -> str | None:
    clauses = _clauses(text)
    if len(clauses) < 2 or not probe:
        return None
    a, b = max(clauses, key=lambda c: fuzz.ratio(text[c[0] : c[1]], probe, processor=str.casefold))
    return text[a:b].strip()


def _clause_at(text: str, fraction: float) -> str | None:
    clauses = _clauses(text)
    if len(clauses) < 2:
        return None
    at = fraction * len(text)
    a, b = min(clauses, key=lambda c: 0 if c[0] <= at <= c[1] else min(abs(c[0] - at),
                                                                     abs(c[1] - at)))
    return text[a:b].strip()


def _centre(text: str, span: str | None) -> float | None:
    if not span or not text:
        return None
    at = text.find(span)
    return None if at < 0 else (at + len(span) / 2) / len(text)


def _narrow(finding: Finding, pair: Pair, bt: str) -> Finding:
    mt_whole = bool(finding.mt_span) and finding.mt_span == pair.mt_text
    ref_whole = bool(finding.ref_span) and finding.ref_span == pair.ref_text
    if ref_whole and finding.mt_span and not mt_whole:
        probe = _bt_clause(bt, finding.bt_span)
        clause = _best_clause(pair.ref_text, probe) if probe else None
        if clause is None:
            centre = _centre(pair.mt_text, finding.mt_span)
            clause = _clause_at(pair.ref_text, centre) if centre is not None else None
        if clause:
            finding = replace(finding, ref_span=clause)
    elif mt_whole and finding.ref_span and not ref_whole:
        centre = _centre(pair.ref_text, finding.ref_span)
        clause = _clause_at(pair.mt_text, centre) if centre is not None else None
        if clause:
            finding = replace(finding, mt_span=clause)
    return finding


def _bt_clause(bt: str, span: str | None) -> str | None:
    if not span or not bt:
        return None
    at = bt.find(span)
    if at < 0:
        return None
    for a, b in _clauses(bt):
        if a <= at < b:
            return bt[a:b]
    return None


def complete_evidence(
    result: DocumentResult, findings: Iterable[Finding], engines: Sequence[str]
) -> list[Finding]:
    """Every finding with its back-translation span where one shows it, and its spans no
    larger than a clause where the other side's span is smaller."""
    out = []
    for found in findings:
        pair = result.pair_of(found)
        if pair is None or not pair.mt or found.kind in _ABSENT:
            out.append(found)
            continue
        supporting = [e for e in (found.engines or engines) if pair.bt.get(e)]
        found = _with_bt_span(found, pair, supporting)
        if pair.aligned:
            bt = next((pair.bt[e] for e in supporting if found.bt_span and found.bt_span in
                       pair.bt[e]), "")
            found = _with_bt_span(_narrow(found, pair, bt), pair, supporting)
        out.append(found)
    return out


def _with_bt_span(found: Finding, pair: Pair, engines: Sequence[str]) -> Finding:
    if found.bt_span is not None:
        return found
    for engine in engines:
        span = locate_in_back_translation(found, pair.bt[engine])
        if span:
            return replace(found, bt_span=span)
    return found


# ---- forced decoding --------------------------------------------------------------------


def _span_mean(tokens: Sequence[tuple[str, float]], ref_span: str | None) -> float | None:
    if not ref_span:
        return None
    text, ranges = "", []
    for token, _ in tokens:
        piece = token.replace("▁", " ")
        ranges.append((len(text), len(text) + len(piece)))
        text += piece
    start = text.find(ref_span)
    if start < 0:
        return None
    end = start + len(ref_span)
    inside = [
        lp for (s, e), (_, lp) in zip(ranges, tokens, strict=True) if s < end and e > start
    ]
    return sum(inside) / len(inside) if inside else None


def attach_forced_evidence(
    findings: list[Finding], result: DocumentResult, scorer: ForcedScorer | None
) -> list[Finding]:
    """Add, to every finding on an aligned MT sentence, the reference's log-probability
    given the French MT (per token, and the mean over the finding's reference span)."""
    if scorer is None or not findings:
        return findings
    by_pair = {p.mt_index: p for p in result.pairs if p.aligned}
    wanted = sorted(
        {f.mt_index for f in findings if f.mt_index is not None and f.mt_index in by_pair}
    )
    if not wanted:
        return findings
    pairs = [by_pair[i] for i in wanted]
    scored = scorer([p.mt_text for p in pairs], [p.ref_text for p in pairs])
    per_pair = dict(zip(wanted, scored, strict=True))
    out = []
    for item in findings:
        tokens = per_pair.get(item.mt_index) if item.mt_index is not None else None
        if not tokens:
            out.append(item)
            continue
        mean = sum(lp for _, lp in tokens) / len(tokens)
        span = _span_mean(tokens, item.ref_span)
        evidence = dict(item.evidence)
        evidence["forced_logprob_mean"] = round(mean, 4)
        if span is not None and math.isfinite(span):
            evidence["forced_logprob_span_mean"] = round(span, 4)
        evidence["forced_tokens"] = [[t, round(lp, 4)] for t, lp in tokens]
        out.append(replace(item, evidence=evidence))
    return out
