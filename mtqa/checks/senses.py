"""Wrong senses: a French word that carries a sense of the reference word other than the
one its context uses (``odd_rendering``, detector ``renderings.sense``).

For each reference noun, verb or adjective with several WordNet senses, and a French word
the word link ties to it (the dictionary's English → French entry, or a shared or
neighbouring WordNet sense), unless some French word of the sentence translates back to
the reference word itself or the two words look alike (the trap lexicon's business):

1. the reference word's sense is chosen from its context (its sentence and the ones on
   either side) by a simplified Lesk (``mtqa.language.senses``): context words held in
   the sense's gloss, synset, hypernyms and hyponyms; context words filed under the same
   WordNet topic domain; context words whose own gloss names the sense or its kin;
2. the French word's senses come from its dictionary translations (Apertium's
   French → Spanish → English entries): the senses of the reference word those
   translations name or sit directly above or below. Translations spelt like the French
   word, and translations of very many senses, say nothing about sense and are set aside;
3. the finding stands when every translation of the French word reaches another sense
   than the one chosen (the French word belongs *only* to other senses); when the context
   backs the chosen sense by at least two words and by two more than any of the French
   word's senses (three, when the French word's sense is the reference word's most
   frequent one; one more when only context words whose glosses name its kin back it);
   when no sense the context backs is a neighbour of the French word's
   sense (a direct link, or a common hypernym within two steps, three inside one WordNet
   lexicographer file, that is not one of the broad classes near the top of the tree);
   when no back-translation has the reference word or a word of its chosen sense; and,
   for a verb with a direct object, when a chosen sense takes one (WordNet's verb frames:
   "gathered donations" is never "people gathered").

"récipient" (container) for "the vessel and its crew" (a craft). A French word whose
dictionary entry gives the reference word itself carries every sense of it as far as
these resources can tell, and is left alone: precision first. Apertium gives « facture »
as "bill", « grève » as "strike", « bâton » as "staff": for such common words of one
sense, the narrow-sense lexicon (``mtqa.language.narrow``) names that sense in English
words of it alone (invoice; walkout; stick), which then stand for the dictionary's
translations; such a word is also judged against every reference word one of whose
senses those words reach, with or without a dictionary link (« bouillon », broth: a
stock), and, its own sense being certain, two senses WordNet files together need not sit
three steps apart to be told apart.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from mtqa.checks import lexicon, wordlink
from mtqa.checks.base import CheckContext, finding
from mtqa.checks.wordjudge import FR_LIGHT, JUDGED_POS
from mtqa.checks.wordlink import PairLinks
from mtqa.language.lexicons import stop_words
from mtqa.language.narrow import narrow_senses
from mtqa.language.parse import Token
from mtqa.language.senses import SenseScore, carried_senses, close, sense_scores
from mtqa.language.text import fold
from mtqa.language.wordnet import SynsetId, WordNetGraph, wordnet_graph
from mtqa.model import DocumentResult, Finding, Pair

DETECTOR = "renderings.sense"
_CONTEXT_POS = frozenset({"NOUN", "VERB", "ADJ"})
# The links a wrong sense hides behind: the dictionary's English → French direction
# (goal → objectif, whose own translations are aim and objective), a shared or
# neighbouring WordNet sense (récipient → container ~ vessel).
_JUDGED_LINKS = frozenset({"dictionary", "synonym", "similar", "hypernym", "hyponym", "kin"})
# How many context words must back the chosen sense, and by how many it must beat the
# French word's senses. Below this, Lesk's choice is a guess.
MIN_SUPPORT = 2
MIN_MARGIN = 2
SAME_FILE_DEPTH = 3
# A hypernym this close to the top of WordNet (entity, abstraction, communication, person)
# is shared by senses that have nothing to do with each other.
MIN_SHARED_DEPTH = 4
_LOOKALIKE = 80  # rapidfuzz ratio from which a translation is the French word's twin
# A context word of more senses than this (take, run, place) points to no domain.
MAX_CONTEXT_SENSES = 12
# Verbs that carry little meaning of their own and are rendered freely.
_LIGHT = frozenset(
    "be have do make take get give go come put set keep let seem become use need want "
    "say tell include provide allow help try begin start continue show find hold bring".split()
)


def _context(pairs: Sequence[Pair], k: int) -> list[tuple[str, str]]:
    """Content words (lemma, POS) of the reference sentence and of its neighbours."""
    words: list[tuple[str, str]] = []
    stop = stop_words("en")
    net = wordnet_graph()
    for pair in pairs[max(0, k - 1) : k + 2]:
        for token in lexicon.parse(pair.ref_text, "en"):
            lemma = token.lemma.lower()
            if token.pos in _CONTEXT_POS and lemma.isalpha() and len(lemma) > 2 and (
                lemma not in stop and lemma not in lexicon.STOP_LEMMAS
            ) and net is not None and 0 < len(net.synsets(lemma)) <= MAX_CONTEXT_SENSES:
                words.append((lemma, token.pos))
    return words


def _ancestors(net: WordNetGraph, key: SynsetId, depth: int = 2) -> set[SynsetId]:
    found, frontier = {key}, {key}
    for _ in range(depth):
        frontier = {
            t for k in frontier for s, t, _, _ in net.synset(k).pointers if s in ("@", "@i")
        }
        found |= frontier
    return found


@lru_cache(maxsize=65536)
def _depth(key: SynsetId) -> int:
    """Steps from the synset up to the top of WordNet's tree (the shortest way)."""
    net = wordnet_graph()
    if net is None:
        return 0
    frontier, steps, seen = {key}, 0, {key}
    while frontier and steps < 30:
        ups = {t for k in frontier for s, t, _, _ in net.synset(k).pointers if s in ("@", "@i")}
        if not ups:
            return steps
        frontier = ups - seen
        seen |= ups
        steps += 1
    return steps


def _near(net: WordNetGraph, a: SynsetId, b: SynsetId, depth: int = 2) -> bool:
    """One sense next to, or under a common hypernym within ``depth`` steps of, the other;
    a common hypernym near the top of the tree (communication, person) does not count."""
    if close(net, a, b) or close(net, b, a):
        return True
    shared = _ancestors(net, a, depth) & _ancestors(net, b, depth)
    return any(_depth(key) >= MIN_SHARED_DEPTH for key in shared)


def _back_translated(pair: Pair, engines: Sequence[str], lemma: str,
                     sense: SenseScore) -> bool:
    """Whether some back-translation has the reference word or a word of its sense."""
    words = {lemma, *sense.words}
    for engine in engines:
        text = pair.bt.get(engine)
        if not text:
            continue
        for token in lexicon.parse(text, "en"):
            if token.lemma.lower() in words or token.text.lower() in words:
                return True
        folded = fold(text)
        if any(" " in w and fold(w) in folded for w in words):
            return True
    return False


def _judge(
    links: PairLinks, e: int, f: int, context: list[tuple[str, str]], net: WordNetGraph
) -> dict[str, Any] | None:
    """The evidence of a wrong sense of reference word ``e`` in French word ``f``, or None."""
    english = links.english[e]
    lemma = english.lemma.lower()
    translations = _translations(links, f)
    if lemma in translations or english.text.lower() in translations:
        return None  # the dictionary gives the word itself: any of its senses may be meant
    french = links.french[f]
    if wordlink.cognates(french, english):
        return None  # look-alikes (corps, corps) are the trap lexicon's to judge
    # A translation spelt like the French word (audience, client) is the dictionary pairing
    # look-alikes: it says nothing about which of their shared senses the French bears.
    carried = carried_senses(
        lemma, english.pos,
        [t for t in translations if fuzz.ratio(fold(french.lemma), t) < _LOOKALIKE
         and fuzz.ratio(fold(french.text), t) < _LOOKALIKE
         # A translation of many senses (give, make) reaches some sense of anything.
         and len(net.synsets(t, english.pos)) <= MAX_CONTEXT_SENSES],
    )
    if not carried:
        return None
    # The French word must belong only to other senses: each of its translations that
    # WordNet knows in this part of speech reaches one of them (affaire: subject, but also
    # affair, matter, which the reference's 'case' may well be).
    # The narrow-sense lexicon's words name the French word's senses one by one: one that
    # reaches no sense of the reference word (récipient: receptacle) is a sense of its own.
    reaching = {w for words in carried.values() for w in words}
    reaching |= narrow_senses(french.lemma) | narrow_senses(french.text)
    if any(t not in reaching and net.synsets(t, english.pos) for t in translations):
        return None
    scores = sense_scores(lemma, english.pos, context)
    if len(scores) < 2:
        return None
    best = max(s.score for s in scores)
    by_key = {s.key: s for s in scores}
    rivals = [by_key[key] for key in carried if key in by_key]
    # The French word carrying the reference word's most frequent sense is the likely
    # reading: the context must then say more to overrule it.
    extra = 1 if any(r.rank == 0 for r in rivals) else 0
    # Senses the context backs equally (file a charge, accuse) are all candidates: the
    # French word must carry none of them, nor a neighbour of any.
    top = [s for s in scores if s.score == best]
    # Context words whose own glosses merely name a sense's kin, none in the sense's gloss
    # or topic, are the weakest backing ("contrast", "doctor" for describe as "key in
    # botany"): one more is wanted.
    if all(not s.gloss_hits and not s.domain_hits for s in top):
        extra += 1
    if best < MIN_SUPPORT + extra:
        return None
    # A verb with a direct object (gathered 3,200 signatures) is in none of its senses that
    # take none (meet, gather: "people gathered in the square").
    if _has_object(english, links.english_all) and not any(
        net.synset(t.key).takes_object for t in top
    ):
        return None
    # A translation of the French word with a sense of its own beside the chosen one (core,
    # "the center of an object", beside a comet's nucleus, "the center of its head") may
    # render that sense, though WordNet does not file the two words together.
    if any(_near(net, own, t.key, 1) for word in translations
           for own in net.synsets(word, english.pos) for t in top):
        return None
    if not rivals or any(best - r.score < MIN_MARGIN + extra for r in rivals):
        return None
    # Senses WordNet files together (two kinds of president, of home, of client) must sit
    # further apart in its tree to be told apart by a context of a few words, unless the
    # narrow-sense lexicon names the French word's sense (an invoice is no draft law,
    # though both are documents).
    known = narrow_senses(french.lemma) | narrow_senses(french.text)
    if any(
        _near(net, t.key, r.key,
              SAME_FILE_DEPTH if t.lexname == r.lexname and not known else 2)
        for t in top for r in rivals
    ):
        return None  # the French word's sense is a neighbour of a sense the context wants
    return {"chosen": top[0], "rivals": rivals, "carried": carried}


def _translations(links: PairLinks, f: int) -> frozenset[str]:
    """The English words of a French word's senses: its dictionary translations, or, for a
    word the narrow-sense lexicon knows (« facture »: invoice), the translations other
    than the word it is confused with, and the lexicon's words of its own senses."""
    french = links.french[f]
    narrow = narrow_senses(french.lemma) | narrow_senses(french.text)
    if not narrow:
        return links.senses[f]
    # The dictionary pairs « facture » with "bill" whatever the bill: the lexicon says which
    # bill. A translation that is an English word of the sentence is that very confusion.
    english = {w for t in links.english for w in (t.lemma.lower(), t.text.lower())}
    return frozenset(t for t in links.senses[f] if t not in english) | narrow


def _has_object(verb: Token, sentence: Sequence[Token]) -> bool:
    index = next((i for i, t in enumerate(sentence) if t.start == verb.start), None)
    return verb.pos == "VERB" and index is not None and any(
        t.head == index and t.dep == "dobj" for t in sentence)


def _phrasal(verb: Token, sentence: Sequence[Token]) -> bool:
    index = next((i for i, t in enumerate(sentence) if t.start == verb.start), None)
    return index is not None and any(t.head == index and t.dep == "prt" for t in sentence)


_FRAMING_PREPOSITIONS = frozenset({"de", "du", "pour", "a", "selon", "en"})
_POSSESSIVES = frozenset("son sa ses leur leurs mon ma mes notre nos votre vos".split())


def _framing_phrase(word: Token, sentence: Sequence[Token]) -> bool:
    """A noun in a framing phrase set off by a comma, a preposition and a possessive before
    it (« de son côté, », « pour sa part, », « à mon avis, »): English renders the phrase
    whole by its own idiom (for her part, in my view), not the noun's sense."""
    at = next((i for i, t in enumerate(sentence) if t.start == word.start), None)
    if at is None or at < 2 or at + 1 >= len(sentence) or word.pos != "NOUN":
        return False
    return (sentence[at + 1].text == "," and fold(sentence[at - 1].text) in _POSSESSIVES
            and fold(sentence[at - 2].text) in _FRAMING_PREPOSITIONS)


def _pairs_to_judge(links: PairLinks) -> list[tuple[int, int]]:
    """(reference word, French word) pairs to judge: every link of a reference word that no
    French word of the sentence translates to that very word."""
    found = []
    translations = [_translations(links, f) for f in range(len(links.french))]
    for e, english in enumerate(links.english):
        lemma = english.lemma.lower()
        if english.pos not in JUDGED_POS or lemma in _LIGHT:
            continue
        if english.text[:1].isupper() and english.start > 0:
            continue  # part of a name
        if english.pos == "VERB" and _phrasal(english, links.english_all):
            continue  # a phrasal verb (run over, give up) has senses of its own
        if any(
            lemma in senses or english.text.lower() in senses for senses in translations
        ):
            continue  # some French word of the sentence translates it outright
        linked = [link.french for link in links.of_english(e) if link.how in _JUDGED_LINKS]
        # A French word the narrow-sense lexicon knows is judged against every reference
        # word one of whose senses its own reach (« bouillon », broth: a stock).
        linked += [
            f for f, french in enumerate(links.french)
            if f not in linked and narrow_senses(french.lemma) | narrow_senses(french.text)
            and carried_senses(lemma, english.pos, translations[f])
        ]
        for f in linked:
            french = links.french[f]
            if french.pos not in JUDGED_POS or french.lemma in FR_LIGHT:
                continue  # a light verb (donner, faire) is rendered freely
            if _framing_phrase(french, links.french_all):
                continue  # « de son côté, » / "for her part,": the phrase is one adverb
            # A French word that translates another reference word outright renders that one.
            if any(
                links.english[other.english].lemma.lower() in translations[f]
                for other in links.of_french(f) if other.english != e
            ):
                continue
            found.append((e, f))
    return found


def _bt_word(pair: Pair, engines: Sequence[str], via: Sequence[str]) -> str | None:
    """The back-translated word that renders the French word's other sense, if any."""
    for engine in engines:
        for token in lexicon.parse(pair.bt.get(engine, ""), "en"):
            if token.lemma.lower() in via or token.text.lower() in via:
                return token.text
    return None


def _describe(sense: SenseScore) -> str:
    gloss = sense.gloss.split(";")[0].strip()
    return f"{', '.join(sense.words[:3])}: {gloss}"


def check(result: DocumentResult, ctx: CheckContext) -> list[Finding]:
    """Reference words whose French rendering carries another of their senses."""
    net = wordnet_graph()
    pairs = list(result.pairs)
    if net is None or not lexicon.dictionary().available:
        return []
    found: list[Finding] = []
    for k, pair in enumerate(pairs):
        if not pair.aligned:
            continue
        bts: Mapping[str, str] = {e: pair.bt[e] for e in ctx.engines if e in pair.bt}
        links = wordlink.link_pair(pair.mt_text, pair.ref_text, bts)
        if not links.french or not links.english:
            continue
        context: list[tuple[str, str]] | None = None
        for e, f in _pairs_to_judge(links):
            if context is None:
                context = _context(pairs, k)
            judged = _judge(links, e, f, context, net)
            if judged is None:
                continue
            english, french = links.english[e], links.french[f]
            chosen: SenseScore = judged["chosen"]
            if _back_translated(pair, list(bts), english.lemma.lower(), chosen):
                continue  # a back-translation reads the French as the reference word
            rival: SenseScore = max(judged["rivals"], key=lambda s: -s.rank)
            via = sorted({w for words in judged["carried"].values() for w in words})
            decided_by = sorted(
                set(chosen.gloss_hits) | set(chosen.domain_hits) | set(chosen.kin_hits)
            )
            found.append(finding(
                result, pair, kind="odd_rendering", severity="major", detector=DETECTOR,
                message=(
                    f"'{french.text}' ({', '.join(via)}) reads '{english.text}' as "
                    f"'{_describe(rival)}'; the context ({', '.join(decided_by[:4])}) "
                    f"wants '{_describe(chosen)}'"
                ),
                mt_span=pair.mt_text[french.start:french.end],
                ref_span=pair.ref_text[english.start:english.end],
                bt_span=_bt_word(pair, list(bts), via),
                engines=list(bts),
                evidence={
                    "check": "word_sense",
                    "level": "sense",
                    "reference_sense": _describe(chosen),
                    "reference_sense_lexname": chosen.lexname,
                    "context_gloss_words": list(chosen.gloss_hits),
                    "context_domain_words": list(chosen.domain_hits),
                    "context_kin_words": list(chosen.kin_hits),
                    "french_senses": sorted(_translations(links, f)),
                    "french_sense": _describe(rival),
                    "french_sense_via": via,
                    "support": chosen.score,
                    "rival_support": max(r.score for r in judged["rivals"]),
                    "source": "WordNet 3.0, Apertium dictionaries",
                },
            ))
    return found
