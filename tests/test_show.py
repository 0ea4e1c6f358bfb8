"""`show`'s layout, without the command line: questions paired with their answers however the labels split
them, labels, markers put back as superscripts, and what a terminal gets that plain text does not."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from aanhangsel.parse import analyse_pdf
from aanhangsel.show import Exchange, Screen, label, marked_text, pair_blocks, render_document
from conftest import FIXTURES

PLAIN = Screen(width=100, color_system=None, no_color=False)
TERMINAL = Screen(width=100, color_system="truecolor", no_color=False)
NO_COLOR = Screen(width=100, color_system="truecolor", no_color=True)
LATE = FIXTURES / "ah-tk-20232024-1786.pdf"  # 47 days, 26 late; footnotes with web addresses
IN_TIME = FIXTURES / "ah-tk-20232024-2395.pdf"  # 15 days
LINK = "\x1b]8;"  # how a terminal is told that text is a link (OSC 8)
RED = re.compile(r"\x1b\[[0-9;]*\b31m")


@pytest.fixture(scope="module")
def late():
    return analyse_pdf(LATE)


# --- questions and answers paired by their numbers --------------------------------------------------

PAIRING_CASES = {
    "one answer per question": ([[1], [2]], [[1], [2]], [Exchange((0,), (0,)), Exchange((1,), (1,))]),
    "combined labels on both sides": (
        [[1], [3, 4, 5]],
        [[1], [3, 4, 5]],
        [Exchange((0,), (0,)), Exchange((1,), (1,))],
    ),
    "questions apart, one answer to them": (
        [[1], [2], [3]],
        [[1], [2, 3]],
        [Exchange((0,), (0,)), Exchange((1, 2), (1,))],
    ),
    "questions together, answered apart": ([[1, 2]], [[1], [2]], [Exchange((0,), (0, 1))]),
    "splits that cross": ([[1, 2], [3]], [[1], [2, 3]], [Exchange((0, 1), (0, 1))]),
    "no answers (a mededeling)": ([[1], [2]], [], [Exchange((0,), ()), Exchange((1,), ())]),
    "an answer without a question": ([[1]], [[1], [2]], [Exchange((0,), (0,)), Exchange((), (1,))]),
    "a question printed out of order": ([[2], [1]], [[1], [2]], [Exchange((1,), (0,)), Exchange((0,), (1,))]),
}


@pytest.mark.parametrize(
    ("questions", "answers", "expected"), PAIRING_CASES.values(), ids=PAIRING_CASES.keys()
)
def test_questions_and_answers_are_paired_by_their_numbers(questions, answers, expected):
    assert pair_blocks(questions, answers) == expected


@pytest.mark.parametrize(
    ("numbers", "expected"),
    [
        ([1], "Vraag 1"),
        ([2, 3], "Vraag 2 en 3"),
        ([3, 4, 5], "Vraag 3, 4 en 5"),
        ([10, 11], "Vraag 10 en 11"),
    ],
)
def test_labels_read_as_the_documents_print_them(numbers, expected):
    assert label("Vraag", numbers) == expected


# --- markers as superscripts ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "markers", "expected"),
    [
        ("Ends? Yes.", [(1, 5)], "Ends?¹ Yes."),
        ("bericht en rapport", [(1, 7), (12, 18)], "bericht¹ en rapport¹²"),
        ("de reactie van", [(2, 10), (4, 10)], "de reactie²,⁴ van"),
        ("no markers", [], "no markers"),
    ],
    ids=["one", "two-digit", "two-at-one-place", "none"],
)
def test_markers_come_back_as_superscripts_where_they_stood(text, markers, expected):
    assert marked_text(text, markers).plain == expected


def test_markers_stand_where_the_pdf_prints_them(late):
    shown = render_document(late, Screen(width=1000, color_system=None, no_color=False))
    assert "«Dredging destruction» van Both Ends¹?" in shown
    assert "maatschappelijk verantwoord ondernemen (mvo).² Sinds" in shown


# --- terminal and plain text ------------------------------------------------------------------------


def test_plain_text_has_no_escape_codes(late):
    assert "\x1b" not in render_document(late, PLAIN)


def test_a_terminal_gets_late_answers_in_red_and_links_to_click(late):
    shown = render_document(late, TERMINAL)
    assert RED.search(shown)
    assert LINK in shown
    assert f"{LINK}id=" in shown.split("Footnotes", 1)[1]  # the footnotes' addresses


def test_an_answer_in_time_is_not_red():
    shown = render_document(analyse_pdf(IN_TIME), TERMINAL)
    assert "15 days, term 21 days: in time" in re.sub(r"\x1b\[[0-9;]*m", "", shown)
    assert not RED.search(shown)


def test_no_color_keeps_links_and_drops_colours(late):
    shown = render_document(late, NO_COLOR)
    assert LINK in shown
    assert not RED.search(shown)


def test_the_header_says_who_asked_whom_and_how_late_the_answer_came(late):
    header = render_document(late, PLAIN).split("Vraag 1", 1)[0]
    for expected in (
        "Hirsch (GroenLinks-PvdA), Teunissen (PvdA)",
        "Staatssecretaris van Financiën",
        "exportkredietverzekeringen voor de baggersector",
        "2024-04-04",
        "2024-05-21",
        "47 days, term 21 days: 26 days late",
        "Staatssecretaris Van Rij, Financiën (FIN), portfolio",
        "https://zoek.officielebekendmakingen.nl/ah-tk-20232024-1786.html",
    ):
        assert expected in header


def test_the_eerste_kamer_sets_no_term():
    shown = render_document(analyse_pdf(FIXTURES / "ek-synthetic-2024-2025.pdf"), PLAIN)
    assert "28 days (Eerste Kamer sets no term)" in shown


@pytest.mark.parametrize(
    ("pdf", "reason"),
    [
        ("ah-tk-20232024-1999.pdf", "Reason: answered by letter, kst-36471-64"),
        ("mededeling-2025-2026.pdf", "Reason: postponed: the answers need more time"),
    ],
)
def test_a_mededeling_comes_with_its_reason(pdf, reason):
    shown = render_document(analyse_pdf(FIXTURES / pdf), PLAIN)
    assert shown.index("Vraag 1") < shown.index("Mededeling\n") < shown.index(reason)
    assert "Antwoord" not in shown


def test_warnings_come_last(late):
    record = late.record.model_copy(update={"warnings": ["question 16 has no answer"]})
    shown = render_document(replace(late, record=record), PLAIN)
    assert shown.index("Footnotes") < shown.index("Warnings") < shown.index("• question 16 has no answer")
    assert shown.rstrip().endswith("question 16 has no answer")


def test_no_warnings_no_section(late):
    assert "Warnings" not in render_document(late, PLAIN)


def test_lines_have_no_trailing_spaces(late):
    assert not any(line != line.rstrip() for line in render_document(late, PLAIN).splitlines())
