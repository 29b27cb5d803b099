"""Looking beads up by sentence gives what scanning every bead gives.

A long document's findings, comparison units and report rows find their bead through
indexes built once per document (``DocumentResult.pair_of``, ``mqm.refs_of_mt``,
``compare.comparison_units``); these tests hold them to the plain scans they replace, on
random alignments with 1-2, 2-1, unaligned MT (additions, page furniture at either end) and
unaligned reference sentences.
"""

from __future__ import annotations

import random

import pytest
from support import make_result

from mtqa.compare import comparison_units
from mtqa.model import DocumentResult, Finding
from mtqa.mqm import charged_ref, ref_of_mt, refs_of_mt


def random_result(seed: int) -> DocumentResult:
    rng = random.Random(seed)
    beads: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    m = r = 0
    for _ in range(rng.randint(0, 40)):
        n_mt, n_ref = rng.choice([(1, 1), (1, 1), (1, 2), (2, 1), (1, 0), (0, 1), (2, 0)])
        beads.append((tuple(range(m, m + n_mt)), tuple(range(r, r + n_ref))))
        m, r = m + n_mt, r + n_ref
    mt = [f"phrase {i}" for i in range(m)]
    ref = [f"sentence {j}" for j in range(r)]
    return make_result(mt, ref, beads=beads, bt={"e": [f"bt {i}" for i in range(m)]})


def scanned_ref_of_mt(doc: DocumentResult, mt_index: int) -> int:
    """ref_of_mt as a scan over the beads: the definition the index must keep."""
    for k, pair in enumerate(doc.pairs):
        if mt_index in pair.mt:
            if pair.ref:
                return pair.ref[0]
            before = [p.ref[-1] for p in doc.pairs[:k] if p.ref]
            after = [p.ref[0] for p in doc.pairs[k + 1 :] if p.ref]
            return before[-1] if before else (after[0] if after else 0)
    return 0


def finding(mt_index: int | None, ref_index: int | None) -> Finding:
    return Finding(doc="doc", kind="omission", severity="major", mt_index=mt_index,
                   ref_index=ref_index, mt_text="", mt_span=None, ref_span=None,
                   bt_span=None, engines=(), detector="test", message="")


SEEDS = range(60)


@pytest.mark.parametrize("seed", SEEDS)
def test_refs_of_mt_is_the_scan(seed: int) -> None:
    doc = random_result(seed)
    refs = refs_of_mt(doc)
    for i in range(len(doc.mt_segments) + 2):  # two past the end: in no bead
        assert refs.get(i, 0) == ref_of_mt(doc, i) == scanned_ref_of_mt(doc, i)
        assert charged_ref(doc, finding(i, None), refs) == scanned_ref_of_mt(doc, i)


@pytest.mark.parametrize("seed", SEEDS)
def test_pair_of_is_the_scan(seed: int) -> None:
    doc = random_result(seed)
    n_mt, n_ref = len(doc.mt_segments), len(doc.ref_segments)
    for mt_index in [None, *range(n_mt + 1)]:
        for ref_index in [None, *range(n_ref + 1)]:
            found = finding(mt_index, ref_index)
            by_mt = next((p for p in doc.pairs if mt_index is not None and mt_index in p.mt),
                         None)
            by_ref = next((p for p in doc.pairs if ref_index is not None and ref_index in p.ref),
                          None)
            assert doc.pair_of(found) == (by_mt or by_ref)
    assert dict(doc.pair_of_mt) == {i: p for p in doc.pairs for i in p.mt}


@pytest.mark.parametrize("seed", SEEDS)
def test_comparison_units_join_the_beads_of_each_unit(seed: int) -> None:
    doc = random_result(seed)
    for unit in comparison_units({"mt": [doc]}, ["e"]):
        beads = [p for p in doc.pairs if p.ref and p.ref[0] in unit.ref_indexes]
        assert unit.hypotheses[("mt", "e")] == " ".join(
            p.bt.get("e", "") for p in beads if p.mt
        ).strip()
        assert unit.reference == " ".join(doc.ref_segments[j].text for j in unit.ref_indexes)
