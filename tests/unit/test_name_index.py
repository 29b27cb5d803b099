"""NameIndex answers what comparing a French word with every English name would answer.

The entity check asks, for each French name of a long document, whether any capitalised
word of the whole reference is its name or close to it; the index must give the answer of
that comparison (``same_name`` with places, ``name_similarity`` against the threshold) for
names that are identical, exonyms, plurals, transliterations, place forms, misspellings,
unrelated, and similarities exactly at the threshold. Names are invented or common places.
"""

from __future__ import annotations

import pytest

from mtqa.checks.entities.names import NameIndex, name_similarity, same_name

ENGLISH = [
    "Marlowe", "Dmitri", "Vasquez", "Okonkwo", "Haverkamp", "Gorbachev", "Khrushchev",
    "Putin", "Yeltsin", "Zelenskyy", "Crimea", "Siberia", "Hormuz", "Germany", "London",
    "Sami", "Carla", "Brandt", "Jensen", "Petrov", "Lukashenko", "Antwerp", "Tajik",
    "Marlowe", "NATO", "Zhou", "Abc", "Curies", "Kennedys", "Bushes",
]
FRENCH = [
    "Marlow", "Dimitri", "Vazquez", "Okonkow", "Haverkampf", "Gorbatchev", "Khrouchtchev",
    "Poutine", "Eltsine", "Zelensky", "Crimée", "Sibérie", "Ormuz", "Allemagne", "Londres",
    "Samis", "Carlos", "Bardet", "Hansen", "Pavlov", "Loukachenko", "Anvers", "Tadjik",
    "OTAN", "Tchou", "Abd", "Xyz", "Moreau", "Volkov", "Sx", "Abcs", "Lemaire", "Île",
    "Ω", "Curie", "Kennedy", "Bush", "Curi", "Kennedx",
]


def brute(names: list[str], word: str, threshold: float) -> bool:
    return any(
        same_name(name, word, place=True) or name_similarity(name, word) >= threshold
        for name in names
    )


# the thresholds the checks use, and similarities some pairs above reach exactly
THRESHOLDS = sorted(
    {0.6, 0.75, 0.85, 1.0}
    | {round(name_similarity(e, f), 12) for e in ENGLISH[:8] for f in FRENCH[:8]}
    | {name_similarity("Abc", "Abd"), name_similarity("Carla", "Carlos")}
)


@pytest.mark.parametrize("threshold", THRESHOLDS)
def test_the_index_answers_as_comparing_with_every_name(threshold: float) -> None:
    index = NameIndex(ENGLISH)
    for word in FRENCH + ENGLISH:
        assert index.close(word, threshold) == brute(ENGLISH, word, threshold), word


def test_each_kind_of_answer_is_reached() -> None:
    # the comparison above would prove little if every word were close, or none
    index = NameIndex(["Sami", "Crimea", "Germany", "Gorbachev", "Okonkwo"])
    assert index.same("Samis")  # a French plural
    assert NameIndex(["Curies"]).same("Curie")  # an English plural
    assert index.same("Crimée")  # a place ending
    assert index.same("Allemagne")  # an exonym
    assert index.same("Gorbatchev")  # a transliteration
    assert not index.same("Okonkow") and index.similar("Okonkow", 0.75)  # a misspelling
    assert not index.close("Petrov", 0.75)
    assert not NameIndex([]).close("Petrov", 0.75)
