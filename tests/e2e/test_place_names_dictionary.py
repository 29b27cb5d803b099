"""Place names through Apertium's dictionaries: the shared lt-proc processes, escaped
input, failures that are seen."""

from __future__ import annotations

import shutil

import pytest

from mtqa.checks.entities.places import ApertiumNames

ODD = ["Mos$cou", "Var^sovie", "Lon/dres", "Ber\\lin", "<b>", "{x}", "[y]", "@z", "Pa\x00ris"]


@pytest.fixture
def names() -> ApertiumNames:
    found = ApertiumNames()
    if not found.available:
        pytest.skip("Apertium fr-es and eng-spa dictionaries are not installed")
    return found


def test_odd_words_do_not_spoil_the_names_around_them(names: ApertiumNames) -> None:
    alone = {w: ApertiumNames().french([w])[w] for w in ("Moscou", "Varsovie")}
    assert "moscu" in alone["Moscou"].spanish and "varsovia" in alone["Varsovie"].spanish
    mixed = names.french([*ODD[:4], "Moscou", *ODD[4:], "Varsovie"])
    assert mixed["Moscou"] == alone["Moscou"] and mixed["Varsovie"] == alone["Varsovie"]
    english = names.english(["Mos$cow", "Moscow", "War]saw", "Warsaw"])
    assert "moscu" in english["Moscow"] and "varsovia" in english["Warsaw"]
    words = names.english_words(["Lights", "<Northern>", "Continue"])
    assert words["Continue"].common and words["Lights"].common_only


def test_a_failed_lookup_is_an_error_not_an_empty_answer(names: ApertiumNames) -> None:
    from mtqa.language.apertium import Dictionary, DictionaryError

    names.dictionary = Dictionary()
    names.dictionary.lt_proc = shutil.which("false")  # a dictionary program that dies at once
    with pytest.raises(DictionaryError, match="lt-proc stopped"):
        names.french(["Moscou"])
    assert "Moscou" not in names._french
    names.dictionary.close()
