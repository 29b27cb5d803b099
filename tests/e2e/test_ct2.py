"""The CTranslate2 engine on the tiny Marian model, converted in the test."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import math
from pathlib import Path
from typing import Any

import pytest

from mtqa.backtranslate import CachingEngine, TranslationCache, create_engine
from mtqa.errors import EngineUnavailable

pytest.importorskip("ctranslate2")
pytest.importorskip("torch")
pytest.importorskip("transformers")

pytestmark = pytest.mark.marian

FRENCH = [
    "Le ministre annonce un nouveau plan.",
    "Oui.",
    "La commission rejette le budget de l'année malgré les critiques, selon le rapport.",
    "Les chercheurs examinent un accord commercial à Paris.",
    "Hier soir, la ville finance une enquête publique pour 40 millions d'euros.",
]
TARGETS = [
    "The minister announces a new plan.",
    "Yes.",
    "The commission rejects the budget despite criticism.",
    "Researchers examine a trade agreement in Paris.",
    "Last night the city funded a public inquiry.",
]
GREEDY = {"num_beams": 1, "batch_size": 2, "max_new_tokens": 24}
# Per-token log-probability agreement with transformers (same fp32 weights; the two
# libraries differ in kernels and in leaving out the never-generated <pad> token).
FP32_TOLERANCE = 1e-3
# int8 weights on this deliberately large-weight random model: the mean per-token difference
# measured about 11% of the mean |log-prob|; allow 20%. (benchmarks/ measures int8 on the
# real opus-mt shape.)
INT8_RELATIVE_TOLERANCE = 0.20


@pytest.fixture(scope="module")
def converted_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("ct2-converted")


def ct2(model_dir: Path, converted_dir: Path, **settings: Any) -> Any:
    return create_engine(
        name="ct2",
        kind="ct2",
        model=str(model_dir),
        settings={**GREEDY, "compute_type": "float32", "device": "cpu",
                  "converted_dir": str(converted_dir), **settings},
    )


def marian(model_dir: Path, **settings: Any) -> Any:
    return create_engine(
        name="marian", kind="marian", model=str(model_dir),
        settings={**GREEDY, "device": "cpu", **settings},
    )


def test_fp32_greedy_is_token_identical_to_transformers(
    tiny_marian_dir: Path, converted_dir: Path
) -> None:
    hf = marian(tiny_marian_dir)
    fast = ct2(tiny_marian_dir, converted_dir)
    assert fast.translate(FRENCH) == hf.translate(FRENCH)

    tok = hf.tokenizer
    batch = tok(FRENCH, return_tensors="pt", padding=True)
    generated = hf.model.generate(**batch, num_beams=1, max_new_tokens=24, do_sample=False)
    hf_tokens = [
        [t for t in tok.convert_ids_to_tokens(row) if t not in ("<pad>", "</s>")]
        for row in generated.tolist()
    ]
    source = [tok.convert_ids_to_tokens(ids) for ids in tok(FRENCH)["input_ids"]]
    results = fast.translator.translate_batch(source, beam_size=1, max_decoding_length=23)
    assert [r.hypotheses[0] for r in results] == hf_tokens
    assert all(len(tokens) > 3 for tokens in hf_tokens)


def test_conversion_is_reused(tiny_marian_dir: Path, tmp_path: Path) -> None:
    first = ct2(tiny_marian_dir, tmp_path)
    first.load()
    assert first.conversions == 1
    model_bin = first.converted_path / "model.bin"
    stamp = model_bin.stat().st_mtime_ns

    second = ct2(tiny_marian_dir, tmp_path)
    second.load()
    assert second.conversions == 0
    assert second.converted_path == first.converted_path
    assert model_bin.stat().st_mtime_ns == stamp
    assert second.translate(FRENCH[:2]) == first.translate(FRENCH[:2])

    # Another quantisation is another folder, converted once too.
    int8 = ct2(tiny_marian_dir, tmp_path, compute_type="int8")
    int8.load()
    assert int8.conversions == 1
    assert int8.converted_path != first.converted_path
    assert not list(tmp_path.glob(".converting-*"))  # no work folder left behind


def test_scores_match_transformers(tiny_marian_dir: Path, converted_dir: Path) -> None:
    reference = marian(tiny_marian_dir).score(FRENCH, TARGETS)
    scored = ct2(tiny_marian_dir, converted_dir).score(FRENCH, TARGETS)
    assert len(scored) == len(reference)
    for fast, slow in zip(scored, reference, strict=True):
        assert [t for t, _ in fast] == [t for t, _ in slow]
        assert [v for _, v in fast] == pytest.approx([v for _, v in slow], abs=FP32_TOLERANCE)

    int8 = ct2(tiny_marian_dir, converted_dir, compute_type="int8").score(FRENCH, TARGETS)
    pairs = [
        (a, b)
        for fast, slow in zip(int8, reference, strict=True)
        for (_, a), (_, b) in zip(fast, slow, strict=True)
    ]
    assert len(pairs) == sum(len(s) for s in reference)
    assert all(a <= 0 and math.isfinite(a) for a, _ in pairs)
    mean_difference = sum(abs(a - b) for a, b in pairs) / len(pairs)
    mean_magnitude = sum(abs(b) for _, b in pairs) / len(pairs)
    assert mean_difference <= INT8_RELATIVE_TOLERANCE * mean_magnitude


def test_signature(tiny_marian_dir: Path, converted_dir: Path) -> None:
    sig = ct2(tiny_marian_dir, converted_dir, compute_type="int8").signature
    hf_sig = marian(tiny_marian_dir).signature
    assert sig["engine"] == "ct2"
    assert sig["compute_type"] == "int8"
    assert sig["revision"] == hf_sig["revision"]
    assert sig["ctranslate2"] == importlib.metadata.version("ctranslate2")


def test_default_compute_type_on_cpu_is_int8(tiny_marian_dir: Path, converted_dir: Path) -> None:
    engine = create_engine(
        name="ct2", kind="ct2", model=str(tiny_marian_dir),
        settings={"device": "cpu", "converted_dir": str(converted_dir)},
    )
    assert engine.signature["compute_type"] == "int8"


def test_long_input_split_like_marian(tiny_marian_dir: Path, converted_dir: Path) -> None:
    long = " ; ".join(["la commission rejette le budget de l'année, selon le rapport"] * 6)
    hf = marian(tiny_marian_dir, batch_size=1)
    fast = ct2(tiny_marian_dir, converted_dir, batch_size=1)
    assert fast.split_for_model(long) == hf.split_for_model(long)
    assert len(fast.split_for_model(long)) > 1
    assert fast.translate([long]) == hf.translate([long])


class FailingFirst:
    """Wraps the translator: the first translate_batch raises a CUDA out-of-memory error."""

    def __init__(self, translator: Any) -> None:
        self.translator = translator
        self.sizes: list[int] = []

    def translate_batch(self, source: list[list[str]], **options: Any) -> Any:
        self.sizes.append(len(source))
        if len(self.sizes) == 1:
            raise RuntimeError("CUDA failed with error out of memory")
        return self.translator.translate_batch(source, **options)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.translator, name)


def test_out_of_memory_halves_and_loses_nothing(
    tiny_marian_dir: Path, converted_dir: Path, tmp_path: Path
) -> None:
    expected = ct2(tiny_marian_dir, converted_dir, batch_size=4).translate(FRENCH)
    engine = ct2(tiny_marian_dir, converted_dir, batch_size=4)
    engine.load()
    spy = FailingFirst(engine._translator)
    engine._translator = spy
    cached = CachingEngine(engine, TranslationCache(tmp_path))
    assert cached.translate(FRENCH) == expected
    assert spy.sizes == [4, 2, 2, 1]
    assert cached.stats["misses"] == len(FRENCH)


def test_missing_ctranslate2_is_one_line(
    tiny_marian_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = importlib.util.find_spec

    def without_ct2(name: str, *args: Any) -> Any:
        return None if name == "ctranslate2" else real(name, *args)

    monkeypatch.setattr(importlib.util, "find_spec", without_ct2)
    with pytest.raises(EngineUnavailable) as caught:
        create_engine(name="ct2", kind="ct2", model=str(tiny_marian_dir))
    assert "pip install 'mtqa[ct2]'" in str(caught.value)
    assert "\n" not in str(caught.value)
