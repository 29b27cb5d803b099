"""Fingerprint a run's outputs, to show that a change to speed leaves results unchanged.

``record`` runs the sample and the two labelled sets (tests/data/evalset, tests/data/heldout)
with the Apertium engine and no translation cache, and saves, per set, the run folder's
``findings.jsonl``, ``segments.csv`` and the scores of ``summary.json`` (everything that
does not depend on when or how fast the run went). ``compare`` says which differ.

    python benchmarks/outputs.py record before.json
    python benchmarks/outputs.py record after.json
    python benchmarks/outputs.py compare before.json after.json
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SETS: dict[str, list[tuple[str, Path, Path]]] = {
    "sample": [
        (
            "blinken-central-asia",
            REPO / "references/blinken-central-asia/mt.fr.txt",
            REPO / "references/blinken-central-asia/ref.en.txt",
        )
    ],
    **{
        name: [
            (story.name, story / "mt.fr.txt", story / "ref.en.txt")
            for story in sorted((REPO / "tests/data" / name).iterdir())
            if (story / "mt.fr.txt").is_file()
        ]
        for name in ("evalset", "heldout")
    },
}
# summary.json keys that hold results, not circumstances (timings, dates, versions).
SUMMARY_KEYS = ("scores", "documents", "findings", "finding_counts")


def record_set(name: str, stories: list[tuple[str, Path, Path]], root: Path) -> dict[str, Any]:
    from mtqa.pipeline import run

    config = {
        "name": name,
        "documents": [{"id": i, "mt": str(mt), "ref": str(ref)} for i, mt, ref in stories],
        "engines": [{"name": "apertium", "kind": "apertium"}],
    }
    run_dir = root / name
    run(config, use_cache=False, run_dir=run_dir)
    summary = json.loads((run_dir / "summary.json").read_text(encoding="utf-8"))
    return {
        "findings.jsonl": (run_dir / "findings.jsonl").read_text(encoding="utf-8"),
        "segments.csv": (run_dir / "segments.csv").read_text(encoding="utf-8"),
        "summary": {k: summary[k] for k in SUMMARY_KEYS if k in summary},
    }


def record(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data = {name: record_set(name, stories, Path(tmp)) for name, stories in SETS.items()}
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def compare(before: Path, after: Path) -> int:
    old = json.loads(before.read_text(encoding="utf-8"))
    new = json.loads(after.read_text(encoding="utf-8"))
    differences = 0
    for name in SETS:
        for part in ("findings.jsonl", "segments.csv", "summary"):
            a, b = old[name][part], new[name][part]
            if a == b:
                print(f"{name:8} {part:15} identical")
                continue
            differences += 1
            print(f"{name:8} {part:15} DIFFERS")
            if not isinstance(a, str):
                a, b = json.dumps(a, indent=1), json.dumps(b, indent=1)
            diff = difflib.unified_diff(a.splitlines(), b.splitlines(), lineterm="", n=0)
            for line in list(diff)[:20]:
                print("    " + line[:200])
    return 1 if differences else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("record").add_argument("out", type=Path)
    both = sub.add_parser("compare")
    both.add_argument("before", type=Path)
    both.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "record":
        record(args.out)
    else:
        sys.exit(compare(args.before, args.after))


if __name__ == "__main__":
    main()
