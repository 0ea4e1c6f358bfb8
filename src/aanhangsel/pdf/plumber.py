"""The only module that touches pdfplumber: a PDF file becomes `Page`s of glyphs and rules, one at a time.

The reference reader: slower than the PDFium reader, but pdfminer interprets every operator itself, logs
what it finds damaged, and pdfplumber draws the page pictures. It reads pdfplumber's own objects
(`Page.chars`, `Page.lines`, `Page.rects`), with pdfplumber's page boxes and rotation. pdfplumber measures
from the MediaBox's corner in the PDF's user space; we measure from the page's top-left corner, as
pdfplumber's page pictures do (`PageImage` subtracts `Page.bbox`), so both readers give the same numbers.
"""

from __future__ import annotations

import io
import logging
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfexceptions import PDFException
from pdfminer.psexceptions import PSException
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from aanhangsel.errors import UnreadablePdfError
from aanhangsel.pdf.glyphs import Glyph, Page, Rule, shown

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from aanhangsel.pdf import OpenPdf
    from aanhangsel.pdf.pictures import Mark, Picture
    from aanhangsel.source import PdfFile

# Everything pdfminer raises on a damaged or truncated file (pdfplumber wraps it in PdfminerException).
_PDF_ERRORS = (PdfminerException, MalformedPDFException, PDFException, PSException, KeyError, ValueError)
# What pdfplumber raises building a page whose MediaBox, CropBox or /Rotate it cannot read: no MediaBox
# (TypeError), a box of three numbers (IndexError), /Rotate as a name (TypeError) (pdfplumber/page.py).
_PAGE_BOX_ERRORS = (TypeError, IndexError, MalformedPDFException)

# A drawn box this thin is a rule, not a frame (some producers draw rules as filled rectangles).
_RULE_THICKNESS = 1.5
# A damaged file can make pdfminer log the same complaint for every character: keep the first few.
_MOST_DAMAGE_WARNINGS = 5


@contextmanager
def open_pdf(pdf: PdfFile) -> Iterator[OpenPdf]:
    """Open a PDF with pdfplumber, to be read a page at a time; pdfminer's complaints become warnings.

    Raises:
        UnreadablePdfError: the bytes are not a readable PDF, or a page's box cannot be read.

    """
    with _pdfminer_log() as complaints:
        try:
            document = pdfplumber.open(io.BytesIO(pdf.data))
        except _PDF_ERRORS as exc:
            raise UnreadablePdfError(_reason(exc)) from exc
        yield _Opened(_pages(document), complaints)
        # Closed by hand, not by `with`, and only after a good read: pdfplumber's close() builds every page
        # again, and raises once more on the page box that stopped us.
        document.close()


@dataclass(frozen=True, slots=True)
class _Opened:
    """A PDF that pdfplumber has open."""

    pages: list[Any]
    """pdfplumber's pages, their boxes read, their content not yet."""
    complaints: list[str]
    """What pdfminer has logged so far."""

    @property
    def page_count(self) -> int:
        """How many pages the PDF has."""
        return len(self.pages)

    def read_page(self, index: int) -> Page:
        """Read one page."""
        try:
            return _read_page(self.pages[index])
        except _PDF_ERRORS as exc:
            raise UnreadablePdfError(_reason(exc)) from exc

    def warnings(self) -> tuple[str, ...]:
        """Say what pdfminer found damaged."""
        return _damage_warnings(self.complaints)


def _pages(document: Any) -> list[Any]:  # noqa: ANN401  (pdfplumber is untyped)
    """List the document's pages; pdfplumber reads their boxes as it builds them."""
    try:
        return list(document.pages)
    except _PAGE_BOX_ERRORS as exc:
        raise UnreadablePdfError("damaged PDF: a page's MediaBox, CropBox or /Rotate cannot be read") from exc
    except _PDF_ERRORS as exc:
        raise UnreadablePdfError(_reason(exc)) from exc


def _reason(exc: Exception) -> str:
    """Say in words why pdfminer could not read a file."""
    cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
    if isinstance(cause, PDFPasswordIncorrect):
        return "encrypted PDF (a password is needed)"
    if isinstance(cause, PDFEncryptionError):
        return f"encrypted PDF (its encryption is not supported: {cause})"
    return f"damaged PDF: {_plain(str(cause)) or type(cause).__name__}"


def _read_page(page: Any) -> Page:  # noqa: ANN401  (pdfplumber's Page is untyped)
    """Convert one pdfplumber page, measured from its top-left corner, and let go of its objects."""
    left, top = float(page.bbox[0]), float(page.bbox[1])
    height = float(page.height)
    chars = page.chars
    # pdfminer hands on glyphs of no size or placed nowhere when a damaged file asks for them.
    glyphs, hidden = shown(tuple(_glyph(char, left, top, height) for char in chars if char["upright"]))
    left_out = hidden + sum(1 for char in chars if not char["upright"] and not char["text"].isspace())
    rules = sorted(
        (
            Rule(x0=float(item["x0"]) - left, x1=float(item["x1"]) - left, y=float(item["top"]) - top)
            for item in (*page.lines, *page.rects)
            if item["height"] < _RULE_THICKNESS < item["width"]
        ),
        key=lambda rule: (rule.y, rule.x0),
    )
    number, width = int(page.page_number), float(page.width)
    page.close()
    return Page(
        number=number, width=width, height=height, glyphs=glyphs, rules=tuple(rules), left_out=left_out
    )


def _glyph(char: dict[str, Any], left: float, top: float, height: float) -> Glyph:
    """Convert one pdfplumber character; its baseline comes from the text matrix, not from the glyph box."""
    return Glyph(
        text=char["text"],
        x0=float(char["x0"]) - left,
        x1=float(char["x1"]) - left,
        top=float(char["top"]) - top,
        baseline=height - float(char["matrix"][5]),
        size=float(char["size"]),
        font=str(char["fontname"]).split("+")[-1],
    )


@contextmanager
def _pdfminer_log() -> Iterator[list[str]]:
    """Collect what pdfminer logs while reading, instead of letting it reach stderr."""
    complaints: list[str] = []
    handler = _Collector(complaints)
    logger = logging.getLogger("pdfminer")
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield complaints
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


class _Collector(logging.Handler):
    """A logging handler that keeps each warning's message."""

    def __init__(self, messages: list[str]) -> None:
        """Keep messages of level WARNING and above in `messages`."""
        super().__init__(level=logging.WARNING)
        self.messages = messages

    def emit(self, record: logging.LogRecord) -> None:
        """Keep the message."""
        self.messages.append(record.getMessage())


def _damage_warnings(complaints: list[str]) -> tuple[str, ...]:
    """Say once each what pdfminer found damaged, the first few in full and how many more."""
    unique = list(dict.fromkeys(_plain(complaint) for complaint in complaints))
    shown = unique[:_MOST_DAMAGE_WARNINGS]
    warnings = [f"the PDF's structure is damaged: {complaint}" for complaint in shown]
    if len(unique) > _MOST_DAMAGE_WARNINGS:
        warnings.append(f"the PDF's structure is damaged in {len(unique) - _MOST_DAMAGE_WARNINGS} more ways")
    return tuple(warnings)


def _plain(message: str, limit: int = 120) -> str:
    """One printable line of at most `limit` characters (pdfminer quotes raw bytes from the file)."""
    line = " ".join("".join(char if char.isprintable() else " " for char in message).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


# --- page pictures ---------------------------------------------------------------------------------

# Sizes in the picture, in points: they grow with the resolution, as the page does.
_CAPTION_SIZE = 7.0
_LEGEND_SIZE = 7.5
_OUTLINE = 0.8
# How strongly a filled mark tints the page under it (of 255), and how much of the page shows through
# the legend's background.
_TINT = 90
_LEGEND_BACKGROUND = (255, 255, 255, 225)
# The MediaBox outside the CropBox: there, but not shown by a viewer.
_OUTSIDE_CROPBOX = (225, 225, 225)


def draw_pictures(pdf: PdfFile, pictures: Sequence[Picture], resolution: int) -> list[bytes]:
    """Draw each picture on its page as pdfplumber renders it (`Page.to_image`); one PNG per picture.

    Our boxes are measured from the page's top-left corner; pdfplumber draws in its own page coordinates,
    from the MediaBox's corner in user space, so each box gets `Page.bbox`'s corner back before drawing.

    Raises:
        UnreadablePdfError: the bytes are not a readable PDF, or a page cannot be rendered.

    """
    with _pdfminer_log():
        try:
            document = pdfplumber.open(io.BytesIO(pdf.data))
            pages = _pages(document)
            pngs = [_draw(pages[picture.page - 1], picture, resolution) for picture in pictures]
        except _PDF_ERRORS as exc:
            raise UnreadablePdfError(_reason(exc)) from exc
        document.close()
    return pngs


def _draw(page: Any, picture: Picture, resolution: int) -> bytes:  # noqa: ANN401  (pdfplumber is untyped)
    """Render one page, draw its marks, captions and legend, and give the PNG's bytes."""
    from PIL import ImageFont  # noqa: PLC0415  (pdfplumber's imaging library, needed for pictures only)

    image = page.to_image(resolution=resolution, antialias=True, force_mediabox=True)
    _shade_outside_cropbox(image, page)
    scale = resolution / 72
    caption_font = ImageFont.load_default(size=round(_CAPTION_SIZE * scale))
    corner = (float(page.bbox[0]), float(page.bbox[1]))
    for mark in picture.marks:
        _draw_mark(image, mark, corner, caption_font, stroke_width=max(1, round(_OUTLINE * scale)))
    legend_at = _to_pixels(image, (picture.legend_at[0] + corner[0], picture.legend_at[1] + corner[1]))
    _draw_legend(image, picture, legend_at, ImageFont.load_default(size=round(_LEGEND_SIZE * scale)))
    page.close()
    png = io.BytesIO()
    image.save(png, format="PNG", optimize=True)
    return png.getvalue()


def _draw_mark(
    image: Any,  # noqa: ANN401  (a PageImage)
    mark: Mark,
    corner: tuple[float, float],
    font: Any,  # noqa: ANN401  (a PIL font)
    stroke_width: int,
) -> None:
    """Draw one box, outlined or tinted, with its caption ending left of it; `corner` is `Page.bbox`'s."""
    x0, top, x1, bottom = mark.box
    box = (x0 + corner[0], top + corner[1], x1 + corner[0], bottom + corner[1])
    fill = (*mark.colour, _TINT) if mark.filled else (0, 0, 0, 0)
    image.draw_rect(box, fill=fill, stroke=mark.colour, stroke_width=stroke_width)
    if mark.caption:
        at = _to_pixels(image, (mark.caption_right + corner[0], box[1]))
        image.draw.text(at, mark.caption, fill=mark.colour, font=font, anchor="ra")


def _shade_outside_cropbox(image: Any, page: Any) -> None:  # noqa: ANN401  (pdfplumber is untyped)
    """Paint the MediaBox outside the CropBox pale grey, where pdfplumber leaves it black.

    The picture shows the whole MediaBox, the frame the readers measure in; PDFium renders only the CropBox,
    what a viewer shows, and pdfplumber pads the rest with black.
    """
    width, height = image.annotated.size
    x0, top = _to_pixels(image, (float(page.cropbox[0]), float(page.cropbox[1])))
    x1, bottom = _to_pixels(image, (float(page.cropbox[2]), float(page.cropbox[3])))
    strips = ((0, 0, width, top), (0, bottom, width, height), (0, top, x0, bottom), (x1, top, width, bottom))
    for left, upper, right, lower in strips:
        if right > left and lower > upper:
            image.draw.rectangle((left, upper, right - 1, lower - 1), fill=_OUTSIDE_CROPBOX)


def _to_pixels(image: Any, point: tuple[float, float]) -> tuple[int, int]:  # noqa: ANN401  (a PageImage)
    """Where a point of pdfplumber's page coordinates falls in the picture, as `PageImage` places it."""
    return (
        int((point[0] - float(image.bbox[0])) * image.scale),
        int((point[1] - float(image.bbox[1])) * image.scale),
    )


def _draw_legend(image: Any, picture: Picture, at: tuple[int, int], font: Any) -> None:  # noqa: ANN401
    """Write the legend, a swatch and a name a line, on a pale background, from `at` (its top-left)."""
    if not picture.legend:
        return
    swatch = round(font.size)
    step = round(font.size * 1.4)
    width = swatch * 2 + max(round(image.draw.textlength(name, font=font)) for name, _ in picture.legend)
    x, y = at
    image.draw.rectangle(
        (x, y, x + width + step, y + step * len(picture.legend) + step // 2), fill=_LEGEND_BACKGROUND
    )
    for row, (name, colour) in enumerate(picture.legend):
        top = y + step // 2 + row * step
        image.draw.rectangle((x + step // 2, top, x + step // 2 + swatch, top + swatch), fill=colour)
        image.draw.text((x + step // 2 + swatch * 3 // 2, top), name, fill=(0, 0, 0), font=font)
