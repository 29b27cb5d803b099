"""Evidence completed for every family: back-translation spans and spans no larger than a clause."""

from __future__ import annotations

from support import make_result

from mtqa.checks.evidence import complete_evidence
from mtqa.model import Finding

MT = [
    "Le gouvernement a dit qu'il ne soutiendrait pas le projet, que les travaux "
    "commenceraient en mars et que le budget serait de 40 millions.",
    "Ensuite, Blinkin a quitté la ville mardi.",
    "Il a parlé de commerce.",
]
REF = [
    "The government said it would support the project, that work would start in March and "
    "that the budget would be 50 million.",
    "Then Blinken left the city on Tuesday.",
    "He talked about trade.",
]
BT = [
    "The government said it would not support the project, that work would begin in March "
    "and that the budget would be 40 million.",
    "Then Blinkin left the city on Tuesday.",
    "He spoke about trade.",
]


def _finding(kind: str, index: int, mt_span: str | None, ref_span: str | None) -> Finding:
    return Finding(
        doc="doc", kind=kind, severity="critical", mt_index=index, ref_index=index,
        mt_text=MT[index], mt_span=mt_span, ref_span=ref_span, bt_span=None, engines=(),
        detector="test", message="",
    )


def _complete(*findings: Finding) -> list[Finding]:
    result = make_result(MT, REF, bt={"marian": BT})
    return complete_evidence(result, findings, ("marian",))


def test_a_span_that_passes_through_is_found_in_the_back_translation() -> None:
    name, number = _complete(
        _finding("entity_inconsistent", 1, "Blinkin", "Blinken"),
        _finding("number_mismatch", 0, "40 millions", "50 million"),
    )
    assert name.bt_span == "Blinkin"
    assert number.bt_span == "40 million"  # the reference's words, the MT's number


def test_the_reference_span_is_aligned_into_the_back_translation() -> None:
    (found,) = _complete(_finding("odd_rendering", 2, "parlé", "talked about trade"))
    assert found.bt_span == "spoke about trade"


def test_no_span_is_claimed_where_the_back_translation_does_not_show_it() -> None:
    (found,) = _complete(_finding("odd_rendering", 2, "parlé", "the ministers of finance met"))
    assert found.bt_span is None
    (omission,) = _complete(_finding("omission", 2, None, "talked about trade"))
    assert omission.bt_span is None  # an absence has nothing to show


def test_a_whole_sentence_span_is_narrowed_to_the_clause_that_shows_the_error() -> None:
    (found,) = _complete(_finding("meaning_inversion", 0, "ne soutiendrait pas", REF[0]))
    assert found.ref_span == "The government said it would support the project"
    assert found.bt_span == "The government said it would not support the project"
    assert found.ref_span in REF[0] and len(found.ref_span) < len(REF[0]) / 2
    # And the other way round: a whole MT sentence against a small reference span.
    (other,) = _complete(_finding("meaning_inversion", 0, MT[0], "that the budget would be"))
    assert other.mt_span is not None and other.mt_span in MT[0]
    assert "que le budget" in other.mt_span and len(other.mt_span) < len(MT[0]) * 0.7


def test_a_one_clause_sentence_stays_whole() -> None:
    (found,) = _complete(_finding("meaning_inversion", 2, "parlé", REF[2]))
    assert found.ref_span == REF[2]
