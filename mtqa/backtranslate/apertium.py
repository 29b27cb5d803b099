"""The Apertium engine: rule-based French → Spanish → English through the ``apertium`` command.

Runs ``apertium -u fr-es`` piped into ``apertium -u spa-eng``, many texts per call, one text
per line: the plain-text deformatter keeps line breaks, so line *i* of the output is the
translation of line *i* of the input. Texts are flattened to one line first; if a call ever
returns a different number of lines, that batch is retranslated one text per call rather
than misaligned.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Annotated, Any, ClassVar

from pydantic import Field, PlainValidator

import mtqa
from mtqa.backtranslate.base import (
    ConfiguredEngine,
    EngineSettings,
    PositiveInt,
    PositiveNumber,
)
from mtqa.errors import EngineUnavailable
from mtqa.language.text import without_ligatures

log = logging.getLogger(__name__)

PACKAGES = ("apertium", "apertium-fr-es", "apertium-eng-spa")
PIVOT_MODES = ("fr-es", "spa-eng")
_INSTALL = "apt-get install apertium apertium-fr-es apertium-eng-spa"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _modes(value: Any) -> list[str]:
    if (
        not isinstance(value, (list, tuple))
        or not value
        or not all(isinstance(m, str) and m.strip() for m in value)
    ):
        raise ValueError(
            f'must be a non-empty list of mode names such as ["fr-es", "spa-eng"], got {value!r}'
        )
    return [m.strip() for m in value]


class ApertiumSettings(EngineSettings):
    """``[[engines]] settings`` of an Apertium engine."""

    batch_size: PositiveInt = 200  # texts per process call
    timeout_s: PositiveNumber = 120.0  # per call
    modes: Annotated[list[str], PlainValidator(_modes)] = Field(
        default_factory=lambda: list(PIVOT_MODES)
    )


class ApertiumEngine(ConfiguredEngine[ApertiumSettings]):
    """French → English by pivoting through Spanish with Apertium.

    Settings: ``ApertiumSettings``. The model, when given ("fr-es,spa-eng"), names the
    pivot's modes.
    """

    kind: ClassVar[str] = "apertium"
    Settings: ClassVar[type[EngineSettings]] = ApertiumSettings

    def _given_settings(self, model: str | None, settings: dict[str, Any]) -> dict[str, Any]:
        if model is not None:
            # The pivot is the model: "fr-es,spa-eng" picks other installed modes.
            settings["modes"] = [m.strip() for m in model.split(",") if m.strip()]
        return settings

    def _setup(self, model: str | None) -> None:
        self.modes: list[str] = list(self.settings.modes)
        self.batch_size = self.settings.batch_size
        self.timeout_s = self.settings.timeout_s
        self.command = shutil.which("apertium")
        if self.command is None:
            raise EngineUnavailable(f"the apertium command is not installed: {_INSTALL}")
        self._check_modes()
        self._signature: dict[str, Any] | None = None

    def _check_modes(self) -> None:
        try:
            listed = subprocess.run(
                [str(self.command), "-l"],
                capture_output=True,
                text=True,
                timeout=30,
                check=False,
            ).stdout.split()
        except (OSError, subprocess.TimeoutExpired) as error:
            raise EngineUnavailable(
                f"the apertium command does not run ({error}); reinstall it: {_INSTALL}"
            ) from error
        missing = [mode for mode in self.modes if mode not in listed]
        if missing:
            raise EngineUnavailable(
                f"apertium mode(s) {', '.join(missing)} not installed: {_INSTALL}"
            )

    @property
    def signature(self) -> Mapping[str, Any]:
        if self._signature is None:
            self._signature = {
                "engine": self.kind,
                "model": ",".join(self.modes),
                "revision": "debian",
                **{package: _debian_version(package) for package in PACKAGES},
                "mtqa": mtqa.__version__,
                "input": "ligatures written as two letters",
            }
        return self._signature

    def translate(
        self, texts: Sequence[str], *, progress: Callable[[int], None] | None = None
    ) -> list[str]:
        """Translate ``texts`` in order, ``batch_size`` texts per process call."""
        outputs: list[str] = [""] * len(texts)
        for indexes, done in self.iter_batches(texts):
            for index, text in zip(indexes, done, strict=True):
                outputs[index] = text
            if progress is not None:
                progress(len(indexes))
        return outputs

    def iter_batches(self, texts: Sequence[str]) -> Iterator[tuple[list[int], list[str]]]:
        """Yield (input indexes, translations) per process call, as each call finishes."""
        for start in range(0, len(texts), self.batch_size):
            indexes = list(range(start, min(start + self.batch_size, len(texts))))
            lines = [_one_line(without_ligatures(texts[i])) for i in indexes]
            yield indexes, self._translate_lines(lines)

    def _translate_lines(self, lines: list[str]) -> list[str]:
        out = self._run("\n".join(lines) + "\n").split("\n")
        if out and out[-1] == "":
            out.pop()
        if len(out) == len(lines):
            return [line.strip() for line in out]
        log.warning(
            "apertium returned %d lines for %d: translating this batch one text per call",
            len(out),
            len(lines),
        )
        return [" ".join(self._run(line + "\n").split()) if line else "" for line in lines]

    def _run(self, text: str) -> str:
        """Pipe ``text`` through every mode of the pivot in turn."""
        env = {**os.environ, "LC_ALL": "C.UTF-8"}
        for mode in self.modes:
            try:
                done = subprocess.run(
                    [str(self.command), "-u", mode],
                    input=text,
                    capture_output=True,
                    text=True,
                    encoding="utf-8",
                    timeout=self.timeout_s,
                    env=env,
                    check=False,
                )
            except subprocess.TimeoutExpired as error:
                raise EngineUnavailable(
                    f"apertium {mode} took longer than {self.timeout_s:g} s; "
                    "raise engines.apertium.timeout_s or lower batch_size"
                ) from error
            if done.returncode != 0:
                detail = (done.stderr.strip().splitlines() or ["no message"])[-1]
                raise EngineUnavailable(
                    f"apertium {mode} failed ({detail}); check the install: {_INSTALL}"
                )
            text = done.stdout
        return text

    def close(self) -> None:
        """Nothing held between calls: each batch is its own process."""

    def __repr__(self) -> str:
        return f"ApertiumEngine(name={self.name!r}, modes={self.modes!r})"


def _debian_version(package: str) -> str:
    try:
        done = subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", package],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    return done.stdout.strip() if done.returncode == 0 and done.stdout.strip() else "unknown"
