"""Back-translation engines: registry, MarianEngine on a tiny real model, Apertium, splitting."""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from support import REPO_ROOT, TINY_MAX_POSITIONS, apertium_required

import mtqa
from mtqa.backtranslate import (
    ENGINES,
    CachingEngine,
    Engine,
    TranslationCache,
    create_engine,
)
from mtqa.backtranslate.batching import sorted_batches, split_to_fit
from mtqa.errors import ConfigError, EngineUnavailable

# --- registry and pure helpers (no model needed) ------------------------------------------


def test_unknown_kind_names_the_known_kinds() -> None:
    with pytest.raises(EngineUnavailable) as caught:
        create_engine(name="x", kind="google")
    message = str(caught.value)
    assert "google" in message
    for kind in ENGINES:
        assert kind in message


def test_importing_the_engines_package_stays_light() -> None:
    code = (
        "import sys, mtqa, mtqa.backtranslate; "
        "print(sorted(m for m in ('torch', 'transformers', 'ctranslate2') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True,
        cwd=REPO_ROOT,
    ).stdout
    assert out.strip() == "[]"


def words(text: str) -> int:
    return len(text.split())


@pytest.mark.parametrize(
    ("text", "limit", "pieces"),
    [
        ("a b c", 5, ["a b c"]),
        ("a b; c d; e f", 4, ["a b; c d;", "e f"]),
        ("a b: c d; e f g", 3, ["a b:", "c d;", "e f g"]),
        ("a, b c d; e", 3, ["a,", "b c d;", "e"]),
        ("a b c d e", 2, ["a b", "c d", "e"]),
        ("un, deux: trois; quatre", 10, ["un, deux: trois; quatre"]),
    ],
)
def test_split_to_fit_prefers_clause_boundaries(text: str, limit: int, pieces: list[str]) -> None:
    assert split_to_fit(text, words, limit) == pieces


def test_split_to_fit_cuts_a_giant_word_rather_than_drop_it() -> None:
    pieces = split_to_fit("x" * 50, len, 8)
    assert "".join(pieces) == "x" * 50
    assert all(len(p) <= 8 for p in pieces)


def test_sorted_batches_longest_first_within_size_and_budget() -> None:
    lengths = [5, 30, 10, 12, 3, 30]
    batches = sorted_batches(lengths, batch_size=2)
    assert batches == [[1, 5], [3, 2], [0, 4]]
    budget = sorted_batches(lengths, batch_size=10, max_tokens=40)
    assert sorted(i for b in budget for i in b) == list(range(6))
    for batch in budget:
        assert len(batch) == 1 or len(batch) * max(lengths[i] for i in batch) <= 40


# --- MarianEngine on the tiny real model -------------------------------------------------

FRENCH = [
    "Le ministre annonce un nouveau plan.",
    "Oui.",
    "La commission rejette le budget de l'année malgré les critiques, selon le rapport.",
    "Les chercheurs examinent un accord commercial à Paris.",
    "Hier soir, la ville finance une enquête publique pour 40 millions d'euros.",
]


def marian(directory: Path, **settings: Any) -> Any:
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    base = {"num_beams": 1, "batch_size": 2, "max_new_tokens": 16}
    return create_engine(name="marian", kind="marian", model=str(directory),
                         settings={**base, **settings})


class GenerateSpy:
    """Wraps ``model.generate`` to count calls and record the input lengths of each."""

    def __init__(self, model: Any, fail_first_with: BaseException | None = None) -> None:
        self.original = model.generate
        self.calls: list[list[int]] = []
        self.fail = fail_first_with
        model.generate = self

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        mask = kwargs["attention_mask"]
        self.calls.append([int(n) for n in mask.sum(dim=1).tolist()])
        if self.fail is not None:
            error, self.fail = self.fail, None
            raise error
        return self.original(*args, **kwargs)


@pytest.mark.marian
def test_marian_loads_and_is_an_engine(tiny_marian_dir: Path) -> None:
    engine = marian(tiny_marian_dir)
    assert isinstance(engine, Engine)
    assert engine.name == "marian"
    assert engine.limit == TINY_MAX_POSITIONS
    out = engine.translate(FRENCH)
    assert len(out) == len(FRENCH)
    assert all(isinstance(t, str) and t for t in out)
    assert len(set(out)) > 1  # different inputs, different (noise) outputs


@pytest.mark.marian
def test_marian_signature(tiny_marian_dir: Path) -> None:
    engine = marian(tiny_marian_dir, num_beams=3)
    sig = engine.signature
    weights = (tiny_marian_dir / "model.safetensors").read_bytes()
    digest = hashlib.sha256(b"model.safetensors\0" + weights).hexdigest()
    assert sig["engine"] == "marian"
    assert sig["model"] == str(tiny_marian_dir)
    assert sig["revision"] == f"sha256:{digest}"
    assert sig["num_beams"] == 3
    assert sig["device"] == "cpu"
    assert sig["dtype"] == "float32"
    assert sig["torch"] == importlib.metadata.version("torch")
    assert sig["transformers"] == importlib.metadata.version("transformers")
    assert sig["mtqa"] == mtqa.__version__
    # A change of generation settings is a different signature (and cache key).
    assert marian(tiny_marian_dir, num_beams=4).signature != sig


@pytest.mark.marian
def test_marian_batches_sorted_and_order_restored(tiny_marian_dir: Path) -> None:
    single = marian(tiny_marian_dir, batch_size=1)
    expected = [single.translate([text])[0] for text in FRENCH]

    engine = marian(tiny_marian_dir, batch_size=2)
    spy = GenerateSpy(engine.model)
    progress: list[int] = []
    assert engine.translate(FRENCH, progress=progress.append) == expected
    assert sum(progress) == len(FRENCH)
    assert [len(call) for call in spy.calls] == [2, 2, 1]
    longest = [max(call) for call in spy.calls]
    assert longest == sorted(longest, reverse=True)
    # Sorted batches: every text of a batch is at least as long as any text of a later one.
    for earlier, later in zip(spy.calls, spy.calls[1:], strict=False):
        assert min(earlier) >= max(later)


@pytest.mark.marian
def test_marian_unsorted_batches_follow_input_order(tiny_marian_dir: Path) -> None:
    engine = marian(tiny_marian_dir, batch_size=2, sort_by_length=False)
    spy = GenerateSpy(engine.model)
    engine.translate(FRENCH)
    lengths = engine.count_tokens(FRENCH)
    assert [sorted(c) for c in spy.calls] == [
        sorted(lengths[0:2]), sorted(lengths[2:4]), lengths[4:5]
    ]


@pytest.mark.marian
def test_marian_token_budget_batches(tiny_marian_dir: Path) -> None:
    engine = marian(tiny_marian_dir, batch_size=16, max_tokens=40)
    spy = GenerateSpy(engine.model)
    engine.translate(FRENCH)
    assert sum(len(c) for c in spy.calls) == len(FRENCH)
    for call in spy.calls:
        assert len(call) == 1 or len(call) * max(call) <= 40


@pytest.mark.marian
def test_marian_blank_inputs_stay_blank_without_generating(tiny_marian_dir: Path) -> None:
    engine = marian(tiny_marian_dir)
    spy = GenerateSpy(engine.model)
    assert engine.translate(["", "  "]) == ["", ""]
    assert spy.calls == []


@pytest.mark.marian
def test_marian_blanks_among_texts_add_no_batch(tiny_marian_dir: Path, tmp_path: Path) -> None:
    engine = CachingEngine(marian(tiny_marian_dir, batch_size=2), TranslationCache(tmp_path))
    out = engine.translate(["", FRENCH[0], " ", FRENCH[1]])
    assert out[0] == "" and out[2] == ""
    assert out[1] and out[3]
    assert engine.stats["batches"] == 1


LONG = " ; ".join(
    ["le ministre annonce un nouveau plan, la commission rejette le budget de l'année"] * 5
) + "."


@pytest.mark.marian
def test_marian_splits_long_input_at_clauses_and_rejoins(tiny_marian_dir: Path) -> None:
    engine = marian(tiny_marian_dir, batch_size=1)
    assert engine.count_tokens([LONG])[0] > TINY_MAX_POSITIONS
    pieces = engine.split_for_model(LONG)
    assert len(pieces) > 1
    assert " ".join(pieces) == LONG  # nothing dropped
    assert all(n <= TINY_MAX_POSITIONS for n in engine.count_tokens(pieces))
    assert all(p.endswith(";") for p in pieces[:-1])  # cut after a clause, not mid-clause

    piece_outputs = [engine.translate([p])[0] for p in pieces]
    spy = GenerateSpy(engine.model)
    (joined,) = engine.translate([LONG])
    assert joined == " ".join(piece_outputs)
    assert len(spy.calls) == len(pieces)
    assert all(n <= TINY_MAX_POSITIONS for call in spy.calls for n in call)


@pytest.mark.marian
def test_marian_out_of_memory_halves_the_batch(tiny_marian_dir: Path) -> None:
    expected = marian(tiny_marian_dir, batch_size=4).translate(FRENCH[:4])
    engine = marian(tiny_marian_dir, batch_size=4)
    spy = GenerateSpy(engine.model, fail_first_with=RuntimeError("CUDA out of memory."))
    assert engine.translate(FRENCH[:4]) == expected
    assert [len(c) for c in spy.calls] == [4, 2, 2]


@pytest.mark.marian
def test_marian_cache_second_run_generates_nothing(tiny_marian_dir: Path, tmp_path: Path) -> None:
    first = CachingEngine(marian(tiny_marian_dir), TranslationCache(tmp_path))
    first_spy = GenerateSpy(first.engine.model)
    out = first.translate(FRENCH + FRENCH[:2])
    assert len(first_spy.calls) == 3  # duplicates translated once: 5 texts, batches of 2
    assert first.stats["misses"] == 5

    second = CachingEngine(marian(tiny_marian_dir), TranslationCache(tmp_path))
    second_spy = GenerateSpy(second.engine.model)
    assert second.translate(FRENCH + FRENCH[:2]) == out
    assert second_spy.calls == []
    assert second.stats == {"hits": 5, "misses": 0, "duplicates": 2, "batches": 0}


@pytest.mark.marian
def test_marian_score_matches_a_manual_forward_pass(tiny_marian_dir: Path) -> None:
    import torch

    engine = marian(tiny_marian_dir, batch_size=3)
    sources = FRENCH[:3]
    targets = ["The minister announces a new plan.", "Yes.", "The commission rejects it."]
    scored = engine.score(sources, targets)
    assert len(scored) == 3
    model, tok = engine.model, engine.tokenizer
    for source, target, tokens in zip(sources, targets, scored, strict=True):
        target_ids = tok(text_target=target)["input_ids"]
        assert [t for t, _ in tokens] == tok.convert_ids_to_tokens(target_ids)
        assert tokens[-1][0] == "</s>"
        values = [lp for _, lp in tokens]
        assert all(v < 0 and v == v and v != float("-inf") for v in values)
        # One pair alone, no padding, computed by hand.
        src = tok([source], return_tensors="pt")
        labels = torch.tensor([target_ids])
        start = torch.full((1, 1), model.config.decoder_start_token_id)
        decoder_input = torch.cat([start, labels[:, :-1]], dim=1)
        with torch.no_grad():
            logits = model(**src, decoder_input_ids=decoder_input).logits
        manual = torch.log_softmax(logits, -1)[0].gather(-1, labels[0].unsqueeze(-1)).squeeze(-1)
        assert sum(values) == pytest.approx(float(manual.sum()), abs=1e-3)
        assert values == pytest.approx(manual.tolist(), abs=1e-4)


@pytest.mark.marian
def test_marian_score_checks_lengths(tiny_marian_dir: Path) -> None:
    with pytest.raises(ValueError, match="2 sources but 1 targets"):
        marian(tiny_marian_dir).score(["a", "b"], ["c"])


@pytest.mark.marian
def test_marian_refuses_pickle_checkpoints(tiny_marian_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "pickled"
    shutil.copytree(tiny_marian_dir, folder)
    (folder / "model.safetensors").unlink()
    (folder / "pytorch_model.bin").write_bytes(b"not loaded, ever")
    with pytest.raises(EngineUnavailable) as caught:
        marian(folder)
    message = str(caught.value)
    assert "pickle" in message and "arbitrary code" in message
    assert "\n" not in message


def test_marian_missing_model_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("transformers")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    model = "mtqa-tests/no-such-model"
    with pytest.raises(EngineUnavailable) as caught:
        create_engine(name="marian", kind="marian", model=model)
    message = str(caught.value)
    assert "\n" not in message
    assert model in message
    for remedy in ("HF_HUB_OFFLINE=1", "local folder", "--engine apertium"):
        assert remedy in message


@pytest.mark.marian
def test_marian_from_the_hf_cache_records_the_commit(
    tiny_marian_dir: Path, tmp_path: Path
) -> None:
    # The layout huggingface_hub writes: refs/main names the snapshot actually used.
    commit = "0123456789abcdef0123456789abcdef01234567"
    repo = tmp_path / "hub" / "models--mtqa-tests--tiny-marian"
    shutil.copytree(tiny_marian_dir, repo / "snapshots" / commit)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(commit)
    code = (
        "from mtqa.backtranslate import create_engine; "
        "e = create_engine(name='m', kind='marian', model='mtqa-tests/tiny-marian', "
        "settings={'max_new_tokens': 4}); "
        "print(e.signature['revision']); print(len(e.translate(['Le ministre annonce.'])))"
    )
    env = {**os.environ, "HF_HUB_CACHE": str(tmp_path / "hub"), "HF_HUB_OFFLINE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env,
        cwd=REPO_ROOT,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == [commit, "1"]


def test_marian_revision_setting_picks_the_safetensors_ref(
    tiny_marian_dir: Path, tmp_path: Path
) -> None:
    # main has pickle weights only (refused); a conversion pull request has safetensors.
    pickled, converted = "1" * 40, "2" * 40
    repo = tmp_path / "hub" / "models--mtqa-tests--tiny-marian"
    (repo / "snapshots" / pickled).mkdir(parents=True)
    for name in ("config.json", "vocab.json"):
        shutil.copy(tiny_marian_dir / name, repo / "snapshots" / pickled / name)
    (repo / "snapshots" / pickled / "pytorch_model.bin").write_bytes(b"not loaded")
    shutil.copytree(tiny_marian_dir, repo / "snapshots" / converted)
    (repo / "refs" / "refs" / "pr").mkdir(parents=True)
    (repo / "refs" / "main").write_text(pickled)
    (repo / "refs" / "refs" / "pr" / "3").write_text(converted)
    code = (
        "import sys\n"
        "from mtqa.backtranslate import create_engine\n"
        "from mtqa.errors import EngineUnavailable\n"
        "try:\n"
        "    create_engine(name='m', kind='marian', model='mtqa-tests/tiny-marian')\n"
        "except EngineUnavailable as e:\n"
        "    print('refused:', 'refs/pr/N' in str(e))\n"
        "e = create_engine(name='m', kind='marian', model='mtqa-tests/tiny-marian', "
        "settings={'revision': 'refs/pr/3', 'max_new_tokens': 4})\n"
        "print(e.signature['revision'])\n"
    )
    env = {**os.environ, "HF_HUB_CACHE": str(tmp_path / "hub"), "HF_HUB_OFFLINE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env,
        cwd=REPO_ROOT,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["refused:", "True", converted]


def test_marian_missing_folder_is_one_line(tmp_path: Path) -> None:
    pytest.importorskip("transformers")
    with pytest.raises(EngineUnavailable, match="does not exist"):
        create_engine(name="marian", kind="marian", model=str(tmp_path / "nowhere"))


@pytest.mark.marian
@pytest.mark.parametrize(
    ("settings", "match"),
    [
        ({"beams": 2}, "unknown setting"),
        ({"num_beams": 0}, "positive integer"),
        ({"dtype": "fp8"}, "dtype"),
        ({"device": "tpu"}, "device"),
    ],
)
def test_marian_bad_settings(tiny_marian_dir: Path, settings: dict[str, Any], match: str) -> None:
    with pytest.raises(ConfigError, match=match):
        marian(tiny_marian_dir, **settings)


@pytest.mark.marian
def test_marian_fp16_on_cpu_is_refused(tiny_marian_dir: Path) -> None:
    engine = marian(tiny_marian_dir, device="cpu", dtype="fp16")
    with pytest.raises(ConfigError, match="fp16 needs a GPU"):
        engine.load()


# --- Apertium ----------------------------------------------------------------------------


@pytest.fixture
def apertium_engine() -> Iterator[Any]:
    apertium_required()
    engine = create_engine(name="apertium", kind="apertium", settings={"batch_size": 3})
    yield engine
    engine.close()


@pytest.mark.apertium
def test_apertium_translates_through_the_pivot(apertium_engine: Any) -> None:
    texts = [
        "Le chat est noir.",
        "",
        "La maison est grande.",
        "Bonjour\nle monde.",  # a line break inside a text must not shift the others
        "Il fait beau aujourd'hui.",
    ]
    progress: list[int] = []
    out = apertium_engine.translate(texts, progress=progress.append)
    assert len(out) == len(texts)
    assert sum(progress) == len(texts)
    assert out[1] == ""
    assert "cat" in out[0] and "black" in out[0]
    assert "house" in out[2] or "home" in out[2]
    assert "world" in out[3]
    assert "today" in out[4].lower()


@pytest.mark.apertium
def test_apertium_batches_do_not_change_results(apertium_engine: Any) -> None:
    texts = [f"Le chat numéro {i} est noir." for i in range(4)]
    batched = apertium_engine.translate(texts)
    one_by_one = [apertium_engine.translate([t])[0] for t in texts]
    assert batched == one_by_one
    assert all(f"{i}" in out for i, out in enumerate(batched))


@pytest.mark.apertium
def test_apertium_signature_has_debian_versions(apertium_engine: Any) -> None:
    sig = apertium_engine.signature
    assert sig["engine"] == "apertium"
    assert sig["model"] == "fr-es,spa-eng"
    for package in ("apertium", "apertium-fr-es", "apertium-eng-spa"):
        version = subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True
        ).stdout
        assert sig[package] == (version or "unknown")
    json.dumps(dict(sig))  # signatures go into reports as JSON


def test_apertium_missing_command(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(EngineUnavailable) as caught:
        create_engine(name="apertium", kind="apertium")
    message = str(caught.value)
    assert "apertium apertium-fr-es apertium-eng-spa" in message
    assert "\n" not in message


@pytest.mark.apertium
def test_apertium_missing_mode() -> None:
    apertium_required()
    with pytest.raises(EngineUnavailable, match="fr-xx"):
        create_engine(name="apertium", kind="apertium", model="fr-xx,spa-eng")


def run_with_progress(engine: Engine, texts: list[str]) -> tuple[list[str], list[int]]:
    seen: list[int] = []
    report: Callable[[int], None] = seen.append
    return engine.translate(texts, progress=report), seen


@pytest.mark.apertium
def test_apertium_behind_the_cache(apertium_engine: Any, tmp_path: Path) -> None:
    texts = ["Le chat est noir.", "Le chien est blanc."]
    first = CachingEngine(apertium_engine, TranslationCache(tmp_path))
    out, seen = run_with_progress(first, texts)
    assert sum(seen) == 2 and first.stats["misses"] == 2
    second = CachingEngine(apertium_engine, TranslationCache(tmp_path))
    assert run_with_progress(second, texts)[0] == out
    assert second.stats["misses"] == 0 and second.stats["hits"] == 2


def test_engine_classes_are_not_imported_by_the_registry() -> None:
    # Importing mtqa.backtranslate must not have imported any engine module eagerly.
    code = (
        "import sys, mtqa.backtranslate; "
        "print([m for m in sys.modules if m.startswith('mtqa.backtranslate.')])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True,
        cwd=REPO_ROOT, env={**os.environ},
    ).stdout
    assert "marian" not in out and "apertium" not in out and "ct2" not in out


@pytest.mark.apertium
def test_apertium_reads_words_spelt_with_a_ligature(apertium_engine: Any) -> None:
    # Apertium's French dictionary spells « coeur », « oeuvre »: the ligature is unfolded
    ligature, plain = apertium_engine.translate(
        ["Les œuvres lui tiennent à cœur.", "Les oeuvres lui tiennent à coeur."]
    )
    assert ligature == plain
    assert "œ" not in ligature and "*" not in ligature
