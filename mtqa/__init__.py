"""mtqa: translation-quality evaluation by back-translation.

``import mtqa`` stays light: torch and transformers load only when an engine needs them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from pathlib import Path

    from mtqa.model import RunResult


def run(config: Any, **kwargs: Any) -> RunResult:
    """Run an evaluation from a config (a path to a TOML file, a dict, or a ``RunConfig``)."""
    from mtqa.pipeline import run as _run

    return _run(config, **kwargs)


def load(run_dir: str | Path) -> RunResult:
    """A finished run read back from its folder: the same ``RunResult`` ``run`` returned."""
    from pathlib import Path

    from mtqa.runfolder import load_run

    return load_run(Path(run_dir))


__all__ = ["__version__", "load", "run"]
