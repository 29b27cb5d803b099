"""Runs built by hand for the report tests of every tier (no engine runs).

Their scores are real sacrebleu scores of the hand-written back-translations against the
references.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sacrebleu.metrics import BLEU, CHRF, TER

from mtqa.model import (
    Document,
    DocumentResult,
    EngineInfo,
    Finding,
    Pair,
    RunResult,
    Score,
    Segment,
)

ENGINES = ("marian", "apertium")
_METRICS = {
    "bleu": BLEU(effective_order=True),
    "chrf": CHRF(),
    "chrf++": CHRF(word_order=2),
    "ter": TER(),
}


def _segments(doc: str, side: str, lines: Sequence[str]) -> tuple[Segment, ...]:
    """One sentence per line: offsets into the text the lines make when joined by newlines."""
    out, offset = [], 0
    for i, line in enumerate(lines):
        out.append(Segment(doc, side, i, i, offset, offset + len(line), line))  # type: ignore[arg-type]
        offset += len(line) + 1
    return tuple(out)


def _corpus(hyps: list[str], refs: list[str]) -> tuple[Score, ...]:
    scores = []
    for name, metric in _METRICS.items():
        s = metric.corpus_score(hyps, [refs], n_bootstrap=40)
        half = float(getattr(s, "_ci", 0.0) or 0.0)
        mean = float(getattr(s, "_mean", s.score) or s.score)
        scores.append(Score(name, s.score, mean - half, mean + half, str(metric.get_signature())))
    return tuple(scores)


def make_document(
    doc_id: str,
    mt_lines: Sequence[str],
    ref_lines: Sequence[str],
    bts: Mapping[str, Sequence[str]],
    beads: Sequence[tuple[tuple[int, ...], tuple[int, ...]]],
    findings: Sequence[Mapping[str, Any]] = (),
) -> DocumentResult:
    mt_segs = _segments(doc_id, "mt", mt_lines)
    ref_segs = _segments(doc_id, "ref", ref_lines)
    pairs = []
    for index, (mt, ref) in enumerate(beads):
        pairs.append(
            Pair(
                doc=doc_id,
                index=index,
                mt=mt,
                ref=ref,
                mt_text=" ".join(mt_lines[i] for i in mt),
                ref_text=" ".join(ref_lines[i] for i in ref),
                bt={e: " ".join(bts[e][i] for i in mt) for e in bts},
            )
        )
    segment_scores: dict[str, tuple[dict[str, float], ...]] = {}
    scores: dict[str, tuple[Score, ...]] = {}
    for e in bts:
        per_pair = []
        for p in pairs:
            if p.aligned:
                per_pair.append(
                    {n: m.sentence_score(p.bt[e], [p.ref_text]).score for n, m in _METRICS.items()}
                )
            else:
                per_pair.append({})
        segment_scores[e] = tuple(per_pair)
        aligned = [p for p in pairs if p.aligned]
        scores[e] = _corpus([p.bt[e] for p in aligned], [p.ref_text for p in aligned])
    by_mt = {i: p for p in pairs for i in p.mt}
    by_ref = {i: p for p in pairs for i in p.ref}
    built = []
    for spec in findings:
        mt_index = spec.get("mt_index")
        pair = by_mt[mt_index] if mt_index is not None else by_ref[spec["ref_index"]]
        built.append(
            Finding(
                doc=doc_id,
                kind=spec["kind"],
                severity=spec["severity"],
                mt_index=spec.get("mt_index"),
                ref_index=spec.get("ref_index"),
                mt_text=pair.mt_text,
                mt_span=spec.get("mt_span"),
                ref_span=spec.get("ref_span"),
                bt_span=spec.get("bt_span"),
                engines=tuple(spec.get("engines", ())),
                detector=spec.get("detector", f"checks.{spec['kind']}"),
                message=spec.get("message", f"{spec['kind']} found"),
                evidence=spec.get("evidence", {}),
            )
        )
    return DocumentResult(
        document=Document(doc_id, "\n".join(mt_lines), "\n".join(ref_lines)),
        mt_segments=mt_segs,
        ref_segments=ref_segs,
        back_translations={e: tuple(v) for e, v in bts.items()},
        pairs=tuple(pairs),
        segment_scores=segment_scores,
        scores=scores,
        findings=tuple(built),
    )


def bridge_document() -> DocumentResult:
    """A small news story with findings of most kinds and both kinds of unaligned material."""
    mt = [
        "Le maire Jean Dupont a inauguré mardi le nouveau pont de Lyon.",
        "Le projet a coûté 40 millions d'euros, selon la mairie.",
        "Les habitants n'ont pas salué l'ouvrage.",
        "Partager cet article",
        "la semaine dernière.",
        "Le chantier a été retardé par des grèves.",
    ]
    ref = [
        "Mayor Jean Dupond opened the new bridge in Lyon on Tuesday.",
        "The project cost 45 million euros, according to the town hall.",
        "Residents welcomed the structure last week.",
        "Work began in 2019.",
        "The works were delayed by strikes.",
    ]
    bts = {
        "marian": [
            "Mayor Jean Dupont inaugurated the new bridge in Lyon on Tuesday.",
            "The project cost 40 million euros, according to the town hall.",
            "The inhabitants did not greet the work.",
            "Share this article",
            "last week.",
            "The construction site was delayed by strikes.",
        ],
        "apertium": [
            "The mayor Jean Dupont inaugurated Tuesday the new bridge of Lyon.",
            "The project has cost 40 millions of euros, according to the town hall.",
            "The inhabitants have not saluted the work.",
            "Share this article",
            "the last week.",
            "The building site has been delayed by strikes.",
        ],
    }
    beads = [((0,), (0,)), ((1,), (1,)), ((2, 4), (2,)), ((3,), ()), ((), (3,)), ((5,), (4,))]
    findings: list[dict[str, Any]] = [
        {
            "kind": "entity_drift",
            "severity": "critical",
            "mt_index": 0,
            "ref_index": 0,
            "mt_span": "Jean Dupont",
            "ref_span": "Jean Dupond",
            "bt_span": "Jean Dupont",
            "engines": ["marian", "apertium"],
            "message": "Dupond is spelt Dupont in the MT.",
            "evidence": {"similarity": 0.91, "agreement": "all engines"},
        },
        {
            "kind": "number_mismatch",
            "severity": "major",
            "mt_index": 1,
            "ref_index": 1,
            "mt_span": "40 millions d'euros",
            "ref_span": "45 million euros",
            "bt_span": "40 million euros",
            "engines": ["marian"],
            "evidence": {"mt_value": 40000000, "ref_value": 45000000, "agreement": "one engine"},
        },
        {
            "kind": "meaning_inversion",
            "severity": "critical",
            "mt_index": 2,
            "ref_index": 2,
            "mt_span": "n'ont pas salué",
            "ref_span": "welcomed",
            "bt_span": "did not greet",
            "engines": ["marian"],
            "evidence": {"negation": {"mt": True, "ref": False}},
        },
        {
            "kind": "odd_rendering",
            "severity": "minor",
            "mt_index": 2,
            "ref_index": 2,
            "mt_span": "l'ouvrage",
            "ref_span": "the structure",
            "bt_span": "the work",
            "engines": ["marian"],
            "evidence": {"logprob": -7.25},
        },
        {
            "kind": "fragment",
            "severity": "minor",
            "mt_index": 4,
            "ref_index": 2,
            "mt_span": "la semaine dernière.",
            "ref_span": "last week",
            "engines": [],
            "evidence": {"starts_lowercase": True},
        },
        {
            "kind": "boilerplate",
            "severity": "minor",
            "mt_index": 3,
            "ref_index": None,
            "mt_span": "Partager cet article",
            "engines": [],
        },
        {
            "kind": "omission",
            "severity": "major",
            "mt_index": None,
            "ref_index": 3,
            "ref_span": "Work began in 2019.",
            "engines": [],
        },
        {
            "kind": "low_score",
            "severity": "minor",
            "mt_index": 5,
            "ref_index": 4,
            "mt_span": "Le chantier a été retardé par des grèves.",
            "engines": ["apertium"],
            "evidence": {"chrf": 41.0, "threshold": 45},
        },
    ]
    return make_document("bridge-opening", mt, ref, bts, beads, findings)


def mixed_document() -> DocumentResult:
    """The remaining kinds: entities missing or inconsistent, untranslated text, an addition, a
    tense change, a pronoun gender and a glossary term."""
    mt = [
        "La ministre Claire Martin est arrivée à Genève.",
        "Martine a rencontré ses homologues.",
        "The summit opened with a minute of silence.",
        "Elle a aussi visité une usine de montres célèbre.",
        "La rencontre reprendra demain.",
    ]
    ref = [
        "Minister Claire Martin arrived in Geneva.",
        "Martin met her counterparts.",
        "The summit opened with a minute of silence.",
        "She also visited a watch factory.",
        "The meeting will resume tomorrow.",
    ]
    bts = {
        "marian": [
            "Minister Claire Martin arrived in Geneva.",
            "Martine met her counterparts.",
            "The summit opened with a minute of silence.",
            "She also visited a famous watch factory.",
            "The meeting will resume tomorrow.",
        ],
        "apertium": [
            "The minister Claire Martin arrived to Geneva.",
            "Martine met his counterparts.",
            "The summit opened with a minute of silence.",
            "She also visited a factory of famous watches.",
            "The meeting will take again tomorrow.",
        ],
    }
    beads = [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3,)), ((4,), (4,))]
    findings: list[dict[str, Any]] = [
        {
            "kind": "entity_inconsistent",
            "severity": "major",
            "mt_index": 1,
            "ref_index": 1,
            "mt_span": "Martine",
            "ref_span": "Martin",
            "bt_span": "Martine",
            "engines": ["marian", "apertium"],
            "evidence": {"other_forms": ["Martin"]},
        },
        {
            "kind": "entity_missing",
            "severity": "major",
            "mt_index": 0,
            "ref_index": 0,
            "mt_span": "Genève",
            "ref_span": "Geneva",
            "bt_span": "Geneva",
            "engines": ["apertium"],
        },
        {
            "kind": "untranslated",
            "severity": "major",
            "mt_index": 2,
            "ref_index": 2,
            "mt_span": "The summit opened with a minute of silence.",
            "engines": [],
            "evidence": {"language": "en", "probability": 0.99},
        },
        {
            "kind": "addition",
            "severity": "minor",
            "mt_index": 3,
            "ref_index": 3,
            "mt_span": "célèbre",
            "bt_span": "famous",
            "engines": ["marian"],
        },
        {
            "kind": "tense_change",
            "severity": "major",
            "mt_index": 0,
            "ref_index": 0,
            "mt_span": "est arrivée",
            "ref_span": "arrived",
            "engines": ["marian", "apertium"],
        },
        {
            "kind": "pronoun_gender",
            "severity": "major",
            "mt_index": 3,
            "ref_index": 3,
            "mt_span": "Elle",
            "ref_span": "She",
            "engines": ["marian"],
        },
        {
            "kind": "term_violation",
            "severity": "major",
            "mt_index": 1,
            "ref_index": 1,
            "mt_span": "homologues",
            "ref_span": "counterparts",
            "engines": [],
            "evidence": {"expected": ["partenaires"]},
        },
    ]
    return make_document("summit-visit", mt, ref, bts, beads, findings)


EVIL = {
    "script": "<script>alert('mt')</script>",
    "attr": '" onmouseover="alert(1)" x="',
    "img": "<img src=x onerror=alert(2)>",
    "entity": "AT&T &amp; &lt;b&gt; &#60;i&#62;",
    "rtl": "שלום עולם مرحبا",
    "emoji": "🙂👍🏽 🇫🇷",
    "url": "https://example.com/tracker.png",
    "long": "Donaudampfschifffahrtsgesellschaft" * 12,
}


def evil_document() -> DocumentResult:
    """Hostile and awkward text everywhere a string can go."""
    doc_id = 'doc<b>"id</b>\' onclick="alert(3)"'
    mt = [
        f"Il a écrit {EVIL['script']} et {EVIL['attr']} dans le texte.",
        f"{EVIL['entity']} achète {EVIL['img']} {EVIL['emoji']}.",
        f"{EVIL['rtl']} {EVIL['long']}",
        "",
        f"Voir {EVIL['url']}",
    ]
    ref = [
        f"He wrote {EVIL['script']} and {EVIL['attr']} in the text.",
        f"{EVIL['entity']} buys {EVIL['img']} {EVIL['emoji']}.",
        f"{EVIL['rtl']} {EVIL['long']}",
        "",
    ]
    bts = {
        "marian": [
            f"He wrote {EVIL['script']} and {EVIL['attr']} in the text.",
            f"{EVIL['entity']} buys {EVIL['img']} {EVIL['emoji']}.",
            f"{EVIL['rtl']} {EVIL['long']}",
            "",
            f"See {EVIL['url']}",
        ],
        "apertium": [
            f"It wrote {EVIL['script']} and {EVIL['attr']} in the text.",
            f"{EVIL['entity']} buys {EVIL['img']}.",
            f"{EVIL['rtl']}",
            "",
            f"To see {EVIL['url']}",
        ],
    }
    beads = [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3,)), ((4,), ())]
    findings: list[dict[str, Any]] = [
        {
            "kind": "entity_drift",
            "severity": "critical",
            "mt_index": 0,
            "ref_index": 0,
            "mt_span": EVIL["script"],
            "ref_span": EVIL["script"],
            "bt_span": EVIL["attr"],
            "engines": ["marian"],
            "message": f"Message {EVIL['img']} {EVIL['attr']}",
            "detector": f"checks.{EVIL['script']}",
            "evidence": {
                EVIL["script"]: EVIL["attr"],
                "nested": {"k": EVIL["img"]},
                "agreement": EVIL["script"],
            },
        },
        {
            "kind": "odd_rendering",
            "severity": "major",
            "mt_index": 1,
            "ref_index": 1,
            "mt_span": EVIL["entity"],
            "ref_span": EVIL["emoji"],
            "bt_span": EVIL["img"],
            "engines": ["marian", "apertium"],
            "evidence": {"url": EVIL["url"]},
        },
        {
            "kind": "number_mismatch",
            "severity": "minor",
            "mt_index": 2,
            "ref_index": 2,
            "mt_span": EVIL["rtl"],
            "ref_span": EVIL["long"],
            "bt_span": EVIL["rtl"],
            "engines": ["apertium"],
        },
        {
            "kind": "boilerplate",
            "severity": "minor",
            "mt_index": 4,
            "ref_index": None,
            "mt_span": EVIL["url"],
            "engines": [],
        },
    ]
    return make_document(doc_id, mt, ref, bts, beads, findings)


def make_run(
    documents: Sequence[DocumentResult],
    *,
    name: str = "news-batch",
    stats: Mapping[str, Any] | None = None,
) -> RunResult:
    names = [e for e in ENGINES if any(e in d.back_translations for d in documents)]
    hyps: dict[str, list[str]] = {e: [] for e in names}
    refs: list[str] = []
    for d in documents:
        for p in d.pairs:
            if p.aligned:
                refs.append(p.ref_text)
                for e in names:
                    hyps[e].append(p.bt[e])
    engines = (
        EngineInfo(
            "marian",
            "marian",
            {"engine": "marian", "model": "opus-mt-fr-en", "revision": "0123abcd", "beams": 4},
        ),
        EngineInfo("apertium", "apertium", {"engine": "apertium", "pivot": "fr-es-en"}),
        EngineInfo(
            "nllb",
            "marian",
            {"engine": "marian", "model": "nllb"},
            skipped="model not in the local cache; set HF_HUB_OFFLINE=0 or give a path",
        ),
    )
    return RunResult(
        name=name,
        created="2026-11-28T01:00:00Z",
        mtqa_version="0.1.0",
        config={"engines": list(ENGINES), "thresholds": {"low_score": 45.0}},
        engines=engines,
        documents=tuple(documents),
        scores={e: _corpus(hyps[e], refs) for e in names} if refs else {},
        timings={"load": 0.01, "backtranslate": 1.5, "align": 0.2},
        stats=dict(stats or {"translations": 20, "cache_hits": 7}),
    )


def batch_run() -> RunResult:
    return make_run([bridge_document(), mixed_document()])
