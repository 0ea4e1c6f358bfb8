"""The only module that touches pypdfium2: a PDF file becomes `Page`s of glyphs and rules, one at a time.

PDFium builds each page's list of characters in C (`FPDFText_LoadPage`). We take the page's text in one call
(`get_text_range`) and ask per character only what no bulk call gives: its origin. Which text object a
character belongs to is found for runs of characters at a time, and what a text object's characters share
(font, size, descent, orientation) is read once per run; each font's advance widths once per character.
Rules come from the page's path objects. Coordinates are the pdfplumber reader's: points from the top-left
corner of the MediaBox as displayed (its /Rotate applied), y growing down the page.
"""

from __future__ import annotations

import ctypes
import math
from contextlib import contextmanager
from ctypes import POINTER, byref, c_double, c_float, c_int, c_uint32, c_void_p
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from aanhangsel.errors import UnreadablePdfError
from aanhangsel.pdf.glyphs import MIN_SIZE, Glyph, Page, Rule

if TYPE_CHECKING:
    from collections.abc import Iterator

    from aanhangsel.pdf import OpenPdf
    from aanhangsel.source import PdfFile

Matrix = tuple[float, float, float, float, float, float]
"""A PDF transformation matrix (a, b, c, d, e, f): x' = a·x + c·y + e, y' = b·x + d·y + f."""

# A drawn box this thin is a rule, not a frame (some producers draw rules as filled rectangles).
_RULE_THICKNESS = 1.5

# What PDFium's load errors mean (fpdfview.h, FPDF_ERR_*), in words. PDFium keeps the last error of the
# process, and a document without pages fails to load without setting one: `_forget_last_error` sets it
# to FPDF_ERR_FILE before each load from memory, which can fail so in no other way.
_LOAD_ERRORS = {
    pdfium_c.FPDF_ERR_PASSWORD: "encrypted PDF (a password is needed)",
    pdfium_c.FPDF_ERR_SECURITY: "encrypted PDF (its security handler is not supported)",
    pdfium_c.FPDF_ERR_FORMAT: "damaged PDF: its structure cannot be read",
    pdfium_c.FPDF_ERR_PAGE: "damaged PDF: its pages cannot be read",
    pdfium_c.FPDF_ERR_FILE: "the PDF has no pages",
    pdfium_c.FPDF_ERR_SUCCESS: "the PDF has no pages",
}

# PDFium repairs a damaged file without a word; this is the one thing it tells (fpdfview.h).
_REBUILT_XREF = "the PDF's structure is damaged: its cross-reference table had to be rebuilt"

# A character whose width PDFium cannot tell (see `_char_width`).
_NO_WIDTH = -1.0

# PDFium marks a hyphen at a line end as \x02 or \ufffe (cpdf_textpage.cpp, IsControlChar): it was drawn
# "-". A glyph without Unicode comes as \x00, which becomes U+FFFD, as pdfminer's "(cid:N)" does in layout.
_PDFIUM_MARKS = str.maketrans("\x02\ufffe\x00", "--\ufffd")


def _bind(function: Any, restype: Any, *argtypes: Any) -> Any:  # noqa: ANN401  (ctypes is untyped)
    """Bind a PDFium function to return handles as plain numbers.

    pypdfium2's bindings return a handle as a ctypes pointer, which takes a cast (about 1 µs) to become a
    number we can compare or use as a key.
    """
    return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(function, c_void_p).value or 0)


def _bind_unchecked(function: Any, restype: Any) -> Any:  # noqa: ANN401  (ctypes is untyped)
    """Bind a per-character PDFium function without argument types: a third of the cost of each call.

    These calls run for every character of a document. Without argument types ctypes converts and checks
    nothing, so every caller passes exactly what the C function takes: the text page as a `c_void_p`, the
    character's index as an `int` (a C int) and each output `byref`.
    """
    bound = _bind(function, restype)
    bound.argtypes = None
    return bound


# Per character or run of characters (unchecked: see `_bind_unchecked`):
_text_object = _bind_unchecked(pdfium_c.FPDFText_GetTextObject, c_void_p)
_char_origin = _bind_unchecked(pdfium_c.FPDFText_GetCharOrigin, c_int)
_loose_char_box = _bind_unchecked(pdfium_c.FPDFText_GetLooseCharBox, c_int)
_char_matrix = _bind_unchecked(pdfium_c.FPDFText_GetMatrix, c_int)
# Per text object, font or character of a font:
_font_size = _bind(pdfium_c.FPDFTextObj_GetFontSize, c_int, c_void_p, POINTER(c_float))
_font_of = _bind(pdfium_c.FPDFTextObj_GetFont, c_void_p, c_void_p)
_font_name = _bind(
    pdfium_c.FPDFFont_GetBaseFontName, ctypes.c_size_t, c_void_p, ctypes.c_char_p, ctypes.c_size_t
)
_font_descent = _bind(pdfium_c.FPDFFont_GetDescent, c_int, c_void_p, c_float, POINTER(c_float))
_glyph_width = _bind(pdfium_c.FPDFFont_GetGlyphWidth, c_int, c_void_p, c_uint32, c_float, POINTER(c_float))


@contextmanager
def open_pdf(pdf: PdfFile) -> Iterator[OpenPdf]:
    """Open a PDF with PDFium, to be read a page at a time; it is closed when the block ends.

    Raises:
        UnreadablePdfError: PDFium cannot open the document.

    """
    _forget_last_error()
    try:
        document = pdfium.PdfDocument(pdf.data)
    except pdfium.PdfiumError as exc:
        raise UnreadablePdfError(_LOAD_ERRORS.get(exc.err_code, "damaged PDF: it cannot be opened")) from exc
    try:
        yield _Opened(document)
    finally:
        document.close()


def _forget_last_error() -> None:
    """Set PDFium's last error to FPDF_ERR_FILE, by opening no file, so that no earlier error is told anew.

    Without it, a worker that met an encrypted file would call the next file without pages encrypted too.
    """
    pdfium_c.FPDF_LoadDocument(b"", None)


@dataclass(frozen=True, slots=True)
class _Opened:
    """A PDF that PDFium has open."""

    document: pdfium.PdfDocument
    """PDFium's document."""

    @property
    def page_count(self) -> int:
        """How many pages the PDF has."""
        return len(self.document)

    def read_page(self, index: int) -> Page:
        """Read one page, closing it (and its text page) when done."""
        return _read_page(self.document, index)

    def warnings(self) -> tuple[str, ...]:
        """Say whether PDFium had to rebuild the cross-reference table to open the file."""
        valid = pdfium_c.FPDF_DocumentHasValidCrossReferenceTable(self.document.raw)
        return () if valid else (_REBUILT_XREF,)


def _read_page(document: pdfium.PdfDocument, index: int) -> Page:
    """Read one page, closing it (and its text page) when done."""
    try:
        page = document[index]
        text_page = page.get_textpage()
    except pdfium.PdfiumError as exc:
        raise UnreadablePdfError(f"damaged PDF: page {index + 1} cannot be read") from exc
    try:
        frame = _page_frame(page)
        glyphs, left_out = _page_glyphs(text_page, frame)
        paths, no_size = _page_objects(page.raw, frame.matrix)
        left_out += no_size
        rules = _page_rules(paths, frame)
    finally:
        text_page.close()
        page.close()
    width, height = frame.width, frame.height
    return Page(number=index + 1, width=width, height=height, glyphs=glyphs, rules=rules, left_out=left_out)


# --- the page frame ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Frame:
    """How a page's user space lands on the page as displayed."""

    matrix: Matrix
    """User space to the displayed MediaBox, y up from its bottom-left corner (pdfminer's frame)."""
    width: float
    """Displayed page width."""
    height: float
    """Displayed page height: y up becomes y down as `height - y`."""


def _page_frame(page: pdfium.PdfPage) -> _Frame:
    """Place the MediaBox, turned by the page's /Rotate, with its bottom-left corner at the origin.

    PDFium reads only a MediaBox in the page's own dictionary; an inherited one (from the page tree, PDF
    Reference 3.6.2) comes from the page's bounding box, which is the MediaBox when no CropBox cuts it.
    """
    box = page.get_mediabox(fallback_ok=False)
    if box is None or box[2] <= box[0] or box[3] <= box[1]:
        box = _mediabox_elsewhere(page)
    x0, y0, x1, y1 = box
    # pdfminer's page matrices (pdfinterp.py, process_page), so both readers see the same page.
    frames = {
        90: ((0.0, -1.0, 1.0, 0.0, -y0, x1), y1 - y0, x1 - x0),
        180: ((-1.0, 0.0, 0.0, -1.0, x1, y1), x1 - x0, y1 - y0),
        270: ((0.0, 1.0, -1.0, 0.0, y1, -x0), y1 - y0, x1 - x0),
    }
    upright = ((1.0, 0.0, 0.0, 1.0, -x0, -y0), x1 - x0, y1 - y0)
    matrix, width, height = frames.get(page.get_rotation(), upright)
    return _Frame(matrix=matrix, width=width, height=height)


def _mediabox_elsewhere(page: pdfium.PdfPage) -> tuple[float, float, float, float]:
    """Find the MediaBox of a page that has none of its own (or an empty one).

    Without a CropBox of its own, the page's bounding box is its MediaBox, inherited (or PDFium's US Letter
    when there is none). With one, the bounding box is cut to the CropBox, whose corner is not the
    MediaBox's: the box is taken from the origin, where nearly every PDF's MediaBox starts, so that a page
    whose own MediaBox is damaged still measures as its neighbours do.
    """
    x0, y0, x1, y1 = page.get_bbox()
    if page.get_cropbox(fallback_ok=False) is None:
        return x0, y0, x1, y1
    return 0.0, 0.0, x1, y1


def _multiply(first: Matrix, then: Matrix) -> Matrix:
    """Combine two transformations: `first`, then `then`."""
    a, b, c, d, e, f = first
    a2, b2, c2, d2, e2, f2 = then
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _apply(matrix: Matrix, x: float, y: float) -> tuple[float, float]:
    """Transform a point."""
    a, b, c, d, e, f = matrix
    return a * x + c * y + e, b * x + d * y + f


# --- glyphs -----------------------------------------------------------------------------------------


class _Style(NamedTuple):
    """What every character of one text object shares.

    A named tuple, as `Glyph` is: one is made for each text object, some 400 a document, and a frozen
    dataclass takes five times as long to build.
    """

    font: str
    """Font name without the subset prefix."""
    size: float
    """Font size in points on the page."""
    rise: float
    """From the baseline up to the top of the glyph box: the size above the font's descent."""
    advance: float
    """A width in text space units (thousandths of the font size) times this is a width on the page."""
    widths: dict[str, float]
    """The font's advance widths by character, in text space units, filled as characters come."""
    font_handle: int
    """The font, to ask for widths not yet known."""
    level: bool
    """Whether the text runs level (not turned, nor slanted up or down): its characters share a baseline."""


# Builds a style without the argument handling of calling `_Style` (as `_Style._make` does).
_new_style = tuple.__new__

_Fonts = dict[int, tuple[str, float, dict[str, float]]]
"""A page's fonts by handle: name, descent (thousandths of the font size) and the widths asked so far.

Per page, not per document: PDFium may free a page's fonts when the page closes and reuse the address.
"""


def _page_glyphs(text_page: pdfium.PdfTextPage, frame: _Frame) -> tuple[tuple[Glyph, ...], int]:
    """Read every character a page shows upright, in content-stream order: one PDFium call for each origin.

    Returns the glyphs, and how many characters were left out: not upright on the page, of no size, or
    placed nowhere (a coordinate that is no number, which a damaged file can ask for).

    The inner loop runs for every character of the document, so it keeps to local names and builds each
    glyph with `tuple.__new__` (as `Glyph._make` does: a third of the cost of calling `Glyph`).
    """
    handle = ctypes.cast(text_page.raw, c_void_p)
    text = _page_text(text_page)
    x, y, box = c_double(), c_double(), pdfium_c.FS_RECTF()
    x_ref, y_ref, box_ref = byref(x), byref(y), byref(box)
    a, b, c, d, e, f = frame.matrix
    top = frame.height - f
    new, far = tuple.__new__, math.inf
    glyphs: list[Glyph] = []
    append = glyphs.append
    left_out = 0
    for start, end, style in _styled_runs(handle, text, frame):
        if style is None:
            left_out += sum(not char.isspace() for char in text[start:end])
            continue
        rise, size, font, advance, widths = style.rise, style.size, style.font, style.advance, style.widths
        # A text object sets one line of text: where it is level on the page, its characters share a
        # baseline, and only their x is read.
        level = style.level and b == 0
        _char_origin(handle, start, x_ref, y_ref)
        baseline, shift = top - b * x.value - d * y.value, c * y.value + e
        glyph_top = baseline - rise
        for index, char in enumerate(text[start:end].translate(_PDFIUM_MARKS), start):
            # PDFium adds spaces where it sees a gap; those it adds inside a text object have no height.
            if char == " " and _loose_char_box(handle, index, box_ref) and box.top == box.bottom:
                continue
            _char_origin(handle, index, x_ref, y_ref)
            if not level:
                baseline, shift = top - b * x.value - d * y.value, c * y.value + e
                glyph_top = baseline - rise
            left = a * x.value + shift
            width = widths.get(char)
            if width is None:
                width = _char_width(style, char)
            if width == _NO_WIDTH:  # the loose box then, which may take in some ink beyond the advance
                _loose_char_box(handle, index, box_ref)
                right = left + box.right - box.left
            else:
                right = left + width * advance
            if right < left:  # a page turned upside down
                left, right = right, left
            if not right - left + (baseline - glyph_top) < far:  # an infinity or NaN: placed nowhere
                left_out += not char.isspace()
                continue
            append(new(Glyph, (char, left, right, glyph_top, baseline, size, font)))
    return tuple(glyphs), left_out


def _styled_runs(handle: c_void_p, text: str, frame: _Frame) -> Iterator[tuple[int, int, _Style | None]]:
    """Find the runs of characters of one text object each: start, end and what they share.

    What they share is None for characters that are not upright on the page as displayed, or show nothing.
    """
    style_of = _StyleReader(handle, frame)
    for start, end, text_object in _object_runs(handle, text):
        yield start, end, style_of(start, text_object)


def _object_runs(handle: c_void_p, text: str) -> Iterator[tuple[int, int, int]]:
    """Split a page's characters (`text`, one per index) into runs of one text object: start, end, object.

    An object's characters are consecutive (PDFium lists each text object's characters in turn). Most
    objects set one printed line, which PDFium ends with a line break it adds (CR LF, of no object): the
    run's end is tried there first, two calls. Elsewhere it is found by doubling the step until the object
    changes, then halving it: some 12 calls for 50 characters instead of 50. The characters PDFium adds
    between objects (line breaks and spaces, of no object) can stand anywhere, one by one: they are passed.
    """
    count = len(text)
    start = 0
    while start < count:
        current = _text_object(handle, start)
        if current is None:  # a character PDFium added
            start += 1
            continue
        line_end = text.find("\r", start + 1)
        end = count if line_end < 0 else line_end
        ends_there = end == count or _text_object(handle, end) != current
        if ends_there and _text_object(handle, end - 1) == current:
            yield start, end, current
            start = end
            continue
        same, step = start, 1  # `same`: the last index known to belong to `current`
        while same + step < count and _text_object(handle, same + step) == current:
            same += step
            step *= 2
        other = min(same + step, count)  # the first index known not to belong to it (or the end)
        while other - same > 1:
            middle = (same + other) // 2
            if _text_object(handle, middle) == current:
                same = middle
            else:
                other = middle
        yield start, other, current
        start = other


def _page_text(text_page: pdfium.PdfTextPage) -> str:
    """Read the page's characters, one per index: in one call, or one by one where its text skips some."""
    count = text_page.count_chars()
    text: str = text_page.get_text_range()
    if len(text) == count:
        return text
    return "".join(_unicode(pdfium_c.FPDFText_GetUnicode(text_page.raw, index)) for index in range(count))


def _unicode(code: int) -> str:
    """Return a character PDFium gives as a number, or U+FFFD for one that is no character."""
    return chr(code) if code < 0xD800 or 0xE000 <= code <= 0x10FFFF else "\ufffd"


class _StyleReader:
    """Reads what the characters of each text object of one page share, into buffers kept for the page."""

    def __init__(self, handle: c_void_p, frame: _Frame) -> None:
        """Start on a text page (`handle`) laid in `frame`."""
        self.handle, self.frame = handle, frame
        self.fonts: _Fonts = {}
        self.matrix, self.size_in_text = pdfium_c.FS_MATRIX(), c_float()
        self.matrix_ref = byref(self.matrix)

    def __call__(self, index: int, text_object: int) -> _Style | None:
        """Read the style of the text object of character `index`; None when its characters are not shown.

        They are not shown when they are not upright on the page, or have no size (less than `MIN_SIZE`, or
        one that is no number). The character's matrix is the text object's on the page (forms and the CTM
        applied), without the font size; upright as pdfminer has it (layout.py, LTChar): not turned, possibly
        slanted.
        """
        matrix, size_in_text = self.matrix, self.size_in_text
        if not (_char_matrix(self.handle, index, self.matrix_ref) and _font_size(text_object, size_in_text)):
            return None
        on_page = (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)
        a, b, c, d, _, _ = _multiply(on_page, self.frame.matrix)
        if not (a * d > 0 and b * c <= 0):
            return None
        font = _font_of(text_object) or 0
        name, descent, widths = self.fonts.get(font) or _read_font(font, self.fonts)
        size = size_in_text.value * abs(d)
        rise, advance = size * (1 + descent / 1000), size_in_text.value * a / 1000
        if not (size >= MIN_SIZE and math.isfinite(size + rise + advance)):
            return None
        return _new_style(_Style, (name, size, rise, advance, widths, font, matrix.b == 0))


def _read_font(font: int, fonts: _Fonts) -> tuple[str, float, dict[str, float]]:
    """Read a font's name and descent, and start its table of widths."""
    buffer = ctypes.create_string_buffer(256)
    _font_name(font, buffer, len(buffer))
    descent = c_float()
    _font_descent(font, 1000.0, descent)
    fonts[font] = (buffer.value.decode("latin-1").split("+")[-1], descent.value, {})
    return fonts[font]


def _char_width(style: _Style, char: str) -> float:
    """Look up and remember the advance width of a character in the style's font (text space units).

    PDFium finds the width by the character's code, which it finds back from the Unicode value; for a
    character it cannot find back the width is `_NO_WIDTH`.
    """
    width = c_float()
    found = len(char) == 1 and _glyph_width(style.font_handle, ord(char), 1000.0, width) and width.value > 0
    style.widths[char] = width.value if found else _NO_WIDTH
    return style.widths[char]


# --- rules ------------------------------------------------------------------------------------------


def _page_objects(container: Any, matrix: Matrix | None) -> tuple[list[tuple[Any, Matrix]], int]:  # noqa: ANN401
    """Walk a page's objects once, forms opened up: its paths, and its text objects of no size.

    Returns each path with its matrix to the page frame (`matrix` is the container's; None when a form
    could not be placed, whose paths are then left out), and how many text objects are set at size 0
    ("0 Tf"). PDFium lists none of their characters on the text page, so they cannot be counted one by one:
    each such object counts as one character left out (pdfminer lists them, and the pdfplumber reader counts
    them).
    """
    is_page = isinstance(container, pdfium_c.FPDF_PAGE)
    count = (pdfium_c.FPDFPage_CountObjects if is_page else pdfium_c.FPDFFormObj_CountObjects)(container)
    get_object = pdfium_c.FPDFPage_GetObject if is_page else pdfium_c.FPDFFormObj_GetObject
    paths: list[tuple[Any, Matrix]] = []
    no_size = 0
    size = c_float()
    for index in range(count):
        item = get_object(container, index)
        kind = pdfium_c.FPDFPageObj_GetType(item)
        if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
            no_size += bool(pdfium_c.FPDFTextObj_GetFontSize(item, size)) and size.value == 0
            continue
        if kind not in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM):
            continue
        own, placed = pdfium_c.FS_MATRIX(), None
        if matrix is not None and pdfium_c.FPDFPageObj_GetMatrix(item, own):
            placed = _multiply((own.a, own.b, own.c, own.d, own.e, own.f), matrix)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            form_paths, form_no_size = _page_objects(item, placed)
            paths += form_paths
            no_size += form_no_size
        elif placed is not None:
            paths.append((item, placed))
    return paths, no_size


def _page_rules(paths: list[tuple[Any, Matrix]], frame: _Frame) -> tuple[Rule, ...]:
    """Every horizontal line or thin filled rectangle among a page's paths, top to bottom."""
    rules = []
    for path, matrix in paths:
        for points in _path_subpaths(path, matrix):
            box = _line_or_rectangle(points)
            if box is None:
                continue
            x0, y0, x1, y1 = box
            if y1 - y0 < _RULE_THICKNESS < x1 - x0:
                rules.append(Rule(x0=x0, x1=x1, y=frame.height - y1))
    return tuple(sorted(rules, key=lambda rule: (rule.y, rule.x0)))


def _path_subpaths(path: Any, matrix: Matrix) -> Iterator[list[tuple[float, float]]]:  # noqa: ANN401
    """Split one path object into subpaths at each move, keeping those without curves."""
    points: list[tuple[float, float]] = []
    curved = False
    x, y = c_float(), c_float()
    for index in range(pdfium_c.FPDFPath_CountSegments(path)):
        segment = pdfium_c.FPDFPath_GetPathSegment(path, index)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            if points and not curved:
                yield points
            points, curved = [], False
        curved = curved or kind == pdfium_c.FPDF_SEGMENT_BEZIERTO
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        points.append(_apply(matrix, x.value, y.value))
        if pdfium_c.FPDFPathSegment_GetClose(segment) and points[-1] != points[0]:
            points.append(points[0])
    if points and not curved:
        yield points


def _line_or_rectangle(points: list[tuple[float, float]]) -> tuple[float, float, float, float] | None:
    """Return the box of a subpath that is one line or an upright rectangle, as pdfminer sees them.

    pdfminer (converter.py, paint_path) makes a line of two points and a rectangle of four corners that
    close on the first; anything else is a curve, which is no rule.
    """
    if len(points) == 3 and points[2] == points[0]:  # a line closed back on itself
        points = points[:2]
    if len(points) == 5 and points[4] == points[0]:
        corners = points[:4]
        (x0, y0), (x1, y1), (x2, y2), (x3, y3) = corners
        upright = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (
            y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0
        )
        if not upright:
            return None
    elif len(points) != 2:
        return None
    xs = [point[0] for point in points]
    ys = [point[1] for point in points]
    return min(xs), min(ys), max(xs), max(ys)
