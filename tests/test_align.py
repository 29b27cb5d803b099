"""Alignment: inserted, dropped, split and merged sentences, and the sample's tricky lines."""

from __future__ import annotations

import pytest
from support import make_segments

from mtqa.align import align
from mtqa.model import Segment

REF = [
    "The finance minister announced a new budget on Monday.",
    "Spending on schools will rise by a tenth next year.",
    "Opposition parties criticised the plan as too timid.",
    "Farmers will receive support after a poor harvest.",
    "The parliament votes on the text in two weeks.",
]
# Imperfect back-translations of a faithful MT of REF, one per reference sentence.
BT = [
    "The minister of finances announced a new budget Monday.",
    "The spending on the schools will increase of a tenth the next year.",
    "The parties of opposition criticised the plan like too timid.",
    "The farmers will receive a support after a bad harvest.",
    "The parliament votes the text in two weeks.",
]
FURNITURE = "Subscribe to our newsletter for more stories"


def segments(side: str, texts: list[str]) -> tuple[Segment, ...]:
    return make_segments("d", side, texts)


def beads(bt: list[str], ref: list[str]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    mt = segments("mt", [f"fr {i}" for i in range(len(bt))])
    pairs = align(mt, segments("ref", ref), {"e": bt}, doc_id="d")
    for p in pairs:
        assert p.doc == "d"
    return [(p.mt, p.ref) for p in pairs]


def halves(text: str) -> list[str]:
    words = text.split()
    return [" ".join(words[: len(words) // 2]), " ".join(words[len(words) // 2 :])]


@pytest.mark.parametrize(
    ("bt", "ref", "expected"),
    [
        pytest.param(BT, REF, [((i,), (i,)) for i in range(5)], id="parallel"),
        pytest.param(
            BT[:2] + [FURNITURE] + BT[2:],
            REF,
            [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), (2,)), ((4,), (3,)), ((5,), (4,))],
            id="inserted",
        ),
        pytest.param(
            BT[:3] + BT[4:],
            REF,
            [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((), (3,)), ((3,), (4,))],
            id="dropped",
        ),
        pytest.param(
            BT[:1] + halves(BT[1]) + BT[2:],
            REF,
            [((0,), (0,)), ((1, 2), (1,)), ((3,), (2,)), ((4,), (3,)), ((5,), (4,))],
            id="split",
        ),
        pytest.param(
            [BT[0], BT[1] + " " + BT[2], BT[3], BT[4]],
            REF,
            [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,)), ((3,), (4,))],
            id="merged",
        ),
        pytest.param([FURNITURE], REF[:1], [((0,), ()), ((), (0,))], id="nothing-matches"),
        pytest.param([], REF[:2], [((), (0,)), ((), (1,))], id="empty-mt"),
    ],
)
def test_alignment_cases(bt, ref, expected) -> None:
    assert beads(bt, ref) == expected


def test_similarity_and_texts_are_recorded() -> None:
    mt = segments("mt", ["un", "deux"])
    ref = segments("ref", REF[:2])
    pairs = align(mt, ref, {"a": BT[:2], "b": BT[:2]}, doc_id="d")
    assert [p.kind for p in pairs] == ["1-1", "1-1"]
    assert all(0.3 < p.similarity <= 1 for p in pairs)
    assert pairs[1].bt == {"a": BT[1], "b": BT[1]}
    assert pairs[1].ref_text == REF[1] and pairs[1].mt_text == "deux"


def test_long_documents_stay_aligned() -> None:
    # 120 sentences with an insertion and a deletion far apart: the band must still find them.
    ref = [
        f"Sentence number {i} talks about topic {i * 7 % 13} in region {i % 5}." for i in range(120)
    ]
    bt = [
        f"The sentence number {i} speaks of topic {i * 7 % 13} in the region {i % 5}."
        for i in range(120)
    ]
    bt = bt[:10] + [FURNITURE] + bt[10:90] + bt[91:]
    result = beads(bt, ref)
    assert ((10,), ()) in result
    assert ((), (90,)) in result
    assert sum(1 for m, r in result if m and r) == 119
