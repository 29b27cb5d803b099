"""The reviewer's loop outside the browser: stable finding ids and decisions across runs."""

from __future__ import annotations

from pathlib import Path

import pytest
from inputs import REVIEW_MT, REVIEW_REF
from support import apertium_argv, make_result

from mtqa.checks import assign_ids
from mtqa.cli import main
from mtqa.errors import InputError
from mtqa.model import Finding
from mtqa.review import Decision, apply_decisions, load_decisions, parse_decisions

MT, REF = REVIEW_MT, REVIEW_REF


def _number_finding(mt_index: int, mt: list[str]) -> Finding:
    return Finding(
        doc="doc",
        kind="number_mismatch",
        severity="critical",
        mt_index=mt_index,
        ref_index=mt_index,
        mt_text=mt[mt_index],
        mt_span="40",
        ref_span="50",
        bt_span=None,
        engines=(),
        detector="numbers",
        message="",
    )


def _ids(mt: list[str], indexes: list[int], ref: list[str] = REF) -> list[str]:
    result = make_result(mt, ref)
    return [f.id for f in assign_ids(result, [_number_finding(i, mt) for i in indexes])]


def test_ids_do_not_depend_on_indexes_or_other_sentences() -> None:
    first = _ids(MT, [0, 2])
    # The same two findings found again, in another order: the same ids.
    assert _ids(MT, [2, 0]) == first[::-1]
    # A sentence inserted before them moves their indexes, not their ids.
    shifted = ["Une phrase de plus.", *MT]
    assert _ids(shifted, [1, 3], ["One more sentence.", *REF]) == first
    # Editing another sentence changes nothing either.
    edited = [MT[0], "Il pleut à Londres.", *MT[2:]]
    assert _ids(edited, [0, 2]) == first


def test_repeated_identical_findings_get_distinct_ids() -> None:
    ids = _ids(MT, [0, 2])
    assert len(set(ids)) == 2 and all(len(i) == 12 for i in ids)


def test_ids_differ_by_document_and_kind() -> None:
    result = make_result(MT, REF)
    other_doc = make_result(MT, REF, doc="other")
    finding = _number_finding(0, MT)
    base = assign_ids(result, [finding])[0].id
    assert assign_ids(other_doc, [Finding(**{**finding.__dict__, "doc": "other"})])[0].id != base
    assert assign_ids(result, [Finding(**{**finding.__dict__, "kind": "omission"})])[0].id != base


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "expected {\"decisions\""),
        ({"decisions": [{"id": "x", "verdict": "maybe"}]}, "verdict must be one of"),
        ({"decisions": [{"verdict": "fixed"}]}, "id must be"),
        ({"decisions": [{"id": "x", "verdict": "fixed", "who": "me"}]}, "unknown key(s) who"),
        ({"decisions": [{"id": "x", "verdict": "fixed", "note": 3}]}, "note must be text"),
    ],
)
def test_bad_decisions_name_the_problem(data: object, message: str) -> None:
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_decisions(data, source="d.json")


def test_decisions_file_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        load_decisions(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="not valid JSON"):
        load_decisions(bad)


def test_apply_decisions_marks_findings_and_reports_stale() -> None:
    result = make_result(MT, REF)
    findings = assign_ids(result, [_number_finding(0, MT), _number_finding(2, MT)])
    result = result.__class__(**{**result.__dict__, "findings": tuple(findings)})
    decisions = {
        findings[0].id: Decision(findings[0].id, "false_alarm", "house style"),
        "gone00000000": Decision("gone00000000", "accepted"),
    }
    [out], record = apply_decisions([result], decisions)
    assert out.findings[0].verdict == "false_alarm" and out.findings[0].note == "house style"
    assert out.findings[0].waived and not out.findings[1].waived
    assert out.findings[1].verdict is None
    assert len(out.counted_findings) == 1
    assert record.applied == {"accepted": 0, "false_alarm": 1, "fixed": 0}
    assert record.stale == (Decision("gone00000000", "accepted"),)
    stale = [{"id": "gone00000000", "verdict": "accepted", "note": None}]
    assert record.to_json()["stale"] == stale


# ---- the CLI with a decisions file (it stops before any engine runs) ---------------------


@pytest.fixture
def inputs(tmp_path: Path) -> tuple[Path, Path]:
    from support import apertium_required

    apertium_required()
    mt, ref = tmp_path / "mt.fr.txt", tmp_path / "ref.en.txt"
    mt.write_text("\n".join(MT) + "\n", encoding="utf-8")
    ref.write_text("\n".join(REF) + "\n", encoding="utf-8")
    return mt, ref


def test_bad_decisions_file_stops_before_any_work(
    tmp_path: Path, inputs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    mt, ref = inputs
    bad = tmp_path / "decisions.json"
    bad.write_text('{"decisions": [{"id": "x", "verdict": "nope"}]}', encoding="utf-8")
    argv = apertium_argv(mt, ref, tmp_path / "run", "--decisions", str(bad))
    assert main(argv) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "verdict must be one of" in err[0]
    assert not (tmp_path / "run").exists()


def test_config_decisions_path_is_relative_to_the_config(
    tmp_path: Path, inputs: tuple[Path, Path]
) -> None:
    from mtqa.config import load_config

    config = tmp_path / "sub" / "run.toml"
    config.parent.mkdir()
    config.write_text(
        'documents = [{mt = "../mt.fr.txt", ref = "../ref.en.txt"}]\n'
        'engines = [{name = "apertium", kind = "apertium"}]\n'
        '[review]\ndecisions = "decisions.json"\n',
        encoding="utf-8",
    )
    loaded = load_config(config)
    assert loaded.review.decisions is not None
    assert loaded.path(loaded.review.decisions) == config.parent / "decisions.json"


def test_report_shows_waived_findings_greyed_uncounted_and_lists_stale_decisions() -> None:
    from dataclasses import replace

    from report_builders import bridge_document, make_run

    from mtqa.report.html import render_html

    run = make_run([bridge_document()])
    doc = run.documents[0]
    findings = assign_ids(doc, doc.findings)
    decisions = {
        findings[0].id: Decision(findings[0].id, "false_alarm", "agreed spelling"),
        "0123456789ab": Decision("0123456789ab", "fixed", "gone now"),
    }
    [doc], record = apply_decisions(
        [replace(doc, findings=tuple(findings))], decisions, file="d.json"
    )
    run = replace(run, documents=(doc,), stats=replace(run.stats, review=record))
    html = render_html(run)
    item = html.split('id="f1"', 1)[0].rsplit("<li ", 1)[1]
    assert "v-false_alarm" in item and f'data-id="{findings[0].id}"' in html
    assert 'value="agreed spelling"' in html
    total = len(findings) - 1
    assert f"{total} finding{'s' if total != 1 else ''} (1 more waived as false alarm)" in html
    stale = html.split('id="stale"', 1)[1].split("</div>", 1)[0]
    assert "0123456789ab" in stale and "gone now" in stale
