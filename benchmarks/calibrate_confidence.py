"""Calibrate findings' confidence on development data; writes configs/confidence.toml.

Development data only: the DEMETR dev split (odd ids; see ``demetr.py``) and the labelled
stories of ``tests/data/evalset``. Every finding (every severity) is labelled right or wrong:

- DEMETR: right when it sits on an error line and is *caused* (the item's clean
  ``mt_sent`` line has no finding of that kind on that French span); wrong on a clean
  (``mt_sent``) or human-reference (``eng_sent``) line, or on an error line when the clean
  line has it too;
- evalset: right when a label explains it (``tests/labelled.py``), wrong otherwise.

Per bin (``mtqa.confidence.bins``: kind, severity, back-translation support, main evidence
feature; then kind and severity; then kind) the confidence is the bin's precision smoothed
towards its parent's: ``(right + m * parent + 1) / (findings + m + 2)`` with ``m`` =
``--prior`` (default 4), the root being the Laplace-smoothed precision over everything.
The figures depend on the mix of errors and clean lines in the data: read them as "how
often such a finding was right here".

    python benchmarks/calibrate_confidence.py [--data ../shared/demetr-fr] [--workdir DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO_ROOT / "benchmarks"), str(REPO_ROOT / "tests"), str(REPO_ROOT)]

import demetr  # noqa: E402

from mtqa.confidence import CONFIDENCE_PATH, bins  # noqa: E402
from mtqa.model import Finding  # noqa: E402

EVALSET = REPO_ROOT / "tests" / "data" / "evalset"


def demetr_labels(data: Path, workdir: Path) -> list[tuple[Finding, bool]]:
    """Every finding of the DEMETR dev run, labelled right (caused) or wrong."""
    from mtqa.runfolder import load_run

    lines = demetr.build_lines(demetr.load_items(data), "dev")
    demetr.write_documents(lines, workdir / "docs")
    run_dir = workdir / "run"
    if not (run_dir / "result.json").is_file():
        demetr.run_mtqa(demetr.write_config(workdir, run_dir), run_dir)
    result = load_run(run_dir)
    by_line = {(ln.doc, ln.para): ln for ln in lines}
    found: dict[tuple[str, int], list[Finding]] = {}
    for doc in result.documents:
        for finding in doc.findings:
            para = demetr.line_of(doc, finding)
            if para is not None and (doc.document.id, para) in by_line:
                found.setdefault((doc.document.id, para), []).append(finding)
    clean = {
        ln.item: {(f.kind, f.mt_span) for f in found.get((ln.doc, ln.para), [])}
        for ln in lines if ln.variant == demetr.CLEAN
    }
    labelled = []
    for key, findings in found.items():
        line = by_line[key]
        for finding in findings:
            right = line.variant == demetr.ERROR and (finding.kind, finding.mt_span) not in (
                clean.get(line.item, set())
            )
            labelled.append((finding, right))
    return labelled


def evalset_labels() -> list[tuple[Finding, bool]]:
    """Every finding on the evaluation stories, labelled right when a label explains it."""
    from labelled import _explains, labels, stories

    from mtqa.pipeline import run

    folders = stories(EVALSET)
    config = {
        "name": "calibration",
        "documents": [{"id": s.name, "mt": str(s / "mt.fr.txt"), "ref": str(s / "ref.en.txt")}
                      for s in folders],
        "engines": [{"name": "apertium", "kind": "apertium", "required": True}],
    }
    result = run(config, write=False)
    labelled = []
    for story, document in zip(folders, result.documents, strict=True):
        story_labels = labels(story)
        mt_para = {s.index: s.para for s in document.mt_segments}
        ref_para = {s.index: s.para for s in document.ref_segments}
        for finding in document.findings:
            right = any(_explains(lb, finding, mt_para, ref_para) for lb in story_labels)
            labelled.append((finding, right))
    return labelled


def calibrate(labelled: Iterable[tuple[Finding, bool]], prior: float) -> dict[str, Any]:
    """The calibration table: per bin, right/findings and the smoothed confidence."""
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    parents: dict[str, str] = {}
    everything = [0, 0]
    for finding, ok in labelled:
        everything[0] += ok
        everything[1] += 1
        levels = bins(finding)
        for level, key in enumerate(levels):
            right[key] += ok
            total[key] += 1
            parents[key] = levels[level + 1] if level + 1 < len(levels) else ""
    root = (everything[0] + 1) / (everything[1] + 2)
    table: dict[str, dict[str, Any]] = {}

    def value(key: str) -> float:
        if key == "":
            return root
        if key not in table:
            parent = value(parents[key])
            # one right and one wrong pseudo-finding keep a bin of all-right (or all-wrong)
            # findings away from certainty
            confidence = (right[key] + prior * parent + 1) / (total[key] + prior + 2)
            table[key] = {"right": right[key], "findings": total[key],
                          "confidence": round(confidence, 3)}
        return float(table[key]["confidence"])

    for key in sorted(total, key=lambda k: (k.count("|"), k)):
        value(key)
    return {"default": round(root, 3), "bins": table}


def to_toml(calibration: dict[str, Any], sources: dict[str, int]) -> str:
    lines = [
        "# Confidence of findings: precision on development data per bin, smoothed towards",
        "# the coarser bin (see mtqa/confidence.py). Written by",
        "# benchmarks/calibrate_confidence.py from the DEMETR dev split and tests/data/evalset",
        f"# ({', '.join(f'{k}: {v} findings' for k, v in sources.items())}). Do not edit by hand.",
        f"default = {calibration['default']}",
        "",
        "[bins]",
    ]
    for key, row in calibration["bins"].items():
        lines.append(
            f"{json.dumps(key)} = {{ confidence = {row['confidence']}, "
            f"right = {row['right']}, findings = {row['findings']} }}"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=demetr.DEFAULT_DATA)
    parser.add_argument("--workdir", type=Path, help="reuse/keep the DEMETR dev run here")
    parser.add_argument("--prior", type=float, default=4.0, help="smoothing strength m")
    parser.add_argument("--out", type=Path, default=CONFIDENCE_PATH)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        dev = demetr_labels(args.data, workdir)
    stories = evalset_labels()
    calibration = calibrate([*dev, *stories], args.prior)
    sources = {"DEMETR dev": len(dev), "evalset": len(stories)}
    args.out.write_text(to_toml(calibration, sources), encoding="utf-8")
    print(f"{sum(sources.values())} findings ({sources}); written {args.out}")
    for key, row in calibration["bins"].items():
        if key.count("|") <= 1:
            print(f"  {key:<40} {row['right']:>4}/{row['findings']:<4} -> {row['confidence']}")


if __name__ == "__main__":
    main()
