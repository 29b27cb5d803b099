"""Untranslated text: English left in the French MT is found; names and quotes are not.

Every sentence is invented for these tests.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pytest
from support import make_result

from mtqa.checks import language
from mtqa.checks.base import CheckContext
from mtqa.checks.language import THRESHOLD, identify, untranslated_stretch
from mtqa.errors import ConfigError
from mtqa.model import Finding


def run(
    mt: Sequence[str],
    ref: Sequence[str],
    *,
    bt: Mapping[str, Sequence[str]] | None = None,
    settings: Mapping[str, object] | None = None,
) -> list[Finding]:
    result = make_result(mt, ref, bt=bt)
    ctx = CheckContext(engines=tuple(bt or ()), settings=dict(settings or {}))
    findings = language.check(result, ctx)
    for f in findings:  # the findings contract: spans are exact substrings
        assert f.mt_span is not None and f.mt_span in f.mt_text
        assert f.mt_text == mt[f.mt_index or 0]
        assert (f.kind, f.severity, f.detector) == ("untranslated", "major", "language")
    return findings


# (MT sentence, reference sentence, expected MT span)
UNTRANSLATED = [
    pytest.param(
        "The committee will publish its findings before the end of the year.",
        "The committee will publish its findings before the end of the year.",
        "The committee will publish its findings before the end of the year.",
        id="whole-sentence",
    ),
    pytest.param(
        "Le ministre a déclaré : the negotiations will resume next week, selon son entourage.",
        "The minister said the negotiations would resume next week, according to aides.",
        "the negotiations will resume next week",
        id="clause-left-in-english",
    ),
    pytest.param(
        "Farmers across the region have been waiting for rain since early spring.",
        "Farmers across the region have waited for rain since early spring.",
        "Farmers across the region have been waiting for rain since early spring.",
        id="sentence-starting-with-a-noun",
    ),
]


@pytest.mark.parametrize(("mt", "ref", "span"), UNTRANSLATED)
def test_english_left_in_the_mt_is_found(mt: str, ref: str, span: str) -> None:
    findings = run([mt], [ref])
    assert [f.mt_span for f in findings] == [span]
    assert findings[0].evidence["probability"] >= THRESHOLD
    assert findings[0].evidence["shared_with_reference"] > 0.5


FRENCH = [
    pytest.param("Les autorités ont confirmé mardi la fermeture de la frontière.", id="french"),
    pytest.param("Lucia Ortega et Ingrid Haverkamp.", id="names-only"),
    pytest.param("« We will never give up », a-t-il lancé devant la foule.", id="quoted-english"),
    pytest.param("« We will never give up on our friends. »", id="quote-only"),
    pytest.param("Il a parlé de soft power et de nation branding.", id="borrowed-terms"),
    pytest.param("Ortega (Madrid), Haverkamp (Berlin), 2024.", id="names-and-numbers"),
    pytest.param("New York Times, 3 mai 2024.", id="title-and-date"),
    pytest.param("Voir aussi : Brexit.", id="short-heading"),
    pytest.param("Ils ont signé un accord de libre-échange avec le Canada.", id="plain-french"),
]


@pytest.mark.parametrize("mt", FRENCH)
def test_french_names_and_quotes_are_not_flagged(mt: str) -> None:
    assert run([mt], ["Anything."]) == []


def test_back_translation_that_passes_english_through_supports_it() -> None:
    mt = ["The committee will publish its findings before the end of the year."]
    bt = {
        "apertium": ["The committee will publish its findings before the end of the year."],
        "marian": ["A committee publishes results soon."],
    }
    findings = run(mt, mt, bt=bt)
    assert [f.engines for f in findings] == [("apertium",)]
    assert findings[0].ref_span == mt[0]


def test_threshold_is_a_setting() -> None:
    mt = ["Le ministre a déclaré : the negotiations will resume next week, selon son entourage."]
    assert run(mt, ["x"], settings={"language": {"threshold": 1.0}}) == []
    assert len(run(mt, ["x"], settings={"language": {"threshold": 0.5}})) == 1


def test_identifier_separates_the_measured_cases() -> None:
    """The figures behind THRESHOLD (see mtqa/checks/language.py)."""
    english = [str(p.values[2]) for p in UNTRANSLATED]
    french = [str(p.values[0]) for p in FRENCH if p.id in {"french", "plain-french"}] + [
        "Les experts estiment que la croissance ralentira en 2024.",
        "la fermeture de la frontière",
        "selon son entourage",
    ]
    english_scores = [identify(t)[1] for t in english if identify(t)[0] == "en"]
    assert len(english_scores) == len(english) and min(english_scores) >= 0.95
    french_as_english = [p for t in french if (p := identify(t))[0] == "en"]
    assert french_as_english == []


def test_whole_and_clause_stretches() -> None:
    assert untranslated_stretch("Nothing in this sentence has been translated at all.") is not None
    assert untranslated_stretch("Rien ici n'est anglais, n'est-ce pas ?") is None


def test_bad_settings_are_config_errors() -> None:
    result = make_result(["Bonjour."], ["Hello."])
    with pytest.raises(ConfigError, match="checks.language"):
        language.check(result, CheckContext(engines=(), settings={"language": {"x": 1}}))
    with pytest.raises(ConfigError, match="must include"):
        language.check(
            result, CheckContext(engines=(), settings={"language": {"languages": ["de", "en"]}})
        )
