"""The hypernym check: a reference noun more general than the French word in its place.

Hand-made sentence pairs, back-translated by hand as Apertium would; the dictionary is
Apertium's own (skipped where ``lt-proc`` is not installed), the hierarchy WordNet's.
"""

from __future__ import annotations

import shutil

import pytest
from support import make_result

from mtqa.checks import hypernym, lexicon, wordlink
from mtqa.checks.base import CheckContext
from mtqa.model import Finding

pytestmark = [
    pytest.mark.skipif(shutil.which("lt-proc") is None, reason="Apertium is not installed"),
    pytest.mark.skipif(wordlink.wordnet_graph() is None, reason="WordNet is not installed"),
]

CTX = CheckContext(engines=("apertium",))
HOUSE = "Le chien dormait devant la maison de mon frère."


def findings(mt: str, ref: str, bt: str) -> list[Finding]:
    return hypernym.check(make_result([mt], [ref], bt={"apertium": [bt]}), CTX)


def summary(found: list[Finding]) -> list[tuple[str, str, str | None, str | None]]:
    return [(f.kind, f.severity, f.mt_span, f.ref_span) for f in found]


@pytest.mark.parametrize(
    ("mt", "ref", "bt", "expected"),
    [
        # dog → domestic animal → animal; the back-translation gives "dog" too.
        (
            HOUSE,
            "The animal was sleeping in front of my brother's house.",
            "The dog was sleeping in front of the house of my brother.",
            [("odd_rendering", "major", "chien", "animal")],
        ),
        # « voiture » also translates as "transport", broader than "vehicle": no other
        # meaning, so the MT still says more than the reference.
        (
            "La voiture était garée devant la banque.",
            "The vehicle was parked in front of the bank.",
            "The car was parked in front of the bank.",
            [("odd_rendering", "major", "voiture", "vehicle")],
        ),
        # Without the back-translation's word, one witness only: minor.
        (
            HOUSE,
            "The animal was sleeping in front of my brother's house.",
            "It was sleeping in front of the house of my brother.",
            [("odd_rendering", "minor", "chien", "animal")],
        ),
        # A word the dictionary lacks is read as its English look-alike: hamster → rodent →
        # placental → mammal → ... → animal.
        (
            "Le hamster de ma sœur dort dans sa cage.",
            "My sister's animal sleeps in its cage.",
            "The hamster of my sister sleeps in his cage.",
            [("odd_rendering", "major", "hamster", "animal")],
        ),
        # An abstraction named by a broader word (exploit → accomplishment → act, deed) is
        # a translator's free choice as often as not: minor, even with both witnesses.
        (
            "Le roman raconte les exploits du chevalier.",
            "The novel recounts the knight's deeds.",
            "The novel recounts the exploits of the knight.",
            [("odd_rendering", "minor", "exploits", "deeds")],
        ),
    ],
)
def test_a_more_general_reference_word_is_found(
    mt: str, ref: str, bt: str, expected: list
) -> None:
    assert summary(findings(mt, ref, bt)) == expected


@pytest.mark.parametrize(
    ("mt", "ref", "bt"),
    [
        # A faithful translation.
        (
            HOUSE,
            "The dog was sleeping in front of my brother's house.",
            "The dog was sleeping in front of the house of my brother.",
        ),
        # One step up is the usual English word for the same thing.
        (
            "L'épidémie s'est étendue à la capitale.",
            "The outbreak spread to the capital.",
            "The epidemic has extended to the capital.",
        ),
        # One step up, even to a category of many kinds (liquid, kind): faithful
        # translations say "kind" for « type » and "farmers" for « agriculteurs » too.
        (
            "L'eau du lac était froide ce matin.",
            "The liquid in the lake was cold this morning.",
            "The water of the lake was cold this morning.",
        ),
        (
            "Ce type de moteur consomme peu.",
            "This kind of engine uses little fuel.",
            "This type of engine consumes little.",
        ),
        # The reference names the specific thing too: "the animal" refers back to it.
        (
            "Le chien de mon frère dormait devant la maison.",
            "My brother's dog, the old animal, was sleeping in front of the house.",
            "The dog of my brother was sleeping in front of the house.",
        ),
        # The French noun's complement is the reference noun's modifier: "sheep farmers"
        # renders « éleveurs de moutons » as a whole.
        (
            "Les éleveurs de moutons manifestent devant la préfecture.",
            "Sheep farmers are demonstrating outside the prefecture.",
            "The graziers of sheep demonstrate in front of the prefecture.",
        ),
        # A category high in the hierarchy (object) is said of every noun.
        (
            "La voiture était garée devant la banque.",
            "The object was parked in front of the bank.",
            "The car was parked in front of the bank.",
        ),
        # « avion » is as often "aircraft" or "plane" as "aeroplane"
        (
            "L'avion s'est posé à Lyon après deux heures de vol.",
            "The aircraft landed in Lyon after a two-hour flight.",
            "The aeroplane has landed in Lyon after two hours of flight.",
        ),
    ],
)
def test_ordinary_renderings_are_not_findings(mt: str, ref: str, bt: str) -> None:
    assert findings(mt, ref, bt) == []


def test_generalisation_counts_steps_from_the_first_sense() -> None:
    net = wordlink.wordnet_graph()
    assert net is not None
    assert net.generalisation("animal", "dog", "NOUN", depth=8, min_root_distance=3) == 2
    # entity is the top of the hierarchy: too general to say anything
    assert net.generalisation("entity", "dog", "NOUN", depth=8, min_root_distance=3) is None
    assert net.generalisation("dog", "animal", "NOUN", depth=8, min_root_distance=3) is None
    # "world" is "people" only in a rarer sense
    assert net.generalisation("people", "world", "NOUN", depth=8, min_root_distance=3) is None
    assert net.generalisation("people", "world", "NOUN", depth=8, min_root_distance=3,
                              senses=5) is not None
    assert net.root_distance(net.synsets("entity", "NOUN")[0]) == 0
    assert net.root_distance(net.synsets("animal", "NOUN")[0]) > 3


def test_physical_things_are_told_from_abstractions() -> None:
    net = wordlink.wordnet_graph()
    assert net is not None
    assert net.physical("cat") and net.physical("vaccine") and net.physical("girl")
    assert not net.physical("exploit") and not net.physical("pseudonym")
    assert not net.physical("xyzzy")  # a word WordNet lacks


def test_a_named_condition_by_its_category_is_major() -> None:
    # flu → contagion → communicable disease → disease: a state, not a physical thing, but
    # the reader loses which disease, as for a physical thing named by its category
    found = findings(
        "Le patient souffre d'une grippe sévère.",
        "The patient is suffering from a severe disease.",
        "The patient suffers of a severe flu.",
    )
    assert summary(found) == [("odd_rendering", "major", "grippe", "disease")]


def test_a_noun_is_read_in_its_noun_entries_only() -> None:
    # « entreprises » is also a participle of « entreprendre » (undertake, tackle), whose
    # senses are not under "organisation": read as the noun it is, company → institution →
    # organisation; an organisation is an abstraction: minor
    found = findings(
        "Les entreprises du quartier ferment le dimanche.",
        "The organisations of the neighbourhood close on Sundays.",
        "The companies of the neighbourhood close the Sunday.",
    )
    assert summary(found) == [("odd_rendering", "minor", "entreprises", "organisations")]
    senses = lexicon.dictionary().french_noun_senses(["entreprises"])["entreprises"]
    assert "company" in senses and "undertake" not in senses
