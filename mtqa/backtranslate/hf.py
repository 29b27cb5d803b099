"""Finding a Hugging Face checkpoint on disk: local folder, HF cache, or (when allowed) the hub.

Owns the rules every neural engine shares: only safetensors weights are accepted (a pickle
checkpoint can run arbitrary code when loaded), the revision recorded in signatures is the
commit hash of the files actually used (or a digest of a local folder's weights), and a model
that cannot be found fails fast with a one-line remedy instead of hanging on network retries.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from mtqa.errors import EngineUnavailable

log = logging.getLogger(__name__)

# What a Marian checkpoint needs; pickle weights (.bin, .pt, .h5, .ot) are never fetched.
HUB_PATTERNS = ["*.json", "*.safetensors", "*.spm", "*.model", "vocab*", "*.txt"]
PICKLE_PATTERNS = ("pytorch_model*.bin", "*.pt", "*.pth", "*.ckpt", "*.pkl")
# Seconds to wait for the hub before concluding it is unreachable.
HUB_TIMEOUT_S = 5.0
_TRUE = {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class ResolvedModel:
    """A checkpoint folder ready to load, and what identifies it."""

    model_id: str  # as given: hub id or local path
    path: Path  # folder holding config.json, tokenizer files and *.safetensors
    revision: str  # hub commit hash, or "sha256:<digest of the weights>" for a local folder
    local: bool


def hub_offline() -> bool:
    """Whether the user asked for no hub access (HF_HUB_OFFLINE or TRANSFORMERS_OFFLINE)."""
    return any(
        os.environ.get(var, "").strip().lower() in _TRUE
        for var in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")
    )


def package_version(name: str) -> str:
    """Installed version of a distribution, without importing it ("absent" when missing)."""
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "absent"


def _unavailable(model: str, why: str) -> EngineUnavailable:
    return EngineUnavailable(
        f"model {model!r} {why}; fetch it once where the hub is reachable and rerun with "
        "HF_HUB_OFFLINE=1, or give a local folder as the model, or use --engine apertium"
    )


def _pickle_refusal(model: str, folder: Path) -> EngineUnavailable:
    return EngineUnavailable(
        f"model {model!r} has only pickle weights (e.g. pytorch_model.bin) in {folder}: they "
        "are refused because loading a pickle can run arbitrary code; convert them to "
        "model.safetensors (safetensors' convert script or model.save_pretrained("
        "safe_serialization=True)), point settings.revision at a hub ref that has "
        "safetensors (e.g. a conversion pull request, \"refs/pr/N\"), or use another model"
    )


def _check_weights(model: str, folder: Path) -> list[Path]:
    weights = sorted(folder.glob("*.safetensors"))
    if weights:
        return weights
    if any(any(folder.glob(pattern)) for pattern in PICKLE_PATTERNS):
        raise _pickle_refusal(model, folder)
    raise EngineUnavailable(
        f"model {model!r}: no *.safetensors weights in {folder}; give a folder written by "
        "save_pretrained(safe_serialization=True)"
    )


def weights_digest(files: list[Path]) -> str:
    """sha256 over the weight files (names and bytes), the revision of a local folder."""
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.name.encode("utf-8") + b"\0")
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return "sha256:" + digest.hexdigest()


def _looks_like_path(model: str) -> bool:
    return (
        model.startswith((".", "/", "~"))
        or os.sep in model.strip("/").replace("/", "", 1)
        or (os.altsep is not None and os.altsep in model)
    )


def resolve_model(model: str, *, revision: str | None = None) -> ResolvedModel:
    """Find ``model`` (a local folder or a hub id) without loading it.

    Order: local folder; HF cache (no network); the hub with a short timeout unless
    ``HF_HUB_OFFLINE`` is set. Raises ``EngineUnavailable`` with a one-line remedy.
    """
    local = Path(model).expanduser()
    if local.is_dir():
        if not (local / "config.json").is_file():
            raise EngineUnavailable(
                f"model folder {local} has no config.json; give a folder written by "
                "save_pretrained"
            )
        weights = _check_weights(model, local)
        return ResolvedModel(model, local.resolve(), weights_digest(weights), local=True)
    if _looks_like_path(model):
        raise EngineUnavailable(
            f"model folder {model!r} does not exist; give an existing folder or a hub id "
            "such as Helsinki-NLP/opus-mt-fr-en"
        )

    folder = _from_cache(model, revision)
    if folder is None:
        if hub_offline():
            raise _unavailable(model, "is not in the Hugging Face cache and HF_HUB_OFFLINE is set")
        folder = _from_hub(model, revision)
    _check_weights(model, folder)
    # In the HF cache the folder is .../snapshots/<commit hash>.
    revision = folder.name if folder.parent.name == "snapshots" else "unknown"
    return ResolvedModel(model, folder, revision, local=False)


def _from_cache(model: str, revision: str | None = None) -> Path | None:
    try:
        from huggingface_hub import snapshot_download
    except ImportError as error:
        raise EngineUnavailable(
            "huggingface_hub is not installed; pip install 'mtqa[marian]'"
        ) from error
    try:
        folder = Path(snapshot_download(model, revision=revision, local_files_only=True))
    except Exception as error:  # noqa: BLE001 - LocalEntryNotFoundError and kin: "not cached"
        log.debug("model %s not in the HF cache: %s", model, error)
        return None
    if not (folder / "config.json").is_file():
        return None
    return folder


def _from_hub(model: str, revision: str | None = None) -> Path:
    from huggingface_hub import snapshot_download

    # A short metadata timeout keeps a dead network from costing minutes.
    try:
        folder = snapshot_download(
            model, revision=revision, allow_patterns=HUB_PATTERNS, etag_timeout=HUB_TIMEOUT_S
        )
    except Exception as error:  # noqa: BLE001 - network, auth and not-found errors alike
        reason = type(error).__name__
        if "RepositoryNotFound" in reason or "GatedRepo" in reason:
            raise _unavailable(model, f"was not found on the hub ({reason})") from error
        raise _unavailable(
            model, f"is not in the Hugging Face cache and the hub is unreachable ({reason})"
        ) from error
    return Path(folder)
