"""Helpers shared by the tests of every tier (plain functions; fixtures live in conftest.py).

Test modules import from here, never from ``conftest``: each tier folder has its own
``conftest.py``, so the module name ``conftest`` is ambiguous.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

from mtqa.model import Document, DocumentResult, Pair, Segment

REPO_ROOT = Path(__file__).resolve().parent.parent
SAMPLE = REPO_ROOT / "references" / "blinken-central-asia"
# Reports and screenshots a person may want to look at after a run; never inside the checkout.
ARTIFACTS = Path(
    os.environ.get("MTQA_TEST_ARTIFACTS") or Path(tempfile.gettempdir(), "mtqa-test-artifacts")
)

TINY_MAX_POSITIONS = 64  # the tiny Marian model's input limit in tokens, to exercise splitting


def apertium_required() -> None:
    """Skip without the ``apertium`` command, except in CI (CI=true) where it must exist."""
    if shutil.which("apertium") is not None:
        return
    message = "the apertium command is not installed (apt-get install apertium apertium-fr-es " \
              "apertium-eng-spa)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def sample_texts() -> tuple[str, str]:
    from mtqa.documents import read_text

    return read_text(SAMPLE / "mt.fr.txt"), read_text(SAMPLE / "ref.en.txt")


def make_segments(doc: str, side: str, sentences: Sequence[str]) -> tuple[Segment, ...]:
    """One segment per sentence, one sentence per line, offsets into the joined text."""
    out, start = [], 0
    for i, text in enumerate(sentences):
        out.append(Segment(doc, side, i, i, start, start + len(text), text))  # type: ignore[arg-type]
        start += len(text) + 1
    return tuple(out)


def make_result(
    mt: Sequence[str],
    ref: Sequence[str],
    *,
    beads: Sequence[tuple[tuple[int, ...], tuple[int, ...]]] | None = None,
    bt: Mapping[str, Sequence[str]] | None = None,
    doc: str = "doc",
) -> DocumentResult:
    """A DocumentResult from sentence lists, aligned one to one unless beads say otherwise."""
    beads = beads or [((i,), (i,)) for i in range(max(len(mt), len(ref)))]
    bt = bt or {}
    pairs = tuple(
        Pair(
            doc,
            k,
            m,
            r,
            " ".join(mt[i] for i in m),
            " ".join(ref[i] for i in r),
            {engine: " ".join(texts[i] for i in m) for engine, texts in bt.items()},
        )
        for k, (m, r) in enumerate(beads)
    )
    return DocumentResult(
        Document(doc, "\n".join(mt), "\n".join(ref)),
        make_segments(doc, "mt", mt),
        make_segments(doc, "ref", ref),
        {engine: tuple(texts) for engine, texts in bt.items()},
        pairs,
        {},
        {},
    )


def apertium_argv(
    mt: Path, ref: Path, out: Path, *options: str, cache: Path | None = None
) -> list[str]:
    """`mtqa run` in its ad-hoc form with the Apertium engine, and any further options."""
    argv = ["run", "--mt", str(mt), "--ref", str(ref), "--engine", "apertium", "--out", str(out)]
    if cache is not None:
        argv += ["--cache-dir", str(cache)]
    return argv + list(options)
