"""The run folder: the one atomic write every output goes through, the JSON form of a run
(``result.json``, and each finished document) and loading it back, what a saved document
result depends on (its resume key, with a fingerprint of mtqa's code and lexicons), the
check that the folder can be written before any work, and the outputs written into it.

Every file is written to a temporary name then renamed, so a reader never sees half a file.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mtqa import __version__
from mtqa.errors import InputError
from mtqa.model import (
    Document,
    DocumentResult,
    EngineInfo,
    Finding,
    Pair,
    RunResult,
    Score,
    Segment,
)

if TYPE_CHECKING:
    from mtqa.config import RunConfig
    from mtqa.pipeline import EngineSet

log = logging.getLogger(__name__)

RESULT_FORMAT = 1
RESULT_NAME = "result.json"


def write_atomic(path: Path, text: str | Iterable[str], *, durable: bool = True) -> None:
    """Write text (or pieces of text, as they come) to path via a temporary file in the same
    folder and a rename. ``durable=False`` skips the flush to disk: for files a reader
    recomputes when they are lost or unreadable (saved documents, cache entries)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        # backslashreplace: a path that is not valid UTF-8 (surrogate escapes) is written as
        # an escape rather than failing the whole write.
        with os.fdopen(
            fd, "w", encoding="utf-8", errors="backslashreplace", newline=""
        ) as handle:
            handle.writelines([text] if isinstance(text, str) else text)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; outputs are ordinary files
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def dump_json(data: Any) -> str:
    """A JSON file's text: indented, UTF-8 characters as they are, a final newline."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"




@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A digest of mtqa's code, of configs/ (the detectors' lexicons and patterns) and of
    the installed FreeDict dictionaries, so a saved result made by other code or data (an
    upgrade, an edited lexicon, a dictionary installed) is never taken for this run's."""
    from mtqa.language import freedict
    from mtqa.language.lexicons import CONFIG_DIR

    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    files = sorted(package.rglob("*.py")) + sorted(CONFIG_DIR.glob("*.toml"))
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    # the second word dictionary, installed or not, changes the word-level findings
    digest.update(json.dumps(freedict.signature(), sort_keys=True).encode())
    return digest.hexdigest()


def document_key(
    document: Document,
    engines: EngineSet,
    config: RunConfig,
    extra: Mapping[str, Any] | None = None,
) -> str:
    """What a saved document result depends on: if any of it changes, it is recomputed.

    ``extra`` holds what the config only names (the digest of a glossary file)."""
    payload = {
        **(extra or {}),
        "mtqa": __version__,
        "code": code_fingerprint(),
        "id": document.id,
        "system": document.system,
        "source_id": document.source_id,
        "mt": document.mt_text,
        "ref": document.ref_text,
        "engines": [dict(i.signature) for i in engines.infos if i.skipped is None],
        "metrics": list(config.metrics),
        "checks": config.checks,
    }
    return key_of(payload)


def key_of(payload: Any) -> str:
    """The key of what a saved value depends on: a digest of its canonical JSON."""
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_writable(run_dir: Path) -> None:
    """Create the run folder and a probe file in it, so an unusable folder (a file, a
    read-only place, a name too long) is an error before any work."""
    try:
        if run_dir.exists() and not run_dir.is_dir():
            raise InputError(f"run folder {run_dir} is a file, not a folder: give --out a folder")
        run_dir.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise InputError(
            f"cannot create run folder {run_dir}: part of that path is a file; choose another"
        ) from None
    except OSError as error:
        raise InputError(
            f"cannot create run folder {run_dir}: {error.strerror or error}; choose another"
        ) from None
    try:
        fd, probe = tempfile.mkstemp(dir=run_dir, prefix=".mtqa-probe-", suffix=".tmp")
        os.close(fd)
        os.unlink(probe)
    except OSError as error:
        raise InputError(
            f"run folder {run_dir} is not writable: {error.strerror or error}; choose another"
        ) from None


def write_outputs(result: RunResult, run_dir: Path) -> None:
    """Every output of a run, all from the one result: ``result.json`` first, then the
    report files and the HTML report."""
    from mtqa.report.files import write_run

    write_atomic(run_dir / RESULT_NAME, result_json_parts(result))
    write_run(result, run_dir)
    try:
        from mtqa.report.html import write_html
    except ImportError:  # the HTML report is optional while its module is absent
        log.info("HTML report not available")
        return
    write_html(result, run_dir)


# ---- the whole result, and back --------------------------------------------------------


def result_to_json(result: RunResult) -> dict[str, Any]:
    return {**_result_head(result), "documents": [document_to_json(d) for d in result.documents]}


def result_json_parts(result: RunResult) -> Iterator[str]:
    """result.json a document at a time (the same text as ``json.dumps(result_to_json())``)."""
    head = json.dumps({**_result_head(result), "documents": []}, ensure_ascii=False)
    yield head[: -len("[]}")] + "["
    for position, document in enumerate(result.documents):
        text = json.dumps(document_to_json(document), ensure_ascii=False)
        yield (", " if position else "") + text
    yield "]}\n"


def _result_head(result: RunResult) -> dict[str, Any]:
    return {
        "format": RESULT_FORMAT,
        "name": result.name,
        "created": result.created,
        "mtqa_version": result.mtqa_version,
        "config": dict(result.config),
        "engines": [
            {"name": e.name, "kind": e.kind, "signature": dict(e.signature), "skipped": e.skipped}
            for e in result.engines
        ],
        "scores": {k: [_score_json(s) for s in v] for k, v in result.scores.items()},
        "timings": dict(result.timings),
        "stats": result.stats.to_json(),
    }


def _score_json(s: Score) -> dict[str, Any]:
    # every field as it is (Score.to_json, summary.json's form, rounds)
    return asdict(s)


def _score_from_json(data: Mapping[str, Any]) -> Score:
    # result.json files written before the key was named "score" call it "value"
    score = data["score"] if "score" in data else data["value"]
    return Score(data["metric"], score, data["ci_low"], data["ci_high"], data["signature"])


def document_fields(document: Document) -> dict[str, Any]:
    """A saved document result's fields that describe its document: all of ``Document``'s."""
    return asdict(document)


def document_to_json(d: DocumentResult) -> dict[str, Any]:
    def segment(s: Segment) -> list[Any]:
        return [s.index, s.para, s.start, s.end, s.text]

    return {
        **document_fields(d.document),
        "mt_segments": [segment(s) for s in d.mt_segments],
        "ref_segments": [segment(s) for s in d.ref_segments],
        "back_translations": {k: list(v) for k, v in d.back_translations.items()},
        "pairs": [
            {
                "mt": list(p.mt),
                "ref": list(p.ref),
                "bt": dict(p.bt),
                "similarity": p.similarity,
            }
            for p in d.pairs
        ],
        "segment_scores": {k: [dict(x) for x in v] for k, v in d.segment_scores.items()},
        "scores": {k: [_score_json(s) for s in v] for k, v in d.scores.items()},
        "findings": [f.to_json() for f in d.findings],
    }


def document_from_json(data: Mapping[str, Any]) -> DocumentResult:
    doc_id = data["id"]

    def segments(side: str, rows: list[list[Any]]) -> tuple[Segment, ...]:
        return tuple(
            Segment(doc=doc_id, side=side, index=i, para=p, start=a, end=b, text=t)  # type: ignore[arg-type]
            for i, p, a, b, t in rows
        )

    mt = segments("mt", data["mt_segments"])
    ref = segments("ref", data["ref_segments"])
    pairs = tuple(
        Pair(
            doc=doc_id,
            index=i,
            mt=tuple(p["mt"]),
            ref=tuple(p["ref"]),
            mt_text=" ".join(mt[k].text for k in p["mt"]),
            ref_text=" ".join(ref[k].text for k in p["ref"]),
            bt=p["bt"],
            similarity=p["similarity"],
        )
        for i, p in enumerate(data["pairs"])
    )
    findings = tuple(Finding(**{**f, "engines": tuple(f["engines"])}) for f in data["findings"])
    return DocumentResult(
        document=Document(
            id=doc_id,
            mt_text=data["mt_text"],
            ref_text=data["ref_text"],
            mt_path=data.get("mt_path"),
            ref_path=data.get("ref_path"),
            system=data.get("system", "mt"),
            source_id=data.get("source_id", ""),
            prealigned=data.get("prealigned", False),
            label=data.get("label", ""),
        ),
        mt_segments=mt,
        ref_segments=ref,
        back_translations={k: tuple(v) for k, v in data["back_translations"].items()},
        pairs=pairs,
        segment_scores={k: tuple(v) for k, v in data["segment_scores"].items()},
        scores={k: tuple(_score_from_json(s) for s in v) for k, v in data["scores"].items()},
        findings=findings,
    )


def result_from_json(data: Mapping[str, Any]) -> RunResult:
    return RunResult(
        name=data["name"],
        created=data["created"],
        mtqa_version=data["mtqa_version"],
        config=data["config"],
        engines=tuple(
            EngineInfo(
                name=e["name"], kind=e["kind"], signature=e["signature"], skipped=e["skipped"]
            )
            for e in data["engines"]
        ),
        documents=tuple(document_from_json(d) for d in data["documents"]),
        scores={k: tuple(_score_from_json(s) for s in v) for k, v in data["scores"].items()},
        timings=data["timings"],
        stats=data.get("stats", {}),
    )


def load_run(run_dir: Path) -> RunResult:
    """Load a run folder written by ``write_outputs``."""
    path = run_dir / RESULT_NAME
    if not path.is_file():
        raise InputError(
            f"{run_dir} is not an mtqa run folder (no result.json): run `mtqa run` first"
        )
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise InputError(f"cannot read {path}: {error}") from None
    if not isinstance(data, dict) or data.get("format") != RESULT_FORMAT:
        raise InputError(f"{path} was written by an incompatible mtqa version: re-run it")
    try:
        return result_from_json(data)
    except KeyError as error:
        raise InputError(
            f"{path} is incomplete: missing field {error.args[0]!r}{_where(data, error)}; "
            "re-run `mtqa run` to write it again"
        ) from None
    except (TypeError, ValueError, AttributeError, IndexError) as error:
        raise InputError(
            f"{path} is damaged: a field has the wrong shape ({error}){_where(data, error)}; "
            "re-run `mtqa run` to write it again"
        ) from None


def _where(data: Mapping[str, Any], error: Exception) -> str:
    """Which document of a result.json could not be read, when it was one of them."""
    documents = data.get("documents")
    if not isinstance(documents, list):
        return ""
    for number, document in enumerate(documents):
        try:
            document_from_json(document)
        except Exception:  # noqa: BLE001 - locating the first bad document, any failure
            name = document.get("id") if isinstance(document, dict) else None
            return f" (in documents[{number}]{f', id {name!r}' if name else ''})"
    return ""
