"""Known bodies the MT names in French words where the reference names another organisation.

Every case is invented; the bodies and their French forms are general knowledge
(``configs/exonyms.toml`` ``[bodies]``).
"""

from __future__ import annotations

import pytest
from support import make_result

from mtqa.checks import entities
from mtqa.checks.base import CheckContext
from mtqa.checks.entities.bodies import named_bodies
from mtqa.language.lexicons import exonyms
from mtqa.model import Finding

needs_apertium = pytest.mark.usefixtures("apertium")


def run(mt: str, ref: str) -> list[Finding]:
    result = make_result([mt], [ref])
    ctx = CheckContext(engines=(), settings={"entities": {"ner": "auto"}})
    return entities.check(result, ctx)


def critical(findings: list[Finding]) -> list[tuple[str, str | None, str | None]]:
    return [(f.kind, f.mt_span, f.ref_span) for f in findings if f.severity == "critical"]


def test_the_french_name_of_a_body_is_found_whole_and_capitalised() -> None:
    tables = exonyms()
    found = named_bodies(
        "Selon l'Organisation des Nations unies, un accord est possible avec l'OTAN.", tables
    )
    assert [(n.span.text, sorted(n.bodies)) for n in found] == [
        ("Organisation des Nations unies", ["united nations"]),
        ("OTAN", ["nato"]),
    ]
    assert named_bodies("Un incendie a détruit une usine.", tables) == []


@needs_apertium
@pytest.mark.parametrize(
    ("mt", "ref", "mt_span", "ref_span"),
    [
        (
            "La Banque centrale européenne a laissé ses taux inchangés jeudi.",
            "The Bank of Japan left its rates unchanged on Thursday.",
            "Banque centrale européenne",
            "Bank of Japan",
        ),
        (
            "Selon l'Organisation mondiale de la santé, la rougeole progresse en Europe.",
            "According to UNESCO, measles is spreading in Europe.",
            "Organisation mondiale de la santé",
            "UNESCO",
        ),
        (
            "Le Fonds monétaire international a relevé sa prévision de croissance.",
            "The World Bank raised its growth forecast.",
            "Fonds monétaire international",
            "World Bank",
        ),
        # the French acronym the reference lacks is the same error: one finding
        ("L'OTAN a tenu un sommet à Vilnius.", "The G7 held a summit in Vilnius.", "OTAN", "G7"),
    ],
)
def test_a_body_replaced_by_another_organisation_is_one_drift(
    mt: str, ref: str, mt_span: str, ref_span: str
) -> None:
    assert critical(run(mt, ref)) == [("entity_drift", mt_span, ref_span)]


@needs_apertium
@pytest.mark.parametrize(
    ("mt", "ref"),
    [
        # the body by another of its names, or in the other spelling of English
        (
            "L'Organisation mondiale de la santé a publié un rapport sur le paludisme.",
            "The World Health Organisation published a report on malaria.",
        ),
        ("L'Organisation mondiale de la santé a publié un rapport.", "The WHO published a report."),
        # not named: a translator may say what the body is
        ("L'OTAN a tenu un sommet à Vilnius.", "The alliance held a summit in Vilnius."),
        ("L'UE a adopté des sanctions.", "The bloc adopted sanctions."),
        ("Le FMI a accordé un prêt à l'Égypte.", "The fund granted Egypt a loan."),
        (
            "La Commission européenne a proposé une nouvelle directive.",
            "The Commission proposed a new directive.",
        ),
        (
            "L'Organisation mondiale de la santé a lancé une alerte.",
            "The UN health agency issued an alert.",
        ),
        # another organisation the French renders too
        (
            "Le Fonds monétaire international et Renault ont signé un accord.",
            "The International Monetary Fund and Renault signed an agreement.",
        ),
        ("L'ONU et l'Unicef ont lancé un appel.", "The UN and UNICEF launched an appeal."),
    ],
)
def test_a_body_the_reference_names_or_describes_is_no_finding(mt: str, ref: str) -> None:
    assert critical(run(mt, ref)) == []
