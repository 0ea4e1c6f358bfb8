"""When the answer was due: the chamber's term for written questions, and whether it was missed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from aanhangsel.models import Metadata

TWEEDE_KAMER_TERM_DAYS = 21
"""Reglement van Orde van de Tweede Kamer (BWBR0044975, in force since 31 March 2021), artikel 12.2
(schriftelijke vragen): the answers are due within three weeks; a minister who cannot answer in time says
so, with reasons, in a notice (the mededeling). Three weeks are counted as 21 calendar days."""

EERSTE_KAMER_TERM_DAYS: int | None = None
"""Reglement van Orde van de Eerste Kamer: its rule on written questions sets no term for the answer ("In
tegenstelling tot de Tweede Kamer heeft de Eerste Kamer geen verplichte antwoordtermijn voor de
bewindspersoon in het Reglement van Orde", parlement.com, "Vragenrecht"). No term, so no lateness:
`answered_late` stays null for the Eerste Kamer."""

TERM_DAYS: dict[str, int | None] = {
    "Tweede Kamer": TWEEDE_KAMER_TERM_DAYS,
    "Eerste Kamer": EERSTE_KAMER_TERM_DAYS,
}


@dataclass(frozen=True, slots=True)
class Deadline:
    """A document's answer term and how it was kept; None where it cannot be known."""

    answer_term_days: int | None
    """The chamber's term in days."""
    answered_late: bool | None
    """Whether the answer (or the mededeling) came after the term."""
    days_late: int | None
    """Days beyond the term, 0 when in time."""


def metadata_to_deadline(metadata: Metadata) -> Deadline:
    """Measure days_to_answer against the chamber's term; a mededeling is measured the same way.

    A mededeling is due within the same term (the Reglement asks for the notice in time), so for a
    mededeling the fields say whether the notice itself came late.
    """
    term = TERM_DAYS.get(metadata.chamber or "")
    days = metadata.days_to_answer
    if term is None or days is None:
        return Deadline(answer_term_days=term, answered_late=None, days_late=None)
    return Deadline(answer_term_days=term, answered_late=days > term, days_late=max(0, days - term))
