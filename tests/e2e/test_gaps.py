"""Missing words shown by an English sentence's own grammar (``mtqa.language.gaps``).

Sentences written for these tests: each broken one is a clean sentence with one noun or
verb taken out; each clean one holds a construction that looks like a gap and is not.
"""

from __future__ import annotations

import pytest

from mtqa.language import gaps
from mtqa.language.parse import parse, spacy_pipeline
from mtqa.language.wordnet import wordnet_graph

pytestmark = [
    pytest.mark.skipif(spacy_pipeline("en") is None, reason="no English spaCy pipeline"),
    pytest.mark.skipif(wordnet_graph() is None, reason="WordNet is not installed"),
]


def found(sentence: str) -> list[tuple[str, str, str]]:
    tokens = parse(sentence, "en")
    return [(g.wanted, g.reason, tokens[g.index].text) for g in gaps.missing_words(tokens)]


@pytest.mark.parametrize(
    ("sentence", "wanted", "at"),
    [
        # a noun taken out
        ("The mayor opened the of the new library on Monday.", "noun", "the"),
        ("The council has published its on the budget.", "noun", "its"),
        ("Farmers sold their at the market in town.", "noun", "their"),
        ("Thousands of have signed the petition since March.", "noun", "of"),
        ("The firm relies on several foreign for its supplies.", "noun", "foreign"),
        ("She spoke with with the minister after the meeting.", "noun", "with"),
        ("The company makes devices for and industry.", "noun", "for"),
        # a verb taken out
        ("The new law would a tax on imported cars.", "verb", "would"),
        ("Residents say they the noise every night.", "verb", "they"),
        ("In 2010 he in a bank in Lyon.", "verb", "he"),
        ("The bridge has been by the army.", "verb", "been"),
        ("The committee its report to parliament on Tuesday.", "verb", "its"),
        ("As I the match from the stands, the rain began.", "verb", "I"),
        # a subject with a determined object or a number right after it, no verb between
        ("The storm a dozen fishing boats off the coast of Brittany.", "verb", "storm"),
        ("The museum nearly three thousand visitors on its first weekend.", "verb", "museum"),
        ("When the chef the dish, the guests applauded.", "verb", "chef"),
    ],
)
def test_a_missing_noun_or_verb_is_found_where_it_was(sentence: str, wanted: str, at: str) -> None:
    assert any(w == wanted and word == at for w, _, word in found(sentence)), found(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The poor and the elderly were hit hardest by the crisis.",  # nominalised adjectives
        "This is the town he grew up in.",  # a stranded preposition
        "The people she worked with are still her friends.",
        "Could the government have acted sooner?",  # question inversion
        "We will do as much as we can.",  # elliptic modal
        "His will was read to the family on Friday.",  # will, the noun
        "The decision was theirs, not ours, and it was final.",
        "The rich get richer while the poor wait.",
        "They all agreed that the plan was in vain.",  # in vain, one entry
        "Prices rose before and after the war.",  # coordinated prepositions
        "The ministry's do-it-yourself guide sold well.",  # hyphenated compounds
        "As she sees it, Europe must invest heavily in renewables.",
        "The text was approved by 400 deputies, with 120 against.",
        "Traffic is gridlocked there on most Saturdays.",
        "He remains presumed innocent pending the outcome of his appeal.",
        "A friend of his, a doctor, examined her.",
        "They were at their best in the second half.",  # a superlative after a possessive
        "The region has been by far the hardest hit.",
        "The board gave the company its new name.",  # a verb comes first: two objects
        "Paris, its museums and its parks drew record crowds.",
        "He is as tall as I am, and as I said, he plays well.",
        # a noun before a noun phrase that is no subject without its verb
        "The day the bridge opened, the whole town came out.",  # a contact relative
        "The man the police arrested was released on bail.",
        "The bird builds a nest in the reeds every spring.",  # builds, the verb
        "Two weeks later a new mayor was elected.",  # a time adverb between
        "In the spring the river floods the valley.",  # after a preposition
        "Last year the company hired two hundred people.",
        # a plural noun spelt like an adjective (divers: diver + s, and diverse)
        "The wreck was searched by navy divers.",
        "Police divers searched the canal on Sunday.",
    ],
)
def test_clean_sentences_show_no_gap(sentence: str) -> None:
    assert found(sentence) == []
