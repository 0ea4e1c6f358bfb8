"""What a PDF reader hands on: pages of positioned glyphs and rules, free of any PDF library."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from itertools import compress
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Iterable

MIN_SIZE = 0.1
"""Glyphs set smaller than this (in points) show nothing a reader could read, and the layout, which measures
sizes to 0.1 pt, would measure them as of no size at all: they are left out, as invisible."""


class Glyph(NamedTuple):
    """One drawn character, in points, measured from the top-left corner of its page.

    A named tuple rather than a frozen dataclass: a document has some 8,000 glyphs, and a frozen dataclass
    takes 1.5 µs to build (one `object.__setattr__` per field) against 0.1 to 0.3 µs for a tuple; the
    difference would be a third of the whole parse. It is just as immutable.
    """

    text: str
    """The character as the PDF maps it to Unicode; `(cid:N)` from pdfminer when the font gives no mapping
    (PDFium often finds one: the bullet "•" where pdfminer has `(cid:129)`)."""
    x0: float
    """Left edge: where the glyph starts."""
    x1: float
    """Right edge: where the glyph's advance ends (its ink may overhang it, as an italic's does)."""
    top: float
    """Top of the glyph box, which reaches one font size above the font's descent."""
    baseline: float
    """Where the glyph sits, from the top of the page: glyphs of one printed line share it."""
    size: float
    """Font size in points (the vertical scale of the text matrix)."""
    font: str
    """Font name without the subset prefix, e.g. `Univers-Oblique`."""

    @property
    def bold(self) -> bool:
        """Whether the font is a bold or black cut."""
        return font_style(self.font)[0]

    @property
    def italic(self) -> bool:
        """Whether the font is an italic or oblique cut."""
        return font_style(self.font)[1]


@cache
def font_style(font: str) -> tuple[bool, bool]:
    """Read bold and italic from a font name: "Univers-Black", "Helvetica-BoldOblique"."""
    bold = any(word in font for word in ("Bold", "Black", "Heavy", "Semibold", "Demi"))
    italic = any(word in font for word in ("Italic", "Oblique"))
    return bold, italic


@dataclass(frozen=True, slots=True)
class Rule:
    """A horizontal line drawn on the page, such as the short rule above the footnotes."""

    x0: float
    """Left end."""
    x1: float
    """Right end."""
    y: float
    """Vertical position, from the top of the page."""

    @property
    def width(self) -> float:
        """Length of the rule."""
        return self.x1 - self.x0


@dataclass(frozen=True, slots=True)
class Page:
    """One page: its glyphs in content-stream order and its horizontal rules."""

    number: int
    """1-based page number."""
    width: float
    """Page width in points."""
    height: float
    """Page height in points."""
    glyphs: tuple[Glyph, ...]
    """Every character drawn on the page."""
    rules: tuple[Rule, ...]
    """Every horizontal line drawn on the page."""
    left_out: int = 0
    """Characters drawn on the page but not among `glyphs`: turned sideways (not upright as the page is
    displayed), of no size, or placed nowhere (a coordinate that is not a number)."""


@dataclass(frozen=True, slots=True)
class PdfDocument:
    """A whole PDF as glyphs, with what identifies the file it came from."""

    file_name: str
    """The file's base name, never its full path (records must not depend on where a file lies)."""
    sha256: str
    """Hex SHA-256 of the file's bytes."""
    pages: tuple[Page, ...]
    """The pages in order."""
    warnings: tuple[str, ...] = ()
    """What the reader noticed while reading, such as damage to the PDF's structure that it read around."""


def has_text(glyphs: Iterable[Glyph]) -> bool:
    """Whether any glyph is more than white space (a scanned page has none at all)."""
    return any(not glyph.text.isspace() for glyph in glyphs)


def shown(glyphs: tuple[Glyph, ...]) -> tuple[tuple[Glyph, ...], int]:
    """Leave out the glyphs that a page does not show: of no size, or placed nowhere (not a number).

    Returns the glyphs shown, and how many of those left out are more than white space. A reader whose
    library hands on such glyphs when a damaged file asks for them ("0 Tf", a text matrix of zeros) passes
    its glyphs through here: no measure of the layout may rest on them. The usual page has none: its glyphs
    are turned into columns of numbers once (`zip`) to see that, and a sum with an infinity or NaN in it is
    no finite number.
    """
    if not glyphs:
        return glyphs, 0
    _, x0s, x1s, tops, baselines, sizes, _ = zip(*glyphs, strict=True)
    places = sum(x0s) + sum(x1s) + sum(tops) + sum(baselines)
    if min(sizes) >= MIN_SIZE and math.isfinite(sum(sizes) + places):
        return glyphs, 0
    shows = list(map(_shows, glyphs))
    hidden = sum(not glyph.text.isspace() for glyph, show in zip(glyphs, shows, strict=True) if not show)
    return tuple(compress(glyphs, shows)), hidden


def _shows(glyph: Glyph) -> bool:
    """Whether a glyph has a size and a place on the page."""
    return glyph.size >= MIN_SIZE and all(
        map(math.isfinite, (glyph.x0, glyph.x1, glyph.top, glyph.baseline, glyph.size))
    )
