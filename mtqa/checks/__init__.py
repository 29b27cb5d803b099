"""The detector orchestrator: runs every registered detector and merges what they find.

``detect(result, ctx)`` runs the detectors of ``mtqa.checks.registry`` in their order (each
sees what the ones before it found as ``ctx.earlier``: ``low_score``, registered last,
flags only pairs no other finding explains), then, once for every finding whatever its
detector:

1. drops name findings the team's glossary accepts (``terms.accept_glossary_names``);
2. merges duplicates and applies the severity policy (``mtqa.checks.findings``), then makes
   minor the word-comparing findings of pairs too free to compare word by word
   (``mtqa.checks.comparable``);
3. attaches the evidence several detectors share (``mtqa.checks.evidence``): the
   forced-decoding log-probabilities when a Marian engine ran, back-translation spans and
   spans no larger than a clause;
4. gives each its calibrated ``confidence`` (``mtqa.confidence``) and leaves out those below
   ``[checks] min_confidence``;
5. labels engine agreement, orders the findings and gives each its stable id
   (``findings.finish``).

Severity policy (MQM-like; each detector's record declares its kinds' ceilings):

- critical — errors that change what the story says: named-entity errors
  (``entity_drift``, ``entity_missing``, ``entity_inconsistent``), ``number_mismatch``
  and ``meaning_inversion``, when they fall in story text. The same error in page
  furniture (a segment also flagged ``boilerplate``) is major.
- major — the text no longer conveys the reference faithfully: ``odd_rendering`` (a sense
  error), ``omission``, ``addition``, ``untranslated``, ``fragment``, ``tense_change``,
  ``pronoun_gender``, ``term_violation``.
- minor — page furniture (``boilerplate``) and ``low_score``; a detector ranks some of its
  findings lower still (a calque ``odd_rendering``, a number on one side only in words).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mtqa.checks.base import CheckContext
from mtqa.checks.findings import assign_ids, deduplicate, severity_of
from mtqa.model import DocumentResult, Finding


def texts_to_parse(result: DocumentResult) -> dict[str, list[str]]:
    """The sentences the families parse, per language, to parse in one batch per document:
    the French of every bead, and the reference and back-translations of every bead (as the
    token parse sees them), each MT sentence, and the clauses of aligned beads."""
    from mtqa.checks.structure import clause_texts
    from mtqa.language.parse import parse_key

    french = [s.text for s in result.mt_segments]
    english = []
    for pair in result.pairs:
        if pair.mt:
            french.append(pair.mt_text)
            english += [parse_key(text, "en") for text in pair.bt.values()]
        if pair.ref:
            english.append(parse_key(pair.ref_text, "en"))
        if pair.aligned:
            french += clause_texts(pair.mt_text)
            english += [parse_key(chunk, "en") for chunk in clause_texts(pair.ref_text)]
    return {"fr": french, "en": english}


def texts_to_name(result: DocumentResult) -> dict[str, list[str]]:
    """The texts whose names the entity check asks spaCy for: each bead's reference."""
    return {"en": [p.ref_text for p in result.pairs if p.ref]}


def detect(result: DocumentResult, ctx: CheckContext) -> tuple[Finding, ...]:
    """Every finding of every registered detector for one document, merged and ranked."""
    from dataclasses import replace

    from mtqa.checks.comparable import demote_free_pairs
    from mtqa.checks.evidence import attach_forced_evidence, complete_evidence
    from mtqa.checks.findings import finish, merge
    from mtqa.checks.registry import DETECTORS
    from mtqa.checks.terms import accept_glossary_names
    from mtqa.confidence import assign, keep_confident
    from mtqa.language.parse import parsing

    findings: list[Finding] = []
    with parsing(texts_to_parse(result), names=texts_to_name(result)):
        for detector in DETECTORS:
            found = detector.check(result, replace(ctx, earlier=tuple(findings)))
            strange = sorted({f.kind for f in found} - set(detector.kinds))
            if strange:
                raise RuntimeError(
                    f"detector {detector.name} emitted {', '.join(strange)}, which its record "
                    "does not declare"
                )
            findings.extend(found)
    findings = merge(accept_glossary_names(findings, ctx.checks))
    if any(d.name == "wordlevel" for d in DETECTORS):  # the run reads the word link
        findings = demote_free_pairs(result, findings, ctx.engines)
    findings = attach_forced_evidence(findings, result, ctx.scorer)
    findings = complete_evidence(result, findings, ctx.engines)
    findings = keep_confident(assign(findings), ctx.checks.min_confidence)
    return finish(result, findings, ctx.engines)


def validate_settings(settings: Mapping[str, Any]) -> None:
    """Check a run's ``[checks]`` table before any work, naming the bad key; read the
    glossary, so that a bad file is an error before any work too."""
    from mtqa.checks.registry import parse_checks
    from mtqa.checks.terms import glossary_of

    glossary_of(parse_checks(settings))


def __getattr__(name: str) -> Any:
    # The registry imports every detector module, which import this package: the names
    # derived from it are looked up on first use.
    if name in ("SEVERITY_POLICY", "FINDING_KINDS", "DETECTORS"):
        from mtqa.checks import registry

        return getattr(registry, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "assign_ids", "deduplicate", "detect", "severity_of", "texts_to_name", "texts_to_parse",
    "validate_settings",
]
