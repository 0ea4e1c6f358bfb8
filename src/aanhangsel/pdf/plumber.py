"""The only module that touches pdfplumber: a PDF file becomes a `PdfDocument` of glyphs and rules.

pdfplumber interprets each page with pdfminer and hands over its layout objects (`Page.layout`); we read
the characters and rules from those objects directly instead of through `Page.chars`, which converts every
character into a dictionary of some 30 attributes first and takes two thirds of the reading time.
Coordinates are pdfminer's, relative to the MediaBox, turned upside down so that y grows down the page.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

import pdfplumber
from pdfminer.layout import LTChar, LTContainer, LTLine, LTRect
from pdfminer.pdfexceptions import PDFException
from pdfminer.psexceptions import PSException
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from aanhangsel.errors import UnreadablePdfError
from aanhangsel.pdf.glyphs import Glyph, Page, PdfDocument, Rule

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from aanhangsel.source import PdfFile

# Everything pdfminer can raise on a damaged, truncated or encrypted file.
_PDF_ERRORS = (PdfminerException, MalformedPDFException, PDFException, PSException, KeyError, ValueError)

# A drawn box this thin is a rule, not a frame (some producers draw rules as filled rectangles).
_RULE_THICKNESS = 1.5


def read_pdf(pdf: PdfFile) -> PdfDocument:
    """Read every page of a PDF as glyphs and horizontal rules.

    Raises:
        UnreadablePdfError: the bytes are not a readable PDF.

    """
    if not pdf.data.lstrip()[:5].startswith(b"%PDF"):
        raise UnreadablePdfError("not a PDF (it does not start with %PDF)")
    try:
        with pdfplumber.open(io.BytesIO(pdf.data)) as document:
            pages = tuple(_read_page(number, page) for number, page in enumerate(document.pages, start=1))
    except _PDF_ERRORS as exc:
        raise UnreadablePdfError(f"damaged or encrypted PDF: {exc or type(exc).__name__}") from exc
    if not pages:
        raise UnreadablePdfError("the PDF has no pages")
    return PdfDocument(file_name=pdf.name, sha256=pdf.sha256, pages=pages)


def _read_page(number: int, page: Any) -> Page:  # noqa: ANN401  (pdfplumber's Page is untyped)
    """Convert one pdfplumber page."""
    height = float(page.height)
    glyphs: list[Glyph] = []
    rules: list[Rule] = []
    for item in _flatten(page.layout):
        if isinstance(item, LTChar):
            if item.upright:
                glyphs.append(_glyph(item, height))
        elif isinstance(item, (LTLine, LTRect)) and item.height < _RULE_THICKNESS < item.width:
            rules.append(Rule(x0=float(item.x0), x1=float(item.x1), y=height - float(item.y1)))
    rules.sort(key=lambda rule: (rule.y, rule.x0))
    return Page(
        number=number, width=float(page.width), height=height, glyphs=tuple(glyphs), rules=tuple(rules)
    )


def _flatten(items: Iterable[Any]) -> Iterator[Any]:
    """Every layout object, figures and other containers opened up (characters are containers too)."""
    for item in items:
        if isinstance(item, LTContainer) and not isinstance(item, LTChar):
            yield from _flatten(item)
        else:
            yield item


def _glyph(char: LTChar, page_height: float) -> Glyph:
    """Convert one character; its baseline comes from the text matrix, not from the glyph box."""
    font = char.fontname.decode("latin-1") if isinstance(char.fontname, bytes) else str(char.fontname)
    return Glyph(
        text=char.get_text(),
        x0=float(char.x0),
        x1=float(char.x1),
        top=page_height - float(char.y1),
        baseline=page_height - float(char.matrix[5]),
        size=float(char.size),
        font=font.split("+")[-1],
    )
