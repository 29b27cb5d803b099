"""The one place a document's findings are merged, ranked and ordered.

``detect`` (``mtqa.checks``) calls ``merge`` on what the detectors found and ``finish`` on
what survives the evidence and confidence steps; nothing after detection sorts or relabels
findings again, so a document's findings have the same order whether it was evaluated alone
(``evaluate_document``) or in a run, with one engine or several.

- ``deduplicate``: one finding per (kind, segment, span), none inside another's spans of
  the same kind and sentences; the engines of duplicates merged.
- ``severity_of``: the severity policy (``registry.SEVERITY_POLICY``) is a ceiling: a
  detector may rank a finding lower than its kind's policy when the finding itself is
  milder (an ``entity_inconsistent`` between two accepted spellings, a number on one side
  only, a calque), never higher. An error that would be critical is major in page furniture
  (a segment also flagged ``boilerplate``).
- ``label_agreement``: with several engines, each finding says how many engines'
  back-translations support it (``evidence.agreement``: ``all engines``, ``some engines``,
  ``one engine``, or ``direct`` for findings read off the French and the reference alone).
- ``order_key``: most severe first; within a severity, findings every engine supports (or
  read directly) before those some engines show, and those only one engine shows last;
  then by MT sentence, reference sentence, forced-decoding log-probability of the span
  (least likely first) and kind.
- ``assign_ids``: each finding's stable id.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from mtqa.model import SEVERITY_RANK, DocumentResult, Finding, Severity

_FAR = 1 << 30  # where a finding without an index sorts


def _key(finding: Finding) -> tuple[Any, ...]:
    return (finding.kind, finding.mt_index, finding.ref_index, finding.mt_span, finding.ref_span)


def _within(inner: Finding, outer: Finding) -> bool:
    """Of two findings of one kind and sentences, the first's spans lie inside the other's
    (« tôt » and « plus tôt » against "later", from two detectors)."""
    def inside(a: str | None, b: str | None) -> bool:
        return a is not None and b is not None and a in b

    return (
        inner is not outer
        and inside(inner.mt_span, outer.mt_span) and inside(inner.ref_span, outer.ref_span)
    )


def deduplicate(findings: Iterable[Finding]) -> list[Finding]:
    """One finding per (kind, segment, span), and none whose spans lie inside another's of
    the same kind and sentences; engines of duplicates are merged."""
    kept: dict[tuple[Any, ...], Finding] = {}
    for found in findings:
        key = _key(found)
        if key in kept:
            first = kept[key]
            engines = tuple(dict.fromkeys(first.engines + found.engines))
            kept[key] = replace(first, engines=engines)
        else:
            kept[key] = found
    unique = list(kept.values())
    same: dict[tuple[Any, ...], list[Finding]] = {}
    for found in unique:
        same.setdefault((found.kind, found.mt_index, found.ref_index), []).append(found)
    merged = []
    for found in unique:
        group = same[(found.kind, found.mt_index, found.ref_index)]
        if any(_within(found, other) for other in group):
            continue
        inner = [other for other in group if _within(other, found)]
        engines = tuple(dict.fromkeys(found.engines + tuple(
            e for other in inner for e in other.engines)))
        merged.append(replace(found, engines=engines) if inner else found)
    return merged


def severity_of(finding: Finding, furniture: frozenset[int]) -> Severity:
    """The severity the policy gives a finding (see the module docstring)."""
    from mtqa.checks.registry import SEVERITY_POLICY

    severity = SEVERITY_POLICY.get(finding.kind, finding.severity)
    if SEVERITY_RANK[finding.severity] > SEVERITY_RANK[severity]:
        severity = finding.severity  # a detector ranked its own finding lower, with a reason
    if severity == "critical" and finding.mt_index in furniture:
        return "major"
    return severity


def apply_policy(findings: Iterable[Finding]) -> list[Finding]:
    """Every finding at the severity ``severity_of`` gives it."""
    findings = list(findings)
    furniture = frozenset(
        f.mt_index for f in findings if f.kind == "boilerplate" and f.mt_index is not None
    )
    return [replace(f, severity=severity_of(f, furniture)) for f in findings]


def merge(findings: Iterable[Finding]) -> list[Finding]:
    """What the detectors found, without duplicates and under the severity policy."""
    return apply_policy(deduplicate(findings))


_NOTES = {
    "all engines": "every engine's back-translation shows it: an MT error",
    "one engine": "only one engine shows it: possibly back-translation noise",
}
_NOISE_RANK = {"all engines": 0, "direct": 0, "some engines": 1, "one engine": 2}


def label_agreement(findings: Iterable[Finding], engines: Sequence[str]) -> list[Finding]:
    """With two engines or more, label each finding by how many engines support it."""
    findings = list(findings)
    if len(engines) < 2:
        return findings
    everyone = set(engines)
    labelled = []
    for f in findings:
        support = set(f.engines) & everyone
        if not f.engines:
            agreement = "direct"
        elif support == everyone:
            agreement = "all engines"
        elif len(support) == 1:
            agreement = "one engine"
        else:
            agreement = "some engines"
        evidence = {**f.evidence, "agreement": agreement}
        if agreement in _NOTES:
            evidence["agreement_note"] = _NOTES[agreement]
        labelled.append(replace(f, evidence=evidence))
    return labelled


def order_key(finding: Finding) -> tuple[Any, ...]:
    """Where a finding stands among its document's findings (see the module docstring)."""
    rank = finding.evidence.get("forced_logprob_span_mean")
    return (
        SEVERITY_RANK[finding.severity],
        _NOISE_RANK.get(finding.evidence.get("agreement", "direct"), 0),
        finding.mt_index if finding.mt_index is not None else _FAR,
        finding.ref_index if finding.ref_index is not None else _FAR,
        rank if isinstance(rank, (int, float)) else 0.0,  # least likely under the model first
        finding.kind,
    )


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
    in_document_order = sorted(
        range(len(findings)),
        key=lambda i: (
            findings[i].mt_index if findings[i].mt_index is not None else _FAR,
            findings[i].ref_index if findings[i].ref_index is not None else _FAR,
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


def finish(
    result: DocumentResult, findings: Iterable[Finding], engines: Sequence[str]
) -> tuple[Finding, ...]:
    """Findings labelled by engine agreement, in their final order, with their ids."""
    ordered = sorted(label_agreement(findings, engines), key=order_key)
    return tuple(assign_ids(result, ordered))
