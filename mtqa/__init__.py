"""mtqa: translation-quality evaluation by back-translation.

``import mtqa`` stays light: torch and transformers load only when an engine needs them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from mtqa.model import RunResult


def run(config: Any, **kwargs: Any) -> RunResult:
    """Run an evaluation from a config (a path to a TOML file, a dict, or a ``RunConfig``)."""
    from mtqa.pipeline import run as _run

    return _run(config, **kwargs)


__all__ = ["__version__", "run"]
