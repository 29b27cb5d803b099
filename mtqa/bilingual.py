"""Bilingual QA files as inputs: XLIFF 1.2, XLIFF 2.x and TMX, read with translate-toolkit.

A file's translation units come aligned: the English source is the reference, the French
target the MT, unit by unit. Such a document is *prealigned*: its text holds one unit per line
on each side (the same number of lines; a unit with no target is an empty MT line), each unit
is one segment, and the beads are the units themselves — no sentence splitting, no
re-alignment. Inline markup (``<g>``, ``<pc>``, placeholders) is reduced to its text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from mtqa.documents import normalise_text
from mtqa.errors import InputError, read_user_file
from mtqa.model import Document, Pair, Segment, Side

Format = Literal["xliff", "tmx"]
FORMATS: tuple[Format, ...] = ("xliff", "tmx")


@dataclass(frozen=True)
class Unit:
    id: str
    source: str  # English
    target: str  # French ("" when the unit has no translation)


def _flat(text: Any) -> str:
    """A unit's text on one line: a unit is one segment, whatever newlines it held."""
    return " ".join(normalise_text(str(text or "")).split())


def _language(code: Any) -> str:
    return str(code or "").strip().lower().replace("_", "-").split("-")[0]


def _check_languages(path: Path, source: str, target: str) -> bool:
    """True when the file runs French → English and the sides must be swapped."""
    if source == "fr" and target in ("en", ""):
        return True
    if source not in ("", "en", "*all*") or target not in ("", "fr"):
        raise InputError(
            f"{path}: declares {source or '?'} → {target or '?'}; mtqa reads an English source "
            "and its French translation (source-language en, target-language fr)"
        )
    return False


def read_units(path: Path, fmt: Format) -> list[Unit]:
    """The translation units of an XLIFF (1.2 or 2.x) or TMX file, in file order."""
    what = f"{fmt.upper()} file"
    data = read_user_file(path, what, InputError, folder=f"{what} is a directory: {path}")
    try:
        store = _parse(data, fmt)
    except InputError:
        raise
    except Exception as error:  # lxml and the toolkit raise many kinds on malformed files
        first = " ".join(str(error).split())[:160] or type(error).__name__
        raise InputError(f"{path} is not a readable {fmt.upper()} file: {first}") from None
    swap = _check_languages(
        path,
        _language(getattr(store, "sourcelanguage", "")),
        _language(getattr(store, "targetlanguage", "")),
    )
    units = []
    for n, unit in enumerate(store.units, start=1):
        if getattr(unit, "isheader", lambda: False)():
            continue
        source, target = _flat(unit.source), _flat(unit.target)
        if swap:
            source, target = target, source
        if source or target:
            units.append(Unit(str(unit.getid() or n), source, target))
    if not units:
        raise InputError(f"{path} holds no translation unit with text: nothing to evaluate")
    return units


def _parse(data: bytes, fmt: Format) -> Any:
    if fmt == "tmx":
        from translate.storage.tmx import tmxfile

        return tmxfile.parsestring(data)
    from lxml import etree

    root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    version = str(root.get("version", ""))
    if etree.QName(root).localname != "xliff":
        raise ValueError(f"the root element is <{etree.QName(root).localname}>, not <xliff>")
    if version.startswith("2"):
        from translate.storage.xliff2 import Xliff2File

        return Xliff2File.parsestring(data)
    from translate.storage.xliff import xlifffile

    return xlifffile.parsestring(data)


def load_bilingual(doc_id: str, path: Path, fmt: Format) -> Document:
    """A prealigned document from a QA file: one unit per line on each side."""
    units = read_units(path, fmt)
    return Document(
        id=doc_id,
        mt_text="\n".join(u.target for u in units),
        ref_text="\n".join(u.source for u in units),
        mt_path=str(path),
        ref_path=str(path),
        prealigned=True,
    )


def unit_segments(doc_id: str, side: Side, text: str) -> tuple[Segment, ...]:
    """One segment per non-empty line (unit) of a prealigned document's side."""
    segments: list[Segment] = []
    offset = 0
    for para, line in enumerate(text.split("\n")):
        if line.strip():
            start = len(line) - len(line.lstrip())
            segments.append(
                Segment(doc_id, side, len(segments), para, offset + start,
                        offset + len(line.rstrip()), line.strip())
            )
        offset += len(line) + 1
    return tuple(segments)


def unit_pairs(
    mt: Sequence[Segment],
    ref: Sequence[Segment],
    back_translations: Mapping[str, Sequence[str]],
    *,
    doc_id: str,
) -> tuple[Pair, ...]:
    """The beads of a prealigned document: its units, in file order."""
    from mtqa.align import similarity

    mt_of = {s.para: s.index for s in mt}
    ref_of = {s.para: s.index for s in ref}
    pairs: list[Pair] = []
    for para in sorted(set(mt_of) | set(ref_of)):
        mt_ids = (mt_of[para],) if para in mt_of else ()
        ref_ids = (ref_of[para],) if para in ref_of else ()
        bt = {e: " ".join(texts[i] for i in mt_ids) for e, texts in back_translations.items()}
        ref_text = " ".join(ref[i].text for i in ref_ids)
        best = max((similarity(b, ref_text) for b in bt.values()), default=0.0)
        pairs.append(
            Pair(
                doc=doc_id,
                index=len(pairs),
                mt=mt_ids,
                ref=ref_ids,
                mt_text=" ".join(mt[i].text for i in mt_ids),
                ref_text=ref_text,
                bt=bt,
                similarity=round(best, 4) if mt_ids and ref_ids else 0.0,
            )
        )
    return tuple(pairs)
