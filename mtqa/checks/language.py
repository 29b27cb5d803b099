"""Untranslated text: the kind ``untranslated``.

Owns finding MT sentences, or clauses of them, left in the source language (English).
A packaged offline language identifier (py3langid, restricted to a few European languages)
reads each MT sentence and each clause of it; a stretch is untranslated when the identifier
is confident it is English, it has enough ordinary words to judge (names, numbers and
quotations are not translation work), and English function words outnumber French ones in
it. How much of it the reference shares, and back-translations that pass it through
unchanged, are recorded as evidence.

Settings (``[checks.language]``): ``threshold`` (0.9, the identifier's probability for
English), ``min_words`` (4 lower-case words), ``min_letters`` (20), ``languages`` (the
identifier's choices; must include "fr" and "en").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pydantic import StrictInt, StrictStr, field_validator

from mtqa.checks.base import CheckContext, finding
from mtqa.checks.detector import Number, Settings
from mtqa.errors import ConfigError
from mtqa.language.lexicons import stop_words
from mtqa.language.text import APOSTROPHES, fold, pieces, word_pattern
from mtqa.model import DocumentResult, Finding, Pair, Segment

DETECTOR = "language"

LANGUAGES = ("fr", "en", "es", "de", "it", "pt", "nl")
# Measured on the cases of tests/test_check_language.py: English stretches score 0.997-1.0
# for "en"; French sentences and clauses score at most 0.27 for "en" ("New York Times,
# 3 mai 2024.", mostly a name), plain French at most 0.02. 0.9 leaves room on both sides;
# the count of English against French function words backs it up on short clauses.
THRESHOLD = 0.9
MIN_WORDS = 4  # ordinary (lower-case) words: fewer is a name, a date or a heading
MIN_LETTERS = 20

_WORD = word_pattern(APOSTROPHES)  # hyphens split: each half of a compound is judged
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]«»\"“”—–]|\s-\s")
_QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"")


class LanguageSettings(Settings):
    """``[checks.language]`` of the run config."""

    languages: tuple[StrictStr, ...] = LANGUAGES
    threshold: Number = THRESHOLD
    min_words: StrictInt = MIN_WORDS
    min_letters: StrictInt = MIN_LETTERS

    @field_validator("languages", mode="before")
    @classmethod
    def _check_languages(cls, value: Any) -> Any:
        if not isinstance(value, (list, tuple)) or not all(isinstance(c, str) for c in value):
            raise ValueError(f'expected a list such as ["fr", "en"], got {value!r}')
        if not {"fr", "en"} <= set(value):
            raise ValueError("must include 'fr' and 'en'")
        return tuple(value)

    @field_validator("threshold")
    @classmethod
    def _check_threshold(cls, value: float) -> float:
        if not 0.0 < value <= 1.0:
            raise ValueError("expected a number in (0, 1]")
        return value


@lru_cache(maxsize=4)
def identifier(languages: tuple[str, ...] = LANGUAGES) -> Any:
    """py3langid's model, restricted to languages, with probabilities that sum to one."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    model = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    try:
        model.set_languages(list(languages))
    except ValueError as error:
        raise ConfigError(f"checks.language.languages: {error}") from None
    return model


def identify(text: str, languages: tuple[str, ...] = LANGUAGES) -> tuple[str, float]:
    """(language, probability) of text among languages."""
    language, probability = identifier(languages).classify(text)
    return str(language), float(probability)


@lru_cache(maxsize=1)
def _function_words() -> tuple[frozenset[str], frozenset[str]]:
    """English and French stop words, without the words both languages write alike."""
    english, french = stop_words("en"), stop_words("fr")
    shared = english & french
    return english - shared, french - shared


def ordinary_words(text: str) -> list[str]:
    """Lower-case words: what is left to translate once names and numbers are set aside."""
    return [w for w in _WORD.findall(text) if w[:1].islower()]


def _english_leaning(words: Sequence[str]) -> tuple[int, int]:
    english, french = _function_words()
    folded = [fold(w) for w in words]
    return sum(w in english for w in folded), sum(w in french for w in folded)


@dataclass(frozen=True)
class Stretch:
    """A piece of an MT sentence judged for language."""

    text: str
    language: str
    probability: float
    english_words: int
    french_words: int


def _judge(text: str, conf: LanguageSettings) -> Stretch | None:
    """The stretch when it is judgeable English, else None."""
    words = ordinary_words(text)
    letters = sum(len(w) for w in words)
    if len(words) < conf.min_words or letters < conf.min_letters:
        return None
    # Mostly names and numbers: ordinary words must be at least half of all tokens.
    tokens = sum(1 for kind, _ in pieces(text) if kind == "word")
    if len(words) * 2 < tokens:
        return None
    language, probability = identify(text, conf.languages)
    english, french = _english_leaning(words)
    if language != "en" or probability < conf.threshold or english <= french:
        return None
    return Stretch(text, language, probability, english, french)


def _clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) of the clauses of text, quotations left out."""
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    spans, start = [], 0
    for match in _CLAUSE_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    out = []
    for begin, end in spans:
        if any(q0 <= begin and end <= q1 for q0, q1 in quoted):
            continue
        piece = text[begin:end]
        stripped = piece.strip(" .!?…'’")
        if stripped:
            offset = begin + piece.index(stripped)
            out.append((offset, offset + len(stripped)))
    return out


def untranslated_stretch(text: str, conf: LanguageSettings | None = None) -> Stretch | None:
    """The English part of an MT sentence: the whole of it, or its longest English clause."""
    conf = conf or LanguageSettings()
    outside_quotes = _QUOTED.sub(" ", text)
    if not ordinary_words(outside_quotes):
        return None  # a quotation, a name, a number: nothing the translator had to translate
    whole = _judge(text.strip(), conf)
    if whole is not None and outside_quotes.strip():
        return whole
    found = [s for b, e in _clauses(text) if (s := _judge(text[b:e], conf)) is not None]
    return max(found, key=lambda s: len(s.text), default=None)


def _overlap(text: str, other: str) -> float:
    words = [fold(w) for w in _WORD.findall(text)]
    if not words:
        return 0.0
    others = {fold(w) for w in _WORD.findall(other)}
    return sum(w in others for w in words) / len(words)


def check(result: DocumentResult, ctx: CheckContext) -> list[Finding]:
    """MT sentences, or clauses of them, left in English."""
    conf: LanguageSettings = ctx.options(DETECTOR)
    pair_of = result.pair_of_mt
    findings = []
    for segment in result.mt_segments:
        stretch = untranslated_stretch(segment.text, conf)
        if stretch is None:
            continue
        findings.append(_finding(result, segment, pair_of.get(segment.index), stretch, ctx))
    return findings


def _finding(
    result: DocumentResult,
    segment: Segment,
    pair: Pair | None,
    stretch: Stretch,
    ctx: CheckContext,
) -> Finding:
    reference = pair.ref_text if pair is not None and pair.aligned else ""
    supporting = []
    for engine in ctx.engines:
        texts = result.back_translations.get(engine, ())
        if segment.index < len(texts) and _overlap(stretch.text, texts[segment.index]) >= 0.6:
            supporting.append(engine)  # the engine passed it through: it was not French
    whole = stretch.text == segment.text.strip()
    return finding(
        result,
        None,
        kind="untranslated",
        severity="major",
        detector=DETECTOR,
        message=(
            "This MT sentence is still in English."
            if whole
            else f"Part of this MT sentence is still in English: {stretch.text!r}."
        ),
        mt_span=stretch.text,
        ref_span=stretch.text if reference and stretch.text in reference else None,
        engines=supporting,
        mt_index=segment.index,
        ref_index=pair.ref_index if pair is not None else None,
        evidence={
            "language": stretch.language,
            "probability": round(stretch.probability, 3),
            "english_function_words": stretch.english_words,
            "french_function_words": stretch.french_words,
            "shared_with_reference": round(_overlap(stretch.text, reference), 3)
            if reference
            else None,
            "whole_sentence": whole,
        },
    )
