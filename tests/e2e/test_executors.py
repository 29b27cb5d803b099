"""Executors: a run gives the same findings, segments and scores wherever its documents are
evaluated (in this process, a process pool, a local Ray), and resumes across them."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from support import apertium_argv

import mtqa.execute
from mtqa.cli import main
from mtqa.pipeline import run
from mtqa.runfolder import document_to_json, load_run

DOCUMENTS = [
    (
        "Le maire de Lyon a présenté un budget de 12 millions d'euros.\n"
        "L'opposition a critiqué le projet lors du conseil municipal.",
        "The mayor of Lyon presented a budget of 12 million euros.\n"
        "The opposition criticised the project at the city council.",
    ),
    (
        "Les écoles recevront 30 nouveaux enseignants en 2025.\n"
        "Le réseau de tramway sera prolongé vers le nord.",
        "The schools will receive 40 new teachers in 2025.\n"
        "The tram network will be extended to the north.",
    ),
    (
        "La banque centrale a annoncé un plan mardi.",
        "The central bank announced a plan on Tuesday. Prices rose again.",
    ),
]


def make_batch(root: Path, marian: Path | None = None) -> dict[str, Any]:
    for i, (fr, en) in enumerate(DOCUMENTS):
        folder = root / "docs" / f"doc-{i}"
        folder.mkdir(parents=True)
        (folder / "mt.fr.txt").write_text(fr, encoding="utf-8")
        (folder / "ref.en.txt").write_text(en, encoding="utf-8")
    engines: list[dict[str, Any]] = [{"name": "apertium", "kind": "apertium", "required": True}]
    if marian is not None:
        engines.insert(
            0,
            {
                "name": "tiny",
                "kind": "marian",
                "model": str(marian),
                "required": True,
                "settings": {"num_beams": 1, "max_new_tokens": 12},
            },
        )
    return {
        "name": "batch",
        "documents": [{"glob": str(root / "docs" / "*/")}],
        "engines": engines,
        "cache": {"dir": str(root / "cache")},
    }


def outputs(run_dir: Path) -> dict[str, Any]:
    """What must not depend on the executor: documents, scores, segments, findings."""
    result = load_run(run_dir)
    summary = json.loads((run_dir / "summary.json").read_text(encoding="utf-8"))
    return {
        "documents": [document_to_json(d) for d in result.documents],
        "scores": summary["scores"],
        "per_document": [{k: d[k] for k in ("id", "scores", "findings")}
                         for d in summary["documents"]],
        "segments": (run_dir / "segments.csv").read_text(encoding="utf-8"),
        "findings": (run_dir / "findings.jsonl").read_text(encoding="utf-8"),
    }


@pytest.mark.parametrize("start", ["fork", "spawn"])
def test_process_pool_matches_serial_run(
    tmp_path: Path, start: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workers forked from the run's process (its models loaded, the first document done
    there) or started afresh give the serial run's outputs."""
    from support import apertium_required

    import mtqa.execute

    apertium_required()
    config = make_batch(tmp_path)
    serial = run(config, run_dir=tmp_path / "serial", use_cache=False, workers=1)
    if start == "spawn":
        monkeypatch.setattr(mtqa.execute, "_can_fork", lambda setup: False)
    pooled = run(config, run_dir=tmp_path / "pooled", use_cache=False, workers=2)
    assert outputs(tmp_path / "serial") == outputs(tmp_path / "pooled")
    assert len(pooled.findings) == len(serial.findings) > 0
    assert [d.document.id for d in pooled.documents] == ["doc-0", "doc-1", "doc-2"]


# Documents scored by the process that aligns and scores while the models load leave a
# file here (the process is forked from the test's, so it sees these names).
SCORED_DIR: Path | None = None
_SCORE = mtqa.execute._pool_score


def _score_and_say(position: int, job: Any) -> Any:
    evaluated = _SCORE(position, job)
    assert SCORED_DIR is not None
    (SCORED_DIR / str(position)).touch()
    return evaluated


@pytest.mark.parametrize(("ahead", "expected"), [(2_000, ["0", "1", "2"]), (1, ["0"])])
def test_documents_scored_while_the_models_load_give_the_serial_outputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ahead: int, expected: list[str]
) -> None:
    """With forked workers, documents aligned and scored by another process while this one
    loads the detectors' models (all of them, or only the first when few may be held) are
    only checked by the workers: the outputs are the serial run's."""
    from support import apertium_required

    apertium_required()
    config = make_batch(tmp_path)
    run(config, run_dir=tmp_path / "serial", use_cache=False, workers=1)
    scored = tmp_path / "scored"
    scored.mkdir()
    monkeypatch.setattr(sys.modules[__name__], "SCORED_DIR", scored)
    monkeypatch.setattr(mtqa.execute, "_pool_score", _score_and_say)
    monkeypatch.setattr(mtqa.execute.PoolExecutor, "SCORED_AHEAD", ahead)
    warm_up = mtqa.execute.warm_up

    def slow_warm_up(setup: Any) -> None:
        """The models load until the expected documents are scored (or a minute passed)."""
        warm_up(setup)
        deadline = time.monotonic() + 60
        while len(list(scored.iterdir())) < len(expected) and time.monotonic() < deadline:
            time.sleep(0.05)

    monkeypatch.setattr(mtqa.execute, "warm_up", slow_warm_up)
    pooled = run(config, run_dir=tmp_path / "pooled", use_cache=False, workers=2)
    assert sorted(p.name for p in scored.iterdir()) == expected
    assert outputs(tmp_path / "serial") == outputs(tmp_path / "pooled")
    assert pooled.timings["align"] > 0 and pooled.timings["detect"] > 0


def test_loading_models_ahead_changes_no_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The warm-up document checked while the run back-translates leaves no trace."""
    from support import apertium_required

    import mtqa.execute

    apertium_required()
    config = make_batch(tmp_path)
    run(config, run_dir=tmp_path / "warm", use_cache=False, workers=1)
    monkeypatch.setattr(mtqa.execute.Executor, "prepare", lambda self, setup: None)
    run(config, run_dir=tmp_path / "cold", use_cache=False, workers=1)
    assert outputs(tmp_path / "warm") == outputs(tmp_path / "cold")


def test_result_documents_are_read_back_from_the_run_folder(tmp_path: Path) -> None:
    from support import apertium_required

    apertium_required()
    config = make_batch(tmp_path)
    result = run(config, run_dir=tmp_path / "run", workers=1)
    assert len(result.documents) == 3
    assert result.documents[-1].document.id == "doc-2"
    assert [d.document.id for d in result.documents[1:]] == ["doc-1", "doc-2"]
    assert len(result.frames.segments) == sum(len(d.pairs) for d in result.documents)
    assert list(result.frames.findings["doc"]) == [f.doc for f in result.findings]
    in_memory = run(config, write=False, use_cache=False, workers=1)
    assert [document_to_json(d) for d in in_memory.documents] == [
        document_to_json(d) for d in result.documents
    ]


def test_ray_executor_without_ray_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray fails as if not installed
    mt, ref = tmp_path / "mt.fr.txt", tmp_path / "ref.en.txt"
    mt.write_text("Le maire parle.", encoding="utf-8")
    ref.write_text("The mayor speaks.", encoding="utf-8")
    code = main(apertium_argv(mt, ref, tmp_path / "run", "--quiet", "--executor", "ray"))
    assert code == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert "pip install 'mtqa[ray]'" in line
    assert not (tmp_path / "run" / "documents").exists()  # stopped before any work


def test_workers_must_be_positive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = apertium_argv(tmp_path / "a", tmp_path / "b", tmp_path / "run", "--workers", "0")
    assert main(argv) == 2
    assert "--workers: Input should be greater than or equal to 1" in capsys.readouterr().err


@pytest.fixture(scope="module")
def local_ray() -> Any:
    ray = pytest.importorskip("ray", reason="Ray is not installed (pip install 'mtqa[ray]')")
    pytest.importorskip("ray.data")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False,
             runtime_env={"env_vars": {"HF_HUB_OFFLINE": os.environ.get("HF_HUB_OFFLINE", "1")}})
    yield ray
    ray.shutdown()


@pytest.mark.slow
@pytest.mark.marian
def test_ray_run_matches_local_run_and_resumes_it(
    tmp_path: Path, local_ray: Any, tiny_marian_dir: Path
) -> None:
    from support import apertium_required

    apertium_required()
    config = make_batch(tmp_path, marian=tiny_marian_dir)
    local = run(config, run_dir=tmp_path / "local", use_cache=False, workers=1)
    on_ray = run(config, run_dir=tmp_path / "ray", use_cache=False, executor="ray")
    assert outputs(tmp_path / "ray") == outputs(tmp_path / "local")
    assert on_ray.stats.engines["tiny"]["misses"] == local.stats.engines["tiny"]["misses"]
    assert any(f.kind == "number_mismatch" for f in on_ray.findings)

    # a Ray run finishes a local run that was cut short, and the other way round
    (tmp_path / "local" / "documents" / "doc-1.json").unlink()
    resumed = run(config, run_dir=tmp_path / "local", use_cache=False, executor="ray")
    assert resumed.stats.documents_resumed == 2
    (tmp_path / "ray" / "documents" / "doc-0.json").unlink()
    back = run(config, run_dir=tmp_path / "ray", use_cache=False, executor="local", workers=2)
    assert back.stats.documents_resumed == 2
    assert outputs(tmp_path / "ray") == outputs(tmp_path / "local")

    # through the translation cache: Ray fills it, a local run reads it
    cached = {**config, "name": "cached"}
    run(cached, run_dir=tmp_path / "fill", executor="ray")
    again = run({**cached, "checks": {"low_score_z": 3.0}}, run_dir=tmp_path / "read", workers=1)
    assert again.stats.engines["tiny"]["misses"] == 0
    assert again.stats.engines["tiny"]["hits"] > 0
