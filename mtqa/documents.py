"""Loading documents: bytes on disk to normalised text.

Text is decoded (UTF-8 by default, with or without BOM), line endings become LF and the text
is NFC-normalised, so that offsets computed later point into exactly the text reports show.
Typographic quotes and apostrophes are kept: matching ignores them, reports show them.
"""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

from mtqa.errors import InputError
from mtqa.model import Document


def normalise_text(text: str) -> str:
    """BOM removed, CRLF/CR → LF, NFC."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def read_text(path: Path, *, encoding: str = "utf-8", role: str = "file") -> str:
    """Read and normalise one text file, with errors a user can act on."""
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError(
            f"unknown encoding {encoding!r}: use a Python codec name such as utf-8 or latin-1"
        ) from None
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{role} not found: {path}") from None
    except IsADirectoryError:
        raise InputError(f"{role} is a directory, not a text file: {path}") from None
    except OSError as error:
        raise InputError(f"cannot read {role} {path}: {error.strerror}") from None
    if encoding.lower().replace("_", "-") in ("utf-8", "utf8"):
        encoding = "utf-8-sig"
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(
            f"{role} {path} is not valid {encoding.removesuffix('-sig')} "
            f"(byte {error.start}): pass its encoding with --encoding, e.g. --encoding latin-1"
        ) from None
    text = normalise_text(text)
    if not text.strip():
        raise InputError(f"{role} {path} is empty: give a file with the text to evaluate")
    return text


def load_document(
    doc_id: str,
    *,
    mt_path: Path,
    ref_path: Path,
    encoding: str = "utf-8",
    systems: dict[str, Path] | None = None,
) -> list[Document]:
    """Load an MT and its reference; other MT systems of the same source become documents
    of their own, ``ID@SYSTEM``, sharing the reference."""
    reference = read_text(ref_path, encoding=encoding, role="reference file")
    documents = [
        Document(
            id=doc_id,
            mt_text=read_text(mt_path, encoding=encoding, role="MT file"),
            ref_text=reference,
            mt_path=str(mt_path),
            ref_path=str(ref_path),
        )
    ]
    for name, path in (systems or {}).items():
        documents.append(
            Document(
                id=f"{doc_id}@{name}",
                mt_text=read_text(path, encoding=encoding, role=f"MT file of system {name!r}"),
                ref_text=reference,
                mt_path=str(path),
                ref_path=str(ref_path),
                system=name,
                source_id=doc_id,
            )
        )
    return documents
