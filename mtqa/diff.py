"""What changed between two run folders: scores with significance, findings added and removed.

For regression tracking when a model or an MT system changes. Documents are matched by id;
scores are compared per engine that both runs used, with sacrebleu's paired bootstrap over the
documents both runs share (and whose reference is unchanged).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mtqa.compare import compare
from mtqa.model import Finding, RunResult


def _finding_key(f: Finding) -> tuple[Any, ...]:
    return (f.doc, f.kind, f.mt_span, f.ref_span)


def diff_runs(a: RunResult, b: RunResult, *, n_samples: int = 1000) -> dict[str, Any]:
    docs_a = {d.document.id: d for d in a.documents}
    docs_b = {d.document.id: d for d in b.documents}
    shared = sorted(
        i
        for i in docs_a.keys() & docs_b.keys()
        if docs_a[i].document.ref_text == docs_b[i].document.ref_text
    )
    engines = [e for e in a.scores if e in b.scores]
    metrics = [m for m in a.config.get("metrics", []) if m in b.config.get("metrics", [])]
    scores = {}
    for engine in engines:
        if not shared:
            break
        table = compare(
            {"A": [docs_a[i] for i in shared], "B": [docs_b[i] for i in shared]},
            [engine],
            metrics=metrics,
            baseline=("A", engine),
            n_samples=n_samples,
        )
        scores[engine] = {"units": table["units"], "A": table["rows"][0], "B": table["rows"][1]}
    documents = []
    for doc_id in shared:
        row: dict[str, Any] = {"doc": doc_id}
        for engine in engines:
            chrf_a = _score(docs_a[doc_id].scores.get(engine, ()), "chrf")
            chrf_b = _score(docs_b[doc_id].scores.get(engine, ()), "chrf")
            if chrf_a is not None and chrf_b is not None:
                row[f"chrf_{engine}"] = [
                    round(chrf_a, 2),
                    round(chrf_b, 2),
                    round(chrf_b - chrf_a, 2),
                ]
        row["findings"] = [len(docs_a[doc_id].findings), len(docs_b[doc_id].findings)]
        documents.append(row)
    keys_a = {_finding_key(f): f for f in a.findings if f.doc in shared}
    keys_b = {_finding_key(f): f for f in b.findings if f.doc in shared}
    return {
        "a": {"name": a.name, "created": a.created},
        "b": {"name": b.name, "created": b.created},
        "only_in_a": sorted(docs_a.keys() - docs_b.keys()),
        "only_in_b": sorted(docs_b.keys() - docs_a.keys()),
        "reference_changed": sorted(i for i in docs_a.keys() & docs_b.keys() if i not in shared),
        "scores": scores,
        "documents": documents,
        "findings_added": [keys_b[k].to_json() for k in keys_b.keys() - keys_a.keys()],
        "findings_removed": [keys_a[k].to_json() for k in keys_a.keys() - keys_b.keys()],
    }


def _score(scores: Any, metric: str) -> float | None:
    return next((s.value for s in scores if s.metric == metric), None)


def format_diff(diff: Mapping[str, Any]) -> str:
    a_run, b_run = diff["a"], diff["b"]
    lines = [
        f"A: {a_run['name']} ({a_run['created']})  B: {b_run['name']} ({b_run['created']})"
    ]
    for label, key in (
        ("only in A", "only_in_a"),
        ("only in B", "only_in_b"),
        ("reference changed", "reference_changed"),
    ):
        if diff[key]:
            lines.append(f"Documents {label}: {', '.join(diff[key])}")
    for engine, table in diff["scores"].items():
        lines.append(f"Scores, engine {engine} ({table['units']} units; p from paired bootstrap):")
        for metric, a in table["A"]["scores"].items():
            b = table["B"]["scores"][metric]
            p = b.get("p_value")
            flag = " *" if p is not None and p < 0.05 else ""
            p_text = "" if p is None else f"  p={p:.3f}{flag}"
            change = b["score"] - a["score"]
            lines.append(
                f"  {metric:<7} {a['score']:7.2f} -> {b['score']:7.2f}  ({change:+.2f}){p_text}"
            )
        row = table["B"]
        if "wins" in row:
            lines.append(
                f"  segments better/same/worse in B: {row['wins']}/{row['ties']}/{row['losses']}"
            )
    changed = [
        d
        for d in diff["documents"]
        if any(
            isinstance(v, list) and len(v) == 3 and v[2]
            for k, v in d.items()
            if k.startswith("chrf_")
        )
    ]
    if changed:
        lines.append("Documents whose chrF changed:")
        for d in changed:
            cells = [
                f"{k[5:]} {v[0]:.1f} -> {v[1]:.1f} ({v[2]:+.1f})"
                for k, v in d.items()
                if k.startswith("chrf_")
            ]
            lines.append(f"  {d['doc']}: " + ", ".join(cells))
    for label, key in (("added in B", "findings_added"), ("removed in B", "findings_removed")):
        lines.append(f"Findings {label}: {len(diff[key])}")
        for f in diff[key][:20]:
            span = f["mt_span"] if f["mt_span"] is not None else f["ref_span"]
            lines.append(f"  {f['severity']:<8} {f['kind']:<19} {f['doc']}: {span!r}")
    return "\n".join(lines)
