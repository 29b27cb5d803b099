"""Loading documents: bytes on disk to normalised text.

Text is decoded (UTF-8 by default, with or without BOM; any Python codec; or ``auto``,
detected with charset-normalizer), line endings become LF and the text is NFC-normalised, so
that offsets computed later point into exactly the text reports show. Typographic quotes and
apostrophes are kept: matching ignores them, reports show them.

What would silently corrupt everything after it is caught here, once, for every file:

- a UTF-16/32 byte-order mark decides the encoding (nothing else starts that way);
- NUL bytes every other character mean UTF-16 without a mark: an error naming the option;
- a file that is valid UTF-8 but was given a one-byte encoding is an error (read as latin-1,
  UTF-8 gives ``TokÃ¡yev``);
- control and invisible characters (NUL, C0/C1 controls, soft hyphens, zero-width spaces,
  bidirectional controls) are removed, page and line separators become line breaks, and a
  note says how many: they break sentence splitting, tools like ``lt-proc`` and reports;
- sequences typical of mis-decoded UTF-8 (``Ã©``, ``â€™``) left in the text give a note.

Notes go to the caller's ``notes`` list (the run shows them in the terminal, summary.json
and the report).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from mtqa.errors import InputError, read_user_file
from mtqa.model import Document

AUTO = "auto"
# The largest input file read (a long book is a few MiB).
MAX_BYTES = 64 * 2**20
_UTF8 = ("utf-8", "utf8", "utf-8-sig", "utf_8", "u8", "utf", "cp65001")
# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# The encodings French and English text is found in, as charset-normalizer names them.
_WESTERN = (
    "cp1252", "latin_1", "iso8859_15", "mac_roman", "cp850", "cp437", "utf_16", "utf_16_le",
    "utf_16_be", "utf_32", "utf_32_le", "utf_32_be", "ascii",
)
# Line and page separators other than LF (after CRLF/CR → LF): each becomes a line break.
_SEPARATORS = re.compile("[\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
# Removed: C0/C1 controls but tab and LF, DEL, soft hyphen, zero-width spaces and joiners,
# word joiner, BOMs inside the text, bidirectional controls, interlinear annotations.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u200b-\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u206f\ufeff\ufff9-\ufffb]"
)
# What UTF-8 turns into when read as latin-1 or cp1252: Ã© Ã¨ Ã‰, â€™ â€œ, Â° Â«.
_MOJIBAKE = re.compile(
    "Ã[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
    "|â€[\u0080-\u00bf\u2018-\u201e\u2022\u2026\u2122\u0153\u0161\u017e\u02dc\u00a0]?"
    "|Â[\u00a0-\u00bf]"
)


def check_encoding(value: str) -> str:
    """``value`` if it names a Python text codec or is ``auto``; ValueError saying what to
    use otherwise."""
    name = value.strip()
    if name.lower() == AUTO:
        return AUTO
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise ValueError(
            f"unknown encoding {value!r}: use a Python codec name such as utf-8, latin-1, "
            "cp1252 or utf-16, or auto to detect it"
        ) from None
    if not getattr(info, "_is_text_encoding", True):  # rot13, base64...: not for files
        raise ValueError(f"{value!r} is not a text encoding: use e.g. utf-8, cp1252 or auto")
    return name


def normalise_text(text: str) -> str:
    """BOM removed, CRLF/CR → LF, NFC."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


@dataclass(frozen=True)
class Decoded:
    """A file's normalised text, the encoding it was read with, and what was noticed."""

    text: str
    encoding: str
    notes: tuple[str, ...] = ()


def _option(role: str) -> str:
    """The command-line option setting a file's encoding (config keys: the same, with '_')."""
    if role.startswith("reference"):
        return "--ref-encoding"
    if role.startswith("MT"):
        return "--mt-encoding"
    return "--encoding"


def _is_utf8(encoding: str) -> bool:
    return encoding.lower().replace("_", "-") in _UTF8


def _is_wide(encoding: str) -> bool:
    name = codecs.lookup(encoding).name
    return name.startswith(("utf-16", "utf-32"))


def _bom_encoding(raw: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return encoding
    return None


def _detect(raw: bytes) -> str | None:
    """The encoding a French or English text file most likely has: UTF-8 when it decodes,
    else cp1252 (Windows' superset of Latin-1, what such text is found in) when it decodes,
    else the Western reading charset-normalizer ranks first."""
    for candidate in ("utf-8-sig", "cp1252"):
        try:
            raw.decode(candidate)
            return candidate
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    matches = list(from_bytes(raw))
    for match in matches:
        if match.encoding in _WESTERN:
            return str(match.encoding)
    return str(matches[0].encoding) if matches else None


def _nul_layout(raw: bytes) -> str | None:
    """The UTF-16/32 variant whose NULs sit where this file's do (Latin text in UTF-16 or
    UTF-32 without a mark), 'binary' when the bytes are mostly NULs otherwise, else None."""
    if not raw or raw.count(0) * 10 < len(raw):
        return None

    def nuls(start: int, step: int) -> float:
        column = raw[start::step]
        return column.count(0) / max(1, len(column))

    quarters = [nuls(i, 4) for i in range(4)]
    if quarters[0] < 0.2 and min(quarters[1:]) > 0.6:
        return "utf-32-le"
    if quarters[3] < 0.2 and min(quarters[:3]) > 0.6:
        return "utf-32-be"
    odd, even = nuls(1, 2), nuls(0, 2)
    if odd > 0.6 and even < 0.2:
        return "utf-16-le"
    if even > 0.6 and odd < 0.2:
        return "utf-16-be"
    return "binary"


def decode(raw: bytes, encoding: str, *, path: Path | str, role: str = "file") -> Decoded:
    """Decode and normalise one file's bytes; ``InputError`` with a remedy when unusable."""
    notes: list[str] = []
    option = _option(role)
    bom = _bom_encoding(raw)
    if encoding.lower() == AUTO:
        used = bom or _detect(raw)
        if used is None:
            raise InputError(
                f"{role} {path}: cannot tell its encoding; give it with {option}, e.g. cp1252"
            )
        if not _is_utf8(used):
            notes.append(f"{role} {path}: encoding detected as {used}")
    elif bom in ("utf-16", "utf-32") and not _is_wide(encoding):
        # Nothing but UTF-16/32 starts with these bytes; reading it as anything else
        # gives a NUL every other character.
        used = bom
        notes.append(f"{role} {path}: starts with a {bom.upper()} byte-order mark, read as {bom}")
    else:
        used = "utf-8-sig" if _is_utf8(encoding) else encoding
        layout = _nul_layout(raw) if not _is_wide(used) else None
        if layout == "binary":
            raise InputError(f"{role} {path} is not a text file (mostly NUL bytes)")
        if layout is not None:
            raise InputError(
                f"{role} {path} has NUL bytes between its characters: it is {layout.upper()} "
                f"without a byte-order mark; pass {option} {layout}"
            )
    try:
        text = raw.decode(used)
    except UnicodeDecodeError as error:
        guess = _detect(raw)
        hint = f"{option} {guess}" if guess else f"{option} auto"
        raise InputError(
            f"{role} {path} is not valid {used.removesuffix('-sig')} (byte {error.start}): "
            f"pass its encoding with {hint} (or auto to detect it)"
        ) from None
    except UnicodeError as error:  # a UTF-16/32 codec without a mark, odd length...
        raise InputError(f"{role} {path} cannot be read as {used}: {error}") from None
    if (
        not _is_utf8(used)
        and not _is_wide(used)
        and not raw.isascii()
        and _valid_utf8(raw)
    ):
        sample = _MOJIBAKE.search(text)
        shown = f" (read as {used} it gives {sample.group(0)!r})" if sample else ""
        raise InputError(
            f"{role} {path} is UTF-8, not {used}{shown}: give each file its own encoding, "
            f"e.g. {option} utf-8"
        )
    text = normalise_text(text)
    text, removed = clean_text(text)
    if removed:
        notes.append(f"{role} {path}: removed {removed}")
    garbled = _MOJIBAKE.findall(text)
    if len(garbled) >= 2:
        examples = ", ".join(sorted(set(garbled))[:3])
        notes.append(
            f"{role} {path}: {len(garbled)} sequences like {examples} look like UTF-8 read with "
            f"the wrong encoding; check the file or {option}"
        )
    return Decoded(text, used.removesuffix("-sig"), tuple(notes))


def _valid_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def clean_text(text: str) -> tuple[str, str]:
    """Text without control and invisible characters, separators as line breaks; and what
    was removed, in words ("" when nothing)."""
    text = _SEPARATORS.sub("\n", text)
    found = _INVISIBLE.findall(text)
    if not found:
        return text, ""
    nul = found.count("\x00")
    soft = found.count("\xad")
    controls = sum(1 for c in found if unicodedata.category(c) == "Cc") - nul
    other = len(found) - nul - soft - controls
    parts = [
        f"{n} {what}"
        for n, what in (
            (nul, "NUL character(s)"),
            (controls, "other control character(s)"),
            (soft, "soft hyphen(s)"),
            (other, "invisible format character(s) (zero-width, bidirectional)"),
        )
        if n
    ]
    return _INVISIBLE.sub("", text), ", ".join(parts)


def read_file(path: Path, *, encoding: str = "utf-8", role: str = "file") -> Decoded:
    """Read, decode and normalise one text file, with errors a user can act on."""
    try:
        encoding = check_encoding(encoding)
    except ValueError as error:
        raise InputError(str(error)) from None
    # at most MAX_BYTES + 1: /dev/zero or a runaway file must not fill memory
    folder = f"{role} is a directory, not a text file: {path}"
    raw = read_user_file(path, role, InputError, folder=folder, limit=MAX_BYTES)
    if len(raw) > MAX_BYTES:
        raise InputError(
            f"{role} {path} is larger than {MAX_BYTES // 2**20} MiB: split it into documents"
        )
    decoded = decode(raw, encoding, path=path, role=role)
    if not decoded.text.strip():
        raise InputError(f"{role} {path} is empty: give a file with the text to evaluate")
    return decoded


def read_text(path: Path, *, encoding: str = "utf-8", role: str = "file") -> str:
    """Read and normalise one text file, with errors a user can act on."""
    return read_file(path, encoding=encoding, role=role).text


def load_document(
    doc_id: str,
    *,
    mt_path: Path,
    ref_path: Path,
    encoding: str = "utf-8",
    systems: dict[str, Path] | None = None,
    mt_encoding: str | None = None,
    ref_encoding: str | None = None,
    notes: list[str] | None = None,
    label: str = "",
) -> list[Document]:
    """Load an MT and its reference; other MT systems of the same source become documents
    of their own, ``ID@SYSTEM``, sharing the reference. What decoding noticed (an encoding
    detected, characters removed) is appended to ``notes``."""
    said = notes if notes is not None else []

    def read(path: Path, side_encoding: str | None, role: str) -> str:
        decoded = read_file(path, encoding=side_encoding or encoding, role=role)
        said.extend(decoded.notes)
        return decoded.text

    reference = read(ref_path, ref_encoding, "reference file")
    documents = [
        Document(
            id=doc_id,
            mt_text=read(mt_path, mt_encoding, "MT file"),
            ref_text=reference,
            mt_path=str(mt_path),
            ref_path=str(ref_path),
            label=label,
        )
    ]
    for name, path in (systems or {}).items():
        documents.append(
            Document(
                id=f"{doc_id}@{name}",
                mt_text=read(path, mt_encoding, f"MT file of system {name!r}"),
                ref_text=reference,
                mt_path=str(path),
                ref_path=str(ref_path),
                system=name,
                source_id=doc_id,
                label=f"{label}@{name}" if label else "",
            )
        )
    return documents
