"""The run folder: what a saved document result depends on (its key, with a fingerprint
of mtqa's code and lexicons), the check that the folder can be written before any work, and
the outputs written into it."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mtqa import __version__
from mtqa.errors import InputError

if TYPE_CHECKING:
    from mtqa.config import RunConfig
    from mtqa.model import Document, RunResult
    from mtqa.pipeline import EngineSet

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A digest of mtqa's code and of configs/ (the detectors' lexicons and patterns), so a
    saved result made by other code or data (an upgrade, an edited lexicon) is never taken
    for this run's."""
    from mtqa.language.lexicons import CONFIG_DIR

    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    files = sorted(package.rglob("*.py")) + sorted(CONFIG_DIR.glob("*.toml"))
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
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
    """JSON, CSV and HTML outputs of a run, all from the one result."""
    from mtqa.report.files import write_run

    write_run(result, run_dir)
    try:
        from mtqa.report.html import write_html
    except ImportError:  # the HTML report is optional while its module is absent
        log.info("HTML report not available")
        return
    write_html(result, run_dir)
