"""Where a run's documents are evaluated: here, in a pool of processes, or on a Ray cluster.

The pipeline decides *what* to compute (which documents are missing from the run folder and
the result cache, which sentences need a back-translation); an executor decides *where*:

- ``SerialExecutor``: in this process, one document after the other (``workers = 1``);
- ``PoolExecutor``: a pool of local processes, each loading its models once;
- ``RayExecutor`` (``mtqa.execute_ray``): back-translation as Ray Data batches over an actor
  pool, and each document as a Ray task.

Every executor evaluates a document with the same function (``evaluate_job``) on the same
inputs, so the results are the same whichever runs them; only timings differ. Results come
back in completion order; the pipeline saves each as it arrives and orders the run by its
documents.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mtqa.backtranslate.base import Engine
from mtqa.checks.base import CheckContext
from mtqa.model import Document, DocumentResult, Segment

if TYPE_CHECKING:
    from mtqa.config import RunConfig
    from mtqa.pipeline import EngineSet, ProgressFactory, Timings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DocumentJob:
    """One document to evaluate, with its MT sentences and their back-translations."""

    document: Document
    mt_segments: tuple[Segment, ...]
    translated: Mapping[str, Mapping[str, str]]  # engine -> MT sentence -> back-translation


@dataclass(frozen=True)
class WorkerSetup:
    """What a worker process needs to evaluate documents as this process would."""

    config: RunConfig
    checks: Mapping[str, Any]  # the detectors' settings, paths resolved
    engines: tuple[str, ...]  # the engines that run, in order
    use_cache: bool
    cache_dir: Path | None
    needs_scorer: bool  # a Marian engine ran: detectors use its forced decoding


@dataclass
class Evaluated:
    """A finished document and the seconds each step took on it."""

    position: int  # the job's position in the list given to ``evaluate``
    result: DocumentResult
    seconds: dict[str, float]


def evaluate_job(
    job: DocumentJob, engines: Mapping[str, Engine], context: CheckContext, metrics: Sequence[str]
) -> tuple[DocumentResult, dict[str, float]]:
    """Align, score and check one document whose back-translations are all known."""
    from mtqa.pipeline import Timings, evaluate_document

    timings = Timings()
    result = evaluate_document(
        job.document,
        engines,
        metrics=metrics,
        context=context,
        timings=timings,
        translated=job.translated,
        mt_segments=job.mt_segments,
    )
    return result, {k: v for k, v in timings.seconds.items() if v}


class _Known:
    """An engine stand-in for workers: every back-translation is given with the job."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.signature: Mapping[str, Any] = {}

    def translate(self, texts: Sequence[str], **_: Any) -> list[str]:
        if texts:
            raise RuntimeError(f"engine {self.name!r}: a worker was asked to translate {texts!r}")
        return []

    def close(self) -> None:
        pass


class _WorkerState:
    """A worker's engines and detector context, made once per process."""

    def __init__(self, setup: WorkerSetup) -> None:
        from mtqa.pipeline import open_engines

        self.setup = setup
        self.opened: EngineSet | None = None
        scorer = None
        if setup.needs_scorer:
            self.opened = open_engines(
                setup.config, use_cache=setup.use_cache, cache_dir=setup.cache_dir
            )
            scorer = self.opened.scorer
        self.engines: dict[str, Any] = {name: _Known(name) for name in setup.engines}
        self.context = CheckContext(
            engines=setup.engines, scorer=scorer, settings=setup.checks
        )

    def evaluate(self, job: DocumentJob) -> tuple[DocumentResult, dict[str, float]]:
        return evaluate_job(job, self.engines, self.context, self.setup.config.metrics)


_STATE: dict[int, _WorkerState] = {}


def worker_state(setup: WorkerSetup) -> _WorkerState:
    """This process's state for ``setup`` (models load on the first document only)."""
    key = hash((setup.engines, setup.use_cache, setup.cache_dir, setup.needs_scorer,
                setup.config.model_dump_json(), repr(setup.checks)))
    if key not in _STATE:
        _STATE.clear()
        _STATE[key] = _WorkerState(setup)
    return _STATE[key]


class Executor(ABC):
    """Runs a run's back-translation and its per-document work somewhere."""

    name = "local"
    workers = 1

    def translate(
        self,
        texts: Sequence[str],
        engines: EngineSet,
        timings: Timings,
        progress: ProgressFactory,
    ) -> dict[str, dict[str, str]]:
        """engine -> MT sentence -> back-translation, for every distinct text given."""
        from mtqa.pipeline import _translate_all

        return _translate_all(texts, engines.running, timings, progress)

    @abstractmethod
    def evaluate(
        self, jobs: Sequence[DocumentJob], setup: WorkerSetup, engines: EngineSet
    ) -> Iterator[Evaluated]:
        """Every job's result, in the order they finish."""

    def close(self) -> None:
        """Release workers (a pool, a Ray connection)."""
        return None


class SerialExecutor(Executor):
    """One document after the other, in this process, with the run's own engines."""

    def evaluate(
        self, jobs: Sequence[DocumentJob], setup: WorkerSetup, engines: EngineSet
    ) -> Iterator[Evaluated]:
        context = CheckContext(
            engines=setup.engines, scorer=engines.scorer, settings=setup.checks
        )
        for position, job in enumerate(jobs):
            result, seconds = evaluate_job(job, engines.running, context, setup.config.metrics)
            yield Evaluated(position, result, seconds)


def _watch_parent(parent: int) -> None:
    """End this worker when the process that started it is gone (killed with -9, say)."""
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            os._exit(1)


def _init_pool_worker(setup: WorkerSetup, parent: int) -> None:
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    worker_state(setup)


def _pool_evaluate(position: int, job: DocumentJob) -> tuple[int, DocumentResult, dict[str, float]]:
    state = next(iter(_STATE.values()))
    result, seconds = state.evaluate(job)
    return position, result, seconds


class PoolExecutor(Executor):
    """Documents spread over a pool of local processes; each loads its models once."""

    def __init__(self, workers: int) -> None:
        self.workers = workers

    def evaluate(
        self, jobs: Sequence[DocumentJob], setup: WorkerSetup, engines: EngineSet
    ) -> Iterator[Evaluated]:
        workers = min(self.workers, len(jobs))
        if workers <= 1:  # one document: starting a process would only cost
            yield from SerialExecutor().evaluate(jobs, setup, engines)
            return
        import multiprocessing
        from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

        pool = ProcessPoolExecutor(
            max_workers=workers,
            # spawn, not fork: a forked copy of a process holding torch threads can hang
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_pool_worker,
            initargs=(setup, os.getpid()),
        )
        try:
            # a few jobs ahead of the workers, not every job: memory stays flat
            queue = iter(enumerate(jobs))
            running = set()
            for position, job in queue:
                running.add(pool.submit(_pool_evaluate, position, job))
                if len(running) >= 2 * workers:
                    break
            while running:
                done, running = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    position, result, seconds = future.result()
                    yield Evaluated(position, result, seconds)
                    following = next(queue, None)
                    if following is not None:
                        running.add(pool.submit(_pool_evaluate, *following))
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def create_executor(config: RunConfig, *, backend: str | None = None,
                    workers: int | None = None) -> Executor:
    """The executor a run asks for: ``backend``/``workers`` override ``[execution]``."""
    execution = config.execution
    backend = backend or execution.backend
    workers = workers if workers is not None else execution.workers
    if backend == "ray":
        from mtqa.execute_ray import RayExecutor

        return RayExecutor(config, workers=workers)
    workers = workers or default_workers()
    return SerialExecutor() if workers == 1 else PoolExecutor(workers)

