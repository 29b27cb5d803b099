"""The report files of a run folder, written from a ``RunResult``.

- ``summary.json``: corpus scores per engine (overall and per document) with sacrebleu
  signatures and 95% intervals, finding counts by kind and severity, engines (run and
  skipped, with signatures), step timings, the resolved config;
- ``segments.csv``: one row per alignment bead (unaligned sentences are rows with an empty
  side), with MT, back-translation and scores per engine, reference and finding kinds;
- ``findings.jsonl``: the findings contract of DESIGN.md, one JSON object per line;
- ``config.json``: the resolved config.

The run's own state (``result.json``, ``documents/``) and the one atomic write every file
goes through belong to ``mtqa.runfolder``.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, NamedTuple

from mtqa.metrics import METRICS
from mtqa.model import FINDING_KINDS, SEVERITIES, DocumentResult, Finding, RunResult, Score
from mtqa.runfolder import dump_json, write_atomic

# ---- summary ---------------------------------------------------------------------------


class _Counted(NamedTuple):
    kind: str
    severity: str
    waived: bool


def finding_counts(findings: Iterable[Finding | _Counted]) -> dict[str, Any]:
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
    return dict(json.loads("".join(summary_parts(result))))


def _document_summary(
    d: DocumentResult, signatures: Mapping[str, str], errors: Mapping[str, Any]
) -> dict[str, Any]:
    return {
        "id": d.document.id,
        **({"label": d.document.label} if d.document.label else {}),
        "mt_sentences": len(d.mt_segments),
        "ref_sentences": len(d.ref_segments),
        "aligned_pairs": sum(p.aligned for p in d.pairs),
        "unaligned_mt": sum(1 for p in d.pairs if not p.ref),
        "unaligned_ref": sum(1 for p in d.pairs if not p.mt),
        "system": d.document.system,
        "scores": _scores_json(d.scores, signatures),
        "error_score": errors[d.document.id].to_json() if d.document.id in errors else None,
        "findings": finding_counts(d.findings),
    }


def summary_parts(result: RunResult) -> Iterator[str]:
    """summary.json's text a document at a time (``dump_json`` of the whole summary, the
    same text): a run of thousands of documents never holds their summaries together."""
    signatures = {e.name: e.signature_text for e in result.engines}
    comparison = result.comparison
    stats = result.stats.to_json()
    document_errors = comparison.errors.documents if comparison is not None else {}
    head = {
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
        "documents": [],
    }
    text = dump_json(head)
    # the head ends with '"documents": []\n}\n': the list is opened there and filled below
    yield text[: text.rindex("[]")] + "["
    counted: list[_Counted] = []  # what the counts need of each finding, not the finding
    for position, d in enumerate(result.documents):
        entry = json.dumps(
            _document_summary(d, signatures, document_errors), ensure_ascii=False, indent=2
        )
        yield ("," if position else "") + "\n    " + entry.replace("\n", "\n    ")
        counted += (_Counted(f.kind, f.severity, f.waived) for f in d.findings)
    tail = {
        "findings": finding_counts(counted),
        # per system: score, ci95 [low, high], p_value and delta against the baseline system
        "error_score": {system: e.to_json() for system, e in comparison.errors.systems.items()}
        if comparison is not None
        else {},
        "verdicts": [v.to_json()["text"] for v in comparison.verdicts]
        if comparison is not None
        else [],
        "comparison": stats.get("comparison"),
        "timings": {k: round(v, 3) for k, v in result.timings.items()},
        "stats": {k: v for k, v in stats.items() if k != "comparison"},
        "config": dict(result.config),
    }
    rest = dump_json(tail)  # '{\n  "findings": …\n}\n'
    yield ("\n  ]" if len(result.documents) else "]") + ",\n" + rest[2:]


# ---- segments.csv ----------------------------------------------------------------------


def segments_csv(result: RunResult) -> str:
    return "".join(segments_csv_parts(result))


def segments_csv_parts(result: RunResult) -> Iterator[str]:
    """segments.csv a document at a time."""
    engines = [e.name for e in result.engines_run]
    metrics = list(result.config.get("metrics", METRICS))
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
            bead = doc.pair_of(f)
            if bead is not None:
                by_pair.setdefault(bead.index, []).append(f.kind)
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


def write_run(result: RunResult, run_dir: Path) -> list[Path]:
    """Write the report files of a run (not ``result.json``: ``runfolder.write_outputs``
    writes it first); returns the paths written."""
    # each file is written as it is made, a document at a time: a run of thousands of
    # documents never holds them all
    outputs: dict[str, str | Iterable[str]] = {
        "summary.json": summary_parts(result),
        "segments.csv": segments_csv_parts(result),
        "findings.jsonl": (
            json.dumps(f.to_json(), ensure_ascii=False) + "\n"
            for d in result.documents
            for f in d.findings
        ),
        "config.json": dump_json(dict(result.config)),
    }
    paths = []
    for name, text in outputs.items():
        write_atomic(run_dir / name, text)
        paths.append(run_dir / name)
    return paths
