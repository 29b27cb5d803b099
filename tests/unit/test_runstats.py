"""A run's statistics: typed fields, the JSON form result.json and summary.json hold."""

from __future__ import annotations

from dataclasses import replace

from report_builders import bridge_document, make_run

from mtqa.model import Score
from mtqa.review import Decision
from mtqa.runstats import RunStats, aggregate, findings_by_system

STATS = {
    "engines": {"apertium": {"hits": 3, "misses": 19, "duplicates": 0, "batches": 1}},
    "documents_resumed": 0,
    "documents_cached": 1,
    "warnings": ["mt.fr.txt: a byte-order mark was removed"],
    "review": {
        "file": "d.json",
        "decisions": 2,
        "applied": {"false_alarm": 1},
        "stale": [{"id": "0123456789ab", "verdict": "fixed", "note": None}],
    },
    "aggregate": {
        "documents": [{"doc": "a", "findings": 2, "chrf_apertium": 53.9, "bleu_apertium": 15.8}],
        "macro": {"chrf_apertium": 53.9},
        "worst_documents": ["a"],
        "most_frequent_findings": [["entity_drift", 2]],
        "system": "mt",
        "by_system": {
            "mt": {
                "documents": 1,
                "aligned_pairs": 18,
                "by_severity": {"critical": 1, "major": 1, "minor": 0},
                "most_frequent_findings": [["entity_drift", 2]],
            }
        },
    },
    "backtranslation": {"sentences_translated": 19, "sentences_per_second": 51.8},
}


def test_json_form_reads_back_to_the_same_json() -> None:
    stats = RunStats.from_json(STATS)
    assert stats.to_json() == STATS
    assert list(stats.to_json()) == list(STATS)  # the key order summary.json has
    assert stats.aggregate is not None and stats.aggregate.worst_documents == ("a",)
    assert stats.aggregate.documents[0].scores == {"chrf_apertium": 53.9, "bleu_apertium": 15.8}
    assert stats.cache_hits == 3
    assert stats.backtranslation is not None and stats.backtranslation.sentences_translated == 19
    assert stats.review is not None and stats.review.applied == {"false_alarm": 1}
    assert stats.stale_decisions == (Decision("0123456789ab", "fixed"),)


def test_a_review_record_of_another_shape_stays_as_it_was() -> None:
    old = {**STATS, "review": {"file": "d.json", "applied": 3}}
    stats = RunStats.from_json(old)
    assert stats.review is None and stats.stale_decisions == ()
    assert stats.other == {"review": {"file": "d.json", "applied": 3}}
    assert stats.to_json() == old


def test_keys_of_another_version_are_kept_and_an_unreadable_comparison_stays_as_it_was() -> None:
    old = {**STATS, "comparison": [{"system": "mt", "chrf": 50.5}], "translations": 20}
    stats = RunStats.from_json(old)
    assert stats.comparison is None
    assert stats.other == {"comparison": [{"system": "mt", "chrf": 50.5}], "translations": 20}
    assert stats.to_json() == old


def test_a_result_made_with_a_mapping_gets_typed_statistics() -> None:
    run = make_run([bridge_document()], stats={"documents_resumed": 2})
    assert isinstance(run.stats, RunStats) and run.stats.documents_resumed == 2
    assert replace(run, stats=RunStats()).stats.documents_resumed == 0


def test_aggregate_ranks_worst_documents_by_the_first_engine_s_chrf() -> None:
    docs = []
    for name, value in (("good", 80.0), ("bad", 20.0)):
        doc = bridge_document()
        score = Score("chrf", value, None, None, "sig")
        docs.append(
            replace(doc, document=replace(doc.document, id=name), scores={"e": (score,)})
        )
    table = aggregate(docs, ["e"], ["chrf"])
    assert table.worst_documents == ("bad", "good")
    assert table.macro == {"chrf_e": 50.0}
    counted = sum(len(d.counted_findings) for d in docs)
    assert sum(n for _, n in table.most_frequent_findings) == counted
    (mt,) = findings_by_system(docs).values()
    assert mt.documents == 2 and sum(mt.by_severity.values()) == counted
