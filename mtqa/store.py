"""Finished documents on disk: a run folder's ``documents/`` and the result cache.

A run folder keeps each finished document in ``documents/<id>.json`` as soon as it is done,
with the key it was computed under (texts, engine signatures, settings, code fingerprint):
a run started again finishes only what is missing. The result cache keeps the same files
under the same keys in the cache folder (``results/``), so the same inputs run into a new
folder are neither aligned, scored nor checked again. Beside them it keeps what a run
computes over its inputs as a whole (``run-values/``: the language of each document, the
run's corpus scores), under keys made from the same document keys.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mtqa.model import Document, DocumentResult, LazyDocuments, Score

if TYPE_CHECKING:
    import numpy as np


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

    # not flushed to disk: a file lost or cut short is read as absent and computed again
    write_atomic(
        path,
        json.dumps({"key": key, "result": document_to_json(result)}, ensure_ascii=False),
        durable=False,
    )


class ResultCache:
    """Document results by key, in ``directory/results/``, shared by runs and processes."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory).expanduser() / "results"
        self.values = Path(directory).expanduser() / "run-values"
        # values put while the run still checks its inputs wait here: a run that stops on
        # bad input leaves nothing behind
        self._held: list[tuple[str, str, Any]] | None = None

    def hold(self) -> None:
        """Keep values put from now on in memory until ``release``."""
        self._held = []

    def release(self) -> None:
        """Write the values held since ``hold``, and the next ones as they come."""
        held, self._held = self._held or [], None
        for kind, key, value in held:
            self.put_value(kind, key, value)

    def path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str, document: Document) -> DocumentResult | None:
        found = read_saved(self.path(key), key)
        # the key covers the texts and the id; the paths are this run's
        return None if found is None else replace(found, document=document)

    def copy_to(self, key: str, document: Document, path: Path) -> bool:
        """Save the result cached under ``key`` at ``path`` as ``write_saved`` would save it
        for ``document``; False when there is none. The file's JSON is copied with this
        run's document fields, never turned into objects and back."""
        from mtqa.runfolder import document_fields, write_atomic

        try:
            data = json.loads(self.path(key).read_text(encoding="utf-8"))
            if data.get("key") != key:
                return False
            result = data["result"]
            # the key covers the texts and the id; the paths are this run's
            fields = document_fields(document)
            if any(name not in result for name in fields):
                return False
            result.update(fields)
            write_atomic(path, json.dumps(data, ensure_ascii=False), durable=False)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return False
        return True

    def put(self, key: str, result: DocumentResult) -> None:
        try:
            write_saved(self.path(key), key, result)
        except OSError:  # a cache that cannot be written costs speed, never the run
            pass

    def get_value(self, kind: str, key: str) -> Any:
        """A value computed over a run's inputs (``kind``: what it is) under ``key``; None
        when absent or unreadable."""
        try:
            data = json.loads((self.values / kind / f"{key}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data.get("value") if isinstance(data, dict) and data.get("key") == key else None

    def put_value(self, kind: str, key: str, value: Any) -> None:
        from mtqa.runfolder import write_atomic

        if self._held is not None:
            self._held.append((kind, key, value))
            return
        try:
            write_atomic(
                self.values / kind / f"{key}.json",
                json.dumps({"key": key, "value": value}, ensure_ascii=False),
                durable=False,
            )
        except OSError:  # a cache that cannot be written costs speed, never the run
            pass


def _size(result: DocumentResult) -> int:
    return len(result.mt_segments) + len(result.ref_segments)


class SavedDocuments(LazyDocuments):
    """A run's documents, read from its folder one at a time as they are used.

    The report, the comparison and the summary each go over every document, in order; the
    first documents read are kept, up to ``KEEP_SEGMENTS`` sentences in all, and the rest
    read again each time. A run of a few hundred documents is read once, one of thousands
    costs no more memory than that; and what is kept stays put, where dropping the oldest
    to keep the newest would make every pass read every document again and leave the
    memory of the documents it dropped scattered.
    """

    KEEP_SEGMENTS = 5_000

    def __init__(self, run_dir: Path, ids: Sequence[str]) -> None:
        self.run_dir = run_dir
        self.ids = tuple(ids)
        self._kept: dict[int, DocumentResult] = {}
        self._kept_segments = 0

    def __len__(self) -> int:
        return len(self.ids)

    def _document(self, index: int) -> DocumentResult:
        found = self._kept.get(index)
        if found is not None:
            return found
        path = saved_path(self.run_dir, self.ids[index])
        result = read_saved(path)
        if result is None:
            raise FileNotFoundError(f"{path}: the run folder lost this document's result")
        if self._kept_segments + _size(result) <= self.KEEP_SEGMENTS:
            self._kept[index] = result
            self._kept_segments += _size(result)
        return result

    def __eq__(self, other: object) -> bool:
        if isinstance(other, SavedDocuments):
            return self.run_dir == other.run_dir and self.ids == other.ids
        if isinstance(other, (tuple, list)):
            return tuple(self) == tuple(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"SavedDocuments({str(self.run_dir)!r}, {len(self.ids)} documents)"


def cached_language_warnings(documents: Sequence[Document], cache: ResultCache | None) -> list[str]:
    """The language warnings of every document; a rerun of the same texts reads them from
    the cache instead of loading the language identifier."""
    from mtqa.prechecks import LANGUAGE_SAMPLE, language_warnings
    from mtqa.runfolder import code_fingerprint, key_of

    key = ""
    if cache is not None:
        key = key_of(
            {
                "code": code_fingerprint(),
                "documents": [
                    (d.id, d.mt_text[:LANGUAGE_SAMPLE], d.ref_text[:LANGUAGE_SAMPLE])
                    for d in documents
                ],
            }
        )
        found = cache.get_value("languages", key)
        if isinstance(found, list) and all(isinstance(w, str) for w in found):
            return found
    warnings = [w for document in documents for w in language_warnings(document)]
    if cache is not None:
        cache.put_value("languages", key, warnings)
    return warnings


def cached_run_scores(
    cache: ResultCache | None,
    keys: Sequence[str],
    compute: Callable[[], dict[str, tuple[Score, ...]]],
    engines: Sequence[str],
    metrics: Sequence[str],
) -> dict[str, tuple[Score, ...]]:
    """The run's corpus scores; documents with the same keys (texts, engines, settings,
    code) score the same, so a rerun of the same inputs reads them from the cache."""
    from mtqa.runfolder import _score_from_json, _score_json, key_of

    if cache is None:
        return compute()
    seed = os.environ.get("SACREBLEU_SEED", "12345")
    key = key_of(
        {"documents": list(keys), "engines": list(engines), "metrics": list(metrics), "seed": seed}
    )
    found = cache.get_value("run-scores", key)
    if isinstance(found, dict):
        try:
            return {name: tuple(_score_from_json(s) for s in found[name]) for name in engines}
        except (KeyError, TypeError):
            pass  # unreadable: compute it again
    scores = compute()
    cache.put_value(
        "run-scores", key, {name: [_score_json(s) for s in v] for name, v in scores.items()}
    )
    return scores


class SpilledTables:
    """Each document's segment statistics (engine -> metric -> ``statistics_table``), set
    aside in a temporary file as the documents finish and read back one document at a time
    for the run's corpus scores: the run's process holds an offset a document, not its
    tables, however many documents the run has."""

    def __init__(self) -> None:
        import tempfile

        self._file = tempfile.TemporaryFile()
        # document id -> (offset, ((engine, metric, rows, columns, dtype), ...)); the shapes
        # are shared between documents, which mostly have the same few
        self._places: dict[str, tuple[int, tuple[tuple[str, str, int, int, str], ...]]] = {}
        self._shapes: dict[Any, Any] = {}

    def __contains__(self, key: object) -> bool:
        return key in self._places

    def put(self, key: str, tables: Mapping[str, Mapping[str, np.ndarray]]) -> None:
        import numpy as np

        offset = self._file.seek(0, os.SEEK_END)
        shapes = []
        for engine, by_metric in tables.items():
            for metric, table in by_metric.items():
                table = np.ascontiguousarray(table)
                rows, columns = table.shape if table.ndim == 2 else (0, 0)
                self._file.write(table.tobytes())
                shape = (engine, metric, rows, columns, table.dtype.str)
                shapes.append(self._shapes.setdefault(shape, shape))
        together = tuple(shapes)
        self._places[key] = (offset, self._shapes.setdefault(together, together))

    def get(self, key: str) -> dict[str, dict[str, np.ndarray]] | None:
        """The tables put under ``key``, or None."""
        import numpy as np

        place = self._places.get(key)
        if place is None:
            return None
        offset, shapes = place
        self._file.seek(offset)
        tables: dict[str, dict[str, np.ndarray]] = {}
        for engine, metric, rows, columns, dtype in shapes:
            size = rows * columns * np.dtype(dtype).itemsize
            table = np.frombuffer(self._file.read(size), dtype=dtype).reshape(rows, columns)
            tables.setdefault(engine, {})[metric] = table
        return tables

    def joined(self, keys: Sequence[str]) -> dict[str, dict[str, np.ndarray]]:
        """Every table of ``keys`` (each put here), put end to end in that order: one table
        an engine and metric, made in place."""
        import numpy as np

        sizes: dict[tuple[str, str], tuple[int, int, np.dtype[Any]]] = {}
        for key in keys:
            for engine, metric, rows, columns, dtype in self._places[key][1]:
                if rows:
                    total, _, kind = sizes.get((engine, metric), (0, columns, np.dtype(dtype)))
                    sizes[engine, metric] = (total + rows, columns, np.result_type(kind, dtype))
        joined = {
            where: np.empty((rows, columns), dtype=kind)
            for where, (rows, columns, kind) in sizes.items()
        }
        filled = dict.fromkeys(sizes, 0)
        for key in keys:
            for engine, by_metric in (self.get(key) or {}).items():
                for metric, table in by_metric.items():
                    start = filled.get((engine, metric), 0)
                    if len(table):
                        joined[engine, metric][start : start + len(table)] = table
                        filled[engine, metric] = start + len(table)
        tables: dict[str, dict[str, np.ndarray]] = {}
        for (engine, metric), table in joined.items():
            tables.setdefault(engine, {})[metric] = table
        return tables

    def close(self) -> None:
        self._file.close()
        self._places.clear()
        self._shapes.clear()
