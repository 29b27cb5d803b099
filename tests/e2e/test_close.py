"""Clean stories whose English is a close translation of the French, as a good MT writes it.

``tests/data/close/*`` are fifteen short stories (12 sentences each, 180 in all) written in
French from general knowledge, each sentence with a correct English translation that keeps
the French clause order and tense choices, its names and its numbers (in English style):
politics, science, football, company results, history, cinema, a court case, health,
weather, local news, technology, travel, schools, a glacier, sailing. ``labels.toml`` is
empty: every finding is a false positive; critical and major ones are the alarms a reviewer
acts on. See ``tests/data/close/README.md``.
"""

from __future__ import annotations

from typing import Any

import pytest
from labelled import evaluate, stories
from support import REPO_ROOT

pytestmark = [pytest.mark.slow, pytest.mark.apertium]

CLOSE = REPO_ROOT / "tests" / "data" / "close"
MAX_CLOSE_ALARMS = 99


@pytest.fixture(scope="module")
def evaluation() -> dict[str, Any]:
    return evaluate(CLOSE, "close")


def test_the_close_stories_are_clean_and_aligned() -> None:
    assert len(stories(CLOSE)) == 15
    for story in stories(CLOSE):
        assert not (story / "labels.toml").read_text(encoding="utf-8").strip()
        mt = (story / "mt.fr.txt").read_text(encoding="utf-8").splitlines()
        ref = (story / "ref.en.txt").read_text(encoding="utf-8").splitlines()
        assert len(mt) == len(ref) == 12


def test_close_translations_raise_no_more_alarms_than_known(evaluation: dict[str, Any]) -> None:
    alarms = [f for f in evaluation["false_positives"] if f["severity"] in ("critical", "major")]
    assert len(alarms) <= MAX_CLOSE_ALARMS, alarms
