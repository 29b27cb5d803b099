"""Quality gates: ``--fail-on EXPR`` conditions checked against a finished run.

An expression is ``NAME OP NUMBER``:

- ``NAME`` is a metric (``bleu``, ``chrf``, ``chrf++``, ``ter``), optionally for one engine
  (``chrf@apertium``; without ``@`` every engine that ran is checked), or a count of findings:
  a severity (``critical``, ``major``, ``minor``), a kind (``entity_drift``…) or ``findings``;
- ``OP`` is one of ``< <= > >= == !=``.

``chrf<45`` holds when an engine's corpus chrF is below 45; ``critical>0`` when there is any
critical finding. A gate that holds fails the run (exit 1) with its reason.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from mtqa.errors import InputError
from mtqa.metrics import METRICS
from mtqa.model import FINDING_KINDS, SEVERITIES, RunResult

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
    if name not in METRICS and name not in counts:
        raise InputError(
            f"--fail-on {text!r}: unknown name {name!r}; use a metric ({', '.join(METRICS)}), "
            "a severity, a finding kind or 'findings'"
        )
    if engine and name not in METRICS:
        raise InputError(f"--fail-on {text!r}: '@ENGINE' applies to metrics only")
    return Gate(text.strip(), name, engine, op, float(value))


def evaluate_gates(result: RunResult, gates: Sequence[Gate]) -> list[str]:
    """The reasons the run fails: one line per gate that holds."""
    reasons = []
    findings = result.counted_findings  # a finding waived as a false alarm never fails a run
    for gate in gates:
        compare = _OPS[gate.op]
        if gate.name in METRICS:
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
