"""A person's sex where no subject « il » / « elle » says it: gendered nouns and titles,
a stressed pronoun after a preposition, two people's pronouns counted, a reflexive whose
subject noun or unknown participle shows the gender, a possessor a sexed noun genders.
Examples written from general knowledge of French–English translation."""

from __future__ import annotations

import pytest
from test_check_grammar import _found, pytestmark  # noqa: F401  (the models' skip)


@pytest.mark.parametrize(
    ("mt", "ref", "bt", "spans"),
    [
        ("Le prince a visité l'école.", "The princess visited the school.",
         "The prince has visited the school.", ("prince", "princess")),
        ("Sa nièce habite à Lyon.", "His nephew lives in Lyon.",
         "His niece lives to Lyon.", ("nièce", "nephew")),
        ("Mon oncle est pilote.", "My aunt is a pilot.", "My uncle is pilot.",
         ("oncle", "aunt")),
        # a masculine word used for anyone, against its marked feminine
        ("L'acteur a signé le contrat.", "The actress signed the contract.",
         "The actor has signed the contract.", ("acteur", "actress")),
        # a title before the same name
        ("M. Durand dirige l'usine.", "Ms Durand runs the factory.",
         "M. Durand directs the factory.", ("M.", "Ms")),
    ],
)
def test_a_gendered_noun_or_title_of_the_other_sex_is_found(
    mt: str, ref: str, bt: str, spans: tuple[str, str]
) -> None:
    assert _found(mt, ref, bt, "pronoun_gender") == [spans]


@pytest.mark.parametrize(
    ("mt", "ref", "bt"),
    [
        # English "actor", "waiter" name women too
        ("L'actrice a reçu un prix.", "The actor received an award.",
         "The actress has received a prize."),
        # one of each on both sides
        ("Le roi et la reine ont visité le port.", "The king and the queen visited the port.",
         "The king and the queen have visited the port."),
        ("La reine a parlé à la nation.", "The queen addressed the nation.",
         "The queen has spoken to the nation."),
        # no gendered word on the English side
        ("Les droits de l'homme sont universels.", "Human rights are universal.",
         "The rights of the man are universal."),
        ("Mme Durand dirige l'usine.", "Ms Durand runs the factory.",
         "Mrs Durand directs the factory."),
    ],
)
def test_gendered_nouns_that_agree_or_name_anyone_are_not_flagged(
    mt: str, ref: str, bt: str
) -> None:
    assert _found(mt, ref, bt, "pronoun_gender") == []


@pytest.mark.parametrize(
    ("mt", "ref", "bt", "spans"),
    [
        # « lui » after a preposition is a man, « elle » a woman
        ("Nous avons voyagé avec lui.", "We travelled with her.",
         "We have travelled with him.", ("avec lui", "her")),
        ("Les enfants ont couru vers elle.", "The children ran towards him.",
         "The children have run towards her.", ("vers elle", "him")),
        # a masculine participle after « l' », the English object of a preposition
        ("Elle l'a emmené à l'hôpital.", "She took her to hospital.",
         "It has taken it to the hospital.", ("l'a emmené", "her")),
        # two people, one of each: the MT has the other one twice
        ("Il a promis à sa fille qu'elle pourrait venir.",
         "He promised his daughter that he could come.",
         "He has promised to his daughter that it could come.", ("elle", "he")),
        # a pronominal verb Apertium does not know: its ending shows the agreement
        ("La ministre s'est désistée.", "The minister withdrew himself.",
         "The minister is désistée.", ("s'est désistée", "himself")),
        # the subject noun of a pronominal verb whose « se » is indirect
        ("Le boulanger s'est offert des vacances.", "The baker treated herself to a holiday.",
         "The baker has offered  holidays.", ("s'est offert", "herself")),
    ],
)
def test_a_gender_french_pronouns_or_agreement_show_is_found(
    mt: str, ref: str, bt: str, spans: tuple[str, str]
) -> None:
    assert _found(mt, ref, bt, "pronoun_gender") == [spans]


@pytest.mark.parametrize(
    ("mt", "ref", "bt"),
    [
        # the clitic « lui » is either gender
        ("Il lui a écrit une lettre.", "He wrote her a letter.", "He has written a letter."),
        # « l' » before a complement in « à » is mostly the neuter thing said
        ("Je l'ai raconté à Julie.", "I told her.", "I have told it to Julie."),
        ("Je l'ai expliqué à mon frère.", "I explained that to her.",
         "I have explained it to my brother."),
        # two people whose roles are swapped: as many of each gender
        ("Quand il est arrivé, elle dormait.", "She was asleep when he arrived.",
         "When it is arrived, slept."),
    ],
)
def test_pronouns_that_say_no_gender_are_not_flagged(mt: str, ref: str, bt: str) -> None:
    assert _found(mt, ref, bt, "pronoun_gender") == []


@pytest.mark.parametrize(
    ("mt", "ref", "spans"),
    [
        # a noun that names one sex, whatever its determiner
        ("Ta tante a vendu son appartement.", "Your aunt sold his flat.", ("Ta tante", "his")),
        # a masculine possessive determiner before a consonant
        ("Mon collègue a oublié sa valise.", "My colleague forgot her suitcase.",
         ("Mon collègue", "her")),
    ],
)
def test_a_possessor_a_sexed_noun_or_its_determiner_genders_is_found(
    mt: str, ref: str, spans: tuple[str, str]
) -> None:
    assert _found(mt, ref, ref, "pronoun_gender") == [spans]


@pytest.mark.parametrize(
    ("mt", "ref", "bt", "spans"),
    [
        # a first name of one sex owns the possessive, or is the reflexive's subject
        ("Nathalie a présenté son projet au conseil.",
         "Nathalie presented his project to the council.",
         "Nathalie has presented his project to the council.", ("Nathalie", "his")),
        ("Julien s'est acheté un vélo.", "Julien bought herself a bicycle.",
         "Julien has bought  a bicycle.", ("s'est acheté", "herself")),
    ],
)
def test_a_first_name_of_one_sex_genders_its_owner(
    mt: str, ref: str, bt: str, spans: tuple[str, str]
) -> None:
    assert _found(mt, ref, bt, "pronoun_gender") == [spans]


@pytest.mark.parametrize(
    ("mt", "ref"),
    [
        # a name of either sex, a place
        ("Camille a présenté son projet au conseil.",
         "Camille presented his project to the council."),
        ("Camille a présenté son projet au conseil.",
         "Camille presented her project to the council."),
        ("Paris a perdu son maire.", "Paris lost his mayor."),
        ("Julien a vendu sa voiture.", "Julien sold his car."),
    ],
)
def test_names_of_either_sex_or_agreeing_are_not_flagged(mt: str, ref: str) -> None:
    assert _found(mt, ref, ref, "pronoun_gender") == []


@pytest.mark.parametrize(
    ("mt", "ref", "bt", "spans"),
    [
        # an English pronoun where the French has none faces the French subject
        ("Mme Girard a promis de rembourser la somme.",
         "Ms Girard promised he would pay the sum back.",
         "Mrs Girard has promised to reimburse the sum.", ("Mme Girard", "he")),
        ("Le boulanger a décidé de fermer en août.",
         "The baker decided she would close in August.",
         "The baker has decided to close in August.", ("Le boulanger", "she")),
        # « le » before a verb, with no indirect object beside it, is a man
        ("Je le connais depuis l'enfance.", "I have known her since childhood.",
         "I know it from the childhood.", ("le", "her")),
    ],
)
def test_a_pronoun_the_french_leaves_implied_or_a_masculine_le_is_judged(
    mt: str, ref: str, bt: str, spans: tuple[str, str]
) -> None:
    assert _found(mt, ref, bt, "pronoun_gender") == [spans]


@pytest.mark.parametrize(
    ("mt", "ref", "bt"),
    [
        # someone else the English pronoun may stand for
        ("Le juge a condamné l'accusé à dix ans de prison.",
         "The judge sentenced the defendant, saying he deserved ten years.",
         "The judge has condemned the accused to ten years of prison."),
        ("Mme Girard a promis de rembourser la somme.",
         "Ms Girard promised she would pay the sum back.",
         "Mrs Girard has promised to reimburse the sum."),
        # « le » beside an indirect object is the thing said
        ("Je le lui ai dit hier.", "I told her yesterday.", "I have said it yesterday."),
        ("Je le sais depuis longtemps.", "I have known it for a long time.",
         "I know it from long."),
    ],
)
def test_implied_pronouns_and_a_neuter_le_are_not_flagged(mt: str, ref: str, bt: str) -> None:
    assert _found(mt, ref, bt, "pronoun_gender") == []
