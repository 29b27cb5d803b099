"""A French noun in a prepositional locution that an English phrasal verb renders."""

from __future__ import annotations

import pytest
from test_check_wordlevel import findings, pytestmark, summary  # noqa: F401

# (French, English with a phrasal verb, back-translation, the English without its particle)
LOCUTIONS = [
    ("Les journalistes ont été tenus à l'écart pendant la réunion.",
     "Journalists were kept out during the meeting.",
     "The journalists have been held to the separation during the meeting.",
     "Journalists were kept during the meeting."),
    ("Les supporters ont été tenus à l'écart du stade.", "Fans were kept out of the stadium.",
     "The supporters have been held to the separation of the stadium.",
     "Fans were kept from the stadium."),
    ("Le gouvernement a mis en place un nouveau plan.", "The government set up a new plan.",
     "The government has put in place a new plan.", "The government set a new plan."),
]


@pytest.mark.parametrize(("mt", "ref", "bt", "bare"), LOCUTIONS)
def test_a_locution_rendered_by_a_particle_is_no_addition(
    mt: str, ref: str, bt: str, bare: str
) -> None:
    assert [k for k, *_ in summary(findings(mt, ref, bt))] == []
    # without the particle nothing in the reference renders the locution's noun
    assert [k for k, *_ in summary(findings(mt, bare, bt))] == ["addition"]
