"""Machine-readable outputs of a run folder, and loading a run back.

A run folder holds:

- ``summary.json``: corpus scores per engine (overall and per document) with sacrebleu
  signatures and 95% intervals, finding counts by kind and severity, engines (run and
  skipped, with signatures), step timings, the resolved config;
- ``segments.csv``: one row per alignment bead (unaligned sentences are rows with an empty
  side), with MT, back-translation and scores per engine, reference and finding kinds;
- ``findings.jsonl``: the findings contract of DESIGN.md, one JSON object per line;
- ``config.json``: the resolved config;
- ``result.json``: the whole ``RunResult``, so reports re-render without re-running.

Every file is written to a temporary name then renamed, so a reader never sees half a file.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from mtqa.errors import InputError
from mtqa.model import (
    FINDING_KINDS,
    SEVERITIES,
    Document,
    DocumentResult,
    EngineInfo,
    Finding,
    Pair,
    RunResult,
    Score,
    Segment,
)

RESULT_FORMAT = 1


def write_atomic(path: Path, text: str | Iterable[str]) -> None:
    """Write text (or pieces of text, as they come) to path via a temporary file in the same
    folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        # backslashreplace: a path that is not valid UTF-8 (surrogate escapes) is written as
        # an escape rather than failing the whole write.
        with os.fdopen(
            fd, "w", encoding="utf-8", errors="backslashreplace", newline=""
        ) as handle:
            handle.writelines([text] if isinstance(text, str) else text)
            handle.flush()
            os.fsync(handle.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; outputs are ordinary files
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# ---- summary ---------------------------------------------------------------------------


def finding_counts(findings: Iterable[Finding]) -> dict[str, Any]:
    """Counts by kind and severity, leaving out findings waived as false alarms."""
    everything = list(findings)
    findings = [f for f in everything if not f.waived]
    kinds = Counter(f.kind for f in findings)
    severities = Counter(f.severity for f in findings)
    return {
        "total": len(findings),
        "by_kind": {k: kinds[k] for k in FINDING_KINDS if kinds[k]},
        "by_severity": {s: severities[s] for s in SEVERITIES},
        "false_alarms": len(everything) - len(findings),
    }


def _scores_json(
    scores: Mapping[str, tuple[Score, ...]], engines: Mapping[str, str]
) -> dict[str, Any]:
    """Scores per engine and metric, each with the engine's signature beside sacrebleu's."""
    return {
        engine: {s.metric: {**s.to_json(), "engine_signature": engines[engine]} for s in values}
        for engine, values in scores.items()
    }


def summary(result: RunResult) -> dict[str, Any]:
    """The public run summary (summary.json)."""
    signatures = {e.name: e.signature_text for e in result.engines}
    comparison = result.comparison
    document_errors = comparison.errors.documents if comparison is not None else {}
    return {
        "name": result.name,
        "created": result.created,
        "mtqa_version": result.mtqa_version,
        "engines": [
            {
                "name": e.name,
                "kind": e.kind,
                "status": "skipped" if e.skipped else "ran",
                "skipped_because": e.skipped,
                "signature": dict(e.signature),
            }
            for e in result.engines
        ],
        "scores": _scores_json(result.scores, signatures),
        "documents": [
            {
                "id": d.document.id,
                **({"label": d.document.label} if d.document.label else {}),
                "mt_sentences": len(d.mt_segments),
                "ref_sentences": len(d.ref_segments),
                "aligned_pairs": sum(p.aligned for p in d.pairs),
                "unaligned_mt": sum(1 for p in d.pairs if not p.ref),
                "unaligned_ref": sum(1 for p in d.pairs if not p.mt),
                "system": d.document.system,
                "scores": _scores_json(d.scores, signatures),
                "error_score": document_errors[d.document.id].to_json()
                if d.document.id in document_errors
                else None,
                "findings": finding_counts(d.findings),
            }
            for d in result.documents
        ],
        "findings": finding_counts(f for d in result.documents for f in d.findings),
        # per system: score, ci95 [low, high], p_value and delta against the baseline system
        "error_score": {system: e.to_json() for system, e in comparison.errors.systems.items()}
        if comparison is not None
        else {},
        "verdicts": [v.to_json()["text"] for v in comparison.verdicts]
        if comparison is not None
        else [],
        "comparison": result.stats.get("comparison"),
        "timings": {k: round(v, 3) for k, v in result.timings.items()},
        "stats": {k: v for k, v in result.stats.items() if k != "comparison"},
        "config": dict(result.config),
    }


# ---- segments.csv ----------------------------------------------------------------------


def segments_csv(result: RunResult) -> str:
    return "".join(segments_csv_parts(result))


def segments_csv_parts(result: RunResult) -> Iterator[str]:
    """segments.csv a document at a time."""
    engines = [e.name for e in result.engines_run]
    metrics = list(result.config.get("metrics", ["bleu", "chrf", "chrf++", "ter"]))
    header = ["doc", "pair", "bead", "mt_indexes", "ref_indexes", "mt", "reference"]
    for engine in engines:
        header += [f"bt_{engine}"] + [f"{m}_{engine}" for m in metrics]
    header += ["similarity", "findings"]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for doc in result.documents:
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        by_pair: dict[int, list[str]] = {}
        for f in doc.findings:
            index = _pair_of(doc.pairs, f)
            if index is not None:
                by_pair.setdefault(index, []).append(f.kind)
        for pair in doc.pairs:
            row: list[Any] = [
                doc.document.id,
                pair.index,
                pair.kind,
                " ".join(map(str, pair.mt)),
                " ".join(map(str, pair.ref)),
                pair.mt_text,
                pair.ref_text,
            ]
            for engine in engines:
                scores = doc.segment_scores.get(engine, ())
                values = scores[pair.index] if pair.index < len(scores) else {}
                row.append(pair.bt.get(engine, "") if pair.mt else "")
                row += [values.get(m, "") for m in metrics]
            row += [pair.similarity if pair.aligned else "", ";".join(by_pair.get(pair.index, []))]
            writer.writerow(row)
    yield buffer.getvalue()


def _pair_of(pairs: Iterable[Pair], finding: Finding) -> int | None:
    """The bead a finding belongs to: by MT index, else by reference index."""
    for pair in pairs:
        if finding.mt_index is not None and finding.mt_index in pair.mt:
            return pair.index
    for pair in pairs:
        if finding.ref_index is not None and finding.ref_index in pair.ref:
            return pair.index
    return None


# ---- the whole result, and back --------------------------------------------------------


def result_to_json(result: RunResult) -> dict[str, Any]:
    return {**_result_head(result), "documents": [document_to_json(d) for d in result.documents]}


def result_json_parts(result: RunResult) -> Iterator[str]:
    """result.json a document at a time (the same text as ``json.dumps(result_to_json())``)."""
    head = json.dumps({**_result_head(result), "documents": []}, ensure_ascii=False)
    yield head[: -len("[]}")] + "["
    for position, document in enumerate(result.documents):
        text = json.dumps(document_to_json(document), ensure_ascii=False)
        yield (", " if position else "") + text
    yield "]}\n"


def _result_head(result: RunResult) -> dict[str, Any]:
    return {
        "format": RESULT_FORMAT,
        "name": result.name,
        "created": result.created,
        "mtqa_version": result.mtqa_version,
        "config": dict(result.config),
        "engines": [
            {"name": e.name, "kind": e.kind, "signature": dict(e.signature), "skipped": e.skipped}
            for e in result.engines
        ],
        "scores": {k: [_score_json(s) for s in v] for k, v in result.scores.items()},
        "timings": dict(result.timings),
        "stats": dict(result.stats),
    }


def _score_json(s: Score) -> dict[str, Any]:
    return {
        "metric": s.metric,
        "score": s.score,
        "ci_low": s.ci_low,
        "ci_high": s.ci_high,
        "signature": s.signature,
    }


def _score_from_json(data: Mapping[str, Any]) -> Score:
    # result.json files written before the key was named "score" call it "value"
    score = data["score"] if "score" in data else data["value"]
    return Score(data["metric"], score, data["ci_low"], data["ci_high"], data["signature"])


def document_to_json(d: DocumentResult) -> dict[str, Any]:
    def segment(s: Segment) -> list[Any]:
        return [s.index, s.para, s.start, s.end, s.text]

    return {
        "id": d.document.id,
        "mt_text": d.document.mt_text,
        "ref_text": d.document.ref_text,
        "mt_path": d.document.mt_path,
        "ref_path": d.document.ref_path,
        "system": d.document.system,
        "source_id": d.document.source_id,
        "prealigned": d.document.prealigned,
        "label": d.document.label,
        "mt_segments": [segment(s) for s in d.mt_segments],
        "ref_segments": [segment(s) for s in d.ref_segments],
        "back_translations": {k: list(v) for k, v in d.back_translations.items()},
        "pairs": [
            {
                "mt": list(p.mt),
                "ref": list(p.ref),
                "bt": dict(p.bt),
                "similarity": p.similarity,
            }
            for p in d.pairs
        ],
        "segment_scores": {k: [dict(x) for x in v] for k, v in d.segment_scores.items()},
        "scores": {k: [_score_json(s) for s in v] for k, v in d.scores.items()},
        "findings": [f.to_json() for f in d.findings],
    }


def document_from_json(data: Mapping[str, Any]) -> DocumentResult:
    doc_id = data["id"]

    def segments(side: str, rows: list[list[Any]]) -> tuple[Segment, ...]:
        return tuple(
            Segment(doc=doc_id, side=side, index=i, para=p, start=a, end=b, text=t)  # type: ignore[arg-type]
            for i, p, a, b, t in rows
        )

    mt = segments("mt", data["mt_segments"])
    ref = segments("ref", data["ref_segments"])
    pairs = tuple(
        Pair(
            doc=doc_id,
            index=i,
            mt=tuple(p["mt"]),
            ref=tuple(p["ref"]),
            mt_text=" ".join(mt[k].text for k in p["mt"]),
            ref_text=" ".join(ref[k].text for k in p["ref"]),
            bt=p["bt"],
            similarity=p["similarity"],
        )
        for i, p in enumerate(data["pairs"])
    )
    findings = tuple(Finding(**{**f, "engines": tuple(f["engines"])}) for f in data["findings"])
    return DocumentResult(
        document=Document(
            id=doc_id,
            mt_text=data["mt_text"],
            ref_text=data["ref_text"],
            mt_path=data.get("mt_path"),
            ref_path=data.get("ref_path"),
            system=data.get("system", "mt"),
            source_id=data.get("source_id", ""),
            prealigned=data.get("prealigned", False),
            label=data.get("label", ""),
        ),
        mt_segments=mt,
        ref_segments=ref,
        back_translations={k: tuple(v) for k, v in data["back_translations"].items()},
        pairs=pairs,
        segment_scores={k: tuple(v) for k, v in data["segment_scores"].items()},
        scores={k: tuple(_score_from_json(s) for s in v) for k, v in data["scores"].items()},
        findings=findings,
    )


def result_from_json(data: Mapping[str, Any]) -> RunResult:
    return RunResult(
        name=data["name"],
        created=data["created"],
        mtqa_version=data["mtqa_version"],
        config=data["config"],
        engines=tuple(
            EngineInfo(
                name=e["name"], kind=e["kind"], signature=e["signature"], skipped=e["skipped"]
            )
            for e in data["engines"]
        ),
        documents=tuple(document_from_json(d) for d in data["documents"]),
        scores={k: tuple(_score_from_json(s) for s in v) for k, v in data["scores"].items()},
        timings=data["timings"],
        stats=data.get("stats", {}),
    )


def write_run(result: RunResult, run_dir: Path) -> list[Path]:
    """Write every machine-readable output of a run; returns the paths written."""
    # each file is written as it is made, a document at a time: a run of thousands of
    # documents never holds them all
    outputs: dict[str, str | Iterable[str]] = {
        "result.json": result_json_parts(result),
        "summary.json": _dump(summary(result)),
        "segments.csv": segments_csv_parts(result),
        "findings.jsonl": (
            json.dumps(f.to_json(), ensure_ascii=False) + "\n"
            for d in result.documents
            for f in d.findings
        ),
        "config.json": _dump(dict(result.config)),
    }
    paths = []
    for name, text in outputs.items():
        write_atomic(run_dir / name, text)
        paths.append(run_dir / name)
    return paths


def load_run(run_dir: Path) -> RunResult:
    """Load a run folder written by ``write_run``."""
    path = run_dir / "result.json"
    if not path.is_file():
        raise InputError(
            f"{run_dir} is not an mtqa run folder (no result.json): run `mtqa run` first"
        )
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise InputError(f"cannot read {path}: {error}") from None
    if not isinstance(data, dict) or data.get("format") != RESULT_FORMAT:
        raise InputError(f"{path} was written by an incompatible mtqa version: re-run it")
    try:
        return result_from_json(data)
    except KeyError as error:
        raise InputError(
            f"{path} is incomplete: missing field {error.args[0]!r}{_where(data, error)}; "
            "re-run `mtqa run` to write it again"
        ) from None
    except (TypeError, ValueError, AttributeError, IndexError) as error:
        raise InputError(
            f"{path} is damaged: a field has the wrong shape ({error}){_where(data, error)}; "
            "re-run `mtqa run` to write it again"
        ) from None


def _where(data: Mapping[str, Any], error: Exception) -> str:
    """Which document of a result.json could not be read, when it was one of them."""
    documents = data.get("documents")
    if not isinstance(documents, list):
        return ""
    for number, document in enumerate(documents):
        try:
            document_from_json(document)
        except Exception:  # noqa: BLE001 - locating the first bad document, any failure
            name = document.get("id") if isinstance(document, dict) else None
            return f" (in documents[{number}]{f', id {name!r}' if name else ''})"
    return ""
