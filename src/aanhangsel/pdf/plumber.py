"""The only module that touches pdfplumber: a PDF file becomes a `PdfDocument` of glyphs and rules."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

import pdfplumber
from pdfminer.pdfexceptions import PDFException
from pdfminer.psexceptions import PSException
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from aanhangsel.errors import InputNotFoundError, UnreadablePdfError
from aanhangsel.pdf.glyphs import Glyph, Page, PdfDocument, Rule

if TYPE_CHECKING:
    from pathlib import Path

# Everything pdfminer can raise on a damaged, truncated or encrypted file.
_PDF_ERRORS = (PdfminerException, MalformedPDFException, PDFException, PSException, KeyError, ValueError)

# A drawn box this thin is a rule, not a frame (some producers draw rules as filled rectangles).
_RULE_THICKNESS = 1.5


def read_pdf(path: Path) -> PdfDocument:
    """Read every page of the PDF at `path` as glyphs and horizontal rules.

    Raises:
        InputNotFoundError: `path` is missing or not a file.
        UnreadablePdfError: the bytes are not a readable PDF.

    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputNotFoundError((exc.strerror or str(exc)).lower()) from exc
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise UnreadablePdfError("not a PDF (it does not start with %PDF)")
    try:
        with pdfplumber.open(path) as pdf:
            pages = tuple(_read_page(number, page) for number, page in enumerate(pdf.pages, start=1))
    except _PDF_ERRORS as exc:
        raise UnreadablePdfError(f"damaged or encrypted PDF: {exc or type(exc).__name__}") from exc
    if not pages:
        raise UnreadablePdfError("the PDF has no pages")
    return PdfDocument(file_name=path.name, sha256=hashlib.sha256(data).hexdigest(), pages=pages)


def _read_page(number: int, page: Any) -> Page:  # noqa: ANN401  (pdfplumber's Page is untyped)
    """Convert one pdfplumber page."""
    height = float(page.height)
    glyphs = tuple(_glyph(char, height) for char in page.chars if char.get("upright", True))
    rules = [Rule(x0=float(line["x0"]), x1=float(line["x1"]), y=float(line["top"])) for line in page.lines]
    rules += [
        Rule(x0=float(rect["x0"]), x1=float(rect["x1"]), y=float(rect["top"]))
        for rect in page.rects
        if float(rect["height"]) < _RULE_THICKNESS
    ]
    rules.sort(key=lambda rule: (rule.y, rule.x0))
    return Page(number=number, width=float(page.width), height=height, glyphs=glyphs, rules=tuple(rules))


def _glyph(char: dict[str, Any], page_height: float) -> Glyph:
    """Convert one pdfplumber char; the baseline comes from the text matrix, not the glyph box."""
    matrix = char.get("matrix")
    baseline = page_height - float(matrix[5]) if matrix else float(char["bottom"])
    return Glyph(
        text=str(char["text"]),
        x0=float(char["x0"]),
        x1=float(char["x1"]),
        top=float(char["top"]),
        baseline=baseline,
        size=float(char["size"]),
        font=str(char["fontname"]).split("+")[-1],
    )
