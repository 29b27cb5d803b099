"""End to end: `mtqa run` on the sample and on small documents, through the real engines."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from support import REPO_ROOT, SAMPLE, apertium_argv

from mtqa.cli import main
from mtqa.runfolder import load_run

FURNITURE = {
    "Dernières mises à jour",
    "Voir 2 autres histoires",
    "Nos normes : Principes de confiance de Thomson Reuters.",
}
CONTRACT = {
    "id",
    "doc",
    "kind",
    "severity",
    "mt_index",
    "ref_index",
    "mt_text",
    "mt_span",
    "ref_span",
    "bt_span",
    "engines",
    "detector",
    "message",
    "evidence",
}


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from support import apertium_required

    apertium_required()
    out = tmp_path_factory.mktemp("sample-run")
    cache = out / "cache"
    mp = pytest.MonkeyPatch()
    mp.setenv("HF_HUB_OFFLINE", "1")  # never reach a hub from tests
    try:
        code = main(
            [
                "run",
                str(REPO_ROOT / "configs" / "sample.toml"),
                "--out",
                str(out / "run"),
                "--cache-dir",
                str(cache),
                "--quiet",
            ]
        )
    finally:
        mp.undo()
    assert code == 0
    return out / "run"


def test_sample_pairs_every_story_sentence_and_leaves_furniture_unaligned(sample_run: Path) -> None:
    with open(sample_run / "segments.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    unaligned_mt = {r["mt"] for r in rows if not r["reference"]}
    assert unaligned_mt == FURNITURE
    assert not [r for r in rows if not r["mt"]], "a reference sentence was left unaligned"
    ref_lines = (SAMPLE / "ref.en.txt").read_text(encoding="utf-8").splitlines()
    aligned_refs = " ".join(r["reference"] for r in rows if r["reference"])
    for line in ref_lines:
        assert line in aligned_refs
    # each reference paragraph is paired with the MT paragraph at the same place in the story
    by_ref = {r["reference"]: r["mt"] for r in rows if r["reference"]}
    assert by_ref[ref_lines[0]].startswith("ASTANA, 28 février")
    assert by_ref[ref_lines[-1]].startswith("Rapport de Simon Lewis")
    assert all(r["bt_apertium"] for r in rows if r["mt"])


def test_sample_summary_states_engines_scores_and_timings(sample_run: Path) -> None:
    summary = json.loads((sample_run / "summary.json").read_text(encoding="utf-8"))
    engines = {e["name"]: e for e in summary["engines"]}
    assert engines["apertium"]["status"] == "ran"
    assert engines["apertium"]["signature"]["apertium-fr-es"]
    if engines["marian"]["status"] == "skipped":  # no model here: it says why
        assert "Helsinki-NLP/opus-mt-fr-en" in engines["marian"]["skipped_because"]
    scores = summary["scores"]["apertium"]
    for metric in ("bleu", "chrf", "chrf++", "ter"):
        low, high = scores[metric]["ci95"]
        assert low <= scores[metric]["score"] <= high or metric == "ter"
        assert scores[metric]["signature"].startswith("nrefs:1|bs:1000")
        assert scores[metric]["engine_signature"].startswith("engine:apertium|")
    assert 0 < scores["chrf"]["score"] < 100
    assert summary["timings"]["backtranslate"] > 0
    assert summary["documents"][0]["unaligned_mt"] == 3
    assert summary["config"]["documents"][0]["id"] == "blinken-central-asia"


def test_findings_follow_the_contract(sample_run: Path) -> None:
    lines = (sample_run / "findings.jsonl").read_text(encoding="utf-8").splitlines()
    for line in lines:
        finding = json.loads(line)
        assert CONTRACT <= set(finding) <= CONTRACT | {"confidence", "verdict", "note"}
        if finding["mt_span"] is not None:
            assert finding["mt_span"] in finding["mt_text"]


def test_saved_run_loads_back_whole(sample_run: Path) -> None:
    result = load_run(sample_run)
    (doc,) = result.documents
    assert doc.document.mt_text == (SAMPLE / "mt.fr.txt").read_text(encoding="utf-8")
    for segment in doc.mt_segments:
        assert doc.document.mt_text[segment.start : segment.end] == segment.text
    assert len(doc.pairs) == 21 and sum(p.aligned for p in doc.pairs) == 18


def test_second_run_translates_nothing(tmp_path: Path, capsys) -> None:
    from support import apertium_required

    apertium_required()
    mt, ref = tmp_path / "mt.fr.txt", tmp_path / "ref.en.txt"
    mt.write_text(
        "Le gouvernement a présenté son budget.\nLes impôts baisseront l'an prochain.",
        encoding="utf-8",
    )
    ref.write_text(
        "The government presented its budget.\nTaxes will fall next year.", encoding="utf-8"
    )

    def run_to(folder: str) -> dict:
        argv = apertium_argv(mt, ref, tmp_path / folder, cache=tmp_path / "cache")
        assert main(argv) == 0
        return json.loads((tmp_path / folder / "summary.json").read_text())["stats"]

    first = run_to("run")
    assert first["engines"]["apertium"]["misses"] == 2
    assert first["documents_cached"] == 0
    # a new run folder: the document comes whole from the result cache, nothing is asked
    second = run_to("other")
    assert second["documents_cached"] == 1
    assert second["engines"]["apertium"]["misses"] == 0
    out = capsys.readouterr().out
    assert "Cached: 1 of 1 document(s)" in out and "Corpus scores" in out
    assert (tmp_path / "other" / "findings.jsonl").read_text() == (
        tmp_path / "run" / "findings.jsonl"
    ).read_text()
    # the same run folder: the finished document is taken as it is, nothing is asked
    again = run_to("run")
    assert again["documents_resumed"] == 1
    assert again["engines"]["apertium"]["misses"] == 0
    assert "Resumed: 1 of 1 document(s) were finished by an earlier run" in capsys.readouterr().out


def test_tiny_marian_and_apertium_in_one_run(tmp_path: Path, tiny_marian_dir: Path) -> None:
    from support import apertium_required

    apertium_required()
    config = tmp_path / "run.toml"
    (tmp_path / "doc").mkdir()
    (tmp_path / "doc" / "mt.fr.txt").write_text(
        "Le ministre parle.\nLa ville est grande.", encoding="utf-8"
    )
    (tmp_path / "doc" / "ref.en.txt").write_text(
        "The minister speaks.\nThe city is big.", encoding="utf-8"
    )
    config.write_text(
        f"""name = "both"
output_dir = "out"
[cache]
dir = "cache"
[[documents]]
mt = "doc/mt.fr.txt"
ref = "doc/ref.en.txt"
[[engines]]
name = "tiny"
kind = "marian"
model = "{tiny_marian_dir}"
required = true
settings = {{ num_beams = 1, max_new_tokens = 12 }}
[[engines]]
name = "apertium"
kind = "apertium"
required = true
""",
        encoding="utf-8",
    )
    assert main(["run", str(config), "--quiet"]) == 0
    run_dir = tmp_path / "out" / "both"
    summary = json.loads((run_dir / "summary.json").read_text())
    assert set(summary["scores"]) == {"tiny", "apertium"}
    assert summary["engines"][0]["signature"]["revision"]
    header = (run_dir / "segments.csv").read_text(encoding="utf-8").splitlines()[0]
    assert "bt_tiny" in header and "chrf_apertium" in header


def test_saved_documents_made_by_other_code_are_recomputed(tmp_path: Path, monkeypatch) -> None:
    from support import apertium_required

    import mtqa.runfolder

    apertium_required()
    mt, ref = tmp_path / "mt.fr.txt", tmp_path / "ref.en.txt"
    mt.write_text("Le maire a présenté son budget.", encoding="utf-8")
    ref.write_text("The mayor presented his budget.", encoding="utf-8")
    argv = apertium_argv(mt, ref, tmp_path / "run", "--quiet", cache=tmp_path / "cache")
    assert main(argv) == 0
    assert main(argv) == 0
    stats = json.loads((tmp_path / "run" / "summary.json").read_text())["stats"]
    assert stats["documents_resumed"] == 1
    # an upgrade or an edited lexicon changes the fingerprint: the saved result is stale
    monkeypatch.setattr(mtqa.runfolder, "code_fingerprint", lambda: "other code")
    assert main(argv) == 0
    stats = json.loads((tmp_path / "run" / "summary.json").read_text())["stats"]
    assert stats["documents_resumed"] == 0


def test_marian_run_attaches_forced_decoding_evidence(
    tmp_path: Path, tiny_marian_dir: Path
) -> None:
    from support import apertium_required

    from mtqa.pipeline import run

    apertium_required()
    mt, ref = tmp_path / "mt.fr.txt", tmp_path / "ref.en.txt"
    # a false friend: the reference's library became a bookshop (librairie)
    mt.write_text(
        "La ville a ouvert une nouvelle librairie municipale.\nLes enfants lisent.",
        encoding="utf-8",
    )
    ref.write_text("The town opened a new municipal library.\nThe children read.", encoding="utf-8")
    config = {
        "name": "forced",
        "documents": [{"id": "d", "mt": str(mt), "ref": str(ref)}],
        # Apertium's English makes the alignment; the tiny Marian model scores the reference
        "engines": [
            {"name": "apertium", "kind": "apertium", "required": True},
            {
                "name": "tiny",
                "kind": "marian",
                "model": str(tiny_marian_dir),
                "required": True,
                "settings": {"num_beams": 1, "max_new_tokens": 16},
            },
        ],
    }
    result = run(config, use_cache=False, write=False)
    traps = [f for f in result.findings if f.kind == "odd_rendering" and f.mt_span == "librairie"]
    assert traps, [(f.kind, f.mt_span) for f in result.findings]
    evidence = traps[0].evidence
    tokens = evidence["forced_tokens"]
    assert tokens and all(isinstance(lp, float) and lp <= 0 for _, lp in tokens)
    assert evidence["forced_logprob_mean"] == pytest.approx(
        sum(lp for _, lp in tokens) / len(tokens), abs=1e-3
    )


def test_rerun_into_a_new_folder_detects_nothing(tmp_path: Path, monkeypatch) -> None:
    from support import apertium_required

    import mtqa.checks
    from mtqa.pipeline import run

    apertium_required()
    docs = tmp_path / "docs"
    for i, (fr, en) in enumerate(
        [
            ("Le maire a présenté son budget.", "The mayor presented his budget."),
            ("Les impôts baisseront en 2025.", "Taxes will fall in 2026."),
        ]
    ):
        (docs / f"d{i}").mkdir(parents=True)
        (docs / f"d{i}" / "mt.fr.txt").write_text(fr, encoding="utf-8")
        (docs / f"d{i}" / "ref.en.txt").write_text(en, encoding="utf-8")
    config = {
        "name": "again",
        "documents": [{"glob": str(docs / "*/")}],
        "engines": [{"name": "apertium", "kind": "apertium", "required": True}],
        "cache": {"dir": str(tmp_path / "cache")},
        "execution": {"workers": 1},
    }
    first = run(config, run_dir=tmp_path / "first")
    assert first.stats.documents_cached == 0

    def no_detection(*args: object, **kwargs: object) -> None:
        raise AssertionError("a cached document was checked again")

    monkeypatch.setattr(mtqa.checks, "detect", no_detection)
    second = run(config, run_dir=tmp_path / "second")
    assert second.stats.documents_cached == 2
    for name in ("findings.jsonl", "segments.csv"):
        assert (tmp_path / "second" / name).read_text() == (tmp_path / "first" / name).read_text()
    summaries = [
        json.loads((tmp_path / folder / "summary.json").read_text(encoding="utf-8"))
        for folder in ("first", "second")
    ]
    assert summaries[0]["scores"] == summaries[1]["scores"]  # the run's scores, read back
    assert summaries[0]["stats"]["aggregate"] == summaries[1]["stats"]["aggregate"]
    assert [d.findings for d in second.documents] == [d.findings for d in first.documents]
    assert any(second.findings)  # the number slip of d1 was found, and kept
    # other settings make another key: the document is evaluated again
    with pytest.raises(AssertionError, match="checked again"):
        run({**config, "checks": {"low_score_z": 3.0}}, run_dir=tmp_path / "third")
    # and without the cache nothing is taken from it
    with pytest.raises(AssertionError, match="checked again"):
        run(config, run_dir=tmp_path / "fourth", use_cache=False)
