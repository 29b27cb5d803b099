"""Small typed exceptions. The library raises them; only the CLI turns them into messages."""

from __future__ import annotations


class MtqaError(Exception):
    """Base class. ``str(error)`` is a one-line message that says how to fix the problem."""


class InputError(MtqaError):
    """A document, file or argument is unusable (missing, empty, wrong encoding...)."""


class ConfigError(MtqaError):
    """The run config is invalid. The message names the key's path."""


class EngineUnavailable(MtqaError):
    """A back-translation engine cannot run here (package, program or model missing)."""
