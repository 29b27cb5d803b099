"""Named-entity checks: drift, loss and inconsistency of proper names in the MT.

Owns the kinds ``entity_drift``, ``entity_missing`` and ``entity_inconsistent``.

Link first, judge second. Similarity alone cannot tell a misspelt name from a correct
French form (a transliteration scores as close as a typo), so every reference name is first
linked to its mention in the aligned French, then judged:

1. the whole name appears as is, or as a known French form (pycountry's French country
   names, the cities, regions, bodies and personal names of ``configs/exonyms.toml``), or as
   a French adjective of a place → fine;
2. otherwise each word of the name is linked to a capitalised French word: identical, a
   known exonym or the same after French ↔ English transliteration rules (ï/y, ou/u,
   tch/ch, ch/sh, dj/j, j/zh, doubled letters, mute final e) → fine; close but different →
   ``entity_drift``;
3. a name with no plausible French mention at all, in an aligned pair, whose
   back-translations lack it too → ``entity_missing`` (persons and places; a name made
   only of common English words, "the Northern Lights", is translated, not missing).

4. the other direction (``mt_names.py``): a French name with no counterpart in the
   reference (same word, known French form from pycountry, GeoNames and Apertium's
   proper-noun dictionaries, close spelling) → ``entity_drift`` when the pair's reference
   has a name nothing in the French renders (one name replaced by another), else
   ``entity_missing`` (``evidence.missing_from == "reference"``).

Linked French forms are then clustered per reference name across the document: one name
spelt two ways → ``entity_inconsistent``; when that spelling is also a drift, the two are
one finding (``entity_drift`` with ``evidence.inconsistent``). Back-translations are
supporting evidence only.

5. a known body (``configs/exonyms.toml`` ``[bodies]``) that the MT names in French words
   (« l'Organisation mondiale de la santé ») where the reference names another organisation
   → ``entity_drift`` (``bodies.py``).

Modules: ``names`` (comparing names, settings, extraction), ``link`` (reference → MT),
``mt_names`` (MT → reference), ``bodies`` (known bodies replaced), ``places`` (GeoNames and
Apertium lookups), ``consistency`` (spellings across the document).

Settings (``[checks.entities]``): ``ner`` = "auto" (spaCy where installed, completed by the
capitalisation rule), "spacy" or "rules" (the model-free rule alone); ``link_threshold``
(0.75) and ``missing_threshold`` (0.6), see below; ``missing`` = false turns
``entity_missing`` off.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from mtqa.checks.base import CheckContext
from mtqa.checks.entities import bodies, mt_names
from mtqa.checks.entities.consistency import _inconsistencies, _unlinked_inconsistencies
from mtqa.checks.entities.link import _link_pair
from mtqa.checks.entities.names import (
    DETECTOR,
    LINK_THRESHOLD,
    MISSING_THRESHOLD,
    PLACE_LINK_THRESHOLD,
    EntitySettings,
    Link,
    french_name_words,
    name_similarity,
    reference_names,
    same_name,
    transliteration_key,
)
from mtqa.checks.nlp import backend_in_use
from mtqa.language.text import fold
from mtqa.model import DocumentResult, Finding

__all__ = [
    "DETECTOR", "LINK_THRESHOLD", "MISSING_THRESHOLD", "PLACE_LINK_THRESHOLD", "EntitySettings",
    "check", "name_similarity", "ner_backend", "same_name", "transliteration_key",
]


def check(result: DocumentResult, ctx: CheckContext) -> list[Finding]:
    """Entity drift, missing entities and inconsistent spellings in one document."""
    conf: EntitySettings = ctx.options(DETECTOR)
    ref_context = result.document.ref_text
    mt_context = result.document.mt_text
    findings: list[Finding] = []
    links: list[Link] = []
    aligned = [pair for pair in result.pairs if pair.aligned]
    words_of = {p.index: french_name_words(p.mt_text, context=mt_context) for p in aligned}
    mt_names.prefetch(result, [w for words in words_of.values() for w in words])
    for pair in aligned:
        names = reference_names(pair.ref_text, backend=conf.ner, context=ref_context)
        mt_words = words_of[pair.index]
        outcome = _link_pair(result, pair, names, mt_words, ctx, conf)
        if conf.report_missing:
            mt_side = mt_names.check_pair(
                result, pair, mt_words, outcome, ctx, conf.link_threshold
            ) + mt_names.demonym_findings(result, pair, ctx, conf.ner)
        else:
            mt_side = []
        found = [*outcome.findings, *mt_side]
        if conf.report_missing:
            # a known body replaced by another organisation: its findings folded into one
            replaced = bodies.replaced_bodies(result, pair, names, found, ctx)
            found.extend(replaced)
        findings.extend(found)
        links.extend(outcome.links)
    findings.extend(_inconsistencies(result, links, ctx.engines))
    reported = {(f.mt_index, fold(f.mt_span or "")) for f in findings}
    findings.extend(_unlinked_inconsistencies(result, reported, ctx, conf))
    return merge_same_error(findings)


def merge_same_error(findings: list[Finding]) -> list[Finding]:
    """One error, one finding: a drifted name also spelt another way elsewhere in the MT
    is one ``entity_drift`` whose evidence carries the inconsistency (``inconsistent``)."""
    merged = list(findings)
    for found in findings:
        if found.kind != "entity_inconsistent" or not found.mt_span:
            continue
        host = next(
            (
                i for i, f in enumerate(merged)
                if f.kind == "entity_drift" and f.mt_index == found.mt_index and f.mt_span
                and fold(found.mt_span) in fold(f.mt_span)
            ),
            None,
        )
        if host is None:
            continue
        drift = merged[host]
        merged[host] = replace(
            drift,
            message=f"{drift.message} {found.message}",
            engines=tuple(dict.fromkeys(drift.engines + found.engines)),
            evidence={**drift.evidence, "inconsistent": dict(found.evidence)},
        )
        merged.remove(found)
    return merged


def ner_backend(settings: Mapping[str, Any]) -> str:
    """The extractor the English side will use under these settings: "spacy" or "rules"."""
    from mtqa.checks.registry import parse_checks

    return backend_in_use("en", parse_checks(settings).of(DETECTOR).ner)
