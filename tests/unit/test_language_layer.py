"""The language-resources package sits below the detectors: importing it loads no detector."""

from __future__ import annotations

import subprocess
import sys

MODULES = ("text", "parse", "lexicons", "wordnet", "apertium")


def test_the_language_package_imports_nothing_from_the_detectors() -> None:
    code = (
        "import sys\n"
        + "".join(f"import mtqa.language.{name}\n" for name in MODULES)
        + "print(sorted(m for m in sys.modules if m.startswith('mtqa.checks')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "[]"
