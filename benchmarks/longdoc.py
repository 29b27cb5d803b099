"""One long document through the whole run: wall, step timings, peak memory with children.

Builds one pair of about N sentences a side, by default from the stories of
``tests/data/controls`` and ``tests/data/evalset`` told again and again, every number
shifted by the round (the same shift on both sides) and lines without one dated with the
round's year ("en 1903" / "in 1903"), so nearly every sentence is a new text with
real vocabulary and structure (``--source templates``: ``align.py``'s news-style templates,
2% sentences dropped, 2% page furniture inserted); runs ``mtqa run`` on it in a fresh
process (the command line itself: Apertium, every detector, the report), and meanwhile
samples the resident memory of that process and of every process it starts (Apertium's
pipeline, workers) from ``/proc``. It reports:

- wall time, CPU time of the run and every process it started, and the run's own step
  timings (``summary.json``);
- peak RSS of the run's process (its ``VmHWM``), of its largest child, and the peak of the
  whole process tree summed at one sample (every 0.2 s): the figure a machine must hold;
- per step, the run's RSS when the step started and the highest RSS seen while it ran, so
  what grows is visible, and the CPU seconds it took (on a shared machine, what the step
  costs whatever else runs); the detect step also in parts: ``detect:parse`` (the shared
  spaCy parse) and ``detect:NAME`` per detector;
- what the run printed (the announcement of a large input, warnings).

    python benchmarks/longdoc.py --sentences 5000 [--json benchmarks/results/longdoc.json]
    python benchmarks/longdoc.py --mb 5           # a pair of about 5 MB (both sides)

``--root DIR`` measures the mtqa found in DIR instead (the code before a change).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from align import make_pair  # noqa: E402
from output import emit, machine_load  # noqa: E402

STORIES = [REPO / "tests" / "data" / "controls", REPO / "tests" / "data" / "evalset"]
_NUMBER = re.compile(r"\d+")


def story_pair(count: int) -> tuple[list[str], list[str]]:
    """At least ``count`` reference lines: the stories again and again, numbers shifted."""
    stories = sorted(p for root in STORIES for p in root.iterdir() if (p / "mt.fr.txt").exists())
    texts = [
        [(p / name).read_text(encoding="utf-8").splitlines()
         for name in ("mt.fr.txt", "ref.en.txt")]
        for p in stories
    ]
    mt: list[str] = []
    ref: list[str] = []
    round_ = 0
    while len(ref) < count:
        for fr, en in texts:
            mt += [_shift(line, "en", round_) for line in fr if line.strip()]
            ref += [_shift(line, "in", round_) for line in en if line.strip()]
        round_ += 1
    return mt, ref


def _shift(line: str, year: str, round_: int) -> str:
    """A story line told again: its numbers shifted, or, without any, dated."""
    if round_ and not _NUMBER.search(line):
        body, end = (line[:-1], line[-1]) if line[-1] in ".!?" else (line, "")
        return f"{body} {year} {1900 + round_}{end}"
    return _NUMBER.sub(lambda m: str(int(m.group()) + round_), line)

# The child: the command line, with each pipeline step's start and end written (time, RSS)
# to an events file, so the parent can say which step the memory peak belongs to.
_CHILD = """
import json, os, sys, threading, time
from contextlib import contextmanager
import mtqa.pipeline
from mtqa.cli import main

events = open(sys.argv[1], "w", encoding="utf-8")

def rss():
    fields = dict(line.split(":", 1) for line in open("/proc/self/status"))
    return {k: int(fields[k].split()[0]) // 1024 for k in ("VmRSS", "VmHWM")}

def event(step, what):
    cpu = os.times()  # this process (all its threads) and its finished children
    events.write(json.dumps({"t": time.time(), "step": step, "what": what,
                             "thread": threading.get_ident(),
                             "cpu": cpu.user + cpu.system,
                             "children_cpu": cpu.children_user + cpu.children_system,
                             **rss()}) + "\\n")
    events.flush()

original = mtqa.pipeline.Timings.step

@contextmanager
def step(self, name):
    event(name, "start")
    try:
        with original(self, name):
            yield
    finally:
        event(name, "end")

mtqa.pipeline.Timings.step = step

# inside the detect step: the shared parse, and each detector, as steps of their own
import dataclasses
import mtqa.checks.registry as registry
import mtqa.language.parse as parse

def timed(name, function):
    def call(*args, **kwargs):
        event(name, "start")
        try:
            return function(*args, **kwargs)
        finally:
            event(name, "end")
    return call

registry.DETECTORS = tuple(
    dataclasses.replace(d, check=timed(f"detect:{d.name}", d.check)) for d in registry.DETECTORS
)
parse.prime = timed("detect:parse", parse.prime)
code = main(sys.argv[2:])
event("exit", "end")
sys.exit(code)
"""


def _tree(root: int) -> dict[int, int]:
    """RSS (MiB) of ``root`` and every process below it, by pid."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status", encoding="utf-8") as handle:
                fields = dict(line.split(":", 1) for line in handle if ":" in line)
        except OSError:
            continue
        pid, parent = int(entry), int(fields["PPid"])
        children.setdefault(parent, []).append(pid)
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0]) // 1024
    found, stack = {}, [root]
    while stack:
        pid = stack.pop()
        if pid in rss:
            found[pid] = rss[pid]
        stack += children.get(pid, [])
    return found


class Sampler(threading.Thread):
    """Samples a process tree's memory until the process ends."""

    def __init__(self, pid: int, every: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.pid, self.every = pid, every
        self.samples: list[tuple[float, int, int, int]] = []  # time, main, children, tree
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            tree = _tree(self.pid)
            if tree:
                own = tree.get(self.pid, 0)
                others = [v for k, v in tree.items() if k != self.pid]
                self.samples.append((time.time(), own, max(others, default=0), sum(tree.values())))
            self.done.wait(self.every)


def write_pair(folder: Path, count: int, source: str) -> dict[str, Any]:
    if source == "stories":
        mt, ref = story_pair(count)
    else:
        mt, _, ref, _ = make_pair(count)
    (folder / "mt.fr.txt").write_text("\n".join(mt) + "\n", encoding="utf-8")
    (folder / "ref.en.txt").write_text("\n".join(ref) + "\n", encoding="utf-8")
    size = sum((folder / f).stat().st_size for f in ("mt.fr.txt", "ref.en.txt"))
    config = folder / "run.toml"
    config.write_text(
        f'name = "long"\n[cache]\ndir = "{folder}/cache"\n'
        f'[[documents]]\nid = "long"\nmt = "{folder}/mt.fr.txt"\nref = "{folder}/ref.en.txt"\n'
        '[[engines]]\nname = "apertium"\nkind = "apertium"\nrequired = true\n',
        encoding="utf-8",
    )
    return {"mt_sentences": len(mt), "ref_sentences": len(ref), "bytes": size}


def by_step(events: list[dict[str, Any]], samples: list[tuple[float, int, int, int]]) -> dict:
    """Per step: the run's RSS at its first start and the peaks sampled while it ran (the
    detectors' models load in a background thread, whose steps overlap the main ones)."""
    spans: dict[str, list[tuple[float, float, int, float]]] = {}
    open_at: dict[tuple[int, str], tuple[float, int, float]] = {}
    for event in events:
        key = (event.get("thread", 0), event["step"])
        cpu = event.get("cpu", 0.0) + event.get("children_cpu", 0.0)
        if event["what"] == "start":
            open_at[key] = (event["t"], event["VmRSS"], cpu)
        elif key in open_at:
            start, rss, cpu_start = open_at.pop(key)
            spans.setdefault(event["step"], []).append((start, event["t"], rss, cpu - cpu_start))
    out = {}
    for name, parts in spans.items():
        inside = [s for s in samples if any(a <= s[0] <= b for a, b, _, _ in parts)]
        out[name] = {
            "seconds": round(sum(b - a for a, b, _, _ in parts), 2),
            # CPU of the run's process (every thread) and its finished children while the
            # step ran: what the step costs whatever else the machine is doing (a thread
            # running beside it, the detectors' models loading, counts too)
            "cpu_seconds": round(sum(c for _, _, _, c in parts), 2),
            "rss_at_start_mib": parts[0][2],
            "peak_main_mib": max((s[1] for s in inside), default=None),
            "peak_tree_mib": max((s[3] for s in inside), default=None),
        }
    return out


def measure(count: int, root: Path, keep: Path | None, source: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        sizes = write_pair(folder, count, source)
        events_file = folder / "events.jsonl"
        env = {**os.environ, "PYTHONPATH": str(root)}
        command = [sys.executable, "-c", _CHILD, str(events_file), "run", str(folder / "run.toml"),
                   "--out", str(folder / "out"), "--no-cache"]
        start = time.time()
        child = subprocess.Popen(command, env=env, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True)
        sampler = Sampler(child.pid)
        sampler.start()
        cpu_before = os.times()
        stdout, stderr = child.communicate()
        wall = time.time() - start
        cpu_after = os.times()
        sampler.done.set()
        sampler.join()
        events = [json.loads(line) for line in events_file.read_text().splitlines() if line]
        samples = sampler.samples
        result: dict[str, Any] = {
            "sentences": count,
            "source": source,
            **sizes,
            "exit_code": child.returncode,
            "wall_s": round(wall, 1),
            # CPU seconds of the run and every process it started (user + system)
            "cpu_s": round(
                (cpu_after.children_user + cpu_after.children_system)
                - (cpu_before.children_user + cpu_before.children_system), 1
            ),
            "peak_rss_main_mib": max((e["VmHWM"] for e in events), default=None),
            "peak_rss_largest_child_mib": max((s[2] for s in samples), default=None),
            "peak_rss_tree_mib": max((s[3] for s in samples), default=None),
            "steps": by_step(events, samples),
            "messages": [line for line in stderr.splitlines() if line.startswith("mtqa")][:20],
        }
        summary = folder / "out" / "summary.json"
        if summary.exists():
            timings = json.loads(summary.read_text(encoding="utf-8"))["timings"]
            result["step_timings_s"] = {k: round(v, 2) for k, v in timings.items()}
        if child.returncode:
            result["stderr_tail"] = stderr[-2000:]
        # a coarse memory timeline: one point per ~2% of the run
        stride = max(1, len(samples) // 50)
        result["timeline"] = [
            [round(t - start, 1), own, tree] for t, own, _, tree in samples[::stride]
        ]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=5000)
    parser.add_argument("--mb", type=float, help="a pair of about this many MB (both sides)")
    parser.add_argument("--source", choices=("stories", "templates"), default="stories")
    parser.add_argument("--root", type=Path, default=REPO)
    parser.add_argument("--keep", type=Path, help="keep the pair and the run folder here")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--label", default="", help="what this measurement is (before, after)")
    args = parser.parse_args()
    count = int(args.mb * 1e6 / 2 / 95) if args.mb else args.sentences  # ~95 bytes a line
    load: dict[str, Any] = {}
    with machine_load(load):
        results = measure(count, args.root, args.keep, args.source)
    results.update(load)
    results["label"] = args.label
    emit(results, args.json)


if __name__ == "__main__":
    main()
