"""Acceptance on the reference case: the sample document end to end with Apertium alone.

Every "must find" row of the sample's README must be found with its kind; nothing its
"must NOT be flagged" paragraph names may be flagged. This is the only place the
sample's content appears in the product's code and tests.
"""

from __future__ import annotations

import os
import shutil
from typing import Any

import pytest
from support import REPO_ROOT

SAMPLE = REPO_ROOT / "references" / "blinken-central-asia"

# (MT line, 1-based; a span of it; kind)
MUST_FIND = [
    (1, "Anthony Blinken", "entity_drift"),
    (2, "Blingen", "entity_drift"),
    (2, "Blingen", "entity_inconsistent"),
    (13, "Togayev", "entity_drift"),
    (13, "Togayev", "entity_inconsistent"),
    (14, "Diluberdi", "entity_drift"),
    (14, "Diluberdi", "entity_inconsistent"),
    (4, "ont encouragé la Russie à lui tenir tête", "meaning_inversion"),
    (4, "marchandises autorisées", "odd_rendering"),
    (8, "entreprises russes autorisées", "odd_rendering"),
    (10, "l’incendie en Ukraine", "odd_rendering"),
    (11, "Intégration territoriale", "odd_rendering"),
    (6, "Dernières mises à jour", "boilerplate"),
    (7, "Voir 2 autres histoires", "boilerplate"),
    (20, "Nos normes : Principes de confiance de Thomson Reuters.", "boilerplate"),
    (5, "États-Unis dans la capitale kazakhe Astana.", "fragment"),
]

SOUND_LINES = (3, 9, 15, 16, 17)
CORRECT_FORMS = ("28 février", "24 février", "25 millions de dollars", "1991", "Moscou",
                 "Ouzbékistan", "Kirghizistan", "Tadjikistan", "Turkménistan",
                 "Union soviétique", "Fédération de Russie")


@pytest.fixture(scope="module")
def findings() -> list[tuple[int, Any]]:
    if not (shutil.which("apertium") and shutil.which("lt-proc")):
        message = "apertium is not installed (apt-get install apertium apertium-fr-es " \
                  "apertium-eng-spa)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from mtqa.pipeline import run

    config = {
        "name": "sample-acceptance",
        "documents": [{"id": "blinken-central-asia", "mt": str(SAMPLE / "mt.fr.txt"),
                       "ref": str(SAMPLE / "ref.en.txt")}],
        "engines": [{"name": "apertium", "kind": "apertium"}],
    }
    (document,) = run(config, use_cache=False, write=False).documents
    line_of = {s.index: s.para + 1 for s in document.mt_segments}
    listed = [(line_of.get(f.mt_index, 0), f) for f in document.findings]
    print("\nfindings on the sample:")
    for line, f in listed:
        print(f"  line {line:2} {f.severity:8} {f.kind:20} {f.mt_span!r} <- {f.ref_span!r}")
    return listed


def _found(listed: list[tuple[int, Any]], line: int, span: str, kind: str) -> bool:
    return any(
        at == line and f.mt_span and (f.mt_span in span or span in f.mt_span)
        and (
            f.kind == kind
            # one error, one finding: a drift that is also an inconsistency carries both
            or kind == "entity_inconsistent" and f.kind == "entity_drift"
            and "inconsistent" in f.evidence
        )
        for at, f in listed
    )


@pytest.mark.parametrize(("line", "span", "kind"), MUST_FIND)
def test_must_find(findings: list[tuple[int, Any]], line: int, span: str, kind: str) -> None:
    assert _found(findings, line, span, kind)


def test_one_error_is_one_finding(findings: list[tuple[int, Any]]) -> None:
    spans = [(line, f.mt_span) for line, f in findings if f.kind.startswith("entity_")]
    assert len(spans) == len(set(spans))


def test_sound_lines_are_not_flagged(findings: list[tuple[int, Any]]) -> None:
    assert [(line, f.kind, f.mt_span) for line, f in findings if line in SOUND_LINES] == []


def test_numbers_dates_and_correct_place_names_are_not_flagged(
    findings: list[tuple[int, Any]],
) -> None:
    flagged = [
        (line, f.kind, f.mt_span) for line, f in findings
        if f.mt_span and any(form in f.mt_span or f.mt_span in form for form in CORRECT_FORMS)
        and f.kind not in ("boilerplate", "fragment", "low_score")
    ]
    assert flagged == []
    assert not [f for _, f in findings if f.kind == "number_mismatch"]
