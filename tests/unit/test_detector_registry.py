"""The detector registry and the one place findings are merged, ranked and ordered."""

from __future__ import annotations

import contextlib
import importlib
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from support import REPO_ROOT, make_result

import mtqa.language.parse
from mtqa.checks import detect, registry
from mtqa.checks.base import CheckContext, finding
from mtqa.checks.detector import Detector
from mtqa.checks.findings import finish, label_agreement, merge
from mtqa.checks.registry import DETECTORS, FINDING_KINDS, SEVERITY_POLICY, parse_checks
from mtqa.errors import ConfigError
from mtqa.model import SEVERITIES, DocumentResult, Finding

# ---- what the registry derives ------------------------------------------------------------


def test_kinds_and_policy_come_from_the_records() -> None:
    declared = {kind: sev for d in DETECTORS for kind, sev in d.kinds.items()}
    assert set(FINDING_KINDS) == set(declared) == set(SEVERITY_POLICY)
    assert SEVERITY_POLICY == declared
    ranks = [SEVERITIES.index(SEVERITY_POLICY[k]) for k in FINDING_KINDS]
    assert ranks == sorted(ranks)  # most severe kinds first
    from mtqa.model import FINDING_KINDS as from_model

    assert from_model == FINDING_KINDS


def test_detectors_run_in_order_and_low_score_last() -> None:
    orders = [d.order for d in DETECTORS]
    assert orders == sorted(orders) and len(set(orders)) == len(orders)
    assert DETECTORS[-1].name == "low_score"


def test_a_missing_detector_module_is_an_import_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import mtqa.checks

    monkeypatch.setitem(sys.modules, "mtqa.checks.numbers", None)  # as if the file were gone
    monkeypatch.delattr(mtqa.checks, "numbers")
    monkeypatch.delitem(sys.modules, "mtqa.checks.registry")
    with pytest.raises(ImportError):
        importlib.import_module("mtqa.checks.registry")


def test_the_readme_documents_every_checks_key() -> None:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    keys = {"min_confidence"}
    for detector in DETECTORS:
        keys |= set(detector.flat)
        for name, field in detector.settings.model_fields.items():
            keys.add(field.alias or name)
    missing = sorted(k for k in keys if not re.search(rf"`{re.escape(k)}`", readme))
    assert not missing, f"README.md does not document [checks] keys: {missing}"
    for detector in DETECTORS:
        if detector.settings.model_fields:
            assert f"[checks.{detector.name}]" in readme, detector.name


# ---- the [checks] schema -------------------------------------------------------------------


def test_flat_and_table_spellings_are_the_same_setting() -> None:
    flat = parse_checks({"traps_path": "/x.toml", "low_score_z": -3, "clause_min_words": 7})
    table = parse_checks({"renderings": {"traps_path": "/x.toml"}, "low_score": {"z": -3},
                          "structure": {"clause_min_words": 7}})
    assert flat == table
    assert flat.of("low_score").z == -3.0
    assert flat.of("numbers") == parse_checks({}).of("numbers")  # defaults when unset


@pytest.mark.parametrize(
    ("checks", "message"),
    [
        ({"low_score_zz": 3}, "checks.low_score_zz: unknown setting"),
        ({"clause_min_words": True}, "checks.clause_min_words: expected an integer, got True"),
        ({"low_score": {"z": "low"}}, "checks.low_score.z: expected a number, got 'low'"),
        ({"renderings": {"divergence_paronyms_only": 1}},
         "checks.renderings.divergence_paronyms_only: expected true or false"),
        ({"numbers": {"strict": True}}, "checks.numbers.strict: unknown setting"),
        ({"grammar": 5}, "checks.grammar: expected a table"),
        ({"traps_path": "a", "renderings": {"traps_path": "b"}}, "checks.traps_path: set twice"),
        ({"min_confidence": 1.5}, "checks.min_confidence: expected a number between 0 and 1"),
    ],
)
def test_bad_settings_name_the_key(checks: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError) as error:
        parse_checks(checks)
    assert str(error.value).startswith(message)
    assert "\n" not in str(error.value)


def test_the_config_is_refused_when_it_is_parsed(tmp_path: Path) -> None:
    from mtqa.config import parse_config

    data = {"documents": [{"mt": "m", "ref": "r"}], "engines": [{"name": "a", "kind": "apertium"}],
            "checks": {"wordlevel": {"window": 3}}}
    with pytest.raises(ConfigError, match=r"^config: checks\.wordlevel\.window: unknown setting"):
        parse_config(data, base_dir=tmp_path)


# ---- the orchestrator ---------------------------------------------------------------------


def _result() -> DocumentResult:
    return make_result(
        ["Le maire a parlé.", "Il a plu hier.", "La ville a voté."],
        ["The mayor spoke.", "It rained yesterday.", "The city voted."],
        bt={"e1": ["The mayor spoke.", "It rained.", "The town voted."]},
    )


@contextlib.contextmanager
def _no_parse(*_: Any, **__: Any) -> Iterator[None]:
    yield


def _only(monkeypatch: pytest.MonkeyPatch, *detectors: Detector) -> None:
    monkeypatch.setattr(registry, "DETECTORS", tuple(detectors))
    monkeypatch.setattr(mtqa.language.parse, "parsing", _no_parse)


def _emit(kind: str, severity: Any, index: int, span: str) -> Any:
    def check(result: DocumentResult, ctx: CheckContext) -> list[Finding]:
        pair = result.pairs[index]
        return [finding(result, pair, kind=kind, severity=severity, detector="t",
                        message="m", ref_span=span, engines=("e1",))]
    return check


def _scorer(sources: Sequence[str], targets: Sequence[str]) -> list[list[tuple[str, float]]]:
    return [[("▁" + w, -len(w) / 10) for w in target.split()] for target in targets]


def test_forced_evidence_reaches_every_detectors_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    _only(
        monkeypatch,
        Detector("a", {"number_mismatch": "critical"}, _emit("number_mismatch", "critical", 1,
                                                              "yesterday."), 1),
        Detector("b", {"tense_change": "major"}, _emit("tense_change", "major", 2, "voted."), 2),
    )
    found = detect(_result(), CheckContext(engines=("e1",), scorer=_scorer))
    assert {f.kind: f.evidence["forced_logprob_span_mean"] for f in found} == {
        "number_mismatch": pytest.approx(-1.0), "tense_change": pytest.approx(-0.6)
    }
    assert all(len(f.evidence["forced_tokens"]) == 3 for f in found)


def test_later_detectors_see_earlier_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[str, ...]] = []

    def watch(result: DocumentResult, ctx: CheckContext) -> list[Finding]:
        seen.append(tuple(f.kind for f in ctx.earlier))
        return []

    _only(monkeypatch,
          Detector("a", {"omission": "major"}, _emit("omission", "major", 0, "mayor"), 1),
          Detector("b", {}, watch, 2))
    detect(_result(), CheckContext(engines=("e1",)))
    assert seen == [("omission",)]


def test_a_kind_the_record_does_not_declare_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    _only(monkeypatch, Detector("a", {"omission": "major"}, _emit("addition", "major", 0, "x"), 1))
    with pytest.raises(RuntimeError, match="detector a emitted addition"):
        detect(_result(), CheckContext(engines=("e1",)))


def test_the_policy_is_a_ceiling() -> None:
    result = _result()
    made = [
        finding(result, result.pairs[0], kind="omission", severity="critical", detector="t",
                message="m", ref_span="mayor"),
        finding(result, result.pairs[1], kind="number_mismatch", severity="minor", detector="t",
                message="m", ref_span="yesterday"),
    ]
    assert [f.severity for f in merge(made)] == ["major", "minor"]


def test_an_error_found_on_a_span_inside_another_is_reported_once() -> None:
    result = _result()
    pair = result.pairs[0]
    made = [
        finding(result, pair, kind="meaning_inversion", severity="critical", detector="a",
                message="m", mt_span="tôt", ref_span="later", engines=["e1"]),
        finding(result, pair, kind="meaning_inversion", severity="critical", detector="b",
                message="m", mt_span="plus tôt", ref_span="later", engines=["e2"]),
        # another kind on the same span, and the same kind against another reference word
        finding(result, pair, kind="odd_rendering", severity="major", detector="c",
                message="m", mt_span="tôt", ref_span="later"),
        finding(result, pair, kind="meaning_inversion", severity="critical", detector="a",
                message="m", mt_span="tôt", ref_span="sooner"),
    ]
    kept = merge(made)
    assert [(f.kind, f.mt_span, f.ref_span) for f in kept] == [
        ("meaning_inversion", "plus tôt", "later"), ("odd_rendering", "tôt", "later"),
        ("meaning_inversion", "tôt", "sooner")]
    assert kept[0].engines == ("e2", "e1")


# ---- one order -----------------------------------------------------------------------------


def _made(kind: str, severity: Any, engines: tuple[str, ...], mt_index: int | None) -> Finding:
    return Finding("d", kind, severity, mt_index, 0 if mt_index is None else mt_index, "t",
                   "t", None, None, engines, "test", "m")


def test_agreement_labels_and_ranks_single_engine_findings_lower() -> None:
    findings = [
        _made("odd_rendering", "major", ("apertium",), 1),
        _made("odd_rendering", "major", ("apertium", "marian"), 5),
        _made("entity_drift", "critical", (), 3),
        _made("omission", "major", ("marian",), 0),
        _made("omission", "major", (), None),
    ]
    ranked = finish(_result(), findings, ["apertium", "marian"])
    assert [(f.mt_index, f.evidence["agreement"]) for f in ranked] == [
        (3, "direct"), (5, "all engines"), (None, "direct"), (0, "one engine"), (1, "one engine"),
    ]
    assert "back-translation noise" in ranked[-1].evidence["agreement_note"]
    assert label_agreement(findings, ["apertium"]) == findings  # one engine: nothing to compare


def test_the_order_is_the_same_with_one_engine_or_several() -> None:
    def made(engines: tuple[str, ...]) -> list[Finding]:
        return [
            _made("omission", "major", (), None),
            _made("odd_rendering", "major", engines, 2),
            _made("number_mismatch", "critical", (), 4),
            _made("addition", "major", engines, 1),
        ]

    alone = [(f.kind, f.mt_index) for f in finish(_result(), made(("a",)), ["a"])]
    together = [(f.kind, f.mt_index) for f in finish(_result(), made(("a", "b")), ["a", "b"])]
    assert alone == together == [("number_mismatch", 4), ("addition", 1), ("odd_rendering", 2),
                                 ("omission", None)]
