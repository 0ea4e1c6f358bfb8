"""PDF readers: one module per PDF library, all producing the dataclasses of `glyphs`.

Each reader opens a PDF and reads it a page at a time (`OpenPdf`), so page 1 is read and checked before
the rest: a scan, or a file of 50,000 blank pages, is refused after one page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from aanhangsel.errors import PageLimitError, UnreadablePdfError
from aanhangsel.pdf.glyphs import MIN_SIZE, Glyph, Page, PdfDocument, Rule, font_style, has_text
from aanhangsel.source import looks_like_pdf

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from aanhangsel.source import PdfFile

READERS = ("pypdfium2", "pdfplumber")
"""The PDF libraries a document can be read with: pypdfium2 (PDFium, fast) and pdfplumber (pdfminer, the
reference, and what page pictures are drawn with). Both give the same records."""


class OpenPdf(Protocol):
    """A PDF opened by one reader, read a page at a time."""

    @property
    def page_count(self) -> int:
        """How many pages the PDF has."""
        ...

    def read_page(self, index: int) -> Page:
        """Read one page (0-based `index`): the glyphs it shows, and how many more it draws unreadably.

        Only glyphs the page shows are handed on: of a size (`MIN_SIZE` or more) and placed (coordinates
        that are numbers). Those left out, and those turned sideways, count in `Page.left_out` when they are
        more than white space.

        Raises:
            UnreadablePdfError: the page cannot be read.

        """
        ...

    def warnings(self) -> tuple[str, ...]:
        """Say what the reader noticed so far: damage to the PDF's structure that it read around."""
        ...


def read_pdf(pdf: PdfFile, reader: str, *, max_pages: int | None = None) -> PdfDocument:
    """Read a PDF with the named reader, page 1 first; its library is imported only now (a fast start-up).

    Raises:
        UnreadablePdfError: the bytes are not a readable PDF, or page 1 has no text (a scan).
        PageLimitError: the PDF has more than `max_pages` pages.

    """
    with open_pdf(pdf, reader) as opened:
        count = opened.page_count
        if count == 0:
            raise UnreadablePdfError("the PDF has no pages")
        first = opened.read_page(0)
        _check_first_page(first)
        if max_pages is not None and count > max_pages:
            raise PageLimitError(f"{count} pages, more than {max_pages} (raise --max-pages)")
        pages = (first, *(opened.read_page(index) for index in range(1, count)))
        warnings = opened.warnings()
    return PdfDocument(
        file_name=pdf.name, sha256=pdf.sha256, pages=pages, warnings=(*warnings, *_left_out(pages))
    )


def open_pdf(pdf: PdfFile, reader: str) -> AbstractContextManager[OpenPdf]:
    """Open a PDF with the named reader's library, to read it a page at a time (`read_pdf` reads it whole).

    Raises:
        UnreadablePdfError: the PDF cannot be opened.

    """
    if reader not in READERS:
        message = f"unknown reader {reader!r}; choose one of {', '.join(READERS)}"
        raise ValueError(message)
    _check_header(pdf.data)
    if reader == "pdfplumber":
        from aanhangsel.pdf import plumber  # noqa: PLC0415  (imported on first use)

        return plumber.open_pdf(pdf)
    from aanhangsel.pdf import pdfium  # noqa: PLC0415  (imported on first use)

    return pdfium.open_pdf(pdf)


def _check_header(data: bytes) -> None:
    """Turn away what is no PDF at all before any PDF library sees it."""
    if not data:
        raise UnreadablePdfError("the file is empty")
    if not looks_like_pdf(data):
        raise UnreadablePdfError("not a PDF (it does not start with %PDF)")


def _check_first_page(page: Page) -> None:
    """Refuse a PDF whose first page holds no text to read: a scan, or text all turned sideways."""
    if has_text(page.glyphs):
        return
    if page.left_out:
        raise UnreadablePdfError(
            "page 1 has no upright text (its characters are turned sideways or of no size)"
        )
    raise UnreadablePdfError("page 1 has no text layer (a scan? run OCR first, e.g. ocrmypdf)")


def _left_out(pages: tuple[Page, ...]) -> list[str]:
    """Say which pages drew characters that could not be read as upright text.

    How many is not said: PDFium lists no character of a text object set at size 0 (each such object counts
    as one) and fewer than pdfminer of one whose matrix is all zeros, so the readers' counts differ there.
    """
    return [
        f"page {page.number}: characters turned sideways, or of no size, could not be read and were left out"
        for page in pages
        if page.left_out
    ]


__all__ = [
    "MIN_SIZE",
    "READERS",
    "Glyph",
    "OpenPdf",
    "Page",
    "PdfDocument",
    "Rule",
    "font_style",
    "has_text",
    "open_pdf",
    "read_pdf",
]
