"""The back-translation engine interface.

An engine turns French sentences into English ones. It says what it is (``signature``)
so every score can be reproduced, and it raises ``EngineUnavailable`` with a one-line
remedy when it cannot run here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Annotated, Any, ClassVar, Generic, Protocol, TypeVar, runtime_checkable

from pydantic import BaseModel, ConfigDict, PlainValidator, ValidationError

from mtqa.errors import ConfigError, EngineUnavailable


@runtime_checkable
class Engine(Protocol):
    """What the pipeline needs from a back-translation engine."""

    name: str  # the name given in the config

    @property
    def signature(self) -> Mapping[str, Any]:
        """Engine kind, model id, resolved revision, generation settings, package versions."""
        ...

    def translate(
        self, texts: Sequence[str], *, progress: Callable[[int], None] | None = None
    ) -> list[str]:
        """Back-translate each French text into English, one output per input, in order.

        ``progress`` is called with the number of texts finished after each batch.
        """
        ...

    def close(self) -> None:
        """Release models and processes."""
        ...


SettingsT = TypeVar("SettingsT", bound="EngineSettings")


def missing_packages(*names: str) -> list[str]:
    """Those of the named packages that are not installed (none is imported)."""
    import importlib.util

    return [name for name in names if importlib.util.find_spec(name) is None]


# ---- settings ------------------------------------------------------------------------------
# Each engine owns a pydantic model of its ``settings`` table; the config validates a table
# against it when it is parsed, and the engine again when it is built from a plain mapping.


def _positive_int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"must be a positive integer, got {value!r}")
    return value


def _positive_number(value: Any) -> float:
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or not 0 < value < float("inf")
    ):
        raise ValueError(f"must be a positive number, got {value!r}")
    return float(value)


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("must be true or false")
    return value


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"must be a string, got {value!r}")
    return value


PositiveInt = Annotated[int, PlainValidator(_positive_int)]
PositiveNumber = Annotated[float, PlainValidator(_positive_number)]
Flag = Annotated[bool, PlainValidator(_flag)]
Text = Annotated[str, PlainValidator(_text)]


class EngineSettings(BaseModel):
    """Base of every engine's settings model: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


def settings_problem(model: type[EngineSettings], error: ValidationError) -> str:
    """One line naming the first bad setting (``batch_size must be a positive integer, got
    0``), or every unknown one with the known ones."""
    problems = error.errors()
    unknown = sorted(str(e["loc"][0]) for e in problems if e["type"] == "extra_forbidden")
    if unknown:
        known = ", ".join(sorted(model.model_fields))
        return f"unknown setting(s) {', '.join(unknown)}; known: {known}"
    first = problems[0]
    key = ".".join(str(part) for part in first["loc"])
    message = first["msg"].removeprefix("Value error, ")
    return f"{key} {message}" if key else message


def parse_settings(
    kind: str, model: type[SettingsT], settings: Mapping[str, Any] | None
) -> SettingsT:
    """``settings`` validated by the engine's model; ``ConfigError`` naming the setting."""
    try:
        return model.model_validate(dict(settings or {}))
    except ValidationError as error:
        raise ConfigError(f"engine {kind}: {settings_problem(model, error)}") from None


class ConfiguredEngine(Generic[SettingsT]):
    """What every engine's constructor does, in order: check that what the kind needs is
    installed, take its config name, validate its settings with the kind's own model, then
    set up what the kind holds (``_setup``)."""

    kind: ClassVar[str]
    Settings: ClassVar[type[EngineSettings]]

    def __init__(
        self,
        *,
        name: str | None = None,
        model: str | None = None,
        settings: Mapping[str, Any] | None = None,
    ) -> None:
        self._check_installed()
        self.name = name or self.kind
        given = self._given_settings(model, dict(settings or {}))
        self.settings: SettingsT = parse_settings(self.kind, self.Settings, given)  # type: ignore[assignment]
        self._setup(model)

    def _check_installed(self) -> None:
        """Raise ``EngineUnavailable`` with the install command when a package is missing."""

    def _require(self, packages: Sequence[str], install: str, *, used_for: str = "") -> None:
        """Raise ``EngineUnavailable`` naming those of ``packages`` that are not installed,
        what the kind needs them for, and ``install``, the command that fixes it."""
        missing = missing_packages(*packages)
        if missing:
            needed = ", ".join(missing) + (f" for {used_for}" if used_for else "")
            raise EngineUnavailable(f"engine {self.kind} needs {needed}: {install}")

    def _given_settings(self, model: str | None, settings: dict[str, Any]) -> dict[str, Any]:
        """The settings to validate (a kind may read some from the model name)."""
        return settings

    def _setup(self, model: str | None) -> None:
        """What the kind holds: a model id, a program's path (settings are validated)."""
