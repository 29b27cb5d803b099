"""Alignment of long documents: time against length, memory, and accuracy on known beads.

Builds one document pair of N sentences a side from news-style templates: the reference is
English; the "back-translation" is the same English made noisy (words dropped, numbers
kept), with 2% of the MT sentences deleted and 2% page-furniture lines inserted, so the
true beads are known. Each size is aligned in a fresh process (its peak RSS is its own),
``--repeat`` times; the report gives the spread, the ratio of the largest size to the
smallest, and the share of true beads found.

    python benchmarks/align.py [--sizes 1000 5000] [--repeat 3] [--json FILE]

A whole ``mtqa run`` on such a pair is ``longdoc.py --source templates``.

``--root DIR`` measures the mtqa found in DIR instead (the code before a change).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from batch import ACTIONS, CITIES, SUBJECTS, TIMES  # noqa: E402
from output import emit  # noqa: E402

FURNITURE = ["Lire aussi : nos dernières informations", "Partager cet article", "Publicité"]
NAMES = ["Dupont", "Martin", "Bernard", "Moreau", "Laurent", "Garnier", "Faure", "Rousseau"]


def make_pair(count: int, seed: int = 5) -> tuple[list[str], list[str], list[str], list[tuple]]:
    """French MT, its noisy English back-translation, the English reference, true beads."""
    rng = random.Random(seed)
    french, english = [], []
    for _ in range(count):
        values = {"n": rng.randint(2, 99999), "city": rng.choice(CITIES),
                  "year": rng.randint(1900, 2100)}
        (s_fr, s_en), (a_fr, a_en), (t_fr, t_en) = (
            rng.choice(SUBJECTS), rng.choice(ACTIONS), rng.choice(TIMES)
        )
        name = rng.choice(NAMES)
        french.append(f"{s_fr}, {name}, {a_fr} {t_fr}".strip().format(**values) + ".")
        english.append(f"{s_en}, {name}, {a_en} {t_en}".strip().format(**values) + ".")
    mt, bt, beads = [], [], []
    for j, (fr, en) in enumerate(zip(french, english, strict=True)):
        roll = rng.random()
        if roll < 0.02:
            beads.append(((), (j,)))  # dropped by the MT
            continue
        if roll < 0.04:
            beads.append(((len(mt),), ()))
            furniture = rng.choice(FURNITURE)
            mt.append(furniture)
            bt.append(furniture)
        words = [w for w in en.split() if w[0].isdigit() or rng.random() > 0.15]
        beads.append(((len(mt),), (j,)))
        mt.append(fr)
        bt.append(" ".join(words))
    return mt, bt, english, beads


_CHILD = """
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from support_pair import load
from mtqa.align import align
from tests_support import make_segments
mt, bt, ref = load(sys.argv[2])
mt_s, ref_s = make_segments("d", "mt", mt), make_segments("d", "ref", ref)
start = time.perf_counter()
pairs = align(mt_s, ref_s, {"e": bt}, doc_id="d")
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "beads": [[list(p.mt), list(p.ref)] for p in pairs],
                  "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

_SUPPORT = '''
import json
def load(path):
    data = json.load(open(path, encoding="utf-8"))
    return data["mt"], data["bt"], data["ref"]
'''

_SEGMENTS = '''
from mtqa.model import Segment
def make_segments(doc, side, sentences):
    out, start = [], 0
    for i, text in enumerate(sentences):
        out.append(Segment(doc, side, i, i, start, start + len(text), text))
        start += len(text) + 1
    return tuple(out)
'''


def align_once(root: Path, pair_file: Path, helpers: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": f"{root}{os.pathsep}{helpers}"}
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(root), str(pair_file)],
        capture_output=True, text=True, check=True, env=env,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def bench_sizes(sizes: list[int], repeat: int, root: Path) -> dict:
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        helpers = Path(tmp)
        (helpers / "support_pair.py").write_text(_SUPPORT, encoding="utf-8")
        (helpers / "tests_support.py").write_text(_SEGMENTS, encoding="utf-8")
        for size in sizes:
            mt, bt, ref, truth = make_pair(size)
            pair_file = helpers / f"pair-{size}.json"
            pair_file.write_text(json.dumps({"mt": mt, "bt": bt, "ref": ref}), encoding="utf-8")
            runs = [align_once(root, pair_file, helpers) for _ in range(repeat)]
            found = {(tuple(m), tuple(r)) for m, r in runs[0]["beads"]}
            correct = sum(1 for bead in truth if bead in found)
            seconds = [r["seconds"] for r in runs]
            results[str(size)] = {
                "mt_sentences": len(mt),
                "ref_sentences": len(ref),
                "seconds": [round(s, 2) for s in seconds],
                "median_s": round(statistics.median(seconds), 2),
                "peak_rss_mib": round(max(r["peak_rss_mib"] for r in runs), 1),
                "true_beads_found": round(correct / len(truth), 4),
            }
            print(f"{size}: {results[str(size)]}", file=sys.stderr)
    if len(sizes) >= 2:
        small, large = results[str(sizes[0])], results[str(sizes[-1])]
        results["ratio"] = {
            "median": round(large["median_s"] / small["median_s"], 2),
            "range": [
                round(min(large["seconds"]) / max(small["seconds"]), 2),
                round(max(large["seconds"]) / min(small["seconds"]), 2),
            ],
        }
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--root", type=Path, default=REPO)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    emit(bench_sizes(args.sizes, args.repeat, args.root), args.json)


if __name__ == "__main__":
    main()
