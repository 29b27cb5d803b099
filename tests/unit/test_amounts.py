"""Amounts in words (magnitudes, fractions, multiples, approximate counts): the same amount
said another way matches, a different one is a mismatch, one side alone is nothing.

Every sentence is invented for these tests.
"""

from __future__ import annotations

import pytest
from support import make_result

from mtqa.checks import numbers
from mtqa.checks.base import CheckContext
from mtqa.language.amounts import vague_amounts


def critical(mt: str, ref: str) -> list[tuple[str | None, str | None]]:
    result = make_result([mt], [ref])
    found = numbers.check(result, CheckContext(engines=()))
    for f in found:
        assert f.mt_span is None or f.mt_span in mt
        assert f.ref_span is None or f.ref_span in ref
    return [(f.mt_span, f.ref_span) for f in found if f.severity in ("critical", "major")]


@pytest.mark.parametrize(
    ("text", "lang", "read"),
    [
        ("Des dizaines de milliers de fans", "fr", [("magnitude", 1e4)]),
        ("Hundreds of thousands of fans", "en", [("magnitude", 1e5)]),
        ("several million euros", "en", [("magnitude", 1e6)]),
        ("several hundred billion a year", "en", [("magnitude", 1e11)]),
        ("les deux tiers des élèves", "fr", [("fraction", 2 / 3)]),
        ("a quarter of businesses", "en", [("fraction", 1 / 4)]),
        ("un quart d'heure", "fr", []),  # a quarter of an hour is a time
        ("The third quarter", "en", []),  # a period, not a fraction
        ("le pays tiers", "fr", []),
        ("Les ventes ont triplé", "fr", [("multiple", 3.0)]),
        ("a fourfold rise", "en", [("multiple", 4.0)]),
        ("des jumeaux", "fr", [("multiple", 2.0)]),
    ],
)
def test_amounts_in_words_are_read(text: str, lang: str, read: list[tuple[str, float]]) -> None:
    found = [(kind, value) for kind, value, _, _ in vague_amounts(text, lang)]
    assert [k for k, _ in found] == [k for k, _ in read]
    assert all(abs(a[1] - b[1]) < 1e-9 for a, b in zip(found, read, strict=True))


@pytest.mark.parametrize(
    ("mt", "ref", "spans"),
    [
        ("Des centaines de personnes ont défilé.", "Thousands of people marched.",
         ("Des centaines", "Thousands")),
        ("La moitié des électeurs se sont abstenus.", "A third of voters abstained.",
         ("La moitié", "A third")),
        ("Le prix a doublé en un an.", "The price tripled in a year.", ("doublé", "tripled")),
        ("Elle a eu des jumeaux.", "She had triplets.", ("jumeaux", "triplets")),
        ("Une douzaine de manifestants ont été arrêtés.", "Twenty protesters were arrested.",
         ("Une douzaine", "Twenty")),
        ("La moitié des salariés travaillent à distance.", "30% of employees work remotely.",
         ("La moitié", "30%")),
    ],
)
def test_a_different_amount_in_words_is_a_mismatch(
    mt: str, ref: str, spans: tuple[str, str]
) -> None:
    assert critical(mt, ref) == [spans]


@pytest.mark.parametrize(
    ("mt", "ref"),
    [
        ("Des milliers de personnes ont manifesté.", "Thousands of people demonstrated."),
        ("Des dizaines de blessés ont été soignés.", "Dozens of injured people were treated."),
        ("Plusieurs millions d'euros ont été investis.", "Several million euros were invested."),
        ("Les dégâts atteignent plusieurs centaines de millions d'euros.",
         "The damage runs to several hundred million euros."),
        ("Un tiers des électeurs se sont abstenus.", "A third of voters abstained."),
        ("La moitié des salariés travaillent à distance.", "50% of employees work remotely."),
        ("Une trentaine de pays ont signé.", "About 30 countries signed."),
        ("Une quinzaine de personnes étaient présentes.", "A dozen or so people were there."),
        # one side only: a translation may leave a vague amount out
        ("Le prix a été multiplié par trois.", "The price rose sharply."),
        ("Des milliers de personnes ont manifesté.", "Crowds demonstrated."),
        # « doubler » a lorry, a film: no amount on the other side
        ("Il a doublé le camion sur l'autoroute.", "He overtook the lorry on the motorway."),
    ],
)
def test_the_same_amount_said_another_way_or_left_out_is_no_finding(mt: str, ref: str) -> None:
    assert critical(mt, ref) == []


@pytest.mark.parametrize(
    ("mt", "ref"),
    [
        # a Roman ordinal of one or two is as weak as "first" or "second"
        ("La tombe date du IIe siècle.", "It is a second-century tomb."),
        # a time of the evening on a twelve-hour clock
        ("Le magasin ferme à dix-neuf heures.", "The shop closes at seven in the evening."),
        # a span counted in millennia
        ("Ils l'ont construit il y a deux mille ans.", "They built it two millennia ago."),
        ("Ils l'ont construit il y a 3 000 ans.", "They built it three millennia ago."),
        ("Le conflit a duré un millénaire.", "The conflict lasted a thousand years."),
    ],
)
def test_the_same_count_in_another_unit_or_clock_is_no_finding(mt: str, ref: str) -> None:
    assert critical(mt, ref) == []


def test_another_evening_hour_is_still_a_mismatch() -> None:
    assert critical("Le magasin ferme à dix-neuf heures.", "The shop closes at eight tonight.") == [
        ("dix-neuf heures", "eight")
    ]


def test_a_mismatch_in_words_says_what_each_side_means() -> None:
    result = make_result(["La moitié des salariés et des milliers de clients ont doublé."],
                         ["A third of staff and hundreds of clients tripled."])
    found = numbers.check(result, CheckContext(engines=()))
    described = sorted((f.evidence["mt"], f.evidence["ref"]) for f in found)
    assert described == [
        ("1,000s", "100s"), ("2 times", "3 times"), ("fraction 1/2", "fraction 1/3"),
    ]



@pytest.mark.parametrize(
    ("mt", "ref"),
    [
        # "m" after an amount of money is million, as « millions » (not metres: "a 100m race")
        ("Le pont a coûté près de cent millions d'euros.", "The bridge cost close to €100m."),
        ("L'amende s'élève à 3,2 millions de livres.", "The fine comes to £3.2m."),
        ("Il a remporté le 100 m en 9,9 secondes.", "He won the 100m in 9.9 seconds."),
    ],
)
def test_millions_written_m_after_money_are_millions(mt: str, ref: str) -> None:
    assert critical(mt, ref) == []
