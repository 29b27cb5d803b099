"""Glossary checks: required renderings (term_violation) and the team's own name spellings."""

from __future__ import annotations

from pathlib import Path

import pytest
from inputs import write_glossary
from support import make_result

from mtqa.checks.base import CheckContext
from mtqa.checks.terms import accept_glossary_names, check, find_term, load_glossary
from mtqa.errors import ConfigError
from mtqa.model import Finding


@pytest.fixture
def glossary(tmp_path: Path) -> Path:
    return write_glossary(tmp_path)


def _context(path: Path) -> CheckContext:
    return CheckContext(engines=(), settings={"terms": {"glossary": str(path)}})


def test_reads_rows_renderings_notes_and_skips_header_and_comments(glossary: Path) -> None:
    terms = load_glossary(glossary).terms
    assert [t.english for t in terms] == ["central bank", "sanction", "Kyiv"]
    assert terms[0].french == ("banque centrale", "Banque de France")
    assert terms[0].note == "house term"
    assert terms[0].line == 2


@pytest.mark.parametrize(
    ("text", "phrase", "lang", "found"),
    [
        ("The Central Banks met.", "central bank", "en", "Central Banks"),
        ("Two policies changed.", "policy", "en", "policies"),
        ("Les banques centrales ont agi.", "banque centrale", "fr", "banques centrales"),
        ("La Banque Centrale a agi.", "banque centrale", "fr", "Banque Centrale"),
        ("Des sanctions sévères.", "sanction", "fr", "sanctions"),
        ("La présidente parle.", "président", "fr", "présidente"),
        ("Le bankrupt est là.", "bank", "en", None),  # whole words only
    ],
)
def test_matching_ignores_case_accents_and_plain_inflections(
    text: str, phrase: str, lang: str, found: str | None
) -> None:
    where = find_term(text, phrase, lang)
    assert (text[where[0] : where[1]] if where else None) == found


def test_a_missing_rendering_is_a_term_violation_naming_the_expected_one(glossary: Path) -> None:
    result = make_result(
        ["La banque nationale a relevé ses taux.", "Les banques centrales ont agi."],
        ["The central bank raised its rates.", "The central banks acted."],
    )
    found = check(result, _context(glossary))
    assert len(found) == 1
    violation = found[0]
    assert violation.kind == "term_violation" and violation.mt_index == 0
    assert violation.ref_span == "central bank"
    assert "'banque centrale' or 'Banque de France'" in violation.message
    assert "house term" in violation.message
    assert violation.evidence["glossary"] == "terms.csv line 2"



def test_no_glossary_no_findings() -> None:
    result = make_result(["La banque nationale."], ["The central bank."])
    assert check(result, CheckContext(engines=())) == []


def test_glossary_spelling_makes_a_name_finding_accepted(glossary: Path) -> None:
    drift = Finding(
        doc="doc", kind="entity_drift", severity="critical", mt_index=0, ref_index=0,
        mt_text="Il est arrivé à Kyiv.", mt_span="Kyiv", ref_span="Kyiv", bt_span=None,
        engines=(), detector="entities", message="",
    )
    other = Finding(**{**drift.__dict__, "mt_span": "Kiyv", "mt_text": "Il est arrivé à Kiyv."})
    kept = accept_glossary_names([drift, other], {"terms": {"glossary": str(glossary)}})
    assert kept == [other]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("central bank\n", "expected 'English term,French rendering"),
        ("English,French\n", "has no terms"),
    ],
)
def test_bad_glossary_is_a_one_line_error(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_glossary(path)
    with pytest.raises(ConfigError, match="glossary not found"):
        load_glossary(tmp_path / "missing.csv")


def test_tbx_glossary(tmp_path: Path) -> None:
    path = tmp_path / "terms.tbx"
    path.write_text(
        """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><text><body>
<termEntry id="t1">
<langSet xml:lang="en"><tig><term>central bank</term></tig></langSet>
<langSet xml:lang="fr"><tig><term>banque centrale</term></tig></langSet>
</termEntry>
</body></text></martif>
""",
        encoding="utf-8",
    )
    [term] = load_glossary(path).terms
    assert (term.english, term.french) == ("central bank", ("banque centrale",))


