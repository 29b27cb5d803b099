"""Back-translation engines: the registry of engine kinds, each imported only when asked for.

``ENGINES`` is the one list of kinds: the config's ``kind``, the ``--engine`` option and
the default model of each come from it; each engine class owns the pydantic model of its
``settings`` (``Settings``). ``create_engine`` builds an engine and checks at once that it
can run here (package, program, model), raising ``EngineUnavailable`` with a one-line
remedy, so the pipeline can skip an engine before doing any work. Importing this package
imports no engine.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from mtqa.backtranslate.base import Engine, EngineSettings
from mtqa.backtranslate.cache import CachingEngine, TranslationCache
from mtqa.errors import EngineUnavailable

DEFAULT_MODEL = "Helsinki-NLP/opus-mt-fr-en"


@dataclass(frozen=True)
class EngineKind:
    """One kind of back-translation engine."""

    kind: str
    target: str  # "module:Class", imported lazily so `import mtqa` never pulls in torch
    # the model ``--engine KIND`` means; None: the kind names no model on the command line
    default_model: str | None = None
    # runs no model threads in this process (a subprocess does the work), so a process that
    # used it may be forked: a forked copy of one whose torch or CTranslate2 threads ran can
    # hang
    fork_safe: bool = False


ENGINES: dict[str, EngineKind] = {
    e.kind: e
    for e in (
        EngineKind("marian", "mtqa.backtranslate.marian:MarianEngine", DEFAULT_MODEL),
        EngineKind("apertium", "mtqa.backtranslate.apertium:ApertiumEngine", fork_safe=True),
        EngineKind("ct2", "mtqa.backtranslate.ct2:CT2Engine", DEFAULT_MODEL),
    )
}


def engine_class(kind: str) -> type[Any]:
    """The class implementing ``kind``; ``EngineUnavailable`` naming the known kinds."""
    entry = ENGINES.get(kind)
    if entry is None:
        raise EngineUnavailable(
            f"unknown engine kind {kind!r}; known kinds: {', '.join(sorted(ENGINES))}"
        )
    module_name, class_name = entry.target.split(":")
    return getattr(importlib.import_module(module_name), class_name)  # type: ignore[no-any-return]


def settings_model(kind: str) -> type[EngineSettings]:
    """The pydantic model of ``kind``'s ``settings`` (imports the engine's module, which
    imports no model library)."""
    model: type[EngineSettings] = engine_class(kind).Settings
    return model


def create_engine(
    *,
    name: str,
    kind: str,
    model: str | None = None,
    settings: Mapping[str, Any] | None = None,
) -> Engine:
    """Build the engine ``kind`` under the config name ``name``, checking it can run here.

    Raises ``EngineUnavailable`` (missing package, program or model) or ``ConfigError``
    (bad settings). Heavy models load on first use, not here.
    """
    cls = engine_class(kind)
    engine: Engine = cls(name=name, model=model, settings=settings)
    return engine


__all__ = [
    "DEFAULT_MODEL",
    "ENGINES",
    "EngineKind",
    "CachingEngine",
    "Engine",
    "TranslationCache",
    "create_engine",
    "engine_class",
    "settings_model",
]
