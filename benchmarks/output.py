"""What every benchmark does with its figures: say how busy the machine was while they were
taken (other jobs move every wall time, not the memory figures), print them, and write them
to ``--json`` when given."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any


@contextmanager
def machine_load(results: dict[str, Any]) -> Iterator[None]:
    """Record the load average before and after the measurements taken inside."""
    before = os.getloadavg()[0]
    yield
    after = os.getloadavg()[0]
    results["load_average"] = {"before": before, "after": after}
    results["machine_shared"] = max(before, after) > 1.5


def emit(results: dict[str, Any], path: Path | None) -> None:
    """Print the figures as JSON, and write them to ``path`` too when given."""
    text = json.dumps(results, indent=2)
    print(text)
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + "\n", encoding="utf-8")
