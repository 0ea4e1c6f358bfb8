"""Labels become question numbers; the page furniture becomes the document's identity. Hand-built lines."""

from __future__ import annotations

import pytest

from aanhangsel import patterns
from aanhangsel.identity import furniture_to_identity
from aanhangsel.layout import Line, Run, Zone
from aanhangsel.sections import label_numbers

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
