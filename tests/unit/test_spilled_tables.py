"""A run's segment statistics set aside a document at a time and put back end to end: the
corpus scores made of them are those of the texts scored together."""

from __future__ import annotations

import numpy as np

from mtqa.metrics import METRICS, corpus_scores, corpus_scores_of, statistics_table
from mtqa.store import SpilledTables

DOCUMENTS = {
    "budget": (
        ["The minister of finances announced a new budget Monday.", "Farmers will be helped."],
        ["The finance minister announced a new budget on Monday.", "Farmers will get help."],
    ),
    "empty": ([], []),
    "schools": (
        ["The spending on the schools will increase of a tenth the next year."],
        ["Spending on schools will rise by a tenth next year."],
    ),
}


def tables_of(hypotheses: list[str], references: list[str]) -> dict[str, dict[str, np.ndarray]]:
    return {"apertium": {m: statistics_table(m, hypotheses, references) for m in METRICS}}


def test_tables_come_back_as_they_were_put() -> None:
    spill = SpilledTables()
    for key, texts in DOCUMENTS.items():
        spill.put(key, tables_of(*texts))
    back = spill.get("budget")
    assert back is not None
    for metric, table in tables_of(*DOCUMENTS["budget"])["apertium"].items():
        assert back["apertium"][metric].dtype == table.dtype  # counts stay integers
        assert np.array_equal(back["apertium"][metric], table)
    assert "schools" in spill and "other" not in spill and spill.get("other") is None
    spill.close()


def test_joined_tables_score_as_the_texts_scored_together() -> None:
    spill = SpilledTables()
    for key in ("schools", "empty", "budget"):  # put in the order documents finish
        spill.put(key, tables_of(*DOCUMENTS[key]))
    order = ["budget", "empty", "schools"]  # joined in the run's order
    joined = spill.joined(order)
    hypotheses = [h for key in order for h in DOCUMENTS[key][0]]
    references = [r for key in order for r in DOCUMENTS[key][1]]
    assert len(joined["apertium"]["bleu"]) == 3
    expected = corpus_scores(hypotheses=hypotheses, references=references)
    assert corpus_scores_of(joined["apertium"]) == expected
    assert spill.joined(["empty"]) == {}
