"""Batch throughput and memory, end to end, with the Apertium engine.

For each batch size (default 20 and 200 generated news-style documents) it runs
``mtqa run`` in a fresh process twice: with a cold translation cache, then again into a new
run folder with the cache warm. It reports documents/s and segments/s, the share of wall
time spent outside back-translation (from the run's own step timings), and the process's
peak resident memory.

    python benchmarks/batch.py [--docs 20 200] [--json benchmarks/results/batch.json]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SUBJECTS = [
    ("Le ministre de la santé", "The health minister"),
    ("La maire de la ville", "The city's mayor"),
    ("Le syndicat des enseignants", "The teachers' union"),
    ("La banque centrale", "The central bank"),
    ("Le conseil régional", "The regional council"),
    ("L'entreprise publique", "The state company"),
]
ACTIONS = [
    ("a annoncé un plan de {n} millions d'euros", "announced a plan of {n} million euros"),
    ("a présenté un rapport sur les prix", "presented a report on prices"),
    ("a critiqué la réforme des retraites", "criticised the pension reform"),
    ("a ouvert un nouveau bureau à {city}", "opened a new office in {city}"),
    ("a signé un accord avec les agriculteurs", "signed an agreement with the farmers"),
]
TIMES = [("lundi", "on Monday"), ("mardi", "on Tuesday"), ("en {year}", "in {year}"), ("", "")]
CITIES = ["Lyon", "Lille", "Nantes", "Rennes", "Dijon", "Brest", "Metz", "Pau"]


def make_documents(root: Path, count: int, sentences: int = 6, seed: int = 3) -> int:
    rng = random.Random(seed)
    total = 0
    for i in range(count):
        fr_lines, en_lines = [], []
        for _ in range(sentences):
            values = {
                "n": rng.randint(2, 900),
                "city": rng.choice(CITIES),
                "year": rng.randint(1990, 2030),
            }
            (s_fr, s_en), (a_fr, a_en), (t_fr, t_en) = (
                rng.choice(SUBJECTS),
                rng.choice(ACTIONS),
                rng.choice(TIMES),
            )
            fr_lines.append(f"{s_fr} {a_fr} {t_fr}".strip().format(**values) + ".")
            en_lines.append(f"{s_en} {a_en} {t_en}".strip().format(**values) + ".")
        folder = root / f"doc-{i:03d}"
        folder.mkdir(parents=True)
        (folder / "mt.fr.txt").write_text("\n".join(fr_lines), encoding="utf-8")
        (folder / "ref.en.txt").write_text("\n".join(en_lines), encoding="utf-8")
        total += sentences
    return total


_CHILD = """
import json, resource, sys, time
from mtqa.pipeline import run
start = time.perf_counter()
result = run(sys.argv[1], run_dir=__import__("pathlib").Path(sys.argv[2]))
wall = time.perf_counter() - start
print(json.dumps({"wall": wall, "timings": dict(result.timings), "stats": result.stats.engines,
                  "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def measure(config: Path, run_dir: Path) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(config), str(run_dir)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def bench(count: int, workdir: Path) -> dict:
    root = workdir / f"docs-{count}"
    segments = make_documents(root, count)
    config = workdir / f"batch-{count}.toml"
    config.write_text(
        f'name = "b{count}"\noutput_dir = "{workdir}"\n[cache]\ndir = "{workdir}/cache-{count}"\n'
        f'[[documents]]\nglob = "{root}/*/"\n[[engines]]\nname = "apertium"\nkind = "apertium"\n'
        "required = true\n",
        encoding="utf-8",
    )
    rows = {}
    for label in ("cold", "warm"):
        data = measure(config, workdir / f"run-{count}-{label}")
        wall, timings = data["wall"], data["timings"]
        outside = wall - timings.get("backtranslate", 0.0)
        rows[label] = {
            "documents": count,
            "segments": segments,
            "wall_s": round(wall, 2),
            "documents_per_s": round(count / wall, 2),
            "segments_per_s": round(segments / wall, 1),
            "share_outside_backtranslation": round(outside / wall, 3),
            "steps_s": {k: round(v, 2) for k, v in timings.items() if v >= 0.01},
            "translated": data["stats"]["apertium"]["misses"],
            "peak_rss_mib": round(data["peak_rss_mib"], 1),
        }
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, nargs="+", default=[20, 200])
    parser.add_argument("--json", type=Path, default=Path("benchmarks/results/batch.json"))
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for count in args.docs:
            start = time.perf_counter()
            results[str(count)] = bench(count, Path(tmp))
            print(
                f"{count} documents measured in {time.perf_counter() - start:.0f} s",
                file=sys.stderr,
            )
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    header = ("docs", "cache", "wall s", "docs/s", "segs/s", "outside BT", "peak MiB")
    print("{:>5} {:>5} {:>7} {:>7} {:>7} {:>10} {:>9}".format(*header))
    for count, rows in results.items():
        for label, r in rows.items():
            print(
                f"{count:>5} {label:>5} {r['wall_s']:>7} {r['documents_per_s']:>7} "
                f"{r['segments_per_s']:>7} {r['share_outside_backtranslation']:>10.1%} "
                f"{r['peak_rss_mib']:>9}"
            )


if __name__ == "__main__":
    main()
