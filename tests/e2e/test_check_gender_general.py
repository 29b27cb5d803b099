"""Pronoun gender beyond the subject pronoun: a person's « il » the filters took for an
impersonal one, and possessives whose owner a French person noun genders. Examples written
from general knowledge of French–English translation."""

from __future__ import annotations

import pytest
from test_check_grammar import _found, pytestmark  # noqa: F401  (the models' skip)


@pytest.mark.parametrize(
    ("mt", "ref", "bt", "spans"),
    [
        # a pronominal verb is no impersonal « il se … » unless it is one (il s'agit)
        ("Il se déclare favorable au projet.", "She declares herself in favour of the plan.",
         "It declares favourable to the project.", ("Il", "She")),
        # « il reste » is impersonal before a noun phrase, a person after « le directeur »
        ("Le directeur a annoncé qu'il restait à Lyon.",
         "The director announced that she was staying in Lyon.",
         "The director has announced that it remained to Lyon.", ("il", "she")),
    ],
)
def test_a_persons_il_is_not_taken_for_an_impersonal_one(
    mt: str, ref: str, bt: str, spans: tuple[str, str]
) -> None:
    assert _found(mt, ref, bt, "pronoun_gender") == [spans]


@pytest.mark.parametrize(
    ("mt", "ref", "bt"),
    [
        ("Il s'agit d'une erreur.", "She is making a mistake.", "It is a mistake."),
        ("Il se trouve que la route est fermée.", "She finds that the road is closed.",
         "It is that the road is closed."),
        ("Il reste deux places.", "She has two seats left.", "It remains two seats."),
    ],
)
def test_impersonal_il_stays_impersonal(mt: str, ref: str, bt: str) -> None:
    assert _found(mt, ref, bt, "pronoun_gender") == []


@pytest.mark.parametrize(
    ("mt", "ref", "spans"),
    [
        # the feminine of a noun for a man, or a noun of either gender after « la »
        ("La traductrice a rendu son manuscrit.", "The translator delivered his manuscript.",
         ("La traductrice", "his")),
        ("La juge a rendu sa décision.", "The judge gave his decision.", ("La juge", "his")),
        # two possessives, one owner
        ("Un ingénieur a présenté ses plans et son budget.",
         "An engineer presented her plans and her budget.", ("Un ingénieur", "her")),
        # a day or a feast is no person the possessive could refer to
        ("Le boulanger a ouvert sa boutique lundi.", "The baker opened her shop on Monday.",
         ("Le boulanger", "her")),
    ],
)
def test_a_possessor_a_french_noun_genders_is_found(
    mt: str, ref: str, spans: tuple[str, str]
) -> None:
    assert _found(mt, ref, ref, "pronoun_gender") == [spans]


@pytest.mark.parametrize(
    ("mt", "ref"),
    [
        # feminine whoever it names
        ("La recrue a signé son contrat.", "The recruit signed his contract."),
        ("La personne a perdu son sac.", "The person lost his bag."),
        # another person the possessive may refer to
        ("La traductrice a rencontré son frère.", "The translator met his brother."),
        ("La juge a félicité Paul pour son courage.", "The judge praised Paul for his courage."),
        # agreeing genders
        ("La traductrice a rendu son manuscrit.", "The translator delivered her manuscript."),
    ],
)
def test_possessors_that_agree_or_may_be_another_are_not_flagged(mt: str, ref: str) -> None:
    assert _found(mt, ref, ref, "pronoun_gender") == []

