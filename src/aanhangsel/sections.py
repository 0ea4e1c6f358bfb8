"""Zoned lines become the parts of a document: furniture, intro, blocks, mededeling, footnotes."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING, Literal

from aanhangsel import patterns
from aanhangsel.errors import NotAnAanhangselError
from aanhangsel.layout import Line, Zone

if TYPE_CHECKING:
    from collections.abc import Sequence

    from aanhangsel.layout import Layout

BlockKind = Literal["question", "answer"]


@dataclass(frozen=True, slots=True)
class Block:
    """The lines under one "Vraag …" or "Antwoord …" label."""

    kind: BlockKind
    """Question or answer."""
    numbers: tuple[int, ...]
    """Every number of the label: "Vraag 3, 4 en 5" gives 3, 4, 5."""
    page: int
    """The page the label stands on."""
    lines: tuple[Line, ...]
    """The block's text lines, across page breaks, furniture and footnotes left out."""


@dataclass(frozen=True, slots=True)
class FootnoteLines:
    """The lines of one footnote, which may continue on the next page."""

    number: int
    """The footnote's number."""
    page: int
    """The page where it starts."""
    lines: tuple[Line, ...]
    """Its lines, the marker left out."""


@dataclass(frozen=True, slots=True)
class Sections:
    """A document cut into its parts, still as lines."""

    furniture: tuple[Line, ...]
    """Masthead, left column, running footers: where chamber, session and id are printed."""
    number_line: Line | None
    """The bold document number above the intro, if printed."""
    intro: tuple[Line, ...]
    """The intro sentences: who asked whom about what, and who answered."""
    blocks: tuple[Block, ...]
    """Question and answer blocks in printed order."""
    mededeling: tuple[Line, ...] | None
    """The lines under the "Mededeling" heading; None when there is no such heading."""
    footnotes: tuple[FootnoteLines, ...]
    """Footnotes in printed order."""
    warnings: tuple[str, ...]
    """What did not fit the expected structure."""


def layout_to_sections(layout: Layout) -> Sections:
    """Cut a document's lines into furniture, intro, blocks, mededeling and footnotes.

    Raises:
        NotAnAanhangselError: there is no intro ("Vragen van het lid …") to start from.

    """
    furniture = tuple(line for line in layout.lines if line.zone in _FURNITURE and not _is_margin_label(line))
    text_lines = [line for line in layout.lines if line.zone is Zone.BODY or _is_margin_label(line)]
    number_line = _number_line(text_lines, layout)
    after_number = text_lines[text_lines.index(number_line) + 1 :] if number_line else text_lines
    intro_start = next(
        (i for i, line in enumerate(after_number) if patterns.INTRO_START.match(line.text)), None
    )
    if intro_start is None:
        raise NotAnAanhangselError("no 'Vragen van …' introduction found on the first page")
    body = after_number[intro_start:]
    first_heading = next((i for i, line in enumerate(body) if _heading_kind(line) is not None), len(body))
    blocks, mededeling, warnings = _cut_blocks(body[first_heading:])
    footnotes, footnote_warnings = _group_footnotes(
        [line for line in layout.lines if line.zone is Zone.FOOTNOTES]
    )
    return Sections(
        furniture=furniture,
        number_line=number_line,
        intro=tuple(body[:first_heading]),
        blocks=blocks,
        mededeling=mededeling,
        footnotes=footnotes,
        warnings=warnings + footnote_warnings,
    )


_FURNITURE = (Zone.MASTHEAD, Zone.MARGIN, Zone.FOOTER)


def _is_margin_label(line: Line) -> bool:
    """Whether a left-column line is a label set beside its text ("Vraag 1" in the margin)."""
    return line.zone is Zone.MARGIN and patterns.LABEL.fullmatch(line.text) is not None


def _number_line(lines: Sequence[Line], layout: Layout) -> Line | None:
    """Find the bold document number that stands above the intro on page 1."""
    for line in lines:
        if line.page != 1:
            break
        if line.bold and line.size > layout.body_size and patterns.DOCUMENT_NUMBER_LINE.fullmatch(line.text):
            return line
        if patterns.INTRO_START.match(line.text):
            break
    return None


def _heading_kind(line: Line) -> BlockKind | Literal["mededeling"] | None:
    """Say what a line opens, if it is a label or the mededeling heading."""
    label = patterns.LABEL.fullmatch(line.text)
    if label:
        return "question" if label["kind"].startswith("Vra") else "answer"
    if patterns.MEDEDELING_HEADING.fullmatch(line.text):
        return "mededeling"
    return None


def _cut_blocks(lines: Sequence[Line]) -> tuple[tuple[Block, ...], tuple[Line, ...] | None, tuple[str, ...]]:
    """Cut the lines after the intro at each label and at the mededeling heading."""
    starts = [index for index, line in enumerate(lines) if _heading_kind(line) is not None]
    blocks: list[Block] = []
    mededeling: tuple[Line, ...] | None = None
    warnings: list[str] = []
    for start, end in pairwise([*starts, len(lines)]):
        heading, content = lines[start], tuple(lines[start + 1 : end])
        kind = _heading_kind(heading)
        if kind == "mededeling":
            mededeling = (mededeling or ()) + content
            continue
        if not content:
            warnings.append(f"{heading.text} (page {heading.page}) has no text")
        kind = "question" if kind == "question" else "answer"
        blocks.append(Block(kind=kind, numbers=label_numbers(heading.text), page=heading.page, lines=content))
    return tuple(blocks), mededeling, tuple(warnings)


def label_numbers(label: str) -> tuple[int, ...]:
    """Every question number a label names: "Vraag 7, 8, 9 10 en 11" → 7 … 11, "Vraag 3 t/m 5" → 3, 4, 5."""
    match = patterns.LABEL.fullmatch(label)
    if match is None:
        return ()
    text = match["numbers"]
    numbers: list[int] = []
    for range_match in patterns.LABEL_RANGE.finditer(text):
        low, high = sorted((int(range_match["start"]), int(range_match["end"])))  # "5 t/m 3" still names both
        numbers.extend(range(low, high + 1))
    text = patterns.LABEL_RANGE.sub(" ", text)
    numbers.extend(int(number) for number in patterns.DIGITS.findall(text))
    return tuple(sorted(set(numbers)))


def _group_footnotes(lines: Sequence[Line]) -> tuple[tuple[FootnoteLines, ...], tuple[str, ...]]:
    """Group footnote-zone lines into footnotes: a marker opens one, other lines continue it.

    A footnote that does not fit on its page continues at the top of the next page's footnotes, without
    a marker of its own.
    """
    footnotes: list[tuple[int, int, list[Line]]] = []
    warnings: list[str] = []
    for line in lines:
        opening = line.runs[0]
        if opening.is_marker:
            number = int(patterns.DIGITS.findall(opening.text)[0])
            footnotes.append((number, line.page, [line]))
        elif footnotes:
            footnotes[-1][2].append(line)
        else:
            warnings.append(f"page {line.page}: footnote text without a number: {line.text!r}")
    return tuple(FootnoteLines(number, page, tuple(group)) for number, page, group in footnotes), tuple(
        warnings
    )
