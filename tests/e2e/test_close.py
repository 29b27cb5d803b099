"""Clean stories whose English is a close translation of the French, as a good MT writes it.

``tests/data/close/*`` are short stories (12 sentences each) written in French from general
knowledge, each sentence with a correct English translation that keeps the French clause
order and tense choices, its names and its numbers (in English style). ``labels.toml`` is
empty: every finding is a false positive; critical and major ones are the alarms a reviewer
acts on. See ``tests/data/close/README.md``.

The first batch (15 stories, 180 sentences: politics, science, football, company results,
history, cinema, a court case, health, weather, local news, technology, travel, schools, a
glacier, sailing) raised 15 alarms on 15 sentences as drafted (8.3%): negations that are
none (an elided « qu' » of « ne … que », « par personne », « sans escale » / "non-stop"),
numbers (« neuf points », "a four-hectare park"), a compound past read as a passive, and
words said another way (« de son côté », « de peu », « en bois », « le mois de février »,
« inférieurs à », senses the dictionary lacked). The second batch (``SECOND_BATCH``: 4
stories, 48 sentences: a satellite launch, a municipal election, an airport, a cheese),
written after those fixes to see whether they hold on text they were not made for, raised 4
alarms on 4 sentences (8.3%): a town's people for the town, « moins chers » / "cheaper",
« déposer » / "lodge", « s'explique par » / "is due to". The categories were fixed, not the
sentences; each batch's bound is what remains.
"""

from __future__ import annotations

from typing import Any

import pytest
from labelled import evaluate, stories
from support import REPO_ROOT

pytestmark = [pytest.mark.slow, pytest.mark.apertium]

CLOSE = REPO_ROOT / "tests" / "data" / "close"
SECOND_BATCH = ("aeroport", "fromage", "municipales", "satellite")
MAX_CLOSE_ALARMS = 0
MAX_SECOND_BATCH_ALARMS = 0


@pytest.fixture(scope="module")
def evaluation() -> dict[str, Any]:
    return evaluate(CLOSE, "close")


def _alarms(evaluation: dict[str, Any], second: bool) -> list[dict[str, Any]]:
    return [f for f in evaluation["false_positives"] if f["severity"] in ("critical", "major")
            and (f["story"] in SECOND_BATCH) == second]


def test_the_close_stories_are_clean_and_aligned() -> None:
    names = {story.name for story in stories(CLOSE)}
    assert len(names - set(SECOND_BATCH)) == 15 and names >= set(SECOND_BATCH)
    for story in stories(CLOSE):
        assert not (story / "labels.toml").read_text(encoding="utf-8").strip()
        mt = (story / "mt.fr.txt").read_text(encoding="utf-8").splitlines()
        ref = (story / "ref.en.txt").read_text(encoding="utf-8").splitlines()
        assert len(mt) == len(ref) == 12


def test_close_translations_raise_no_more_alarms_than_known(evaluation: dict[str, Any]) -> None:
    alarms = _alarms(evaluation, second=False)
    assert len(alarms) <= MAX_CLOSE_ALARMS, alarms


def test_close_translations_written_after_the_fixes_raise_no_more_alarms_than_known(
    evaluation: dict[str, Any],
) -> None:
    alarms = _alarms(evaluation, second=True)
    assert len(alarms) <= MAX_SECOND_BATCH_ALARMS, alarms
