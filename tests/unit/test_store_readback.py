"""What a run sets aside and reads back: each document's segment statistics, put back end to
end for corpus scores equal to those of the texts scored together; and its saved documents,
the first ones kept and the rest read again."""

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


def test_saved_documents_keep_the_first_read_and_read_the_rest_again(
    tmp_path, monkeypatch
) -> None:
    """A run's documents read back from its folder: the first ones, up to the bound, are
    read once whatever the passes over them; the others each time they are used."""
    from support import make_result

    import mtqa.store as store

    ids = [f"doc{i}" for i in range(5)]
    for doc in ids:  # two sentences a side: four a document
        result = make_result(["Un.", "Deux."], ["One.", "Two."], doc=doc)
        store.write_saved(store.saved_path(tmp_path, doc), "key", result)
    reads: list[str] = []
    read_saved = store.read_saved

    def counted(path, key=None):
        reads.append(path.stem)
        return read_saved(path, key)

    monkeypatch.setattr(store, "read_saved", counted)
    monkeypatch.setattr(store.SavedDocuments, "KEEP_SEGMENTS", 8)  # two documents
    saved = store.SavedDocuments(tmp_path, ids)
    for _ in range(3):  # three passes in order, as the reports make them
        assert [d.document.id for d in saved] == ids
    assert reads.count("doc0") == reads.count("doc1") == 1
    assert reads.count("doc2") == reads.count("doc4") == 3
