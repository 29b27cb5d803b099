"""Review decisions: a reviewer's verdicts on findings, carried from one run to the next.

A decisions file is the JSON the HTML report exports::

    {"decisions": [{"id": "3f2a9c01be47", "verdict": "false_alarm", "note": "house style"}]}

``verdict`` is ``accepted``, ``false_alarm`` or ``fixed``; ``note`` is optional. A decision
applies to the finding with the same stable ``id`` (see ``mtqa.checks.assign_ids``): the
finding keeps its place in every output and gains ``verdict`` and ``note``. A
``false_alarm`` leaves counts, gates and comparisons. A decision whose finding no longer
appears is *stale*: the run reports it instead of dropping it silently.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from mtqa.errors import InputError, read_text_file
from mtqa.model import DocumentResult, LazyDocuments

VERDICTS = ("accepted", "false_alarm", "fixed")


@dataclass(frozen=True)
class Decision:
    id: str
    verdict: str
    note: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "verdict": self.verdict, "note": self.note}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Decision:
        return cls(str(data["id"]), str(data["verdict"]), data.get("note"))


@dataclass(frozen=True)
class ReviewRecord:
    """What a run's decisions file did: the file, how many decisions it held, how many
    findings each verdict applied to, and the decisions whose finding no longer appears."""

    file: str
    decisions: int
    applied: Mapping[str, int]  # verdict -> findings it applied to
    stale: tuple[Decision, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "decisions": self.decisions,
            "applied": dict(self.applied),
            "stale": [d.to_json() for d in self.stale],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ReviewRecord | None:
        """The record of ``data``, or None where it is not one this version wrote (the
        caller keeps such data as it was)."""
        if set(data) != {"file", "decisions", "applied", "stale"}:
            return None
        stale = data["stale"]
        decision_keys = {"id", "verdict", "note"}
        if not isinstance(data["applied"], Mapping) or not (
            isinstance(stale, list)
            and all(isinstance(d, Mapping) and set(d) == decision_keys for d in stale)
        ):
            return None
        return cls(
            file=str(data["file"]),
            decisions=int(data["decisions"]),
            applied=dict(data["applied"]),
            stale=tuple(Decision.from_json(d) for d in stale),
        )


def parse_decisions(data: Any, *, source: str) -> dict[str, Decision]:
    """Validate a decisions structure; errors name the entry and say what was expected."""
    if not isinstance(data, Mapping) or not isinstance(data.get("decisions"), list):
        raise InputError(
            f'{source}: expected {{"decisions": [{{"id": ..., "verdict": ..., "note": ...}}]}} '
            "(the file the report's \"export decisions\" writes)"
        )
    decisions: dict[str, Decision] = {}
    for n, entry in enumerate(data["decisions"]):
        where = f"{source}: decisions[{n}]"
        if not isinstance(entry, Mapping):
            raise InputError(f"{where}: expected an object with id, verdict and note")
        unknown = set(entry) - {"id", "verdict", "note"}
        if unknown:
            raise InputError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
        finding_id, verdict, note = entry.get("id"), entry.get("verdict"), entry.get("note")
        if not isinstance(finding_id, str) or not finding_id:
            raise InputError(f"{where}: id must be a finding's id (a string from findings.jsonl)")
        if verdict not in VERDICTS:
            raise InputError(
                f"{where}: verdict must be one of {', '.join(VERDICTS)}, got {verdict!r}"
            )
        if note is not None and not isinstance(note, str):
            raise InputError(f"{where}: note must be text or null")
        decisions[finding_id] = Decision(finding_id, verdict, note or None)
    return decisions


def load_decisions(path: Path) -> dict[str, Decision]:
    """Read a decisions file (one-line errors: missing, unreadable, not JSON, wrong shape)."""
    text = read_text_file(path, "decisions file", InputError)
    try:
        data = json.loads(text)
    except ValueError as error:
        raise InputError(f"decisions file {path} is not valid JSON: {error}") from None
    return parse_decisions(data, source=str(path))


def apply_decisions(
    results: Sequence[DocumentResult], decisions: Mapping[str, Decision], *, file: str = ""
) -> tuple[Sequence[DocumentResult], ReviewRecord]:
    """Each finding with a decision gains its verdict and note; returns the results and the
    record of what applied (``file``: the decisions file, for the record).

    The results are a view: each document gains its decisions when it is read, so a run's
    documents, read from its folder as they are used, are never all held at once."""
    used = {f.id for result in results for f in result.findings if f.id and f.id in decisions}
    applied = {v: sum(1 for i in used if decisions[i].verdict == v) for v in VERDICTS}
    stale = tuple(d for i, d in decisions.items() if i not in used)
    return _Decided(results, decisions), ReviewRecord(file, len(decisions), applied, stale)


def _decide(result: DocumentResult, decisions: Mapping[str, Decision]) -> DocumentResult:
    findings = []
    for found in result.findings:
        decision = decisions.get(found.id) if found.id else None
        if decision is None:
            findings.append(replace(found, verdict=None, note=None))
        else:
            findings.append(replace(found, verdict=decision.verdict, note=decision.note))
    return replace(result, findings=tuple(findings))


class _Decided(LazyDocuments):
    """Documents with the review's decisions applied as each is read."""

    def __init__(self, results: Sequence[DocumentResult], decisions: Mapping[str, Decision]):
        self.results = results
        self.decisions = decisions

    def __len__(self) -> int:
        return len(self.results)

    def _document(self, index: int) -> DocumentResult:
        return _decide(self.results[index], self.decisions)
