"""Confidence of a finding: how often findings like it were right on development data.

A finding's *bin* is its kind, its severity, whether a back-translation supports it, and
its detector's main evidence feature (the check that fired, a rendering's level, the side a
name is missing from...). ``configs/confidence.toml`` holds, per bin and per coarser bin
(kind and severity; kind), the precision measured on development data — the DEMETR dev
split and ``tests/data/evalset`` — smoothed towards the coarser bin's precision, and
written by ``benchmarks/calibrate_confidence.py``. A finding's confidence is the value of
the most specific bin the table has; a kind the table lacks gets the table's default.

``assign`` sets ``Finding.confidence``; ``keep_confident`` drops findings below a run's
``[checks] min_confidence`` (the ``--min-confidence`` option), so they leave the outputs,
the counts and the gates.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from mtqa.errors import ConfigError
from mtqa.language.lexicons import CONFIG_DIR, RESTORE, read_toml
from mtqa.model import Finding

if sys.version_info >= (3, 11):
    pass
else:  # pragma: no cover - exercised on 3.10 only
    pass

CONFIDENCE_PATH = CONFIG_DIR / "confidence.toml"
# Evidence keys that name what fired, in the order a bin looks for them.
FEATURE_KEYS = ("check", "level", "missing_from", "linked_by", "one_side_in_words")


def feature(finding: Finding) -> str:
    """The finding's main evidence feature: ``key=value`` of the first key present."""
    for key in FEATURE_KEYS:
        value = finding.evidence.get(key)
        if isinstance(value, (str, bool, int)) and str(value) and len(str(value)) <= 40:
            return f"{key}={value}"
    return "-"


def bins(finding: Finding) -> tuple[str, str, str]:
    """The finding's bins, most specific first."""
    supported = "bt" if finding.engines else "no-bt"
    kind, severity = finding.kind, finding.severity
    return (f"{kind}|{severity}|{supported}|{feature(finding)}", f"{kind}|{severity}", kind)


@dataclass(frozen=True)
class Calibration:
    """Bin → confidence, and the confidence of a finding in no known bin."""

    table: Mapping[str, float]
    default: float

    def confidence(self, finding: Finding) -> float:
        for key in bins(finding):
            if key in self.table:
                return self.table[key]
        return self.default


@lru_cache(maxsize=4)
def load(path: Path = CONFIDENCE_PATH) -> Calibration:
    """The calibration table of ``configs/confidence.toml``."""
    data = read_toml(path, missing=RESTORE)
    table: dict[str, float] = {}
    for key, row in data.get("bins", {}).items():
        value = row.get("confidence") if isinstance(row, Mapping) else None
        if not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
            raise ConfigError(f"{path.name}: bins.{key!r} needs a confidence between 0 and 1")
        table[key] = float(value)
    default = data.get("default", 0.5)
    if not isinstance(default, (int, float)) or not 0.0 <= default <= 1.0:
        raise ConfigError(f"{path.name}: default must be a number between 0 and 1")
    return Calibration(table, float(default))


def assign(findings: Iterable[Finding], calibration: Calibration | None = None) -> list[Finding]:
    """The findings with their calibrated confidence set."""
    calibration = calibration or load()
    return [replace(f, confidence=round(calibration.confidence(f), 3)) for f in findings]


def keep_confident(findings: Iterable[Finding], minimum: float) -> list[Finding]:
    """The findings whose confidence reaches ``minimum`` (all of them when it is 0)."""
    if minimum <= 0:
        return list(findings)
    return [f for f in findings if f.confidence is None or f.confidence >= minimum]
