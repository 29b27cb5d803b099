"""Where a word could have been rendered: the witnesses the word-level checks ask.

Owns, for one pair's word link (``wordlink.PairLinks``):

- which words each side accounts for (``accounted_english``, ``accounted_french``, and
  ``taken_english`` / ``taken_french``: the start offsets of the words some other word
  renders, loose links resolved to the best one, WordNet kin only between two words that
  have no other link);
- position (``slot_is_empty``): between the counterparts of a word's nearest reliably
  linked neighbours, and in their noun phrases, the other side has no word left that could
  render it;
- syntax (``modifier_slot_is_empty``): the noun an English adjective modifies has a French
  counterpart that carries no modifier the reference does not account for.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from rapidfuzz import fuzz

from mtqa.checks import lexicon, wordlink
from mtqa.checks.wordlink import PairLinks
from mtqa.language.lexicons import stop_words as _stop_words
from mtqa.language.parse import Token
from mtqa.language.text import fold


@lru_cache(maxsize=2)
def stop_words(language: str) -> frozenset[str]:
    return _stop_words(language)


CLOSE_RELATIONS = ("hypernym", "hyponym", "antonym")


def accounted_english(links: PairLinks, index: int) -> bool:
    return index in links.covered_by_bt or any(
        link.how in wordlink.MEANING_LINKS or link.how in CLOSE_RELATIONS
        for link in links.of_english(index)
    )


def accounted_french(links: PairLinks, index: int) -> bool:
    return links.meaning_linked_french(index) or any(
        link.how in CLOSE_RELATIONS for link in links.of_french(index)
    )


def kin_pairs(links: PairLinks) -> set[tuple[int, int]]:
    """(French, English) words of one part of speech that WordNet calls kin (a common
    hypernym: bouleverser / overturn) and that have no other link: each likely renders
    the other. Kin alone is loose (mars ~ library), so a word with several kin is none's."""
    pairs = set()
    for link in links.links:
        if link.how != "kin" or links.french[link.french].pos != links.english[link.english].pos:
            continue
        if len(links.of_french(link.french)) == len(links.of_english(link.english)) == 1:
            pairs.add((link.french, link.english))
    return pairs


def taken_french(links: PairLinks) -> frozenset[int]:
    """Start offsets of the French words some reference word accounts for (kin pairs
    included)."""
    kin = {f for f, _ in kin_pairs(links)}
    return frozenset(
        links.french[f].start for f in range(len(links.french))
        if accounted_french(links, f) or f in kin
    )


def _one_rendering(links: PairLinks, french: int) -> list[int]:
    """The reference word a French word renders: its best link, a loose WordNet "similar"
    one only within one part of speech (nombreux ~ many, not montrer ~ flash), and of
    several, the nearest to its place."""
    source = links.french[french]
    found = [
        e for e in links.counterparts_of_french(french)
        if any(
            link.english == e
            and (link.how != "similar" or source.pos == links.english[e].pos)
            for link in links.of_french(french)
        )
    ]
    if len({links.english[e].lemma for e in found}) < 2:
        return found
    return nearest(links.french, french, links.english, found)


def taken_english(links: PairLinks, french: int) -> frozenset[int]:
    """Start offsets of the reference words accounted for by a French word other than
    ``french`` (kin pairs included), or by a back-translated word (same lemma, synonym
    or derivation) that is not the French word's own."""
    own = {t.start for words in traced(links, french).values() for t in words}
    rendered: set[int] = set()
    for words in links.bt_tokens.values():
        for t in words:
            if t.start in own:
                continue
            # a back-translated word renders the reference word it repeats, if any (the
            # back-translated "country" is the reference's country, not its synonym land)
            matches = [
                e for e in links.covered_by_bt
                if wordlink.bt_matches(t, links.english[e], strict=True)
            ]
            same = [e for e in matches if links.english[e].lemma == t.lemma]
            rendered.update(same or matches)
    # A loose link (evidence ~ reconnues) to a French word that translates another
    # reference word outright does not account for the word.
    # A French word the dictionary links to several reference words (pays ~ country,
    # land) renders the one nearest its place.
    best = {
        e for g in range(len(links.french)) if g != french
        for e in _one_rendering(links, g)
    }
    kin = {e for f, e in kin_pairs(links) if f != french}
    return frozenset(
        links.english[e].start for e in range(len(links.english))
        if e in rendered or e in best or e in kin or (
            # a word WordNet relates to the French word itself may render it
            all(link.french != french for link in links.of_english(e))
            and any(link.how in CLOSE_RELATIONS for link in links.of_english(e))
        )
    )


def relative(token: Token, tokens: Sequence[Token]) -> float:
    if len(tokens) < 2:
        return 0.5
    return tokens.index(token) / (len(tokens) - 1)


FILLING = frozenset({"NOUN", "VERB", "ADJ", "ADV", "PROPN", "NUM"})


def nearest(
    own: Sequence[Token], index: int, other: Sequence[Token], found: list[int]
) -> list[int]:
    """Of a word's counterparts, the one nearest its place (a repeated word: advice ...
    advice), so that the slot is read between the right occurrences."""
    if len(found) < 2:
        return found
    place = relative(own[index], own)
    return [min(found, key=lambda j: abs(relative(other[j], other) - place))]


# Dependencies inside a noun phrase, where French and English order words differently
# (bouchons quotidiens / daily traffic jams).
PHRASE_DEPS = frozenset({"amod", "compound", "nmod", "nn", "poss"})


def phrase_partners(token: Token, sentence: Sequence[Token]) -> list[Token]:
    """The other words of ``token``'s noun phrase: up to the head it modifies, then every
    noun, adjective and possessor modifying that head, and their own modifiers."""
    index = next((i for i, t in enumerate(sentence) if t.start == token.start), None)
    if index is None:
        return []
    head = index
    for _ in range(3):
        word = sentence[head]
        if word.dep not in PHRASE_DEPS or not 0 <= word.head < len(sentence):
            break
        if word.head == head:
            break
        head = word.head
    members, frontier = {head}, [head]
    while frontier and len(members) < 12:
        frontier = [
            i for i, t in enumerate(sentence)
            if t.head in frontier and t.dep in PHRASE_DEPS and i not in members
        ]
        members.update(frontier)
    return [sentence[i] for i in sorted(members) if i != index]


# How far (as a share of the sentence) a neighbour's counterpart may stand from the
# neighbour's own place and still pin the slot down.
MAX_ANCHOR_GAP = 0.35


def slot_is_empty(
    own: Sequence[Token], index: int, counterparts: Callable[[int], list[int]],
    other: Sequence[Token], other_text: str, other_language: str, own_text: str,
    taken: frozenset[int] | None = None,
) -> bool:
    """Position as a witness: between the other-side counterparts of the word's nearest
    linked neighbours stands no content word that is not accounted for (``taken``: the
    start offsets of the other side's accounted words; by default the counterparts of the
    other own words), so the other side has no place where the word could have been
    rendered differently."""
    def near(i: int) -> list[int]:
        return nearest(own, i, other, counterparts(i))

    def anchor(i: int) -> bool:
        """A neighbour with one counterpart (or one word repeated) near its own place: a
        word linked to several (prendre ~ have, make, hold) or to a word at the other end
        of the sentence (par rapport à ~ reports) pins no place down."""
        found = counterparts(i)
        if not found or len({fold(other[j].lemma) for j in found}) != 1:
            return False
        place = own[i].start / max(len(own_text), 1)
        return any(
            abs(other[j].start / max(len(other_text), 1) - place) <= MAX_ANCHOR_GAP
            for j in found
        )

    left = next((i for i in range(index - 1, -1, -1) if anchor(i)), None)
    right = next((i for i in range(index + 1, len(own)) if anchor(i)), None)
    if left is None and right is None:
        return False
    if left is not None and right is not None:
        low = min(other[j].end for j in near(left))
        high = max(other[j].start for j in near(right))
        if high < low:  # the neighbours swap places (adjective order)
            low = min(other[j].end for i in (left, right) for j in near(i))
            high = max(other[j].start for i in (left, right) for j in near(i))
    elif left is not None:
        low, high = max(other[j].end for j in near(left)), len(other_text)
    else:
        low, high = 0, min(other[j].start for j in near(right or 0))
    # A neighbour rendered by another part of speech (avoir son mot à dire / have a say)
    # is a restructured phrase: the words around it may render it together.
    for i in (left, right):
        if i is not None and any(
            {own[i].pos, other[j].pos} == {"NOUN", "VERB"} for j in near(i)
        ):
            return False
    if taken is None:
        taken = frozenset(
            other[j].start for i in range(len(own)) if i != index for j in counterparts(i)
        )
    # French quantifiers tagged as adjectives (toutes, plusieurs) and names hold no place
    # for an English common word; English ones (most, Morocco) may render a French word
    # (la plupart, marocaine), so they count.
    french = other_language == "fr"
    ignored = stop_words("fr") if french else frozenset()
    sentence = lexicon.parse(other_text, other_language)
    filling = [
        t for t in sentence
        if t.pos in FILLING and any(c.isalnum() for c in t.text)
        and fold(t.text) not in ignored
        # a French name holds no place for an English common word; a lower-case word
        # tagged as a name (prévoit) is a tagger's slip and does
        and not (french and t.pos == "PROPN" and t.text[:1].isupper())
    ]
    between = [t for t in filling if t.start >= low and t.end <= high]
    # Word order differs inside a noun phrase (bouchons quotidiens / daily traffic jams):
    # the words of the neighbours' noun phrases must be accounted for too.
    neighbours = [other[j] for i in (left, right) if i is not None for j in near(i)]
    starts = {t.start for t in filling}
    outside = [
        p for n in neighbours for p in phrase_partners(n, sentence)
        if p.start in starts and not low <= p.start < high
    ]
    open_words = [
        t for t in between + outside
        if t.start not in taken and not name_on_both_sides(t, own_text)
    ]
    if not open_words:
        return True
    # An adverb the dictionary cannot link (certes / certainly, également / also) stands
    # for an unlinked word of the word's own side in the same place or beside its
    # neighbours, not for the word itself.
    if own[index].pos == "ADV" or any(t.pos != "ADV" for t in open_words):
        return False
    own_sentence = lexicon.parse(own_text, "en" if french else "fr")
    own_low = own[left].end if left is not None else 0
    own_high = own[right].start if right is not None else len(own_text)
    linked = {own[i].start for i in range(len(own)) if counterparts(i)} | {own[index].start}
    beside = {
        p.start for i in (left, right) if i is not None
        for p in phrase_partners(own[i], own_sentence)
    }
    own_common = stop_words("en" if french else "fr")
    own_open = [
        t for t in own_sentence
        if t.pos in FILLING and len(t.text) > 3 and t.start not in linked
        and fold(t.text) not in own_common
        and t.dep not in ("mark", "cc", "case", "det", "fixed")  # tandis que
        and (own_low <= t.start < own_high or t.start in beside)
    ]
    return len(open_words) <= len(own_open)


def modifier_slot_is_empty(links: PairLinks, index: int) -> bool:
    """Syntax as a witness for a reference adjective (or participle) that modifies a noun:
    the noun's French counterpart carries no modifier, and has no word beside it, that no
    reference word accounts for, so nothing in the MT can render the adjective."""
    word, sentence = links.english[index], links.english_all
    if word.dep != "amod" or not 0 <= word.head < len(sentence):
        return False
    head = sentence[word.head]
    if head.pos != "NOUN":
        return False
    h = next((i for i, t in enumerate(links.english) if t.start == head.start), None)
    if h is None or not links.counterparts_of_english(h):
        return False
    taken = taken_french(links)
    french = links.french_all
    ignored = stop_words("fr")
    # The noun's counterpart must translate it outright (a WordNet synonym may be another
    # word altogether: crude ~ pétrolier).
    direct = [
        link.french for link in links.of_english(h) if link.how in ("dictionary", "cognate")
    ]
    if not direct:
        return False
    for j in nearest(links.english, h, links.french, direct):
        noun = links.french[j]
        at = next((i for i, t in enumerate(french) if t.start == noun.start), None)
        if noun.pos != "NOUN" or at is None:
            return False  # rendered by another part of speech: a restructured phrase
        def filling(t: Token) -> bool:
            return (
                t.pos in FILLING and len(t.text) > 2
                and any(c.isalpha() for c in t.text) and fold(t.text) not in ignored
                and not (t.text[:1].isupper() and t.start > 0)  # a name
            )

        children = [t for t in french if t.head == at and t.start != noun.start]
        if any(fold(t.text) == "en" and t.dep == "case" for t in children) and not any(
            t.pos == "DET" for t in children
        ):
            return False  # a bare noun after "en" is adverbial (venus en nombre)
        # Its modifiers, the noun it complements (en fin de matinée / in the late
        # morning), the word before it (a short adjective: grand, vieux) and the nearest
        # content word after it in the same clause (l'apocalypse qui approche / the
        # impending apocalypse).
        around = children + list(french[at - 1:at])
        if noun.dep == "nmod" and 0 <= noun.head < len(french):
            around.append(french[noun.head])
        after = next((
            t for t in french[at + 1:] if filling(t) or t.pos == "PUNCT"
        ), None)
        if after is not None and after.pos != "PUNCT":
            around.append(after)
        if any(filling(t) and t.start not in taken for t in around):
            return False
    return True


def name_on_both_sides(token: Token, text: str) -> bool:
    """A name or a number that also stands, spelt alike, in the other text (Japan / Japon,
    million / millions, 1980s / années 1980)."""
    digits = re.sub(r"\D", "", token.text)
    if digits:
        return digits in re.sub(r"\D", " ", text).split()
    if token.pos not in ("PROPN", "NUM"):
        return False
    name = fold(token.text)
    return any(fuzz.ratio(name, fold(word)) >= 70 for word in lexicon.words(text))


def traced(links: PairLinks, index: int) -> dict[str, list[Token]]:
    """Per engine, the back-translated words that the French word's senses produce."""
    senses = links.senses[index]
    return {
        engine: [t for t in tokens if t.lemma in senses or t.text.lower() in senses]
        for engine, tokens in links.bt_tokens.items()
    }
