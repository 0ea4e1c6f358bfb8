"""Check the parts of a record against each other and say, in plain words, what does not add up.

Numbers are said in spans ("question numbering skips 4–12", "questions 5–9 have no answer"), and a record
keeps at most `MAX_WARNINGS` warnings: a damaged file never buries its record under thousands of lines.
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from aanhangsel.models import Block, Footnote, Mededeling, Metadata

MAX_WARNINGS = 50
"""The most warnings a record keeps; the last says how many more there were. A real document has a few."""

_READABLE_FIELDS = (
    "document_id",
    "chamber",
    "session",
    "number",
    "subject",
    "submitted_on",
    "respondent",
    "received_on",
)


def reconcile(
    metadata: Metadata,
    questions: Sequence[Block],
    answers: Sequence[Block],
    footnotes: Sequence[Footnote],
    mededeling: Mededeling | None,
) -> list[str]:
    """Warnings for gaps and loose ends: numbering, unanswered questions, markers and footnotes."""
    warnings = [
        f"could not read {name.replace('_', ' ')}"
        for name in _READABLE_FIELDS
        if getattr(metadata, name) is None
    ]
    if not metadata.questioners:
        warnings.append("could not read the questioners")
    asked = _numbers(questions)
    warnings += _numbering("question", [n for block in questions for n in block.numbers])
    if metadata.kind == "answer":
        answered = _numbers(answers)
        warnings += _each("question", asked - answered, "has no answer", "have no answer")
        warnings += _each("answer", answered - asked, "has no question", "have no question")
    elif answers:
        warnings.append("a mededeling with answer blocks")
    if metadata.kind == "mededeling" and mededeling is None:
        warnings.append("no text under a 'Mededeling' heading")
    warnings += _footnote_links(questions, answers, footnotes, mededeling)
    texts = [*(b.text for b in (*questions, *answers)), *(f.text for f in footnotes)]
    if any("\ufffd" in text for text in texts):
        warnings.append("a glyph without a Unicode mapping was replaced by U+FFFD")
    return warnings


def capped(warnings: Iterable[str]) -> list[str]:
    """Keep each warning once, in order, and at most `MAX_WARNINGS`: the last then says how many more."""
    unique = list(dict.fromkeys(warnings))
    if len(unique) <= MAX_WARNINGS:
        return unique
    return [*unique[: MAX_WARNINGS - 1], f"… and {len(unique) - MAX_WARNINGS + 1} more warnings"]


def spans(numbers: Iterable[int]) -> list[tuple[int, int]]:
    """Group numbers into runs of consecutive ones: 1, 2, 3, 5 → (1, 3), (5, 5)."""
    runs: list[tuple[int, int]] = []
    for number in sorted(set(numbers)):
        if runs and number == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], number)
        else:
            runs.append((number, number))
    return runs


def _each(what: str, numbers: Iterable[int], singular: str, plural: str) -> list[str]:
    """Say the same of numbers, span by span: "question 4 has no answer", "questions 6–9 have no answer"."""
    return [
        f"{what} {low} {singular}" if low == high else f"{what}s {low}–{high} {plural}"
        for low, high in spans(numbers)
    ]


def _numbers(blocks: Iterable[Block]) -> set[int]:
    """All numbers the blocks' labels name."""
    return {number for block in blocks for number in block.numbers}


def _numbering(what: str, numbers: Sequence[int]) -> list[str]:
    """List gaps and repeats in a numbering that should run 1, 2, 3 and so on."""
    if not numbers:
        return [f"no {what}s found"]
    repeated = [number for number, count in Counter(numbers).items() if count > 1]
    warnings = _each(what, repeated, "is printed more than once", "are printed more than once")
    present = spans(numbers)
    gaps = [(1, present[0][0] - 1)] if present[0][0] > 1 else []
    gaps += [(end + 1, start - 1) for (_, end), (start, _) in pairwise(present)]
    warnings += [f"{what} numbering skips {low}" + (f"–{high}" if high > low else "") for low, high in gaps]
    return warnings


def _footnote_links(
    questions: Sequence[Block],
    answers: Sequence[Block],
    footnotes: Sequence[Footnote],
    mededeling: Mededeling | None,
) -> list[str]:
    """Markers without a footnote and footnotes without a marker."""
    refs = [ref for block in (*questions, *answers) for ref in block.footnote_refs]
    refs += list(mededeling.footnote_refs) if mededeling else []
    numbers = [footnote.number for footnote in footnotes]
    warnings = _each("marker", set(refs) - set(numbers), "has no footnote", "have no footnote")
    warnings += _each("footnote", set(numbers) - set(refs), "is never referenced", "are never referenced")
    warnings += _numbering("footnote", numbers) if numbers else []
    return warnings
