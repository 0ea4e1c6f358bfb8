"""What does not add up is said in spans, never one line per number, and a record keeps at most 50 warnings.
Hand-built record parts."""

from __future__ import annotations

import datetime as dt

import pytest

from aanhangsel import models
from aanhangsel.reconcile import MAX_WARNINGS, capped, reconcile, spans

METADATA = models.Metadata(
    document_id="ah-tk-20252026-1201",
    chamber="Tweede Kamer",
    session="2025-2026",
    number=1201,
    kind="answer",
    questioners=[models.Questioner(name="Kramer", party="SP")],
    addressees=["Minister van Financiën"],
    subject="iets",
    submitted_on=dt.date(2025, 9, 9),
    respondent=models.Respondent(role="Minister", name="Van Leeuwen", department="Financiën"),
    co_respondents=[],
    received_on=dt.date(2025, 10, 7),
    days_to_answer=28,
    see_also=[],
    kamervraag_numbers=[],
)


def blocks(*labels, refs=()):
    """One block per label, each a list of numbers."""
    return [
        models.Block(numbers=list(numbers), text="x", footnote_refs=list(refs), page=1) for numbers in labels
    ]


def footnotes(*numbers):
    return [models.Footnote(number=number, text="x", urls=[], page=1) for number in numbers]


@pytest.mark.parametrize(
    ("numbers", "expected"),
    [
        pytest.param([], [], id="none"),
        pytest.param([4], [(4, 4)], id="one"),
        pytest.param([1, 2, 3, 5], [(1, 3), (5, 5)], id="a-run-and-one"),
        pytest.param([5, 1, 3, 2, 3], [(1, 3), (5, 5)], id="unordered-and-repeated"),
    ],
)
def test_spans(numbers, expected):
    assert spans(numbers) == expected


NUMBERINGS = {
    "complete": ([[1], [2], [3]], [[1], [2], [3]], []),
    "one-skipped": ([[1], [3]], [[1], [3]], ["question numbering skips 2"]),
    "starts-late": ([[3], [4]], [[3], [4]], ["question numbering skips 1–2"]),
    "a-run-skipped": ([[1], [2], [3], [500]], [[1], [2], [3], [500]], ["question numbering skips 4–499"]),
    "repeated": ([[1], [2], [2], [3], [3]], [[1], [2], [3]], ["questions 2–3 are printed more than once"]),
    "unanswered": (
        [[1], [2], [3], [4], [6]],
        [[1], [2]],
        ["question numbering skips 5", "questions 3–4 have no answer", "question 6 has no answer"],
    ),
    "answers-without-questions": ([[1]], [[1], [2], [3]], ["answers 2–3 have no question"]),
    "none": ([], [], ["no questions found"]),
}


@pytest.mark.parametrize(("questions", "answers", "warnings"), NUMBERINGS.values(), ids=NUMBERINGS.keys())
def test_numbering_gaps_and_loose_ends_are_said_in_spans(questions, answers, warnings):
    assert reconcile(METADATA, blocks(*questions), blocks(*answers), [], None) == warnings


def test_footnotes_and_markers_that_do_not_meet_are_said_in_spans():
    questions = blocks([1], refs=(1, 2, 3, 7))
    assert reconcile(METADATA, questions, blocks([1]), footnotes(1, 4, 5, 6, 7), None) == [
        "markers 2–3 have no footnote",
        "footnotes 4–6 are never referenced",
        "footnote numbering skips 2–3",
    ]


def test_every_question_number_printed_over_and_over_is_one_warning():
    # Five hundred labels of five hundred numbers each (counted, not compared pair by pair: that took hours).
    every = list(range(1, 501))
    warnings = reconcile(METADATA, blocks(*[every] * 500), blocks(every), [], None)
    assert warnings == ["questions 1–500 are printed more than once"]


@pytest.mark.parametrize(
    ("count", "kept"),
    [pytest.param(3, 3, id="few"), pytest.param(MAX_WARNINGS, MAX_WARNINGS, id="at-the-cap")],
)
def test_few_warnings_are_kept_whole(count, kept):
    warnings = [f"warning {index}" for index in range(count)]
    assert capped([*warnings, *warnings]) == warnings[:kept]


def test_many_warnings_are_capped_with_how_many_more():
    warnings = capped(f"warning {index}" for index in range(1000))
    assert len(warnings) == MAX_WARNINGS
    assert warnings[-2:] == [f"warning {MAX_WARNINGS - 2}", f"… and {1000 - MAX_WARNINGS + 1} more warnings"]
