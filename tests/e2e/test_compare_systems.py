"""Comparing MT systems by their errors, end to end on the sample with Apertium.

A second system is made from the sample MT in the test: four of its critical errors fixed
(three misspelt names and a wrong first name) and three new ones added (a wrong number, a
negation, a misspelt name). Its chrF is within a point of the sample's; its findings are not.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from support import SAMPLE, sample_texts

import mtqa
from mtqa.cli import main

FIXES = [
    ("Anthony Blinken", "Antony Blinken"),
    ("Blingen", "Blinken"),
    ("Togayev", "Tokayev"),
    ("Diluberdi", "Tileuberdi"),
]
NEW_ERRORS = [
    ("un nouveau financement de 25 millions", "un nouveau financement de 35 millions"),
    ("et a publiquement repoussé", "et n’a pas publiquement repoussé"),
    ("Vladimir Poutine", "Vladimir Boutine"),
]


def _replace(text: str, replacements: list[tuple[str, str]]) -> str:
    for old, new in replacements:
        assert text.count(old) == 1, old  # the sample still reads as the test expects
        text = text.replace(old, new)
    return text


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two-system and three-system runs, and single runs of three MT versions for diffs."""
    from support import apertium_required

    apertium_required()
    root = tmp_path_factory.mktemp("systems")
    mt, _ = sample_texts()
    texts = {
        "better": _replace(_replace(mt, FIXES), NEW_ERRORS),  # 4 errors fixed, 3 new
        "worse": _replace(mt, NEW_ERRORS),  # 3 new errors only
        "fixed": _replace(mt, FIXES),  # 4 errors fixed only
    }
    for name, text in texts.items():
        (root / f"{name}.fr.txt").write_text(text, encoding="utf-8")
    ref = SAMPLE / "ref.en.txt"

    def config(name: str, mt_file: Path, systems: dict[str, str]) -> Path:
        lines = [
            f'name = "{name}"',
            'output_dir = "runs"',
            "[cache]",
            'dir = "cache"',
            "[[documents]]",
            'id = "blinken"',
            f'mt = "{mt_file}"',
            f'ref = "{ref}"',
        ]
        if systems:
            lines.append(
                "systems = { " + ", ".join(f'{k} = "{v}"' for k, v in systems.items()) + " }"
            )
        lines += ["[[engines]]", 'name = "apertium"', 'kind = "apertium"', "required = true"]
        path = root / f"{name}.toml"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    sample_mt = SAMPLE / "mt.fr.txt"
    configs = {
        "two": config("two", sample_mt, {"better": "better.fr.txt"}),
        "three": config("three", sample_mt, {"better": "better.fr.txt", "worse": "worse.fr.txt"}),
        "base": config("base", sample_mt, {}),
        "worse-only": config("worse-only", root / "worse.fr.txt", {}),
        "fixed-only": config("fixed-only", root / "fixed.fr.txt", {}),
    }
    for path in configs.values():
        assert main(["run", str(path), "--quiet"]) == 0
    return root


def _critical(run: Path) -> dict[str, int]:
    """Critical findings per system, counted from findings.jsonl (what the detectors found)."""
    counts = {"mt": 0}
    for line in (run / "findings.jsonl").read_text(encoding="utf-8").splitlines():
        f = json.loads(line)
        system = f["doc"].split("@")[1] if "@" in f["doc"] else "mt"
        counts.setdefault(system, 0)
        if f["severity"] == "critical" and f.get("verdict") != "false_alarm":
            counts[system] += 1
    return counts


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_verdict_names_the_system_with_fewer_errors_despite_near_equal_chrf(
    runs: Path,
) -> None:
    run = runs / "runs" / "two"
    summary = json.loads((run / "summary.json").read_text(encoding="utf-8"))
    errors = summary["error_score"]
    assert set(errors) == {"mt", "better"}
    critical = _critical(run)
    assert errors["mt"]["findings"]["critical"] == critical["mt"]
    assert errors["better"]["findings"]["critical"] == critical["better"]
    assert critical["better"] < critical["mt"]  # four errors fixed, three new ones
    for system in ("mt", "better"):
        low, high = errors[system]["ci95"]
        assert low <= errors[system]["score"] <= high
    assert errors["mt"]["p_value"] is None  # the baseline
    assert 0 < errors["better"]["p_value"] <= 1
    assert errors["better"]["score"] < errors["mt"]["score"]
    chrf = {r["system"]: r["scores"]["chrf"]["score"] for r in summary["comparison"]["rows"]}
    assert abs(chrf["better"] - chrf["mt"]) < 1  # chrF barely tells them apart

    (verdict,) = summary["verdicts"]
    assert re.match(r"better (is better than|has fewer errors than) mt", verdict), verdict
    fewer = critical["mt"] - critical["better"]
    assert f"{fewer} fewer critical finding" in verdict
    assert f"({critical['mt']} → {critical['better']}" in verdict
    assert "chrF +0.3" in verdict
    html = _text((run / "report.html").read_text(encoding="utf-8"))
    assert verdict.replace("→", "→") in html.replace("&#39;", "'")
    # the comparison card: metrics as rows with their direction, systems as columns
    assert "error score (per 100 reference words) lower is better" in html
    assert "TER lower is better" in html and "chrF higher is better" in html
    assert f"critical findings fewer is better {critical['mt']} {critical['better']}" in html
    # every summary card says which system it describes
    assert "Corpus scores — system mt" in html
    assert "Findings — all 2 systems" in html
    assert "Ranking by error score" not in html  # two systems: the verdict says it all
    # each document (one per system here) has its own error score, in the JSON and the table
    per_doc = {d["id"]: d["error_score"] for d in summary["documents"]}
    assert per_doc["blinken"]["score"] == errors["mt"]["score"]
    assert per_doc["blinken@better"]["findings"]["critical"] == critical["better"]
    low, high = per_doc["blinken@better"]["ci95"]
    assert f"{per_doc['blinken@better']['score']:.1f} [{low:.1f}–{high:.1f}]" in html


def test_the_terminal_gives_pairs_and_findings_per_system_and_the_verdict(runs: Path) -> None:
    from mtqa.report.terminal import format_summary

    result = mtqa.load(runs / "runs" / "two")
    text = format_summary(result)
    assert "mt: 18 aligned pairs" in text and "better: 18 aligned pairs" in text
    for system, n in _critical(runs / "runs" / "two").items():
        total = sum(1 for f in result.counted_findings if (system == "mt") != ("@" in f.doc))
        assert f"Findings of system {system}: {total} ({n} critical" in text
    assert "Verdict: better " in text
    assert "Error score (weighted findings per 100 reference words, lower is better" in text


def test_three_systems_are_ranked_in_clusters(runs: Path) -> None:
    run = runs / "runs" / "three"
    result = mtqa.load(run)
    comparison = result.comparison
    assert comparison is not None
    ranking = [r.system for r in comparison.ranking]
    assert ranking == ["better", "mt", "worse"]
    assert [r.rank for r in comparison.ranking] == [1, 2, 3]
    clusters = [r.cluster for r in comparison.ranking]
    assert clusters == sorted(clusters) and clusters[0] == 1
    html = (run / "report.html").read_text(encoding="utf-8")
    table = html[html.index('class="grid num cmp-ranking"') :]
    table = table[: table.index("</table>")]
    assert [m for m in re.findall(r"<th scope=\"row\"><bdi>([^<]+)</bdi>", table)] == ranking
    from mtqa.report.terminal import format_summary

    assert "Ranking by error score" in format_summary(result)


def test_load_returns_the_run_and_the_comparison_frame(runs: Path) -> None:
    result = mtqa.load(runs / "runs" / "three")
    frame = result.frames.comparison
    errors = frame[frame.metric == "error_score"].set_index("system")
    assert set(errors.index) == {"mt", "better", "worse"}
    assert errors.loc["mt", "baseline"] and not errors.loc["worse", "baseline"]
    assert errors.loc["worse", "delta"] > 0 and errors.loc["better", "delta"] < 0
    assert (errors.ci_low <= errors.score).all() and (errors.score <= errors.ci_high).all()
    chrf = frame[(frame.metric == "chrf") & (frame.system == "worse")].iloc[0]
    assert chrf.engine == "apertium" and chrf.higher_is_better and 0 < chrf.p_value <= 1
    assert result.frames.scores.columns.tolist()[3] == "score"


def test_run_json_prints_only_the_summary(runs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["run", str(runs / "two.toml"), "--json"]) == 0  # resumes: nothing recomputed
    out = capsys.readouterr().out
    summary = json.loads(out)
    assert summary["error_score"]["better"]["score"] < summary["error_score"]["mt"]["score"]
    assert summary["scores"]["apertium"]["chrf"]["score"] > 0  # "score", not "value"


@pytest.mark.parametrize(
    ("after", "code", "needle"),
    [
        ("worse-only", 1, "new critical finding(s) in B"),
        ("fixed-only", 0, "Regression: none"),
    ],
)
def test_diff_fails_on_regression_only_for_new_critical_errors(
    runs: Path, capsys: pytest.CaptureFixture[str], after: str, code: int, needle: str
) -> None:
    base, other = runs / "runs" / "base", runs / "runs" / after
    capsys.readouterr()
    assert main(["diff", str(base), str(other), "--fail-on-regression"]) == code
    captured = capsys.readouterr()
    assert needle in captured.out + captured.err
    assert "Verdict: B " in captured.out
    assert main(["diff", str(base), str(other)]) == 0  # without the option: a report only
    capsys.readouterr()
    assert main(["diff", str(base), str(other), "--json"]) == 0
    diff = json.loads(capsys.readouterr().out)
    assert diff["verdict"].startswith("B ")
    assert bool(diff["regressions"]) == (code == 1)
    assert diff["error_score"]["A"]["ci95"] is not None
    assert diff["scores"]["apertium"]["B"]["scores"]["chrf"]["ci95"] is not None


@pytest.mark.parametrize(
    ("gate", "code", "reason"),
    [
        ("error_score>{mid}", 1, "error score of mt is"),
        ("error_score@better>{mid}", 0, None),
        ("error_score@better<{mid}", 1, "error score of better is"),
    ],
)
def test_error_score_gates(
    runs: Path, capsys: pytest.CaptureFixture[str], gate: str, code: int, reason: str | None
) -> None:
    summary = json.loads((runs / "runs" / "two" / "summary.json").read_text(encoding="utf-8"))
    scores = summary["error_score"]
    mid = round((scores["mt"]["score"] + scores["better"]["score"]) / 2, 2)  # between the two
    capsys.readouterr()
    argv = ["run", str(runs / "two.toml"), "--quiet", "--fail-on", gate.format(mid=mid)]
    assert main(argv) == code
    err = capsys.readouterr().err
    if reason:
        assert reason in err
    else:
        assert "gate failed" not in err


def test_an_error_score_gate_on_an_unknown_system_says_which_there_are(
    runs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    argv = ["run", str(runs / "two.toml"), "--quiet", "--fail-on", "error_score@deepl>1"]
    assert main(argv) == 2
    assert "no MT system 'deepl' in this run (systems: mt, better)" in capsys.readouterr().err
