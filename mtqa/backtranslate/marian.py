"""The MarianMT engine: transformers ``MarianMTModel`` + ``MarianTokenizer``, French → English.

torch and transformers are imported here only, when the model loads. Weights load from
safetensors only and never with ``trust_remote_code``; finding the checkpoint is ``hf.py``'s
job, batching and splitting ``neural.py``'s.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated, Any, ClassVar

from pydantic import PlainValidator

from mtqa.backtranslate.base import EngineSettings
from mtqa.backtranslate.neural import NeuralEngine, NeuralSettings, versions
from mtqa.errors import ConfigError, EngineUnavailable

log = logging.getLogger(__name__)

DTYPES = {
    "fp32": "float32",
    "float32": "float32",
    "fp16": "float16",
    "float16": "float16",
    "bf16": "bfloat16",
    "bfloat16": "bfloat16",
}


def pick_device(requested: str) -> str:
    """``auto`` → cuda, else mps, else cpu; an explicit device must exist."""
    import torch

    if requested == "auto":
        if torch.cuda.is_available():
            return "cuda"
        mps = getattr(torch.backends, "mps", None)
        if mps is not None and mps.is_available():
            return "mps"
        return "cpu"
    if requested.startswith("cuda") and not torch.cuda.is_available():
        raise EngineUnavailable(
            f"device {requested!r} asked for but torch sees no CUDA GPU; use device = 'cpu'"
        )
    if requested == "mps":
        mps = getattr(torch.backends, "mps", None)
        if mps is None or not mps.is_available():
            raise EngineUnavailable("device 'mps' asked for but not available; use device = 'cpu'")
    return requested


def _unloadable(model: str, path: Path, error: Exception) -> EngineUnavailable:
    first_line = (str(error).splitlines() or [""])[0][:160]
    return EngineUnavailable(
        f"model {model!r} could not be loaded from {path} ({type(error).__name__}: "
        f"{first_line}); check the folder holds a MarianMT checkpoint"
    )


def load_tokenizer(model: str, path: Path) -> Any:
    """The checkpoint's ``MarianTokenizer`` (both neural engines tokenise with it)."""
    from transformers import MarianTokenizer

    try:
        # The folder is already resolved on disk: never ask the hub again.
        return MarianTokenizer.from_pretrained(path, local_files_only=True)
    except (OSError, ValueError, TypeError) as error:
        raise _unloadable(model, path, error) from error


def input_limit(max_positions: int, tokenizer: Any) -> int:
    """Longest input in tokens: the model's positions, or the tokenizer's limit if lower."""
    limits = [int(max_positions)]
    if 0 < tokenizer.model_max_length < 100_000:  # "no limit" is stored as a huge number
        limits.append(int(tokenizer.model_max_length))
    return min(limits)


def _dtype(value: Any) -> str:
    dtype = str(value).lower()
    if dtype != "auto" and dtype not in DTYPES:
        raise ValueError(f"must be auto, fp32, fp16 or bf16, got {dtype!r}")
    return dtype


class MarianSettings(NeuralSettings):
    """``[[engines]] settings`` of a Marian engine: the neural ones and the precision."""

    dtype: Annotated[str, PlainValidator(_dtype)] = "auto"  # auto = fp16 on CUDA, else fp32


class MarianEngine(NeuralEngine[MarianSettings]):
    """Back-translation with a MarianMT checkpoint (default ``Helsinki-NLP/opus-mt-fr-en``).

    Settings: ``MarianSettings``.
    """

    kind: ClassVar[str] = "marian"
    Settings: ClassVar[type[EngineSettings]] = MarianSettings

    def _check_installed(self) -> None:
        self._require(
            ["torch", "transformers", "sentencepiece", "safetensors"],
            "pip install 'mtqa[marian]' (or use --engine apertium)",
        )

    def _setup(self, model: str | None) -> None:
        super()._setup(model)
        self._model: Any = None
        self.device = ""
        self.dtype = ""

    @property
    def model(self) -> Any:
        """The loaded ``MarianMTModel``."""
        self.load()
        return self._model

    def _load(self) -> None:
        import torch
        from transformers import MarianMTModel

        device = pick_device(self.settings.device)
        asked = self.settings.dtype
        if asked == "auto":
            dtype = "float16" if device.startswith("cuda") else "float32"
        else:
            dtype = DTYPES[asked]
        if dtype == "float16" and device == "cpu":
            raise ConfigError("engine marian: dtype fp16 needs a GPU; use fp32 or bf16 on CPU")
        path = self.resolved.path
        tokenizer = load_tokenizer(self.model_id, path)
        try:
            model: Any = MarianMTModel.from_pretrained(
                path,
                use_safetensors=True,
                dtype=getattr(torch, dtype),
                trust_remote_code=False,
                local_files_only=True,
            )
        except (OSError, ValueError) as error:
            raise _unloadable(self.model_id, path, error) from error
        model = model.to(device).eval()
        self._model = model
        self._tokenizer = tokenizer
        self.device = device
        self.dtype = dtype
        self._limit = input_limit(model.config.max_position_embeddings, tokenizer)
        log.info("loaded %s on %s (%s)", self.model_id, device, dtype)

    def _engine_signature(self) -> dict[str, Any]:
        return {
            "device": self.device.split(":")[0],
            "dtype": self.dtype,
            # sacremoses normalises source punctuation in MarianTokenizer when installed.
            **versions("torch", "transformers", "sacremoses"),
        }

    def _generate(self, texts: list[str], max_new_tokens: int) -> list[str]:
        import torch

        batch = self._tokenizer(texts, return_tensors="pt", padding=True).to(self.device)
        options: dict[str, Any] = {
            "num_beams": self.settings.num_beams,
            "max_new_tokens": max_new_tokens,
            "do_sample": False,
        }
        if self.settings.min_new_tokens is not None:
            options["min_new_tokens"] = min(self.settings.min_new_tokens, max_new_tokens)
        with torch.inference_mode():
            generated = self._model.generate(**batch, **options)
        return self._tokenizer.batch_decode(generated, skip_special_tokens=True)

    def _score_batch(
        self, sources: list[str], targets: list[str]
    ) -> list[list[tuple[str, float]]]:
        import torch

        tok = self._tokenizer
        batch = tok(sources, return_tensors="pt", padding=True).to(self.device)
        labels = tok(text_target=targets, return_tensors="pt", padding=True)["input_ids"].to(
            self.device
        )
        decoder_input = self._model.prepare_decoder_input_ids_from_labels(labels=labels)
        with torch.inference_mode():
            logits = self._model(**batch, decoder_input_ids=decoder_input).logits
        logprobs = torch.log_softmax(logits.float(), dim=-1)
        picked = logprobs.gather(-1, labels.unsqueeze(-1)).squeeze(-1).cpu()
        pad = tok.pad_token_id
        out: list[list[tuple[str, float]]] = []
        for row_ids, row_scores in zip(labels.cpu().tolist(), picked.tolist(), strict=True):
            n = len(row_ids)
            while n > 0 and row_ids[n - 1] == pad:
                n -= 1
            tokens = tok.convert_ids_to_tokens(row_ids[:n])
            out.append(list(zip(tokens, row_scores[:n], strict=True)))
        return out

    def _after_out_of_memory(self) -> None:
        import torch

        if torch.cuda.is_available():
            torch.cuda.empty_cache()

    def _release(self) -> None:
        self._model = None
        self._tokenizer = None
        self._after_out_of_memory()
