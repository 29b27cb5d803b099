"""How much of a batch run on several cores is serial: the run's own process's CPU seconds
before its checking workers start and after the last document, on the 200-document batch.

Wall times move with every other job on a shared machine; CPU seconds move much less, so
these are the working measure of the serial part (the speed-up is bounded by it: with P
seconds of per-document work on 2 cores and S serial, at best (S + P) / (S + P/2)). Each
run is a fresh process; ``--before DIR`` also measures the mtqa found in DIR (the code
before a change), its runs alternating with this one's so that both see the same load:

- ``before_pool_cpu_s``: the run's process, from ``run()`` to the checking pool's start
  (inputs, the models' loading in its warm-up thread, back-translation's own share);
- ``pool_cpu_s``: the run's process while the workers check (saving each result);
- ``after_pool_cpu_s``: from the last document saved to the end (corpus scores, reports);
- ``children_cpu_s``: every child process (workers, Apertium, the scoring process).

    python benchmarks/serial.py [--docs 200] [--workers 2] [--repeat 2] [--root DIR]
        [--before DIR] [--json F]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from execution import batch  # noqa: E402
from output import emit, machine_load  # noqa: E402

_CHILD = """
import json, resource, sys, time
import concurrent.futures as futures
from pathlib import Path
marks = {}
def mark(name):
    marks.setdefault(name, (time.perf_counter(), time.process_time()))
Pool = futures.ProcessPoolExecutor
class Hooked(Pool):
    def __init__(self, max_workers=None, *args, **kwargs):
        if (max_workers or 0) > 1:
            mark("pool")
        super().__init__(max_workers, *args, **kwargs)
futures.ProcessPoolExecutor = Hooked
import mtqa.pipeline as pipeline
saved = pipeline.write_saved
def write_saved(*args, **kwargs):
    saved(*args, **kwargs)
    marks["last"] = (time.perf_counter(), time.process_time())
pipeline.write_saved = write_saved
config, run_dir, workers = sys.argv[1:4]
mark("start")
pipeline.run(config, run_dir=Path(run_dir), workers=int(workers), use_cache=False)
mark("end")
(w0, c0), (w1, c1) = marks["start"], marks["end"]
pool = marks.get("pool", marks["last"])
children = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({
    "wall_s": w1 - w0,
    "before_pool_cpu_s": pool[1] - c0, "before_pool_wall_s": pool[0] - w0,
    "pool_cpu_s": marks["last"][1] - pool[1], "pool_wall_s": marks["last"][0] - pool[0],
    "after_pool_cpu_s": c1 - marks["last"][1], "after_pool_wall_s": w1 - marks["last"][0],
    "children_cpu_s": children.ru_utime + children.ru_stime,
}))
"""


def measure(config: Path, run_dir: Path, workers: int, root: Path) -> dict[str, float]:
    shutil.rmtree(run_dir, ignore_errors=True)  # nothing resumed
    env = {**os.environ, "PYTHONPATH": str(root)}
    out = subprocess.run([sys.executable, "-c", _CHILD, str(config), str(run_dir), str(workers)],
                         capture_output=True, text=True, env=env, cwd=root)  # -c: cwd first
    if out.returncode:
        raise SystemExit(f"run failed: {out.stderr[-2000:]}")
    data = json.loads(out.stdout.strip().splitlines()[-1])
    return {k: round(v, 2) for k, v in data.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--root", type=Path, default=REPO)
    parser.add_argument("--before", type=Path,
                        help="also measure the mtqa in this folder, runs alternating")
    parser.add_argument("--workdir", type=Path, help="keep the batch here (default: temp)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    roots = {"after": args.root, **({"before": args.before} if args.before else {})}
    results: dict = {"roots": {k: str(v) for k, v in roots.items()}, "documents": args.docs,
                     "workers": args.workers}
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in roots}
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        config = batch(workdir, args.docs)
        with machine_load(results):
            for _ in range(args.repeat):
                for name, root in roots.items():  # alternating: the same load for both
                    runs[name].append(measure(config, workdir / f"serial-{name}", args.workers,
                                              root))
    for name, rows in runs.items():
        median = {k: round(statistics.median(r[k] for r in rows), 2) for k in rows[0]}
        results[name] = {
            "runs": rows,
            "median": median,
            "serial_cpu_s": round(median["before_pool_cpu_s"] + median["after_pool_cpu_s"], 2),
        }
    emit(results, args.json)


if __name__ == "__main__":
    main()
