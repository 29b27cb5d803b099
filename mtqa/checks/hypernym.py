"""Hypernyms: the reference says something more general than the MT ("animal" where the
MT says « chat », "substance" for « vaccin »).

Owns the ``odd_rendering`` findings read off the word link (``wordlink.link_pair``) where
one reference noun means nothing in the French and one French noun in its place means
nothing in the reference, and WordNet puts every sense of that French word the reference
could stand for under the reference word: the MT is more specific than the reference. The
French word's senses come from the bilingual dictionary (Apertium's pivot); the hierarchy
is WordNet's hypernym closure, up to ``_MAX_STEPS`` steps, to a sense of the reference word
at least ``_MIN_ROOT_DISTANCE`` steps below the top (person, substance, animal; never
entity, object or group, which any noun is).

Guards against a translator's ordinary generalisation: nothing is said when the reference
word is one of the French word's own dictionary translations, synonyms or derivations (the
link already accounts for it: « le groupe » / "the company"), when the reference names the
specific thing elsewhere (the general word then refers back to it), when another reference
word or another French word could fill the slot (a rewording, not one word made general),
or when the two words stand far apart in their sentences.

Only a broader category is reported (``_MIN_STEPS`` hypernym steps or more: animal for
cat, person for girl): one step up is often the usual English word for the same thing
(subsidy for subvention, outbreak for epidemic, kind for type, farmer for agriculturalist,
food for aliment), however many kinds WordNet lists under it.

The French word's senses are the dictionary's; a word it lacks is read as its English
look-alike when WordNet knows that as a noun (« manager », « éclipse »), and a word the
tagger read as an adjective or verb counts as a noun when its senses are nouns only (« les
archipels côtiers », « de manager »).

Severity: major when a physical thing or a named condition is named by its category
(vaccine as "substance", girl as "person", cat as "animal", flu as "disease": the reader
loses what the thing is) and the second witness agrees, a back-translation that gives
the specific word the reference lacks; minor on the dictionary and WordNet alone, and for
an abstraction (exploits as "deeds", a pseudonym as a "name"), whose broader word a
translator often chooses freely.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from mtqa.checks import lexicon, wordlink
from mtqa.checks.base import CheckContext, finding
from mtqa.checks.wordjudge import MAX_POSITION_GAP
from mtqa.checks.wordlink import PairLinks
from mtqa.language.lexicons import stop_words as _stop_words
from mtqa.language.parse import Token
from mtqa.language.text import fold
from mtqa.language.wordnet import WordNetGraph, wordnet_graph
from mtqa.model import DocumentResult, Finding, Pair

DETECTOR = "hypernym"
# Hypernym steps from the French word's sense up to the reference word (cat → animal: 7).
_MAX_STEPS = 8
# The reference word's sense must lie this far below the top of WordNet's hierarchy:
# person and substance (3) count, entity (0), physical entity (1), object and group (2),
# which every noun is, do not.
_MIN_ROOT_DISTANCE = 3
# One step up is often just the usual English word for the same thing (subsidy for
# subvention, outbreak for epidemic, kind for type, farmer for agriculturalist, food for
# aliment, name for pseudonym): not reported, whatever the number of kinds WordNet lists
# under it (faithful translations said all of these). A broader category (animal for cat,
# person for girl) loses information.
_MIN_STEPS = 2
# A word the dictionary lacks is read as its English look-alike (éclipse: eclipse) when it
# is this long and WordNet knows the look-alike as a noun.
_MIN_LOOKALIKE = 5
# How far apart (share of sentence length) the two words may stand.

# WordNet's lexicographer file of states and conditions (diseases among them).
_NOUN_STATE = 26


@dataclass(frozen=True)
class Generalised:
    french: int  # index into PairLinks.french
    english: int  # index into PairLinks.english
    specific: tuple[str, ...]  # the French word's senses under the reference word
    steps: int  # fewest hypernym steps from one of them to the reference word


@lru_cache(maxsize=1)
def _french_stop_words() -> frozenset[str]:
    return _stop_words("fr")


def _relative(index: int, count: int) -> float:
    return 0.5 if count < 2 else index / (count - 1)


def _complement_as_modifier(links: PairLinks, f: int, e: int) -> bool:
    """The French noun has a noun complement (éleveurs de porcs) and the reference noun a
    modifier before it (pig farmers, however tagged) that renders that complement or
    nothing else of the French: the two words together render the French word, so the
    reference noun alone may be broader."""
    french_all, english_all = links.french_all, links.english_all
    f_index = next(
        (i for i, t in enumerate(french_all) if t.start == links.french[f].start), None)
    e_index = next(
        (i for i, t in enumerate(english_all) if t.start == links.english[e].start), None)
    complements = {
        t.start for t in french_all
        if t.head == f_index and t.dep == "nmod" and t.pos in ("NOUN", "PROPN")
    }
    modifiers = {
        t.start for i, t in enumerate(english_all)
        if t.head == e_index and i < (e_index or 0) and t.dep in ("amod", "compound", "nmod")
    }
    if not complements or not modifiers:
        return False
    for m, token in enumerate(links.english):
        if token.start not in modifiers:
            continue
        linked = {
            links.french[link.french].start for link in links.of_english(m)
            if link.how in wordlink.MEANING_LINKS
        }
        if linked <= complements:  # the complement's rendering, or a word not linked at all
            return True
    return False


def _open_english(links: PairLinks, index: int) -> bool:
    """A reference noun that no French word means and no back-translation has."""
    word = links.english[index]
    return (
        word.pos == "NOUN"
        and word.lemma not in lexicon.STOP_LEMMAS
        and word.dep != "compound"  # animal feed: the compound renders one French word
        and not (word.text[:1].isupper() and word.start > 0)
        and not links.meaning_linked_english(index)
        and index not in links.covered_by_bt
        and not any(link.how in ("synonym", "derivation") for link in links.of_english(index))
    )


def _named_state(sense: str, net: WordNetGraph) -> bool:
    """A noun whose first sense is a named condition (flu, leukaemia, drought: WordNet's
    noun.state): its broader word (disease, cancer, shortage) loses which one, as a
    physical thing's category does; acts and ideas (exploits, deeds) are told freely."""
    own = net.synsets(sense, "NOUN")[:1]
    return bool(own) and net.synset(own[0]).lexname == _NOUN_STATE


def _noun_senses(word: Token) -> frozenset[str]:
    """The English senses of a French noun's noun entries, by form and lemma."""
    found = lexicon.dictionary().french_noun_senses([word.text, word.lemma])
    return frozenset(
        wordlink.clean_sense(sense) for sense in found[word.text] | found[word.lemma] if sense)


def _senses_of(links: PairLinks, index: int, net: WordNetGraph) -> frozenset[str]:
    """The French word's English senses: the dictionary's, or where it has none, the word's
    look-alike that WordNet knows as a noun (éclipse: eclipse). A noun's senses are its
    noun entries' (« les entreprises »: company, not the participle's undertake)."""
    word = links.french[index]
    if links.senses[index]:
        return _noun_senses(word) or links.senses[index] if word.pos == "NOUN" else (
            links.senses[index])
    return frozenset(
        form for form in {fold(word.text), fold(word.lemma)}
        if len(form) >= _MIN_LOOKALIKE and form.isalpha() and net.synsets(form, "NOUN")
    )


def _open_french(links: PairLinks, index: int, net: WordNetGraph) -> bool:
    """A French noun with English senses that means no reference word. A word the tagger
    read as an adjective or a verb counts when every one of its senses is a noun only
    (« les archipels côtiers »: archipelago)."""
    word = links.french[index]
    senses = _senses_of(links, index, net)
    if word.pos != "NOUN" and not (word.pos in ("ADJ", "VERB") and senses and all(
        net.synsets(sense) == net.synsets(sense, "NOUN") for sense in senses
    )):
        return False
    return (
        len(word.text) >= 3
        and bool(senses)
        and fold(word.text) not in _french_stop_words()
        and not (word.text[:1].isupper() and word.start > 0)
        and not links.meaning_linked_french(index)
        # the word the reference keeps in a name (« le palais Longchamp » / "the Palais
        # Longchamp"): it renders itself
        and fold(word.text) not in {fold(t.text) for t in links.english_all}
    )


def _specific_senses(
    senses: frozenset[str], general: str, net: WordNetGraph
) -> tuple[tuple[str, ...], int] | None:
    """The senses of a French word that WordNet puts under ``general``, and the fewest
    steps; None unless every sense WordNet knows as a noun lies under it or above it
    (voiture: car, transport / vehicle): a word with another, unrelated sense may mean
    something else here, and one that means it outright is no generalisation."""
    under: list[str] = []
    fewest = None
    for sense in sorted(senses):
        if not net.synsets(sense, "NOUN"):
            continue
        if sense == general or net.share_synset(sense, general):
            return None
        steps = net.generalisation(
            general, sense, "NOUN", depth=_MAX_STEPS, min_root_distance=_MIN_ROOT_DISTANCE)
        if steps is None:
            if net.generalisation(sense, general, "NOUN", depth=_MAX_STEPS,
                                  min_root_distance=0, senses=3) is not None:
                continue  # a broader sense still (voiture: car, transport / vehicle)
            return None
        under.append(sense)
        fewest = steps if fewest is None else min(fewest, steps)
    if not under or fewest is None:
        return None
    return tuple(under), fewest


def generalised(pair: Pair, links: PairLinks) -> Generalised | None:
    """The one reference noun more general than the one French noun in its place, if the
    sentence has exactly one such pair."""
    net = wordnet_graph()
    if net is None:
        return None
    open_english = [e for e in range(len(links.english)) if _open_english(links, e)]
    if not open_english:
        return None
    open_french = [f for f in range(len(links.french)) if _open_french(links, f, net)]
    if not open_french:
        return None
    reference_words = {t.lemma for t in links.english_all} | {
        t.text.lower() for t in links.english_all}
    found: list[Generalised] = []
    for e in open_english:
        english = links.english[e]
        if not net.known(english.lemma):
            continue
        related = {link.french for link in links.of_english(e)}
        for f in open_french:
            if related - {f}:
                continue  # another French word is related to it (bateaux ~ boats)
            senses = _senses_of(links, f, net)
            if senses & reference_words:
                continue  # the reference names the specific thing too
            gap = abs(_relative(e, len(links.english)) - _relative(f, len(links.french)))
            if gap > MAX_POSITION_GAP:
                continue
            if _complement_as_modifier(links, f, e):
                continue
            specific = _specific_senses(senses, english.lemma, net)
            if specific is not None:
                found.append(Generalised(f, e, *specific))
    if len(found) != 1:
        return None  # several candidates: a rewording, or no telling which word is which
    return found[0]


def _bt_witness(links: PairLinks, specific: Sequence[str]) -> tuple[list[str], Token | None]:
    """The engines whose back-translation gives one of the specific words."""
    engines, first = [], None
    for engine, tokens in links.bt_tokens.items():
        token = next((t for t in tokens if t.lemma in specific
                      or fold(t.text) in specific), None)
        if token is not None:
            engines.append(engine)
            first = first or token
    return engines, first


def check(result: DocumentResult, ctx: CheckContext) -> list[Finding]:
    """A reference noun more general than the MT's word in its place."""
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
        hit = generalised(pair, links)
        if hit is None:
            continue
        if hit.steps < _MIN_STEPS:
            continue
        french, english = links.french[hit.french], links.english[hit.english]
        engines, bt_word = _bt_witness(links, hit.specific)
        net = wordnet_graph()
        concrete = net is not None and all(
            net.physical(sense) or _named_state(sense, net) for sense in hit.specific)
        found.append(finding(
            result, pair, kind="odd_rendering",
            severity="major" if engines and concrete else "minor",
            detector=DETECTOR,
            message=f"'{french.text}' means '{hit.specific[0]}', more specific than the "
            f"reference's '{english.text}'",
            mt_span=pair.mt_text[french.start:french.end],
            ref_span=pair.ref_text[english.start:english.end],
            bt_span=bt_word.text if bt_word is not None else None,
            engines=engines,
            evidence={"level": "sense", "check": "hyponym", "relation": "hyponym",
                      "french_sense": hit.specific[0], "specific": list(hit.specific),
                      "steps": hit.steps, "physical": concrete, "source": "WordNet"},
        ))
    return found
