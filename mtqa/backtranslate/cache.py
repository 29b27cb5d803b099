"""The persistent translation cache and the engine wrapper that uses it.

``TranslationCache`` is one SQLite file keyed by (engine signature, source text). SQLite in
WAL mode with a busy timeout lets two processes read and write the same cache at once without
corrupting it. A damaged file (not a database, or malformed anywhere inside) is a cache, not
data: it is moved aside and a new one is started, with a warning; a lock held by another
process is waited for, never taken for damage.

``CachingEngine`` wraps any engine: it translates only what the cache lacks, each distinct
text once, and writes every batch as soon as it finishes, so an interrupted run
loses at most one batch of work.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from mtqa.backtranslate.base import Engine
from mtqa.errors import ConfigError

log = logging.getLogger(__name__)

CACHE_FILE = "translations.sqlite3"
# Seconds a writer waits for another process's transaction before giving up.
BUSY_TIMEOUT_S = 60.0
# Older SQLite builds allow 999 bound parameters per statement.
_LOOKUP_CHUNK = 500
_FALLBACK_CHUNK = 32

_SCHEMA = """
CREATE TABLE IF NOT EXISTS signatures (
    key TEXT PRIMARY KEY,
    text TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS translations (
    signature TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    created REAL NOT NULL,
    PRIMARY KEY (signature, source)
) WITHOUT ROWID;
"""


def signature_text(signature: Mapping[str, Any]) -> str:
    """A stable text form of an engine signature (key order does not matter)."""
    return json.dumps(dict(signature), sort_keys=True, ensure_ascii=False, default=str)


def _signature_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def default_cache_dir() -> Path:
    """mtqa's cache folder: ``$MTQA_CACHE_DIR``, else ``$XDG_CACHE_HOME/mtqa`` or
    ``~/.cache/mtqa`` (translations, document results, converted models)."""
    if os.environ.get("MTQA_CACHE_DIR"):
        return Path(os.environ["MTQA_CACHE_DIR"])
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "mtqa"


class TranslationCache:
    """Translations stored in ``directory/translations.sqlite3``, shared safely by processes."""

    def __init__(self, directory: Path | str) -> None:
        self.directory = Path(directory).expanduser()
        try:
            if self.directory.exists() and not self.directory.is_dir():
                raise ConfigError(
                    f"cache directory {self.directory} is a file: choose a folder "
                    "(--cache-dir, [cache] dir or MTQA_CACHE_DIR)"
                )
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ConfigError(
                f"cannot create cache directory {self.directory}: {error.strerror}; "
                "choose another cache directory"
            ) from error
        self.path = self.directory / CACHE_FILE
        self._lock = threading.Lock()
        try:
            self._db = self._open()
        except sqlite3.OperationalError as error:
            if _is_busy(error):
                raise ConfigError(
                    f"translation cache {self.path} stayed locked by another process for "
                    f"{BUSY_TIMEOUT_S:g} s; wait for it to finish or use another --cache-dir"
                ) from error
            raise ConfigError(
                f"translation cache {self.path} is unusable ({error}); "
                "check its permissions or choose another cache directory"
            ) from error
        except sqlite3.DatabaseError as error:
            if not _is_damage(error):
                raise ConfigError(
                    f"translation cache {self.path} is unusable ({error}); "
                    "delete it or choose another cache directory"
                ) from error
            self._db = self._rebuild(error)
        self._known_signatures: set[str] = set()

    def _open(self) -> sqlite3.Connection:
        """Connect and set the database up; another process doing the same at the same
        moment is waited for (SQLite answers "locked" to a journal-mode change without
        calling the busy handler), up to the busy timeout."""
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        delay = 0.01
        while True:
            # autocommit mode: transactions are opened explicitly below.
            db = sqlite3.connect(
                self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
            )
            try:
                db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
                if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                    db.execute("PRAGMA journal_mode = WAL")
                # WAL + NORMAL stays consistent after a crash; only the last commit may be lost.
                db.execute("PRAGMA synchronous = NORMAL")
                db.executescript(_SCHEMA)
                # Cheap: reads the schema and the first pages, so a file that is not a database
                # (or whose header is damaged) is found now rather than in the middle of a run.
                db.execute("SELECT COUNT(*) FROM signatures").fetchone()
                return db
            except sqlite3.OperationalError as error:
                db.close()
                if not _is_busy(error) or time.monotonic() > deadline:
                    raise
                time.sleep(delay)
                delay = min(delay * 2, 0.5)
            except BaseException:
                db.close()
                raise

    def _rebuild(self, error: sqlite3.DatabaseError) -> sqlite3.Connection:
        """Move a damaged cache file aside and start an empty one."""
        aside = self.path.with_name(f"{self.path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            os.replace(self.path, aside)
            for suffix in ("-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        except OSError as move_error:
            raise ConfigError(
                f"translation cache {self.path} is damaged ({error}) and cannot be moved aside "
                f"({move_error.strerror}); delete it or choose another cache directory"
            ) from error
        log.warning(
            "warning: translation cache %s was damaged (%s): moved to %s, starting a new one "
            "(what it held will be translated again)",
            self.path,
            error,
            aside.name,
        )
        return self._open()

    def _recover(self, error: sqlite3.DatabaseError) -> None:
        """Damage found in the middle of a run: replace the file, keep going."""
        if not _is_damage(error):
            message = str(error)
            if any(word in message for word in ("full", "readonly", "I/O", "unable to open")):
                raise ConfigError(
                    f"translation cache {self.path}: {message}; free space, fix its "
                    "permissions, or run with --no-cache or another --cache-dir"
                ) from error
            raise error
        try:
            self._db.close()
        except sqlite3.Error:
            pass
        self._db = self._rebuild(error)
        self._known_signatures.clear()

    def get_many(self, signature: str, sources: Iterable[str]) -> dict[str, str]:
        """The cached translations of ``sources`` under ``signature``: source -> target."""
        key = _signature_key(signature)
        wanted = list(dict.fromkeys(sources))
        found: dict[str, str] = {}
        with self._lock:
            try:
                for start in range(0, len(wanted), _LOOKUP_CHUNK):
                    chunk = wanted[start : start + _LOOKUP_CHUNK]
                    marks = ",".join("?" * len(chunk))
                    rows = self._db.execute(
                        "SELECT source, target FROM translations "
                        f"WHERE signature = ? AND source IN ({marks})",
                        (key, *chunk),
                    )
                    found.update(rows)
            except sqlite3.DatabaseError as error:
                self._recover(error)
                return {}  # the new cache holds nothing yet
        return found

    def put_many(self, signature: str, items: Iterable[tuple[str, str]]) -> None:
        """Store (source, target) pairs under ``signature`` in one transaction."""
        key = _signature_key(signature)
        now = time.time()
        rows = [(key, source, target, now) for source, target in items]
        if not rows:
            return
        with self._lock:
            try:
                self._write(key, signature, rows)
            except sqlite3.DatabaseError as error:
                self._recover(error)
                self._write(key, signature, rows)

    def _write(self, key: str, signature: str, rows: list[tuple[str, str, str, float]]) -> None:
        # BEGIN IMMEDIATE takes the write lock up front, so a busy database waits on the
        # busy timeout here instead of failing half-way through the transaction.
        self._db.execute("BEGIN IMMEDIATE")
        try:
            if key not in self._known_signatures:
                self._db.execute(
                    "INSERT OR IGNORE INTO signatures (key, text) VALUES (?, ?)",
                    (key, signature),
                )
            # Another process may have stored the same text meanwhile: keep the first.
            self._db.executemany(
                "INSERT OR IGNORE INTO translations (signature, source, target, created) "
                "VALUES (?, ?, ?, ?)",
                rows,
            )
            self._db.execute("COMMIT")
        except BaseException:
            if self._db.in_transaction:
                try:
                    self._db.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
            raise
        self._known_signatures.add(key)

    def count(self, signature: str | None = None) -> int:
        """How many translations are stored (under ``signature`` when given)."""
        with self._lock:
            if signature is None:
                row = self._db.execute("SELECT COUNT(*) FROM translations").fetchone()
            else:
                row = self._db.execute(
                    "SELECT COUNT(*) FROM translations WHERE signature = ?",
                    (_signature_key(signature),),
                ).fetchone()
        return int(row[0])

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> TranslationCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _is_busy(error: sqlite3.OperationalError) -> bool:
    return "locked" in str(error) or "busy" in str(error)


# SQLITE_CORRUPT and SQLITE_NOTADB: the file itself is bad.
_DAMAGE_CODES = frozenset({11, 26})


def _is_damage(error: sqlite3.DatabaseError) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return (code & 0xFF) in _DAMAGE_CODES
    message = str(error)
    return "malformed" in message or "not a database" in message


class CachingEngine:
    """An engine that answers from the cache and translates only what is missing.

    ``stats``: ``hits`` (distinct texts found in the cache), ``misses`` (distinct texts
    actually translated), ``duplicates`` (inputs repeating an earlier input of the same call),
    ``batches`` (batches the wrapped engine ran). With ``cache=None`` it still translates each
    distinct text once.
    """

    def __init__(self, engine: Engine, cache: TranslationCache | None) -> None:
        self.engine = engine
        self.cache = cache
        self.name = engine.name
        self.stats: dict[str, int] = {"hits": 0, "misses": 0, "duplicates": 0, "batches": 0}
        self._signature_text: str | None = None

    @property
    def signature(self) -> Mapping[str, Any]:
        return self.engine.signature

    def translate(
        self, texts: Sequence[str], *, progress: Callable[[int], None] | None = None
    ) -> list[str]:
        """Translate ``texts`` in order; ``progress`` receives counts of inputs finished."""
        if self._signature_text is None:
            self._signature_text = signature_text(self.engine.signature)
        sig = self._signature_text
        occurrences: dict[str, int] = {}
        for text in texts:
            occurrences[text] = occurrences.get(text, 0) + 1
        self.stats["duplicates"] += len(texts) - len(occurrences)

        done: dict[str, str] = {}
        if self.cache is not None and occurrences:
            done = self.cache.get_many(sig, occurrences)
        self.stats["hits"] += len(done)
        if progress is not None and done:
            progress(sum(occurrences[text] for text in done))

        missing = [text for text in occurrences if text not in done]
        for batch in self._batches(missing):
            if self.cache is not None:
                self.cache.put_many(sig, batch)
            done.update(batch)
            self.stats["misses"] += len(batch)
            self.stats["batches"] += 1
            if progress is not None:
                progress(sum(occurrences[source] for source, _ in batch))
        return [done[text] for text in texts]

    def _batches(self, texts: list[str]) -> Iterator[list[tuple[str, str]]]:
        """(source, translation) lists, one per batch of the wrapped engine, as they finish."""
        if not texts:
            return
        iter_batches = getattr(self.engine, "iter_batches", None)
        if callable(iter_batches):
            for indexes, outputs in iter_batches(texts):
                yield [(texts[i], out) for i, out in zip(indexes, outputs, strict=True)]
            return
        # An engine without streaming: feed it length-sorted chunks so each is written as soon
        # as it is done, and similar lengths still travel together.
        ordered = sorted(texts, key=len)
        size = int(getattr(self.engine, "batch_size", _FALLBACK_CHUNK) or _FALLBACK_CHUNK)
        for start in range(0, len(ordered), size):
            chunk = ordered[start : start + size]
            outputs = self.engine.translate(chunk)
            if len(outputs) != len(chunk):
                raise RuntimeError(
                    f"engine {self.name!r} returned {len(outputs)} translations "
                    f"for {len(chunk)} texts"
                )
            yield list(zip(chunk, outputs, strict=True))

    def __getattr__(self, attribute: str) -> Any:
        # Let callers reach engine extras (``score``, ``split_for_model``) through the wrapper.
        if attribute == "engine":
            raise AttributeError(attribute)
        return getattr(self.engine, attribute)

    def close(self) -> None:
        self.engine.close()
