"""Number and date checks: the kind ``number_mismatch``.

Compares the values of each aligned pair, as ``mtqa.language.quantities`` reads them from
the French and the English (digits, scales, number words, percentages, ordinals, dates,
clock times, lengths of time, codes, telephone numbers).

Precision first: the words for one and two (articles "un/une/a", "l'un des", "both",
"twice", "first") are not compared on their own, because the two languages spell them
differently; a number is only reported when it differs from what the other side says.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from mtqa.checks.base import CheckContext, finding, witnesses
from mtqa.language.numerals import (
    AFTER_NAMING_YEAR,
    BEFORE_NAMING_YEAR,
    SMALL_NUMBER_WORDS,
    Quantity,
)
from mtqa.language.quantities import quantities
from mtqa.model import DocumentResult, Finding, Pair, Severity

DETECTOR = "numbers"


# ---------------------------------------------------------------------------------------
# Comparing a pair


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))
    return bool(a == b)


def _matches(a: Quantity, b: Quantity, *, lenient: bool) -> bool:
    if a.kind == b.kind:
        return any(_same(x, y) for x in a.readings for y in b.readings)
    if not lenient:
        return False
    # "le 24" for "Feb. 24", "24 heures" for "24 hours", "15 h" for "15:00".
    for x, y in ((a, b), (b, a)):
        if x.kind == "date" and y.kind == "number":
            return _same(float(x.value[1]), y.value)
        if x.kind == "time" and y.kind == "number" and x.value[1] == 0:
            # « à dix-neuf heures » for "at seven in the evening" too
            return any(_same(float(h), y.value) for h in (x.value[0], x.value[0] % 12))
        # « à sept heures et demie » (read 7.5 hours) for "at 7:30"
        if x.kind == "time" and y.kind == "number" and x.value[1] == 30:
            return _same(x.value[0] + 0.5, y.value)
        # « au XVIIe siècle » for "in the 1600s": a century is the hundreds after it
        # (an ordinal, not a count: « 17 navires » is no 1600s)
        if (x.kind == "decade" and y.kind == "number" and x.value % 100 == 0
                and not y.surface.isdigit()):
            return _same(x.value / 100 + 1, y.value)
    return False


def compare(
    mt: Sequence[Quantity], ref: Sequence[Quantity]
) -> tuple[list[Quantity], list[Quantity]]:
    """The quantities of each side that the other side does not have (weak ones dropped)."""
    left_mt, left_ref = list(mt), list(ref)

    def figures(quantity: Quantity) -> bool:
        return any(c.isdigit() for c in quantity.surface)

    # figures pair with figures and words with words first: in « en trois sets, 6-4, 3-6 »
    # against "6-4, 3-6", the word is the one left over, not the score's 3
    for lenient, same_form in ((False, True), (False, False), (True, False)):
        for quantity in list(left_mt):
            partner = next((r for r in left_ref if _matches(quantity, r, lenient=lenient)
                            and (not same_form or figures(r) == figures(quantity))), None)
            if partner is not None:
                left_mt.remove(quantity)
                left_ref.remove(partner)
    # "le 11 septembre 2001" for "9/11": a date's year the other side leaves out is no
    # mismatch, as long as the other side has no other year in its place.
    left_mt, left_ref = _paired_vague(left_mt, left_ref)
    mt_years = [q for q in left_mt if _is_year(q)]
    ref_years = [q for q in left_ref if _is_year(q)]
    if not ref_years:
        left_mt = [q for q in left_mt if not _dated_year(q, mt)]
    if not mt_years:
        left_ref = [q for q in left_ref if not _dated_year(q, ref)]
    return [q for q in left_mt if not q.weak], [q for q in left_ref if not q.weak]


def _paired_vague(
    mt: list[Quantity], ref: list[Quantity]
) -> tuple[list[Quantity], list[Quantity]]:
    """An amount in words left on each side: the same within the vagueness of « une
    douzaine » (a third either way) is a match; further apart, a mismatch, not left out."""
    for side, other in ((mt, ref), (ref, mt)):
        for vague in [q for q in side if q.vague]:
            partner = next((r for r in other if _pairs_with(vague, r)), None)
            if partner is None:
                continue
            side.remove(vague)
            other.remove(partner)
            if partner.percent:  # « la moitié » for "50%"
                # within the rounding of a figure: two thirds for 66.7% or 67%
                if abs(vague.value * 100 - partner.value) >= 0.5:
                    side.append(replace(vague, weak=False, vague=False))
                    other.append(partner)
                continue
            if vague.kind == "number" and 0.75 <= partner.value / vague.value <= 1.34:
                continue  # « une quinzaine » for "a dozen or so"
            if vague.kind != "number" and _same(vague.value, partner.value):
                continue
            side.append(replace(vague, weak=False, vague=False))
            other.append(replace(partner, weak=False, vague=False))
    return mt, ref


def _pairs_with(vague: Quantity, other: Quantity) -> bool:
    """The other side's quantity that a vague amount is to be compared with: one of its
    kind, a percentage for a fraction, a plain count for « une douzaine »."""
    if vague.kind == "fraction" and other.kind == "number" and other.percent:
        return True
    if other.kind != vague.kind:
        return False
    return other.vague or (
        vague.kind == "number" and not other.weak and not other.percent and not _is_year(other)
    )


def _naming_year(quantity: Quantity, text: str) -> bool:
    """A year used as a modifier between a determiner and a noun ("the 2008 crash")."""
    return (_is_year(quantity) and bool(BEFORE_NAMING_YEAR.search(text[: quantity.start]))
            and bool(AFTER_NAMING_YEAR.match(text, quantity.end)))


def _is_year(quantity: Quantity) -> bool:
    value = quantity.value
    return (quantity.kind == "number" and isinstance(value, float) and value.is_integer()
            and 1000 <= value <= 2100 and quantity.surface.isdigit())


def _dated_year(quantity: Quantity, side: Sequence[Quantity]) -> bool:
    """Whether ``quantity`` is the year of a date just before it ("11 septembre 2001")."""
    return _is_year(quantity) and any(
        q.kind == "date" and 0 <= quantity.start - q.end <= 2 for q in side
    )


def _bt_support(
    pair: Pair, engines: Sequence[str], mt_q: Quantity | None, ref_q: Quantity | None
) -> tuple[tuple[str, ...], str | None]:
    """Engines whose back-translation reads the MT's number and not the reference's."""

    def judge(bt: str) -> tuple[bool, str | None]:
        read = quantities(bt, "en")
        has_mt = mt_q is not None and next(
            (q for q in read if _matches(mt_q, q, lenient=True)), None
        )
        has_ref = ref_q is not None and any(_matches(ref_q, q, lenient=True) for q in read)
        span = has_mt.surface if isinstance(has_mt, Quantity) else None
        return (mt_q is None or bool(has_mt)) and not has_ref, span

    return witnesses(pair, engines, judge)


def check(result: DocumentResult, ctx: CheckContext) -> list[Finding]:
    """Numbers, dates and times that differ between the MT and the reference of a pair."""
    findings: list[Finding] = []
    for pair in result.pairs:
        if not pair.aligned:
            continue
        mt_q = quantities(pair.mt_text, "fr")
        ref_q = quantities(pair.ref_text, "en")
        left_mt, left_ref = compare(mt_q, ref_q)
        if not left_mt and not left_ref:
            continue
        count = max(len(left_mt), len(left_ref))
        for i in range(count):
            mt_one = left_mt[i] if i < len(left_mt) else None
            ref_one = left_ref[i] if i < len(left_ref) else None
            findings.append(_finding(result, pair, ctx, mt_one, ref_one, mt_q, ref_q))
    return findings


def _finding(
    result: DocumentResult,
    pair: Pair,
    ctx: CheckContext,
    mt_one: Quantity | None,
    ref_one: Quantity | None,
    mt_all: Sequence[Quantity],
    ref_all: Sequence[Quantity],
) -> Finding:
    engines, bt_span = _bt_support(pair, ctx.engines, mt_one, ref_one)
    severity: Severity = "major"
    one = mt_one or ref_one
    other_text, other_lang, other_all = (
        (pair.ref_text, "en", ref_all) if mt_one is not None else (pair.mt_text, "fr", mt_all))
    in_words = (
        (mt_one is None) != (ref_one is None)
        and one is not None
        and not any(c.isdigit() for c in one.surface)
        # "trois groupes" for "two groups": the other side's small number word (not read as
        # a number on its own, nor inside one it read: "two hours and 48 minutes") is the
        # one replaced
        and not any(not any(q.start <= word.start() < q.end for q in other_all)
                    for word in SMALL_NUMBER_WORDS[other_lang].finditer(other_text))
    )
    if mt_one is None and ref_one is not None and _naming_year(ref_one, pair.ref_text):
        # "the 1973 oil crisis" for « le premier choc pétrolier »: English names an event by
        # its year where French names it otherwise; a year on one side only, no count lost.
        severity = "minor"
    if in_words:
        # A number word on one side only is as often an idiom or a paraphrase ("faire les
        # quatre cents coups", "in two minds", "a decade") as a lost count: minor.
        severity = "minor"
    if mt_one is not None and ref_one is not None:
        severity = "critical"
        message = (
            f"The MT says {mt_one.surface!r} ({mt_one.describe()}) where the reference says "
            f"{ref_one.surface!r} ({ref_one.describe()})."
        )
    elif ref_one is not None:
        message = f"The reference's {ref_one.surface!r} ({ref_one.describe()}) is not in the MT."
    elif mt_one is not None:
        message = f"The MT's {mt_one.surface!r} ({mt_one.describe()}) is not in the reference."
    return finding(
        result,
        pair,
        kind="number_mismatch",
        severity=severity,
        detector=DETECTOR,
        message=message,
        mt_span=mt_one.surface if mt_one else None,
        ref_span=ref_one.surface if ref_one else None,
        bt_span=bt_span,
        engines=engines,
        evidence={
            "mt": mt_one.describe() if mt_one else None,
            "ref": ref_one.describe() if ref_one else None,
            "mt_numbers": [q.describe() for q in mt_all],
            "ref_numbers": [q.describe() for q in ref_all],
            **({"one_side_in_words": True} if in_words else {}),
        },
    )
