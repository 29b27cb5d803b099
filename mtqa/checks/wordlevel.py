"""Word-level errors: questions asked of the word link between the French and the reference.

Owns three findings, each read off ``wordlink.link_pair`` for an aligned pair:

- ``omission`` — a reference noun, verb or adjective that no French word can mean
  (dictionary, WordNet synonym or derivation, cognate) and that no back-translation has,
  in a sentence whose other words are all accounted for; or, in any sentence mostly
  accounted for, a reference adjective (or adverb of manner) with no counterpart by any
  witness whose head's French counterpart is bare (no modifier, complement or open word
  beside it: ``mtqa.checks.wordmodifier``);
- ``addition`` — a French noun, verb or adjective that means no reference word and whose
  back-translated word the reference lacks, in a sentence whose reference words are all
  accounted for; or, in any sentence, a French noun or verb that means no reference word
  near a place where the reference's own grammar shows a noun or verb missing (an article
  with no noun, a modal with no verb: ``mtqa.language.gaps``);
- ``meaning_inversion`` — a reference word that no French word means, where a French word
  in its place means its WordNet antonym (many / few, accept / reject).

A French word more specific than the reference's ("vaccin" for "substance") is
``mtqa.checks.hypernym``'s question.

Each check wants both witnesses, the dictionary link and the back-translation, and stays
silent where the sentence is a paraphrase (several words unaccounted for on both sides),
on function and light verbs, and on names. Without Apertium's dictionaries, spaCy or
WordNet it finds nothing.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from mtqa.checks import lexicon, wordlink
from mtqa.checks.base import CheckContext, finding
from mtqa.checks.wordjudge import (
    MAX_POSITION_GAP,
    accounted_english,
    accounted_french,
    defined_whole,
    degree_of,
    french_anywhere,
    in_compound,
    inferior_comparative,
    judged_english,
    judged_french,
    manner_adverb,
    negation_count,
    relative,
    traced_words,
    verb_against_noun,
)
from mtqa.checks.wordlink import PairLinks
from mtqa.checks.wordmodifier import has_determiner, modifier_omissions
from mtqa.checks.wordplace import (
    adverbial_locution,
    classifier_noun,
    copula_rendered,
    demonstrative_rendered,
    english_copula_rendered,
    restates_head,
    slot_is_empty,
    verb_reworded,
    verbal_locution,
)
from mtqa.language.gaps import Gap, missing_words
from mtqa.language.locutions import in_locution
from mtqa.language.parse import Token
from mtqa.language.text import fold
from mtqa.language.wordnet import wordnet_graph
from mtqa.model import DocumentResult, Finding, Pair

DETECTOR = "wordlevel"
# A sentence where this share of reference words is unaccounted for is a paraphrase.
_MIN_COVERAGE = 0.75
# How many other words may stay unaccounted for on the other side while one word is judged
# missing or added. Measured on development data, any more lets free renderings through.
_MAX_OPEN = 0


def _omissions(pair: Pair, links: PairLinks) -> list[int]:
    english = range(len(links.english))
    judged = [e for e in english if judged_english(links, e) or manner_adverb(links, e)]
    if not judged:
        return []
    accounted = sum(1 for e in english if accounted_english(links, e))
    if accounted / len(links.english) < _MIN_COVERAGE:
        return []
    open_french = [
        f for f in range(len(links.french))
        if judged_french(links, f) and not accounted_french(links, f)
    ]
    if len(open_french) > _MAX_OPEN:
        return []  # several French words are unaccounted for too: a rewording
    french_all = wordlink.content_tokens_all(pair.mt_text)
    candidates = [
        e for e in judged
        if not links.of_english(e)
        and not in_compound(links.english[e], links.english_all)
        and e not in links.covered_by_bt
        and not french_anywhere(links.english[e], pair.mt_text, french_all)
        and not _attribution(links.english[e], pair.mt_text)
        and not _degree_question(links.english[e], links.english_all)
        and not adverbial_locution(links, e)
        and not english_copula_rendered(links, e)
        and slot_is_empty(links.english, e, links.counterparts_of_english, links.french,
                           pair.mt_text, "fr", pair.ref_text)
    ]
    return candidates if len(candidates) == 1 else []


# « Selon eux, la villa appartenait … » / "They believe the villa belonged …": French gives
# an opinion's or a statement's source with a preposition where English uses a verb.
_FR_SOURCE = re.compile(r"(?<![\w-])(?:selon|d'apres|aux yeux d(?:e|u|es)|pour (?:eux|elles?"
                        r"|lui|les experts|les auteurs))(?![\w-])")
_EN_SOURCE_VERBS = frozenset(
    "say believe think reckon feel estimate consider argue claim report suggest suspect "
    "assume conclude maintain".split())


def _attribution(word: Token, mt_text: str) -> bool:
    """An English verb of saying or believing where the French names the source with
    « selon », « d'après », « pour eux »: the verb renders the preposition."""
    return (word.pos == "VERB" and word.lemma in _EN_SOURCE_VERBS
            and bool(_FR_SOURCE.search(fold(mt_text))))


def _degree_question(word: Token, sentence: Sequence[Token]) -> bool:
    """The adjective of "how long", "how far", "how often": French asks with a noun (« la
    durée de la protection » / "how long protection lasts") or with « combien »."""
    at = next((i for i, t in enumerate(sentence) if t.start == word.start), None)
    return bool(at) and sentence[at - 1].text.lower() == "how"


def _additions(pair: Pair, links: PairLinks) -> list[tuple[int, dict[str, list[Token]]]]:
    if not links.english or not links.bt_tokens:
        return []
    open_english = [
        e for e in range(len(links.english))
        if judged_english(links, e) and not accounted_english(links, e)
    ]
    if len(open_english) > _MAX_OPEN:
        return []  # several reference words are unaccounted for: a rewording
    candidates = []
    for f in range(len(links.french)):
        if not judged_french(links, f) or accounted_french(links, f) or (
            links.in_phrasal_locution(f) or links.in_frame_locution(f)
            or links.relational_participle(f)
            or in_locution(pair.mt_text, links.french[f].start, links.french[f].end)
        ):
            continue
        traced = traced_words(links, f)
        if not any(traced.values()):
            continue  # no back-translation shows the word: one witness only
        ref_lemmas = {t.lemma for t in links.english} | {
            t.lemma for t in lexicon.parse(pair.ref_text, "en")
        }
        if any(t.lemma in ref_lemmas for words in traced.values() for t in words):
            continue
        if links.senses[f] & {t.text.lower() for t in links.english_all
                              if t.pos not in wordlink.LINKED_POS}:
            continue  # it translates a reference word of another kind (inférieur / below)
        if classifier_noun(links, f) or verbal_locution(links, f):
            continue  # « le mois de février » / "February", « a eu lieu » / "was held"
        if _in_reference_name(links.french[f], links.english_all):
            continue
        if _french_in_reference(links.french[f], pair.ref_text):
            continue  # a loanword the reference keeps, in a title too: Chef Alain Ducasse
        if copula_rendered(links, f) or defined_whole(links, f):
            continue  # « forment » / "are"; « pirates informatiques » / hackers
        if demonstrative_rendered(links, f) or restates_head(links, f):
            continue
        if not slot_is_empty(links.french, f, links.counterparts_of_french, links.english,
                              pair.ref_text, "en", pair.mt_text):
            continue
        if verb_reworded(links, f):
            continue  # « a adopté une loi » / "passed a law"
        candidates.append((f, traced))
    if len(candidates) != 1 or _of_reference_place(links.french[candidates[0][0]],
                                                   links.english_all):
        # A French adjective of a place the reference names instead still counts as a word
        # unaccounted for, but is not reported itself.
        return []
    return candidates


_GAP_POS = {"noun": "NOUN", "verb": "VERB"}
# French modal verbs render English modals (can, must, may), which the word link, made of
# content words, does not hold, and presentatives (voilà, voici) are no lexical verb: they
# never fill a missing verb's slot.
_FR_MODALS = frozenset({"pouvoir", "devoir", "vouloir", "falloir", "savoir", "voilà", "voici"})
# Gaps that an article or a possessive shows: the missing noun had its own determiner, so
# its French counterpart has one too (not a noun of a locution: en raison de).
_ARTICLE_GAPS = frozenset({"article_without_noun", "modifier_without_noun"})
def _gap_additions(
    pair: Pair, links: PairLinks, reported: Collection[int],
) -> list[tuple[int, Gap, dict[str, list[Token]]]]:
    """French words the reference shows a hole for: the reference's grammar has an empty
    slot (an article with no noun, a modal with no verb: ``gaps.missing_words``), and a
    French word of the part of speech that slot wants, near its place, means no
    reference word by any witness (dictionary both ways, WordNet, look-alike, nor its
    back-translated word). Two independent witnesses: the reference's own syntax and the
    word link."""
    gaps = missing_words(links.english_all)
    if not gaps:
        return []
    ref_lemmas = {t.lemma for t in links.english_all} | {
        t.text.lower() for t in links.english_all}
    found: list[tuple[int, Gap, dict[str, list[Token]]]] = []
    for gap in gaps:
        anchor = links.english_all[gap.index]
        place = anchor.start / max(1, len(pair.ref_text))
        candidates = []
        for f, word in enumerate(links.french):
            if f in reported or word.pos != _GAP_POS[gap.wanted] or len(word.text) < 3 or (
                word.lemma in _FR_MODALS or fold(word.text) in _FR_MODALS
            ):
                continue
            if gap.reason in _ARTICLE_GAPS and not has_determiner(links.french_all, word):
                continue
            if (word.text[:1].isupper() and word.start > 0) or accounted_french(links, f):
                continue
            if any(wordlink.cognates(word, e) for e in links.english_all) or (
                links.senses[f] & ref_lemmas
            ):
                continue  # it looks like, or translates, some reference word (pouvoir / can)
            traced = traced_words(links, f)
            if any(t.lemma in ref_lemmas or t.text.lower() in ref_lemmas
                   for words in traced.values() for t in words):
                continue  # the back-translation's word for it is in the reference
            distance = abs(word.start / max(1, len(pair.mt_text)) - place)
            if distance <= MAX_POSITION_GAP:
                candidates.append((distance, f, traced))
        if candidates:
            _, f, traced = min(candidates, key=lambda c: c[0])
            if all(f != chosen for chosen, _, _ in found):
                found.append((f, gap, traced))
    return found


def _french_in_reference(word: Token, ref_text: str) -> bool:
    """The French word itself stands in the reference (chef, menu, café), whatever its case."""
    key = fold(word.text)
    return len(key) >= 3 and bool(re.search(rf"(?<!\w){re.escape(key)}(?!\w)", fold(ref_text)))


def _of_reference_place(word: Token, reference: Sequence[Token]) -> bool:
    """A French adjective of a place whose name the reference uses instead (un tribunal
    parisien / a Paris court, l'économie chinoise / the China economy): the adjective
    begins with the name, less its last letter when the name is short."""
    if word.pos != "ADJ":
        return False
    key = fold(word.text)
    for t in reference[1:]:
        name = fold(t.text)
        if t.text[:1].isupper() and t.text.isalpha() and len(name) >= 4 and key.startswith(
            name[:max(4, min(5, len(name) - 1))]
        ):
            return True
    return False


def _in_reference_name(word: Token, reference: Sequence[Token]) -> bool:
    """The French word translates a word of a name the reference keeps in English ("European
    Organization for Nuclear Research" / « Organisation européenne pour la recherche
    nucléaire »): name words are left out of the link, so only the dictionary can tell."""
    words = [t.text for t in reference[1:] if t.text[:1].isupper() and t.text.isalpha()]
    if not words:
        return False
    senses = lexicon.dictionary().english_senses(words)
    french = {fold(word.lemma), fold(word.text)}
    return any(french & {fold(s) for s in senses.get(w, ())} for w in words)


def _substitutions(pair: Pair, links: PairLinks) -> list[tuple[int, int, str, str]]:
    """(French, English, relation, sense) where a reference word that nothing means faces a
    French word, in its place, related to it by antonymy, hypernymy or hyponymy only."""
    found = []
    for link in links.links:
        if link.how not in ("hypernym", "hyponym", "antonym"):
            continue
        e, f = link.english, link.french
        if not judged_english(links, e, function_words=link.how == "antonym"):
            continue
        if not judged_french(links, f, function_words=link.how == "antonym"):
            continue
        if links.meaning_linked_english(e) or e in links.covered_by_bt:
            continue
        if links.meaning_linked_french(f):
            continue
        if link.how == "antonym" and verb_against_noun(links.french[f], links.english[e]):
            continue  # « répondre » / "questions"
        gap = abs(relative(links.english[e], links.english) - relative(
            links.french[f], links.french))
        if gap > MAX_POSITION_GAP:
            continue
        found.append((f, e, link.how, link.via))
    return found


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
        omitted = _omissions(pair, links)
        for e in modifier_omissions(pair, links, omitted):
            word = links.english[e]
            head = links.english_all[word.head]
            found.append(finding(
                result, pair, kind="omission", severity="major", detector=DETECTOR,
                message=f"'{word.text}' of the reference has no counterpart in the MT nor "
                f"in any back-translation, and the MT's word for '{head.text}' carries "
                "no modifier",
                ref_span=pair.ref_text[word.start:word.end],
                engines=list(bts),
                evidence={"check": "word_modifier_omission", "pos": word.pos,
                          "head": head.text,
                          "reference_word_in_french": sorted(
                              wordlink.english_senses([word])[0])},
            ))
        for e in omitted:
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
        added = _additions(pair, links)
        for f, gap, traced in _gap_additions(pair, links, [f for f, _ in added]):
            word, anchor = links.french[f], links.english_all[gap.index]
            bt_span, engines = _bt_word(traced)
            found.append(finding(
                result, pair, kind="addition", severity="major", detector=DETECTOR,
                message=f"'{word.text}' (\u2248 {', '.join(sorted(links.senses[f])[:3]) or '?'}) "
                f"has no counterpart in the reference, whose grammar shows a {gap.wanted} "
                f"missing at '{anchor.text}'",
                mt_span=pair.mt_text[word.start:word.end], bt_span=bt_span,
                ref_span=pair.ref_text[anchor.start:anchor.end],
                engines=engines or list(bts),
                evidence={"check": "word_gap", "pos": word.pos, "gap": gap.reason,
                          "french_senses": sorted(links.senses[f])},
            ))
        for f, traced in added:
            word = links.french[f]
            bt_span, engines = _bt_word(traced)
            found.append(finding(
                result, pair, kind="addition", severity="major", detector=DETECTOR,
                message=f"'{word.text}' (\u2248 {', '.join(sorted(links.senses[f])[:3])}) "
                "has no counterpart in the reference",
                mt_span=pair.mt_text[word.start:word.end], bt_span=bt_span,
                engines=engines,
                evidence={"check": "word_addition", "pos": word.pos,
                          "french_senses": sorted(links.senses[f])},
            ))
        inverted = negation_count(pair.mt_text, "fr") != negation_count(pair.ref_text, "en")
        # a French word more specific than the reference's: mtqa.checks.hypernym
        for f, e, how, sense in _substitutions(pair, links):
            french, english = links.french[f], links.english[e]
            if how == "antonym":
                if inverted:
                    continue  # a negation on one side may cancel the opposite
                if degree_of(french.text, english.text):
                    continue  # bang supersonique / sonic boom
                if inferior_comparative(french, links.french_all):
                    continue  # « moins chers » / "cheaper"
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
    return found
