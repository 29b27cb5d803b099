"""Pairs too free to compare word by word (``mtqa.checks.comparable``), on hand-built links."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from support import make_result

from mtqa.checks import base, comparable, lexicon, wordlink
from mtqa.checks.wordlink import Link, PairLinks
from mtqa.language import wordnet
from mtqa.language.parse import Token


def _tokens(text: str, content: set[str]) -> tuple[Token, ...]:
    return tuple(
        Token(m.group(), m.group().lower(), "NOUN", "", 0, m.start(), m.end())
        for m in re.finditer(r"[\w']+", text) if m.group().lower() in content
    )


def _links(fr: str, en: str, french: set[str], english: set[str],
           pairs: list[tuple[str, str, str]]) -> PairLinks:
    ftoks, etoks = _tokens(fr, french), _tokens(en, english)
    fi = {t.text.lower(): i for i, t in enumerate(ftoks)}
    ei = {t.text.lower(): i for i, t in enumerate(etoks)}
    links = tuple(Link(fi[f], ei[e], how, e) for f, e, how in pairs)
    senses = tuple(frozenset() for _ in ftoks)
    return PairLinks(ftoks, etoks, senses, links, frozenset())


SHOP_FR = "Le magasin a réduit le prix des ordinateurs."
SHOP_EN = "The shop increased the price of computers."
SHOP = _links(SHOP_FR, SHOP_EN, {"magasin", "réduit", "prix", "ordinateurs"},
              {"shop", "increased", "price", "computers"},
              [("magasin", "shop", "dictionary"), ("prix", "price", "dictionary"),
               ("ordinateurs", "computers", "dictionary"), ("réduit", "increased", "antonym")])
FREE_FR = "Personne n'a pu suivre son accélération."
FREE_EN = "His acceleration left the rest of the field standing."
FREE = _links(FREE_FR, FREE_EN, {"pu", "suivre", "accélération"},
              {"acceleration", "left", "rest", "field", "standing"},
              [("accélération", "acceleration", "dictionary")])


def test_coverage_counts_meaning_links_on_both_sides() -> None:
    # an opposite is a relation, not a link by meaning: 6 of 8 words
    assert comparable.coverage(SHOP, SHOP_FR, SHOP_EN) == pytest.approx(6 / 8)
    assert comparable.coverage(FREE, FREE_FR, FREE_EN) == pytest.approx(2 / 8)


def test_the_words_a_finding_is_about_are_left_out() -> None:
    # the error's own words do not make a close pair look free
    assert comparable.coverage(SHOP, SHOP_FR, SHOP_EN, "réduit", "increased") == 1.0
    assert comparable.coverage(FREE, FREE_FR, FREE_EN, "Personne", None) == pytest.approx(2 / 8)
    # a span not in the text leaves every word in
    assert comparable.coverage(SHOP, SHOP_FR, SHOP_EN, "absent", None) == pytest.approx(6 / 8)


def _finding(result, kind: str, severity: str, mt_span: str, ref_span: str | None):
    return base.finding(result, result.pairs[0], kind=kind, severity=severity,  # type: ignore[arg-type]
                        detector="test", message="m", mt_span=mt_span, ref_span=ref_span)


def test_word_findings_on_a_free_pair_become_minor(monkeypatch: pytest.MonkeyPatch) -> None:
    links = {(SHOP_FR, SHOP_EN): SHOP, (FREE_FR, FREE_EN): FREE}
    monkeypatch.setattr(wordlink, "link_pair", lambda mt, ref, bt: links[mt, ref])
    monkeypatch.setattr(wordnet, "wordnet_graph", lambda: object())
    monkeypatch.setattr(lexicon, "dictionary", lambda: SimpleNamespace(available=True))
    free = make_result([FREE_FR], [FREE_EN])
    found = comparable.demote_free_pairs(free, [
        _finding(free, "meaning_inversion", "critical", "Personne", None),
        _finding(free, "number_mismatch", "critical", "Personne", None),  # names, numbers: kept
    ], ())
    assert [f.severity for f in found] == ["minor", "critical"]
    assert found[0].evidence["link_coverage"] == 0.25
    assert found[0].message.endswith("(minor: the reference words this sentence freely, "
                                     "25% of its words linked)")
    close = make_result([SHOP_FR], [SHOP_EN])
    kept = comparable.demote_free_pairs(
        close, [_finding(close, "meaning_inversion", "critical", "réduit", "increased")], ())
    assert kept[0].severity == "critical" and "link_coverage" not in kept[0].evidence


def test_without_a_word_link_nothing_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wordnet, "wordnet_graph", lambda: None)
    free = make_result([FREE_FR], [FREE_EN])
    found = comparable.demote_free_pairs(
        free, [_finding(free, "meaning_inversion", "critical", "Personne", None)], ())
    assert found[0].severity == "critical"


# An invented close pair whose reference renders two words by WordNet neighbours (« saisi »
# / "grabbed", « mare » / "pond") and one by its opposite (the error).
POND_FR = "Le héron a saisi une petite grenouille près de la mare."
POND_EN = "The heron grabbed a big frog near the pond."
POND = _links(POND_FR, POND_EN, {"héron", "saisi", "petite", "grenouille", "mare"},
              {"heron", "grabbed", "big", "frog", "pond"},
              [("héron", "heron", "dictionary"), ("saisi", "grabbed", "hyponym"),
               ("mare", "pond", "hypernym"), ("petite", "big", "antonym")])


def test_a_broader_or_narrower_rendering_counts_as_linked() -> None:
    # grabbed / pond follow the French word by word: 6 of 8 words outside the error, where
    # dictionary links alone (2 of 8) would call the pair free and hide the opposite
    assert comparable.coverage(POND, POND_FR, POND_EN, "petite", "big") == pytest.approx(6 / 8)
    # an opposite or a kinship is no rendering: the free pair stays free
    kin = _links(FREE_FR, FREE_EN, {"pu", "suivre", "accélération"},
                 {"acceleration", "left", "rest", "field", "standing"},
                 [("accélération", "acceleration", "dictionary"), ("suivre", "left", "kin"),
                  ("pu", "rest", "antonym")])
    assert comparable.coverage(kin, FREE_FR, FREE_EN) == pytest.approx(2 / 8)


def test_the_opposite_on_a_pair_rendered_by_neighbours_stays_critical(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wordlink, "link_pair", lambda mt, ref, bt: POND)
    monkeypatch.setattr(wordnet, "wordnet_graph", lambda: object())
    monkeypatch.setattr(lexicon, "dictionary", lambda: SimpleNamespace(available=True))
    result = make_result([POND_FR], [POND_EN])
    found = comparable.demote_free_pairs(
        result, [_finding(result, "meaning_inversion", "critical", "petite", "big")], ())
    assert [f.severity for f in found] == ["critical"]
