"""An installed mtqa (a wheel, not a source checkout) carries what it reads at run time."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from support import REPO_ROOT


def test_the_wheel_carries_lexicons_templates_and_static_files(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path),
            str(REPO_ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("mtqa-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for lexicon in ("mt-traps.toml", "boilerplate.toml", "entities.toml", "exonyms.toml"):
        assert f"mtqa/_configs/{lexicon}" in names
    assert "mtqa/report/templates/report.html.j2" in names
    assert "mtqa/report/static/report.js" in names
    assert "mtqa/py.typed" in names

    unpacked = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(unpacked)
    code = (
        "import mtqa.language.lexicons as n, mtqa.checks.lexicon as l; "
        "print(n.CONFIG_DIR.name, len(l.load_traps()) >= 80)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(unpacked), "PATH": "/usr/bin:/bin"},
    )
    assert out.stdout.split() == ["_configs", "True"]
