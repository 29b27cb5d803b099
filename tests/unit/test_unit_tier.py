"""The unit tier's doors are shut: a slow resource used here fails the test, it is not run."""

from __future__ import annotations

import importlib
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.parametrize("program", ["apertium", "lt-proc"])
def test_starting_apertium_fails(program: str) -> None:
    with pytest.raises(pytest.fail.Exception, match=f"started {program}.*tests/e2e"):
        subprocess.run([program, "-h"], capture_output=True, check=False)


def test_running_the_cli_in_a_subprocess_fails(tmp_path: Path) -> None:
    with pytest.raises(pytest.fail.Exception, match="mtqa CLI"):
        subprocess.run([sys.executable, "-m", "mtqa", "--help"], cwd=tmp_path, check=False)


def test_other_subprocesses_run() -> None:
    done = subprocess.run([sys.executable, "-c", "print(42)"], capture_output=True, text=True)
    assert done.stdout.strip() == "42"


@pytest.mark.parametrize("module", ["spacy", "ray", "selenium.webdriver"])
def test_importing_a_slow_package_fails(module: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [m for m in sys.modules if m.partition(".")[0] == module.partition(".")[0]]:
        monkeypatch.delitem(sys.modules, name)  # as if no other tier had imported it yet
    with pytest.raises(pytest.fail.Exception, match=f"imported {module.partition('.')[0]}"):
        importlib.import_module(module)


def test_looking_for_spacy_without_importing_it_is_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    # mtqa reads spaCy's stop-word lists as text after finding the package this way.
    monkeypatch.delitem(sys.modules, "spacy", raising=False)
    assert importlib.util.find_spec("spacy") is not None


def test_the_tiny_marian_model_is_refused(request: pytest.FixtureRequest) -> None:
    with pytest.raises(pytest.fail.Exception, match="tiny Marian model"):
        request.getfixturevalue("tiny_marian_dir")
