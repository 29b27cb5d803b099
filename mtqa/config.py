"""Run configuration: a TOML file (or dict) validated into a ``RunConfig``.

Unknown keys and wrong types are errors that name the key's path
(``engines[1].kind: ...``). Paths in a config file are relative to that file.
"""

from __future__ import annotations

import glob as globlib
import hashlib
import os
import re
import sys
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from mtqa.backtranslate import ENGINES, settings_model
from mtqa.backtranslate.base import settings_problem
from mtqa.backtranslate.cache import default_cache_dir
from mtqa.documents import check_encoding
from mtqa.errors import ConfigError, read_text_file
from mtqa.metrics import METRICS

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

# The registries' names as the config's choices (mtqa.backtranslate.ENGINES, mtqa.metrics).
if TYPE_CHECKING:
    EngineKind = str
    MetricName = str
else:
    EngineKind = Literal[tuple(ENGINES)]
    MetricName = Literal[METRICS]
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
# Ids name files (documents/ID.json, and a temporary name a little longer): well under the
# 255 bytes most file systems allow.
MAX_ID_LENGTH = 120
ID_RULE = (
    f"use letters, digits, '.', '_' or '-', starting with a letter or digit, "
    f"at most {MAX_ID_LENGTH} characters"
)


def valid_id(value: str) -> bool:
    return bool(_ID.match(value)) and len(value) <= MAX_ID_LENGTH


def slugify(name: str, *, fallback: str = "doc") -> str:
    """A valid id made from a free-form name (a folder "my doc (v2)" → "my-doc-v2").

    Accents are dropped, anything else outside the id alphabet becomes '-'. A name that had
    to change, or was cut to length, gets a short digest of the original so two names that
    slug alike stay apart.
    """
    if valid_id(name):
        return name
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", ascii_name).strip("-._")
    digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:6]
    slug = f"{slug[: MAX_ID_LENGTH - 7]}-{digest}" if slug else f"{fallback}-{digest}"
    return slug


# A Python text codec name, or "auto" (detected per file).
Encoding = Annotated[str, AfterValidator(check_encoding)]


# [checks] keys whose values are files: relative to the config file like every other path.
def _resolve_check_paths(settings: Any, base_dir: Path) -> Any:
    if not isinstance(settings, Mapping):
        return settings
    resolved: dict[str, Any] = {}
    for key, value in settings.items():
        if isinstance(key, str) and key.endswith("_path") and isinstance(value, str) and value:
            path = Path(value).expanduser()
            resolved[key] = os.path.normpath(path if path.is_absolute() else base_dir / path)
        else:
            resolved[key] = _resolve_check_paths(value, base_dir)
    return resolved


def _checked_id(value: str, what: str, why: str) -> str:
    """``value`` if it is a valid id; else the error saying the rule and why it applies."""
    if not valid_id(value):
        raise ValueError(f"{what}: {ID_RULE} ({why})")
    return value


def _check_document_id(value: str) -> str:
    return _checked_id(value, f"id {value!r}", "it names files")


DocumentId = Annotated[str, AfterValidator(_check_document_id)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DocumentSpec(_Strict):
    """One document: an MT file and its reference (paths relative to the config file)."""

    id: DocumentId | None = None  # default: the MT file's folder name (slugified), or its stem
    mt: Path
    ref: Path
    systems: dict[str, Path] = Field(default_factory=dict)  # other MT systems of the same source
    mt_encoding: Encoding | None = None  # default: the run's mt_encoding, else its encoding
    ref_encoding: Encoding | None = None
    label: str | None = None  # the name people see when the id had to be made from it

    @field_validator("systems")
    @classmethod
    def _check_systems(cls, value: dict[str, Path]) -> dict[str, Path]:
        for name in value:
            if not valid_id(name) or name == "mt":
                raise ValueError(
                    f"system name {name!r}: {ID_RULE}, and not 'mt' (the document's own MT)"
                )
        return value


class BilingualSpec(_Strict):
    """One document from a bilingual QA file: English source = reference, French target = MT."""

    id: DocumentId | None = None  # default: the file's stem
    xliff: Path | None = None  # XLIFF 1.2 or 2.x
    tmx: Path | None = None

    @model_validator(mode="after")
    def _one_file(self) -> BilingualSpec:
        if (self.xliff is None) == (self.tmx is None):
            raise ValueError("give one of xliff = \"FILE\" or tmx = \"FILE\"")
        return self

    @property
    def format(self) -> Literal["xliff", "tmx"]:
        return "xliff" if self.xliff is not None else "tmx"

    @property
    def file(self) -> Path:
        return self.xliff if self.xliff is not None else self.tmx  # type: ignore[return-value]


class DocumentGlob(_Strict):
    """Many documents: folders matched by a glob, each holding an MT and a reference file."""

    glob: str  # e.g. "references/*/"
    mt: str = "mt.fr.txt"  # file name inside each folder
    ref: str = "ref.en.txt"
    mt_encoding: Encoding | None = None
    ref_encoding: Encoding | None = None


class EngineSpec(_Strict):
    """A back-translation engine."""

    name: str
    kind: EngineKind
    model: str | None = None
    required: StrictBool = False  # a required engine that cannot run stops the run
    settings: dict[str, Any] = Field(default_factory=dict)

    @field_validator("name")
    @classmethod
    def _check_name(cls, value: str) -> str:
        return _checked_id(value, f"name {value!r}", "it names columns")

    @field_validator("settings")
    @classmethod
    def _check_settings(cls, value: dict[str, Any], info: ValidationInfo) -> dict[str, Any]:
        """The settings as the engine's own model takes them: a bad one is an error now,
        before any work, not when the engine is built."""
        kind = info.data.get("kind")
        if kind is None:  # the kind is wrong: that is the error to report
            return value
        model = settings_model(kind)
        try:
            model.model_validate(value)
        except ValidationError as error:
            raise ValueError(settings_problem(model, error)) from None
        return value


class CacheSpec(_Strict):
    enabled: StrictBool = True
    dir: Path | None = None  # default: $MTQA_CACHE_DIR or ~/.cache/mtqa


Severity = Literal["critical", "major", "minor"]
DEFAULT_WEIGHTS: dict[Severity, float] = {"critical": 10.0, "major": 5.0, "minor": 1.0}


class CompareSpec(_Strict):
    """Which (system, engine) the comparison table tests the others against."""

    baseline_system: str = "mt"
    baseline_engine: str | None = None  # default: the first engine that ran
    # severity -> weight of the error score (mtqa.mqm explains the defaults)
    weights: dict[Severity, float] = Field(default_factory=lambda: dict(DEFAULT_WEIGHTS))

    @field_validator("weights")
    @classmethod
    def _check_weights(cls, value: dict[Severity, float]) -> dict[Severity, float]:
        if any(w < 0 for w in value.values()):
            raise ValueError("weights are numbers of 0 or more")
        return {**DEFAULT_WEIGHTS, **value}

    def weight_table(self) -> dict[str, float]:
        """The error score's weight of each severity."""
        return {str(severity): weight for severity, weight in self.weights.items()}


class ReviewSpec(_Strict):
    """Review decisions carried across runs (see mtqa.review)."""

    decisions: Path | None = None  # the JSON the report's "export decisions" writes


class ExecutionSpec(_Strict):
    """Where the documents are evaluated: this machine's cores, or a Ray cluster."""

    backend: Literal["local", "ray"] = "local"
    # processes (local) or document tasks at once (ray); default: this machine's cores
    # (local), the cluster's CPUs (ray); 1 = one document after the other, in this process
    workers: int | None = Field(default=None, ge=1)
    address: str | None = None  # ray: "auto", "ray://head:10001"; default: start a local Ray
    cpus_per_worker: float = Field(default=1.0, gt=0)  # ray: CPUs per document task and actor
    gpus_per_worker: float | None = Field(default=None, ge=0)  # ray: per translation actor;
    # default: 1 where the cluster has GPUs, else 0
    translation_actors: int | None = Field(default=None, ge=1)  # ray: default: GPUs, or 1
    batch_size: int = Field(default=256, ge=1)  # ray: sentences per Ray Data batch


class RunConfig(_Strict):
    """A whole run, as written in a TOML config."""

    name: str = "run"
    output_dir: Path = Path("reports")  # the run folder is output_dir/name
    encoding: Encoding = "utf-8"  # every input file's, or "auto" (detected per file)
    mt_encoding: Encoding | None = None  # the MT files' (default: encoding)
    ref_encoding: Encoding | None = None  # the reference files' (default: encoding)
    documents: list[DocumentSpec | DocumentGlob | BilingualSpec] = Field(min_length=1)
    engines: list[EngineSpec] = Field(min_length=1)
    metrics: list[MetricName] = Field(default_factory=lambda: list(METRICS))
    cache: CacheSpec = Field(default_factory=CacheSpec)
    checks: dict[str, Any] = Field(default_factory=dict)  # detector settings
    compare: CompareSpec = Field(default_factory=CompareSpec)
    review: ReviewSpec = Field(default_factory=ReviewSpec)
    execution: ExecutionSpec = Field(default_factory=ExecutionSpec)
    base_dir: Path = Path(".")  # where relative paths start (the config file's folder)

    @field_validator("name")
    @classmethod
    def _check_run_name(cls, value: str) -> str:
        return _checked_id(value, repr(value), "it names the run folder")

    @model_validator(mode="before")
    @classmethod
    def _check_paths_in_checks(cls, data: Any) -> Any:
        if isinstance(data, Mapping) and "checks" in data:
            base = Path(data.get("base_dir", "."))
            data = {**data, "checks": _resolve_check_paths(data["checks"], base)}
        return data

    @field_validator("checks")
    @classmethod
    def _check_checks(cls, value: dict[str, Any]) -> dict[str, Any]:
        # The schema is the detector registry's: a ConfigError naming the key, before any work.
        from mtqa.checks.registry import parse_checks

        parse_checks(value)
        return value

    @field_validator("engines")
    @classmethod
    def _unique_engines(cls, value: list[EngineSpec]) -> list[EngineSpec]:
        names = [e.name for e in value]
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            raise ValueError(f"engine names must be unique; repeated: {', '.join(duplicates)}")
        return value

    def path(self, value: Path | str) -> Path:
        """A config path resolved against the config file's folder."""
        path = Path(value).expanduser()
        return Path(os.path.normpath(path if path.is_absolute() else self.base_dir / path))

    @property
    def run_dir(self) -> Path:
        return self.path(self.output_dir) / self.name

    def cache_directory(self) -> Path:
        """The cache folder: ``[cache] dir`` (which ``--cache-dir`` sets), else mtqa's
        default (``$MTQA_CACHE_DIR`` or ``~/.cache/mtqa``)."""
        return self.path(self.cache.dir) if self.cache.dir else default_cache_dir()

    def with_run_options(
        self,
        *,
        use_cache: bool = True,
        cache_dir: Path | str | None = None,
        executor: str | None = None,
        workers: int | None = None,
    ) -> RunConfig:
        """This config with ``mtqa.run``'s keyword options set in it (``[cache] enabled`` and
        ``dir``, ``[execution] backend`` and ``workers``), each validated by its table's
        model like the file's own key; a ConfigError naming the key otherwise."""
        given: dict[str, dict[str, Any]] = {"cache": {}, "execution": {}}
        if not use_cache:
            given["cache"]["enabled"] = False
        if cache_dir is not None:  # relative to where the caller runs, not to the config
            given["cache"]["dir"] = Path(cache_dir).expanduser().absolute()
        if executor is not None:
            given["execution"]["backend"] = executor
        if workers is not None:
            given["execution"]["workers"] = workers
        update: dict[str, BaseModel] = {}
        for key, model in (("cache", CacheSpec), ("execution", ExecutionSpec)):
            if not given[key]:
                continue
            current: BaseModel = getattr(self, key)
            try:
                update[key] = model.model_validate({**current.model_dump(), **given[key]})
            except ValidationError as error:
                first = error.errors()[0]
                where = _location((key, *first["loc"]))
                message = first["msg"].removeprefix("Value error, ")
                raise ConfigError(f"{where}: {message}") from None
        return self.model_copy(update=update) if update else self

    def encodings(self, spec: DocumentSpec | DocumentGlob) -> tuple[str, str]:
        """The (MT, reference) encodings of a document: its own, else the run's."""
        return (
            spec.mt_encoding or self.mt_encoding or self.encoding,
            spec.ref_encoding or self.ref_encoding or self.encoding,
        )

    def resolved_documents(self) -> list[DocumentSpec | BilingualSpec]:
        """Every document, globs expanded (sorted), paths resolved, ids unique."""
        documents: list[DocumentSpec | BilingualSpec] = []
        for spec in self.documents:
            if isinstance(spec, BilingualSpec):
                path = self.path(spec.file)
                documents.append(
                    BilingualSpec.model_validate(
                        {"id": spec.id or slugify(path.stem.split(".")[0]), spec.format: path}
                    )
                )
                continue
            if isinstance(spec, DocumentGlob):
                folders = sorted(
                    Path(p) for p in globlib.glob(str(self.path(spec.glob))) if Path(p).is_dir()
                )
                if not folders:
                    raise ConfigError(f"documents glob {spec.glob!r} matches no folder")
                mt_encoding, ref_encoding = self.encodings(spec)
                documents += [
                    DocumentSpec(
                        id=slugify(f.name),
                        mt=f / spec.mt,
                        ref=f / spec.ref,
                        mt_encoding=mt_encoding,
                        ref_encoding=ref_encoding,
                        label=None if valid_id(f.name) else f.name,
                    )
                    for f in folders
                ]
            else:
                mt = self.path(spec.mt)
                derived = mt.parent.name if mt.parent.name else mt.stem
                mt_encoding, ref_encoding = self.encodings(spec)
                documents.append(
                    DocumentSpec(
                        id=spec.id or slugify(derived),
                        mt=mt,
                        ref=self.path(spec.ref),
                        systems={k: self.path(v) for k, v in spec.systems.items()},
                        mt_encoding=mt_encoding,
                        ref_encoding=ref_encoding,
                        label=spec.label
                        if spec.label is not None or spec.id or valid_id(derived)
                        else derived,
                    )
                )
        ids = [d.id for d in documents]
        repeated = sorted({i for i in ids if ids.count(i) > 1 and i is not None})
        if repeated:
            raise ConfigError(
                f"document ids must be unique; repeated: {', '.join(repeated)} "
                '(set id = "..." on each document)'
            )
        return documents

    def to_dict(self) -> dict[str, Any]:
        """The resolved config, JSON-ready."""
        data = self.model_dump(mode="json", exclude={"base_dir"})
        data["documents"] = [d.model_dump(mode="json") for d in self.resolved_documents()]
        return data


def _location(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part in ("DocumentSpec", "DocumentGlob", "BilingualSpec") or str(part).startswith(
            "function-"
        ):
            continue  # union member names say nothing to a user
        else:
            out += f".{part}" if out else str(part)
    return out or "(top level)"


def _most_relevant(errors: list[Any], data: Mapping[str, Any]) -> Any:
    """The first error, preferring, for a document, the kind of document its keys name
    (a ``[[documents]]`` with ``xliff`` is not told that ``mt`` is missing)."""
    documents = data.get("documents")
    for error in errors:
        loc = tuple(error["loc"])
        if len(loc) < 3 or loc[0] != "documents" or not isinstance(documents, list):
            return error
        entry = documents[loc[1]] if isinstance(loc[1], int) and loc[1] < len(documents) else {}
        keys = set(entry) if isinstance(entry, Mapping) else set()
        meant = (
            "BilingualSpec" if keys & {"xliff", "tmx"}
            else "DocumentGlob" if "glob" in keys
            else "DocumentSpec"
        )
        if str(loc[2]) == meant or str(loc[2]).endswith(f", {meant}]"):
            return error
    return errors[0]


def _same_kind(error: Any, first: Any) -> bool:
    loc, at = tuple(error["loc"]), tuple(first["loc"])
    if len(loc) >= 3 and len(at) >= 3 and loc[0] == "documents" and loc[:2] == at[:2]:
        return loc[2] == at[2]
    return True


def _named(problem: str, source: str, options: Mapping[str, str]) -> str:
    """``problem`` ("key.path: what is wrong") as the user should read it: after the option
    they typed where a command-line option set that key, else after the config's name."""
    for key, option in options.items():
        if problem.startswith(f"{key}: "):
            return f"{option}: {problem.removeprefix(f'{key}: ')}"
    return f"{source}: {problem}"


def parse_config(
    data: Mapping[str, Any],
    *,
    base_dir: Path,
    source: str = "config",
    options: Mapping[str, str] | None = None,
) -> RunConfig:
    """Validate a config mapping; errors name the key's path, or the command-line option
    that set the key (``options``: key path -> option, e.g. ``execution.workers`` ->
    ``--workers``)."""
    options = options or {}
    try:
        return RunConfig.model_validate({**data, "base_dir": base_dir})
    except ConfigError as error:  # raised by a validator that names the key itself
        raise ConfigError(_named(str(error), source, options)) from None
    except ValidationError as error:
        errors = error.errors()
        first = _most_relevant(errors, data)
        where = _location(tuple(first["loc"]))
        message = first["msg"].removeprefix("Value error, ")
        # Not counted: what the other kinds of document would have needed of the same entry.
        more = sum(1 for e in errors if e is not first and _same_kind(e, first))
        extra = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        raise ConfigError(_named(f"{where}: {message}{extra}", source, options)) from None


def with_overrides(data: Mapping[str, Any], overrides: Mapping[str, Any]) -> dict[str, Any]:
    """A config mapping with command-line overrides: a key replaces the config's, a table
    (``review = {...}``) replaces only the keys it gives."""
    merged = dict(data)
    for key, value in overrides.items():
        current = merged.get(key)
        if isinstance(value, Mapping) and isinstance(current, Mapping):
            merged[key] = {**current, **value}
        else:
            merged[key] = value
    return merged


def load_config(
    path: Path,
    *,
    overrides: Mapping[str, Any] | None = None,
    options: Mapping[str, str] | None = None,
) -> RunConfig:
    """Read and validate a TOML run config; ``overrides`` (command-line options) replace
    keys (``with_overrides``) and are validated like them (``options``: as in
    ``parse_config``)."""
    # an editor's BOM is not an error
    text = read_text_file(
        path, "config file", ConfigError, encoding="utf-8-sig", folder_hint="give the TOML file"
    )
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path} is not valid TOML: {error}") from None
    if "base_dir" in data:
        raise ConfigError(f"{path}: base_dir: not a config key (paths are relative to the file)")
    return parse_config(
        with_overrides(data, overrides or {}),
        base_dir=path.resolve().parent,
        source=str(path),
        options=options,
    )


def engine_from_option(option: str) -> EngineSpec:
    """``--engine apertium`` / ``--engine marian`` / ``--engine marian:MODEL`` → EngineSpec."""
    kind, _, model = option.partition(":")
    if kind not in ENGINES:
        raise ConfigError(
            f"unknown engine {kind!r}: use one of {', '.join(ENGINES)} "
            "(e.g. --engine apertium)"
        )
    default = ENGINES[kind].default_model
    if default is not None:
        model = model or default
    elif model:
        raise ConfigError(f"engine {kind!r} takes no model (got {option!r})")
    return EngineSpec.model_validate({"name": kind, "kind": kind, "model": model or None})
