"""Checks made before any work: detector settings and their lexicon files, the
comparison's baseline names, and whether each document's MT looks French and its reference
English."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from mtqa.config import RunConfig
from mtqa.errors import ConfigError
from mtqa.model import Document


def check_before_work(
    config: RunConfig, documents: Sequence[Document], checks: Mapping[str, Any]
) -> None:
    """Settings that would otherwise fail after the work: detector settings and their
    lexicon files, and the comparison's baseline names."""
    from mtqa.checks import validate_settings
    from mtqa.checks.registry import parse_checks
    from mtqa.language.lexicons import load_furniture, load_traps

    validate_settings(checks)  # a typo in [checks] costs nothing computed
    settings = parse_checks(checks)
    for detector, key, load in (
        ("renderings", "traps_path", load_traps),
        ("structure", "boilerplate_path", load_furniture),
    ):
        path = getattr(settings.of(detector), key)
        if path:
            where = key if key in checks else f"{detector}.{key}"
            try:
                load(Path(path))
            except ConfigError as error:
                raise ConfigError(f"checks.{where}: {error}") from None
    systems = sorted({d.system for d in documents})
    if config.compare.baseline_system not in systems:
        raise ConfigError(
            f"compare.baseline_system: no system {config.compare.baseline_system!r} in this "
            f"run; systems: {', '.join(systems)}"
        )
    engines = [e.name for e in config.engines]
    if config.compare.baseline_engine is not None and config.compare.baseline_engine not in engines:
        raise ConfigError(
            f"compare.baseline_engine: no engine {config.compare.baseline_engine!r}; "
            f"engines: {', '.join(engines)}"
        )


# A document's language is judged on this much of its text: enough, and fast.
LANGUAGE_SAMPLE = 3_000


def language_warnings(document: Document) -> list[str]:
    """A warning when the MT does not look French or the reference not English: the files
    swapped, an untranslated MT, the same text given twice, another language."""
    from mtqa.checks.language import LANGUAGES, identify

    def language(text: str) -> str | None:
        sample = text[:LANGUAGE_SAMPLE]
        if sum(c.isalpha() for c in sample) < 40:
            return None  # too little text to tell
        found, probability = identify(sample, LANGUAGES)
        return found if probability >= 0.9 else None

    mt, ref = language(document.mt_text), language(document.ref_text)
    where = f"document {document.id}"
    if mt == "en" and ref == "fr":
        return [
            f"{where}: the MT looks English and the reference French: are the MT and "
            "reference files swapped?"
        ]
    warnings = []
    if mt == "en" and ref in ("en", None):
        warnings.append(
            f"{where}: the MT looks English, not French: an untranslated MT or the reference "
            "given twice? Scores will be meaninglessly high"
        )
    elif mt is not None and mt != "fr":
        warnings.append(f"{where}: the MT looks like {mt!r}, not French")
    if ref == "fr" and mt in ("fr", None):
        warnings.append(
            f"{where}: the reference looks French, like the MT, not English: "
            "scores and findings compare a text with itself"
        )
    elif ref is not None and ref not in ("en", "fr"):
        warnings.append(f"{where}: the reference looks like {ref!r}, not English")
    return warnings
