"""`aanhangsel debug`: pictures of a document's pages with what the parser found drawn on them.

The regions are the parse's own (`regions.analysis_to_regions`); this module gives each kind its colour and
places the captions and the legend (`regions_to_pictures`, pure), has pdfplumber draw them
(`pdf.plumber.draw_pictures`: the only module that touches pdfplumber) and writes one PNG per page.

The record behind the pictures is made by the reader asked for, the default one unless `--reader` says
otherwise: the pictures explain the record that `parse` gives. pdfplumber only renders the page; both
readers place glyphs within a fraction of a point of each other, under a pixel at any usual resolution.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aanhangsel.destination import create_folder, write_atomic
from aanhangsel.errors import UsageError
from aanhangsel.parse import analyse_pdf
from aanhangsel.pdf.pictures import Colour, Mark, Picture
from aanhangsel.regions import Region, RegionKind, analysis_to_regions

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from aanhangsel.options import ParseOptions
    from aanhangsel.source import PdfFile

COLOURS: dict[RegionKind, Colour] = {
    RegionKind.MASTHEAD: (128, 128, 128),
    RegionKind.ID_BLOCK: (160, 100, 40),
    RegionKind.RUNNING_FOOTER: (60, 60, 60),
    RegionKind.PAGE_NUMBER: (255, 215, 0),
    RegionKind.MARGIN_LABEL: (150, 150, 0),
    RegionKind.LABEL: (255, 130, 0),
    RegionKind.NUMBER_LINE: (0, 0, 0),
    RegionKind.INTRO: (40, 90, 230),
    RegionKind.QUESTION: (0, 160, 190),
    RegionKind.ANSWER: (0, 165, 70),
    RegionKind.MEDEDELING: (200, 0, 120),
    RegionKind.FOOTNOTE_ZONE: (255, 170, 210),
    RegionKind.FOOTNOTE: (215, 30, 30),
    RegionKind.MARKER: (255, 0, 0),
    RegionKind.HYPHEN_REMOVED: (0, 210, 255),
    RegionKind.HYPHEN_KEPT: (170, 0, 255),
    RegionKind.LEFT_OUT: (150, 255, 0),
}
"""Each kind's colour in the pictures: parts in bright colours, furniture in greys and browns."""
FILLED = frozenset(
    {
        RegionKind.PAGE_NUMBER,
        RegionKind.MARKER,
        RegionKind.HYPHEN_REMOVED,
        RegionKind.HYPHEN_KEPT,
        RegionKind.LEFT_OUT,
    }
)
"""Tinted rather than outlined: small marks that an outline would hide (a marker, a hyphen), and the
lines no part took, which should stand out."""
# A caption stands this far left of its box, in the gutter between the left column and the text.
CAPTION_GAP = 4.0
# The legend stands in the left column, at the left edge of what is printed there (the masthead, the id
# block), this far below page 1's masthead or the top of the page.
LEGEND_BELOW = 14.0
DEFAULT_RESOLUTION = 100
"""Pixels per inch of the pictures: an A4 page is 827 × 1170 pixels."""


def draw_debug_pictures(  # noqa: PLR0913  (what to draw, how, and where it goes)
    pdf: PdfFile,
    folder: Path,
    stem: str,
    *,
    pages: Sequence[int] = (),
    resolution: int = DEFAULT_RESOLUTION,
    options: ParseOptions | None = None,
) -> list[Path]:
    """Parse a PDF and write a picture of each page (or of `pages`) to `folder`/`stem`-page-N.png.

    Args:
        pdf: the PDF's bytes and name.
        folder: where the pictures go; it is created if missing.
        stem: what the pictures' names start with, usually the PDF's name without its extension.
        pages: the page numbers to draw; every page when empty.
        resolution: pixels per inch.
        options: how to parse; by default `ParseOptions()`.

    Returns:
        The pictures written, in page order.

    Raises:
        UsageError: a page asked for is not in the PDF.
        UnreadablePdfError: the PDF cannot be read or rendered.
        NotAnAanhangselError: the PDF is not an Aanhangsel document.
        OutputError: the folder or a picture cannot be written.

    """
    from aanhangsel.pdf import plumber  # noqa: PLC0415  (pdfplumber and its imaging, for pictures only)

    analysis = analyse_pdf(pdf.data, name=pdf.name, options=options)
    count = analysis.record.source.pages
    missing = [page for page in pages if page > count]
    if missing:
        last = "1 page" if count == 1 else f"{count} pages"
        raise UsageError(f"--page {missing[0]} is not in the PDF, which has {last}")
    pictures = regions_to_pictures(analysis_to_regions(analysis), pages or range(1, count + 1))
    pngs = plumber.draw_pictures(pdf, pictures, resolution)
    create_folder(folder)
    written = []
    for picture, png in zip(pictures, pngs, strict=True):
        path = folder / f"{stem}-page-{picture.page}.png"
        write_atomic(path, png)
        written.append(path)
    return written


def regions_to_pictures(regions: Sequence[Region], pages: Sequence[int]) -> list[Picture]:
    """Give each page its marks (in legend order, the small tinted ones on top), captions and legend."""
    pictures = []
    left = min((region.box.x0 for region in regions), default=0.0)
    for page in pages:
        on_page = sorted(
            (region for region in regions if region.page == page),
            key=lambda region: (region.kind in FILLED, _ORDER[region.kind]),
        )
        kinds = sorted({region.kind for region in on_page}, key=_ORDER.__getitem__)
        above = [region.box.bottom for region in on_page if region.kind is RegionKind.MASTHEAD]
        pictures.append(
            Picture(
                page=page,
                marks=tuple(map(region_to_mark, on_page)),
                legend=tuple((kind.value, COLOURS[kind]) for kind in kinds),
                legend_at=(left, max(above, default=0.0) + LEGEND_BELOW),
            )
        )
    return pictures


_ORDER = {kind: index for index, kind in enumerate(RegionKind)}


def region_to_mark(region: Region) -> Mark:
    """Draw a region in its kind's colour, its label (if any) in the gutter left of it."""
    box = region.box
    return Mark(
        box=(box.x0, box.top, box.x1, box.bottom),
        colour=COLOURS[region.kind],
        filled=region.kind in FILLED,
        caption=region.label,
        caption_right=box.x0 - CAPTION_GAP,
    )
