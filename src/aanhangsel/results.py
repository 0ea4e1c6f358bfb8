"""What became of each input in a batch: converted, skipped, or failed with its reason."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from aanhangsel.errors import AanhangselError
    from aanhangsel.inputs import Input


class Status(StrEnum):
    """How one file ended."""

    CONVERTED = "converted"
    SKIPPED = "skipped"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class FileResult:
    """The outcome of one input."""

    item: Input
    """The input."""
    status: Status
    """Converted, skipped or failed."""
    payload: object = None
    """What the worker handed back for a converted file (rendered text, or what the destination asked)."""
    error: AanhangselError | None = None
    """Why it failed."""
    existing_output: str | None = None
    """For a skipped file: the complete output that already holds its record."""
