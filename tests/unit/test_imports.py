"""`import mtqa` stays light: torch, transformers and spaCy load only when used."""

from __future__ import annotations

import subprocess
import sys


def test_importing_mtqa_and_its_pipeline_loads_no_heavy_package() -> None:
    code = (
        "import sys, mtqa, mtqa.pipeline, mtqa.cli, mtqa.config, mtqa.checks\n"
        "heavy = sorted(m for m in ('torch', 'transformers', 'spacy', 'ctranslate2') "
        "if m in sys.modules)\n"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
