"""Grammar that carries meaning: the tense of a verb and the gender of a person.

Owns two kinds, both read from spaCy's parses of the French MT, the English reference and
the back-translations (the parses every family shares; nothing is parsed twice):

- ``tense_change``: a verb of the MT and its counterpart in the reference are in tenses
  that contradict each other (past, present, future), the French side confirmed by a
  back-translation where the parse alone is not trusted; what is compared and what is
  left alone is in ``checks/tense.py``, how a tense is read in ``language/tenses.py``.
- ``pronoun_gender``: a person is *he* on one side and *she* on the other, by a
  third-person pronoun, by a possessive a French person noun or title owns, or by French
  agreement (an object pronoun's or a reflexive subject's participle), by a stressed pronoun
  after a preposition, or by a gendered noun or title (*fils* / "daughter", *Mme* / "Mr");
  see ``checks/gender.py``, ``checks/agreement.py`` and ``checks/gendered.py``.

This module turns what those two find into findings.
"""

from __future__ import annotations

from mtqa.checks.base import CheckContext, finding
from mtqa.checks.gender import (
    GenderChange,
    agreement_change,
    gender_change,
    names_a_vessel,
    possessor_change,
)
from mtqa.checks.gendered import noun_change
from mtqa.checks.tense import TenseChange, tense_change
from mtqa.model import DocumentResult, Finding, Pair

DETECTOR = "grammar"

# --- the family ---------------------------------------------------------------------------


def _change_finding(
    result: DocumentResult, pair: Pair, change: TenseChange | GenderChange
) -> Finding:
    mt_span = pair.mt_text[slice(*change.mt.span)]
    ref_span = pair.ref_text[slice(*change.ref.span)]
    if isinstance(change, TenseChange):
        kind = "tense_change"
        message = (f"a verb in the {change.mt.tense} in the MT ('{mt_span}') is in the "
                   f"{change.ref.tense} in the reference ('{ref_span}')")
        evidence = {"check": "tense", "mt_tense": change.mt.tense, "ref_tense": change.ref.tense}
    else:
        kind = "pronoun_gender"
        message = (f"the MT refers to this person as '{mt_span}' ({change.mt.gender}), "
                   f"the reference as '{ref_span}' ({change.ref.gender})")
        evidence = {"check": "pronoun_gender", "mt_gender": change.mt.gender,
                    "ref_gender": change.ref.gender}
    minor = isinstance(change, TenseChange) and change.minor
    return finding(
        result, pair, kind=kind, severity="minor" if minor else "major", detector=DETECTOR,
        message=message, mt_span=mt_span, ref_span=ref_span, engines=change.witnesses,
        evidence=evidence,
    )


def check(result: DocumentResult, ctx: CheckContext) -> list[Finding]:
    """Tense and pronoun-gender contradictions in aligned pairs."""
    found: list[Finding] = []
    # A ship named up to a pair, on both sides, may be the "she" of that pair.
    first_vessel = [
        next((s.index for s in segments if names_a_vessel(s.text, lang)), None)
        for segments, lang in ((result.ref_segments, "en"), (result.mt_segments, "fr"))
    ]
    pairs = result.pairs
    for n, pair in enumerate(pairs):
        if not pair.aligned:
            continue
        vessel = all(first is not None and first <= max(indices) for first, indices
                     in zip(first_vessel, (pair.ref, pair.mt), strict=True))
        gender = (gender_change(pair, ctx.engines, vessel=vessel) or possessor_change(pair)
                  or agreement_change(pair, ctx.engines) or noun_change(pair, ctx.engines))
        neighbours = pairs[max(n - 1, 0):n] + pairs[n + 1:n + 2]
        for change in (tense_change(pair, ctx.engines, neighbours), gender):
            if change is not None:
                found.append(_change_finding(result, pair, change))
    return found
