"""The detector orchestrator: runs every detector family and merges what they find.

``detect(result, ctx)`` runs the families below in order, drops duplicates (same kind,
segment and span; their engines are merged), assigns each finding its severity under
``SEVERITY_POLICY``, completes its evidence (``checks.evidence``: back-translation spans,
spans no larger than a clause), gives each its stable ``id`` (see ``assign_ids``) and returns the
findings sorted by severity, then MT segment. A family whose module is not installed yet is
skipped. ``low_score`` runs last, and only for pairs no other finding explains.

Severity policy (MQM-like):

- critical — errors that change what the story says: named-entity errors
  (``entity_drift``, ``entity_missing``, ``entity_inconsistent``), ``number_mismatch``
  and ``meaning_inversion``, when they fall in story text. The same error in page
  furniture (a segment also flagged ``boilerplate``) is major.
- major — the text no longer conveys the reference faithfully: ``odd_rendering`` (a sense
  error), ``omission``, ``addition``, ``untranslated``, ``fragment``, ``tense_change``,
  ``pronoun_gender``.
- minor — style-level ``odd_rendering`` (a calque: the finding's evidence has
  ``level == "calque"``), page furniture (``boilerplate``) and ``low_score``.

The policy is a ceiling: a family may rank a finding lower than its kind's policy when the
finding itself is milder (an ``entity_inconsistent`` between two accepted spellings is
minor; a number present on one side only is major), never higher.

Last, every finding gets its calibrated ``confidence`` (``mtqa.confidence``), and those
below ``[checks] min_confidence`` are left out.
"""

from __future__ import annotations

import hashlib
import importlib
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from typing import Any

from mtqa.checks.base import CheckContext
from mtqa.errors import ConfigError
from mtqa.model import DocumentResult, Finding, Severity

log = logging.getLogger(__name__)

# Families in the order they run; each module exports check(result, ctx) -> list[Finding].
FAMILIES: tuple[str, ...] = (
    "structure",
    "entities",
    "numbers",
    "language",
    "renderings",
    "meaning",
    "grammar",
    "terms",
    "wordlevel",
)

CRITICAL_KINDS = frozenset(
    {"entity_drift", "entity_missing", "entity_inconsistent", "number_mismatch",
     "meaning_inversion"}
)
MAJOR_KINDS = frozenset(
    {"odd_rendering", "omission", "addition", "untranslated", "fragment", "tense_change",
     "pronoun_gender", "term_violation"}
)
MINOR_KINDS = frozenset({"boilerplate", "low_score"})

SEVERITY_POLICY: dict[str, Severity] = {
    **dict.fromkeys(CRITICAL_KINDS, "critical"),
    **dict.fromkeys(MAJOR_KINDS, "major"),
    **dict.fromkeys(MINOR_KINDS, "minor"),
}
_SEVERITY_ORDER = {"critical": 0, "major": 1, "minor": 2}


def _family(name: str) -> Callable[[DocumentResult, CheckContext], list[Finding]] | None:
    try:
        module = importlib.import_module(f"mtqa.checks.{name}")
    except ImportError as error:
        # Only a missing family is skipped; a family that fails to import its own
        # dependencies would hide a real bug, so that still raises.
        if getattr(error, "name", None) == f"mtqa.checks.{name}":
            log.info("detector family %s not available", name)
            return None
        raise
    check: Callable[[DocumentResult, CheckContext], list[Finding]] = module.check
    return check


def severity_of(finding: Finding, furniture: frozenset[int]) -> Severity:
    """The severity ``SEVERITY_POLICY`` gives a finding (see the module docstring)."""
    if finding.kind == "odd_rendering" and finding.evidence.get("level") == "calque":
        return "minor"
    severity = SEVERITY_POLICY.get(finding.kind, finding.severity)
    if _SEVERITY_ORDER[finding.severity] > _SEVERITY_ORDER[severity]:
        # A family may rank its own finding below the policy, with a reason: one name in
        # two accepted spellings (Kiev/Kyiv), a number present on one side only.
        severity = finding.severity
    if severity == "critical" and finding.mt_index in furniture:
        return "major"
    return severity


def _key(finding: Finding) -> tuple[Any, ...]:
    return (finding.kind, finding.mt_index, finding.ref_index, finding.mt_span, finding.ref_span)


def deduplicate(findings: Iterable[Finding]) -> list[Finding]:
    """One finding per (kind, segment, span); engines of duplicates are merged."""
    kept: dict[tuple[Any, ...], Finding] = {}
    for found in findings:
        key = _key(found)
        if key in kept:
            first = kept[key]
            engines = tuple(dict.fromkeys(first.engines + found.engines))
            kept[key] = replace(first, engines=engines)
        else:
            kept[key] = found
    return list(kept.values())


def _identity(finding: Finding, result: DocumentResult) -> tuple[str, ...]:
    """The texts a finding concerns: its spans, else its sentences (never their indexes)."""
    if finding.mt_span or finding.ref_span:
        return (finding.mt_span or "", finding.ref_span or "")
    ref, at = result.ref_segments, finding.ref_index
    ref_text = ref[at].text if at is not None and 0 <= at < len(ref) else ""
    return (finding.mt_text, ref_text)


def assign_ids(result: DocumentResult, findings: Iterable[Finding]) -> list[Finding]:
    """Give every finding its stable id: a digest of document id, kind and the texts concerned.

    Indexes are left out so that editing another sentence changes no id. Identical findings
    repeated in one document are told apart by their occurrence number among themselves, in
    document order.
    """
    findings = list(findings)
    far = 1 << 30
    in_document_order = sorted(
        range(len(findings)),
        key=lambda i: (
            findings[i].mt_index if findings[i].mt_index is not None else far,
            findings[i].ref_index if findings[i].ref_index is not None else far,
        ),
    )
    seen: Counter[tuple[str, ...]] = Counter()
    ids: dict[int, str] = {}
    for i in in_document_order:
        key = (result.document.id, findings[i].kind, *_identity(findings[i], result))
        seen[key] += 1
        text = "\x1f".join((*key, str(seen[key])))
        ids[i] = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    return [replace(f, id=ids[i]) for i, f in enumerate(findings)]


def _sort_key(finding: Finding) -> tuple[Any, ...]:
    rank = finding.evidence.get("forced_logprob_span_mean")
    return (
        _SEVERITY_ORDER[finding.severity],
        finding.mt_index if finding.mt_index is not None else 1 << 30,
        finding.ref_index if finding.ref_index is not None else 1 << 30,
        rank if isinstance(rank, (int, float)) else 0.0,  # least likely under the model first
        finding.kind,
    )


def explained_pairs(result: DocumentResult, findings: Iterable[Finding]) -> set[int]:
    """Indexes of the pairs that some finding already explains."""
    by_mt = {m: p.index for p in result.pairs for m in p.mt}
    by_ref = {r: p.index for p in result.pairs for r in p.ref}
    explained = set()
    for found in findings:
        if found.mt_index is not None and found.mt_index in by_mt:
            explained.add(by_mt[found.mt_index])
        elif found.ref_index is not None and found.ref_index in by_ref:
            explained.add(by_ref[found.ref_index])
    return explained


# [checks] keys of the families configured by flat keys: name -> expected type.
_FLAT_SETTINGS: dict[str, type | tuple[type, ...]] = {
    "traps_path": str,
    "boilerplate_path": str,
    "divergence_min_match": (int, float),
    "divergence_paronyms_only": bool,
    "clause_min_words": int,
    "low_score_z": (int, float),
    "low_score_min_spread": (int, float),
    "min_confidence": (int, float),
}


def validate_settings(settings: Mapping[str, Any]) -> None:
    """Check a run's ``[checks]`` table before any work, naming the bad key."""
    from mtqa.checks.entities import EntitySettings
    from mtqa.checks.language import LanguageSettings
    from mtqa.checks.terms import glossary_of

    for key, value in settings.items():
        if key in ("entities", "language", "terms"):
            continue
        expected = _FLAT_SETTINGS.get(key)
        if expected is None:
            known = ", ".join(sorted([*_FLAT_SETTINGS, "entities", "language", "terms"]))
            raise ConfigError(f"checks.{key}: unknown setting; known: {known}")
        if isinstance(value, bool) and expected is not bool or not isinstance(value, expected):
            wanted = {str: "a string", bool: "true or false", int: "an integer"}.get(
                expected, "a number"  # type: ignore[call-overload]
            )
            raise ConfigError(f"checks.{key}: expected {wanted}, got {value!r}")
        if key == "min_confidence" and not 0.0 <= value <= 1.0:
            raise ConfigError("checks.min_confidence: expected a number between 0 and 1")
    EntitySettings.of(settings)
    LanguageSettings.of(settings)
    glossary_of(settings)  # reads the glossary: a bad file is an error before any work


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
    """Every finding of every available family for one document, merged and ranked."""
    from mtqa.language.parse import parsing

    findings: list[Finding] = []
    with parsing(texts_to_parse(result), names=texts_to_name(result)):
        for name in FAMILIES:
            check = _family(name)
            if check is not None:
                findings.extend(check(result, ctx))
        from mtqa.checks.structure import low_score

        findings.extend(low_score(result, ctx, explained=explained_pairs(result, findings)))
    from mtqa.checks.terms import accept_glossary_names

    findings = deduplicate(accept_glossary_names(findings, ctx.settings))
    furniture = frozenset(
        f.mt_index for f in findings if f.kind == "boilerplate" and f.mt_index is not None
    )
    findings = [replace(f, severity=severity_of(f, furniture)) for f in findings]
    from mtqa.checks.evidence import complete_evidence
    from mtqa.confidence import assign, keep_confident

    findings = complete_evidence(result, findings, ctx.engines)
    findings = keep_confident(assign(findings), float(ctx.settings.get("min_confidence", 0.0)))
    return tuple(assign_ids(result, sorted(findings, key=_sort_key)))


__all__ = [
    "FAMILIES", "SEVERITY_POLICY", "assign_ids", "deduplicate", "detect", "severity_of",
    "texts_to_name", "texts_to_parse",
    "validate_settings",
]
