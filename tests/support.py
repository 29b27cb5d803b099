"""Helpers shared by the core tests (plain functions; fixtures live in conftest.py)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SAMPLE = REPO_ROOT / "references" / "blinken-central-asia"


def sample_texts() -> tuple[str, str]:
    from mtqa.documents import read_text

    return read_text(SAMPLE / "mt.fr.txt"), read_text(SAMPLE / "ref.en.txt")


def need_apertium() -> None:
    """Skip without Apertium, except in CI where its absence is a failure."""
    if shutil.which("apertium"):
        return
    message = "apertium is not installed (apt-get install apertium apertium-fr-es apertium-eng-spa)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)
