"""Helpers shared by the core tests (plain functions; fixtures live in conftest.py)."""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SAMPLE = REPO_ROOT / "references" / "blinken-central-asia"


def sample_texts() -> tuple[str, str]:
    from mtqa.documents import read_text

    return read_text(SAMPLE / "mt.fr.txt"), read_text(SAMPLE / "ref.en.txt")
