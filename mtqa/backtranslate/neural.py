"""What the neural engines (Marian via transformers, CTranslate2) share.

``NeuralEngine`` owns settings parsing, splitting of inputs longer than the model's limit,
length-sorted token-budget batching, halving a batch that ran out of memory, restoring input
order, and streaming finished texts batch by batch (``iter_batches``) so the cache can store
them at once. Subclasses only load a model, count tokens, generate and score.
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Annotated, Any, ClassVar, TypeVar

from pydantic import PlainValidator

import mtqa
from mtqa.backtranslate import ENGINES
from mtqa.backtranslate.base import ConfiguredEngine, EngineSettings, Flag, PositiveInt, Text
from mtqa.backtranslate.batching import sorted_batches, split_to_fit
from mtqa.backtranslate.hf import ResolvedModel, package_version, resolve_model
from mtqa.errors import EngineUnavailable

log = logging.getLogger(__name__)

def is_out_of_memory(error: BaseException) -> bool:
    """Whether ``error`` is an accelerator out-of-memory error (torch or CTranslate2)."""
    return isinstance(error, (RuntimeError, MemoryError)) and "out of memory" in str(error).lower()


def device_setting(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"must be a string, got {value!r}")
    if value not in ("auto", "cpu", "cuda", "mps") and not value.startswith("cuda:"):
        raise ValueError(f"must be auto, cpu, cuda, cuda:N or mps, got {value!r}")
    return value


class NeuralSettings(EngineSettings):
    """``[[engines]] settings`` every engine running a Marian model takes."""

    device: Annotated[str, PlainValidator(device_setting)] = "auto"
    num_beams: PositiveInt = 4
    batch_size: PositiveInt = 16
    max_tokens: PositiveInt | None = None  # padded-token budget per batch; None = batch_size
    # None = the model's limit. Not derived from the batch: a cap that depended on the
    # other texts of a batch would make a text's translation depend on its neighbours.
    max_new_tokens: PositiveInt | None = None
    min_new_tokens: PositiveInt | None = None  # forces output length (benchmarks only)
    sort_by_length: Flag = True
    # A hub branch, tag, commit or PR ref ("refs/pr/12"): for a repository whose main
    # branch has only pickle weights while a safetensors conversion exists elsewhere.
    revision: Text | None = None


NeuralSettingsT = TypeVar("NeuralSettingsT", bound=NeuralSettings)


class NeuralEngine(ConfiguredEngine[NeuralSettingsT], ABC):
    """Base of the engines that run a Marian model. Loads the model on first use."""

    Settings: ClassVar[type[EngineSettings]] = NeuralSettings

    def _setup(self, model: str | None) -> None:
        self.model_id = model or ENGINES[self.kind].default_model or ""
        self.resolved: ResolvedModel = resolve_model(self.model_id, revision=self.settings.revision)
        self.batch_size: int = self.settings.batch_size
        self._loaded = False
        self._limit = 0  # tokens per input, including the end-of-sentence token
        self._tokenizer: Any = None

    # -- what subclasses provide ---------------------------------------------------------

    @abstractmethod
    def _load(self) -> None:
        """Load the model; set ``self._tokenizer`` and ``self._limit``."""

    @abstractmethod
    def _generate(self, texts: list[str], max_new_tokens: int) -> list[str]:
        """Translate one batch (every text fits the limit)."""

    @abstractmethod
    def _score_batch(
        self, sources: list[str], targets: list[str]
    ) -> list[list[tuple[str, float]]]:
        """Per-token log-probabilities of each target given its source (fitting the limit)."""

    @abstractmethod
    def _engine_signature(self) -> dict[str, Any]:
        """Device, precision and package versions specific to the engine."""

    @abstractmethod
    def _release(self) -> None:
        """Drop the model."""

    # -- shared machinery ----------------------------------------------------------------

    def load(self) -> None:
        """Load the model now (it otherwise loads on first use)."""
        if not self._loaded:
            self._load()
            self._loaded = True

    @property
    def tokenizer(self) -> Any:
        """The checkpoint's ``MarianTokenizer``."""
        self.load()
        return self._tokenizer

    @property
    def limit(self) -> int:
        """Longest input, in tokens including end-of-sentence, the model accepts."""
        self.load()
        return self._limit

    @property
    def signature(self) -> Mapping[str, Any]:
        self.load()
        return {
            "engine": self.kind,
            "model": self.model_id,
            "revision": self.resolved.revision,
            "num_beams": self.settings.num_beams,
            "max_new_tokens": self._max_new_tokens(),
            **(
                {"min_new_tokens": self.settings.min_new_tokens}
                if self.settings.min_new_tokens is not None
                else {}
            ),
            **self._engine_signature(),
            "mtqa": mtqa.__version__,
        }

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        """Source tokens per text, end-of-sentence included."""
        self.load()
        if not texts:
            return []
        ids = self._tokenizer(list(texts), truncation=False, verbose=False)["input_ids"]
        return [len(row) for row in ids]

    def split_for_model(self, text: str) -> list[str]:
        """The pieces ``text`` is translated as: one, unless it is longer than the limit."""
        limit = self.limit
        return split_to_fit(text, lambda piece: self.count_tokens([piece])[0], limit)

    def translate(
        self, texts: Sequence[str], *, progress: Callable[[int], None] | None = None
    ) -> list[str]:
        """Back-translate ``texts`` in order; ``progress`` gets the count finished per batch."""
        outputs: list[str | None] = [None] * len(texts)
        for indexes, done in self.iter_batches(texts):
            for index, text in zip(indexes, done, strict=True):
                outputs[index] = text
            if progress is not None:
                progress(len(indexes))
        return [text if text is not None else "" for text in outputs]

    def iter_batches(self, texts: Sequence[str]) -> Iterator[tuple[list[int], list[str]]]:
        """Translate ``texts``, yielding (input indexes, translations) as texts finish.

        A text split into pieces finishes with the batch that holds its last piece.
        """
        self.load()
        pieces: list[tuple[int, str]] = []  # (text index, piece)
        pending: dict[int, int] = {}  # text index -> pieces not yet translated
        results: dict[int, list[str]] = {}
        blank: list[int] = []
        lengths_in = self.count_tokens([text.strip() for text in texts])
        for index, text in enumerate(texts):
            if not text.strip():
                blank.append(index)  # nothing to translate; a model would invent words
                continue
            parts = [text.strip()]
            if lengths_in[index] > self._limit:
                parts = self.split_for_model(text)
                log.info(
                    "text %d has %d tokens, over the model's %d: translated in %d pieces",
                    index, lengths_in[index], self._limit, len(parts),
                )
            pending[index] = len(parts)
            results[index] = [""] * len(parts)
            pieces.extend((index, part) for part in parts)
        if not pieces:
            if blank:
                yield blank, ["" for _ in blank]
            return

        lengths = [
            lengths_in[index] if pending[index] == 1 else self.count_tokens([piece])[0]
            for index, piece in pieces
        ]
        if self.settings.sort_by_length:
            batches = sorted_batches(
                lengths, batch_size=self.batch_size, max_tokens=self.settings.max_tokens
            )
        else:
            batches = [
                list(range(start, min(start + self.batch_size, len(pieces))))
                for start in range(0, len(pieces), self.batch_size)
            ]
        part_number: dict[int, int] = {}
        counters: dict[int, int] = {}
        for position, (index, _) in enumerate(pieces):
            part_number[position] = counters.get(index, 0)
            counters[index] = part_number[position] + 1

        for batch in batches:
            outputs = self._generate_fitting(
                [pieces[p][1] for p in batch], [lengths[p] for p in batch]
            )
            finished: list[int] = []
            for position, output in zip(batch, outputs, strict=True):
                index = pieces[position][0]
                results[index][part_number[position]] = output.strip()
                pending[index] -= 1
                if pending[index] == 0:
                    finished.append(index)
            if finished:
                done = [" ".join(p for p in results.pop(i) if p) for i in finished]
                # Blank inputs ride with the first batch rather than count as a batch.
                yield finished + blank, done + [""] * len(blank)
                blank = []

    def _generate_fitting(self, texts: list[str], lengths: list[int]) -> list[str]:
        """Generate, halving the batch and retrying when the device runs out of memory."""
        try:
            return self._generate(texts, self._max_new_tokens())
        except (RuntimeError, MemoryError) as error:
            if not is_out_of_memory(error):
                raise
            self._after_out_of_memory()
            if len(texts) == 1:
                raise EngineUnavailable(
                    f"engine {self.name}: out of memory on a single text of {lengths[0]} "
                    "tokens; use device = 'cpu' or a machine with more memory"
                ) from error
            half = len(texts) // 2
            log.warning("out of memory on a batch of %d: retrying as two halves", len(texts))
            return self._generate_fitting(texts[:half], lengths[:half]) + self._generate_fitting(
                texts[half:], lengths[half:]
            )

    def _max_new_tokens(self) -> int:
        # The start token takes one of the model's positions.
        cap = self._limit - 1
        asked = self.settings.max_new_tokens
        return max(1, min(asked, cap)) if asked is not None else cap

    def _after_out_of_memory(self) -> None:
        """Free what the failed batch held (torch: empty the CUDA cache)."""
        return None

    def score(
        self, sources: Sequence[str], targets: Sequence[str]
    ) -> list[list[tuple[str, float]]]:
        """Forced decoding: for each target token, its log-probability given the source.

        One list per (source, target) pair, end-of-sentence token included; the sum is the
        target's log-probability. A source or target longer than the model's limit is cut to
        the limit (logged): the evidence then covers the first part only.
        """
        if len(sources) != len(targets):
            raise ValueError(f"{len(sources)} sources but {len(targets)} targets to score")
        self.load()
        if not sources:
            return []
        sources = [self._clip(s, "source") for s in sources]
        targets = [self._clip(t, "target", target=True) for t in targets]
        lengths = self.count_tokens(sources)
        out: list[list[tuple[str, float]]] = [[] for _ in sources]
        for batch in sorted_batches(
            lengths, batch_size=self.batch_size, max_tokens=self.settings.max_tokens
        ):
            scored = self._score_batch([sources[i] for i in batch], [targets[i] for i in batch])
            for index, tokens in zip(batch, scored, strict=True):
                out[index] = tokens
        return out

    def _clip(self, text: str, what: str, *, target: bool = False) -> str:
        tokenizer = self._tokenizer
        encode = (
            (lambda t: tokenizer(text_target=t)["input_ids"])
            if target
            else (lambda t: tokenizer(t)["input_ids"])
        )
        ids = encode(text)
        if len(ids) <= self._limit:
            return text
        log.warning("%s of %d tokens cut to %d for scoring", what, len(ids), self._limit)
        words = text.split()
        while words and len(encode(" ".join(words))) > self._limit:
            words = words[: max(1, len(words) * self._limit // len(encode(" ".join(words))))]
            if len(words) == 1:
                break
        return " ".join(words)

    def close(self) -> None:
        if self._loaded:
            self._release()
        self._loaded = False

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name!r}, model={self.model_id!r})"


def versions(*names: str) -> dict[str, str]:
    """Installed versions of the named distributions, for signatures."""
    return {name: package_version(name) for name in names}
