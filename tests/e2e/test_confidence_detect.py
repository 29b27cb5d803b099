"""Confidence on the findings of a full detection pass (every detector, spaCy included)."""

from __future__ import annotations

from support import make_result

from mtqa.checks import detect
from mtqa.checks.base import CheckContext


def test_detect_gives_every_finding_a_confidence_and_honours_min_confidence() -> None:
    result = make_result(["Le projet coûtera 40 millions d'euros."],
                         ["The project will cost 90 million euros."])
    found = detect(result, CheckContext(engines=()))
    assert found and all(f.confidence is not None and 0 <= f.confidence <= 1 for f in found)
    top = max(f.confidence or 0.0 for f in found)
    none = detect(result, CheckContext(engines=(), settings={"min_confidence": top + 0.001}))
    assert top >= 1.0 or none == ()
