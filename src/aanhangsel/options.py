"""How to parse, decided once by the caller and passed down; library code never sees a command-line flag."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ParseOptions:
    """Choices for parsing one PDF."""

    reader: str = "pypdfium2"
    """Which PDF library reads the glyphs (`aanhangsel.pdf.READERS`): "pypdfium2", fast, or "pdfplumber", the
    reference; both give the same records."""
    max_pages: int = 500
    """Refuse a PDF with more pages (`--max-pages`), once its first page has been read and found to hold
    text. The longest Aanhangsel runs to a few dozen pages: a file of thousands is something else, and would
    take minutes."""
