"""The word-level link between the French MT and the English reference.

Owns ``link_pair`` (WordNet 3.0's relations between English words, shared meaning,
derivation, antonymy, hypernymy, senses and their glosses, come from
``mtqa.language.wordnet``), which links each content word of the
reference to the French content words that can mean it. A link is found, strongest first,
through:

- the bilingual dictionary (Apertium's French → Spanish → English entries, and English →
  Spanish → French back): the French word's English senses contain the reference word, or
  the reference word's French senses contain the French word;
- WordNet: a sense of the French word shares a synset with the reference word (synonym) or
  is one derivation away from it (decide / decision, economic / economy);
- cognates: the French and English words look alike (``rapidfuzz``);
- hypernymy, hyponymy and antonymy: weaker links that the checks turn into questions
  (the French word means something more general, more specific, or the opposite). For
  antonymy only, FreeDict's French → English renderings of the word's lemma in its part of
  speech count too, where installed (``more_senses``: « sombre » is only "shady" in
  Apertium, dark and gloomy in FreeDict); they are too broad to link a word to its
  meaning (appliquer: apply, place, put, use), and linking with them raised false
  additions on faithful text.
  Words WordNet calls direct antonyms never mean each other, whatever else links them
  (a verb sense the nouns father and mother share, the look-alikes patients and
  impatient), nor does a back-translated antonym cover a reference word; they may link
  as antonyms across parts of speech the tagger confuses (vraie read as a noun).

The back-translations are the second witness: a reference word that appears in a
back-translation (same lemma, synonym or derivation) is covered whatever the dictionary
says. Everything is loaded lazily; without Apertium's dictionaries, spaCy or WordNet the
link is empty and the checks built on it stay silent.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Literal

from rapidfuzz import fuzz

from mtqa.checks import lexicon
from mtqa.language.freedict import freedict
from mtqa.language.lexicons import stop_words
from mtqa.language.parse import Token
from mtqa.language.text import fold, fold_keep_length
from mtqa.language.wordnet import WordNetGraph, wordnet_graph

log = logging.getLogger(__name__)

# Parts of speech whose words carry the content the link is about.
LINKED_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV"})

# Link strengths, strongest first. "hypernym": the French word means something more
# general than the reference word; "hyponym": more specific; "antonym": the opposite.
MEANING_LINKS = ("dictionary", "synonym", "derivation", "similar", "cognate")
RELATION_LINKS = ("hypernym", "hyponym", "antonym", "kin")
_DIRECT = frozenset({"dictionary", "cognate"})
_RANK = {how: rank for rank, how in enumerate(MEANING_LINKS + RELATION_LINKS)}


# ---------------------------------------------------------------------------------------
# The link

_SENSE_CLEAN = re.compile(r"[#_]")


def clean_sense(sense: str) -> str:
    """A dictionary sense as the link compares it (lemma marks and underscores spaced)."""
    return " ".join(_SENSE_CLEAN.sub(" ", sense).split()).lower()


@dataclass(frozen=True)
class Link:
    """A French word linked to a reference word, and how."""

    french: int  # index into PairLinks.french
    english: int  # index into PairLinks.english
    how: str  # one of MEANING_LINKS or RELATION_LINKS
    via: str  # the English sense (or French word) that made the link


# English adverbial particles of phrasal verbs (kept out of, set aside), which the tagger
# may read as an adverb or a preposition.
_PARTICLES = frozenset("out away aside off up down back apart".split())


@dataclass(frozen=True)
class PairLinks:
    """The word link of one aligned pair."""

    french: tuple[Token, ...]  # content words of the MT
    english: tuple[Token, ...]  # content words of the reference
    senses: tuple[frozenset[str], ...]  # per French word, its English senses
    links: tuple[Link, ...]
    covered_by_bt: frozenset[int]  # reference words found in some back-translation
    bt_tokens: Mapping[str, tuple[Token, ...]] = field(default_factory=dict)
    french_all: tuple[Token, ...] = ()  # every token of the MT sentence
    english_all: tuple[Token, ...] = ()  # every token of the reference sentence
    # per French word, FreeDict's renderings that ``senses`` lacks: the antonym checks read
    # them; too broad to link a word or account for it
    more_senses: tuple[frozenset[str], ...] = ()
    # starts of French words bound in a locution of grammar (« en raison de »): no
    # meaning of their own (``bound_words``)
    bound: frozenset[int] = frozenset()

    def of_english(self, index: int) -> list[Link]:
        return [link for link in self.links if link.english == index]

    def of_french(self, index: int) -> list[Link]:
        return [link for link in self.links if link.french == index]

    def meaning_linked_english(self, index: int) -> bool:
        return any(link.how in MEANING_LINKS for link in self.of_english(index))

    def meaning_linked_french(self, index: int) -> bool:
        """Whether the French word means some reference word, and is that word's best
        counterpart: a loose synonym link (horloge ~ watch ~ observe) to a word another
        French word translates outright does not count."""
        return bool(self.counterparts_of_french(index))

    def _best(self, same_pos: bool = False) -> dict[int, int]:
        best: dict[int, int] = {}
        for link in self.links:
            if same_pos and not self._same_pos(link):
                continue
            rank = _RANK[link.how]
            best[link.english] = min(rank, best.get(link.english, rank))
        return best

    def _same_pos(self, link: Link) -> bool:
        return self.french[link.french].pos == self.english[link.english].pos

    def _is_best(self, link: Link, best: dict[int, int], best_same: dict[int, int]) -> bool:
        """The link is its reference word's best, or its best in the same part of speech: a
        word translated outright by a word of another part of speech ("painting" by « peint »)
        is still rendered by its noun (« tableau », a synonym through "picture")."""
        rank = _RANK[link.how]
        return link.how in MEANING_LINKS and (
            rank == best[link.english]
            or (self._same_pos(link) and rank == best_same.get(link.english))
        )

    def counterparts_of_french(self, index: int) -> list[int]:
        """Reference words this French word is the best meaning link of. A word the
        dictionary translates outright (pays → country) is not also the counterpart of its
        looser synonyms (land)."""
        best, best_same = self._best(), self._best(same_pos=True)
        own = [link for link in self.of_french(index) if self._is_best(link, best, best_same)]
        direct = [link for link in own if link.how in _DIRECT]
        return [link.english for link in (direct or own)]

    def in_phrasal_locution(self, index: int) -> bool:
        """A French noun in a bare prepositional locution of a verb (tenir à l'écart, mettre
        de côté, mettre en place) whose English counterpart is a phrasal verb (keep out, set
        aside, set up): the particle renders the locution, the noun has no word of its own."""
        word = self.french[index]
        at = {t.start: i for i, t in enumerate(self.french_all)}
        position = at.get(word.start)
        if word.pos != "NOUN" or position is None:
            return False
        dependents = [t for t in self.french_all if t.head == position and t is not word]
        if not any(t.dep == "case" for t in dependents) or any(
            t.pos == "ADJ" for t in dependents
        ):
            return False  # no preposition, or a noun an adjective describes
        verb = self.french_all[word.head]
        if verb.pos != "VERB" or verb.start not in {w.start for w in self.french}:
            return False
        own = next(i for i, w in enumerate(self.french) if w.start == verb.start)
        english = {self.english[link.english].start for link in self.of_french(own)
                   if link.how in MEANING_LINKS}
        return any(
            (t.dep == "prt" or t.dep in ("advmod", "prep") and t.lemma in _PARTICLES)
            and self.english_all[t.head].start in english for t in self.english_all
        )

    def in_frame_locution(self, index: int) -> bool:
        """A noun that frames an adjective (« au niveau national », « à l'échelle
        mondiale », « sur le plan économique »): English says it with the adjective alone
        ("nationally", "globally", "economically"), so the noun has no word of its own."""
        word = self.french[index]
        if fold(word.lemma) not in _FRAME_NOUNS:
            return False
        at = next((i for i, t in enumerate(self.french_all) if t.start == word.start), None)
        if at is None or at + 1 >= len(self.french_all) or at == 0:
            return False
        before = " ".join(fold(t.text) for t in self.french_all[max(0, at - 2):at])
        return self.french_all[at + 1].pos == "ADJ" and before.endswith(
            ("au", "a l'", "a l", "sur le"))

    def relational_participle(self, index: int) -> bool:
        """A participle that ties a noun to what it serves (« le budget consacré aux
        transports », « les fonds destinés à la recherche »): English says it with a
        compound or a preposition ("the transport budget", "research funds")."""
        word = self.french[index]
        if fold(word.lemma) not in _RELATIONAL or "VerbForm=Part" not in word.morph:
            return False
        at = next((i for i, t in enumerate(self.french_all) if t.start == word.start), None)
        return at is not None and self.french_all[at].dep == "acl" and (
            self.french_all[self.french_all[at].head].pos == "NOUN")

    def counterparts_of_english(self, index: int) -> list[int]:
        """French words that are this reference word's best meaning links."""
        best, best_same = self._best(), self._best(same_pos=True)
        return [link.french for link in self.of_english(index)
                if self._is_best(link, best, best_same)]


def _lookalike(source: Token, word: Token, net: WordNetGraph) -> str | None:
    """The French word spelt as an English word of its part of speech (accents dropped)
    that shares a synset with the reference word."""
    alike = fold(source.lemma)
    if len(alike) < 5 or not alike.isalpha() or source.pos != word.pos or alike == word.lemma:
        return None
    if not net.synsets(alike, source.pos) or net.opposed(alike, word.lemma):
        return None
    return alike if net.share_synset(alike, word.lemma) else None


_FRAME_NOUNS = frozenset({"niveau", "echelle", "plan"})
_RELATIONAL = frozenset({"consacrer", "destiner", "dedier", "reserver", "affecter", "allouer",
                         "lier", "relatif", "consacre", "destine", "dedie", "reserve", "lie"})


def _content(tokens: Iterable[Token]) -> tuple[Token, ...]:
    return tuple(
        t for t in tokens
        if t.pos in LINKED_POS and any(c.isalpha() for c in t.text) and len(t.text) > 1
    )


def _adjective_read_as_number(token: Token) -> Token:
    """A French word in letters that the tagger reads as a number while it modifies a noun
    as an adjective does (« le foin sec »: ``amod``, where a cardinal is ``nummod``) is the
    adjective when FreeDict knows it as one (sec: dry); number words (deux, neuf, mille)
    have no adjective entry there and stay numbers."""
    if token.pos != "NUM" or token.dep != "amod" or not token.text.isalpha():
        return token
    extra = freedict()
    if extra is None or not extra.senses(token.lemma, "ADJ"):
        return token
    return replace(token, pos="ADJ")


def _french_content(tokens: Iterable[Token]) -> tuple[Token, ...]:
    return _content(_adjective_read_as_number(t) for t in tokens)


def _english_match(word: str, lemma: str, pos: str, other: Token,
                   net: WordNetGraph | None) -> str | None:
    """How an English sense or word (``word``/``lemma``) matches an English token."""
    if lemma == other.lemma or word == other.text.lower() or lemma == other.text.lower():
        return "dictionary"
    if net is None:
        return None
    if net.opposed(lemma, other.lemma):
        return None  # a sense shared in another part of speech (the verbs father / mother),
        # or a look-alike (patient / impatient): opposites never mean each other
    if net.share_synset(lemma, other.lemma):
        return "synonym"
    if other.lemma in net.derivations(lemma) or lemma in net.derivations(other.lemma):
        return "derivation"
    if other.pos == "ADJ" and other.lemma in (lemma + "en", lemma + "len"):
        return "derivation"  # a material adjective WordNet does not derive (wooden, woollen)
    if other.lemma in net.similar(lemma) or lemma in net.similar(other.lemma):
        return "similar"
    if min(len(lemma), len(other.lemma)) >= 5 and fuzz.ratio(lemma, other.lemma) >= 85:
        return "similar"  # a spelling or derivation WordNet lacks (minoritary, minority)
    return None


def cognates(french: Token, english: Token) -> bool:
    """Look-alike words (diamètre / diameter, présence / presence); short words never."""
    a, b = fold(french.lemma), english.lemma.lower()
    c, d = fold(french.text), english.text.lower()
    if min(len(a), len(b)) < 4:
        return False
    return max(fuzz.ratio(a, b), fuzz.ratio(c, d), fuzz.ratio(a, d)) >= 80


def french_senses(tokens: Sequence[Token], *, second: bool = True) -> list[frozenset[str]]:
    """English senses of each French word, from its form and its lemma; with ``second``,
    FreeDict's too."""
    return _senses(tokens, "fr", second=second)


def english_senses(tokens: Sequence[Token]) -> list[frozenset[str]]:
    """French equivalents (folded) of each English word, from its form and its lemma."""
    return _senses(tokens, "en")


def _senses(tokens: Sequence[Token], language: Literal["fr", "en"], *,
            second: bool = False) -> list[frozenset[str]]:
    """The dictionary's senses of each word of ``language``, looked up by form and lemma in
    one batch (with ``second``, FreeDict's renderings of a French word's lemma in its part
    of speech too, where installed); French senses are folded, as French words are
    compared."""
    dictionary = lexicon.dictionary()
    if not dictionary.available:
        return [frozenset()] * len(tokens)
    wanted = [t.text for t in tokens] + [t.lemma for t in tokens]
    if language == "fr":
        found, form = dictionary.french_senses(wanted), clean_sense
    else:
        found, form = dictionary.english_senses(wanted), _folded_sense
    own = [frozenset(form(s) for s in found[t.text] | found[t.lemma] if s) for t in tokens]
    if not second or language != "fr":
        return own
    return [mine | more for mine, more in zip(own, _second_senses(tokens), strict=True)]


def _second_senses(tokens: Sequence[Token]) -> list[frozenset[str]]:
    """FreeDict's renderings of each French word's lemma in its part of speech, cleaned as
    the dictionary's senses are; none where FreeDict is not installed."""
    extra = freedict()
    if extra is None:
        return [frozenset()] * len(tokens)
    function_words = stop_words("fr")
    return [
        frozenset() if t.lemma.lower() in function_words else frozenset(
            clean_sense(s) for s in extra.senses(t.lemma, t.pos) - _BROAD if s)
        for t in tokens
    ]


# FreeDict renderings too broad to say what a word means (recevoir: get, receive): they
# would oppose it to everything their own opposites are (get / leave). Nor are function
# words read in it (« plus »: more, further, whose opposite is "closer").
_BROAD = frozenset(
    "be have do get give take put set keep let make go come hold bring turn run".split())


def _folded_sense(sense: str) -> str:
    return fold(clean_sense(sense))


def prefetch(mt_texts: Sequence[str], ref_texts: Sequence[str]) -> None:
    """Look up every word of a document's sentences in one batch per direction (the
    dictionary caches them), instead of a lookup per sentence."""
    french = [t for text in mt_texts for t in _french_content(lexicon.parse(text, "fr"))]
    english = [t for text in ref_texts for t in _content(lexicon.parse(text, "en"))]
    french_senses(french)
    english_senses(english)
    if lexicon.dictionary().available:
        lexicon.dictionary().french_locutions(mt_texts)


def bound_words(mt_text: str, tokens: Sequence[Token]) -> frozenset[int]:
    """Starts of the French words that Apertium's analyser reads inside a unit of several
    words of a locution of grammar (« en raison de », « faute de », « le long de »): they
    mean nothing alone, so they are neither added nor a rewording on their own. A noun's or
    a verb's fixed words are not (« intérêt » of « taux d'intérêt » may be what the
    reference lost: "rates"; « place » of « mettre en place », what a particle renders)."""
    dictionary = lexicon.dictionary()
    if not dictionary.available:
        return frozenset()
    folded, bound, at = fold_keep_length(mt_text), set(), 0
    for surface, whole in dictionary.french_locutions([mt_text])[mt_text]:
        start = folded.find(fold_keep_length(surface), at)
        if start < 0:
            continue
        end = at = start + len(surface)
        inside = [t for t in tokens if t.start >= start and t.end <= end]
        if whole:
            bound |= {t.start for t in inside}
    return frozenset(bound)


def content_tokens_all(text: str) -> tuple[Token, ...]:
    """Every word of a French sentence, names and function words included."""
    return tuple(t for t in lexicon.parse(text, "fr") if any(c.isalpha() for c in t.text))


# Parts of speech the tagger confuses (a participle tagged adjective or verb): an antonym
# may link across them, a hypernym only within one part of speech.
_LOOSE_POS = frozenset({"ADJ", "VERB", "ADV"})


def _relation(
    senses: Iterable[str], english: Token, net: WordNetGraph, *, same_pos: bool,
    more: Iterable[str] = (),
) -> tuple[str, str] | None:
    """The weaker relation of a French word's senses to a reference word; ``more``
    (FreeDict's broad renderings) are read for antonyms only."""
    senses = list(senses)
    for sense in [*senses, *sorted(more)]:
        if english.lemma in net.antonyms(sense):
            return "antonym", sense
    if not same_pos:
        return None
    for sense in senses:
        if net.is_hypernym(sense, english.lemma):
            return "hypernym", sense
        if net.is_hypernym(english.lemma, sense):
            return "hyponym", sense
    for sense in senses:
        if net.kin(sense, english.lemma):
            return "kin", sense
    return None


def link_pair(mt_text: str, ref_text: str, back_translations: Mapping[str, str]) -> PairLinks:
    """Link the content words of a French sentence and its English reference (each pair
    once: the word-level and hypernym checks both read the same link)."""
    return _link_pair(mt_text, ref_text, tuple(sorted(back_translations.items())))


@lru_cache(maxsize=1024)
def _link_pair(
    mt_text: str, ref_text: str, back_translations: tuple[tuple[str, str], ...]
) -> PairLinks:
    net = wordnet_graph()
    french = _french_content(lexicon.parse(mt_text, "fr"))
    english = _content(lexicon.parse(ref_text, "en"))
    own = french_senses(french, second=False)
    more = [found - mine for found, mine in zip(_second_senses(french), own, strict=True)]
    senses = [mine | extra for mine, extra in zip(own, more, strict=True)]
    back = english_senses(english)
    links: list[Link] = []
    for e, word in enumerate(english):
        for f, source in enumerate(french):
            best: tuple[str, str] | None = None
            if fold(source.lemma) in back[e] or fold(source.text) in back[e]:
                best = ("dictionary", source.lemma)
            else:
                for sense in own[f]:
                    how = _english_match(sense, sense, word.pos, word, net)
                    if how is not None and (best is None or (
                        MEANING_LINKS.index(how) < MEANING_LINKS.index(best[0])
                    )):
                        best = (how, sense)
                if best is None and cognates(source, word) and not (
                    net is not None and any(
                        net.opposed(s, word.lemma) for s in {*senses[f], fold(source.lemma)})
                ):  # patients / impatient look alike and mean the opposite
                    best = ("cognate", source.text)
                if best is None and net is not None and (alike := _lookalike(source, word, net)):
                    # the French word's English look-alike is a synonym of the reference
                    # word the dictionary does not give (rénovation: renovation ~
                    # refurbishment)
                    best = ("synonym", alike)
            if best is not None:
                links.append(Link(f, e, best[0], best[1]))
    # Weaker relations only between words that mean nothing on the other side: a French
    # word that translates one reference word is not also "more general" than another.
    if net is not None:
        linked_e = {link.english for link in links}
        linked_f = {link.french for link in links}
        for e, word in enumerate(english):
            if e in linked_e:
                continue
            for f in range(len(french)):
                if f in linked_f:
                    continue
                same_pos = french[f].pos == word.pos
                if not same_pos and not {french[f].pos, word.pos} <= _LOOSE_POS:
                    # a word the tagger read as a noun (vraie): only WordNet's own
                    # antonym pointers link across nouns and other parts of speech
                    opposite = next((s for s in senses[f] if net.opposed(s, word.lemma)), None)
                    if opposite is not None:
                        links.append(Link(f, e, "antonym", opposite))
                    continue
                relation = _relation(own[f], word, net, same_pos=same_pos,
                                     more=more[f])
                if relation is not None:
                    links.append(Link(f, e, relation[0], relation[1]))
    bt_tokens = {
        engine: _content(lexicon.parse(text, "en")) for engine, text in back_translations
    }
    covered = set()
    for e, word in enumerate(english):
        for tokens in bt_tokens.values():
            if any(
                (_english_match(t.text.lower(), t.lemma, t.pos, word, net) is not None
                 or fuzz.ratio(t.text.lower(), word.text.lower()) >= 90)
                and not (net is not None and net.opposed(t.lemma, word.lemma))
                for t in tokens
            ):
                covered.add(e)
                break
    french_all = lexicon.parse(mt_text, "fr")
    return PairLinks(
        french=french,
        english=english,
        bound=bound_words(mt_text, french_all),
        french_all=french_all,
        english_all=lexicon.parse(ref_text, "en"),
        senses=tuple(own),
        more_senses=tuple(more),
        links=tuple(links),
        covered_by_bt=frozenset(covered),
        bt_tokens=bt_tokens,
    )


__all__ = [
    "LINKED_POS", "Link", "PairLinks", "WordNetGraph", "cognates", "content_tokens_all",
    "english_senses", "french_senses", "link_pair", "prefetch", "wordnet_graph",
]
