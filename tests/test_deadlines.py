"""The answer term of each chamber, and whether it was kept."""

from __future__ import annotations

import pytest

from aanhangsel.deadlines import TWEEDE_KAMER_TERM_DAYS, Deadline, metadata_to_deadline
from test_ministries import metadata


def test_the_tweede_kamer_term_is_three_weeks():
    assert TWEEDE_KAMER_TERM_DAYS == 21


@pytest.mark.parametrize(
    ("chamber", "kind", "days", "expected"),
    [
        ("Tweede Kamer", "answer", 8, Deadline(21, answered_late=False, days_late=0)),
        (
            "Tweede Kamer",
            "answer",
            21,
            Deadline(21, answered_late=False, days_late=0),
        ),  # the last day is in time
        ("Tweede Kamer", "answer", 22, Deadline(21, answered_late=True, days_late=1)),
        ("Tweede Kamer", "answer", 92, Deadline(21, answered_late=True, days_late=71)),
        ("Tweede Kamer", "answer", -3, Deadline(21, answered_late=False, days_late=0)),  # dates misprinted
        ("Tweede Kamer", "answer", None, Deadline(21, answered_late=None, days_late=None)),
        # A mededeling is measured the same way: was the notice itself in time?
        ("Tweede Kamer", "mededeling", 42, Deadline(21, answered_late=True, days_late=21)),
        ("Tweede Kamer", "mededeling", 8, Deadline(21, answered_late=False, days_late=0)),
        # The Eerste Kamer's Reglement sets no term: nothing can be late.
        ("Eerste Kamer", "answer", 28, Deadline(None, answered_late=None, days_late=None)),
        (None, "answer", 28, Deadline(None, answered_late=None, days_late=None)),
    ],
)
def test_days_to_answer_are_measured_against_the_chambers_term(chamber, kind, days, expected):
    assert metadata_to_deadline(metadata(chamber=chamber, kind=kind, days_to_answer=days)) == expected
