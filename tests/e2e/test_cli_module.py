"""The command line run as `python -m mtqa` in a subprocess."""

from __future__ import annotations

from pathlib import Path


def test_python_dash_m_runs_the_same_command_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    import mtqa

    done = subprocess.run(
        [sys.executable, "-m", "mtqa", "--version"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert mtqa.__version__ in done.stdout
    missing = subprocess.run(
        [sys.executable, "-m", "mtqa", "run", str(tmp_path / "none.toml")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert missing.returncode == 2
    assert missing.stderr.startswith("mtqa: error: ")
