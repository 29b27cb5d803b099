"""What a detector is: its record in the registry and the base of its settings.

A detector is a ``Detector`` record (``mtqa.checks.registry`` lists them all): its name, the
finding kinds it emits with the most severe level each may reach, the pydantic model of its
``[checks.<name>]`` table, its check function and its place in the run order. Everything
else about detectors — the finding kinds, the severity policy, the ``[checks]`` schema — is
derived from those records.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict

from mtqa.checks.base import CheckContext
from mtqa.model import DocumentResult, Finding, Severity

Check = Callable[[DocumentResult, CheckContext], list[Finding]]


def _number(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError("expected a number")
    return float(value)


# A TOML number (an integer or a float, never true/false or a string), as a float.
Number = Annotated[float, BeforeValidator(_number)]


class Settings(BaseModel):
    """The base of a detector's ``[checks.<name>]`` table: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class NoSettings(Settings):
    """A detector with nothing to set: its table, if given, must be empty."""


@dataclass(frozen=True)
class Detector:
    """One detector family.

    ``kinds`` maps each finding kind the detector emits to the most severe level a finding
    of that kind may have (the severity policy: a detector may rank lower, never higher).
    ``flat`` maps setting names also accepted directly under ``[checks]`` (the historic
    spelling, ``[checks] traps_path``) to the field of ``settings`` they set. Detectors run
    in ``order``; each sees the findings of those before it as ``ctx.earlier``.
    """

    name: str
    kinds: Mapping[str, Severity]
    check: Check
    order: int
    settings: type[Settings] = NoSettings
    flat: Mapping[str, str] = field(default_factory=dict)
