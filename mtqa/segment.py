"""Segmentation: a document side into paragraphs (one per line), then sentences.

Sentences come from sentencex (a maintained, rule-based splitter for ~300 languages). Its
French rules miss a few abbreviations that French news copy is full of (``M.``, ``Mme``,
``É.-U.``); a split right after one of those, after a single initial, or before a lower-case
letter, is undone here.
Every segment keeps its character offsets into the document text.
"""

from __future__ import annotations

import re

import sentencex

from mtqa.model import Segment, Side

# Abbreviations after which a full stop does not end a sentence. Lower-cased, without the dot.
_ABBREVIATIONS = {
    "fr": {
        "m",
        "mm",
        "mme",
        "mmes",
        "mlle",
        "dr",
        "pr",
        "me",
        "st",
        "ste",
        "mgr",
        "gén",
        "col",
        "cf",
        "env",
        "etc",
        "p",
        "pp",
        "art",
        "av",
        "bd",
        "réf",
        "n",
        "no",
        "vol",
        "éd",
        "u",
        "é",
        "-u",
        "jr",
        "sr",
        "janv",
        "févr",
        "avr",
        "juill",
        "sept",
        "oct",
        "nov",
        "déc",
    },
    "en": {
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "sen",
        "rep",
        "gov",
        "gen",
        "col",
        "lt",
        "sgt",
        "jr",
        "sr",
        "inc",
        "corp",
        "co",
        "ltd",
        "no",
        "vs",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "jan",
        "feb",
        "mar",
        "apr",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    },
}
_LAST_WORD = re.compile(r"([\w.\-]+)\.$", re.UNICODE)
_INITIAL = re.compile(r"(?:^|\s)\w\.$", re.UNICODE)


def _ends_with_abbreviation(piece: str, lang: str) -> bool:
    piece = piece.rstrip()
    if _INITIAL.search(piece):
        return True
    match = _LAST_WORD.search(piece)
    return match is not None and match.group(1).lower() in _ABBREVIATIONS.get(lang, set())


def split_sentences(paragraph: str, lang: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` in ``paragraph``, whitespace trimmed."""
    pieces = [p for p in sentencex.segment(lang, paragraph) if p.strip()]
    merged: list[str] = []
    for piece in pieces:
        # A sentence does not start in lower case: such a split followed an abbreviation
        # the splitter did not know (e.g. "les É.-U. ont").
        if merged and (_ends_with_abbreviation(merged[-1], lang) or piece.lstrip()[:1].islower()):
            merged[-1] += piece
        else:
            merged.append(piece)
    spans: list[tuple[int, int]] = []
    cursor = 0
    for piece in merged:
        text = piece.strip()
        start = paragraph.find(text, cursor)
        if start < 0:  # the splitter altered the text; fall back to the whole remainder
            start = cursor
        end = start + len(text)
        spans.append((start, end))
        cursor = end
    return spans


def segment(doc_id: str, side: Side, text: str, lang: str) -> tuple[Segment, ...]:
    """Paragraphs (one per line) then sentences, with offsets into ``text``."""
    segments: list[Segment] = []
    offset = 0
    for para, line in enumerate(text.split("\n")):
        for start, end in split_sentences(line, lang):
            segments.append(
                Segment(
                    doc=doc_id,
                    side=side,
                    index=len(segments),
                    para=para,
                    start=offset + start,
                    end=offset + end,
                    text=line[start:end],
                )
            )
        offset += len(line) + 1
    return tuple(segments)
