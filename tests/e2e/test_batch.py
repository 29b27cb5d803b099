"""Batch runs: killed mid-run and re-run, they finish what is missing and match a clean run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mtqa.backtranslate import TranslationCache

CITIES = ["Lyon", "Marseille", "Toulouse", "Nantes", "Lille", "Bordeaux", "Rennes", "Nice"]
PAIRS = [
    (
        "Le maire de {city} a présenté un budget de {n} millions d'euros.",
        "The mayor of {city} presented a budget of {n} million euros.",
    ),
    (
        "Les écoles de la ville recevront {m} nouveaux enseignants.",
        "The city's schools will receive {m} new teachers.",
    ),
    (
        "L'opposition a critiqué le projet lors du conseil municipal.",
        "The opposition criticised the project at the city council.",
    ),
    (
        "Les travaux commenceront en {year} et dureront deux ans.",
        "The works will begin in {year} and last two years.",
    ),
    (
        "Le réseau de tramway sera prolongé vers le nord.",
        "The tram network will be extended to the north.",
    ),
]


def make_documents(root: Path, count: int) -> None:
    for i in range(count):
        values = {
            "city": CITIES[i % len(CITIES)],
            "n": 10 + i,
            "m": 20 + 3 * i,
            "year": 2020 + i % 7,
        }
        folder = root / f"doc-{i:02d}"
        folder.mkdir(parents=True)
        chosen = [PAIRS[(i + k) % len(PAIRS)] for k in range(4)]
        (folder / "mt.fr.txt").write_text(
            "\n".join(f.format(**values) for f, _ in chosen), encoding="utf-8"
        )
        (folder / "ref.en.txt").write_text(
            "\n".join(e.format(**values) for _, e in chosen), encoding="utf-8"
        )


def write_config(root: Path, name: str) -> Path:
    config = root / f"{name}.toml"
    config.write_text(
        f"""name = "{name}"
output_dir = "runs"
[cache]
dir = "cache"
[[documents]]
glob = "docs/*/"
[[engines]]
name = "apertium"
kind = "apertium"
required = true
""",
        encoding="utf-8",
    )
    return config


def mtqa(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "mtqa.cli", *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )


def comparable(run_dir: Path) -> dict[str, object]:
    data = json.loads((run_dir / "result.json").read_text(encoding="utf-8"))
    return {
        "documents": data["documents"],
        "scores": data["scores"],
        "segments": (run_dir / "segments.csv").read_text(encoding="utf-8"),
        "findings": (run_dir / "findings.jsonl").read_text(encoding="utf-8"),
    }


@pytest.mark.slow
def test_killed_batch_resumes_without_retranslating(tmp_path: Path) -> None:
    from support import apertium_required

    apertium_required()
    make_documents(tmp_path / "docs", 20)
    config = write_config(tmp_path, "batch")
    run_dir = tmp_path / "runs" / "batch"
    saved = run_dir / "documents"

    process = mtqa("run", str(config), "--quiet")
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and len(list(saved.glob("*.json"))) < 3:
        if process.poll() is not None:
            pytest.fail(
                f"the run ended before it could be killed: {process.stderr.read().decode()}"
            )
        time.sleep(0.1)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    finished_before = len(list(saved.glob("*.json")))
    assert 3 <= finished_before < 20, "the run was not interrupted mid-way"
    assert not (run_dir / "summary.json").exists()
    with TranslationCache(tmp_path / "cache") as cache:
        cached_before = cache.count()

    resumed = mtqa("run", str(config), "--quiet")
    assert resumed.wait(timeout=600) == 0, resumed.stderr.read().decode()
    summary = json.loads((run_dir / "summary.json").read_text(encoding="utf-8"))
    assert summary["stats"]["documents_resumed"] == finished_before
    assert len(summary["documents"]) == 20
    with TranslationCache(tmp_path / "cache") as cache:
        cached_after = cache.count()
    # the resumed run translated exactly what the killed one had not: nothing twice
    assert summary["stats"]["engines"]["apertium"]["misses"] == cached_after - cached_before

    clean = mtqa("run", str(write_config(tmp_path, "clean")), "--quiet", "--no-cache")
    assert clean.wait(timeout=600) == 0, clean.stderr.read().decode()
    clean_dir = tmp_path / "runs" / "clean"
    unique_sentences = {
        line
        for path in (tmp_path / "docs").glob("*/mt.fr.txt")
        for line in path.read_text(encoding="utf-8").splitlines()
    }
    assert cached_after == len(unique_sentences)  # every sentence translated exactly once
    assert comparable(run_dir) == comparable(clean_dir)
