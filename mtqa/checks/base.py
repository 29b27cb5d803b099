"""What every detector family shares: its input and how it makes findings.

A family is a ``check(result, ctx) -> list[Finding]`` function registered as a
``Detector`` in ``mtqa.checks.registry``. It reads a ``DocumentResult`` whose ``findings``
are still empty and returns what it found.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from mtqa.model import DocumentResult, Finding, Pair, Severity

if TYPE_CHECKING:
    from mtqa.checks.registry import CheckSettings

# (French sources, English targets) -> per target, (token, log-probability) pairs.
ForcedScorer = Callable[[Sequence[str], Sequence[str]], list[list[tuple[str, float]]]]


@dataclass(frozen=True)
class CheckContext:
    """Run-wide inputs a detector may use besides the document itself."""

    engines: tuple[str, ...]  # engines whose back-translations are in the pairs
    scorer: ForcedScorer | None = None  # forced decoding, when a Marian engine ran
    settings: Mapping[str, Any] = field(default_factory=dict)  # the run's [checks] table
    earlier: tuple[Finding, ...] = ()  # what the detectors that ran before this one found

    @cached_property
    def checks(self) -> CheckSettings:
        """``settings`` validated against every detector's settings model."""
        from mtqa.checks.registry import parse_checks

        return parse_checks(self.settings)

    def options(self, detector: str) -> Any:
        """The typed ``[checks.<detector>]`` settings (flat ``[checks]`` keys included)."""
        return self.checks.of(detector)


def witnesses(
    pair: Pair, engines: Sequence[str], judge: Callable[[str], tuple[bool, str | None]]
) -> tuple[tuple[str, ...], str | None]:
    """The engines whose back-translation ``judge`` finds on the finding's side, and the span
    of the first of them: ``judge(bt)`` gives (supports, span in bt)."""
    supporting: list[str] = []
    bt_span = None
    for engine in engines:
        bt = pair.bt.get(engine)
        if not bt:
            continue
        supports, span = judge(bt)
        if supports:
            supporting.append(engine)
            bt_span = bt_span or span
    return tuple(supporting), bt_span


def finding(
    result: DocumentResult,
    pair: Pair | None,
    *,
    kind: str,
    severity: Severity,
    detector: str,
    message: str,
    mt_span: str | None = None,
    ref_span: str | None = None,
    bt_span: str | None = None,
    engines: Sequence[str] = (),
    evidence: Mapping[str, Any] | None = None,
    mt_index: int | None = None,
    ref_index: int | None = None,
) -> Finding:
    """Build a Finding for a pair, filling the indexes and MT text from the pair."""
    if pair is not None:
        mt_index = pair.mt_index if mt_index is None else mt_index
        ref_index = pair.ref_index if ref_index is None else ref_index
        mt_text = pair.mt_text
    else:
        mt_text = result.mt_segments[mt_index].text if mt_index is not None else ""
    return Finding(
        result.document.id, kind, severity, mt_index, ref_index, mt_text, mt_span, ref_span,
        bt_span, tuple(engines), detector, message, dict(evidence or {}),
    )
