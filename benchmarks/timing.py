"""What the benchmark scripts share: timing one call, and where the fixtures are."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def milliseconds(function: Callable[[], object], per: int) -> float:
    """Run `function` once and return the milliseconds it took, divided by `per`."""
    start = time.perf_counter()
    function()
    return (time.perf_counter() - start) * 1000 / per
