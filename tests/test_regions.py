"""The regions that `debug` draws, checked on their data, not on pixels: every line the parser read is in a
region of what it became, and every decision it made (markers, hyphens) is marked where it was made."""

from __future__ import annotations

import pytest

from aanhangsel.debug import COLOURS, regions_to_pictures
from aanhangsel.layout import Zone
from aanhangsel.parse import analyse_pdf
from aanhangsel.regions import (
    Box,
    Region,
    RegionKind,
    analysis_to_regions,
    furniture_regions,
    line_box,
    lines_to_regions,
)
from builders import LEFT, MARGIN_LEFT, make_line, text_line, word_runs
from conftest import FIXTURES

ALL_PDFS = sorted(FIXTURES.glob("*.pdf"))


@pytest.fixture(scope="module", params=ALL_PDFS, ids=[pdf.stem for pdf in ALL_PDFS])
def analysed(request):
    analysis = analyse_pdf(request.param)
    return analysis, analysis_to_regions(analysis)


def covered(regions, line, *kinds):
    """Whether a region of one of `kinds` on the line's page holds the whole line."""
    box = line_box(line)
    return any(r.page == line.page and r.kind in kinds and r.box.contains(box) for r in regions)


def test_every_line_of_every_block_is_in_its_block_region(analysed):
    analysis, regions = analysed
    for block in analysis.sections.blocks:
        kind = RegionKind.QUESTION if block.kind == "question" else RegionKind.ANSWER
        label = f"{block.kind} {', '.join(map(str, block.numbers))}"
        mine = [region for region in regions if region.label == label]
        for line in block.lines:
            assert covered(mine, line, kind), (label, line.text)


def test_every_footnote_line_is_in_its_footnote_and_its_page_footnote_zone(analysed):
    analysis, regions = analysed
    for footnote in analysis.sections.footnotes:
        mine = [region for region in regions if region.label == f"footnote {footnote.number}"]
        for line in footnote.lines:
            assert covered(mine, line, RegionKind.FOOTNOTE), (footnote.number, line.text)
            assert covered(regions, line, RegionKind.FOOTNOTE_ZONE)


def test_every_line_the_parser_read_is_in_some_region(analysed):
    analysis, regions = analysed
    small = {RegionKind.MARKER, RegionKind.HYPHEN_KEPT, RegionKind.HYPHEN_REMOVED, RegionKind.PAGE_NUMBER}
    for line in analysis.layout.lines:
        assert covered(regions, line, *(set(RegionKind) - small)), line.text


def test_the_intro_the_number_line_and_the_mededeling_have_their_regions(analysed):
    analysis, regions = analysed
    sections = analysis.sections
    for line in sections.intro:
        assert covered(regions, line, RegionKind.INTRO)
    if sections.number_line is not None:
        assert covered(regions, sections.number_line, RegionKind.NUMBER_LINE)
    for line in sections.mededeling or ():
        assert covered(regions, line, RegionKind.MEDEDELING)


def test_every_hyphen_decision_is_marked_on_the_line_that_ends_in_it(analysed):
    analysis, regions = analysed
    marks = [
        region for region in regions if region.kind in {RegionKind.HYPHEN_KEPT, RegionKind.HYPHEN_REMOVED}
    ]
    assert len(marks) == len(analysis.hyphens)
    for hyphen in analysis.hyphens:
        line = hyphen.decision.line
        kind = RegionKind.HYPHEN_KEPT if hyphen.decision.kept else RegionKind.HYPHEN_REMOVED
        # The word at the end of the line: the mark ends where the line does, inside the line's box.
        assert [
            mark
            for mark in marks
            if mark.page == line.page
            and mark.kind is kind
            and line_box(line).contains(mark.box)
            and abs(mark.box.x1 - line.x1) < 0.01
        ], hyphen


def test_every_footnote_marker_is_marked(analysed):
    analysis, regions = analysed
    marks = [(r.page, r.box.x0, r.box.x1) for r in regions if r.kind is RegionKind.MARKER]
    runs = [
        (line.page, run.x0, run.x1)
        for line in analysis.layout.lines
        if line.zone in {Zone.BODY, Zone.FOOTNOTES}
        for run in line.runs
        if run.is_marker
    ]
    assert sorted(marks) == sorted(runs)
    assert bool(marks) == bool(analysis.record.footnotes)


def test_the_labels_the_blocks_were_cut_at_are_marked(analysed):
    analysis, regions = analysed
    labels = [region for region in regions if region.kind in {RegionKind.LABEL, RegionKind.MARGIN_LABEL}]
    headings = len(analysis.sections.blocks) + (analysis.sections.mededeling is not None)
    assert len(labels) >= headings
    assert not [region for region in regions if region.kind is RegionKind.LEFT_OUT]


# --- on hand-built lines ----------------------------------------------------------------------------


def footer(text, page=1):
    return make_line(word_runs(text, LEFT), page=page, baseline=770.0, zone=Zone.FOOTER)


def test_furniture_is_the_masthead_the_id_block_the_running_footer_and_its_page_number():
    masthead = make_line(word_runs("Tweede Kamer der Staten-Generaal", MARGIN_LEFT), baseline=80.0)
    masthead = make_line(list(masthead.runs), baseline=80.0, zone=Zone.MASTHEAD)
    id_block = make_line(word_runs("ah-tk-20232024-1314", MARGIN_LEFT), baseline=760.0, zone=Zone.FOOTER)
    running = footer("Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 3", page=3)
    regions = furniture_regions([masthead, id_block, running], body_left=LEFT)
    assert [(region.page, region.kind) for region in regions] == [
        (1, RegionKind.MASTHEAD),
        (1, RegionKind.ID_BLOCK),
        (3, RegionKind.RUNNING_FOOTER),
        (3, RegionKind.PAGE_NUMBER),
    ]
    number = regions[-1].box
    assert (number.x0, number.x1) == (running.runs[-1].x0, running.runs[-1].x1)


def test_a_running_footer_without_a_number_has_no_page_number():
    regions = furniture_regions([footer("Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel")], body_left=LEFT)
    assert [region.kind for region in regions] == [RegionKind.RUNNING_FOOTER]


def test_a_part_over_a_page_break_has_a_region_on_each_page():
    lines = [
        text_line("Het kabinet verwacht ook van Nederlandse bedrijven dat zij", page=1),
        text_line("deze werkwijze toepassen.", page=2),
    ]
    regions = lines_to_regions(lines, RegionKind.ANSWER, "answer 2", pad=0.0)
    assert [(region.page, region.box) for region in regions] == [
        (1, line_box(lines[0])),
        (2, line_box(lines[1])),
    ]


def test_pictures_have_a_legend_of_the_kinds_on_their_page_in_order():
    regions = [
        Region(1, Box(230, 700, 240, 710), RegionKind.MARKER, ""),
        Region(1, Box(221, 400, 540, 500), RegionKind.QUESTION, "question 1"),
        Region(2, Box(221, 100, 540, 200), RegionKind.ANSWER, "answer 1"),
    ]
    first, second = regions_to_pictures(regions, [1, 2])
    assert first.legend == (
        ("question", COLOURS[RegionKind.QUESTION]),
        ("raised marker", COLOURS[RegionKind.MARKER]),
    )
    assert [mark.caption for mark in first.marks] == ["question 1", ""]  # the small tinted marks on top
    assert [mark.filled for mark in first.marks] == [False, True]
    assert first.marks[0].caption_right < 221
    assert second.legend == (("answer", COLOURS[RegionKind.ANSWER]),)


def test_every_kind_has_a_colour_of_its_own():
    assert set(COLOURS) == set(RegionKind)
    assert len(set(COLOURS.values())) == len(COLOURS)
