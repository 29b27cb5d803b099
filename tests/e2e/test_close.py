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
« déposer » / "lodge", « s'explique par » / "is due to". The third batch (``THIRD_BATCH``: 8
stories, 96 sentences: a stork migration study, a theatre premiere, a honey harvest, a
library's manuscripts, a cave rescue, a video game studio, Grasse's jasmine, an offshore
wind farm), written later the same way, raised 3 alarms on 3 sentences (3.1%): a French
present subjunctive the tagger read as an indicative, against an English "will"; a Latin
name in -o whose French form ends in -on (Cicero / Cicéron); an English plural noun spelt
like an adjective (divers) read as a noun slot with no noun. The categories were fixed, not
the sentences; each batch's bound is what remains.
"""

from __future__ import annotations

from typing import Any

import pytest
from labelled import evaluate, stories
from support import REPO_ROOT

pytestmark = [pytest.mark.slow, pytest.mark.apertium]

CLOSE = REPO_ROOT / "tests" / "data" / "close"
SECOND_BATCH = ("aeroport", "fromage", "municipales", "satellite")
THIRD_BATCH = ("apiculture", "bibliotheque", "cigognes", "eolien", "jeuvideo", "parfum",
               "speleo", "theatre")
MAX_CLOSE_ALARMS = 0
MAX_SECOND_BATCH_ALARMS = 0
MAX_THIRD_BATCH_ALARMS = 0


@pytest.fixture(scope="module")
def evaluation() -> dict[str, Any]:
    return evaluate(CLOSE, "close")


def _batch(story: str) -> int:
    return 2 if story in SECOND_BATCH else 3 if story in THIRD_BATCH else 1


def _alarms(evaluation: dict[str, Any], batch: int) -> list[dict[str, Any]]:
    return [f for f in evaluation["false_positives"] if f["severity"] in ("critical", "major")
            and _batch(f["story"]) == batch]


def test_the_close_stories_are_clean_and_aligned() -> None:
    names = {story.name for story in stories(CLOSE)}
    assert len(names - set(SECOND_BATCH) - set(THIRD_BATCH)) == 15
    assert names >= set(SECOND_BATCH) | set(THIRD_BATCH)
    for story in stories(CLOSE):
        assert not (story / "labels.toml").read_text(encoding="utf-8").strip()
        mt = (story / "mt.fr.txt").read_text(encoding="utf-8").splitlines()
        ref = (story / "ref.en.txt").read_text(encoding="utf-8").splitlines()
        assert len(mt) == len(ref) == 12


def test_close_translations_raise_no_more_alarms_than_known(evaluation: dict[str, Any]) -> None:
    alarms = _alarms(evaluation, 1)
    assert len(alarms) <= MAX_CLOSE_ALARMS, alarms


def test_close_translations_written_after_the_fixes_raise_no_more_alarms_than_known(
    evaluation: dict[str, Any],
) -> None:
    alarms = _alarms(evaluation, 2)
    assert len(alarms) <= MAX_SECOND_BATCH_ALARMS, alarms


def test_a_third_batch_of_close_translations_raises_no_more_alarms_than_known(
    evaluation: dict[str, Any],
) -> None:
    # Known limits: none left on this batch; its three alarms as written were categories,
    # fixed with invented examples (benchmarks/results/trust.md, "third batch").
    alarms = _alarms(evaluation, 3)
    assert len(alarms) <= MAX_THIRD_BATCH_ALARMS, alarms
