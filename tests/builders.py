"""Hand-built glyphs and lines for the layout and text tests: no PDF needed.

Measures follow the Tweede Kamer's Univers layout (ah-tk-20232024-1786 p. 1): text column from 221.1 to
540.0 pt on an A4 page, body text 8.5 pt on a 9.6 pt pitch, footnote markers 5.49 pt raised 3.5 pt, a
word space of 2.37 pt. Every character is given the same advance so tests can say exactly where a line
ends and how wide a word is.
"""

from __future__ import annotations

import re

from aanhangsel.layout import Line, Run, Zone
from aanhangsel.pdf import Glyph

PAGE_WIDTH, PAGE_HEIGHT = 595.0, 842.0
LEFT = 221.1
"""Left edge of the text column."""
RIGHT = 540.0
"""Right edge of the text column."""
MARGIN_LEFT = 55.3
"""Left edge of the left column (id block, masthead)."""
HANGING_INDENT = 240.9
"""Where a numbered list item's text starts ("1." at 221.1, "Alle producten" at 240.94)."""
BULLET_INDENT = 235.28
"""Where a bulleted item's text starts ("•" at 221.1, "Artistieke" at 235.28)."""
BODY_SIZE = 8.5
MARKER_SIZE = 5.49
FOOTNOTE_SIZE = 6.93
SPACE = 2.37
"""A word space in 8.5 pt text."""
EM_ADVANCE = 0.53
"""The advance of every character, in em: 4.505 pt at 8.5 pt."""


def advance(size: float = BODY_SIZE) -> float:
    """Return the width of one character at `size`."""
    return EM_ADVANCE * size


# --- glyphs -----------------------------------------------------------------------------------------


def glyphs(
    text: str,
    x: float,
    baseline: float,
    size: float = BODY_SIZE,
    font: str = "Univers",
    *,
    space: float | None = None,
) -> list[Glyph]:
    """Lay out `text` from `x` as glyphs: one fixed advance per character, spaces as space glyphs."""
    space = 0.28 * size if space is None else space
    out = []
    for char in text:
        width = space if char == " " else advance(size)
        out.append(Glyph(char, x, x + width, baseline - 0.72 * size, baseline, size, font))
        x += width
    return out


def end(drawn: list[Glyph]) -> float:
    """Return the right edge of the last glyph."""
    return drawn[-1].x1


# --- lines and runs ---------------------------------------------------------------------------------

# A raised footnote marker glued to the text around it, as tests/typeset.py writes it: "Ends^1^?".
_MARKER = re.compile(r"\^([\d,]+)\^")


def run(
    text: str,
    x0: float,
    size: float = BODY_SIZE,
    *,
    space_before: bool = True,
    raised: bool = False,
    bold: bool = False,
    italic: bool = False,
) -> Run:
    """One run of `text` starting at `x0`, one advance per character."""
    width = len(text) * advance(MARKER_SIZE if raised else size)
    return Run(text, x0, x0 + width, bold=bold, italic=italic, raised=raised, space_before=space_before)


def word_runs(text: str, x0: float = LEFT, size: float = BODY_SIZE, *, x1: float | None = None) -> list[Run]:
    """Lay out words from `x0`; with `x1`, stretch the word spaces so the last word ends there.

    "^1^" is a raised footnote marker glued to the text before and after it ("Ends^1^?").
    """
    tokens = [_MARKER.split(word) for word in text.split(" ")]
    space = SPACE * size / BODY_SIZE
    if x1 is not None and len(tokens) > 1:
        natural = _pieces_width(tokens, size) + space * (len(tokens) - 1)
        space += (x1 - x0 - natural) / (len(tokens) - 1)
        if not 0.5 * SPACE * size / BODY_SIZE <= space <= 0.6 * size:
            # Wider spaces would read as tabs or table cells, narrower ones as letters of one word.
            raise ValueError(f"{text!r} cannot be set to end at {x1}: its spaces would be {space:.2f} pt")
    runs: list[Run] = []
    x = x0
    for index, pieces in enumerate(tokens):
        if index:
            x += space
        for number, piece in enumerate(pieces):
            if not piece:
                continue
            raised = number % 2 == 1
            new = run(piece, x, size, space_before=index > 0 and number == 0 and bool(runs), raised=raised)
            runs.append(new)
            x = new.x1
    return runs


def _pieces_width(tokens: list[list[str]], size: float) -> float:
    return sum(
        len(piece) * advance(MARKER_SIZE if number % 2 else size)
        for pieces in tokens
        for number, piece in enumerate(pieces)
    )


def make_line(
    runs: list[Run],
    size: float = BODY_SIZE,
    *,
    page: int = 1,
    baseline: float = 400.0,
    zone: Zone = Zone.BODY,
) -> Line:
    """A line of the given runs; its edges are those of its first and last run."""
    return Line(
        page=page,
        baseline=baseline,
        top=baseline - 0.72 * size,
        x0=runs[0].x0,
        x1=runs[-1].x1,
        size=size,
        runs=tuple(runs),
        zone=zone,
    )


def text_line(
    text: str, *, x0: float = LEFT, x1: float | None = None, size: float = BODY_SIZE, page: int = 1
) -> Line:
    """A line of running text starting at `x0` (and ending at `x1` if given)."""
    return make_line(word_runs(text, x0, size, x1=x1), size, page=page)


def item_line(
    marker: str,
    text: str,
    *,
    at: float = LEFT,
    indent: float = HANGING_INDENT,
    x1: float | None = None,
    size: float = BODY_SIZE,
) -> Line:
    """A list item: its marker ("•", "1.", "–") at the column (or at `at`), a tab, its text at `indent`."""
    first = run(marker, at, size, space_before=False)
    return make_line([first, *_respace(word_runs(text, indent, size, x1=x1))], size)


def footnote_line(number: int, text: str, *, x1: float | None = None) -> Line:
    """A footnote's first line: its number hanging at the column, its text from 227.34."""
    marker = run(str(number), LEFT, space_before=False, raised=True)
    return make_line([marker, *_respace(word_runs(text, 227.34, FOOTNOTE_SIZE, x1=x1))], FOOTNOTE_SIZE)


def footnote_continuation(text: str, *, x1: float | None = None) -> Line:
    """A footnote's next line, at its text's indent."""
    return text_line(text, x0=227.34, x1=x1, size=FOOTNOTE_SIZE)


def row_line(cells: list[tuple[float, str]], size: float = FOOTNOTE_SIZE) -> Line:
    """A table row: each cell's words starting at its own x."""
    runs: list[Run] = []
    for x, text in cells:
        runs.extend(_respace(word_runs(text, x, size)) if runs else word_runs(text, x, size))
    return make_line(runs, size)


def _respace(runs: list[Run]) -> list[Run]:
    """Mark the first run as spaced from what stands before it on the line."""
    first = runs[0]
    return [
        Run(first.text, first.x0, first.x1, first.bold, first.italic, first.raised, space_before=True),
        *runs[1:],
    ]
