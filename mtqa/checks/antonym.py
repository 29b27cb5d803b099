"""Antonyms beyond WordNet's word-to-word pointers: a reference word that no French word
means, facing a French word in its place whose sense WordNet opposes to it at the level of
the sense (``WordNetGraph.sense_opposites``).

The word-level check (``mtqa.checks.wordlevel``) reads WordNet's antonym pointers between
the two words themselves (accept / reject, many / few). WordNet records antonymy between
words, not meanings, so many opposites are reached only through a synonym: « bien » is
"well", opposed to "ill", whose synset holds "badly" and "poorly"; « moyen » is "average",
in the cluster of "normal", opposed to "abnormal", whose cluster holds "atypical". Only the
most frequent senses count (``_SENSES``), and antonymy is read both ways. (Reading
derivations too, stopper ~ stop / start, raised false alarms on faithful sentences.)

Apertium's French entries are thin (simple is only "mere", rare only "scarce", beaucoup
only "a lot"), so the French word is also read as its English look-alike (simple, rare),
and an antonym of the reference word that the English → French dictionary translates by
the French word counts (little ~ much → « beaucoup »). A French verb whose sense is a
manner of what the reference verb opposes is opposed to it (réduire: reduce, a way to
decrease, opposed to increase).

Both words must be unaccounted for (no dictionary, synonym, derivation or look-alike link to
anything on the other side, the reference word in no back-translation), stand at about the
same place in their sentences, and be the only such opposed pair of the sentence; a
negation on one side only (which may cancel the opposite) or right before either word (non
loin de = near) silences it, and so does a comparison of inferiority (moins dense =
thinner). A second witness is required: a back-translation has the French word's own
senses (the MT says "well" where the reference says "poorly"), or the two words depend on
words that mean each other (fille pakistanaise moyenne / atypical Pakistani girl).

A French adjective the tagger reads as a noun after a number (six longs mois) is judged
like the English one (six short months).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mtqa.checks import lexicon, wordjudge, wordlink
from mtqa.checks.base import CheckContext, finding
from mtqa.checks.wordlink import PairLinks
from mtqa.language.parse import Token
from mtqa.language.text import fold
from mtqa.language.wordnet import WordNetGraph, wordnet_graph
from mtqa.model import DocumentResult, Finding, Pair

DETECTOR = "antonym"
# How many of a word's most frequent senses (per part of speech) are read for opposites.
_SENSES = 2
_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV"})
# Words that qualify another, which the two languages often say in different parts of
# speech (little / « beaucoup », early / « tôt »).
_MODIFIERS = frozenset({"ADJ", "ADV"})


@dataclass(frozen=True)
class Opposed:
    french: int
    english: int
    sense: str  # the French word's English sense opposed to the reference word


# A comparison of inferiority says the opposite pole: moins dense = thinner, less expensive
# = cheaper. Right before either word it cancels the opposition.
_LESS = frozenset({"moins", "less", "fewer", "least"})


def _after_less(word: Token, sentence: Sequence[Token]) -> bool:
    index = next((i for i, t in enumerate(sentence) if t.start == word.start), None)
    return index is not None and any(
        t.text.lower() in _LESS for t in sentence[max(0, index - 2):index])


def _open_english(links: PairLinks, index: int) -> bool:
    return (
        wordjudge.judged_english(links, index, function_words=True)
        and not links.meaning_linked_english(index)
        and index not in links.covered_by_bt
    )


def _lookalike(word: Token, net: WordNetGraph) -> frozenset[str]:
    """The French word read as its English look-alike when WordNet knows that word in the
    same part of speech (simple, rare, normal): the dictionary often gives only a rarer
    synonym (simple → "mere", rare → "scarce"), whose opposites WordNet lacks."""
    return frozenset(
        form for form in {fold(word.lemma), fold(word.text)}
        if len(form) >= 4 and form.isalpha() and net.synsets(form, word.pos)
    )


def _senses(links: PairLinks, index: int, net: WordNetGraph) -> frozenset[str]:
    more = links.more_senses[index] if links.more_senses else frozenset()
    return links.senses[index] | more | _lookalike(links.french[index], net)


def _open_french(links: PairLinks, index: int, net: WordNetGraph) -> bool:
    word = links.french[index]
    if word.pos not in _POS or len(word.text) < 3:
        return False
    if word.text[:1].isupper() and word.start > 0:
        return False  # a name
    if wordjudge.after_negation(word, links.french_all) or _after_less(
        word, links.french_all
    ):
        return False
    return not links.meaning_linked_french(index)


def _opposed(senses: frozenset[str], english: Token, net: WordNetGraph,
             french_pos: str = "") -> str | None:
    """The French word's sense opposed to the reference word, read both ways. A noun
    facing a word of another part of speech is read in that word's part of speech: « la
    mise » is the noun "put", whose opposite is the option "call", not the verb."""
    pos = english.pos if (french_pos == "NOUN") != (english.pos == "NOUN") else None
    for sense in sorted(senses):
        if english.lemma in net.sense_opposites(sense, _SENSES, pos) or sense in (
            net.sense_opposites(english.lemma, _SENSES, pos)
        ):
            return sense
    if english.pos == "VERB" and french_pos == "VERB":
        # the French verb's sense a manner of what the reference verb opposes (réduire:
        # reduce, a way to decrease / increase); not the other way round: a French verb's
        # broad sense (take, put) faces every manner of its opposite (pay, a way to give)
        for sense in sorted(senses):
            if english.lemma in net.inherited_opposites(sense, _SENSES):
                return sense
    return None


def _translated_opposite(french: Token, english: Token, net: WordNetGraph) -> str | None:
    """An antonym of the reference word that the dictionary translates by the French word
    (little ~ much → « beaucoup », complex ~ simple → « simple »): the English → French
    direction knows words the French → English one renders by a rarer synonym."""
    opposites = sorted(o for o in net.antonyms(english.lemma) if o.isalpha())
    if not opposites:
        return None
    found = lexicon.dictionary().english_senses(opposites)
    own = {fold(french.lemma), fold(french.text)}
    return next((o for o in opposites if own & {fold(s) for s in found.get(o, ())}), None)


def opposed(links: PairLinks) -> Opposed | None:
    """The one pair of unaccounted words whose senses WordNet opposes, if exactly one."""
    net = wordnet_graph()
    if net is None:
        return None
    open_english = [e for e in range(len(links.english)) if _open_english(links, e)]
    if not open_english:
        return None
    open_french = [f for f in range(len(links.french)) if _open_french(links, f, net)]
    # the French word's sense that the reference says in so many words (« près du lieu » /
    # "near the scene", a preposition the link leaves out) is rendered, not opposed
    said = {t.lemma.lower() for t in links.english_all} | {
        t.text.lower() for t in links.english_all}
    found: list[Opposed] = []
    for e in open_english:
        english = links.english[e]
        if wordjudge.after_negation(english, links.english_all) or _after_less(
            english, links.english_all
        ):
            continue
        for f in open_french:
            gap = abs(wordjudge.relative(english, links.english) - wordjudge.relative(
                links.french[f], links.french))
            if gap > wordjudge.MAX_POSITION_GAP:
                continue
            if wordjudge.verb_against_noun(links.french[f], english):
                continue  # « répondre » / "taking questions"
            sense = _opposed(_senses(links, f, net), english, net, links.french[f].pos)
            if sense is None and (english.pos == links.french[f].pos or {
                english.pos, links.french[f].pos} <= _MODIFIERS):
                sense = _translated_opposite(links.french[f], english, net)
            if sense is not None and sense not in said and not wordjudge.degree_of(
                    links.french[f].text, english.text):
                found.append(Opposed(f, e, sense))
    return found[0] if len(found) == 1 else None


def _witnesses(links: PairLinks, f: int) -> tuple[list[str], Token | None]:
    """The engines whose back-translation has one of the French word's own senses; a
    sense of several words ("a lot" for « beaucoup ») by its words longer than one letter."""
    net = wordnet_graph()
    senses = links.senses[f] if net is None else _senses(links, f, net)
    phrases = [[w for w in sense.split() if len(w) > 1] for sense in senses if " " in sense]
    engines, first = [], None
    for engine, tokens in links.bt_tokens.items():
        words = {t.lemma for t in tokens} | {t.text.lower() for t in tokens}
        token = next((t for t in tokens if t.lemma in senses or t.text.lower() in senses or any(
            phrase and t.text.lower() == phrase[-1] and set(phrase) <= words
            for phrase in phrases
        )), None)
        if token is not None:
            engines.append(engine)
            first = first or token
    return engines, first


def _same_slot(links: PairLinks, f: int, e: int) -> bool:
    """The two words depend on words that mean each other (fille pakistanaise moyenne /
    atypical Pakistani girl: fille is girl): the parse places them in the same slot."""
    def position(tokens: Sequence[Token], word: Token) -> int | None:
        return next((i for i, t in enumerate(tokens) if t.start == word.start), None)

    f_all = position(links.french_all, links.french[f])
    e_all = position(links.english_all, links.english[e])
    if f_all is None or e_all is None:
        return False
    f_head = links.french_all[links.french_all[f_all].head]
    e_head = links.english_all[links.english_all[e_all].head]
    if f_head.start == links.french[f].start or e_head.start == links.english[e].start:
        return False  # a root: no head to compare
    return any(
        links.french[link.french].start == f_head.start
        and links.english[link.english].start == e_head.start
        for link in links.links if link.how in wordlink.MEANING_LINKS
    )


def _inverted(pair: Pair) -> bool:
    return wordjudge.negation_count(pair.mt_text, "fr") != wordjudge.negation_count(
        pair.ref_text, "en")


def check(result: DocumentResult, ctx: CheckContext) -> list[Finding]:
    """Opposites read at the level of WordNet senses, in aligned pairs."""
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
        hit = opposed(links)
        if hit is None or _inverted(pair):
            continue
        engines, bt_word = _witnesses(links, hit.french)
        if not engines and not _same_slot(links, hit.french, hit.english):
            continue
        french, english = links.french[hit.french], links.english[hit.english]
        found.append(finding(
            result, pair, kind="meaning_inversion", severity="critical", detector=DETECTOR,
            message=f"'{french.text}' means '{hit.sense}', the opposite of the reference's "
            f"'{english.text}'",
            mt_span=pair.mt_text[french.start:french.end],
            ref_span=pair.ref_text[english.start:english.end],
            bt_span=bt_word.text if bt_word is not None else None,
            engines=engines,
            evidence={"check": "antonym", "relation": "antonym", "french_sense": hit.sense,
                      "source": "WordNet senses"},
        ))
    return found


__all__ = ["Opposed", "check", "opposed"]
