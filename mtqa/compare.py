"""Comparing engines and MT systems, and blaming findings by engine agreement.

Round-trip evaluation cannot tell by itself whether a bad score comes from the forward or the
backward translation. Comparing back-translation engines answers part of it: an error every
engine's back-translation shows is in the MT; one that a single engine shows is likely
back-translation noise.

Significance is sacrebleu's own paired bootstrap (``sacrebleu.significance.PairedTest``) over
*comparison units*: groups of consecutive reference sentences that every (system, engine)
combination covers with whole beads, so each combination has exactly one hypothesis per unit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from mtqa.metrics import make_metric
from mtqa.model import SEVERITIES, DocumentResult, Finding

TIE_MARGIN = 1.0  # chrF points within which two segments' scores count as a tie
N_SAMPLES = 1000
_SACREBLEU_NAMES = {"bleu": "BLEU", "chrf": "chrF2", "chrf++": "chrF2++", "ter": "TER"}


# ---- blame by agreement ----------------------------------------------------------------


def attribute(findings: Sequence[Finding], engines: Sequence[str]) -> tuple[Finding, ...]:
    """Label findings by how many engines support them and rank single-engine ones lower.

    Findings with no engine evidence (checked on the French and the reference directly, such
    as names and numbers) keep their place and are labelled ``direct``.
    """
    if len(engines) < 2:
        return tuple(findings)
    everyone = set(engines)
    labelled = []
    for f in findings:
        support = set(f.engines) & everyone
        if not f.engines:
            agreement = "direct"
        elif support == everyone:
            agreement = "all engines"
        elif len(support) == 1:
            agreement = "one engine"
        else:
            agreement = "some engines"
        note = {
            "all engines": "every engine's back-translation shows it: an MT error",
            "one engine": "only one engine shows it: possibly back-translation noise",
        }.get(agreement)
        evidence = {**f.evidence, "agreement": agreement}
        if note:
            evidence["agreement_note"] = note
        labelled.append(replace(f, evidence=evidence))
    order = {s: i for i, s in enumerate(SEVERITIES)}
    noise_last = {"all engines": 0, "direct": 0, "some engines": 1, "one engine": 2}
    return tuple(
        sorted(
            labelled,
            key=lambda f: (
                order.get(f.severity, 9),
                noise_last[f.evidence["agreement"]],
                f.mt_index if f.mt_index is not None else -1,
            ),
        )
    )


# ---- comparison units ------------------------------------------------------------------


def _root(parent: list[int], j: int) -> int:
    """Union-find root, halving paths as it goes."""
    while parent[j] != j:
        parent[j] = parent[parent[j]]
        j = parent[j]
    return j


@dataclass(frozen=True)
class Unit:
    """Consecutive reference sentences of one document, with one hypothesis per combination."""

    doc: str
    reference: str
    hypotheses: Mapping[tuple[str, str], str]  # (system, engine) -> back-translation


def comparison_units(
    by_system: Mapping[str, Sequence[DocumentResult]], engines: Sequence[str]
) -> list[Unit]:
    """Units shared by every system's alignment of the same documents.

    ``by_system`` maps system name to its document results, in the same document order.
    """
    systems = list(by_system)
    units: list[Unit] = []
    for docs in zip(*(by_system[s] for s in systems), strict=True):
        n_ref = len(docs[0].ref_segments)
        # group[j] = the first reference sentence of j's group; merged across every alignment
        parent = list(range(n_ref))
        for doc in docs:
            for pair in doc.pairs:
                for j in pair.ref[1:]:
                    parent[_root(parent, j)] = _root(parent, pair.ref[0])
        groups: dict[int, list[int]] = {}
        for j in range(n_ref):
            groups.setdefault(_root(parent, j), []).append(j)
        for members in sorted(groups.values()):
            hypotheses: dict[tuple[str, str], str] = {}
            for system, doc in zip(systems, docs, strict=True):
                beads = [p for p in doc.pairs if p.ref and p.ref[0] in members]
                for engine in engines:
                    hypotheses[(system, engine)] = " ".join(
                        p.bt.get(engine, "") for p in beads if p.mt
                    ).strip()
            units.append(
                Unit(
                    doc=docs[0].document.id,
                    reference=" ".join(docs[0].ref_segments[j].text for j in members),
                    hypotheses=hypotheses,
                )
            )
    return units


# ---- the comparison table --------------------------------------------------------------


def compare(
    by_system: Mapping[str, Sequence[DocumentResult]],
    engines: Sequence[str],
    *,
    metrics: Sequence[str],
    baseline: tuple[str, str] | None = None,
    n_samples: int = N_SAMPLES,
) -> dict[str, Any]:
    """Engines × systems × metrics, paired bootstrap against a baseline, win/tie/loss."""
    from sacrebleu.significance import PairedTest

    combos = [(s, e) for s in by_system for e in engines]
    baseline = baseline or combos[0]
    if baseline not in combos:
        known = ", ".join(f"{s}/{e}" for s, e in combos)
        raise ValueError(f"baseline {baseline[0]}/{baseline[1]} is not one of {known}")
    units = comparison_units(by_system, engines)
    references = [u.reference for u in units]
    ordered = [baseline] + [c for c in combos if c != baseline]
    named: list[tuple[str, Sequence[str]]] = [
        (f"{s}/{e}", [u.hypotheses[(s, e)] for u in units]) for s, e in ordered
    ]
    table: dict[str, Any] = {
        "baseline": f"{baseline[0]}/{baseline[1]}",
        "units": len(units),
        "metrics": list(metrics),
        "tie_margin_chrf": TIE_MARGIN,
        "rows": [],
    }
    if not units:
        return table
    results: dict[str, list[Any]] = {}
    signatures: dict[str, str] = {}
    if len(named) > 1:
        test = PairedTest(
            named_systems=named,
            metrics={m: make_metric(m) for m in metrics},
            references=[references],
            test_type="bs",
            n_samples=n_samples,
        )
        sigs, results = test()
        signatures = {k: str(v) for k, v in sigs.items()}
    chrf = make_metric("chrf", sentence=True)
    base_hyps = named[0][1]
    base_seg = [
        chrf.sentence_score(h, [r]).score for h, r in zip(base_hyps, references, strict=True)
    ]
    for index, ((system, engine), (label, hyps)) in enumerate(zip(ordered, named, strict=True)):
        row: dict[str, Any] = {"label": label, "system": system, "engine": engine, "scores": {}}
        for metric in metrics:
            if results:
                result = results[_SACREBLEU_NAMES[metric]][index]
                row["scores"][metric] = {
                    "score": round(float(result.score), 4),
                    "mean": None if result.mean is None else round(float(result.mean), 4),
                    "ci95_half_width": None if result.ci is None else round(float(result.ci), 4),
                    "p_value": None if result.p_value is None else round(float(result.p_value), 4),
                }
            else:
                score = make_metric(metric).corpus_score(hyps, [references]).score
                row["scores"][metric] = {"score": round(float(score), 4)}
        if index:
            seg = [chrf.sentence_score(h, [r]).score for h, r in zip(hyps, references, strict=True)]
            diffs = [a - b for a, b in zip(seg, base_seg, strict=True)]
            row["wins"] = sum(d > TIE_MARGIN for d in diffs)
            row["losses"] = sum(d < -TIE_MARGIN for d in diffs)
            row["ties"] = len(diffs) - row["wins"] - row["losses"]
        table["rows"].append(row)
    table["signatures"] = signatures
    return table


def format_comparison(table: Mapping[str, Any]) -> list[str]:
    """Terminal lines for a comparison table."""
    metrics = table["metrics"]
    lines = [
        f"Comparison over {table['units']} units, baseline {table['baseline']} "
        "(paired bootstrap p-values; win/tie/loss by segment chrF):"
    ]
    for row in table["rows"]:
        cells = []
        for m in metrics:
            value = row["scores"][m]
            p = value.get("p_value")
            cells.append(f"{m} {value['score']:.1f}" + ("" if p is None else f" (p={p:.3f})"))
        wtl = f"  {row['wins']}/{row['ties']}/{row['losses']}" if "wins" in row else "  baseline"
        lines.append(f"  {row['label']:<24} " + "  ".join(cells) + wtl)
    return lines
