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



@pytest.mark.parametrize(
    ("mt", "ref", "spans"),
    [
        # a title gives the name's gender
        ("Mme Petit a vendu sa boulangerie.", "Mrs Petit sold his bakery.", ("Mme Petit", "his")),
        ("M. Blanc a garé sa voiture devant la mairie.",
         "Mr Blanc parked her car outside the town hall.", ("M. Blanc", "her")),
        # the feminine of a noun for a man says it after « l' » too
        ("L'avocate a plaidé sa cause avec talent.", "The lawyer argued his case skilfully.",
         ("L'avocate", "his")),
        # a plural noun cannot own « his »; « la » says it whatever the tagger thinks
        ("La présidente a défendu son projet devant les journalistes.",
         "The president defended his plan in front of the journalists.",
         ("La présidente", "his")),
        # a possessive whose noun is a subject (« son neveu ») is left out, not a blocker
        ("Mme Petit a vendu sa boutique ; son neveu la tiendra.",
         "Mrs Petit sold his shop; her nephew will run it.", ("Mme Petit", "his")),
    ],
)
def test_a_possessor_a_title_or_a_womans_noun_genders_is_found(
    mt: str, ref: str, spans: tuple[str, str]
) -> None:
    assert _found(mt, ref, ref, "pronoun_gender") == [spans]


@pytest.mark.parametrize(
    ("mt", "ref"),
    [
        ("Mme Petit a vendu sa boulangerie à son neveu.",
         "Mrs Petit sold her bakery to her nephew."),
        # another person before the possessive may own it
        ("M. Blanc a aidé Marie à porter ses valises.",
         "Mr Blanc helped Marie carry her suitcases."),
        # « l' » before a noun of either gender says nothing
        ("L'auteur a présenté son livre.", "The author presented her book."),
    ],
)
def test_possessors_a_title_agrees_with_or_another_may_own_are_not_flagged(
    mt: str, ref: str
) -> None:
    assert _found(mt, ref, ref, "pronoun_gender") == []


@pytest.mark.parametrize(
    ("mt", "ref", "bt", "spans"),
    [
        # a participle after « l'a » agrees with the object pronoun
        ("Le maire l'a nommée à la tête du service.",
         "The mayor appointed him head of the department.",
         "The mayor has appointed it to the head of the service.", ("l'a nommée", "him")),
        ("Elle l'a accompagné à la gare.", "She took her to the station.",
         "She has accompanied it to the station.", ("l'a accompagné", "her")),
        # a pronominal verb's participle agrees with its subject
        ("Claire s'est présentée aux élections.", "Claire put himself forward in the election.",
         "Claire has presented to the elections.", ("s'est présentée", "himself")),
        ("Le garçon s'est caché sous le lit.", "The boy hid herself under the bed.",
         "The boy has hidden under the bed.", ("s'est caché", "herself")),
    ],
)
def test_a_gender_french_agreement_shows_is_found(
    mt: str, ref: str, bt: str, spans: tuple[str, str]
) -> None:
    assert _found(mt, ref, bt, "pronoun_gender") == [spans]


def test_a_back_translation_that_reads_the_french_as_the_reference_does_vetoes() -> None:
    assert _found("Elle l'a accompagné à la gare.", "She took her to the station.",
                  "She took her to the station.", "pronoun_gender") == []


@pytest.mark.parametrize(
    ("mt", "ref"),
    [
        # agreeing
        ("Il l'a trouvée très drôle.", "He found her very funny."),
        ("Claire s'est présentée aux élections.", "Claire put herself forward in the election."),
        # an indirect « se » never agrees: its masculine participle says nothing
        ("Claire s'est offert un voyage.", "Claire treated herself to a trip."),
        ("Sophie s'est acheté une robe.", "Sophie bought herself a dress."),
        # no participle to agree, or a neuter « l' »
        ("Les enfants l'adorent.", "The children adore her."),
        ("Je l'ai dit à ma sœur.", "I told her so."),
    ],
)
def test_agreement_that_agrees_or_says_nothing_is_not_flagged(mt: str, ref: str) -> None:
    assert _found(mt, ref, ref, "pronoun_gender") == []
