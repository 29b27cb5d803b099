"""Word-level errors: questions asked of the word link between the French and the reference.

Owns four findings, each read off ``wordlink.link_pair`` for an aligned pair:

- ``omission`` — a reference noun, verb or adjective that no French word can mean
  (dictionary, WordNet synonym or derivation, cognate) and that no back-translation has,
  in a sentence whose other words are all accounted for;
- ``addition`` — a French noun, verb or adjective that means no reference word and whose
  back-translated word the reference lacks, in a sentence whose reference words are all
  accounted for;
- ``meaning_inversion`` — a reference word that no French word means, where a French word
  in its place means its WordNet antonym (many / few, accept / reject);
- ``odd_rendering`` — a reference noun that no French word means, where the one
  unaccounted French noun of the sentence means a WordNet hyponym of it: the MT says
  something more specific than the reference ("vaccin" for "substance"). The reverse, a
  more general word, is a translator's routine choice and is not reported.

Each check wants both witnesses, the dictionary link and the back-translation, and stays
silent where the sentence is a paraphrase (several words unaccounted for on both sides),
on function and light verbs, and on names. Without Apertium's dictionaries, spaCy or
WordNet it finds nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from functools import lru_cache

from rapidfuzz import fuzz

from mtqa.checks import lexicon, wordlink
from mtqa.checks.base import CheckContext, finding
from mtqa.checks.wordlink import PairLinks
from mtqa.language.lexicons import stop_words as _stop_words
from mtqa.language.parse import Token
from mtqa.language.text import fold, fold_keep_length
from mtqa.language.wordnet import wordnet_graph
from mtqa.model import DocumentResult, Finding, Pair

DETECTOR = "wordlevel"
_JUDGED_POS = frozenset({"NOUN", "VERB", "ADJ"})
# Antonymy also opposes adverbs and quantifiers (moins / more, proche / far).
_OPPOSABLE_POS = _JUDGED_POS | {"ADV"}
_QUANTIFIERS = frozenset({"more", "most", "many", "much", "less", "few"})
# Verbs that carry little meaning of their own and are rendered freely.
_EN_LIGHT = frozenset(
    "be have do make take get give go come put set keep let seem become use need want "
    "include provide allow help try begin start continue show find hold bring".split()
)
_FR_LIGHT = frozenset(
    "être avoir faire mettre prendre donner aller venir pouvoir devoir vouloir falloir "
    "sembler devenir rester permettre laisser tenir passer porter rendre trouver "
    "agir arriver".split()
)
# A sentence where this share of reference words is unaccounted for is a paraphrase.
_MIN_COVERAGE = 0.75
# Below this share, even an adjective whose noun's counterpart stands bare is not judged.
_MIN_MODIFIER_COVERAGE = 0.5
_MAX_POSITION_GAP = 0.35
# How many other words may stay unaccounted for on the other side while one word is judged
# missing or added. Measured on development data, any more lets free renderings through.
_MAX_OPEN = 0

_FR_NEGATION = re.compile(
    r"(?<![\w-])(?:ne|n')\s*(?:[\w'-]+\s+){0,4}?(?:pas|plus|jamais|rien|aucune?)(?![\w-])"
    r"|(?<![\w-])(?:sans|aucune?|jamais)(?![\w-])"
)
_EN_NEGATION = re.compile(r"(?<![\w-])(?:not|never|no|without|none)(?![\w-])|n't(?![\w-])")


@lru_cache(maxsize=2)
def stop_words(language: str) -> frozenset[str]:
    return _stop_words(language)


def _negation_count(text: str, language: str) -> int:
    pattern = _FR_NEGATION if language == "fr" else _EN_NEGATION
    return len(pattern.findall(fold_keep_length(text)))


def _ordinary(
    word: Token, sentence: Sequence[Token], language: str, light: Collection[str],
    function_words: bool,
) -> bool:
    """Neither tied to a number, nor a stop word (unless ``function_words``), nor a light
    verb, nor a name (or part of one: the entity checks own names)."""
    if _counted(word, sentence):
        return False
    if not function_words and (
        fold(word.text) in stop_words(language) or fold(word.lemma) in stop_words(language)
    ):
        return False
    if word.pos == "VERB" and word.lemma in light:
        return False
    return not (word.text[:1].isupper() and word.start > 0)


def _judged_english(links: PairLinks, index: int, *, function_words: bool = False) -> bool:
    """Whether a reference word is one the checks judge (``function_words``: quantifiers
    and the like too, for antonymy: many / few)."""
    word = links.english[index]
    if function_words:
        if word.pos not in _OPPOSABLE_POS or (
            word.lemma in lexicon.STOP_LEMMAS and word.lemma not in _QUANTIFIERS
        ):
            return False
    elif word.pos not in _JUDGED_POS or word.lemma in lexicon.STOP_LEMMAS:
        return False
    if not _ordinary(word, links.english_all, "en", _EN_LIGHT, function_words):
        return False
    net = wordnet_graph()
    return net is not None and net.known(word.lemma)


def _counted(word: Token, sentence: Sequence[Token]) -> bool:
    """A word tied to a number (25 millions de dollars, années 80): the number checks own
    units, amounts and dates."""
    index = next((i for i, t in enumerate(sentence) if t.start == word.start), None)
    if index is None:
        return False
    near = [sentence[i] for i in range(index - 3, index + 4) if 0 <= i < len(sentence)]
    near += [t for t in sentence if t.head == index] + [sentence[word.head]]
    return any(t.pos == "NUM" or any(c.isdigit() for c in t.text) for t in near)


def _in_compound(word: Token, sentence: Sequence[Token]) -> bool:
    """A word of a noun compound (prize money) or of a hyphenated one (mid-September):
    one French word often renders it whole."""
    index = next((i for i, t in enumerate(sentence) if t.start == word.start), None)
    if index is None:
        return False
    hyphen = any(
        t.text in ("-", "\u2010", "\u2011") and t.start in (word.end, word.start - 1)
        for t in sentence
    )
    return hyphen or word.dep == "compound" or any(
        t.dep == "compound" and t.head == index for t in sentence
    )


def _judged_french(links: PairLinks, index: int, *, function_words: bool = False) -> bool:
    word = links.french[index]
    pos = _OPPOSABLE_POS if function_words else _JUDGED_POS
    if word.pos not in pos or not links.senses[index] or len(word.text) < 3:
        return False
    return _ordinary(word, links.french_all, "fr", _FR_LIGHT, function_words)


_CLOSE_RELATIONS = ("hypernym", "hyponym", "antonym")


def _accounted_english(links: PairLinks, index: int) -> bool:
    return index in links.covered_by_bt or any(
        link.how in wordlink.MEANING_LINKS or link.how in _CLOSE_RELATIONS
        for link in links.of_english(index)
    )


def _accounted_french(links: PairLinks, index: int) -> bool:
    return links.meaning_linked_french(index) or any(
        link.how in _CLOSE_RELATIONS for link in links.of_french(index)
    )


def _kin_pairs(links: PairLinks) -> set[tuple[int, int]]:
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


def _taken_french(links: PairLinks) -> frozenset[int]:
    """Start offsets of the French words some reference word accounts for (kin pairs
    included)."""
    kin = {f for f, _ in _kin_pairs(links)}
    return frozenset(
        links.french[f].start for f in range(len(links.french))
        if _accounted_french(links, f) or f in kin
    )


def _taken_english(links: PairLinks, french: int) -> frozenset[int]:
    """Start offsets of the reference words accounted for by a French word other than
    ``french`` (kin pairs included), or by a back-translated word (same lemma, synonym
    or derivation) that is not the French word's own."""
    own = {t.start for words in _traced(links, french).values() for t in words}
    rendered = {
        e for e in links.covered_by_bt
        if any(
            t.start not in own and wordlink.bt_matches(t, links.english[e], strict=True)
            for words in links.bt_tokens.values() for t in words
        )
    }
    # A loose link (evidence ~ reconnues) to a French word that translates another
    # reference word outright does not account for the word.
    best = {
        e for g in range(len(links.french)) if g != french
        for e in links.counterparts_of_french(g)
    }
    kin = {e for f, e in _kin_pairs(links) if f != french}
    return frozenset(
        links.english[e].start for e in range(len(links.english))
        if e in rendered or e in best or e in kin or (
            # a word WordNet relates to the French word itself may render it
            all(link.french != french for link in links.of_english(e))
            and any(link.how in _CLOSE_RELATIONS for link in links.of_english(e))
        )
    )


def _absorbed(links: PairLinks, french: int) -> bool:
    """A French word that the reference renders together with the words around it:

    - the noun of a light-verb phrase (prendre en charge, avoir lieu, mettre en place);
    - the complement of a noun that the reference renders by a more specific word (salle
      d'audience / courtroom: the French head is a hypernym of the reference word);
    - a noun whose modifier the reference renders as an adverb (à l'échelle mondiale /
      world-wide, de manière rapide / quickly)."""
    sentence = links.french_all
    at = next((i for i, t in enumerate(sentence) if t.start == links.french[french].start), None)
    if at is None:
        return False
    head = sentence[sentence[at].head] if 0 <= sentence[at].head < len(sentence) else None
    if (
        head is not None and head.lemma in _FR_LIGHT and sentence[at].pos == "NOUN"
        and sentence[at].dep.split(":")[0] in ("obj", "obl")
    ):
        return True
    for f, token in enumerate(links.french):
        if head is not None and token.start == head.start and any(
            link.how == "hypernym" for link in links.of_french(f)
        ):
            return True
    modifiers = {t.start for t in sentence if t.head == at and t.pos in ("ADJ", "VERB")}
    for f, token in enumerate(links.french):
        if token.start in modifiers:
            for e in links.counterparts_of_french(f):
                word = links.english[e]
                if word.pos == "ADV" or word.dep in ("advmod", "npadvmod"):
                    return True
    return False


def _relative(token: Token, tokens: Sequence[Token]) -> float:
    if len(tokens) < 2:
        return 0.5
    return tokens.index(token) / (len(tokens) - 1)


def _french_anywhere(word: Token, mt_text: str, french: Sequence[Token]) -> bool:
    """The English word also stands in the French (a loanword, a name) or looks like a
    French word of any part of speech."""
    if re.search(rf"(?<!\w){re.escape(fold(word.text))}(?!\w)", fold(mt_text)):
        return True
    return any(wordlink.cognates(f, word) for f in french)


_FILLING = frozenset({"NOUN", "VERB", "ADJ", "ADV", "PROPN", "NUM"})


def _nearest(
    own: Sequence[Token], index: int, other: Sequence[Token], found: list[int]
) -> list[int]:
    """Of a word's counterparts, the one nearest its place (a repeated word: advice ...
    advice), so that the slot is read between the right occurrences."""
    if len(found) < 2:
        return found
    place = _relative(own[index], own)
    return [min(found, key=lambda j: abs(_relative(other[j], other) - place))]


# Dependencies inside a noun phrase, where French and English order words differently
# (bouchons quotidiens / daily traffic jams).
_PHRASE_DEPS = frozenset({"amod", "compound", "nmod", "nn", "poss"})


def _phrase_partners(token: Token, sentence: Sequence[Token]) -> list[Token]:
    """The other words of ``token``'s noun phrase: up to the head it modifies, then every
    noun, adjective and possessor modifying that head, and their own modifiers."""
    index = next((i for i, t in enumerate(sentence) if t.start == token.start), None)
    if index is None:
        return []
    head = index
    for _ in range(3):
        word = sentence[head]
        if word.dep not in _PHRASE_DEPS or not 0 <= word.head < len(sentence):
            break
        if word.head == head:
            break
        head = word.head
    members, frontier = {head}, [head]
    while frontier and len(members) < 12:
        frontier = [
            i for i, t in enumerate(sentence)
            if t.head in frontier and t.dep in _PHRASE_DEPS and i not in members
        ]
        members.update(frontier)
    return [sentence[i] for i in sorted(members) if i != index]


def _slot_is_empty(
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
        return _nearest(own, i, other, counterparts(i))

    def anchor(i: int) -> bool:
        """A neighbour with one counterpart (or one word repeated): a word linked to
        several (prendre ~ have, make, hold) pins no place down."""
        found = counterparts(i)
        return bool(found) and len({fold(other[j].lemma) for j in found}) == 1

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
        if t.pos in _FILLING and any(c.isalnum() for c in t.text)
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
        p for n in neighbours for p in _phrase_partners(n, sentence)
        if p.start in starts and not low <= p.start < high
    ]
    open_words = [
        t for t in between + outside
        if t.start not in taken and not _name_on_both_sides(t, own_text)
    ]
    if not open_words:
        return True
    # An adverb the dictionary cannot link (certes / certainly, également / also) stands
    # for an adverb of the word's own side in the same place, not for the word itself.
    if own[index].pos == "ADV" or any(t.pos != "ADV" for t in open_words):
        return False
    own_low = own[left].end if left is not None else 0
    own_high = own[right].start if right is not None else len(own_text)
    linked = {own[i].start for i in range(len(own)) if counterparts(i)}
    own_adverbs = [
        t for t in lexicon.parse(own_text, "en" if french else "fr")
        if t.pos == "ADV" and own_low <= t.start < own_high and t.start not in linked
        and len(t.text) > 3
    ]
    return len(open_words) <= len(own_adverbs)


def _modifier_slot_is_empty(links: PairLinks, index: int) -> bool:
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
    taken = _taken_french(links)
    french = links.french_all
    ignored = stop_words("fr")
    for j in _nearest(links.english, h, links.french, links.counterparts_of_english(h)):
        noun = links.french[j]
        at = next((i for i, t in enumerate(french) if t.start == noun.start), None)
        if noun.pos != "NOUN" or at is None:
            return False  # rendered by another part of speech: a restructured phrase
        def filling(t: Token) -> bool:
            return (
                t.pos in _FILLING and len(t.text) > 2
                and any(c.isalpha() for c in t.text) and fold(t.text) not in ignored
                and not (t.text[:1].isupper() and t.start > 0)  # a name
            )

        # Its modifiers, the word before it (a short adjective: grand, vieux) and the
        # nearest content word after it in the same clause (l'apocalypse qui approche /
        # the impending apocalypse).
        around = [t for t in french if t.head == at and t.start != noun.start]
        around += french[at - 1:at]
        after = next((
            t for t in french[at + 1:] if filling(t) or t.pos == "PUNCT"
        ), None)
        if after is not None and after.pos != "PUNCT":
            around.append(after)
        if any(filling(t) and t.start not in taken for t in around):
            return False
    return True


def _name_on_both_sides(token: Token, text: str) -> bool:
    """A name or a number that also stands, spelt alike, in the other text (Japan / Japon,
    million / millions, 1980s / années 1980)."""
    digits = re.sub(r"\D", "", token.text)
    if digits:
        return digits in re.sub(r"\D", " ", text).split()
    if token.pos not in ("PROPN", "NUM"):
        return False
    name = fold(token.text)
    return any(fuzz.ratio(name, fold(word)) >= 70 for word in lexicon.words(text))


def _traced(links: PairLinks, index: int) -> dict[str, list[Token]]:
    """Per engine, the back-translated words that the French word's senses produce."""
    senses = links.senses[index]
    return {
        engine: [t for t in tokens if t.lemma in senses or t.text.lower() in senses]
        for engine, tokens in links.bt_tokens.items()
    }


def _omissions(pair: Pair, links: PairLinks) -> list[int]:
    english = range(len(links.english))
    judged = [e for e in english if _judged_english(links, e)]
    if not judged:
        return []
    coverage = sum(1 for e in english if _accounted_english(links, e)) / len(links.english)
    if coverage < _MIN_MODIFIER_COVERAGE:
        return []
    open_french = [
        f for f in range(len(links.french))
        if _judged_french(links, f) and not _accounted_french(links, f)
    ]
    # Position alone is trusted only in a sentence whose words are all accounted for;
    # syntax (the noun an adjective modifies has a bare counterpart) also in a freer one.
    by_position = coverage >= _MIN_COVERAGE and len(open_french) <= _MAX_OPEN
    french_all = wordlink.content_tokens_all(pair.mt_text)
    candidates = [
        e for e in judged
        if not links.of_english(e)
        and not _in_compound(links.english[e], links.english_all)
        and e not in links.covered_by_bt
        and not _french_anywhere(links.english[e], pair.mt_text, french_all)
        and (
            _modifier_slot_is_empty(links, e)
            or by_position and _slot_is_empty(
                links.english, e, links.counterparts_of_english, links.french,
                pair.mt_text, "fr", pair.ref_text, _taken_french(links))
        )
    ]
    return candidates if len(candidates) == 1 else []


def _additions(pair: Pair, links: PairLinks) -> list[tuple[int, dict[str, list[Token]]]]:
    if not links.english or not links.bt_tokens:
        return []
    english = range(len(links.english))
    coverage = sum(1 for e in english if _accounted_english(links, e)) / len(links.english)
    if coverage < _MIN_COVERAGE:
        return []  # many reference words are unaccounted for: a rewording
    candidates = []
    for f in range(len(links.french)):
        if not _judged_french(links, f) or _accounted_french(links, f):
            continue
        traced = _traced(links, f)
        if not any(traced.values()):
            continue  # no back-translation shows the word: one witness only
        if _absorbed(links, f):
            continue
        ref_lemmas = {t.lemma for t in links.english} | {
            t.lemma for t in lexicon.parse(pair.ref_text, "en")
        }
        if any(t.lemma in ref_lemmas for words in traced.values() for t in words):
            continue
        if not _slot_is_empty(links.french, f, links.counterparts_of_french, links.english,
                              pair.ref_text, "en", pair.mt_text, _taken_english(links, f)):
            continue
        candidates.append((f, traced))
    if len(candidates) == 1:
        return candidates
    # Several added words are one error when they are one phrase (un individu adulte) or
    # one word repeated; anything else is a rewording.
    if candidates and (
        len({fold(links.french[f].lemma) for f, _ in candidates}) == 1
        or _one_phrase(links, [f for f, _ in candidates])
    ):
        return candidates
    return []


def _one_phrase(links: PairLinks, indexes: Sequence[int]) -> bool:
    """Whether French words stand together, only function words between them."""
    starts = sorted(links.french[i].start for i in indexes)
    if len(starts) > 3:
        return False
    inside = [t for t in links.french_all if starts[0] < t.start < starts[-1]]
    return all(t.start in starts or t.pos not in _FILLING for t in inside)


def _substitutions(pair: Pair, links: PairLinks) -> list[tuple[int, int, str, str]]:
    """(French, English, relation, sense) where a reference word that nothing means faces a
    French word, in its place, related to it by antonymy, hypernymy or hyponymy only."""
    found = []
    for link in links.links:
        if link.how not in ("hypernym", "hyponym", "antonym"):
            continue
        e, f = link.english, link.french
        if not _judged_english(links, e, function_words=link.how == "antonym"):
            continue
        if not _judged_french(links, f, function_words=link.how == "antonym"):
            continue
        if links.meaning_linked_english(e) or e in links.covered_by_bt:
            continue
        if links.meaning_linked_french(f):
            continue
        gap = abs(_relative(links.english[e], links.english) - _relative(
            links.french[f], links.french))
        if gap > _MAX_POSITION_GAP:
            continue
        found.append((f, e, link.how, link.via))
    return found


def _single_substitution(links: PairLinks, f: int, e: int) -> bool:
    """Whether the two words are the only ones unaccounted for on each side."""
    open_english = [
        i for i in range(len(links.english))
        if _judged_english(links, i) and not links.meaning_linked_english(i)
        and i not in links.covered_by_bt
    ]
    open_french = [
        i for i in range(len(links.french))
        if _judged_french(links, i) and not links.meaning_linked_french(i)
    ]
    return open_english == [e] and open_french == [f]


def _grouped(
    links: PairLinks, added: list[tuple[int, dict[str, list[Token]]]]
) -> list[list[tuple[int, dict[str, list[Token]]]]]:
    """Added words, those of one phrase together (a repeated word stays one per place)."""
    if len(added) > 1 and len({fold(links.french[f].lemma) for f, _ in added}) > 1:
        return [sorted(added, key=lambda a: a[0])]
    return [[a] for a in added]


def _bt_word(traced: dict[str, list[Token]]) -> tuple[str | None, list[str]]:
    engines = [engine for engine, words in traced.items() if words]
    first = next((words[0].text for words in traced.values() if words), None)
    return first, engines


def check(result: DocumentResult, ctx: CheckContext) -> list[Finding]:
    """Single-word omissions, additions, antonyms and hypernyms in aligned pairs."""
    pairs = [p for p in result.pairs if p.aligned]
    if not pairs or wordnet_graph() is None or not lexicon.dictionary().available:
        return []
    wordlink.prefetch([p.mt_text for p in pairs], [p.ref_text for p in pairs])
    found: list[Finding] = []
    for pair in pairs:
        bts = {e: pair.bt[e] for e in ctx.engines if e in pair.bt}
        links = wordlink.link_pair(pair.mt_text, pair.ref_text, bts)
        if not links.french or not links.english:
            continue
        for e in _omissions(pair, links):
            word = links.english[e]
            found.append(finding(
                result, pair, kind="omission", severity="major", detector=DETECTOR,
                message=f"'{word.text}' of the reference has no counterpart in the MT "
                "nor in any back-translation",
                ref_span=pair.ref_text[word.start:word.end],
                engines=list(bts),
                evidence={"check": "word_omission", "pos": word.pos,
                          "reference_word_in_french": sorted(
                              wordlink.english_senses([word])[0])},
            ))
        for group in _grouped(links, _additions(pair, links)):
            first, last = links.french[group[0][0]], links.french[group[-1][0]]
            senses = sorted(set().union(*(links.senses[f] for f, _ in group)))
            traced = {e: [t for _, tr in group for t in tr.get(e, [])] for e in bts}
            bt_span, engines = _bt_word(traced)
            span = pair.mt_text[first.start:last.end]
            found.append(finding(
                result, pair, kind="addition", severity="major", detector=DETECTOR,
                message=f"'{span}' (\u2248 {', '.join(senses[:3])}) "
                "has no counterpart in the reference",
                mt_span=span, bt_span=bt_span, engines=engines,
                evidence={"check": "word_addition", "pos": first.pos,
                          "french_senses": senses},
            ))
        inverted = _negation_count(pair.mt_text, "fr") != _negation_count(pair.ref_text, "en")
        for f, e, how, sense in _substitutions(pair, links):
            french, english = links.french[f], links.english[e]
            if how == "antonym":
                if inverted:
                    continue  # a negation on one side may cancel the opposite
                found.append(finding(
                    result, pair, kind="meaning_inversion", severity="critical",
                    detector=DETECTOR,
                    message=f"'{french.text}' means '{sense}', the opposite of the "
                    f"reference's '{english.text}'",
                    mt_span=pair.mt_text[french.start:french.end],
                    ref_span=pair.ref_text[english.start:english.end],
                    engines=list(bts),
                    evidence={"check": "antonym", "relation": "antonym",
                              "french_sense": sense, "source": "WordNet"},
                ))
            else:
                # A translator generalises a word routinely (discussions for talks); a
                # French noun more specific than the reference's, as the one difference of
                # an otherwise matching sentence, says something the reference does not.
                if how != "hyponym" or not (
                    french.pos == english.pos == "NOUN" and _single_substitution(links, f, e)
                ):
                    continue
                relation = "more general" if how == "hypernym" else "more specific"
                found.append(finding(
                    result, pair, kind="odd_rendering", severity="major", detector=DETECTOR,
                    message=f"'{french.text}' means '{sense}', {relation} than the "
                    f"reference's '{english.text}'",
                    mt_span=pair.mt_text[french.start:french.end],
                    ref_span=pair.ref_text[english.start:english.end],
                    engines=list(bts),
                    evidence={"level": "sense", "check": how, "relation": how,
                              "french_sense": sense, "source": "WordNet"},
                ))
    return found
