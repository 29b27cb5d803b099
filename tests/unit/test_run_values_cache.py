"""What a run computes over all its inputs (language warnings, corpus scores) is kept in the
result cache: the same inputs run again into a new folder read it instead of computing it."""

from __future__ import annotations

from pathlib import Path

import pytest

import mtqa.checks.language
from mtqa.model import Document, Score
from mtqa.store import ResultCache, cached_language_warnings, cached_run_scores

ENGLISH = "The minister presented the budget to the regional council on Monday morning."
FRENCH = "Le ministre a présenté le budget au conseil régional lundi matin, devant la presse."


def documents() -> list[Document]:
    return [
        Document("swapped", mt_text=ENGLISH, ref_text=FRENCH),
        Document("fine", mt_text=FRENCH, ref_text=ENGLISH),
    ]


def test_language_warnings_are_read_back_without_identifying_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = ResultCache(tmp_path)
    first = cached_language_warnings(documents(), cache)
    assert len(first) == 1 and "swapped" in first[0]

    def identify(*args: object, **kwargs: object) -> None:
        raise AssertionError("the language was identified again")

    monkeypatch.setattr(mtqa.checks.language, "identify", identify)
    assert cached_language_warnings(documents(), cache) == first
    # another text is another key; no cache, nothing read from it
    changed = [documents()[0], Document("fine", mt_text=FRENCH, ref_text=FRENCH + " Encore.")]
    with pytest.raises(AssertionError, match="identified again"):
        cached_language_warnings(changed, cache)
    with pytest.raises(AssertionError, match="identified again"):
        cached_language_warnings(documents(), None)


def test_run_scores_are_read_back_for_the_same_document_keys(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path)
    scores = {
        "apertium": (
            Score("bleu", 31.123456789, 28.5, 33.25, "nrefs:1|bleu"),
            Score("ter", 52.0, None, None, "nrefs:1|ter"),
        )
    }
    calls: list[int] = []

    def compute() -> dict[str, tuple[Score, ...]]:
        calls.append(1)
        return scores

    def scores_for(keys: list[str]) -> dict[str, tuple[Score, ...]]:
        return cached_run_scores(cache, keys, compute, ["apertium"], ["bleu", "ter"])

    assert scores_for(["k1", "k2"]) == scores and len(calls) == 1
    assert scores_for(["k1", "k2"]) == scores and len(calls) == 1  # read back, exactly
    assert scores_for(["k2", "k1"]) == scores and len(calls) == 2  # other documents
    assert cached_run_scores(None, ["k1", "k2"], compute, ["apertium"], ["bleu"]) == scores
    assert len(calls) == 3


def test_a_cached_result_is_copied_as_this_runs_document(tmp_path: Path) -> None:
    """The copy of a cached document result into a run folder is the file the run would
    have written itself: same result, this run's paths."""
    from dataclasses import replace

    from support import make_result

    from mtqa.store import read_saved, write_saved

    cache = ResultCache(tmp_path / "cache")
    result = make_result(["Le maire parle.", "Il pleut."], ["The mayor speaks.", "It rains."])
    cache.put("k1", result)
    here = replace(result.document, mt_path="/here/mt.fr.txt", ref_path="/here/ref.en.txt")
    assert cache.copy_to("k1", here, tmp_path / "run" / "copied.json")
    write_saved(tmp_path / "run" / "written.json", "k1", replace(result, document=here))
    copied = (tmp_path / "run" / "copied.json").read_text(encoding="utf-8")
    assert copied == (tmp_path / "run" / "written.json").read_text(encoding="utf-8")
    assert read_saved(tmp_path / "run" / "copied.json", "k1") == replace(result, document=here)
    assert not cache.copy_to("k2", here, tmp_path / "run" / "missing.json")
