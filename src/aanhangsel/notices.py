"""A mededeling's wording says what it is: a delay notice, a pointer to the letter that answered, or else."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from aanhangsel import patterns
from aanhangsel.references import text_to_citations

Reason = Literal["postponed", "answered_by_letter", "other"]


@dataclass(frozen=True, slots=True)
class Notice:
    """What a mededeling says."""

    reason: Reason
    """Postponed, answered by letter, or other."""
    letter_kamerstuk: str | None
    """The Kamerstuk id of the answering letter, when the notice prints it."""


def mededeling_to_notice(text: str) -> Notice:
    """Decide the reason from the wording; a letter that answered wins over talk of more time.

    "… zijn beantwoord middels een brief over Ambtelijke analyses hoofdlijnenakkoord (36 471-64) …" is
    answered by letter, with kst-36471-64; "… de beantwoording van deze vragen meer tijd vergt" is postponed.
    """
    if patterns.ANSWERED_BY_LETTER.search(text):
        citations = text_to_citations(text, chamber=None)
        letters = [citation.ids[0] for citation in citations if citation.kind == "kamerstuk"]
        return Notice(reason="answered_by_letter", letter_kamerstuk=letters[0] if letters else None)
    if patterns.POSTPONED.search(text):
        return Notice(reason="postponed", letter_kamerstuk=None)
    return Notice(reason="other", letter_kamerstuk=None)
