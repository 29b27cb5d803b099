"""The registry of detectors: the one list of what runs, and everything derived from it.

``DETECTORS`` holds every ``Detector`` record in run order. From it come the finding kinds
(``FINDING_KINDS``, most severe first), the severity policy (``SEVERITY_POLICY``: kind →
the most severe level it may reach) and the schema of the run config's ``[checks]`` table
(``parse_checks``): ``[checks.<name>]`` for each detector, the historic flat keys a detector
accepts directly under ``[checks]``, and ``min_confidence``. A detector module that is
missing is an import error here, never a detector silently left out.

Adding a detector: write its module (a ``check(result, ctx)`` function, its settings model)
and add its record below.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from mtqa.checks import (
    antonym,
    entities,
    grammar,
    hypernym,
    language,
    meaning,
    numbers,
    renderings,
    structure,
    terms,
    wordlevel,
)
from mtqa.checks.detector import Detector, Settings
from mtqa.errors import ConfigError
from mtqa.model import SEVERITIES, Severity

# Detector(name, kinds with their most severe level, check, order, settings, flat keys).
DETECTORS: tuple[Detector, ...] = tuple(sorted((
    Detector("structure", {"omission": "major", "addition": "major", "fragment": "major",
                           "boilerplate": "minor"},
             structure.check, 10, structure.StructureSettings,
             {"boilerplate_path": "boilerplate_path", "clause_min_words": "clause_min_words"}),
    Detector("entities", {"entity_drift": "critical", "entity_missing": "critical",
                          "entity_inconsistent": "critical"},
             entities.check, 20, entities.EntitySettings),
    Detector("numbers", {"number_mismatch": "critical"}, numbers.check, 30),
    Detector("language", {"untranslated": "major"}, language.check, 40,
             language.LanguageSettings),
    Detector("renderings", {"odd_rendering": "major"}, renderings.check, 50,
             renderings.RenderingSettings,
             {key: key for key in ("traps_path", "divergence_min_match",
                                   "divergence_paronyms_only")}),
    Detector("meaning", {"meaning_inversion": "critical"}, meaning.check, 60),
    Detector("grammar", {"tense_change": "major", "pronoun_gender": "major"}, grammar.check, 70),
    Detector("terms", {"term_violation": "major"}, terms.check, 80, terms.TermsSettings),
    Detector("wordlevel", {"omission": "major", "addition": "major",
                           "meaning_inversion": "critical"},
             wordlevel.check, 90),
    Detector("antonym", {"meaning_inversion": "critical"}, antonym.check, 92),
    Detector("hypernym", {"odd_rendering": "major"}, hypernym.check, 95),
    # Last: a low score is reported only where no earlier finding explains the pair.
    Detector("low_score", {"low_score": "minor"}, structure.check_low_score, 100,
             structure.LowScoreSettings,
             {"low_score_z": "z", "low_score_min_spread": "min_spread"}),
), key=lambda d: d.order))

BY_NAME: dict[str, Detector] = {d.name: d for d in DETECTORS}


def _policy() -> dict[str, Severity]:
    policy: dict[str, Severity] = {}
    for detector in DETECTORS:
        for kind, severity in detector.kinds.items():
            if policy.setdefault(kind, severity) != severity:
                raise RuntimeError(
                    f"detector {detector.name}: kind {kind} declared {severity}, "
                    f"elsewhere {policy[kind]}"
                )
    return policy


# The severity policy: each kind's most severe level (mtqa.checks.findings applies it).
SEVERITY_POLICY: dict[str, Severity] = _policy()
# Every finding kind, most severe first, then in the order the detectors run.
FINDING_KINDS: tuple[str, ...] = tuple(
    sorted(SEVERITY_POLICY, key=lambda kind: SEVERITIES.index(SEVERITY_POLICY[kind]))
)
_FLAT: dict[str, tuple[str, str]] = {
    key: (d.name, name) for d in DETECTORS for key, name in d.flat.items()
}
_TOP_LEVEL = ("min_confidence",)


@dataclass(frozen=True)
class CheckSettings:
    """A run's ``[checks]`` table, validated: each detector's settings, and the confidence
    below which findings are left out."""

    detectors: Mapping[str, Settings] = field(default_factory=dict)
    min_confidence: float = 0.0

    def of(self, detector: str) -> Any:
        """The settings of one detector (its defaults when the run sets nothing)."""
        found = self.detectors.get(detector)
        return found if found is not None else BY_NAME[detector].settings()


_WANTED = {
    "int_type": "an integer",
    "float_type": "a number",
    "bool_type": "true or false",
    "string_type": "a string",
    "tuple_type": "a list",
    "list_type": "a list",
}


def _message(error: Mapping[str, Any], where: str, known: list[str]) -> str:
    kind = error["type"]
    if kind == "extra_forbidden":
        return f"checks.{where}: unknown setting; known: {', '.join(known) or 'none'}"
    if kind in _WANTED:
        return f"checks.{where}: expected {_WANTED[kind]}, got {error['input']!r}"
    message = str(error["msg"]).removeprefix("Value error, ")
    if kind == "value_error" and message.startswith("expected a number"):
        return f"checks.{where}: {message}, got {error['input']!r}"
    return f"checks.{where}: {message}"


def _validate(detector: Detector, table: Mapping[str, Any], spelt: Mapping[str, str]) -> Settings:
    try:
        return detector.settings.model_validate(table)
    except ValidationError as error:
        first = error.errors()[0]
        loc = [str(part) for part in first["loc"]]
        key = loc[0] if loc else ""
        where = spelt.get(key, ".".join([detector.name, *loc]))
        if key in spelt and len(loc) > 1:
            where += "".join(f"[{p}]" if p.isdigit() else f".{p}" for p in loc[1:])
        known = sorted(
            f.alias or name for name, f in detector.settings.model_fields.items()
        )
        raise ConfigError(_message(first, where, known)) from None


def parse_checks(raw: Mapping[str, Any] | CheckSettings) -> CheckSettings:
    """Validate a run's ``[checks]`` table; a ConfigError naming the key otherwise
    (``checks.entities.link_threshold: expected a number, got 'high'``)."""
    if isinstance(raw, CheckSettings):
        return raw
    if not isinstance(raw, Mapping):
        raise ConfigError("checks: expected a table of settings")
    tables: dict[str, dict[str, Any]] = {}
    spelt: dict[str, dict[str, str]] = {}  # detector -> field -> how the user wrote it
    for key, value in raw.items():
        if key in _TOP_LEVEL:
            continue
        if key in BY_NAME:
            if not isinstance(value, Mapping):
                raise ConfigError(f"checks.{key}: expected a table of settings")
            tables.setdefault(key, {}).update(value)
        elif key in _FLAT:
            name, setting = _FLAT[key]
            tables.setdefault(name, {})[setting] = value
            spelt.setdefault(name, {})[setting] = key
        else:
            known = sorted([*BY_NAME, *_FLAT, *_TOP_LEVEL])
            raise ConfigError(f"checks.{key}: unknown setting; known: {', '.join(known)}")
    for name, table in raw.items():
        if name in BY_NAME and isinstance(table, Mapping):
            twice = sorted(k for k in table if k in spelt.get(name, {}))
            if twice:
                raise ConfigError(
                    f"checks.{spelt[name][twice[0]]}: set twice, also as "
                    f"checks.{name}.{twice[0]}; keep one"
                )
    confidence = raw.get("min_confidence", 0.0)
    if isinstance(confidence, bool) or not isinstance(confidence, (int, float)) or not (
        0.0 <= confidence <= 1.0
    ):
        raise ConfigError("checks.min_confidence: expected a number between 0 and 1")
    return CheckSettings(
        detectors={
            name: _validate(BY_NAME[name], table, spelt.get(name, {}))
            for name, table in tables.items()
        },
        min_confidence=float(confidence),
    )


__all__ = [
    "BY_NAME", "DETECTORS", "FINDING_KINDS", "SEVERITY_POLICY", "CheckSettings", "parse_checks",
]
