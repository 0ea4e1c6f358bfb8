"""Check the parts of a record against each other and say, in plain words, what does not add up."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from aanhangsel.models import Block, Footnote, Mededeling, Metadata

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
        warnings += [f"question {n} has no answer" for n in sorted(asked - answered)]
        warnings += [f"answer {n} has no question" for n in sorted(answered - asked)]
    elif answers:
        warnings.append("a mededeling with answer blocks")
    if metadata.kind == "mededeling" and mededeling is None:
        warnings.append("no text under a 'Mededeling' heading")
    warnings += _footnote_links(questions, answers, footnotes, mededeling)
    texts = [*(b.text for b in (*questions, *answers)), *(f.text for f in footnotes)]
    if any("\ufffd" in text for text in texts):
        warnings.append("a glyph without a Unicode mapping was replaced by U+FFFD")
    return warnings


def _numbers(blocks: Iterable[Block]) -> set[int]:
    """All numbers the blocks' labels name."""
    return {number for block in blocks for number in block.numbers}


def _numbering(what: str, numbers: Sequence[int]) -> list[str]:
    """List gaps and repeats in a numbering that should run 1, 2, 3 and so on."""
    if not numbers:
        return [f"no {what}s found"]
    warnings = [
        f"{what} {n} is printed more than once" for n in sorted({n for n in numbers if numbers.count(n) > 1})
    ]
    missing = sorted(set(range(1, max(numbers) + 1)) - set(numbers))
    warnings += [f"{what} numbering skips {n}" for n in missing]
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
    warnings = [f"marker {ref} has no footnote" for ref in sorted(set(refs) - set(numbers))]
    warnings += [f"footnote {n} is never referenced" for n in sorted(set(numbers) - set(refs))]
    warnings += _numbering("footnote", numbers) if numbers else []
    return warnings
