"""What a page picture shows, free of any PDF or imaging library: boxes in colours, captions, a legend.

`pdf/plumber.py` draws them on the page as pdfplumber renders it. Positions are in points from the
top-left corner of the page, as the readers measure.
"""

from __future__ import annotations

from dataclasses import dataclass

Colour = tuple[int, int, int]
"""Red, green and blue, 0 to 255."""


@dataclass(frozen=True, slots=True)
class Mark:
    """One box drawn on the page."""

    box: tuple[float, float, float, float]
    """Left, top, right and bottom edges."""
    colour: Colour
    """Its colour."""
    filled: bool
    """Filled with a see-through tint (a small mark: a marker, a hyphen) rather than outlined."""
    caption: str = ""
    """Text written beside it; empty for none."""
    caption_right: float = 0.0
    """Where the caption ends: it is written right-aligned up to here, level with the box's top."""


@dataclass(frozen=True, slots=True)
class Picture:
    """One page with its marks and the legend that names their colours."""

    page: int
    """1-based page number."""
    marks: tuple[Mark, ...]
    """What to draw, in drawing order."""
    legend: tuple[tuple[str, Colour], ...]
    """Each kind of mark on the page, named, with its colour."""
    legend_at: tuple[float, float]
    """Where the legend's top-left corner goes."""
