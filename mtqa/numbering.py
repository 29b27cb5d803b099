"""The one way a person reads a sentence's place: 1-based, per side ("MT 14", "ref 11").

Machine fields (``mt_index``, ``ref_index`` in findings.jsonl, segments.csv, the frames) keep
0-based indexes; everything a person reads (terminal, finding messages, row labels, the
evidence panel, link anchors) goes through these functions, so a number means one thing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

NBSP = "\u00a0"  # "MT 14" never breaks between the side and its number


def sentence_number(index: int) -> int:
    """The number a person reads for a 0-based sentence index."""
    return index + 1


def _numbers(indexes: Sequence[int]) -> str:
    """1-based numbers: "4", "4–6" for a run, "4, 7" otherwise."""
    if not indexes:
        return "–"
    ordered = sorted(set(indexes))
    if len(ordered) > 1 and ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"{sentence_number(ordered[0])}–{sentence_number(ordered[-1])}"
    return ", ".join(str(sentence_number(i)) for i in ordered)


def mt_label(indexes: int | Iterable[int], *, space: str = " ") -> str:
    """ "MT 14", "MT 14–15" or "MT 3, 9" for 0-based MT sentence indexes."""
    values = [indexes] if isinstance(indexes, int) else list(indexes)
    return f"MT{space}{_numbers(values)}"


def ref_label(indexes: int | Iterable[int], *, space: str = " ") -> str:
    """ "ref 11", "ref 11–12" for 0-based reference sentence indexes."""
    values = [indexes] if isinstance(indexes, int) else list(indexes)
    return f"ref{space}{_numbers(values)}"


def sentence_label(mt_index: int | None, ref_index: int | None) -> str:
    """Where a finding is: "MT 14 ↔ ref 11", "MT 14" or "ref 11"."""
    parts = []
    if mt_index is not None:
        parts.append(mt_label(mt_index))
    if ref_index is not None:
        parts.append(ref_label(ref_index))
    return " ↔ ".join(parts) or "document"


def pair_label(mt: Sequence[int], ref: Sequence[int]) -> str:
    """A row label: "MT 4 ↔ ref 4" (a side with no sentence reads "–")."""
    return f"{mt_label(mt, space=NBSP)} ↔ {ref_label(ref, space=NBSP)}"


def search_labels(mt: Sequence[int], ref: Sequence[int]) -> str:
    """Every single-sentence label of a row, so a search for "MT 15" finds "MT 14–15"."""
    return " ".join([*(mt_label(i) for i in mt), *(ref_label(i) for i in ref)])


def anchor(doc_pos: int, mt: Sequence[int], ref: Sequence[int]) -> str:
    """A row's link anchor from its sentence numbers: ``d0-mt14``, ``d0-ref11`` (no MT)."""
    if mt:
        return f"d{doc_pos}-mt{sentence_number(min(mt))}"
    return f"d{doc_pos}-ref{sentence_number(min(ref))}" if ref else f"d{doc_pos}-doc"
