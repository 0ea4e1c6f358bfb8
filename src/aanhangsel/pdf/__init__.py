"""PDF readers: one module per PDF library, all producing the dataclasses of `glyphs`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aanhangsel.pdf.glyphs import Glyph, Page, PdfDocument, Rule

if TYPE_CHECKING:
    from aanhangsel.source import PdfFile

READERS = ("pdfplumber",)
"""The PDF libraries a document can be read with."""


def read_pdf(pdf: PdfFile, reader: str = "pdfplumber") -> PdfDocument:
    """Read a PDF with the named reader; its library is imported only now (a fast start-up).

    Raises:
        UnreadablePdfError: the bytes are not a readable PDF.

    """
    if reader not in READERS:
        message = f"unknown reader {reader!r}; choose one of {', '.join(READERS)}"
        raise ValueError(message)
    from aanhangsel.pdf import plumber  # noqa: PLC0415  (imported on first use)

    return plumber.read_pdf(pdf)


__all__ = ["READERS", "Glyph", "Page", "PdfDocument", "Rule", "read_pdf"]
