"""Finished documents on disk: a run folder's ``documents/`` and the result cache.

A run folder keeps each finished document in ``documents/<id>.json`` as soon as it is done,
with the key it was computed under (texts, engine signatures, settings, code fingerprint):
a run started again finishes only what is missing. The result cache keeps the same files
under the same keys in the cache folder (``results/``), so the same inputs run into a new
folder are neither aligned, scored nor checked again.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import overload

from mtqa.model import Document, DocumentResult


def saved_path(run_dir: Path, doc_id: str) -> Path:
    """Where a run keeps a finished document's result."""
    return run_dir / "documents" / f"{doc_id}.json"


def read_saved(path: Path, key: str | None = None) -> DocumentResult | None:
    """The document result saved at ``path`` (under ``key``, when given); None if absent."""
    from mtqa.runfolder import document_from_json

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if key is not None and data.get("key") != key:
            return None
        return document_from_json(data["result"])
    except (OSError, ValueError, KeyError, TypeError):
        return None  # missing or unreadable: compute it again


def write_saved(path: Path, key: str, result: DocumentResult) -> None:
    from mtqa.runfolder import document_to_json, write_atomic

    write_atomic(
        path, json.dumps({"key": key, "result": document_to_json(result)}, ensure_ascii=False)
    )


class ResultCache:
    """Document results by key, in ``directory/results/``, shared by runs and processes."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory).expanduser() / "results"

    def path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str, document: Document) -> DocumentResult | None:
        found = read_saved(self.path(key), key)
        # the key covers the texts and the id; the paths are this run's
        return None if found is None else replace(found, document=document)

    def put(self, key: str, result: DocumentResult) -> None:
        try:
            write_saved(self.path(key), key, result)
        except OSError:  # a cache that cannot be written costs speed, never the run
            pass


class SavedDocuments(Sequence[DocumentResult]):
    """A run's documents, read from its folder one at a time as they are used.

    Holding a run with thousands of documents costs the memory of one: each access reads
    the document's file again (the last one read is kept).
    """

    def __init__(self, run_dir: Path, ids: Sequence[str]) -> None:
        self.run_dir = run_dir
        self.ids = tuple(ids)
        self._last: tuple[int, DocumentResult] | None = None

    def __len__(self) -> int:
        return len(self.ids)

    def _load(self, index: int) -> DocumentResult:
        if self._last is not None and self._last[0] == index:
            return self._last[1]
        path = saved_path(self.run_dir, self.ids[index])
        result = read_saved(path)
        if result is None:
            raise FileNotFoundError(f"{path}: the run folder lost this document's result")
        self._last = (index, result)
        return result

    @overload
    def __getitem__(self, index: int) -> DocumentResult: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[DocumentResult, ...]: ...

    def __getitem__(self, index: int | slice) -> DocumentResult | tuple[DocumentResult, ...]:
        if isinstance(index, slice):
            return tuple(self._load(i) for i in range(len(self.ids))[index])
        if index < 0:
            index += len(self.ids)
        if not 0 <= index < len(self.ids):
            raise IndexError(index)
        return self._load(index)

    def __iter__(self) -> Iterator[DocumentResult]:
        for index in range(len(self.ids)):
            yield self._load(index)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, SavedDocuments):
            return self.run_dir == other.run_dir and self.ids == other.ids
        if isinstance(other, (tuple, list)):
            return tuple(self) == tuple(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"SavedDocuments({str(self.run_dir)!r}, {len(self.ids)} documents)"
