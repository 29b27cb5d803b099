"""Word senses from WordNet 3.0: which sense of an English word its context uses, and which
of its senses a set of English translations can carry.

Owns the knowledge the sense check reads, all of it derived from WordNet (no word lists):

- a sense's *signature*: its synset's words, the content words of its gloss and examples,
  the words of its hypernyms (two steps up), of its hyponyms (one step down), of its
  wholes and parts (hull, deck) and of its derivations;
- a sense's *domains*: the topic domains WordNet files it, its hypernyms and its
  derivationally related synsets under (``;c`` pointers: criminal law, soccer, finance),
  each widened one step up (criminal law → law);
- ``sense_scores``: a simplified Lesk: for each sense of a word, the context words that
  its signature holds, that share one of its domains, or whose own gloss names the sense
  or its immediate kin (crew: "who man a vehicle (ship, aircraft)" for vessel as a craft);
- ``carried_senses``: the senses of a word that some translation names (same synset) or
  sits next to (a direct hypernym or hyponym).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from mtqa.language.lexicons import stop_words
from mtqa.language.wordnet import SynsetId, WordNetGraph, english_lemma, wordnet_graph

MAX_SENSES_OF_KIN = 8
_UP = ("@", "@i")
_DOWN = ("~", "~i")
_DERIVED = ("+",)
_PARTS = ("#m", "#s", "#p", "%m", "%s", "%p")  # holonyms and meronyms
_TOPIC = ";c"
T = TypeVar("T")
_GLOSS_WORD = re.compile(r"[a-z][a-z-]+")
# Words of glosses that say how a sense is used, not what it is about.
_GLOSS_NOISE = frozenset(
    "something someone somebody person thing things act used use especially usually "
    "often certain kind make made give given take one two various etc".split()
)


@lru_cache(maxsize=1)
def _stop() -> frozenset[str]:
    return stop_words("en") | _GLOSS_NOISE


def _gloss_words(gloss: str) -> set[str]:
    stop = _stop()
    return {
        english_lemma(w) for w in _GLOSS_WORD.findall(gloss.lower())
        if len(w) > 2 and w not in stop
    }


def _hypernyms(net: WordNetGraph, key: SynsetId, depth: int) -> set[SynsetId]:
    found: set[SynsetId] = set()
    frontier = {key}
    for _ in range(depth):
        frontier = {t for k in frontier for s, t, _, _ in net.synset(k).pointers if s in _UP}
        found |= frontier
    return found


@lru_cache(maxsize=65536)
def signature(key: SynsetId) -> frozenset[str]:
    """The words that speak for a sense: its synset, gloss and nearby hypernyms."""
    net = wordnet_graph()
    if net is None:
        return frozenset()
    synset = net.synset(key)
    words = set(synset.words) | _gloss_words(synset.gloss)
    for up in _hypernyms(net, key, 2):
        words |= set(net.synset(up).words)
    for symbol, target, _, _ in synset.pointers:
        if symbol in _DERIVED or symbol in _DOWN or symbol in _PARTS:
            words |= set(net.synset(target).words)
    return frozenset(w for part in words for w in (part, *part.split()) if len(w) > 2)


@lru_cache(maxsize=65536)
def core(key: SynsetId) -> frozenset[str]:
    """The words that name a sense or its near kin: its synset, its hypernyms one step up
    and its hyponyms one step down (vessel as watercraft: craft, boat, ship)."""
    net = wordnet_graph()
    if net is None:
        return frozenset()
    keys = {key} | _hypernyms(net, key, 1)
    keys |= {t for s, t, _, _ in net.synset(key).pointers if s in _DOWN}
    words = {w for k in keys for w in net.synset(k).words}
    # A word of many senses (place, post) names nothing in particular.
    return frozenset(
        w for w in words if len(w) > 2 and len(net.synsets(w)) <= MAX_SENSES_OF_KIN
    )


def _of_frequent_senses(
    lemma: str, pos: str | None, senses: int, of_sense: Callable[[SynsetId], Iterable[T]]
) -> frozenset[T]:
    """What ``of_sense`` finds in any of a word's ``senses`` most frequent senses: a context
    word stands for those, as it has not been disambiguated."""
    net = wordnet_graph()
    if net is None:
        return frozenset()
    return frozenset(found for key in net.synsets(lemma, pos)[:senses] for found in of_sense(key))


def _definition_words(key: SynsetId) -> set[str]:
    """The content words of a sense's definition (its gloss before the examples)."""
    net = wordnet_graph()
    return set() if net is None else _gloss_words(net.synset(key).gloss.split(";")[0])


@lru_cache(maxsize=16384)
def word_gloss(lemma: str, pos: str | None, senses: int = 2) -> frozenset[str]:
    """The gloss words of a context word's most frequent senses (crew: ship, vehicle)."""
    return _of_frequent_senses(lemma, pos, senses, _definition_words)


@lru_cache(maxsize=65536)
def domains(key: SynsetId) -> frozenset[SynsetId]:
    """Topic domains of a sense, of its hypernyms (two steps) and of its derivations, each
    with the domain one step above it."""
    net = wordnet_graph()
    if net is None:
        return frozenset()
    sources = {key} | _hypernyms(net, key, 2)
    sources |= {t for s, t, _, _ in net.synset(key).pointers if s in _DERIVED}
    found: set[SynsetId] = set()
    for source in sources:
        for symbol, target, _, _ in net.synset(source).pointers:
            if symbol == _TOPIC:
                found.add(target)
                found |= _hypernyms(net, target, 1)
    return frozenset(found)


@lru_cache(maxsize=16384)
def word_domains(lemma: str, pos: str | None, senses: int = 3) -> frozenset[SynsetId]:
    """Domains of a context word's most frequent senses."""
    return _of_frequent_senses(lemma, pos, senses, domains)


@dataclass(frozen=True)
class SenseScore:
    """How much a context supports one sense of a word, and which words did."""

    key: SynsetId
    rank: int  # 0: WordNet's most frequent sense
    lexname: int
    words: tuple[str, ...]  # synset words
    gloss: str
    gloss_hits: tuple[str, ...]  # context words the signature holds
    domain_hits: tuple[str, ...]  # context words sharing a topic domain with the sense
    kin_hits: tuple[str, ...] = ()  # context words whose gloss names the sense or its kin

    @property
    def score(self) -> int:
        return len(set(self.gloss_hits) | set(self.domain_hits) | set(self.kin_hits))


def sense_scores(
    lemma: str, pos: str, context: Iterable[tuple[str, str]]
) -> list[SenseScore]:
    """Each WordNet sense of ``lemma`` (as ``pos``) scored against the context's content
    words, given as (lemma, POS) pairs."""
    net = wordnet_graph()
    if net is None:
        return []
    context = [(w, p) for w, p in dict.fromkeys(context) if w != lemma]
    out = []
    for rank, key in enumerate(net.synsets(lemma, pos)):
        synset = net.synset(key)
        own = signature(key)
        own_domains = domains(key)
        gloss_hits = tuple(w for w, _ in context if w in own)
        domain_hits = tuple(
            w for w, p in context if own_domains and own_domains & word_domains(w, p)
        )
        kin = core(key) - {lemma}
        kin_hits = tuple(w for w, p in context if kin & word_gloss(w, p))
        out.append(SenseScore(key, rank, synset.lexname, synset.words, synset.gloss,
                              gloss_hits, domain_hits, kin_hits))
    return out


def close(net: WordNetGraph, a: SynsetId, b: SynsetId) -> bool:
    """The same sense, or one directly above or below the other."""
    if a == b:
        return True
    return any(
        target == b for symbol, target, _, _ in net.synset(a).pointers
        if symbol in _UP + _DOWN + ("&", "$", "^")
    )


def carried_senses(
    lemma: str, pos: str, translations: Iterable[str]
) -> dict[SynsetId, list[str]]:
    """The senses of ``lemma`` that some translation (other than the word itself) names or
    sits next to, each with the translations that reach it."""
    net = wordnet_graph()
    if net is None:
        return {}
    own = net.synsets(lemma, pos)
    found: dict[SynsetId, list[str]] = {}
    for word in translations:
        if word == lemma:
            continue
        for other in net.synsets(word, pos):
            for key in own:
                if close(net, key, other):
                    found.setdefault(key, [])
                    if word not in found[key]:
                        found[key].append(word)
    return found
