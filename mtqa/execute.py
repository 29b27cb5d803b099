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
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from mtqa.backtranslate.base import Engine
from mtqa.checks.base import CheckContext
from mtqa.metrics import DocumentStatistics, Statistics, corpus_scores_of, statistics_table
from mtqa.model import Document, DocumentResult, Score, Segment

if TYPE_CHECKING:
    import numpy as np

    from mtqa.config import RunConfig
    from mtqa.pipeline import EngineSet, ProgressFactory, Timings
    from mtqa.store import SpilledTables

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DocumentJob:
    """One document to evaluate, with its MT sentences and their back-translations."""

    document: Document
    mt_segments: tuple[Segment, ...]
    translated: Mapping[str, Mapping[str, str]]  # engine -> MT sentence -> back-translation
    # the document already aligned and scored (``score_document``): only its checks are left
    scored: DocumentResult | None = None


@dataclass(frozen=True)
class WorkerSetup:
    """What a worker process needs to evaluate documents as this process would."""

    config: RunConfig
    checks: Mapping[str, Any]  # the detectors' settings, paths resolved
    engines: tuple[str, ...]  # the engines that run, in order
    needs_scorer: bool  # a Marian engine ran: detectors use its forced decoding


# engine -> metric -> a document's ``statistics_table``
ScoredStatistics = Mapping[str, Mapping[str, "np.ndarray"]]


@dataclass
class Evaluated:
    """A finished document and the seconds each step took on it."""

    position: int  # the job's position in the list given to ``evaluate``
    result: DocumentResult
    seconds: dict[str, float]
    # the segment statistics of its corpus scores, when it was scored: the run's corpus
    # scores are made of them (``scored_statistics``)
    statistics: ScoredStatistics | None = None


def evaluate_job(
    job: DocumentJob,
    engines: Mapping[str, Engine],
    context: CheckContext,
    metrics: Sequence[str],
    *,
    check: bool = True,
) -> tuple[DocumentResult, dict[str, float], ScoredStatistics | None]:
    """Align, score and (``check``) check one document whose back-translations are all
    known; a job already scored is only checked. With the result, the seconds each step
    took and, when it was scored here, the segment statistics of its scores."""
    from mtqa.pipeline import Timings, check_document, score_document

    timings = Timings()
    result = job.scored
    tables = None
    if result is None:
        statistics = DocumentStatistics()  # each segment's statistics extracted once
        result = score_document(
            job.document,
            engines,
            metrics=metrics,
            context=context,
            timings=timings,
            translated=job.translated,
            mt_segments=job.mt_segments,
            statistics=statistics,
        )
        tables = scored_statistics(result, metrics, statistics)
    if check:
        result = check_document(result, context, timings)
    return result, {k: v for k, v in timings.seconds.items() if v}, tables


def scored_statistics(
    result: DocumentResult, metrics: Sequence[str], statistics: Statistics | None = None
) -> dict[str, dict[str, np.ndarray]]:
    """The segment statistics of a document's corpus scores, every engine's: a few numbers a
    sentence, which the run's corpus scores are made of without the texts."""
    from mtqa.pipeline import scored_texts

    tables = {}
    for name in result.back_translations:
        hypotheses, references = scored_texts(result.pairs, name)
        tables[name] = {
            metric: statistics_table(metric, hypotheses, references, statistics)
            for metric in metrics
        }
    return tables


def run_scores(
    results: Sequence[DocumentResult],
    ids: Sequence[str],
    engines: Sequence[str],
    metrics: Sequence[str],
    tables: SpilledTables,
) -> dict[str, tuple[Score, ...]]:
    """Corpus scores over the documents ``ids`` (their ``results``), from each one's segment
    statistics set aside as it was scored (``tables``; extracted here for a document resumed
    or cached): a few numbers a sentence are held, never the texts."""
    import numpy as np

    for position, key in enumerate(ids):
        if key not in tables:
            tables.put(key, scored_statistics(results[position], metrics))
    joined = tables.joined(ids)
    return {
        name: corpus_scores_of(
            {metric: joined.get(name, {}).get(metric, np.empty(0)) for metric in metrics}
        )
        for name in engines
    }


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
            self.opened = open_engines(setup.config)
            scorer = self.opened.scorer
        self.engines: dict[str, Any] = {name: _Known(name) for name in setup.engines}
        self.context = CheckContext(engines=setup.engines, scorer=scorer, settings=setup.checks)

    def evaluate(
        self, job: DocumentJob, *, check: bool = True
    ) -> tuple[DocumentResult, dict[str, float], ScoredStatistics | None]:
        return evaluate_job(
            job, self.engines, self.context, self.setup.config.metrics, check=check
        )

    def evaluated(self, position: int, job: DocumentJob, *, check: bool = True) -> Evaluated:
        """The job done here, for another process: with the statistics of its scores when
        it was scored here."""
        return Evaluated(position, *self.evaluate(job, check=check))


_STATE: dict[int, _WorkerState] = {}


def worker_state(setup: WorkerSetup) -> _WorkerState:
    """This process's state for ``setup`` (models load on the first document only)."""
    key = hash(
        (
            setup.engines,
            setup.needs_scorer,
            setup.config.model_dump_json(),
            repr(setup.checks),
        )
    )
    if key not in _STATE:
        _STATE.clear()
        _STATE[key] = _WorkerState(setup)
    return _STATE[key]


# A sentence with a name, a number, a negation and a date: checking it loads what the
# detectors use (spaCy's pipelines, the dictionaries, the lexicons).
_WARM_UP = (
    "Le ministre Jean Martin n'a pas signé lundi l'accord de 40 millions d'euros à Lyon.",
    "Minister Jean Martin did not sign the 40 million euro agreement in Lyon on Monday.",
)


def start_dictionary() -> None:
    """Start the dictionary's processes, which load while other work goes on."""
    from mtqa.language.apertium import DictionaryError, dictionary

    try:
        dictionary().start()
    except (OSError, DictionaryError) as error:  # a lookup will say why
        log.debug("dictionary not started: %s", error)


def warm_up(setup: WorkerSetup) -> None:
    """Load the detectors' models by checking a one-sentence document, result unused."""
    from mtqa.pipeline import segments_of

    start_dictionary()

    document = Document("warm-up", *_WARM_UP)
    mt = segments_of(document, "mt")
    job = DocumentJob(
        document, mt, {name: {s.text: _WARM_UP[1] for s in mt} for name in setup.engines}
    )
    context = CheckContext(engines=setup.engines, scorer=None, settings=setup.checks)
    try:
        evaluate_job(
            job, {name: _Known(name) for name in setup.engines}, context, setup.config.metrics
        )
    except Exception as error:  # noqa: BLE001 - only time is at stake; a real document says why
        log.debug("warm-up failed: %s", error)


def _run_into(future: Future[None], function: Callable[..., None], *args: Any) -> None:
    try:
        function(*args)
    except BaseException as error:  # noqa: BLE001 - handed to whoever waits on it
        future.set_exception(error)
    else:
        future.set_result(None)


class Executor(ABC):
    """Runs a run's back-translation and its per-document work somewhere."""

    name = "local"
    workers = 1
    _warming: Future[None] | None = None

    def prepare(self, setup: WorkerSetup) -> None:
        """Start loading the detectors' models in the background, so that their loading
        overlaps the back-translation (not with a Marian scorer: its model loads apart)."""
        if setup.needs_scorer or self._warming is not None:
            return
        self._warming = Future()
        threading.Thread(
            target=_run_into, args=(self._warming, warm_up, setup), daemon=True
        ).start()

    def _warmed(self) -> None:
        """Wait for ``prepare``'s loading: models are not shared between two threads."""
        if self._warming is not None:
            self._warming.result()

    progress_label = ""  # said after the engine's name in the progress bar

    def translate(
        self,
        texts: Sequence[str],
        engines: EngineSet,
        timings: Timings,
        progress: ProgressFactory,
    ) -> dict[str, dict[str, str]]:
        """engine -> MT sentence -> back-translation, for every distinct text given.

        One call per engine over the whole run fills the engines' batches (an Apertium
        process start, a Marian batch) across document boundaries; the cache still receives
        each batch as it finishes, so an interruption loses at most one batch.
        """
        distinct = list(dict.fromkeys(texts))
        translated = {}
        for name, engine in engines.running.items():
            with timings.step("backtranslate"):
                update = progress(f"back-translating ({name}{self.progress_label})", len(distinct))
                translated[name] = self.translate_engine(engine, distinct, update)
        return translated

    def translate_engine(
        self, engine: Engine, texts: list[str], update: Callable[[int], None]
    ) -> dict[str, str]:
        """One engine's back-translation of distinct texts (here, through its cache)."""
        return dict(zip(texts, engine.translate(texts, progress=update), strict=True))

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
        self._warmed()
        context = CheckContext(engines=setup.engines, scorer=engines.scorer, settings=setup.checks)
        for position, job in enumerate(jobs):
            yield Evaluated(
                position, *evaluate_job(job, engines.running, context, setup.config.metrics)
            )


def dispatch(
    jobs: Sequence[DocumentJob],
    submit: Callable[[int, DocumentJob], Any],
    finished: Callable[[set[Any]], tuple[Iterable[Any], set[Any]]],
    collect: Callable[[Any], Evaluated],
    ahead: int,
) -> Iterator[Evaluated]:
    """Every job's result as it finishes, with at most ``ahead`` jobs handed out at a time
    (not every job at once: memory stays flat). ``submit`` hands a job to a worker and
    returns its pending result, ``finished`` waits for some of the pending results and says
    which are done, ``collect`` reads one."""
    queue = iter(enumerate(jobs))
    running: set[Any] = set()
    for position, job in queue:
        running.add(submit(position, job))
        if len(running) >= ahead:
            break
    while running:
        done, running = finished(running)
        for pending in done:
            yield collect(pending)
            following = next(queue, None)
            if following is not None:
                running.add(submit(*following))


def _watch_parent(parent: int) -> None:
    """End this worker when the process that started it is gone (killed with -9, say)."""
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            os._exit(1)


def _init_pool_worker(setup: WorkerSetup, parent: int, checks: bool = True) -> None:
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    worker_state(setup)
    if checks:  # a worker that checks documents looks words up from its first document
        start_dictionary()


def _pool_evaluate(position: int, job: DocumentJob) -> Evaluated:
    return next(iter(_STATE.values())).evaluated(position, job)


def _pool_score(position: int, job: DocumentJob) -> Evaluated:
    return next(iter(_STATE.values())).evaluated(position, job, check=False)


def _started() -> None:
    """A first task, so that a pool's processes are started when it is done."""


def _can_fork(setup: WorkerSetup) -> bool:
    """Whether workers may be forked from this process: a forked copy of a process whose
    torch or CTranslate2 threads have run can hang, and Ray's threads are its own."""
    import multiprocessing
    import sys

    from mtqa.backtranslate import ENGINES

    # Only engines that run no model threads here (the registry's fork_safe); spaCy imports
    # torch through thinc, but its small pipelines never run a torch thread.
    return (
        "fork" in multiprocessing.get_all_start_methods()
        and "ray" not in sys.modules
        and not setup.needs_scorer
        and all(ENGINES[spec.kind].fork_safe for spec in setup.config.engines)
    )


class PoolExecutor(Executor):
    """Documents spread over a pool of local processes; each loads its models once.

    Where it is safe (no neural engine runs in this process), the workers are forked from
    this process once it has loaded every model the detectors use (the warm-up, then the
    first document, evaluated here): they start with those models instead of loading them
    again each. While this process loads them, one process forked before the loading
    began aligns and scores documents (which needs none of those models), so that the
    workers have only their checks left. Otherwise the workers are fresh processes that
    load their own models.
    """

    # documents aligned and scored ahead of their checks are held here until a worker takes
    # them: up to about this many MT sentences (memory stays flat on a long batch)
    SCORED_AHEAD = 2_000

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._scoring: Any = None  # the pool of one process that scores during the warm-up

    def prepare(self, setup: WorkerSetup) -> None:
        if self._scoring is None and self.workers > 1 and _can_fork(setup):
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            # forked now, before the warm-up thread starts: a process is forked with no
            # other thread running, and without the models it does not need
            self._scoring = ProcessPoolExecutor(
                max_workers=1,
                mp_context=multiprocessing.get_context("fork"),
                initializer=_init_pool_worker,
                initargs=(setup, os.getpid(), False),
            )
            self._scoring.submit(_started).result()
        super().prepare(setup)

    def _stop_scoring(self) -> None:
        if self._scoring is not None:
            self._scoring.shutdown(wait=True, cancel_futures=True)
            self._scoring = None

    def _score_while_warming(
        self, jobs: Sequence[DocumentJob]
    ) -> dict[int, Evaluated]:
        """Documents aligned and scored by the scoring process, by position, until the
        warm-up is done (in order, and no more than ``SCORED_AHEAD`` MT sentences)."""
        from concurrent.futures import FIRST_COMPLETED, wait

        scored: dict[int, Evaluated] = {}
        if self._scoring is None or self._warming is None:
            return scored
        queue = iter(enumerate(jobs))
        running: dict[Any, int] = {}
        held = 0
        try:
            while True:
                while held < self.SCORED_AHEAD and len(running) < 2:
                    following = next(queue, None)
                    if following is None:
                        break
                    position, job = following
                    held += len(job.mt_segments)
                    running[self._scoring.submit(_pool_score, position, job)] = position
                if not running or self._warming.done():
                    break
                done, _ = wait([self._warming, *running], return_when=FIRST_COMPLETED)
                for future in done:
                    if future in running:
                        del running[future]
                        evaluated = future.result()
                        scored[evaluated.position] = evaluated
            # the models are loaded: what the scoring process has started, it finishes;
            # the workers score the rest themselves
            for future in running:
                if not future.cancel():
                    evaluated = future.result()
                    scored[evaluated.position] = evaluated
        finally:
            self._stop_scoring()
        return scored

    def evaluate(
        self, jobs: Sequence[DocumentJob], setup: WorkerSetup, engines: EngineSet
    ) -> Iterator[Evaluated]:
        workers = min(self.workers, len(jobs))
        if workers <= 1:  # one document: starting a process would only cost
            self._stop_scoring()
            self._warmed()
            yield from SerialExecutor().evaluate(jobs, setup, engines)
            return
        import multiprocessing
        from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

        fork = _can_fork(setup)
        scored = self._score_while_warming(jobs) if fork else {}
        self._warmed()
        # the scored documents are handed out with their checks alone left
        jobs = [
            replace(job, scored=scored[position].result) if position in scored else job
            for position, job in enumerate(jobs)
        ]

        def finish(evaluated: Evaluated) -> Evaluated:
            """A checked document with what its scoring measured, when done apart."""
            before = scored.pop(evaluated.position, None)
            if before is None:
                return evaluated
            seconds = dict(before.seconds)
            for step, value in evaluated.seconds.items():
                seconds[step] = seconds.get(step, 0.0) + value
            return Evaluated(
                evaluated.position, evaluated.result, seconds,
                evaluated.statistics or before.statistics,
            )

        first = 0
        if fork:
            # the worker state made here, models loaded by the first document, is inherited
            yield finish(worker_state(setup).evaluated(0, jobs[0]))
            first = 1
        pool = ProcessPoolExecutor(
            max_workers=workers,
            # spawn where forking is unsafe: a forked copy of a process holding torch
            # threads can hang
            mp_context=multiprocessing.get_context("fork" if fork else "spawn"),
            initializer=_init_pool_worker,
            initargs=(setup, os.getpid()),
        )

        def finished(running: set[Any]) -> tuple[Iterable[Any], set[Any]]:
            done, left = wait(running, return_when=FIRST_COMPLETED)
            return done, set(left)

        try:
            yield from dispatch(
                jobs[first:],
                lambda position, job: pool.submit(_pool_evaluate, position + first, job),
                finished,
                lambda future: finish(future.result()),
                ahead=2 * workers,
            )
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def close(self) -> None:
        self._stop_scoring()


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def create_executor(config: RunConfig) -> Executor:
    """The executor the run's ``[execution]`` table asks for."""
    workers = config.execution.workers
    if config.execution.backend == "ray":
        from mtqa.execute_ray import RayExecutor

        return RayExecutor(config)
    workers = workers or default_workers()
    return SerialExecutor() if workers == 1 else PoolExecutor(workers)
