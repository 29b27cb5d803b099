"""Word-level checks: words that hold their place without a link of their own.

A day or a month the reference capitalises, an adjective standing near a number it does
not measure, a code written alike on both sides: none may keep the word link from
judging the one word that was added or dropped beside them; a French adjective of a place
is the reference's name of it; an adverb of manner is judged like an adjective. Hand-made
pairs, back-translated by hand as Apertium would.
"""

from __future__ import annotations

import shutil

import pytest
from support import make_result

from mtqa.checks import lexicon, wordlevel, wordlink
from mtqa.checks.base import CheckContext
from mtqa.checks.wordjudge import counted

pytestmark = [
    pytest.mark.skipif(shutil.which("lt-proc") is None, reason="Apertium is not installed"),
    pytest.mark.skipif(wordlink.wordnet_graph() is None, reason="WordNet is not installed"),
]

CTX = CheckContext(engines=("apertium",))


def summary(mt: str, ref: str, bt: str) -> list[tuple[str, str | None, str | None]]:
    result = make_result([mt], [ref], bt={"apertium": [bt]})
    return [(f.kind, f.mt_span, f.ref_span) for f in wordlevel.check(result, CTX)
            if f.severity != "minor"]


ROOF = "Les ouvriers ont réparé le toit de l'église samedi."
ROOF_BT = "The workers have repaired the roof of the church Saturday."


def test_a_day_the_reference_capitalises_is_accounted_for() -> None:
    # « samedi » means the reference's "Saturday", which the link leaves out as a name:
    # the adjective the reference added is the only word unaccounted for.
    assert summary(ROOF, "The workers repaired the leaking roof of the church on Saturday.",
                   ROOF_BT) == [("omission", None, "leaking")]
    assert summary(ROOF, "The workers repaired the roof of the church on Saturday.",
                   ROOF_BT) == []


@pytest.mark.parametrize(
    ("text", "language", "word", "tied"),
    [
        ("The museum reopened its wooden doors after two years of work.", "en", "wooden", False),
        ("Le nouveau pont, long de deux kilomètres, relie l'île au continent.", "fr", "long", True),
        ("The boy is three years old.", "en", "old", True),
        ("Ils ont vécu trois longues années à Lyon.", "fr", "longues", True),
        ("Il a marché trente minutes.", "fr", "marché", True),
        # a code that begins with letters is a name, no amount
        ("La route N7 est fermée aux voitures depuis lundi.", "fr", "fermée", False),
    ],
)
def test_an_adjective_is_tied_to_a_number_only_by_the_parse(
    text: str, language: str, word: str, tied: bool,
) -> None:
    tokens = lexicon.parse(text, language)
    token = next(t for t in tokens if t.text == word)
    assert counted(token, tokens) is tied


ROAD = "La route N7 est fermée aux voitures depuis lundi."
ROAD_BT = "The road N7 is closed to the cars from Monday."


def test_a_code_spelt_alike_on_both_sides_holds_no_place() -> None:
    # « N7 » is written the same in the reference: it renders itself, so the place of the
    # verb the reference dropped is empty, and « fermée » is reported
    assert summary(ROAD, "The N7 road has been to cars since Monday.", ROAD_BT) == [
        ("addition", "fermée", None)]
    assert summary(ROAD, "The N7 road has been closed to cars since Monday.", ROAD_BT) == []


def test_an_adjective_of_a_place_is_the_reference_s_name_of_it() -> None:
    # « parisien » is rendered by the name used as a modifier ("a Paris museum")
    assert summary("Un musée parisien a acheté le tableau lundi.",
                   "A Paris museum bought the painting on Monday.",
                   "A Parisian museum has bought the picture Monday.") == []
    assert summary("Le musée parisien a acheté le tableau.", "The museum bought the painting.",
                   "The Parisian museum has bought the picture.") == [
        ("addition", "parisien", None)]


COMMITTEE = "Le comité a examiné le rapport avant la réunion."
COMMITTEE_BT = "The committee has examined the report before the meeting."


@pytest.mark.parametrize(
    ("mt", "ref", "expected"),
    [
        # an adverb of manner the reference added
        (COMMITTEE, "The committee carefully examined the report before the meeting.",
         [("omission", None, "carefully")]),
        # one that stresses or hedges: translators add those freely
        (COMMITTEE, "The committee really examined the report before the meeting.", []),
        # the French has its own adverb there
        ("Le comité a soigneusement examiné le rapport avant la réunion.",
         "The committee carefully examined the report before the meeting.", []),
    ],
)
def test_an_adverb_of_manner_is_judged_like_an_adjective(mt: str, ref: str, expected: list) -> None:
    bt = COMMITTEE_BT if "soigneusement" not in mt else (
        "The committee has carefully examined the report before the meeting.")
    assert summary(mt, ref, bt) == expected


FLEET = "Le {noun} Vantor a livré 735 camions l'an dernier, dont 68 fabriqués à Lille."
FLEET_BT = ("The {noun} Vantor delivered 735 lorries the last year, of which 68 manufactured "
            "to Lille.")
FLEET_REF = "Vantor delivered 735 lorries last year, including 68 built in Lille."


def test_a_noun_for_a_kind_of_organisation_before_its_name_is_the_name() -> None:
    # « le groupe Vantor » is the company the reference names alone
    assert summary(FLEET.format(noun="groupe"), FLEET_REF, FLEET_BT.format(noun="group")) == []
    # a person's title or trade before the name is still a word of its own
    assert summary(FLEET.format(noun="juge"), FLEET_REF, FLEET_BT.format(noun="judge")) == [
        ("addition", "juge", None)]
