"""Which words the word-level checks judge, and which are accounted for: the vocabulary the
word-level, antonym, hypernym and sense checks share about the word link (``wordlink``).

A word is judged when it is a noun, verb or adjective (adverbs too, for antonymy) of its
own: not tied to a number, not a stop word, a light verb or a name. A word is accounted for
when a French word means it (dictionary, WordNet synonym, derivation, cognate, or a close
relation: hypernym, hyponym, antonym) or a back-translation has it.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from functools import lru_cache

from mtqa.checks import lexicon, wordlink
from mtqa.checks.wordlink import PairLinks
from mtqa.language.lexicons import stop_words as _stop_words
from mtqa.language.parse import Token
from mtqa.language.text import fold, fold_keep_length
from mtqa.language.wordnet import WordNetGraph, wordnet_graph

JUDGED_POS = frozenset({"NOUN", "VERB", "ADJ"})
# Antonymy judges adverbs too (far / près, well / mal), except right after a negation or
# a softener, where the pair is a litotes (non loin de = near, not badly = well).
ANTONYM_POS = JUDGED_POS | {"ADV"}
_LITOTES_BEFORE = frozenset({"non", "pas", "peu", "not", "no", "n't", "never", "hardly"})


def after_negation(word: Token, sentence: Sequence[Token]) -> bool:
    """The word follows a negation or a softener within two words (a litotes)."""
    index = next((i for i, t in enumerate(sentence) if t.start == word.start), None)
    return index is not None and any(
        t.text.lower() in _LITOTES_BEFORE for t in sentence[max(0, index - 2):index])


# Verbs that carry little meaning of their own and are rendered freely.
EN_LIGHT = frozenset(
    "be have do make take get give go come put set keep let seem become use need want "
    "include provide allow help try begin start continue show find hold bring".split()
)
FR_LIGHT = frozenset(
    "être avoir faire mettre prendre donner aller venir pouvoir devoir vouloir falloir "
    "sembler devenir rester permettre laisser tenir passer porter rendre trouver "
    "agir arriver".split()
)
# Two words whose places in their sentences (0 to 1) are further apart are not one word's
# two renderings.
MAX_POSITION_GAP = 0.35

_FR_NEGATION = re.compile(
    r"(?<![\w-])(?:ne(?![\w-])|n')\s*(?:[\w'-]+\s+){0,4}?(?:pas|plus|jamais|rien|aucune?)"
    r"(?![\w-])"
    r"|(?<![\w-])(?:sans|aucune?|jamais)(?![\w-])"
)
_EN_NEGATION = re.compile(r"(?<![\w-])(?:not|never|no|without|none)(?![\w-])|n't(?![\w-])")


@lru_cache(maxsize=2)
def stop_words(language: str) -> frozenset[str]:
    return _stop_words(language)


def negation_count(text: str, language: str) -> int:
    pattern = _FR_NEGATION if language == "fr" else _EN_NEGATION
    return len(pattern.findall(fold_keep_length(text)))


def _ordinary(
    word: Token, sentence: Sequence[Token], language: str, light: Collection[str],
    function_words: bool,
) -> bool:
    """Neither tied to a number, nor a stop word (unless ``function_words``), nor a light
    verb, nor a name (or part of one: the entity checks own names)."""
    if counted(word, sentence, units_only=function_words):
        return False
    if not function_words and (
        fold(word.text) in stop_words(language) or fold(word.lemma) in stop_words(language)
    ):
        return False
    if word.pos == "VERB" and word.lemma in light:
        return False
    return not (word.text[:1].isupper() and word.start > 0)


def judged_english(links: PairLinks, index: int, *, function_words: bool = False) -> bool:
    """Whether a reference word is one the checks judge (``function_words``: quantifiers
    and the like too, for antonymy: many / few)."""
    word = links.english[index]
    if word.pos not in (ANTONYM_POS if function_words else JUDGED_POS) or (
        word.lemma in lexicon.STOP_LEMMAS
    ):
        return False
    if function_words and after_negation(word, links.english_all):
        return False
    if not _ordinary(word, links.english_all, "en", EN_LIGHT, function_words):
        return False
    net = wordnet_graph()
    return net is not None and net.known(word.lemma)


# Adverbs that situate, hedge or stress rather than describe how: a translator adds them
# freely (really, currently, mainly), so an English one with no French word is no omission.
_FREE_ADVERBS = frozenset(
    "really actually especially particularly currently recently finally simply nearly "
    "exactly usually generally mostly certainly probably clearly obviously mainly largely "
    "only early likely entirely fully completely directly newly formerly previously "
    "initially eventually already roughly approximately merely truly highly".split()
)


def manner_adverb(links: PairLinks, index: int) -> bool:
    """A reference adverb of manner (quickly, carefully, violently), judged for omission like
    an adjective: WordNet derives it from an adjective, and it is none of the adverbs that
    situate or hedge."""
    word = links.english[index]
    text = word.text.lower()
    if word.pos != "ADV" or not text.endswith("ly") or len(text) < 6 or text in _FREE_ADVERBS:
        return False
    if after_negation(word, links.english_all) or not _ordinary(
        word, links.english_all, "en", EN_LIGHT, False
    ):
        return False
    net = wordnet_graph()
    return net is not None and any(net.synsets(d, "ADJ") for d in net.derivations(text))


def counted(word: Token, sentence: Sequence[Token], *, units_only: bool = False) -> bool:
    """A word tied to a number (25 millions de dollars, années 80): the number checks own
    units, amounts and dates. ``units_only``: only the number's own head or dependents, not
    its neighbours (the antonym check: "six long months" is about "long"). An adjective near
    a number is tied to it only when the parse ties them too (« long de deux kilomètres »,
    "three years old"), not when it describes another noun ("wooden doors after two
    years")."""
    index = next((i for i, t in enumerate(sentence) if t.start == word.start), None)
    if index is None:
        return False
    near = [] if units_only else [
        sentence[i] for i in range(index - 3, index + 4) if 0 <= i < len(sentence)]
    near += [t for t in sentence if t.head == index] + [sentence[word.head]]
    if word.pos == "ADJ" and _ORDINAL_WORD.fullmatch(fold(word.text)):
        return True  # "the fifth century" (« le Ve siècle »), « la troisième place »; not
        # first or second, which also say an order (the first / the last minute)
    if not any(_is_number(t) for t in near):
        return False
    if word.pos != "ADJ" or units_only or _is_number(word):  # an ordinal: 10th, 3e
        return True
    below = [i for i, t in enumerate(sentence) if t.head == index and i != index]
    tied = [t for i, t in enumerate(sentence)
            if i != index and (t.head in (index, word.head) or t.head in below)]
    return any(_is_number(t) for t in [sentence[word.head], *tied])


def _is_number(token: Token) -> bool:
    """A numeral, a figure (2019, 5,2, 10th, 3e, 30 %, €30) or a Roman ordinal; not a code
    that begins with letters (A7, G20, COVID-19): that is a name, which says no amount."""
    text = token.text
    if text[:1].isalpha() and any(c.isdigit() for c in text) and not _ROMAN_ORDINAL.fullmatch(
        text
    ):
        return False
    return (token.pos == "NUM" or any(c.isdigit() for c in text)
            or bool(_ROMAN_ORDINAL.fullmatch(text)))


# An ordinal in words or in Roman numerals is a number the number checks own: « le Ve
# siècle » is "the fifth century", « au XIXe » "in the 19th".
_ORDINAL_WORD = re.compile(
    r"third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|\w+teenth|\w+tieth|hundredth|thousandth|millionth|\w{3,}ieme")
_ROMAN_ORDINAL = re.compile(r"[IVX]+(?:e|er|ère|ème|ᵉ)")


def in_compound(word: Token, sentence: Sequence[Token]) -> bool:
    """A word of a noun compound (prize money): one French word often renders it whole."""
    index = next((i for i, t in enumerate(sentence) if t.start == word.start), None)
    if index is None:
        return False
    return word.dep == "compound" or any(
        t.dep == "compound" and t.head == index for t in sentence
    )


def judged_french(links: PairLinks, index: int, *, function_words: bool = False) -> bool:
    word = links.french[index]
    if word.pos not in (ANTONYM_POS if function_words else JUDGED_POS) or (
        not links.senses[index] or len(word.text) < 3 or word.start in links.bound
    ):
        return False
    if function_words and after_negation(word, links.french_all):
        return False
    return _ordinary(word, links.french_all, "fr", FR_LIGHT, function_words)


CLOSE_RELATIONS = ("hypernym", "hyponym", "antonym")
# Prefixes of degree: a French word built with one on the reference word's own stem says
# more of the same thing (supersonique / sonic, hypersensible / sensitive), whatever WordNet
# opposes (its subsonic / sonic / supersonic are antonyms of one another).
_DEGREE_PREFIXES = ("super", "hyper", "ultra", "supra", "extra")


def degree_of(french: str, english: str) -> bool:
    """The French word is a degree prefix on the English word's stem (supersonique, sonic):
    after the prefix, it starts with the English word less its last letter (five at most)."""
    word, stem = fold(french), fold(english)
    shared = stem[: min(5, len(stem) - 1)]
    return len(stem) >= 5 and any(
        word.startswith(prefix) and word[len(prefix):].startswith(shared)
        for prefix in _DEGREE_PREFIXES)



def inferior_comparative(word: Token, sentence: Sequence[Token]) -> bool:
    """« moins » before the French adjective (« moins chers », « moins grande »): a
    comparative of inferiority, which English often says with the opposite adjective
    ("cheaper", "smaller"), so an opposite there agrees."""
    at = next((i for i, t in enumerate(sentence) if t.start == word.start), None)
    return at is not None and at > 0 and fold(sentence[at - 1].text) == "moins"


def accounted_english(links: PairLinks, index: int) -> bool:
    return index in links.covered_by_bt or any(
        link.how in wordlink.MEANING_LINKS or link.how in CLOSE_RELATIONS
        for link in links.of_english(index)
    )


def accounted_french(links: PairLinks, index: int) -> bool:
    return links.meaning_linked_french(index) or any(
        link.how in CLOSE_RELATIONS for link in links.of_french(index)
    ) or names_reference_word(links, index)


_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december".split()
)


def names_reference_word(links: PairLinks, index: int) -> bool:
    """The French word is one French writes in lower case and English capitalises, which the
    word link leaves out as a name: a day or a month (samedi / Saturday, janvier /
    January), an adjective of nationality (européenne / European). Not a word of an
    institution's name (« Cour de cassation » / Court of Cassation): the name's other words
    may hold the link's counterparts."""
    word = links.french[index]
    senses = links.senses[index] if word.pos == "ADJ" else links.senses[index] & _CALENDAR
    return bool(senses) and word.text[:1].islower() and any(
        t.text[:1].isupper() and fold(t.text) in senses for t in links.english_all)


def relative(token: Token, tokens: Sequence[Token]) -> float:
    if len(tokens) < 2:
        return 0.5
    return tokens.index(token) / (len(tokens) - 1)


def french_anywhere(word: Token, mt_text: str, french: Sequence[Token]) -> bool:
    """The English word also stands in the French (a loanword, a name) or looks like a
    French word of any part of speech."""
    if re.search(rf"(?<!\w){re.escape(fold(word.text))}(?!\w)", fold(mt_text)):
        return True
    return any(wordlink.cognates(f, word) for f in french)


def traced_words(links: PairLinks, index: int) -> dict[str, list[Token]]:
    """Per engine, the back-translated words that the French word's senses produce."""
    senses = links.senses[index]
    return {
        engine: [t for t in tokens if t.lemma in senses or t.text.lower() in senses]
        for engine, tokens in links.bt_tokens.items()
    }


def verb_against_noun(french: Token, english: Token) -> bool:
    """A French verb facing an English noun or adverb: the verb's sense read in the other
    part of speech is no opposite (« répondre » is "answer", a verb; WordNet opposes the
    nouns answer and question; « présentée » is not the adjective present, against "early")."""
    return french.pos == "VERB" and english.pos in ("NOUN", "ADV")


def _relational(sense: str, net: WordNetGraph) -> bool:
    """An English word a French relational adjective renders: a noun WordNet has no
    adjective for (informatique / computer), or an adjective that pertains to a noun
    (médical / medical → medicine); not a quality (jeune / young, clair / clear)."""
    if not net.synsets(sense, "ADJ"):
        return bool(net.synsets(sense, "NOUN"))
    return bool(net.pertainyms(sense))


def defined_whole(links: PairLinks, index: int) -> bool:
    """A French relational adjective whose noun's counterpart in the reference holds it in
    its WordNet definition (« pirates informatiques » / hackers: "a programmer who breaks
    into computer systems"): the reference's one word says the pair whole."""
    word, net = links.french[index], wordnet_graph()
    if word.pos != "ADJ" or net is None or not 0 <= word.head < len(links.french_all):
        return False
    head = links.french_all[word.head]
    h = next((i for i, t in enumerate(links.french) if t.start == head.start), None)
    if h is None or h == index:
        return False
    senses = [s for s in links.senses[index] if " " not in s and _relational(s, net)]
    for e in links.counterparts_of_french(h):
        for key in net.synsets(links.english[e].lemma, "NOUN")[:2]:
            defined = set(re.findall(r"[a-z]+", net.synset(key).gloss.split(";")[0].lower()))
            if any(s in defined for s in senses):
                return True
    return False
