"""The Ray executor: a run's work spread over a Ray cluster (``pip install 'mtqa[ray]'``).

What runs where:

- this process (the driver) reads and segments the documents, looks every sentence up in
  the translation cache, writes what comes back into it, and saves each finished document
  into the run folder, exactly as a local run does;
- back-translation of the sentences the cache lacks runs as Ray Data ``map_batches`` over a
  pool of actors, each holding one engine (a model loaded once), with a GPU per actor where
  the cluster has GPUs;
- alignment, scoring and detection run per document as Ray tasks; each Ray worker process
  loads the detectors' models once (``mtqa.execute.worker_state``).

Document keys, cache keys and the run folder layout are the local run's, so a Ray run
resumes a local one and the other way round.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from mtqa.backtranslate.base import Engine
from mtqa.errors import ConfigError
from mtqa.execute import (
    DocumentJob,
    Evaluated,
    Executor,
    WorkerSetup,
    dispatch,
    worker_state,
)

if TYPE_CHECKING:
    from mtqa.config import RunConfig
    from mtqa.pipeline import EngineSet

log = logging.getLogger(__name__)

INSTALL_HINT = "the ray executor needs Ray: pip install 'mtqa[ray]' (or drop --executor ray)"


def _import_ray() -> Any:
    try:
        import ray
        import ray.data  # noqa: F401  (the translation step needs Ray Data too)
    except ImportError:
        raise ConfigError(INSTALL_HINT) from None
    return ray


class TranslationActor:
    """One back-translation engine, loaded once, translating Ray Data batches."""

    def __init__(self, name: str, kind: str, model: str | None, settings: Mapping[str, Any]):
        from mtqa.backtranslate import create_engine
        from mtqa.backtranslate.cache import signature_text

        self.engine = create_engine(name=name, kind=kind, model=model, settings=dict(settings))
        self.signature = signature_text(self.engine.signature)

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        import numpy as np

        texts = [str(text) for text in batch["text"]]
        translations = self.engine.translate(texts)
        return {
            "text": np.array(texts, dtype=object),
            "translation": np.array(translations, dtype=object),
            "signature": np.array([self.signature] * len(texts), dtype=object),
        }


def _evaluate_task(setup: WorkerSetup, position: int, job: DocumentJob) -> Evaluated:
    return worker_state(setup).evaluated(position, job)


class RayExecutor(Executor):
    """Back-translation on a Ray actor pool, documents as Ray tasks."""

    name = "ray"
    progress_label = ", Ray"

    def __init__(self, config: RunConfig) -> None:
        self.ray = _import_ray()
        self.config = config
        self.execution = execution = config.execution
        self._started = False
        if not self.ray.is_initialized():
            # address None: a Ray of this machine's own, ended with the run
            self.ray.init(
                address=execution.address,
                include_dashboard=False,
                log_to_driver=False,
                logging_level=logging.WARNING,
            )
            self._started = True
        context = self.ray.data.DataContext.get_current()
        context.enable_progress_bars = False
        context.print_on_execution_start = False
        resources = self.ray.cluster_resources()
        self.cpus = float(resources.get("CPU", 1.0))
        self.gpus = float(resources.get("GPU", 0.0))
        per_worker = execution.cpus_per_worker
        self.workers = execution.workers or max(1, int(self.cpus // per_worker))

    def prepare(self, setup: WorkerSetup) -> None:
        """Nothing to load here: the Ray workers load their own models."""

    # ---- back-translation --------------------------------------------------------------

    def translate_engine(
        self, engine: Engine, texts: list[str], update: Callable[[int], None]
    ) -> dict[str, str]:
        from mtqa.backtranslate.cache import signature_text

        signature = signature_text(engine.signature)
        cache = getattr(engine, "cache", None)
        stats = engine.stats  # type: ignore[attr-defined]  # the caching wrapper's
        done = cache.get_many(signature, texts) if cache is not None and texts else {}
        stats["hits"] += len(done)
        if done:
            update(len(done))
        missing = [text for text in texts if text not in done]
        if not missing:
            return done
        spec = next(e for e in self.config.engines if e.name == engine.name)
        gpus = self.execution.gpus_per_worker
        if gpus is None:
            gpus = 1.0 if self.gpus >= 1 else 0.0
        actors = self.execution.translation_actors or max(1, int(self.gpus // gpus) if gpus else 1)
        batch_size = self.execution.batch_size
        dataset = self.ray.data.from_items(
            [{"text": text} for text in missing],
            override_num_blocks=max(1, min(len(missing) // batch_size + 1, 4 * actors)),
        ).map_batches(
            TranslationActor,
            fn_constructor_kwargs={
                "name": engine.name,
                "kind": spec.kind,
                "model": spec.model,
                "settings": dict(spec.settings),
            },
            batch_size=batch_size,
            batch_format="numpy",
            compute=self.ray.data.ActorPoolStrategy(size=actors),
            num_cpus=self.execution.cpus_per_worker,
            num_gpus=gpus,
        )
        for batch in dataset.iter_batches(batch_size=None, batch_format="numpy"):
            pairs = [
                (str(s), str(t)) for s, t in zip(batch["text"], batch["translation"], strict=True)
            ]
            theirs = {str(s) for s in batch["signature"]}
            if theirs != {signature}:
                raise ConfigError(
                    f"engine {engine.name!r} runs differently on the Ray actors "
                    f"({sorted(theirs)[0]}) than here ({signature}): set its device and dtype "
                    "in the engine's settings so both agree"
                )
            if cache is not None:
                cache.put_many(signature, pairs)
            done.update(pairs)
            stats["misses"] += len(pairs)
            stats["batches"] += 1
            update(len(pairs))
        return done

    # ---- per-document work -------------------------------------------------------------

    def evaluate(
        self, jobs: Sequence[DocumentJob], setup: WorkerSetup, engines: EngineSet
    ) -> Iterator[Evaluated]:
        if not jobs:
            return
        ray = self.ray
        task = ray.remote(num_cpus=self.execution.cpus_per_worker)(_evaluate_task)
        shared = ray.put(setup)

        def finished(running: set[Any]) -> tuple[Iterable[Any], set[Any]]:
            ready, left = ray.wait(list(running), num_returns=1)
            return ready, set(left)

        yield from dispatch(
            jobs,
            lambda position, job: task.remote(shared, position, job),
            finished,
            ray.get,
            ahead=self.workers,
        )

    def close(self) -> None:
        if self._started:
            self.ray.shutdown()
            self._started = False
