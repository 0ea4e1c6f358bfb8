"""PDF readers: one module per PDF library, all producing the dataclasses of `glyphs`."""

from aanhangsel.pdf.glyphs import Glyph, Page, PdfDocument, Rule
from aanhangsel.pdf.plumber import read_pdf

__all__ = ["Glyph", "Page", "PdfDocument", "Rule", "read_pdf"]
