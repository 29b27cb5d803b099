"""Known bodies the MT names where the reference names another organisation.

A body's French name is mostly common words (« l'Organisation mondiale de la santé », « la
Banque centrale européenne », « le Conseil de sécurité »), so the name checks, which judge
capitalised name words, do not see it replaced. The bodies of ``configs/exonyms.toml``
(``[bodies]``: international organisations, institutions, central banks) give each body its
English names and French forms. Here, a body the MT names by one of its forms is replaced
when:

- none of the body's English names (nor a French form used as is, "the Fed") is in the
  pair's reference or the reference sentences beside it, and
- the pair's own reference names an organisation that nothing in the French renders: a
  known body none of whose French forms is in the MT, or an organisation name or acronym of
  the reference (spaCy's ORG) that is neither in the MT nor known by a French form there.

A body the reference does not name at all ("the bloc", "the alliance", "the UN agency") is
no finding: a translator may well write that. The finding is ``entity_drift`` (critical); a
finding another name check made of the same words (the French acronym the reference lacks,
the reference name the MT lacks) is folded into it: one error, one finding.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from mtqa.checks.base import CheckContext
from mtqa.checks.entities.link import drift_finding
from mtqa.checks.entities.mt_names import _reference_context
from mtqa.checks.entities.names import Part, ReferenceName, attributive
from mtqa.language.lexicons import Exonyms, exonyms
from mtqa.language.text import find_word, fold, fold_keep_length
from mtqa.model import DocumentResult, Finding, Pair

# British and American spellings of one name: Organisation / Organization, Defence / Defense
_SPELLINGS = ((re.compile(r"isation"), "ization"), (re.compile(r"\bdefence\b"), "defense"))


def _spelt(text: str) -> str:
    """Folded, one spelling for the British and American forms of a word."""
    folded = fold_keep_length(text)
    for pattern, replacement in _SPELLINGS:
        folded = pattern.sub(replacement, folded)
    return folded


def _found(text: str, phrase: str) -> bool:
    return bool(phrase) and find_word(_spelt(text), _spelt(phrase)) is not None


@dataclass(frozen=True)
class _Named:
    """A body the MT names: where, and the bodies (folded English names) the words render."""

    span: Part
    bodies: frozenset[str]


class _BodyIndex:
    """Every French form of the known bodies in one pattern, longest first."""

    def __init__(self, tables: Exonyms) -> None:
        self.bodies_of: dict[str, set[str]] = {}
        for body, forms in tables.body_forms.items():
            for form in forms:  # the forms listed as French: "UN" is no French word
                self.bodies_of.setdefault(form, set()).add(body)
        forms = sorted(self.bodies_of, key=len, reverse=True)
        self.pattern = re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(f).replace(r"\ ", r"[\s-]+") for f in forms)
            + r")(?!\w)"
        ) if forms else None


@lru_cache(maxsize=1)
def _index() -> _BodyIndex:
    return _BodyIndex(exonyms())


def named_bodies(mt_text: str) -> list[_Named]:
    """The known bodies the French names, each once, the longest form where two overlap
    (« l'Organisation des Nations unies » is one body, not two). A name is capitalised."""
    index = _index()
    if index.pattern is None:
        return []
    named = []
    for match in index.pattern.finditer(fold_keep_length(mt_text)):
        form = re.sub(r"[\s-]+", " ", match.group())
        bodies = index.bodies_of.get(form) or index.bodies_of.get(form.replace(" ", "-"), set())
        if bodies and mt_text[match.start()].isupper():  # « un incendie » names no UN
            part = Part(mt_text[match.start() : match.end()], match.start(), match.end())
            named.append(_Named(part, frozenset(bodies)))
    return named


def _named_in(text: str, body: str, tables: Exonyms) -> bool:
    """The reference text names the body: an English name, or a form used in English too."""
    return any(_found(text, form) for form in tables.french_forms(body) | {body})


def _rendered(mt_text: str, name: str, tables: Exonyms) -> bool:
    return _found(mt_text, name) or any(_found(mt_text, f) for f in tables.french_forms(name))


def _other_organisations(
    pair: Pair, names: Sequence[ReferenceName], tables: Exonyms
) -> list[Part]:
    """Organisations the pair's reference names that nothing in the French renders."""
    others: list[Part] = []
    spelt = _spelt(pair.ref_text)
    for body in tables.bodies:
        span = find_word(spelt, _spelt(body))
        if span is None or attributive(pair.ref_text, span[1]):
            continue  # "the UN health agency" says whose the agency is
        if not _rendered(pair.mt_text, body, tables):
            others.append(Part(pair.ref_text[span[0] : span[1]], *span))
    for name in names:
        if name.mention.label != "ORG" or fold(name.core.text) in tables.bodies:
            continue
        if not (name.acronym or name.words):
            continue  # made only of organisation words: translated, not named
        if fold(name.core.text) in tables.french and not tables.is_body(name.core.text):
            continue  # an acronym with a French form of its own (CEO / PDG) is no body
        if _rendered(pair.mt_text, name.core.text, tables):
            continue
        if attributive(pair.ref_text, name.core.end):
            continue
        if name.words and any(_found(pair.mt_text, w.text) for w in name.words):
            continue
        if not any(o.start <= name.core.start < o.end for o in others):
            others.append(name.core)
    return others


def replaced_bodies(
    result: DocumentResult,
    pair: Pair,
    names: Sequence[ReferenceName],
    found: list[Finding],
    ctx: CheckContext,
) -> list[Finding]:
    """``entity_drift`` for each body the MT names where the reference names another.

    Removes from ``found`` (this pair's findings so far) those the drift stands for.
    """
    tables = exonyms()
    named = named_bodies(pair.mt_text)
    if not named:
        return []
    around = _reference_context(result, pair)
    lost = [n for n in named if not any(_named_in(around, b, tables) for b in n.bodies)]
    if not lost:
        return []
    others = _other_organisations(pair, names, tables)
    findings = []
    for body, other in zip(lost, others, strict=False):
        name = next((n for n in names if n.core.start <= other.start < n.core.end), None)
        if name is None:
            continue
        engines = tuple(e for e in ctx.engines if _found(pair.bt.get(e, ""), body.span.text))
        findings.append(drift_finding(
            result, pair, name, body.span, other,
            message=(
                f"The MT names {body.span.text!r} ({tables.display(body.bodies)}) where the "
                f"reference names {other.text!r}: no French word renders the reference's "
                "organisation."
            ),
            linked_by="a known body on one side, another organisation on the other",
            how={"bodies": sorted(body.bodies)},
            engines=engines,
        ))
        for earlier in list(found):
            same_mt = earlier.mt_span and fold(earlier.mt_span) in fold(body.span.text)
            same_ref = earlier.ref_span and fold(earlier.ref_span) == fold(other.text)
            if earlier.kind in ("entity_missing", "entity_drift") and (same_mt or same_ref):
                found.remove(earlier)
    return findings
