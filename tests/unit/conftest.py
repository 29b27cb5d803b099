"""The unit tier: no Apertium, no spaCy model, no Marian model, no Ray, no browser, no CLI
subprocess. What a developer runs after every edit (``make test-fast``).

Every test here runs with those doors shut: starting ``apertium`` or ``lt-proc``, running
the CLI in a subprocess, loading a spaCy pipeline, importing spaCy, Ray or Selenium, or
asking for the tiny Marian model fails the test with a message saying where the test
belongs. A failure (``pytest.fail`` raises a BaseException) cannot be swallowed by the
``except Exception`` fallbacks in the code under test.
"""

from __future__ import annotations

import importlib.abc
import os
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

MOVE = "; such a test belongs in tests/e2e (or tests/browser), not in the unit tier"
# Imports that mean a slow resource: a spaCy pipeline, a Ray cluster, a browser.
BLOCKED_IMPORTS = ("spacy", "ray", "selenium")


def _refuse(what: str) -> None:
    pytest.fail(f"a unit test {what}{MOVE}", pytrace=True)


def _probing() -> bool:
    """Whether the module is only looked for (``importlib.util.find_spec``), not imported."""
    frame = sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_name == "find_spec" and frame.f_globals["__name__"] == "importlib.util":
            return True
        frame = frame.f_back
    return False


class _BlockSlowImports(importlib.abc.MetaPathFinder):
    def find_spec(self, name: str, path: Sequence[str] | None, target: Any = None) -> None:
        if name.partition(".")[0] in BLOCKED_IMPORTS and not _probing():
            _refuse(f"imported {name}")
        return None


def _program(args: Any) -> list[str]:
    if isinstance(args, (str, bytes, os.PathLike)):
        return [os.fsdecode(args)]
    return [os.fsdecode(a) if isinstance(a, (bytes, os.PathLike)) else str(a) for a in args]


@pytest.fixture(autouse=True)
def _unit_tier(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    popen_init = subprocess.Popen.__init__

    def guarded_init(self: subprocess.Popen[Any], args: Any, *rest: Any, **kw: Any) -> None:
        argv = _program(args)
        name = Path(argv[0]).name if argv else ""
        if name.startswith(("apertium", "lt-")):
            _refuse(f"started {name}")
        if name == "mtqa" or "mtqa.cli" in argv or ("-m" in argv and "mtqa" in argv):
            _refuse("ran the mtqa CLI in a subprocess")
        popen_init(self, args, *rest, **kw)

    monkeypatch.setattr(subprocess.Popen, "__init__", guarded_init)
    # Modules already imported by an earlier tier in the same session: shut their doors too.
    if "spacy" in sys.modules:
        def no_pipeline(*_: Any, **__: Any) -> None:
            _refuse("loaded a spaCy pipeline")

        monkeypatch.setattr(sys.modules["spacy"], "load", no_pipeline)
        monkeypatch.setattr(sys.modules["spacy"].util, "load_model", no_pipeline)
    if "ray" in sys.modules:
        monkeypatch.setattr(sys.modules["ray"], "init", lambda *_, **__: _refuse("started Ray"))
    monkeypatch.setattr(sys, "meta_path", [_BlockSlowImports(), *sys.meta_path])
    yield


@pytest.fixture(scope="session")
def tiny_marian_dir() -> Path:
    """The tiny Marian model is built with torch: not in the unit tier."""
    _refuse("asked for the tiny Marian model")
    raise AssertionError("unreachable")
