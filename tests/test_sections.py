"""Lines become the parts of a document: labels and their numbers, blocks, footnotes, the furniture's
identity, and what a page lacks. Hand-built lines (tests/builders.py), no PDF."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aanhangsel import patterns
from aanhangsel.errors import NotAnAanhangselError
from aanhangsel.identity import furniture_to_identity
from aanhangsel.layout import Layout, Line, Run, Zone
from aanhangsel.sections import (
    MAX_QUESTION_NUMBER,
    _cut_blocks,
    _group_footnotes,
    label_numbers,
    layout_to_sections,
    read_label,
)
from builders import footnote_continuation, footnote_line, run, text_line, word_runs
from builders import make_line as make_body_line

BODY_SIZE = 8.5
NUMBER_SIZE = 12.8
CHAR_WIDTH = 4.5
SPACE = 2.4


def make_line(text, *, page=1, zone=Zone.FOOTER, bold=False, size=BODY_SIZE):
    """One printed line: a run per word, set left to right."""
    runs = []
    x = 0.0
    for index, word in enumerate(text.split(" ")):
        width = CHAR_WIDTH * len(word)
        runs.append(
            Run(text=word, x0=x, x1=x + width, bold=bold, italic=False, raised=False, space_before=index > 0)
        )
        x += width + SPACE
    return Line(
        page=page, baseline=20.0, top=12.0, x0=0.0, x1=runs[-1].x1, size=size, runs=tuple(runs), zone=zone
    )


def number_line(text):
    return make_line(text, zone=Zone.BODY, bold=True, size=NUMBER_SIZE)


# --- labels ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        pytest.param("Vraag 1", (1,), id="one"),
        pytest.param("Vraag 12", (12,), id="two-digits"),
        pytest.param("Vraag 2 en 3", (2, 3), id="en"),
        pytest.param("Vraag 3, 4 en 5", (3, 4, 5), id="comma-and-en-1314"),
        pytest.param("Vraag 3, 4, 5 en 6", (3, 4, 5, 6), id="two-commas-2367"),
        pytest.param("Vraag 7, 8, 9 10 en 11", (7, 8, 9, 10, 11), id="comma-missing-2367"),
        pytest.param("Antwoord 9 en 10", (9, 10), id="answer-1984"),
        pytest.param("Antwoord 10, 11 en 12", (10, 11, 12), id="answer-three-two-digit"),
        pytest.param("Vraag 3 t/m 5", (3, 4, 5), id="t-m-range"),
        pytest.param("Vraag 5 t/m 3", (3, 4, 5), id="reversed-range-still-names-both-ends"),
        pytest.param("Antwoord op vraag 1", (1,), id="ministry-wording-op-vraag"),
        pytest.param("Antwoord op de vragen 2 en 3", (2, 3), id="ministry-wording-op-de-vragen"),
        pytest.param("Vraag 3 tot en met 5", (3, 4, 5), id="tot-en-met-range"),
        pytest.param("Vraag 3–6", (3, 4, 5, 6), id="en-dash-range"),
        pytest.param("Vraag 1 t/m 3 en 7", (1, 2, 3, 7), id="range-and-single"),
        pytest.param("Vragen 2 en 3", (2, 3), id="plural-vragen"),
        pytest.param("Antwoorden 1 t/m 3", (1, 2, 3), id="plural-antwoorden"),
        pytest.param("Vraag 1:", (1,), id="trailing-colon"),
        pytest.param("Vraag 4 en 2", (2, 4), id="unordered-sorted"),
    ],
)
def test_label_numbers(label, expected):
    assert patterns.LABEL.fullmatch(label) is not None
    assert label_numbers(label) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Vraag", id="no-number"),
        pytest.param("Vraagstuk 3", id="longer-word"),
        pytest.param("Vraag 1 is belangrijk", id="sentence-starting-with-a-label"),
        pytest.param("vraag 1", id="lower-case"),
        pytest.param("Vraag1", id="no-space"),
        pytest.param("Mededeling", id="mededeling-heading"),
    ],
)
def test_non_labels_give_no_numbers(text):
    assert patterns.LABEL.fullmatch(text) is None
    assert label_numbers(text) == ()


# --- identity --------------------------------------------------------------------------------------

MASTHEAD_2025 = (
    make_line("Tweede Kamer der Staten-Generaal", zone=Zone.MASTHEAD),
    make_line("2", zone=Zone.MASTHEAD),
    make_line("Vergaderjaar 2025–2026", zone=Zone.MASTHEAD),
    make_line("Aanhangsel van de Handelingen", zone=Zone.MASTHEAD),
)
ID_BLOCK_2025 = (
    make_line("ah-tk-20252026-9999"),
    make_line("ISSN 0921 - 7398"),
    make_line("’s-Gravenhage 2025"),
)
FOOTERS_2025 = (
    make_line("Tweede Kamer, vergaderjaar 2025–2026, Aanhangsel 1", page=1),
    make_line("Tweede Kamer, vergaderjaar 2025–2026, Aanhangsel 2", page=2),
)


def test_number_comes_from_the_number_line():
    identity = furniture_to_identity((*MASTHEAD_2025, *ID_BLOCK_2025, *FOOTERS_2025), number_line("9999"))
    assert (identity.document_id, identity.chamber, identity.session, identity.number) == (
        "ah-tk-20252026-9999",
        "Tweede Kamer",
        "2025-2026",
        9999,
    )
    assert identity.warnings == ()


@pytest.mark.parametrize(
    ("footer", "page"),
    [
        pytest.param("Tweede Kamer, vergaderjaar 2025–2026, Aanhangsel 2", 2, id="page-2"),
        pytest.param("Tweede Kamer, vergaderjaar 2025–2026, Aanhangsel2", 2, id="page-2-unspaced"),
        pytest.param("Tweede Kamer, vergaderjaar 2025–2026, Aanhangsel 1", 1, id="page-1"),
    ],
)
def test_running_footer_never_gives_the_number(footer, page):
    identity = furniture_to_identity((*MASTHEAD_2025, make_line(footer, page=page)), None)
    assert identity.number is None
    assert identity.document_id is None
    assert identity.session == "2025-2026"


def test_without_number_line_the_number_comes_from_the_id_block_with_a_warning():
    identity = furniture_to_identity((*MASTHEAD_2025, *ID_BLOCK_2025, *FOOTERS_2025), None)
    assert identity.number == 9999
    assert len(identity.warnings) == 1
    assert "id block" in identity.warnings[0]


def test_id_block_beside_the_footer_does_not_take_the_footers_page_number():
    # The footer on page 2 prints "Aanhangsel 2"; the id block prints 9999; the number line prints 9999.
    identity = furniture_to_identity((*ID_BLOCK_2025, *FOOTERS_2025), number_line("9999"))
    assert identity.number == 9999
    assert identity.warnings == ()


def test_id_block_only_counts_on_page_one():
    identity = furniture_to_identity((make_line("ah-tk-20252026-9999", page=2), *FOOTERS_2025), None)
    assert (identity.document_id, identity.number) == (None, None)


def test_eerste_kamer_id_gives_chamber_session_and_number():
    identity = furniture_to_identity((make_line("ah-ek-20242025-37"),), None)
    assert (identity.document_id, identity.chamber, identity.session, identity.number) == (
        "ah-ek-20242025-37",
        "Eerste Kamer",
        "2024-2025",
        37,
    )
    assert len(identity.warnings) == 1


def test_eerste_kamer_masthead_gives_chamber():
    furniture = (
        make_line("Eerste Kamer der Staten-Generaal", zone=Zone.MASTHEAD),
        make_line("Vergaderjaar 2024–2025", zone=Zone.MASTHEAD),
        make_line("ah-ek-20242025-37"),
        make_line("Eerste Kamer, vergaderjaar 2024–2025, Aanhangsel 1"),
    )
    identity = furniture_to_identity(furniture, number_line("37"))
    assert (identity.chamber, identity.session, identity.number, identity.warnings) == (
        "Eerste Kamer",
        "2024-2025",
        37,
        (),
    )


def test_id_block_and_number_line_disagree_gives_a_warning():
    identity = furniture_to_identity((*MASTHEAD_2025, *ID_BLOCK_2025, *FOOTERS_2025), number_line("9998"))
    assert identity.number == 9998
    assert identity.document_id == "ah-tk-20252026-9999"
    assert len(identity.warnings) == 1
    assert "ah-tk-20252026-9999" in identity.warnings[0]
    assert "9998" in identity.warnings[0]


def test_nothing_printed_gives_nothing():
    identity = furniture_to_identity((), None)
    assert (identity.document_id, identity.chamber, identity.session, identity.number) == (
        None,
        None,
        None,
        None,
    )
    assert identity.warnings == ()


def test_masthead_chamber_that_contradicts_the_id_block_gives_a_warning():
    identity = furniture_to_identity((*MASTHEAD_2025, make_line("ah-ek-20252026-37")), number_line("37"))
    assert identity.chamber == "Tweede Kamer"
    assert len(identity.warnings) == 1
    assert "ah-ek-20252026-37" in identity.warnings[0]


def test_masthead_session_that_contradicts_the_id_block_gives_a_warning():
    furniture = (make_line("Vergaderjaar 2023–2024", zone=Zone.MASTHEAD), *ID_BLOCK_2025)
    identity = furniture_to_identity(furniture, number_line("9999"))
    assert identity.session == "2023-2024"
    assert len(identity.warnings) == 1


# --- labels that name no question -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "numbers", "unread"),
    [
        pytest.param("Vraag 500", (500,), (), id="the-highest-number"),
        pytest.param("Vraag 501", (), ("501",), id="one-beyond"),
        pytest.param("Vraag 0", (), ("0",), id="zero"),
        pytest.param("Vraag 1234", (), ("1234",), id="a-digit-run-is-one-number"),
        pytest.param("Vraag 30000000", (), ("30000000",), id="thirty-million"),
        pytest.param("Vraag 3 en 3000000", (3,), ("3000000",), id="one-of-two"),
        pytest.param("Vraag 2 t/m 30000000", (), ("2 t/m 30000000",), id="a-range-to-beyond-is-not-expanded"),
        pytest.param("Antwoord 498–502", (), ("498–502",), id="a-range-across-the-limit"),
        pytest.param("Vraag " + "9" * 5000, (), ("9" * 5000,), id="more-digits-than-int-reads"),
    ],
)
def test_a_number_no_question_has_is_unread_not_a_range(label, numbers, unread):
    read = read_label(label)
    assert read is not None
    assert (read.numbers, read.unread) == (numbers, unread)
    assert label_numbers(label) == numbers


# --- cutting the body into blocks (hand-built lines) -------------------------------------------------


def body_lines(*texts, page=1):
    """Lines of running text, one per text, a pitch apart."""
    return [
        make_body_line(word_runs(text), page=page, baseline=100.0 + 9.6 * index)
        for index, text in enumerate(texts)
    ]


def blocks_of(result):
    blocks, mededeling, warnings = result
    shown = [(block.kind, block.numbers, [line.text for line in block.lines]) for block in blocks]
    return shown, None if mededeling is None else [line.text for line in mededeling], list(warnings)


CUTS = {
    "question-and-answer": (
        ["Vraag 1", "Wat?", "Antwoord 1", "Ja."],
        [("question", (1,), ["Wat?"]), ("answer", (1,), ["Ja."])],
        None,
        [],
    ),
    "a-label-of-three-numbers": (
        ["Vraag 3, 4 en 5", "Hoe?", "Antwoord 3, 4 en 5", "Zo."],
        [("question", (3, 4, 5), ["Hoe?"]), ("answer", (3, 4, 5), ["Zo."])],
        None,
        [],
    ),
    "a-block-runs-over-lines": (
        ["Vraag 1", "Eerste regel", "tweede regel?", "Antwoord 1", "Ja."],
        [("question", (1,), ["Eerste regel", "tweede regel?"]), ("answer", (1,), ["Ja."])],
        None,
        [],
    ),
    "a-label-without-text": (
        ["Vraag 1", "Antwoord 1", "Ja."],
        [("question", (1,), []), ("answer", (1,), ["Ja."])],
        None,
        ["Vraag 1 (page 1) has no text"],
    ),
    "the-mededeling-heading": (
        ["Vraag 1", "Wat?", "Mededeling", "De vragen worden later beantwoord."],
        [("question", (1,), ["Wat?"])],
        ["De vragen worden later beantwoord."],
        [],
    ),
    "nothing-to-cut": ([], [], None, []),
    "a-label-beyond-any-question-stays-text": (
        ["Vraag 1", "Wat?", "Vraag 30000000", "Antwoord 1", "Ja."],
        [("question", (1,), ["Wat?", "Vraag 30000000"]), ("answer", (1,), ["Ja."])],
        None,
        [
            (
                "could not read 'Vraag 30000000' (page 1) as a label: questions are numbered 1 to 500, not "
                "30000000; kept as text"
            )
        ],
    ),
    "a-label-without-its-number": (
        ["Vraag 1", "Wat?", "Vraag", "En nu?"],
        [("question", (1,), ["Wat?", "Vraag", "En nu?"])],
        None,
        ["'Vraag' (page 1) is a label without a number: kept as text"],
    ),
    "a-label-with-one-number-beyond": (
        ["Vraag 3 en 3000000", "Wat?"],
        [("question", (3,), ["Wat?"])],
        None,
        [
            (
                "could not read 3000000 in 'Vraag 3 en 3000000' (page 1): questions are numbered 1 to 500; "
                "left out"
            )
        ],
    ),
}


@pytest.mark.parametrize(("texts", "blocks", "mededeling", "warnings"), CUTS.values(), ids=CUTS.keys())
def test_cut_blocks(texts, blocks, mededeling, warnings):
    assert blocks_of(_cut_blocks(body_lines(*texts))) == (blocks, mededeling, warnings)


def test_a_block_carries_its_label_page_and_runs_over_the_page_break():
    lines = [*body_lines("Vraag 1", "Wat", page=1), *body_lines("nog meer?", "Antwoord 1", "Ja.", page=2)]
    blocks, _, _ = _cut_blocks(lines)
    assert [(block.page, [line.page for line in block.lines]) for block in blocks] == [(1, [1, 2]), (2, [2])]


# --- footnotes ---------------------------------------------------------------------------------------


def note(number, text, page=1):
    """A footnote's first line, its number raised at the column."""
    return replace(footnote_line(number, text), page=page, zone=Zone.FOOTNOTES)


def note_more(text, page=1):
    """A footnote's next line."""
    return replace(footnote_continuation(text), page=page, zone=Zone.FOOTNOTES)


FOOTNOTES = {
    "one": ([note(1, "Kamerstuk 1")], [(1, 1, ["Kamerstuk 1"])], []),
    "two": (
        [note(1, "Eerste."), note(2, "Tweede.")],
        [(1, 1, ["Eerste."]), (2, 1, ["Tweede."])],
        [],
    ),
    "a-second-line": (
        [note(1, "https://www.example.nl/"), note_more("rapport.pdf")],
        [(1, 1, ["https://www.example.nl/", "rapport.pdf"])],
        [],
    ),
    "continued-on-the-next-page": (
        [note(4, "Het begin", page=2), note_more("en het einde.", page=3), note(5, "Vijf.", page=3)],
        [(4, 2, ["Het begin", "en het einde."]), (5, 3, ["Vijf."])],
        [],
    ),
    "text-before-any-number": (
        [note_more("los"), note(1, "Een.")],
        [(1, 1, ["Een."])],
        ["page 1: footnote text without a number: 'los'"],
    ),
    "number-0-joins-the-footnote-before": (
        [note(1, "Een."), note(0, "Nul.")],
        [(1, 1, ["Een.", "Nul."])],
        ["page 1: could not read footnote number 0"],
    ),
    "number-0-first": (
        [note(0, "Nul.")],
        [],
        ["page 1: could not read footnote number 0", "page 1: footnote text without a number: 'Nul.'"],
    ),
}


@pytest.mark.parametrize(("lines", "footnotes", "warnings"), FOOTNOTES.values(), ids=FOOTNOTES.keys())
def test_group_footnotes(lines, footnotes, warnings):
    grouped, said = _group_footnotes(lines)
    assert [
        (footnote.number, footnote.page, [line.text for line in footnote.lines]) for footnote in grouped
    ] == (footnotes)
    assert list(said) == warnings


# --- a whole document's lines --------------------------------------------------------------------------

FOOTER = "Tweede Kamer, vergaderjaar 2025–2026, Aanhangsel {}"


def layout_of(lines, pages):
    return Layout(
        lines=tuple(lines), body_size=8.5, body_left=221.1, body_right=540.0, space_width=2.37, pages=pages
    )


def footer(page):
    return replace(text_line(FOOTER.format(page), page=page), baseline=772.6, zone=Zone.FOOTER)


def document(*, footers=(1, 2), pages=2):
    """A two-page answer: masthead, number, intro, two questions and answers, a footnote, footers."""
    number = replace(
        make_body_line([run("1201", 221.1, 12.8, bold=True, space_before=False)], size=12.8), baseline=90.0
    )
    masthead = replace(text_line("Tweede Kamer der Staten-Generaal"), baseline=20.0, zone=Zone.MASTHEAD)
    page_one = body_lines(
        "Vragen van het lid Kramer (SP) aan de Minister van Financiën over iets (ingezonden",
        "9 september 2025).",
        "Vraag 1",
        "Wat?^1^",
        "Antwoord 1",
    )
    page_two = body_lines("Ja.", "Vraag 2", "En nu?", "Antwoord 2", "Nee.", page=2)
    margin = replace(text_line("ah-tk-20252026-1201", x0=55.3), baseline=760.0, zone=Zone.MARGIN)
    lines = [masthead, number, *page_one, note(1, "Kamerstuk 1."), margin, *page_two]
    return layout_of([*lines, *(footer(page) for page in footers)], pages)


def test_layout_to_sections_cuts_a_document_into_its_parts():
    sections = layout_to_sections(document())
    assert sections.number_line is not None
    assert sections.number_line.text == "1201"
    assert [line.text for line in sections.intro] == [
        "Vragen van het lid Kramer (SP) aan de Minister van Financiën over iets (ingezonden",
        "9 september 2025).",
    ]
    assert [(block.kind, block.numbers, block.page) for block in sections.blocks] == [
        ("question", (1,), 1),
        ("answer", (1,), 1),
        ("question", (2,), 2),
        ("answer", (2,), 2),
    ]
    assert [line.text for line in sections.blocks[1].lines] == ["Ja."]  # across the page break
    assert [(footnote.number, footnote.page) for footnote in sections.footnotes] == [(1, 1)]
    assert [line.text for line in sections.furniture] == [
        "Tweede Kamer der Staten-Generaal",
        "ah-tk-20252026-1201",
        FOOTER.format(1),
        FOOTER.format(2),
    ]
    assert sections.mededeling is None
    assert sections.warnings == ()


def test_a_label_in_the_margin_opens_a_block():
    layout = document()
    lines = [
        replace(line, x0=55.3, zone=Zone.MARGIN) if line.text == "Vraag 2" else line for line in layout.lines
    ]
    sections = layout_to_sections(replace(layout, lines=tuple(lines)))
    assert [block.numbers for block in sections.blocks if block.kind == "question"] == [(1,), (2,)]


def test_without_an_intro_there_is_no_aanhangsel():
    layout = layout_of(body_lines("Geachte heer,", "Hierbij zend ik u de stukken."), pages=1)
    with pytest.raises(NotAnAanhangselError, match="no 'Vragen van …' introduction found on the first page"):
        layout_to_sections(layout)


@pytest.mark.parametrize(
    ("footers", "pages", "warnings"),
    [
        pytest.param((1, 2), 2, (), id="every-page-has-one"),
        pytest.param((1,), 2, (2,), id="the-last-page-lacks-it"),
        pytest.param((1, 2), 3, (3,), id="a-page-without-any-line"),
        pytest.param((), 2, (), id="a-document-without-footers-gives-no-evidence"),
    ],
)
def test_a_page_without_the_running_footer_the_others_print_is_warned_of(footers, pages, warnings):
    sections = layout_to_sections(document(footers=footers, pages=pages))
    assert sections.warnings == tuple(
        f"page {page} lacks the running footer that the other pages print: its text may be cut short "
        "(a damaged PDF?)"
        for page in warnings
    )


@given(
    st.lists(st.integers(min_value=0, max_value=10**30), min_size=1, max_size=6),
    st.lists(st.sampled_from([", ", " en ", " t/m ", " tot en met ", "–", " "]), min_size=5, max_size=5),
)
def test_any_label_names_only_question_numbers_once_each(numbers, separators):
    label = "Vraag " + "".join(
        f"{sep}{number}" for sep, number in zip(["", *separators], numbers, strict=False)
    )
    read = read_label(label)
    assert read is not None
    assert all(1 <= number <= MAX_QUESTION_NUMBER for number in read.numbers)
    assert list(read.numbers) == sorted(set(read.numbers))
    assert bool(read.unread) == any(not 1 <= number <= MAX_QUESTION_NUMBER for number in numbers)
