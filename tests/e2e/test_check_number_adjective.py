"""An adjective the French tagger reads as a number (« du bois sec »: NUM, ``amod``) is
linked as the adjective, so an opposite in its place is still found; number words stay
numbers. Invented sentences; Apertium's dictionary (skipped where ``lt-proc`` is not
installed), FreeDict's and WordNet's."""

from __future__ import annotations

import shutil

import pytest
from support import make_result

from mtqa.checks import lexicon, wordlevel, wordlink
from mtqa.checks.base import CheckContext
from mtqa.language.freedict import freedict

pytestmark = [
    pytest.mark.skipif(shutil.which("lt-proc") is None, reason="Apertium is not installed"),
    pytest.mark.skipif(wordlink.wordnet_graph() is None, reason="WordNet is not installed"),
    pytest.mark.skipif(freedict() is None, reason="FreeDict is not installed"),
]

CTX = CheckContext(engines=("apertium",))
WOOD_FR = "Il a ramassé du bois sec dans la forêt."


def test_the_adjective_read_as_a_number_is_linked_as_an_adjective() -> None:
    tags = {t.text: (t.pos, t.dep) for t in lexicon.parse(WOOD_FR, "fr")}
    assert tags["sec"] == ("NUM", "amod")  # the tagger's reading the rule is about
    links = wordlink.link_pair(WOOD_FR, "He gathered dry wood in the forest.", {})
    french = {t.text: t.pos for t in links.french}
    assert french["sec"] == "ADJ"
    assert any(links.french[link.french].text == "sec" and link.how in wordlink.MEANING_LINKS
               for link in links.links)


def test_its_opposite_in_the_reference_is_found() -> None:
    ref = "He gathered wet wood in the forest."
    result = make_result([WOOD_FR], [ref],
                         bt={"apertium": ["He has picked up dry wood in the forest."]})
    found = [(f.kind, f.mt_span, f.ref_span) for f in wordlevel.check(result, CTX)
             if f.severity != "minor"]
    assert ("meaning_inversion", "sec", "wet") in found


def test_a_number_word_stays_a_number() -> None:
    links = wordlink.link_pair("Les deux équipes ont joué sous la pluie.",
                               "The two teams played in the rain.", {})
    assert "deux" not in {t.text for t in links.french}
