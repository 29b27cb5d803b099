"""The translation cache: persistence, keys, streaming writes, duplicates, two processes."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from support import REPO_ROOT

from mtqa.backtranslate import CachingEngine, Engine, TranslationCache
from mtqa.backtranslate.cache import CACHE_FILE, signature_text


class RecordingEngine:
    """A trivial deterministic engine (reverses words) that records what it was asked."""

    def __init__(self, name: str = "rev", batch_size: int = 2, fail_after: int | None = None):
        self.name = name
        self.batch_size = batch_size
        self.calls: list[list[str]] = []
        self.fail_after = fail_after

    @property
    def signature(self) -> Mapping[str, Any]:
        return {"engine": "reverse", "model": "none", "batch_size": 0}

    def translate(
        self, texts: Sequence[str], *, progress: Callable[[int], None] | None = None
    ) -> list[str]:
        return [out for _, outs in self.iter_batches(texts) for out in outs]

    def iter_batches(self, texts: Sequence[str]) -> Iterator[tuple[list[int], list[str]]]:
        for start in range(0, len(texts), self.batch_size):
            if self.fail_after is not None and len(self.calls) >= self.fail_after:
                raise KeyboardInterrupt  # an interruption in the middle of a run
            chunk = list(texts[start : start + self.batch_size])
            self.calls.append(chunk)
            yield (
                list(range(start, start + len(chunk))),
                [" ".join(reversed(t.split())) for t in chunk],
            )

    def close(self) -> None:
        pass


TEXTS = ["un deux trois", "quatre cinq", "six", "sept huit neuf dix", "onze douze"]
EXPECTED = ["trois deux un", "cinq quatre", "six", "dix neuf huit sept", "douze onze"]


def test_caching_engine_is_an_engine(tmp_path: Path) -> None:
    engine = CachingEngine(RecordingEngine(), TranslationCache(tmp_path))
    assert isinstance(engine, Engine)
    assert engine.name == "rev"
    assert engine.signature == RecordingEngine().signature


def test_second_identical_run_translates_nothing(tmp_path: Path) -> None:
    first = RecordingEngine()
    cached = CachingEngine(first, TranslationCache(tmp_path))
    assert cached.translate(TEXTS) == EXPECTED
    assert cached.stats == {"hits": 0, "misses": 5, "duplicates": 0, "batches": 3}

    # A new process would open the same file: a new cache object and a new engine.
    second = RecordingEngine()
    again = CachingEngine(second, TranslationCache(tmp_path))
    assert again.translate(TEXTS) == EXPECTED
    assert second.calls == []
    assert again.stats == {"hits": 5, "misses": 0, "duplicates": 0, "batches": 0}


def test_only_missing_texts_are_translated(tmp_path: Path) -> None:
    cache = TranslationCache(tmp_path)
    CachingEngine(RecordingEngine(), cache).translate(TEXTS[:2])
    engine = RecordingEngine()
    cached = CachingEngine(engine, cache)
    assert cached.translate(TEXTS) == EXPECTED
    assert sorted(t for call in engine.calls for t in call) == sorted(TEXTS[2:])
    assert cached.stats["hits"] == 2
    assert cached.stats["misses"] == 3


def test_duplicates_are_translated_once(tmp_path: Path) -> None:
    engine = RecordingEngine()
    cached = CachingEngine(engine, TranslationCache(tmp_path))
    texts = ["a b", "c d", "a b", "a b", "c d", "e"]
    progress: list[int] = []
    assert cached.translate(texts, progress=progress.append) == [
        "b a", "d c", "b a", "b a", "d c", "e",
    ]
    translated = [t for call in engine.calls for t in call]
    assert sorted(translated) == ["a b", "c d", "e"]
    assert cached.stats["misses"] == 3
    assert cached.stats["duplicates"] == 3
    assert sum(progress) == len(texts)


def test_without_a_cache_duplicates_still_go_once() -> None:
    engine = RecordingEngine()
    cached = CachingEngine(engine, None)
    assert cached.translate(["x y", "x y"]) == ["y x", "y x"]
    assert engine.calls == [["x y"]]


def test_signature_is_part_of_the_key(tmp_path: Path) -> None:
    cache = TranslationCache(tmp_path)
    cache.put_many("engine:a", [("bonjour", "hello")])
    assert cache.get_many("engine:a", ["bonjour", "merci"]) == {"bonjour": "hello"}
    assert cache.get_many("engine:b", ["bonjour"]) == {}
    assert cache.count("engine:a") == 1
    assert cache.count() == 1


def test_signature_text_ignores_key_order() -> None:
    assert signature_text({"a": 1, "b": "x"}) == signature_text({"b": "x", "a": 1})
    assert signature_text({"a": 1}) != signature_text({"a": 2})


def test_unicode_and_long_texts_round_trip(tmp_path: Path) -> None:
    cache = TranslationCache(tmp_path)
    items = [("Élysée « déjà » 7,5 %\u202f€", "Elysée 'already' 7.5% €"), ("x" * 100_000, "y")]
    cache.put_many("s", items)
    cache.close()
    with TranslationCache(tmp_path) as reopened:
        assert reopened.get_many("s", [s for s, _ in items]) == dict(items)


def test_many_lookups_beyond_sqlite_parameter_limit(tmp_path: Path) -> None:
    cache = TranslationCache(tmp_path)
    items = [(f"phrase {i}", f"sentence {i}") for i in range(2500)]
    cache.put_many("s", items)
    assert cache.get_many("s", [s for s, _ in items]) == dict(items)


def test_interrupted_run_keeps_finished_batches(tmp_path: Path) -> None:
    cache = TranslationCache(tmp_path)
    engine = RecordingEngine(batch_size=2, fail_after=2)
    with pytest.raises(KeyboardInterrupt):
        CachingEngine(engine, cache).translate(TEXTS)
    # Two batches of two finished before the interruption: they are stored.
    assert cache.count() == 4
    resumed = RecordingEngine(batch_size=2)
    cached = CachingEngine(resumed, cache)
    assert cached.translate(TEXTS) == EXPECTED
    assert resumed.calls == [[TEXTS[4]]]


class PlainEngine:
    """An engine with no ``iter_batches``: the cache must chunk the work itself."""

    name = "plain"
    batch_size = 2
    signature: Mapping[str, Any] = {"engine": "upper"}

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def translate(
        self, texts: Sequence[str], *, progress: Callable[[int], None] | None = None
    ) -> list[str]:
        self.calls.append(list(texts))
        return [t.upper() for t in texts]

    def close(self) -> None:
        pass


def test_engine_without_streaming_is_fed_sorted_chunks(tmp_path: Path) -> None:
    engine = PlainEngine()
    cached = CachingEngine(engine, TranslationCache(tmp_path))
    texts = ["ccc", "a", "bbbbb", "dd"]
    assert cached.translate(texts) == ["CCC", "A", "BBBBB", "DD"]
    assert engine.calls == [["a", "dd"], ["ccc", "bbbbb"]]
    assert cached.stats["batches"] == 2


def test_wal_mode(tmp_path: Path) -> None:
    TranslationCache(tmp_path).put_many("s", [("a", "b")])
    with sqlite3.connect(tmp_path / CACHE_FILE) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


WRITER = textwrap.dedent(
    """
    import pathlib, sys, time
    from mtqa.backtranslate import TranslationCache

    directory, who = sys.argv[1], sys.argv[2]
    cache = TranslationCache(directory)
    pathlib.Path(directory, who + ".ready").touch()
    while not pathlib.Path(directory, "go").exists():  # start both at the same moment
        time.sleep(0.01)
    # Many small transactions over shared and private keys, to interleave with the other.
    for i in range(300):
        cache.put_many("sig", [(f"shared {i}", f"shared {i}"), (f"{who} {i}", f"{who} {i}")])
        found = cache.get_many("sig", [f"shared {i}"])
        if found != {f"shared {i}": f"shared {i}"}:
            sys.exit(f"lost shared {i}")
    cache.close()
    """
)


def test_two_processes_write_concurrently(tmp_path: Path) -> None:
    root = REPO_ROOT
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(tmp_path), who],
            cwd=root,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for who in ("left", "right")
    ]
    deadline = time.monotonic() + 60
    while not all((tmp_path / f"{who}.ready").exists() for who in ("left", "right")):
        if time.monotonic() > deadline or any(p.poll() is not None for p in procs):
            break
        time.sleep(0.01)
    (tmp_path / "go").touch()
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    with sqlite3.connect(tmp_path / CACHE_FILE) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    cache = TranslationCache(tmp_path)
    assert cache.count("sig") == 900
    keys = [f"{who} {i}" for who in ("shared", "left", "right") for i in range(300)]
    assert cache.get_many("sig", keys) == {k: k for k in keys}


class _LockedOnce:
    """A connection whose first switch to WAL answers "database is locked", as SQLite does
    (without calling the busy handler) when another process is switching at the same time."""

    failures = 0

    def __init__(self, real: sqlite3.Connection, fail: int) -> None:
        self._real = real
        self._fail = fail

    def execute(self, sql: str, *args: Any) -> Any:
        if "journal_mode = WAL" in sql and _LockedOnce.failures < self._fail:
            _LockedOnce.failures += 1
            raise sqlite3.OperationalError("database is locked")
        return self._real.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


def _lock_first(monkeypatch: pytest.MonkeyPatch, fail: int) -> None:
    import mtqa.backtranslate.cache as module

    connect = sqlite3.connect
    _LockedOnce.failures = 0
    monkeypatch.setattr(
        module.sqlite3, "connect", lambda *a, **k: _LockedOnce(connect(*a, **k), fail)
    )


def test_a_lock_while_opening_is_waited_out_not_taken_for_damage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _lock_first(monkeypatch, fail=2)
    cache = TranslationCache(tmp_path)
    assert _LockedOnce.failures == 2  # two refusals, then it opened
    cache.put_many("s", [("a", "b")])
    assert cache.get_many("s", ["a"]) == {"a": "b"}
    assert [p.name for p in tmp_path.iterdir() if "damaged" in p.name] == []


def test_a_lock_that_never_ends_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import mtqa.backtranslate.cache as module
    from mtqa.errors import ConfigError

    monkeypatch.setattr(module, "BUSY_TIMEOUT_S", 0.2)
    _lock_first(monkeypatch, fail=10**6)
    with pytest.raises(ConfigError, match="locked"):
        TranslationCache(tmp_path)
    assert [p.name for p in tmp_path.iterdir() if "damaged" in p.name] == []


@pytest.mark.parametrize("damage", ["header", "middle"])
def test_a_damaged_cache_is_moved_aside_and_rebuilt(tmp_path: Path, damage: str) -> None:
    with TranslationCache(tmp_path) as cache:
        cache.put_many("s", [(f"phrase {i} " * 10, f"t {i}") for i in range(2000)])
    path = tmp_path / CACHE_FILE
    data = bytearray(path.read_bytes())
    if damage == "header":
        data[:100] = b"not a database at all".ljust(100, b"!")
    else:
        with sqlite3.connect(path) as db:
            size = db.execute("PRAGMA page_size").fetchone()[0]
            (root,) = db.execute(
                "SELECT rootpage FROM sqlite_master WHERE name = 'translations'"
            ).fetchone()
        db.close()
        data[(root - 1) * size : root * size] = b"\xff" * size
    path.write_bytes(bytes(data))
    cache = TranslationCache(tmp_path)
    assert cache.get_many("s", ["phrase 1 " * 10]) == {}  # what it held is gone, no error
    cache.put_many("s", [("a", "b")])
    assert cache.get_many("s", ["a"]) == {"a": "b"}
    (aside,) = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert aside.stat().st_size == len(data)  # the damaged file is kept for inspection
