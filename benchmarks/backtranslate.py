"""Back-translation speed and memory: transformers (marian) vs CTranslate2 (ct2).

Runs a randomly initialised MarianMTModel with opus-mt-fr-en's exact shape (vocabulary
59514, d_model 512, 6+6 layers, 8 heads, FFN 2048) through mtqa's engines, with the output
length forced (min = max new tokens) so every configuration decodes the same number of
tokens. Measures sentences/s and target tokens/s for batch 1/8/32, greedy and beam 4;
length-sorted vs unsorted batches on mixed-length input; the harness's own overhead (engine
wall time minus the time spent inside generate / translate_batch, and the ratio to calling
the model directly on the same batches); peak RSS per engine; and how far int8 log-probs
move from fp32.

Each engine configuration runs in its own process so peak RSS is its own. Usage:

    python benchmarks/backtranslate.py                 # CPU, about 5 minutes on 2 cores
    python benchmarks/backtranslate.py --device cuda   # GPU: fp16 / int8_float16, more text
    python benchmarks/backtranslate.py --quick         # a smoke run

Writes JSON (``--out``, default <workdir>/backtranslate-<device>.json) and prints
a table. Numbers from shared machines are noisy: compare within one run, as ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

OPUS_MT_FR_EN_SHAPE = {
    "vocab_size": 59514,
    "d_model": 512,
    "encoder_layers": 6,
    "decoder_layers": 6,
    "encoder_attention_heads": 8,
    "decoder_attention_heads": 8,
    "encoder_ffn_dim": 2048,
    "decoder_ffn_dim": 2048,
    "max_position_embeddings": 512,
}
FORCED_NEW_TOKENS = 32  # output length of every sentence (about one real sentence)

_WORDS = (
    "le la les un une des du de à en pour avec sans sur sous dans par ministre commission "
    "gouvernement ville habitants président banque centrale chercheurs annonce rejette propose "
    "finance examine soutient critique nouveau plan réforme retraites budget année accord "
    "commercial mesures sanitaires enquête publique mardi depuis trois ans prudence Paris "
    "millions euros selon rapport malgré critiques toutefois ailleurs revanche hier soir "
    "communiqué parlement sommet après vote région économie emploi entreprises croissance"
).split()


def sentences(count: int, seed: int, *, min_words: int = 4, max_words: int = 48) -> list[str]:
    """Mixed-length French-looking sentences (word counts uniform in [min, max])."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        n = rng.randint(min_words, max_words)
        words = [rng.choice(_WORDS) for _ in range(n)]
        for i in range(6, n - 1, 7):  # clauses, as real text has
            words[i] += ","
        text = " ".join(words)
        out.append(text[0].upper() + text[1:] + ".")
    return out


# --- the checkpoint ----------------------------------------------------------------------


def build_checkpoint(directory: Path) -> Path:
    """Write (once) a random opus-mt-fr-en-shaped Marian checkpoint with a small tokenizer."""
    if (directory / "model.safetensors").is_file():
        return directory
    import sentencepiece
    import torch
    import transformers

    directory.mkdir(parents=True, exist_ok=True)
    corpus = directory / "corpus.txt"
    corpus.write_text("\n".join(sentences(3000, seed=1)) + "\n", "utf-8")
    sentencepiece.SentencePieceTrainer.train(
        input=str(corpus), model_prefix=str(directory / "spm"), vocab_size=400,
        hard_vocab_limit=False, model_type="unigram", bos_id=-1, eos_id=1, unk_id=0,
        pad_id=-1, num_threads=2, minloglevel=2,
    )
    corpus.unlink()
    (directory / "spm.vocab").unlink()
    (directory / "spm.model").rename(directory / "source.spm")
    (directory / "target.spm").write_bytes((directory / "source.spm").read_bytes())
    sp = sentencepiece.SentencePieceProcessor(model_file=str(directory / "source.spm"))
    vocab = {"</s>": 0, "<unk>": 1}
    for i in range(sp.get_piece_size()):
        vocab.setdefault(sp.id_to_piece(i), len(vocab))
    size = OPUS_MT_FR_EN_SHAPE["vocab_size"]
    # Fill the real vocabulary size with placeholder pieces so the output layer has the
    # real cost; <pad> last, as in opus-mt.
    filler = 0
    while len(vocab) < size - 1:
        vocab[f"▁w{filler}"] = len(vocab)
        filler += 1
    vocab["<pad>"] = size - 1
    (directory / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), "utf-8")
    (directory / "tokenizer_config.json").write_text(json.dumps({
        "tokenizer_class": "MarianTokenizer", "source_lang": "fr", "target_lang": "en",
        "model_max_length": 512, "separate_vocabs": False,
    }), "utf-8")
    config = transformers.MarianConfig(
        **OPUS_MT_FR_EN_SHAPE, decoder_vocab_size=size, pad_token_id=size - 1,
        eos_token_id=0, decoder_start_token_id=size - 1, forced_eos_token_id=0,
        scale_embedding=True, share_encoder_decoder_embeddings=True,
    )
    torch.manual_seed(0)
    model = transformers.MarianMTModel(config)
    model.generation_config.bad_words_ids = [[size - 1]]
    model.save_pretrained(directory, safe_serialization=True)
    return directory


# --- one engine configuration, in a worker process ---------------------------------------


class Timed:
    """Wraps the model call (generate / translate_batch) to time it and keep its inputs."""

    def __init__(self, call: Callable[..., Any]) -> None:
        self.call = call
        self.seconds = 0.0
        self.calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = []

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        out = self.call(*args, **kwargs)
        self.seconds += time.perf_counter() - start
        self.calls.append((args, kwargs))
        return out


class TimedTranslator:
    """A stand-in for ``ctranslate2.Translator`` that times ``translate_batch``."""

    def __init__(self, translator: Any) -> None:
        self.translator = translator
        self.translate_batch = Timed(translator.translate_batch)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.translator, name)


def peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM: ru_maxrss would include the parent's
    peak, which Linux carries across fork and exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def run_worker(spec: dict[str, Any]) -> dict[str, Any]:
    from mtqa.backtranslate import create_engine

    started = time.perf_counter()
    engine: Any = create_engine(
        name=spec["label"], kind=spec["kind"], model=spec["model"], settings=spec["settings"]
    )
    engine.load()
    load_s = time.perf_counter() - started
    rss_loaded = peak_rss_mb()
    if spec.get("prepare"):
        return {"label": spec["label"], "load_s": round(load_s, 2)}
    results = []
    for case in spec["cases"]:
        texts = sentences(case["n"], seed=case.get("seed", 2))
        # Benchmark-only: vary generation settings on the loaded model instead of reloading.
        engine.settings.num_beams = case["beams"]
        engine.settings.sort_by_length = case.get("sort", True)
        engine.batch_size = case["batch"]
        if spec["kind"] == "marian":
            timer = Timed(engine.model.generate)
            engine.model.generate = timer
        else:
            proxy = TimedTranslator(engine._translator)
            engine._translator = proxy
            timer = proxy.translate_batch
        engine.translate(texts[: min(2, len(texts))])  # warm-up (allocations, threads)
        timer.seconds, timer.calls = 0.0, []
        start = time.perf_counter()
        outputs = engine.translate(texts)
        wall = time.perf_counter() - start
        model_s = timer.seconds
        # The same batches again, straight into the model: what a caller could get at best.
        direct_s = 0.0
        for args, kwargs in timer.calls if case.get("direct") else []:
            t0 = time.perf_counter()
            timer.call(*args, **kwargs)
            direct_s += time.perf_counter() - t0
        if spec["kind"] == "marian":
            engine.model.generate = timer.call
        else:
            engine._translator = proxy.translator
        n = len(texts)
        results.append({
            **case,
            "sentences": n,
            "batches": len(timer.calls),
            "wall_s": round(wall, 3),
            "model_s": round(model_s, 3),
            "direct_s": round(direct_s, 3),
            "sentences_per_s": round(n / wall, 2),
            "target_tokens_per_s": round(n * FORCED_NEW_TOKENS / wall, 1),
            "harness_overhead_ms_per_segment": round((wall - model_s) / n * 1000, 2),
            "harness_vs_direct": round(wall / direct_s, 3) if direct_s else None,
            "empty_outputs": sum(1 for o in outputs if not o),
        })
    scores = None
    if spec.get("score"):
        pairs = sentences(16, seed=3, max_words=20)
        targets = sentences(16, seed=4, max_words=20)
        scores = [[lp for _, lp in row] for row in engine.score(pairs, targets)]
    return {
        "label": spec["label"],
        "kind": spec["kind"],
        "signature": dict(engine.signature),
        "load_s": round(load_s, 2),
        "peak_rss_mb_after_load": round(rss_loaded, 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "cases": results,
        "scores": scores,
    }


# --- the plan ----------------------------------------------------------------------------


def plan(device: str, quick: bool, n: int) -> list[dict[str, Any]]:
    """The engines and cases; ``n`` sentences for the batched greedy cases, fewer elsewhere."""
    gpu = device.startswith("cuda")
    if quick:
        cases = [{"name": "greedy b8", "batch": 8, "beams": 1, "n": 8, "direct": True}]
    else:
        cases = [
            {"name": "greedy b1", "batch": 1, "beams": 1, "n": max(2, n // 8)},
            {"name": "greedy b8", "batch": 8, "beams": 1, "n": n, "direct": True},
            {"name": "greedy b32", "batch": 32, "beams": 1, "n": n, "direct": True},
            {"name": "greedy b8 unsorted", "batch": 8, "beams": 1, "n": n, "sort": False},
            {"name": "beam4 b1", "batch": 1, "beams": 4, "n": max(1, n // 16)},
            {"name": "beam4 b8", "batch": 8, "beams": 4, "n": max(8, n // 2)},
            {"name": "beam4 b32", "batch": 32, "beams": 4, "n": max(8, n // 2)},
        ]
        if n >= 64:  # sorting only matters with several batches
            cases.insert(4, {"name": "greedy b32 unsorted", "batch": 32, "beams": 1, "n": n,
                             "sort": False})
    forced = {"max_new_tokens": FORCED_NEW_TOKENS, "min_new_tokens": FORCED_NEW_TOKENS,
              "device": device}
    if gpu:
        engines = [
            ("marian fp16", "marian", {"dtype": "fp16"}),
            ("ct2 float16", "ct2", {"compute_type": "float16"}),
            ("ct2 int8_float16", "ct2", {"compute_type": "int8_float16"}),
        ]
    else:
        engines = [
            ("marian fp32", "marian", {"dtype": "fp32"}),
            ("ct2 int8", "ct2", {"compute_type": "int8"}),
            ("ct2 fp32", "ct2", {"compute_type": "float32"}),
        ]
    return [
        {"label": label, "kind": kind, "settings": {**forced, **extra}, "cases": cases,
         "score": True}
        for label, kind, extra in engines
    ]


def compare_scores(runs: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """Per-token log-prob differences of each engine from the first (transformers)."""
    base = runs[0]["scores"]
    out = {}
    for run in runs[1:]:
        if not base or not run["scores"]:
            continue
        diffs = [
            abs(a - b)
            for x, y in zip(run["scores"], base, strict=True)
            for a, b in zip(x, y, strict=True)
        ]
        out[f"{run['label']} vs {runs[0]['label']}"] = {
            "max": round(max(diffs), 4), "mean": round(sum(diffs) / len(diffs), 5),
        }
    return out


def print_table(report: dict[str, Any]) -> None:
    header = (f"{'engine':18} {'case':20} {'sent/s':>8} {'tok/s':>8} {'overhead ms/seg':>16}"
              f" {'harness/direct':>15}")
    print(header)
    print("-" * len(header))
    for run in report["runs"]:
        for case in run["cases"]:
            ratio = case["harness_vs_direct"]
            print(f"{run['label']:18} {case['name']:20} {case['sentences_per_s']:8.2f} "
                  f"{case['target_tokens_per_s']:8.1f} "
                  f"{case['harness_overhead_ms_per_segment']:16.2f} "
                  f"{ratio if ratio is not None else float('nan'):15.3f}")
    print()
    for run in report["runs"]:
        print(f"{run['label']:18} load {run['load_s']:.1f} s, peak RSS "
              f"{run['peak_rss_mb']:.0f} MB (after load {run['peak_rss_mb_after_load']:.0f} MB)")
    for name, diff in report["logprob_abs_diff"].items():
        print(f"per-token log-prob |diff| {name}: max {diff['max']}, mean {diff['mean']}")
    print(f"total {report['total_s']:.0f} s on {report['machine']['cpus']} CPUs")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--device", default="cpu", help="cpu (default) or cuda")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/mtqa-bench"),
                        help="where the random checkpoint and conversions are kept")
    parser.add_argument("--out", type=Path, help="JSON output path")
    parser.add_argument("--quick", action="store_true", help="one small case per engine")
    parser.add_argument("--sentences", type=int, default=None,
                        help="sentences for batched greedy cases (default 64 CPU, 512 GPU)")
    parser.add_argument("--only", help="run only engines whose label contains this")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.worker:
        print(json.dumps(run_worker(json.loads(args.worker))))
        return

    started = time.perf_counter()
    checkpoint = build_checkpoint(args.workdir / "opus-mt-shape")
    env = {**os.environ, "MTQA_CACHE_DIR": str(args.workdir / "cache")}
    n = args.sentences or (512 if args.device.startswith("cuda") else 64)
    specs = [
        {**spec, "model": str(checkpoint)}
        for spec in plan(args.device, args.quick, n)
        if not args.only or args.only in spec["label"]
    ]

    def worker(spec: dict[str, Any]) -> dict[str, Any]:
        done = subprocess.run(
            [sys.executable, __file__, "--worker", json.dumps(spec)],
            capture_output=True, text=True, env=env, check=False,
        )
        if done.returncode != 0:
            sys.exit(f"{spec['label']} failed:\n{done.stderr[-3000:]}")
        return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]

    # Convert for CTranslate2 first, outside the measured processes.
    for spec in specs:
        if spec["kind"] == "ct2":
            print(f"preparing {spec['label']}...", file=sys.stderr, flush=True)
            worker({**spec, "prepare": True})
    runs = []
    for spec in specs:
        print(f"running {spec['label']}...", file=sys.stderr, flush=True)
        runs.append(worker(spec))
    report = {
        "what": "random opus-mt-fr-en-shaped Marian, output forced to "
                f"{FORCED_NEW_TOKENS} tokens per sentence",
        "device": args.device,
        "sentences": n,
        "machine": {"cpus": len(os.sched_getaffinity(0)), "platform": platform.platform(),
                    "processor": platform.processor()},
        "runs": runs,
        "logprob_abs_diff": compare_scores(runs),
        "total_s": round(time.perf_counter() - started, 1),
    }
    out = args.out or args.workdir / f"backtranslate-{args.device}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n", "utf-8")
    print_table(report)
    print(f"written {out}")


if __name__ == "__main__":
    main()
