"""The Apertium word dictionary: one long-lived lt-proc per dictionary, escaped input,
failures that are seen."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mtqa.language.apertium import Dictionary, DictionaryError, escape_word, stream_units


@pytest.fixture
def dictionary() -> Dictionary:
    found = Dictionary()
    if not found.available:
        pytest.skip("Apertium fr-es and eng-spa dictionaries are not installed")
    yield found
    found.close()


NORMAL = ["maison", "chien", "banque", "prix"]
ODD = ["prix$x", "le^a", "chat/chien", "a\\b", "<b>", "{x}", "[y]", "@z", "nul\x00l", "ligne\nl"]


def test_escaping_keeps_every_reserved_character() -> None:
    escaped = escape_word("a$b^c/d@e<f>g{h}i[j]k\\l")
    assert escaped == "a\\$b\\^c\\/d\\@e\\<f\\>g\\{h\\}i\\[j\\]k\\\\l"
    assert "\x00" not in escape_word("a\x00b") and "\n" not in escape_word("a\nb")
    assert stream_units("^a\\$b/x\\/y<n>$ \\^ ^c/d$") == [["a\\$b", "x\\/y<n>"], ["c", "d"]]


def test_odd_words_do_not_spoil_the_lookup_of_the_others(dictionary: Dictionary) -> None:
    alone = {w: Dictionary().french_senses([w])[w] for w in NORMAL}
    mixed = dictionary.french_senses(ODD[:5] + NORMAL + ODD[5:])
    assert {w: mixed[w] for w in NORMAL} == alone
    assert all(alone.values())
    # a word with an escaped character is still looked up in its parts
    assert "dog" in mixed["chat/chien"] and "price" in mixed["prix$x"]
    english = dictionary.english_senses(["dog^", "$", "house"])
    assert "chien" in english["dog^"] and "maison" in english["house"]


def test_lookups_reuse_one_process_per_dictionary(dictionary: Dictionary) -> None:
    dictionary.french_senses(["maison"])
    process = dictionary._processes["fr_morph"].process
    dictionary.french_senses(["chien", "chat", "banque"])
    assert dictionary._processes["fr_morph"].process is process
    assert process is not None and process.poll() is None
    before = dictionary.lookups
    dictionary.french_senses(["maison", "chien"])  # cached: no lookup at all
    assert dictionary.lookups == before


def test_a_failed_lookup_raises_and_caches_nothing(tmp_path: Path) -> None:
    dictionary = Dictionary()
    if not dictionary.available:
        pytest.skip("Apertium fr-es and eng-spa dictionaries are not installed")
    dictionary.lt_proc = shutil.which("false")  # a dictionary program that dies at once
    with pytest.raises(DictionaryError, match="fr-es.automorf.bin: lt-proc stopped"):
        dictionary.french_senses(["maison"])
    assert ("fr", "maison") not in dictionary._cache
    dictionary.close()


def test_a_dead_process_is_an_error_then_restarted(dictionary: Dictionary) -> None:
    dictionary.french_senses(["maison"])
    process = dictionary._processes["fr_es"].process
    assert process is not None
    process.kill()
    process.wait()
    # a process found dead before a lookup is simply started again
    assert "dog" in dictionary.french_senses(["chien"])["chien"]


def test_started_ahead_every_process_runs_and_lookups_use_them(dictionary: Dictionary) -> None:
    """``start`` starts each dictionary's lt-proc at once; lookups then use those processes
    and find what a dictionary started on demand finds."""
    dictionary.start()
    started = {name: process.process for name, process in dictionary._processes.items()}
    assert set(started) == set(dictionary.files)
    assert all(p is not None and p.poll() is None for p in started.values())
    on_demand = Dictionary()
    try:
        assert dictionary.french_senses(NORMAL) == on_demand.french_senses(NORMAL)
        assert dictionary.english_senses(["house", "bank"]) == on_demand.english_senses(
            ["house", "bank"]
        )
    finally:
        on_demand.close()
    assert {n: p.process for n, p in dictionary._processes.items()} == started


def test_everyday_senses_the_entries_lack_are_added(dictionary: Dictionary) -> None:
    found = dictionary.french_senses(["anciennes", "actuelle", "sommets", "avion", "maison"])
    assert {"former", "old"} <= found["anciennes"]
    assert "present" in found["actuelle"]
    assert "peak" in found["sommets"]
    assert "aircraft" in found["avion"]
    assert "former" not in found["maison"]
    # a feminine in -sse of a masculine in -s (grosse: gros, big)
    assert "big" in dictionary.french_senses(["grosses"])["grosses"]
    # the 1990 spelling of a form the entries have in the older one
    spelt = dictionary.french_senses(["génèrerait", "évènement", "très"])
    assert "generate" in spelt["génèrerait"] and "event" in spelt["évènement"]
    assert spelt["très"] and not {"tres"} & spelt["très"]
    more = dictionary.french_senses(["remporter", "parcours", "baisse", "hausse"])
    assert "win" in more["remporter"] and "course" in more["parcours"]
    assert {"cut", "fall"} <= more["baisse"] and "rise" in more["hausse"]
