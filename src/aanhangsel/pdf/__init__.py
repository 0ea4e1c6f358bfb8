"""PDF readers: one module per PDF library, all producing the dataclasses of `glyphs`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aanhangsel.errors import UnreadablePdfError
from aanhangsel.pdf.glyphs import Glyph, Page, PdfDocument, Rule, font_style, has_text
from aanhangsel.source import looks_like_pdf

if TYPE_CHECKING:
    from aanhangsel.source import PdfFile

READERS = ("pypdfium2", "pdfplumber")
"""The PDF libraries a document can be read with: pypdfium2 (PDFium, fast) and pdfplumber (pdfminer, the
reference, and what page pictures are drawn with). Both give the same records."""


def read_pdf(pdf: PdfFile, reader: str) -> PdfDocument:
    """Read a PDF with the named reader; its library is imported only now (a fast start-up).

    Raises:
        UnreadablePdfError: the bytes are not a readable PDF.

    """
    if reader not in READERS:
        message = f"unknown reader {reader!r}; choose one of {', '.join(READERS)}"
        raise ValueError(message)
    _check_header(pdf.data)
    if reader == "pdfplumber":
        from aanhangsel.pdf import plumber  # noqa: PLC0415  (imported on first use)

        document = plumber.read_pdf(pdf)
    else:
        from aanhangsel.pdf import pdfium  # noqa: PLC0415  (imported on first use)

        document = pdfium.read_pdf(pdf)
    if not document.pages:
        raise UnreadablePdfError("the PDF has no pages")
    return document


def _check_header(data: bytes) -> None:
    """Turn away what is no PDF at all before any PDF library sees it."""
    if not data:
        raise UnreadablePdfError("the file is empty")
    if not looks_like_pdf(data):
        raise UnreadablePdfError("not a PDF (it does not start with %PDF)")


__all__ = ["READERS", "Glyph", "Page", "PdfDocument", "Rule", "font_style", "has_text", "read_pdf"]
