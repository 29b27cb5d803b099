"""The run: load → segment → back-translate → align → score → detect → report.

Each step is a plain function of the previous step's output; this module calls them in
order, records each step's wall time, and writes the run folder. Engines are created once
per run; an engine that cannot run here is skipped (and said so) unless it is required.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from mtqa import __version__
from mtqa.align import align
from mtqa.backtranslate.base import Engine
from mtqa.bilingual import load_bilingual, unit_pairs, unit_segments
from mtqa.checks.base import CheckContext, ForcedScorer
from mtqa.checks.structure import furniture_indexes
from mtqa.compare import Comparison, compare
from mtqa.config import BilingualSpec, DocumentSpec, RunConfig, load_config, parse_config
from mtqa.documents import load_document
from mtqa.errors import ConfigError, EngineUnavailable
from mtqa.execute import DocumentJob, WorkerSetup, create_executor, run_scores
from mtqa.metrics import (
    DocumentStatistics,
    corpus_scores,
    segment_scores,
)
from mtqa.model import (
    Document,
    DocumentResult,
    EngineInfo,
    Pair,
    RunResult,
    Score,
    Segment,
    Side,
    Subset,
)
from mtqa.prechecks import check_before_work
from mtqa.review import apply_decisions, load_decisions
from mtqa.runfolder import check_writable, document_key, write_outputs
from mtqa.runstats import RunStats, Throughput, aggregate, findings_by_system
from mtqa.segment import segment
from mtqa.store import (
    ResultCache,
    SavedDocuments,
    SpilledTables,
    cached_language_warnings,
    cached_run_scores,
    read_saved,
    saved_path,
    write_saved,
)

log = logging.getLogger(__name__)

# (what is being done, how many units in all) -> a callback taking how many units just finished
ProgressFactory = Callable[[str, int], Callable[[int], None]]

STEPS = ("load", "segment", "engines", "backtranslate", "align", "score", "detect", "report")

# Above this many MT sentences to evaluate, a run says what it is about to do and about how
# long it will take, before any of it.
ANNOUNCE_ABOVE = 5000
# Seconds per MT sentence on the 2-core development machine, shared with other work
# (benchmarks/results/longdoc.json: one document of 5,264 sentences, all detectors):
# back-translation by engine kind (Marian and CTranslate2 from benchmarks/results/
# backtranslate-cpu.json, beam 4, batch 32), then alignment, scores and checks together.
_SECONDS_PER_SENTENCE = {"apertium": 0.013, "marian": 0.47, "ct2": 0.14}
_SECONDS_PER_SENTENCE_EVALUATED = 0.06


def plan_message(documents: int, sentences: int, engines: Sequence[str]) -> str | None:
    """What a large run is about to do and an estimate of its time (None for a small run).

    ``engines`` are the kinds of the engines that run; the estimate counts every sentence
    as new to the translation cache, so a rerun is faster than it says."""
    if sentences <= ANNOUNCE_ABOVE:
        return None
    seconds = sentences * (
        sum(_SECONDS_PER_SENTENCE.get(kind, 0.5) for kind in engines)
        + _SECONDS_PER_SENTENCE_EVALUATED
    )
    minutes = max(1, round(seconds / 60))
    return (
        f"{documents} document{'s' if documents != 1 else ''}, {sentences} MT sentences: "
        f"back-translating them ({', '.join(engines)}), then aligning, scoring and checking "
        f"each document; about {minutes} min on 2 CPU cores (less for sentences already in "
        "the translation cache)"
    )


def _no_progress(description: str, total: int) -> Callable[[int], None]:
    return lambda done: None


@dataclass
class Timings:
    """Wall time per pipeline step, summed over documents."""

    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STEPS, 0.0))

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start


@dataclass
class EngineSet:
    """The engines of a run: those that run (wrapped in the cache) and those skipped."""

    running: dict[str, Engine]
    infos: list[EngineInfo]
    cache: Any = None

    def close(self) -> None:
        for engine in self.running.values():
            engine.close()
        if self.cache is not None:
            self.cache.close()

    @property
    def scorer(self) -> ForcedScorer | None:
        """Forced decoding from the first engine that offers it (a Marian model)."""
        for engine in self.running.values():
            score = getattr(engine, "score", None)
            if callable(score):
                return score  # type: ignore[no-any-return]
        return None

    def stats(self) -> dict[str, Any]:
        return {name: dict(getattr(e, "stats", {})) for name, e in self.running.items()}


def open_engines(config: RunConfig) -> EngineSet:
    """Create every configured engine; skip the unavailable ones unless required."""
    from mtqa.backtranslate import CachingEngine, TranslationCache, create_engine

    created: dict[str, Engine] = {}
    infos: list[EngineInfo] = []
    try:
        for spec in config.engines:
            try:
                engine = create_engine(
                    name=spec.name, kind=spec.kind, model=spec.model, settings=spec.settings
                )
            except EngineUnavailable as error:
                if spec.required:
                    raise EngineUnavailable(f"required engine {spec.name!r}: {error}") from None
                log.info("engine %s skipped: %s", spec.name, error)
                signature = {"engine": spec.kind, "model": spec.model or ""}
                infos.append(EngineInfo(spec.name, spec.kind, signature, skipped=str(error)))
                continue
            created[spec.name] = engine
            infos.append(EngineInfo(spec.name, spec.kind, dict(engine.signature)))
        if not created:
            reasons = "; ".join(f"{i.name}: {i.skipped}" for i in infos)
            raise EngineUnavailable(f"no back-translation engine can run here ({reasons})")
        # The cache is opened once every engine's settings are known to be good.
        cache = None
        if config.cache.enabled:
            cache = TranslationCache(config.cache_directory())
    except BaseException:
        for opened in created.values():
            opened.close()
        raise
    running: dict[str, Engine] = {
        name: CachingEngine(engine, cache) for name, engine in created.items()
    }
    return EngineSet(running, infos, cache)


def evaluate_document(
    document: Document,
    engines: Mapping[str, Engine],
    *,
    metrics: Sequence[str],
    context: CheckContext,
    timings: Timings | None = None,
    progress: ProgressFactory = _no_progress,
    translated: Mapping[str, Mapping[str, str]] | None = None,
    mt_segments: tuple[Segment, ...] | None = None,
) -> DocumentResult:
    """Segment, back-translate, align, score and check one document.

    ``translated`` (engine -> French text -> English) holds back-translations already made
    for this run; the engines are asked only for what is not there. ``mt_segments`` are the
    MT's sentences when the caller has already split them.
    """
    timings = timings or Timings()
    result = score_document(
        document,
        engines,
        metrics=metrics,
        context=context,
        timings=timings,
        progress=progress,
        translated=translated,
        mt_segments=mt_segments,
    )
    return check_document(result, context, timings)


def score_document(
    document: Document,
    engines: Mapping[str, Engine],
    *,
    metrics: Sequence[str],
    context: CheckContext,
    timings: Timings | None = None,
    progress: ProgressFactory = _no_progress,
    translated: Mapping[str, Mapping[str, str]] | None = None,
    mt_segments: tuple[Segment, ...] | None = None,
    statistics: DocumentStatistics | None = None,
) -> DocumentResult:
    """``evaluate_document`` up to its findings: segmented, back-translated, aligned and
    scored. Needs none of the detectors' models (only the furniture patterns).
    ``statistics`` holds the segment statistics extracted, for a caller that uses them
    again (``execute.scored_statistics``)."""
    timings = timings or Timings()
    with timings.step("segment"):
        mt = mt_segments or segments_of(document, "mt")
        ref = segments_of(document, "ref")
    back_translations: dict[str, tuple[str, ...]] = {}
    for name, engine in engines.items():
        known = (translated or {}).get(name, {})
        missing = [s.text for s in mt if s.text not in known]
        with timings.step("backtranslate"):
            update = progress(f"{document.id}: {name}", len(missing))
            fresh = dict(zip(missing, engine.translate(missing, progress=update), strict=True))
        # An empty back-translation is a translation: look it up by key, never by truth.
        back_translations[name] = tuple(
            known[s.text] if s.text in known else fresh[s.text] for s in mt
        )
    with timings.step("align"):
        if document.prealigned:  # the file's units are the beads
            pairs = unit_pairs(mt, ref, back_translations, doc_id=document.id)
        else:
            pairs = align(
                mt, ref, back_translations, doc_id=document.id,
                furniture=furniture_indexes(mt, context),
            )
    with timings.step("score"):
        # each segment's statistics computed once
        statistics = statistics if statistics is not None else DocumentStatistics()
        per_segment = {
            name: segment_scores(pairs, name, metrics, statistics) for name in engines
        }
        scores = {name: _corpus(pairs, name, metrics, statistics) for name in engines}
    return DocumentResult(
        document=document,
        mt_segments=mt,
        ref_segments=ref,
        back_translations=back_translations,
        pairs=pairs,
        segment_scores=per_segment,
        scores=scores,
    )


def check_document(
    result: DocumentResult, context: CheckContext, timings: Timings | None = None
) -> DocumentResult:
    """A scored document (``score_document``) with its findings."""
    timings = timings or Timings()
    with timings.step("detect"):
        from mtqa.checks import detect

        findings = detect(result, context)
    return replace(result, findings=tuple(findings))


def segments_of(document: Document, side: Side) -> tuple[Segment, ...]:
    """A document side's segments: sentences, or a prealigned file's units."""
    text = document.mt_text if side == "mt" else document.ref_text
    if document.prealigned:
        return unit_segments(document.id, side, text)
    return segment(document.id, side, text, "fr" if side == "mt" else "en")


def _load(
    spec: DocumentSpec | BilingualSpec, config: RunConfig, notes: list[str]
) -> list[Document]:
    if isinstance(spec, BilingualSpec):
        return [load_bilingual(spec.id or "", spec.file, spec.format)]
    return load_document(
        spec.id or "",
        mt_path=spec.mt,
        ref_path=spec.ref,
        encoding=config.encoding,
        mt_encoding=spec.mt_encoding,
        ref_encoding=spec.ref_encoding,
        systems=spec.systems,
        notes=notes,
        label=spec.label or "",
    )


def _corpus(
    pairs: Iterable[Pair],
    engine: str,
    metrics: Sequence[str],
    statistics: DocumentStatistics | None = None,
) -> tuple[Score, ...]:
    """Corpus scores of one engine's back-translations over the given beads."""
    hypotheses, references = scored_texts(pairs, engine)
    return corpus_scores(
        hypotheses=hypotheses, references=references, metrics=metrics, statistics=statistics
    )


def scored_texts(pairs: Iterable[Pair], engine: str) -> tuple[list[str], list[str]]:
    """The hypotheses and references that corpus scores count, in order.

    Every reference sentence counts: one the MT dropped is scored against an empty
    hypothesis, so omissions cost. MT material with no reference has nothing to be scored
    against and is left to the detectors.
    """
    hypotheses, references = [], []
    for pair in pairs:
        if pair.ref:
            hypotheses.append(pair.bt.get(engine, "") if pair.mt else "")
            references.append(pair.ref_text)
    return hypotheses, references


def _result_cache(config: RunConfig) -> ResultCache | None:
    return ResultCache(config.cache_directory()) if config.cache.enabled else None


def run(
    config: RunConfig | Mapping[str, Any] | str | Path,
    *,
    use_cache: bool = True,
    cache_dir: Path | None = None,
    write: bool = True,
    run_dir: Path | None = None,
    progress: ProgressFactory = _no_progress,
    executor: str | None = None,
    workers: int | None = None,
) -> RunResult:
    """Run an evaluation and (unless ``write=False``) write its run folder.

    The run folder is ``run_dir`` if given, else the config's ``output_dir/name``. Each
    document's result is saved in ``run_dir/documents/`` as soon as it is done, so a run that
    was interrupted and is started again with the same config finishes only what is missing;
    the same result goes to the result cache, so the same inputs run into another folder are
    not evaluated again. ``use_cache=False`` and ``cache_dir`` set the config's ``[cache]``
    ``enabled`` and ``dir``, ``executor`` ("local" or "ray") and ``workers`` its
    ``[execution]`` ``backend`` and ``workers``: validated like those keys
    (``RunConfig.with_run_options``) and recorded with the run's config.
    """
    if isinstance(config, (str, Path)):
        config = load_config(Path(config))
    elif not isinstance(config, RunConfig):
        config = parse_config(config, base_dir=Path.cwd())
    # The options are config keys: validated like them, and the run reads only the config.
    config = config.with_run_options(
        use_cache=use_cache, cache_dir=cache_dir, executor=executor, workers=workers
    )
    run_dir = run_dir or config.run_dir
    timings = Timings()
    warnings: list[str] = []
    with timings.step("load"):
        # Everything that can be checked is checked before any work, so a bad file, setting
        # or output folder costs nothing already computed.
        documents = [
            document
            for spec in config.resolved_documents()
            for document in _load(spec, config, warnings)
        ]
        decisions = (
            load_decisions(config.path(config.review.decisions))
            if config.review.decisions is not None
            else None
        )
        cache = _result_cache(config)
        if cache is not None:
            cache.hold()
        warnings += cached_language_warnings(documents, cache)
    for warning in warnings:
        log.warning("warning: %s", warning)
    from mtqa.checks.terms import glossary_of, resolve_paths

    checks = resolve_paths(config.checks, config.base_dir)
    check_before_work(config, documents, checks)
    glossary = glossary_of(checks)
    if write:
        check_writable(run_dir)
    runner = create_executor(config)
    with timings.step("engines"):
        engines = open_engines(config)
    baseline_engine = config.compare.baseline_engine
    if baseline_engine is not None and baseline_engine not in engines.running:
        skipped = {i.name: i.skipped for i in engines.infos}
        engines.close()
        runner.close()
        raise ConfigError(
            f"compare.baseline_engine: engine {baseline_engine!r} cannot run here "
            f"({skipped.get(baseline_engine)}); choose one that runs or make it required"
        )
    if cache is not None:  # the inputs are good: what was learnt of them may be kept
        cache.release()
    names = tuple(engines.running)
    kept: dict[str, DocumentResult] = {}  # write=False: the results, in memory
    tables = SpilledTables()  # document -> its scores' segment statistics
    try:
        extra = {"glossary": glossary.digest} if glossary is not None else {}
        keys = {d.id: document_key(d, engines, config, extra) for d in documents}
        resumed = cached = 0
        pending = []
        for document in documents:
            key = keys[document.id]
            if write and read_saved(saved_path(run_dir, document.id), key) is not None:
                resumed += 1
                continue
            if write and cache is not None:
                if cache.copy_to(key, document, saved_path(run_dir, document.id)):
                    cached += 1
                else:
                    pending.append(document)
                continue
            found = cache.get(key, document) if cache is not None else None
            if found is None:
                pending.append(document)
                continue
            cached += 1
            kept[document.id] = found
        setup = WorkerSetup(
            config=config,
            checks=checks,
            engines=names,
            needs_scorer=engines.scorer is not None,
        )
        if pending:  # the detectors' models load while the run back-translates
            runner.prepare(setup)
        with timings.step("segment"):
            mt_segments = {d.id: segments_of(d, "mt") for d in pending}
        texts = [s.text for segments in mt_segments.values() for s in segments]
        plan = plan_message(
            len(pending), len(texts), [i.kind for i in engines.infos if i.skipped is None]
        )
        if plan is not None:
            log.warning("%s", plan)
        translated = runner.translate(texts, engines, timings, progress)
        jobs = [
            DocumentJob(
                document=d,
                mt_segments=mt_segments[d.id],
                translated={
                    name: {s.text: translated[name][s.text] for s in mt_segments[d.id]}
                    for name in names
                },
            )
            for d in pending
        ]
        del translated
        update = progress("documents", len(jobs)) if len(jobs) > 1 else (lambda done: None)
        for done in runner.evaluate(jobs, setup, engines):
            result = done.result
            key = keys[result.document.id]
            for step, seconds in done.seconds.items():
                timings.seconds[step] = timings.seconds.get(step, 0.0) + seconds
            # the run's corpus scores are made of them: not extracted here again
            if done.statistics is not None:
                tables.put(result.document.id, done.statistics)
            if write:
                write_saved(saved_path(run_dir, result.document.id), key, result)
            else:
                kept[result.document.id] = result
            if cache is not None:
                cache.put(key, result)
            update(1)
        # the inputs' sentences and back-translations are saved with each document now:
        # what follows reads the documents back, so a long batch does not hold them twice
        del jobs, mt_segments, texts, pending
        engine_stats = engines.stats()
    finally:
        engines.close()
        runner.close()
    ids = [d.id for d in documents]
    results: Sequence[DocumentResult] = (
        SavedDocuments(run_dir, ids) if write else tuple(kept[i] for i in ids)
    )
    review = None
    if decisions is not None:
        results, review = apply_decisions(
            results, decisions, file=str(config.path(config.review.decisions or ""))
        )
    with timings.step("score"):
        primary = [i for i, d in enumerate(documents) if d.system == "mt"]
        if len(primary) == 1:  # the one document's scores are the run's
            scores = dict(results[primary[0]].scores)
        else:
            scores = cached_run_scores(
                cache,
                [keys[documents[i].id] for i in primary],
                lambda: run_scores(
                    Subset(results, primary),
                    [documents[i].id for i in primary],
                    names,
                    config.metrics,
                    tables,
                ),
                names,
                config.metrics,
            )
        tables.close()
        # the table describes the documents' own MT ("mt"); findings are counted per system
        table = replace(
            aggregate(Subset(results, primary), names, config.metrics),
            by_system=findings_by_system(results),
        )
        # always: the error score of every system, and with several systems or engines the
        # comparison table, verdicts and ranking
        comparison = _comparison(results, [d.system for d in documents], names, config)
    translated = sum(s.get("misses", 0) for s in engine_stats.values())
    seconds = timings.seconds["backtranslate"]
    stats = RunStats(
        engines=engine_stats,
        documents_resumed=resumed,
        documents_cached=cached,
        warnings=tuple(warnings),
        review=review,
        aggregate=table,
        comparison=comparison,
        backtranslation=Throughput(
            translated, round(translated / seconds, 2) if translated and seconds else None
        ),
    )
    run_result = RunResult(
        name=config.name,
        created=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        mtqa_version=__version__,
        config=config.to_dict(),
        engines=tuple(engines.infos),
        documents=results,
        scores=scores,
        timings=timings.seconds,
        stats=stats,
    )
    if write:
        with timings.step("report"):
            write_outputs(run_result, run_dir)
    return run_result


def _comparison(
    results: Sequence[DocumentResult],
    systems: Sequence[str],
    engines: Sequence[str],
    config: RunConfig,
) -> Comparison:
    """The comparison over the run's documents (``systems``: each one's system, in order),
    each system's documents a view by position: they are read when used, not held."""
    positions: dict[str, list[int]] = {}
    for position, system in enumerate(systems):
        positions.setdefault(system, []).append(position)
    by_system = {system: Subset(results, p) for system, p in positions.items()}
    baseline = (config.compare.baseline_system, config.compare.baseline_engine or engines[0])
    if baseline[0] not in by_system or baseline[1] not in engines:
        raise ConfigError(
            f"compare: baseline {baseline[0]}/{baseline[1]} did not run; systems: "
            f"{', '.join(by_system)}; engines: {', '.join(engines)}"
        )
    return compare(
        by_system,
        engines,
        metrics=config.metrics,
        baseline=baseline,
        weights=config.compare.weight_table(),
    )
