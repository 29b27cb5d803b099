"""Where a batch runs: serial, a process pool, Ray; the result cache; memory with batch size.

On generated news-style batches (``batch.py``'s documents, 6 sentences each, Apertium), each
measurement a fresh process:

- ``rerun``: a first run with empty caches, then the same inputs into a new run folder
  (target: the rerun at least 20x faster);
- ``workers``: the 200-document batch with ``workers = 1`` and ``2`` (caches off), the
  speed-up, and whether the outputs are byte-identical (timings aside);
- ``ray``: the same batch on a local Ray (started by the run) with 1 and 2 workers, and what
  Ray adds per document over the local executor with as many workers;
- ``memory``: peak RSS of the run's own process and of its largest worker, 200 vs 2,000
  documents (target: within 10%).

    python benchmarks/execution.py [--parts rerun workers ray memory] [--docs 200]
        [--big 2000] [--json benchmarks/results/execution.json]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from batch import make_documents  # noqa: E402

_CHILD = """
import json, resource, sys, time
from pathlib import Path
from mtqa.pipeline import run
config, run_dir, workers, executor, use_cache = sys.argv[1:6]
start = time.perf_counter()
result = run(config, run_dir=Path(run_dir), workers=int(workers) or None,
             executor=executor, use_cache=use_cache == "1")
wall = time.perf_counter() - start
print(json.dumps({
    "wall": wall,
    "timings": dict(result.timings),
    "stats": {k: result.stats.to_json().get(k) for k in ("engines", "documents_cached")},
    "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "peak_child_rss_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    "cpu_s": sum(resource.getrusage(resource.RUSAGE_SELF)[:2]),
    "cpu_children_s": sum(resource.getrusage(resource.RUSAGE_CHILDREN)[:2]),
}))
"""


def measure(
    config: Path, run_dir: Path, *, workers: int = 0, executor: str = "local", cache: bool = True
) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(config), str(run_dir), str(workers), executor,
         "1" if cache else "0"],
        capture_output=True,
        text=True,
    )
    if out.returncode:
        raise SystemExit(f"run failed: {out.stderr[-2000:]}")
    data = json.loads(out.stdout.strip().splitlines()[-1])
    data["wall"] = round(data["wall"], 2)
    data["timings"] = {k: round(v, 2) for k, v in data["timings"].items() if v >= 0.01}
    for key in ("peak_rss_mib", "peak_child_rss_mib", "cpu_s", "cpu_children_s"):
        data[key] = round(data[key], 1)
    return data


def comparable(run_dir: Path) -> dict[str, Any]:
    """Every output byte that must not depend on where documents ran (timings aside)."""
    summary = json.loads((run_dir / "summary.json").read_text(encoding="utf-8"))
    for key in ("created", "timings", "config"):
        summary.pop(key)
    summary["stats"].pop("backtranslation")
    summary["stats"].pop("engines")  # cache hits and batch counts depend on where it ran
    for key in ("documents_cached", "documents_resumed"):  # where each document came from
        summary["stats"].pop(key, None)
    result = json.loads((run_dir / "result.json").read_text(encoding="utf-8"))
    return {
        "segments.csv": (run_dir / "segments.csv").read_bytes(),
        "findings.jsonl": (run_dir / "findings.jsonl").read_bytes(),
        "summary.json": summary,
        "result.json documents": result["documents"],
    }


def batch(workdir: Path, count: int) -> Path:
    root = workdir / f"docs-{count}"
    if not root.exists():
        make_documents(root, count)
    config = workdir / f"batch-{count}.toml"
    config.write_text(
        f'name = "b{count}"\noutput_dir = "{workdir}"\n[cache]\ndir = "{workdir}/cache-{count}"\n'
        f'[[documents]]\nglob = "{root}/*/"\n[[engines]]\nname = "apertium"\nkind = "apertium"\n'
        "required = true\n",
        encoding="utf-8",
    )
    return config


def part_rerun(workdir: Path, count: int) -> dict[str, Any]:
    config = batch(workdir, count)
    first = measure(config, workdir / "rerun-first")
    again = measure(config, workdir / "rerun-again")
    return {
        "documents": count,
        "first": first,
        "rerun_new_folder": again,
        "speedup": round(first["wall"] / again["wall"], 1),
        "identical": comparable(workdir / "rerun-first") == comparable(workdir / "rerun-again"),
    }


def part_workers(workdir: Path, count: int) -> dict[str, Any]:
    config = batch(workdir, count)
    one = measure(config, workdir / "w1", workers=1, cache=False)
    two = measure(config, workdir / "w2", workers=2, cache=False)
    return {
        "documents": count,
        "workers_1": one,
        "workers_2": two,
        "speedup": round(one["wall"] / two["wall"], 2),
        "identical": comparable(workdir / "w1") == comparable(workdir / "w2"),
    }


def part_ray(workdir: Path, count: int, local: dict[str, Any] | None) -> dict[str, Any]:
    config = batch(workdir, count)
    rows: dict[str, Any] = {"documents": count}
    for workers in (1, 2):
        data = measure(config, workdir / f"ray{workers}", workers=workers, executor="ray",
                       cache=False)
        data["identical_to_local"] = comparable(workdir / f"ray{workers}") == comparable(
            workdir / ("w1" if (workdir / "w1").exists() else "ray1")
        )
        rows[f"ray_{workers}"] = data
        if local is not None:
            base = local[f"workers_{workers}"]["wall"]
            rows[f"ray_{workers}"]["overhead_s_per_document"] = round(
                (data["wall"] - base) / count, 4
            )
    return rows


def part_memory(workdir: Path, small: int, big: int) -> dict[str, Any]:
    rows = {}
    for count in (small, big):
        rows[str(count)] = measure(batch(workdir, count), workdir / f"mem-{count}", workers=2,
                                   cache=False)
    a, b = rows[str(small)], rows[str(big)]
    rows["growth"] = {
        "parent": round(b["peak_rss_mib"] / a["peak_rss_mib"] - 1, 3),
        "largest_worker": round(b["peak_child_rss_mib"] / a["peak_child_rss_mib"] - 1, 3),
    }
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parts", nargs="+", default=["rerun", "workers", "ray", "memory"])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--big", type=int, default=2000)
    parser.add_argument("--json", type=Path, default=Path("benchmarks/results/execution.json"))
    parser.add_argument("--workdir", type=Path, help="keep the runs here (default: a temp dir)")
    args = parser.parse_args()
    results: dict[str, Any] = (
        json.loads(args.json.read_text(encoding="utf-8")) if args.json.exists() else {}
    )
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        for part in args.parts:
            start = time.perf_counter()
            before = os.getloadavg()
            if part == "rerun":
                results["rerun"] = part_rerun(workdir, args.docs)
            elif part == "workers":
                results["workers"] = part_workers(workdir, args.docs)
            elif part == "ray":
                results["ray"] = part_ray(workdir, args.docs, results.get("workers"))
            elif part == "memory":
                results["memory"] = part_memory(workdir, args.docs, args.big)
            else:
                raise SystemExit(f"unknown part {part!r}")
            after = os.getloadavg()
            # other jobs on the machine move every wall time: say how busy it was
            results[part]["load_average"] = {"before": before[0], "after": after[0]}
            results[part]["machine_shared"] = max(before[0], after[0]) > 1.5
            print(f"{part}: {time.perf_counter() - start:.0f} s", file=sys.stderr)
            args.json.parent.mkdir(parents=True, exist_ok=True)
            args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
