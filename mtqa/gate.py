"""Quality gates: ``--fail-on EXPR`` conditions checked against a finished run.

An expression is ``NAME OP NUMBER``:

- ``NAME`` is a metric (``bleu``, ``chrf``, ``chrf++``, ``ter``), optionally for one engine
  (``chrf@apertium``; without ``@`` every engine that ran is checked), the error score
  (``error_score``, weighted findings per 100 reference words; ``error_score@SYSTEM`` for one
  MT system, without ``@`` every system), or a count of findings: a severity (``critical``,
  ``major``, ``minor``), a kind (``entity_drift``…) or ``findings``;
- ``OP`` is one of ``< <= > >= == !=``.

``chrf<45`` holds when an engine's corpus chrF is below 45; ``critical>0`` when there is any
critical finding. A gate that holds fails the run (exit 1) with its reason.

``regressions`` is the gate of ``mtqa diff --fail-on-regression``: B regressed from A when it
has a new critical finding, or is significantly worse on the error score or on chrF.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mtqa.errors import InputError
from mtqa.metrics import METRICS
from mtqa.model import FINDING_KINDS, SEVERITIES, RunResult

if TYPE_CHECKING:
    from mtqa.diff import RunDiff

ERROR_SCORE = "error_score"

_OPS: dict[str, Callable[[float, float], bool]] = {
    "<=": operator.le,
    ">=": operator.ge,
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    ">": operator.gt,
}
_EXPR = re.compile(r"^\s*([a-z_+]+)(?:@([\w.\-]+))?\s*(<=|>=|==|!=|<|>)\s*(-?\d+(?:\.\d+)?)\s*$")


@dataclass(frozen=True)
class Gate:
    text: str
    name: str
    engine: str | None
    op: str
    value: float


def parse_gate(text: str) -> Gate:
    match = _EXPR.match(text)
    if not match:
        raise InputError(
            f"--fail-on {text!r}: write NAME OP NUMBER, e.g. 'chrf<45' or 'critical>0'"
        )
    name, engine, op, value = match.groups()
    counts = {"findings", *SEVERITIES, *FINDING_KINDS}
    if name not in METRICS and name not in counts and name != ERROR_SCORE:
        raise InputError(
            f"--fail-on {text!r}: unknown name {name!r}; use a metric ({', '.join(METRICS)}), "
            "'error_score', a severity, a finding kind or 'findings'"
        )
    if engine and name not in METRICS and name != ERROR_SCORE:
        raise InputError(f"--fail-on {text!r}: '@ENGINE' applies to metrics only")
    return Gate(text.strip(), name, engine, op, float(value))


def evaluate_gates(result: RunResult, gates: Sequence[Gate]) -> list[str]:
    """The reasons the run fails: one line per gate that holds."""
    reasons = []
    findings = result.counted_findings  # a finding waived as a false alarm never fails a run
    for gate in gates:
        compare = _OPS[gate.op]
        if gate.name == ERROR_SCORE:
            reasons += _error_score_reasons(result, gate)
        elif gate.name in METRICS:
            engines = [gate.engine] if gate.engine else list(result.scores)
            for engine in engines:
                if engine not in result.scores:
                    raise InputError(
                        f"--fail-on {gate.text!r}: engine {engine!r} did not run "
                        f"(ran: {', '.join(result.scores) or 'none'})"
                    )
                score = next((s for s in result.scores[engine] if s.metric == gate.name), None)
                if score is None:
                    raise InputError(
                        f"--fail-on {gate.text!r}: metric {gate.name} was not computed"
                    )
                if compare(score.score, gate.value):
                    reasons.append(f"{gate.text}: {gate.name} of {engine} is {score.score:.2f}")
        else:
            if gate.name == "findings":
                count = len(findings)
            elif gate.name in SEVERITIES:
                count = sum(f.severity == gate.name for f in findings)
            else:
                count = sum(f.kind == gate.name for f in findings)
            if compare(count, gate.value):
                reasons.append(f"{gate.text}: {count} {gate.name} finding(s)")
    return reasons


def _error_score_reasons(result: RunResult, gate: Gate) -> list[str]:
    comparison = result.comparison
    if comparison is None:
        raise InputError(f"--fail-on {gate.text!r}: this run has no error score")
    systems = comparison.errors.systems
    chosen = [gate.engine] if gate.engine else list(systems)
    reasons = []
    for system in chosen:
        if system not in systems:
            raise InputError(
                f"--fail-on {gate.text!r}: no MT system {system!r} in this run "
                f"(systems: {', '.join(systems)})"
            )
        score = systems[system].score
        if score is not None and _OPS[gate.op](score, gate.value):
            reasons.append(f"{gate.text}: error score of {system} is {score:.2f}")
    return reasons


def regressions(diff: RunDiff) -> list[str]:
    """Why run B is a regression from run A: new critical findings (false alarms aside), or
    significantly worse (paired bootstrap, p < 0.05) on the error score or on chrF with any
    engine. Empty when it is not."""
    from mtqa.report.terminal import format_p

    reasons = []
    if diff.new_critical:
        kinds = ", ".join(sorted({f.kind for f in diff.new_critical}))
        reasons.append(f"{len(diff.new_critical)} new critical finding(s) in B ({kinds})")
    if diff.comparison is None:
        return reasons
    b = diff.comparison.error_score("B")
    if b.significant and b.delta is not None and b.delta > 0:
        reasons.append(
            f"error score significantly worse in B: {b.delta:+.1f} per 100 words "
            f"({format_p(b.p_value)})"
        )
    for row in diff.comparison.rows:
        chrf = row.scores.get("chrf")
        if row.system != "B" or chrf is None:
            continue
        if chrf.significant and chrf.improved is False and chrf.delta is not None:
            reasons.append(
                f"chrF significantly worse in B with {row.engine}: {chrf.delta:+.2f} "
                f"({format_p(chrf.p_value)})"
            )
    return reasons
