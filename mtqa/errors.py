"""Small typed exceptions. The library raises them; only the CLI turns them into messages.

Also the one reader of the files a user names by hand (configs, decisions), so every one of
them fails the same way."""

from __future__ import annotations

from pathlib import Path


class MtqaError(Exception):
    """Base class. ``str(error)`` is a one-line message that says how to fix the problem."""


class InputError(MtqaError):
    """A document, file or argument is unusable (missing, empty, wrong encoding...)."""


class ConfigError(MtqaError):
    """The run config is invalid. The message names the key's path."""


class EngineUnavailable(MtqaError):
    """A back-translation engine cannot run here (package, program or model missing)."""


def read_user_file(
    path: Path,
    what: str,
    error: type[MtqaError],
    *,
    folder: str | None = None,
    limit: int | None = None,
) -> bytes:
    """The bytes of a file the user named (at most ``limit`` + 1 of them, so a caller can
    tell a file over the limit); ``error`` with one line saying what is wrong otherwise:
    not found, a folder (``folder``: the message for it), unreadable. ``what`` names the
    file in the message: "config file", "MT file"."""
    try:
        with path.open("rb") as handle:
            return handle.read() if limit is None else handle.read(limit + 1)
    except FileNotFoundError:
        raise error(f"{what} not found: {path}") from None
    except IsADirectoryError:
        raise error(folder or f"{what} is a directory, not a file: {path}") from None
    except OSError as problem:
        raise error(f"cannot read {what} {path}: {problem.strerror or problem}") from None


def read_text_file(
    path: Path,
    what: str,
    error: type[MtqaError],
    encoding: str = "utf-8",
    folder_hint: str = "give the file",
) -> str:
    """``read_user_file``'s text in ``encoding``, line ends made ``\\n`` (as text mode)."""
    data = read_user_file(path, what, error, folder=f"{what} {path} is a folder: {folder_hint}")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as problem:
        raise error(f"cannot read {what} {path}: {problem}") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")
