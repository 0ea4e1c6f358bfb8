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
from aanhangsel.pdf.glyphs import Glyph, Page, Rule

if TYPE_CHECKING:
    from collections.abc import Iterator

    from aanhangsel.pdf import OpenPdf
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
    glyphs = tuple(_glyph(char, left, top, height) for char in chars if char["upright"])
    left_out = sum(1 for char in chars if not char["upright"] and not char["text"].isspace())
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
