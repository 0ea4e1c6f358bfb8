"""What the parser found where on each page: its stages' lines, parts and decisions as boxes with a kind.

Every region comes from the data that made the record (the layout's zoned lines, the sections' parts, the
text stage's hyphen decisions), never from a second reading of the PDF: a picture of them shows why the
record reads as it does. Boxes are in points from the top-left corner of the page, as the readers measure.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from itertools import groupby
from typing import TYPE_CHECKING

from aanhangsel import patterns
from aanhangsel.layout import Zone

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from aanhangsel.layout import Layout, Line
    from aanhangsel.parse import Analysis, PartHyphen
    from aanhangsel.sections import Sections

# How far below the baseline a line's letters reach, in em: glyph boxes end 0.19 em under it in the
# Tweede Kamer's Univers (1.6 pt at 8.5 pt, ah-tk-20232024-1314 p. 1); a little more leaves room.
DESCENT = 0.22
# How far a part's box stands off its lines, in points, so that the outline does not cross the letters.
PAD = 1.5
# The footnote zone's box stands a little further off, around the boxes of its footnotes.
ZONE_PAD = 3.5


class RegionKind(StrEnum):
    """What a region is; the value is its name in the picture's legend. Listed in the legend's order."""

    MASTHEAD = "masthead"
    """Page 1 above the document number: chamber, session, the series title."""
    ID_BLOCK = "id block"
    """The left column's id, ISSN and place and year."""
    RUNNING_FOOTER = "running footer"
    """ "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 1" at the foot of the page."""
    PAGE_NUMBER = "page number"
    """The number that ends the running footer."""
    MARGIN_LABEL = "left-column label"
    """A question or answer label set in the left column, beside its text."""
    LABEL = "label"
    """A heading in the text column: "Vraag 1", "Antwoord 3, 4 en 5", "Mededeling"."""
    NUMBER_LINE = "number line"
    """The bold document number above the intro."""
    INTRO = "intro"
    """The intro sentences: who asked whom about what, and who answered."""
    QUESTION = "question"
    """A question block's lines."""
    ANSWER = "answer"
    """An answer block's lines."""
    MEDEDELING = "mededeling"
    """The lines under the "Mededeling" heading."""
    FOOTNOTE_ZONE = "footnote zone"
    """Below the short rule: every footnote line of the page."""
    FOOTNOTE = "footnote"
    """One footnote's lines on one page."""
    MARKER = "raised marker"
    """A footnote marker raised above its line (a footnote's own number too)."""
    HYPHEN_REMOVED = "hyphen removed"
    """The broken word at a line end whose hyphen the text stage took out ("gecompen-")."""
    HYPHEN_KEPT = "hyphen kept"
    """The word at a line end whose hyphen belongs to it ("GroenLinks-")."""
    LEFT_OUT = "left out"
    """A line that no part took: before the intro, or footnote text without a number."""


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle on the page, in points from its top-left corner."""

    x0: float
    """Left edge."""
    top: float
    """Top edge."""
    x1: float
    """Right edge."""
    bottom: float
    """Bottom edge."""

    def contains(self, other: Box) -> bool:
        """Whether `other` lies inside this box (edges included)."""
        return (
            self.x0 <= other.x0 <= other.x1 <= self.x1
            and self.top <= other.top <= other.bottom <= self.bottom
        )

    def padded(self, pad: float) -> Box:
        """Grow the box by `pad` on every side."""
        return Box(self.x0 - pad, self.top - pad, self.x1 + pad, self.bottom + pad)


@dataclass(frozen=True, slots=True)
class Region:
    """One thing the parser found on one page."""

    page: int
    """1-based page number."""
    box: Box
    """Where it is."""
    kind: RegionKind
    """What it is."""
    label: str
    """What the picture writes beside it ("question 3, 4, 5", "footnote 2"); empty for none."""


def line_box(line: Line) -> Box:
    """Box a printed line: its glyphs' left and right edges, from its top to below its baseline."""
    return Box(line.x0, line.top, line.x1, line.baseline + DESCENT * line.size)


def analysis_to_regions(analysis: Analysis) -> tuple[Region, ...]:
    """Every region of every page: furniture, labels, parts, footnotes, markers and line-end hyphens."""
    layout, sections = analysis.layout, analysis.sections
    regions = [
        *furniture_regions(sections.furniture, layout.body_left),
        *_left_out_regions(layout, sections),
        *_part_regions(sections),
        *_footnote_regions(layout, sections),
        *_marker_regions(layout.lines),
        *_hyphen_regions(analysis.hyphens),
    ]
    return tuple(sorted(regions, key=lambda region: region.page))


def furniture_regions(furniture: Iterable[Line], body_left: float) -> list[Region]:
    """Box the masthead, the left column's id block, the running footer and its page number, line by line."""
    regions = []
    for line in furniture:
        box = line_box(line)
        if line.zone is Zone.MASTHEAD:
            regions.append(Region(line.page, box, RegionKind.MASTHEAD, ""))
        elif line.x1 <= body_left:
            regions.append(Region(line.page, box, RegionKind.ID_BLOCK, ""))
        else:
            regions.append(Region(line.page, box, RegionKind.RUNNING_FOOTER, ""))
            regions += _page_number(line)
    return regions


def _page_number(line: Line) -> list[Region]:
    """Box the page number at the end of a running footer ("… Aanhangsel 3"), if it prints one."""
    last = line.runs[-1]
    if not (patterns.RUNNING_FOOTER.fullmatch(line.text) and last.text.isdecimal()):
        return []
    box = Box(last.x0, line.top, last.x1, line.baseline + DESCENT * line.size)
    return [Region(line.page, box, RegionKind.PAGE_NUMBER, "")]


def _left_out_regions(layout: Layout, sections: Sections) -> list[Region]:
    """Box the lines no part took: the labels and headings the sections stage cut at, and any other.

    Every line of the layout is furniture, the number line, intro, a block's, the mededeling's or a
    footnote's, or none of these. In the text column after the intro those are the headings the blocks
    were cut at; in the left column, labels set beside their text; anywhere else, lines left out.
    """
    taken = {id(line) for line in _taken_lines(sections)}
    intro_start = sections.intro[0] if sections.intro else None
    after_intro = False
    regions = []
    for line in layout.lines:
        after_intro = after_intro or line is intro_start
        if id(line) in taken:
            continue
        if after_intro and line.zone is Zone.MARGIN:
            regions.append(Region(line.page, line_box(line), RegionKind.MARGIN_LABEL, ""))
        elif after_intro and line.zone is Zone.BODY:
            regions.append(Region(line.page, line_box(line), RegionKind.LABEL, ""))
        else:
            regions.append(Region(line.page, line_box(line), RegionKind.LEFT_OUT, "left out"))
    return regions


def _taken_lines(sections: Sections) -> Iterable[Line]:
    """Every line that some part of the document holds."""
    yield from sections.furniture
    if sections.number_line is not None:
        yield sections.number_line
    yield from sections.intro
    for block in sections.blocks:
        yield from block.lines
    yield from sections.mededeling or ()
    for footnote in sections.footnotes:
        yield from footnote.lines


def _part_regions(sections: Sections) -> list[Region]:
    """Box the number line, the intro, each question and answer block, and the mededeling, page by page."""
    regions = []
    if sections.number_line is not None:
        line = sections.number_line
        regions.append(Region(line.page, line_box(line).padded(PAD), RegionKind.NUMBER_LINE, "number"))
    regions += lines_to_regions(sections.intro, RegionKind.INTRO, "intro")
    for block in sections.blocks:
        kind = RegionKind.QUESTION if block.kind == "question" else RegionKind.ANSWER
        regions += lines_to_regions(block.lines, kind, f"{block.kind} {', '.join(map(str, block.numbers))}")
    regions += lines_to_regions(sections.mededeling or (), RegionKind.MEDEDELING, "mededeling")
    return regions


def _footnote_regions(layout: Layout, sections: Sections) -> list[Region]:
    """Box each page's footnote zone, around every line in it, and each footnote on each of its pages."""
    zone_lines = [line for line in layout.lines if line.zone is Zone.FOOTNOTES]
    regions = lines_to_regions(zone_lines, RegionKind.FOOTNOTE_ZONE, "", pad=ZONE_PAD)
    for footnote in sections.footnotes:
        regions += lines_to_regions(footnote.lines, RegionKind.FOOTNOTE, f"footnote {footnote.number}")
    return regions


def lines_to_regions(lines: Sequence[Line], kind: RegionKind, label: str, pad: float = PAD) -> list[Region]:
    """One region per page around the given lines: a part that runs on over a page break has two."""
    regions = []
    for page, on_page in groupby(lines, key=lambda line: line.page):
        boxes = [line_box(line) for line in on_page]
        around = Box(
            min(box.x0 for box in boxes),
            min(box.top for box in boxes),
            max(box.x1 for box in boxes),
            max(box.bottom for box in boxes),
        )
        regions.append(Region(page, around.padded(pad), kind, label))
    return regions


def _marker_regions(lines: Iterable[Line]) -> list[Region]:
    """Box each raised footnote marker: its width on its line, from the line's top to its baseline."""
    return [
        Region(line.page, Box(run.x0, line.top, run.x1, line.baseline), RegionKind.MARKER, "")
        for line in lines
        if line.zone in {Zone.BODY, Zone.FOOTNOTES}
        for run in line.runs
        if run.is_marker
    ]


def _hyphen_regions(hyphens: Iterable[PartHyphen]) -> list[Region]:
    """Box the broken word at each line end with a hyphen, marked removed or kept."""
    regions = []
    for hyphen in hyphens:
        line = hyphen.decision.line
        if line is None:
            continue
        word = next((run for run in reversed(line.runs) if not run.is_marker), line.runs[-1])
        box = Box(word.x0, line.top, word.x1, line.baseline + DESCENT * line.size)
        kind = RegionKind.HYPHEN_KEPT if hyphen.decision.kept else RegionKind.HYPHEN_REMOVED
        regions.append(Region(line.page, box, kind, ""))
    return regions
