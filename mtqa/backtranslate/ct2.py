"""The CTranslate2 engine: the same Marian checkpoint, converted once, run by CTranslate2.

The transformers checkpoint that ``MarianEngine`` would load (local folder or HF cache) is
converted with ``ctranslate2.converters.TransformersConverter`` into
``<cache>/ct2/<model>-<revision>-<quantisation>`` and reused afterwards. Tokenisation, input
splitting, batching and the signature come from the same code as ``MarianEngine``.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Annotated, Any, ClassVar

from pydantic import PlainValidator

from mtqa.backtranslate.base import EngineSettings
from mtqa.backtranslate.cache import default_cache_dir
from mtqa.backtranslate.marian import input_limit, load_tokenizer
from mtqa.backtranslate.neural import NeuralEngine, NeuralSettings, device_setting, versions
from mtqa.errors import ConfigError, EngineUnavailable

log = logging.getLogger(__name__)

COMPUTE_TYPES = (
    "auto", "float32", "int8", "int8_float32", "float16", "int8_float16", "bfloat16",
    "int8_bfloat16",
)


def default_converted_dir() -> Path:
    """Where converted models live: ``ct2/`` in mtqa's cache folder."""
    return default_cache_dir() / "ct2"


def machine_threads() -> int:
    """CPU cores this process may use (the affinity mask, not the whole machine)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _compute_type(value: Any) -> str:
    if value not in COMPUTE_TYPES:
        raise ValueError(f"must be one of {', '.join(COMPUTE_TYPES)}, got {value!r}")
    return str(value)


def _threads(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"must be 0 or more, got {value!r}")
    return value


def _ct2_device(value: Any) -> str:
    if value == "mps":
        raise ValueError("mps is not supported; use cpu or cuda")
    return device_setting(value)


def _path(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"must be a path, got {value!r}")
    return value


class CT2Settings(NeuralSettings):
    """``[[engines]] settings`` of a CTranslate2 engine: the neural ones and its own."""

    device: Annotated[str, PlainValidator(_ct2_device)] = "auto"
    compute_type: Annotated[str, PlainValidator(_compute_type)] = "auto"
    threads: Annotated[int, PlainValidator(_threads)] = 0  # 0 = every core this process may use
    converted_dir: Annotated[str, PlainValidator(_path)] | None = None


class CT2Engine(NeuralEngine[CT2Settings]):
    """Back-translation with CTranslate2 (default model ``Helsinki-NLP/opus-mt-fr-en``).

    Settings: ``CT2Settings`` (``compute_type`` auto = int8 on CPU, float16 on CUDA;
    ``converted_dir``, where converted models are kept).
    """

    kind: ClassVar[str] = "ct2"
    Settings: ClassVar[type[EngineSettings]] = CT2Settings

    def _check_installed(self) -> None:
        self._require(["ctranslate2"], "pip install 'mtqa[ct2]' (or use --engine marian)")
        # the checkpoint's MarianTokenizer, from transformers, tokenises
        self._require(
            ["transformers", "sentencepiece"],
            "pip install 'mtqa[marian,ct2]'",
            used_for="tokenisation",
        )

    def _setup(self, model: str | None) -> None:
        super()._setup(model)
        given = self.settings.converted_dir
        self.converted_root = Path(given).expanduser() if given else default_converted_dir()
        self.device = ""
        self.compute_type = ""
        self.converted_path: Path | None = None
        self.conversions = 0  # conversions this engine performed (0 when reused)
        self._translator: Any = None

    @property
    def translator(self) -> Any:
        """The loaded ``ctranslate2.Translator``."""
        self.load()
        return self._translator

    def _pick_device(self) -> str:
        import ctranslate2

        asked = self.settings.device
        gpus = ctranslate2.get_cuda_device_count()
        if asked == "auto":
            return "cuda" if gpus > 0 else "cpu"
        if asked.startswith("cuda") and gpus == 0:
            raise EngineUnavailable(
                f"device {asked!r} asked for but CTranslate2 sees no CUDA GPU; use device = 'cpu'"
            )
        return asked

    def _load(self) -> None:
        import ctranslate2

        device = self._pick_device()
        compute_type = self.settings.compute_type
        if compute_type == "auto":
            compute_type = "float16" if device.startswith("cuda") else "int8"
        supported = ctranslate2.get_supported_compute_types(device.split(":")[0])
        if compute_type not in supported:
            raise ConfigError(
                f"engine ct2: compute_type {compute_type} is not supported on {device}; "
                f"supported here: {', '.join(sorted(supported))}"
            )
        tokenizer = load_tokenizer(self.model_id, self.resolved.path)
        converted = self._converted(compute_type)
        device_type, _, index = device.partition(":")
        try:
            translator = ctranslate2.Translator(
                str(converted),
                device=device_type,
                device_index=int(index or 0),
                compute_type=compute_type,
                inter_threads=1,
                intra_threads=self.settings.threads or machine_threads(),
            )
        except (RuntimeError, ValueError) as error:
            raise EngineUnavailable(
                f"CTranslate2 could not load {converted} ({error}); delete that folder to "
                "convert the model again"
            ) from error
        self._translator = translator
        self._tokenizer = tokenizer
        self.device = device
        self.compute_type = compute_type
        self._limit = input_limit(self._max_positions(), tokenizer)
        log.info("loaded %s with CTranslate2 on %s (%s)", self.model_id, device, compute_type)

    def _max_positions(self) -> int:
        import json

        config = json.loads((self.resolved.path / "config.json").read_text("utf-8"))
        return int(config.get("max_position_embeddings", 512))

    def _converted(self, compute_type: str) -> Path:
        """The converted model folder, converting the checkpoint if it is not there yet."""
        # Weights are stored as they will run: int8 stays int8 on disk (4x smaller).
        quantization = {"float32": "float32", "int8_float32": "int8"}.get(
            compute_type, compute_type
        )
        slug = re.sub(r"[^A-Za-z0-9_.-]+", "--", self.model_id.strip("/"))[-80:]
        revision = self.resolved.revision.split(":")[-1][:16]
        target = self.converted_root / f"{slug}-{revision}-{quantization}"
        self.converted_path = target
        if (target / "model.bin").is_file():
            return target
        from ctranslate2.converters import TransformersConverter

        self.converted_root.mkdir(parents=True, exist_ok=True)
        # Convert into a private folder and rename it into place: a second process
        # converting at the same time never sees a half-written model.
        work = Path(tempfile.mkdtemp(prefix=".converting-", dir=self.converted_root))
        try:
            converter = TransformersConverter(
                str(self.resolved.path), low_cpu_mem_usage=True, trust_remote_code=False
            )
            converter.convert(str(work / "model"), quantization=quantization, force=True)
            try:
                os.rename(work / "model", target)
            except OSError:
                if not (target / "model.bin").is_file():
                    raise
            self.conversions += 1
            log.info("converted %s to CTranslate2 %s in %s", self.model_id, quantization, target)
        except (OSError, RuntimeError, ValueError) as error:
            raise EngineUnavailable(
                f"could not convert {self.model_id!r} to CTranslate2 ({type(error).__name__}: "
                f"{(str(error).splitlines() or [''])[0][:160]}); engine marian runs it unconverted"
            ) from error
        finally:
            shutil.rmtree(work, ignore_errors=True)
        return target

    def _engine_signature(self) -> dict[str, Any]:
        return {
            "device": self.device.split(":")[0],
            "compute_type": self.compute_type,
            **versions("ctranslate2", "transformers", "sacremoses"),
        }

    def _source_tokens(self, texts: list[str]) -> list[list[str]]:
        ids = self._tokenizer(texts, truncation=False, verbose=False)["input_ids"]
        return [self._tokenizer.convert_ids_to_tokens(row) for row in ids]

    def _generate(self, texts: list[str], max_new_tokens: int) -> list[str]:
        options: dict[str, Any] = {
            "beam_size": self.settings.num_beams,
            # transformers counts the forced end-of-sentence token in max_new_tokens,
            # CTranslate2 does not: one fewer keeps the two engines' outputs identical.
            "max_decoding_length": max(1, max_new_tokens - 1),
        }
        if self.settings.min_new_tokens is not None:
            options["min_decoding_length"] = min(
                self.settings.min_new_tokens, options["max_decoding_length"]
            )
        results = self._translator.translate_batch(self._source_tokens(texts), **options)
        tok = self._tokenizer
        return [
            tok.decode(tok.convert_tokens_to_ids(r.hypotheses[0]), skip_special_tokens=True)
            for r in results
        ]

    def _score_batch(
        self, sources: list[str], targets: list[str]
    ) -> list[list[tuple[str, float]]]:
        tok = self._tokenizer
        target_ids = tok(text_target=targets, truncation=False, verbose=False)["input_ids"]
        eos = tok.eos_token_id
        # CTranslate2 appends the end-of-sentence token itself.
        target_tokens = [
            tok.convert_ids_to_tokens(row[:-1] if row and row[-1] == eos else row)
            for row in target_ids
        ]
        results = self._translator.score_batch(self._source_tokens(sources), target_tokens)
        return [
            list(zip(r.tokens, (float(v) for v in r.log_probs), strict=True)) for r in results
        ]

    def _release(self) -> None:
        self._translator = None
        self._tokenizer = None
