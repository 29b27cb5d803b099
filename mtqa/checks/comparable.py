"""Pairs too free to compare word by word: their word-level findings are minor.

A detector that compares the words of a French sentence with its reference's (an opposite,
a negation, a tense, a word added, left out or rendered in another sense) reads a
difference of wording as a difference of meaning. That holds when the two sentences follow
each other; it does not when the reference says the sentence another way, which is where
such findings were wrong most often on clean text nobody tuned for: measured on thirteen
batches of clean stories as they were first run (1,497 sentences), a sentence under the
threshold below raised a false alarm one time in four, the others one time in eight, while
a real error of one word leaves a sentence linked as it was (DEMETR dev: one caught error
of 373 under it).

A pair's **link coverage** is the share of its content words, on both sides, that the word
link ties to a word of the other side by meaning (``wordlink.PairLinks``) or as WordNet's
broader or narrower word (« attraper » / "caught", « ruisseau » / "stream", « tour » /
"wheel"): a reference that renders a word by its neighbour in WordNet follows the sentence
word by word all the same (an opposite or a mere kinship does not count). Under
``FREE_PAIR`` the pair's findings of the word-comparing kinds are kept, at most minor, with
the coverage in their evidence; names and numbers are compared whatever the wording.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from mtqa.language.parse import Token
from mtqa.model import DocumentResult, Finding

if TYPE_CHECKING:
    from mtqa.checks.wordlink import Link, PairLinks

FREE_PAIR = 0.3  # link coverage under which a pair is too free to compare word by word
# A word rendered by its broader or narrower word follows the French as closely as one
# rendered by a dictionary sense.
CLOSE_RELATIONS = frozenset({"hypernym", "hyponym"})
WORD_KINDS = frozenset({
    "meaning_inversion", "addition", "omission", "odd_rendering", "tense_change",
    "pronoun_gender",
})


def _outside(tokens: Sequence[Token], text: str, span: str | None) -> list[int]:
    """Indexes of the tokens outside ``span``'s first place in ``text`` (all without one)."""
    where = text.find(span) if span else -1
    if where < 0:
        return list(range(len(tokens)))
    end = where + len(span or "")
    return [i for i, t in enumerate(tokens) if t.end <= where or t.start >= end]


def _near(links: PairLinks, found: Sequence[Link]) -> bool:
    """Whether a word's links tie it to the other side closely: by meaning, or by the one
    broader or narrower word that links to it alone (never a light verb: be, have)."""
    from mtqa.checks.lexicon import STOP_LEMMAS
    from mtqa.checks.wordlink import MEANING_LINKS

    if any(link.how in MEANING_LINKS for link in found):
        return True
    related = [link for link in found if link.how in CLOSE_RELATIONS
               and links.english[link.english].lemma not in STOP_LEMMAS]
    if len(related) != 1:
        return False
    one = related[0]
    return (sum(k.how in CLOSE_RELATIONS for k in links.of_english(one.english)) == 1
            and sum(k.how in CLOSE_RELATIONS for k in links.of_french(one.french)) == 1)


def coverage(links: PairLinks, mt_text: str, ref_text: str, mt_span: str | None = None,
             ref_span: str | None = None) -> float | None:
    """The share of both sides' content words tied closely to the other side (``_near``),
    leaving out the words of the spans a finding is about (an error's own words say nothing
    of how close the rest is); None without any word left."""
    french = _outside(links.french, mt_text, mt_span)
    english = _outside(links.english, ref_text, ref_span)
    if not french and not english:
        return None
    linked = sum(_near(links, links.of_french(i)) for i in french)
    linked += sum(_near(links, links.of_english(i)) for i in english)
    return linked / (len(french) + len(english))


def demote_free_pairs(
    result: DocumentResult, findings: Iterable[Finding], engines: Sequence[str]
) -> list[Finding]:
    """The findings, those of word-comparing kinds on a free pair made minor."""
    from mtqa.checks import lexicon, wordlink  # loads the dictionary and WordNet: on use
    from mtqa.language.wordnet import wordnet_graph

    findings = list(findings)
    if wordnet_graph() is None or not lexicon.dictionary().available:
        return findings  # no word link: nothing to measure a pair's wording by
    pairs = {index: p for p in result.pairs if p.aligned for index in p.mt}
    out = []
    for finding in findings:
        key = finding.mt_index
        if finding.kind not in WORD_KINDS or finding.severity == "minor" or key not in pairs:
            out.append(finding)
            continue
        pair = pairs[key]
        links = wordlink.link_pair(pair.mt_text, pair.ref_text,
                                   {e: pair.bt[e] for e in engines if e in pair.bt})
        share = coverage(links, pair.mt_text, pair.ref_text, finding.mt_span, finding.ref_span)
        if share is None or share >= FREE_PAIR:
            out.append(finding)
            continue
        out.append(replace(
            finding, severity="minor",
            message=f"{finding.message} (minor: the reference words this sentence freely, "
            f"{share:.0%} of its words linked)",
            evidence={**finding.evidence, "link_coverage": round(share, 2)},
        ))
    return out
