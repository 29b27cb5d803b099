"""Glossary checks: terms a team requires rendered a given way (``term_violation``).

``[checks.terms] glossary = "terms.csv"`` names the team's glossary (relative to the config
file). A CSV row is ``English term, French rendering(s), note``: several accepted renderings
are separated by ``|``; the note is optional; a first row whose first cell is ``english``,
``en``, ``term`` or ``source`` is a header. A ``.tbx`` file is read through translate-toolkit
(each term entry's English and French terms; every French term is an accepted rendering).

Where an aligned reference sentence holds a glossary term and its MT holds none of the
required renderings, that is a ``term_violation`` naming the expected rendering. Matching
ignores case and accents and accepts plain inflections (English plurals; French plural and
feminine endings), so "central banks" is the term "central bank" and "Banques centrales" a
rendering "banque centrale".

The same rows are the team's own exonyms and transliteration exceptions: a name finding
(``entity_*``) whose reference name is a glossary term and whose MT form is one of its
renderings is the team's accepted spelling, and is dropped (``accept_glossary_names``).
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import field_validator

from mtqa.checks.base import CheckContext, finding
from mtqa.checks.detector import Settings
from mtqa.errors import ConfigError
from mtqa.language.text import fold, fold_keep_length, word_pattern
from mtqa.model import DocumentResult, Finding

if TYPE_CHECKING:
    from mtqa.checks.registry import CheckSettings

DETECTOR = "terms.glossary"
_HEADER_WORDS = {"english", "en", "term", "source", "source term"}
_WORD = word_pattern("-'", digits=True)  # terms hold digits: G7, COVID-19


@dataclass(frozen=True)
class Term:
    """A glossary row: an English term and the French renderings it requires."""

    english: str
    french: tuple[str, ...]
    note: str = ""
    line: int = 0  # where it was read, for messages


@dataclass(frozen=True)
class Glossary:
    path: Path
    terms: tuple[Term, ...]
    digest: str  # of the file's bytes: a changed glossary recomputes saved documents


# ---- reading ----------------------------------------------------------------------------


def _read_csv(path: Path, data: bytes) -> list[Term]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ConfigError(
            f"glossary {path} is not UTF-8 (byte {error.start}): save it as UTF-8"
        ) from None
    terms = []
    try:
        rows = list(csv.reader(text.splitlines()))
    except csv.Error as error:
        raise ConfigError(f"glossary {path}: not a readable CSV file ({error})") from None
    for line, row in enumerate(rows, start=1):
        cells = [c.strip() for c in row]
        if not any(cells) or cells[0].startswith("#"):
            continue
        if line == 1 and cells[0].casefold() in _HEADER_WORDS:
            continue
        if len(cells) < 2 or not cells[0] or not cells[1]:
            raise ConfigError(
                f"glossary {path} line {line}: expected 'English term,French rendering(s)"
                "[,note]' with renderings separated by '|'"
            )
        french = tuple(f.strip() for f in cells[1].split("|") if f.strip())
        terms.append(Term(cells[0], french, ",".join(cells[2:]).strip(), line))
    return terms


def _read_tbx(path: Path, data: bytes) -> list[Term]:
    try:
        from translate.storage.tbx import tbxfile
    except ImportError:  # pragma: no cover - translate-toolkit is a core dependency
        raise ConfigError(
            f"glossary {path}: reading TBX needs translate-toolkit (pip install translate-toolkit)"
        ) from None
    try:
        store = tbxfile.parsestring(data)
    except Exception as error:  # lxml and the toolkit raise many kinds on bad XML
        raise ConfigError(f"glossary {path}: not a readable TBX file ({error})") from None
    terms = []
    for n, unit in enumerate(store.units, start=1):
        english, french = (unit.source or "").strip(), (unit.target or "").strip()
        if english and french:
            terms.append(Term(english, tuple(f.strip() for f in french.split("|")), "", n))
    return terms


@lru_cache(maxsize=8)
def _load(path: Path, mtime_ns: int) -> Glossary:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ConfigError(f"cannot read glossary {path}: {error.strerror}") from None
    terms = _read_tbx(path, data) if path.suffix.lower() == ".tbx" else _read_csv(path, data)
    if not terms:
        raise ConfigError(f"glossary {path} has no terms: one 'English,French' row per term")
    return Glossary(path, tuple(terms), hashlib.sha256(data).hexdigest())


def load_glossary(path: Path) -> Glossary:
    """Read a CSV or TBX glossary (cached while the file is unchanged)."""
    try:
        stamp = path.stat().st_mtime_ns
    except FileNotFoundError:
        raise ConfigError(
            f"glossary not found: {path} (checks.terms.glossary is relative to the config file)"
        ) from None
    return _load(path, stamp)


class TermsSettings(Settings):
    """``[checks.terms]`` of the run config."""

    glossary: str | None = None  # a CSV or TBX file

    @field_validator("glossary", mode="before")
    @classmethod
    def _check_glossary(cls, value: Any) -> Any:
        if value is not None and (not isinstance(value, str) or not value):
            raise ValueError("expected a file path (CSV or TBX)")
        return value


def glossary_of(settings: Mapping[str, Any] | CheckSettings) -> Glossary | None:
    """The ``[checks.terms]`` glossary, or None when none is configured."""
    from mtqa.checks.registry import parse_checks

    value = parse_checks(settings).of("terms").glossary
    return None if value is None else load_glossary(Path(value))


def resolve_paths(settings: Mapping[str, Any], base_dir: Path) -> dict[str, Any]:
    """``[checks]`` with the glossary path made absolute against the config's folder."""
    section = settings.get("terms")
    if not isinstance(section, Mapping) or not isinstance(section.get("glossary"), str):
        return dict(settings)
    path = Path(section["glossary"]).expanduser()
    resolved = path if path.is_absolute() else base_dir / path
    return {**settings, "terms": {**section, "glossary": str(resolved)}}


# ---- matching ---------------------------------------------------------------------------


def _english_token(word: str) -> str:
    stem = re.escape(fold(word))
    if len(word) > 3 and word.endswith("y"):
        return f"(?:{stem}|{stem[:-1]}ies)"
    return f"{stem}(?:s|es|'s)?"


def _french_token(word: str) -> str:
    stem = fold(word)
    if len(stem) > 3 and stem[-1] in "sx":
        stem = stem[:-1]
    if len(stem) > 3 and stem.endswith("e"):
        stem = stem[:-1]
    return f"{re.escape(stem)}(?:e|es|s|x)?"


@lru_cache(maxsize=4096)
def _pattern(phrase: str, lang: str) -> re.Pattern[str]:
    token = _english_token if lang == "en" else _french_token
    words = _WORD.findall(phrase)
    body = r"[\s\-']+".join(token(w) for w in words) if words else re.escape(fold(phrase))
    return re.compile(r"(?<![\w])" + body + r"(?![\w])")


def find_term(text: str, phrase: str, lang: str) -> tuple[int, int] | None:
    """Where ``phrase`` (or a plain inflection of it) stands in ``text``, as whole words."""
    match = _pattern(phrase, lang).search(fold_keep_length(text))
    return (match.start(), match.end()) if match else None


# ---- the check ---------------------------------------------------------------------------


def check(result: DocumentResult, ctx: CheckContext) -> list[Finding]:
    glossary = glossary_of(ctx.checks)
    if glossary is None:
        return []
    found = []
    for pair in result.pairs:
        if not pair.aligned:
            continue
        for term in glossary.terms:
            where = find_term(pair.ref_text, term.english, "en")
            if where is None:
                continue
            if any(find_term(pair.mt_text, french, "fr") for french in term.french):
                continue
            expected = " or ".join(repr(f) for f in term.french)
            note = f" ({term.note})" if term.note else ""
            found.append(
                finding(
                    result,
                    pair,
                    kind="term_violation",
                    severity="major",
                    detector=DETECTOR,
                    message=(
                        f"Glossary: {term.english!r} must be rendered {expected}; the MT has "
                        f"none of them{note}."
                    ),
                    ref_span=pair.ref_text[where[0] : where[1]],
                    evidence={
                        "term": term.english,
                        "expected": list(term.french),
                        "glossary": f"{glossary.path.name} line {term.line}",
                        **({"note": term.note} if term.note else {}),
                    },
                )
            )
    return found


def accept_glossary_names(
    findings: Iterable[Finding], settings: Mapping[str, Any] | CheckSettings
) -> list[Finding]:
    """Drop name findings whose MT form is the glossary's rendering of the reference name."""
    findings = list(findings)
    glossary = glossary_of(settings)
    if glossary is None:
        return findings
    return [f for f in findings if not _accepted(f, glossary.terms)]


def _accepted(found: Finding, terms: Sequence[Term]) -> bool:
    if not found.kind.startswith("entity_") or not found.ref_span:
        return False
    mt = found.mt_span or found.mt_text
    for term in terms:
        if find_term(found.ref_span, term.english, "en") is None:
            continue
        if any(find_term(mt, french, "fr") for french in term.french):
            return True
    return False
