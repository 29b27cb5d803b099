"""Back-translation engines: a registry of kind → class, imported only when asked for.

``create_engine`` builds an engine and checks at once that it can run here (package,
program, model), raising ``EngineUnavailable`` with a one-line remedy, so the pipeline can
skip an engine before doing any work. Importing this package imports no engine.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any

from mtqa.backtranslate.base import Engine
from mtqa.backtranslate.cache import CachingEngine, TranslationCache
from mtqa.errors import EngineUnavailable

# kind -> "module:Class", imported lazily so `import mtqa` never pulls in torch.
ENGINES: dict[str, str] = {
    "marian": "mtqa.backtranslate.marian:MarianEngine",
    "ct2": "mtqa.backtranslate.ct2:CT2Engine",
    "apertium": "mtqa.backtranslate.apertium:ApertiumEngine",
}


def engine_class(kind: str) -> type[Any]:
    """The class implementing ``kind``; ``EngineUnavailable`` naming the known kinds."""
    target = ENGINES.get(kind)
    if target is None:
        raise EngineUnavailable(
            f"unknown engine kind {kind!r}; known kinds: {', '.join(sorted(ENGINES))}"
        )
    module_name, class_name = target.split(":")
    return getattr(importlib.import_module(module_name), class_name)  # type: ignore[no-any-return]


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
    "ENGINES",
    "CachingEngine",
    "Engine",
    "TranslationCache",
    "create_engine",
    "engine_class",
]
