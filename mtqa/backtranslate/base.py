"""The back-translation engine interface.

An engine turns French sentences into English ones. It says what it is (``signature``)
so every score can be reproduced, and it raises ``EngineUnavailable`` with a one-line
remedy when it cannot run here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol, runtime_checkable


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
