"""Alignment: inserted, dropped, split and merged sentences, and the sample's tricky lines."""

from __future__ import annotations

import pytest
from support import make_segments

from mtqa.align import AlignSettings, _numbers_agree, _pair_lone_gaps, _split_merges, align
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


def _long_story(count: int) -> tuple[list[str], list[str]]:
    subjects = ["The mayor", "The union", "The central bank", "The minister", "Police"]
    verbs = ["announced", "rejected", "approved", "criticised", "welcomed"]
    things = ["a plan", "the budget", "new rules", "the report", "a deal"]
    ref = [
        f"{subjects[i % 5]} {verbs[i * 3 % 5]} {things[i * 7 % 5]} worth {i * 37 % 1000 + 5} "
        f"million on day {i}."
        for i in range(count)
    ]
    bt = [
        f"{subjects[i % 5]} has {verbs[i * 3 % 5]} {things[i * 7 % 5]} of {i * 37 % 1000 + 5} "
        f"millions the day {i}."
        for i in range(count)
    ]
    return bt, ref


def test_a_long_document_aligns_along_anchors_as_the_full_band_would() -> None:
    from mtqa.align import AlignSettings

    bt, ref = _long_story(330)
    bt = bt[:50] + [FURNITURE] + bt[50:250] + bt[252:]  # an insertion, two dropped sentences
    mt = segments("mt", [f"fr {i}" for i in range(len(bt))])
    anchored = align(mt, segments("ref", ref), {"e": bt}, doc_id="d")
    diagonal = align(mt, segments("ref", ref), {"e": bt}, doc_id="d",
                     settings=AlignSettings(anchored_above=10_000))
    assert [(p.mt, p.ref) for p in anchored] == [(p.mt, p.ref) for p in diagonal]
    found = [(p.mt, p.ref) for p in anchored]
    assert ((50,), ()) in found and ((), (250,)) in found and ((), (251,)) in found
    assert sum(1 for m, r in found if m and r) == 328


def test_the_corridor_narrows_where_anchors_are_dense() -> None:
    from mtqa.align import _corridor_rows

    anchors = [(i, i) for i in range(0, 1000, 3)]
    rows = _corridor_rows(1000, 1000, anchors, width=30)
    assert max(hi - lo + 1 for lo, hi in rows) <= 10
    assert rows[0][0] == 0 and rows[-1][1] == 1000
    # consecutive rows overlap, so the path can always go on
    assert all(lo2 <= hi1 + 1 for (_, hi1), (lo2, _) in zip(rows, rows[1:], strict=False))
    sparse = _corridor_rows(1000, 1000, [], width=30)
    assert max(hi - lo + 1 for lo, hi in sparse) == 63


def test_uneven_sides_are_warned_about_and_aligned(caplog: pytest.LogCaptureFixture) -> None:
    bt, ref = _long_story(400)
    mt = segments("mt", [f"fr {i}" for i in range(30)])
    with caplog.at_level("WARNING", logger="mtqa.align"):
        pairs = align(mt, segments("ref", ref), {"e": bt[:30]}, doc_id="d")
    assert "30 MT sentences against 400 reference sentences" in caplog.text
    assert sum(len(p.ref) for p in pairs) == 400
    assert [p.mt for p in pairs if p.mt][:3] == [(0,), (1,), (2,)]


def test_a_large_input_says_what_it_will_do(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    import mtqa.align

    monkeypatch.setattr(mtqa.align, "ANNOUNCE_ABOVE", 350)
    bt, ref = _long_story(400)
    mt = segments("mt", [f"fr {i}" for i in range(400)])
    with caplog.at_level("WARNING", logger="mtqa.align"):
        align(mt, segments("ref", ref), {"e": bt}, doc_id="big")
    assert "big: aligning 400 MT with 400 reference sentences along" in caplog.text
    assert caplog.text.rstrip().endswith(" s")


# A faithful French sentence whose back-translation is too poor to show the pair (chrF under
# ``min_similarity``), opposite the one reference sentence left at its place.
POOR_FR = "Les agriculteurs recevront une aide après une mauvaise récolte."
POOR_BT = "The agricultores percibirán a ayuda after a cosecha mala."


def lone_beads(
    bt: list[str], fr: list[str], ref: list[str], furniture: frozenset[int] = frozenset()
) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    pairs = align(segments("mt", fr), segments("ref", ref), {"e": bt}, doc_id="d",
                  furniture=furniture)
    return [(p.mt, p.ref) for p in pairs]


def test_a_poorly_back_translated_sentence_opposite_a_lone_one_is_paired() -> None:
    bt = BT[:3] + [POOR_BT] + BT[4:]
    fr = [f"phrase française numéro {i} assez longue" for i in range(5)]
    fr[3] = POOR_FR
    assert lone_beads(bt, fr, REF) == [((i,), (i,)) for i in range(5)]


def test_two_lone_sentences_a_side_are_paired_in_order() -> None:
    bt = BT[:2] + ["Opositores juzgaron el plan demasiado tímido.", POOR_BT] + BT[4:]
    fr = [f"phrase française numéro {i} assez longue" for i in range(5)]
    fr[2] = "Les partis d'opposition ont jugé le plan trop timide."
    fr[3] = POOR_FR
    assert lone_beads(bt, fr, REF) == [((i,), (i,)) for i in range(5)]


@pytest.mark.parametrize(
    ("fr_text", "furniture"),
    [
        pytest.param(POOR_FR, frozenset({3}), id="page furniture"),
        pytest.param("Les 2 000 agriculteurs recevront une aide en 2025.", frozenset(),
                     id="other digits"),
        pytest.param("Aide.", frozenset(), id="length"),
    ],
)
def test_a_lone_sentence_that_cannot_be_the_pair_stays_unaligned(
    fr_text: str, furniture: frozenset[int]
) -> None:
    bt = BT[:3] + [POOR_BT] + BT[4:]
    fr = [f"phrase française numéro {i} assez longue" for i in range(5)]
    fr[3] = fr_text
    found = lone_beads(bt, fr, REF, furniture)
    assert ((3,), (3,)) not in found
    assert ((3,), ()) in found and ((), (3,)) in found


@pytest.mark.parametrize(
    ("steps", "expected"),
    [
        pytest.param([(0, 2, 0, 1), (2, 2, 1, 2)], [(0, 1, 0, 1), (1, 2, 1, 2)], id="2-1 then 0-1"),
        pytest.param([(0, 0, 0, 1), (0, 2, 1, 2)], [(0, 1, 0, 1), (1, 2, 1, 2)], id="0-1 then 2-1"),
        pytest.param([(0, 1, 0, 2), (1, 2, 2, 2)], [(0, 1, 0, 1), (1, 2, 1, 2)], id="1-2 then 1-0"),
    ],
)
def test_a_merge_beside_a_lone_sentence_splits_when_both_halves_pair(
    steps: list[tuple[int, int, int, int]], expected: list[tuple[int, int, int, int]]
) -> None:
    assert _split_merges(steps, lambda i, j: True) == expected
    # a half that cannot be a pair (a fragment, other digits) keeps the merge
    assert _split_merges(steps, lambda i, j: (i, j) != (1, 1)) == steps


def _gap_of_four(score: dict[tuple[int, int], float]) -> list[tuple[int, int, int, int]]:
    """Beads after pairing a gap of four lone sentences a side between two aligned pairs."""
    steps = [(0, 1, 0, 1), *[(i, i + 1, 1, 1) for i in range(1, 5)],
             *[(5, 5, j, j + 1) for j in range(1, 5)], (5, 6, 5, 6)]
    return _pair_lone_gaps(steps, lambda i, j: score.get((i, j), 0.10),
                           lambda i, j, ratio: True, (), AlignSettings())


def test_a_long_gap_is_paired_in_order_when_that_pairing_is_the_best() -> None:
    # weak pairs (a free reference through a rule-based back-translation), best in order
    score = {(1, 1): 0.19, (2, 2): 0.13, (3, 3): 0.17, (4, 4): 0.21, (2, 1): 0.15}
    assert _gap_of_four(score) == [(0, 1, 0, 1), *[(i, i + 1, i, i + 1) for i in range(1, 5)],
                                   (5, 6, 5, 6)]


def test_a_long_gap_stays_unaligned_when_another_pairing_matches_better() -> None:
    score = {(1, 1): 0.12, (2, 2): 0.12, (3, 3): 0.12, (4, 4): 0.12, (1, 2): 0.30, (2, 1): 0.30}
    found = _gap_of_four(score)
    assert not any(i1 - i0 == 1 and j1 - j0 == 1 for i0, i1, j0, j1 in found[1:-1])


@pytest.mark.parametrize(
    ("fr_text", "en_text", "agree"),
    [
        ("Il y en a 40 000.", "There are 40,000.", True),
        ("On travaille soixante-dix heures.", "We work 70 hours.", True),
        ("Elle jouait encore à plus de 80 ans.", "She was still acting in her eighties.", True),
        ("Dans les années 80, elle a changé de voie.", "In the 1980s she changed course.", True),
        # an approximate count is a number too
        ("Une vingtaine de maisons ont brûlé.", "About 20 houses burned down.", True),
        ("Des milliers de fans ont chanté.", "Some 5,000 fans sang along.", True),
        ("Le centre a fermé en septembre.", "Some 5,000 fans sang along.", False),
        # a fraction in words against a percentage
        ("Les loyers ont augmenté de 25 %.", "Rents rose by a quarter.", True),
        ("La moitié des élèves ont réussi.", "50% of pupils passed.", True),
        ("Le Maroc est l'un des grands importateurs.", "Imports could reach 7 million.", False),
        ("Les 2 000 agriculteurs recevront une aide.", "The 3,000 farmers will get help.", False),
        ("Le centre a fermé en septembre.", "It shut down in 2019.", False),
    ],
)
def test_numbers_agree_across_ways_of_writing_them(fr_text: str, en_text: str,
                                                   agree: bool) -> None:
    assert _numbers_agree(fr_text, en_text) is agree
