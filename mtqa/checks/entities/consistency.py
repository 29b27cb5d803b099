"""One name spelt two ways across the MT: ``entity_inconsistent``."""

from __future__ import annotations

from collections.abc import Sequence

from mtqa.checks.base import CheckContext, finding
from mtqa.checks.entities.names import (
    _RELATION_RANK,
    _TOKEN,
    DETECTOR,
    MIN_FUZZY_LENGTH,
    EntitySettings,
    Link,
    Part,
    demonym,
    french_name_words,
    name_similarity,
    same_name,
)
from mtqa.checks.entities.places import apertium_names
from mtqa.checks.nlp import is_sentence_initial
from mtqa.language.lexicons import entity_words, exonyms
from mtqa.language.text import find_word, fold
from mtqa.model import DocumentResult, Finding, Severity
from mtqa.numbering import mt_label

# ---------------------------------------------------------------------------------------
# Clustering across the document


def _inconsistencies(
    result: DocumentResult, links: Sequence[Link], engine_names: Sequence[str]
) -> list[Finding]:
    """One finding per spelling of a name that differs from its main spelling."""
    groups: dict[str, list[Link]] = {}
    for link in links:
        groups.setdefault(link.key, []).append(link)
    findings = []
    for group in groups.values():
        forms: dict[str, list[Link]] = {}
        for link in group:
            forms.setdefault(fold(link.mt.text), []).append(link)
        if len(forms) < 2:
            continue

        def rank(item: tuple[str, list[Link]]) -> tuple[int, int, int]:
            best_relation = min(_RELATION_RANK[link.relation] for link in item[1])
            first = min(link.pair.index for link in item[1])
            return (best_relation, -len(item[1]), first)

        ordered = sorted(forms.items(), key=rank)
        canonical_links = ordered[0][1]
        canonical_indexes = sorted({i for link in canonical_links for i in link.pair.mt})
        summary = {
            links_[0].mt.text: sorted({i for link in links_ for i in link.pair.mt})
            for _, links_ in ordered
        }
        for _, other_links in ordered[1:]:
            first = min(other_links, key=lambda link: link.pair.index)
            severity: Severity = "critical" if first.relation == "fuzzy" else "minor"
            other_indexes = sorted({i for link in other_links for i in link.pair.mt})
            engines = tuple(
                engine
                for engine in engine_names
                if find_word(first.pair.bt.get(engine, ""), first.mt.text)
            )
            findings.append(
                finding(
                    result,
                    first.pair,
                    kind="entity_inconsistent",
                    severity=severity,
                    detector=DETECTOR,
                    message=(
                        f"One name, two spellings in the MT: {first.mt.text!r} in "
                        f"{mt_label(other_indexes)} but {canonical_links[0].mt.text!r} in "
                        f"{mt_label(canonical_indexes)}."
                    ),
                    mt_span=first.mt.text,
                    ref_span=first.ref_form,
                    engines=engines,
                    evidence={
                        "forms": summary,
                        "mt_indexes": other_indexes,
                        "other_mt_indexes": canonical_indexes,
                        "other_form": canonical_links[0].mt.text,
                        "relation": first.relation,
                        "reference": first.ref_form,
                    },
                )
            )
    return findings



def _unlinked_inconsistencies(
    result: DocumentResult,
    reported: set[tuple[int | None, str]],
    ctx: CheckContext,
    conf: EntitySettings,
) -> list[Finding]:
    """Two close spellings in the MT where only one is the reference's: the other is wrong.

    Catches what linking cannot: a name in an MT sentence whose reference sentence says
    "he", or whose pair the aligner left unmatched.
    """
    tables = exonyms()
    ref_words = {fold(w) for w in _TOKEN.findall(result.document.ref_text)}
    pair_of = result.pair_of_mt
    occurrences: dict[str, list[tuple[int, Part]]] = {}
    for segment in result.mt_segments:
        for word in french_name_words(segment.text, context=result.document.mt_text):
            if len(word.text) >= MIN_FUZZY_LENGTH and fold(word.text) not in tables.english:
                occurrences.setdefault(fold(word.text), []).append((segment.index, word))
    # Organisation words and capitalised common words (Parti, État) are not spellings of a
    # name: "Parti" is not "Paris" misspelt.
    lists = entity_words()
    analyses = apertium_names().french([places[0][1].text for places in occurrences.values()])
    occurrences = {
        form: places
        for form, places in occurrences.items()
        if form not in lists.org_words and not analyses[places[0][1].text].common_only
    }
    in_reference = [form for form in occurrences if form in ref_words]
    findings = []
    for form, places in occurrences.items():
        if form in ref_words:
            continue
        matches = [
            (name_similarity(other, form), other)
            for other in in_reference
            if same_name(other, form) is None and not demonym(other, form)
        ]
        score, canonical = max(matches, default=(0.0, ""))
        if score < conf.link_threshold:
            continue
        texts = result.mt_segments
        if all(is_sentence_initial(texts[i].text, w.start) for i, w in places) and (
            len(form) < 6 or score < 0.85
        ):
            # Only ever opening a sentence, it may be a common word (Lire / Claire 0.8):
            # only a long, very close form counts.
            continue
        canonical_indexes = sorted({i for i, _ in occurrences[canonical]})
        for index, word in places:
            if (index, form) in reported:
                continue
            reported.add((index, form))
            pair = pair_of.get(index)
            text = pair.mt_text if pair is not None else result.mt_segments[index].text
            offset = text.find(result.mt_segments[index].text)
            bts = pair.bt if pair is not None else {}
            engines = tuple(e for e in ctx.engines if find_word(bts.get(e, ""), word.text))
            findings.append(
                finding(
                    result,
                    pair,
                    kind="entity_inconsistent",
                    severity="critical",
                    detector=DETECTOR,
                    message=(
                        f"One name, two spellings in the MT: {word.text!r} in {mt_label(index)} "
                        f"but {occurrences[canonical][0][1].text!r} in "
                        f"{mt_label(canonical_indexes)}, as in the reference."
                    ),
                    mt_span=text[offset + word.start : offset + word.end]
                    if offset >= 0
                    else word.text,
                    ref_span=None,
                    engines=engines,
                    mt_index=index,
                    evidence={
                        "forms": {
                            word.text: sorted({i for i, _ in places}),
                            occurrences[canonical][0][1].text: canonical_indexes,
                        },
                        "mt_indexes": sorted({i for i, _ in places}),
                        "other_mt_indexes": canonical_indexes,
                        "other_form": occurrences[canonical][0][1].text,
                        "similarity": round(score, 3),
                        "linked_by": "MT spellings compared across the document",
                    },
                )
            )
    return findings


