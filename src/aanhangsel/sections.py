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

MAX_QUESTION_NUMBER = 500
"""The highest number a label may name. The longest Aanhangsel asks a few dozen questions: a larger number is
a misprint or damage, and read as a range ("Vraag 3 t/m 3000000") it would be millions of questions."""


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
class Label:
    """What a "Vraag …" or "Antwoord …" line names."""

    kind: BlockKind
    """Question or answer."""
    numbers: tuple[int, ...]
    """Every question number it names, in order, once each: "Vraag 3 t/m 5" gives 3, 4, 5."""
    unread: tuple[str, ...]
    """What it prints that names no question: 0, or a number above `MAX_QUESTION_NUMBER`, alone or as a
    range's end ("3000000", "3 t/m 3000000")."""


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
        warnings=_pages_without_footer(layout) + warnings + footnote_warnings,
    )


_FURNITURE = (Zone.MASTHEAD, Zone.MARGIN, Zone.FOOTER)


def _is_margin_label(line: Line) -> bool:
    """Whether a left-column line is a label set beside its text ("Vraag 1" in the margin)."""
    return line.zone is Zone.MARGIN and _heading_kind(line) is not None


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


def _pages_without_footer(layout: Layout) -> tuple[str, ...]:
    """Warn of each page that lacks the running footer the other pages print: its text may be cut short.

    Every page of an Aanhangsel prints "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 3" at its foot,
    and draws it after the page's text: a content stream that a damaged file ends early loses the footer
    with the text (and a page whose content could not be read at all has none). A document without any
    running footer gives no evidence either way.
    """
    footed = {
        line.page
        for line in layout.lines
        if line.zone is Zone.FOOTER and patterns.RUNNING_FOOTER.fullmatch(line.text)
    }
    if not footed:
        return ()
    return tuple(
        f"page {page} lacks the running footer that the other pages print: its text may be cut short "
        "(a damaged PDF?)"
        for page in range(1, layout.pages + 1)
        if page not in footed
    )


def _heading_kind(line: Line) -> BlockKind | Literal["mededeling"] | None:
    """Say what a line opens, if it is a label naming a question or the mededeling heading."""
    heading = _heading(line)
    if isinstance(heading, Label):
        return heading.kind if heading.numbers else None
    return heading


def _heading(line: Line) -> Label | Literal["mededeling"] | None:
    """Read a line as a label or the mededeling heading."""
    label = read_label(line.text)
    if label is not None:
        return label
    return "mededeling" if patterns.MEDEDELING_HEADING.fullmatch(line.text) else None


def _cut_blocks(lines: Sequence[Line]) -> tuple[tuple[Block, ...], tuple[Line, ...] | None, tuple[str, ...]]:
    """Cut the lines after the intro at each label and at the mededeling heading.

    A line shaped like a label that names no question ("Vraag 3000000"), or a label's word alone ("Vraag"),
    stays text, with a warning.
    """
    headings = [_heading(line) for line in lines]
    starts = [
        index
        for index, heading in enumerate(headings)
        if heading == "mededeling" or (isinstance(heading, Label) and heading.numbers)
    ]
    blocks: list[Block] = []
    mededeling: tuple[Line, ...] | None = None
    warnings = [
        _unread_label(line, heading)
        for line, heading in zip(lines, headings, strict=True)
        if isinstance(heading, Label) and heading.unread
    ]
    warnings += [
        f"{line.text!r} (page {line.page}) is a label without a number: kept as text"
        for line in lines
        if patterns.BARE_LABEL.fullmatch(line.text)
    ]
    for start, end in pairwise([*starts, len(lines)]):
        heading, content = headings[start], tuple(lines[start + 1 : end])
        if not isinstance(heading, Label):
            mededeling = (mededeling or ()) + content
            continue
        page = lines[start].page
        if not content:
            warnings.append(f"{lines[start].text} (page {page}) has no text")
        blocks.append(Block(kind=heading.kind, numbers=heading.numbers, page=page, lines=content))
    return tuple(blocks), mededeling, tuple(warnings)


def _unread_label(line: Line, label: Label) -> str:
    """Say which numbers of a label name no question, and what became of the line."""
    what = ", ".join(label.unread)
    if label.numbers:
        return (
            f"could not read {what} in {line.text!r} (page {line.page}): questions are numbered 1 to "
            f"{MAX_QUESTION_NUMBER}; left out"
        )
    return (
        f"could not read {line.text!r} (page {line.page}) as a label: questions are numbered 1 to "
        f"{MAX_QUESTION_NUMBER}, not {what}; kept as text"
    )


def read_label(text: str) -> Label | None:
    """Read a "Vraag …" or "Antwoord …" line: "Vraag 7, 8, 9 10 en 11" → 7 … 11, "Vraag 3 t/m 5" → 3, 4, 5.

    A number beyond `MAX_QUESTION_NUMBER`, or 0, names no question; a range that reaches one is not
    expanded.
    """
    match = patterns.LABEL.fullmatch(text)
    if match is None:
        return None
    printed = match["numbers"]
    numbers: list[int] = []
    unread: list[str] = []
    for range_match in patterns.LABEL_RANGE.finditer(printed):
        start, end = _question_number(range_match["start"]), _question_number(range_match["end"])
        if start is None or end is None:
            unread.append(" ".join(range_match.group().split()))
            continue
        low, high = sorted((start, end))  # "5 t/m 3" still names both ends
        numbers.extend(range(low, high + 1))
    for digits in patterns.DIGITS.findall(patterns.LABEL_RANGE.sub(" ", printed)):
        number = _question_number(digits)
        if number is None:
            unread.append(digits)
        else:
            numbers.append(number)
    kind: BlockKind = "question" if match["kind"].startswith("Vra") else "answer"
    return Label(kind=kind, numbers=tuple(sorted(set(numbers))), unread=tuple(unread))


def label_numbers(label: str) -> tuple[int, ...]:
    """Every question number a label names: "Vraag 7, 8, 9 10 en 11" → 7 … 11, "Vraag 3 t/m 5" → 3, 4, 5."""
    read = read_label(label)
    return read.numbers if read is not None else ()


def _question_number(digits: str) -> int | None:
    """Read a question number; None for 0 or one above `MAX_QUESTION_NUMBER` (a long run stays digits)."""
    number = int(digits) if len(digits) <= len(str(MAX_QUESTION_NUMBER)) else 0
    return number if 1 <= number <= MAX_QUESTION_NUMBER else None


def _group_footnotes(lines: Sequence[Line]) -> tuple[tuple[FootnoteLines, ...], tuple[str, ...]]:
    """Group footnote-zone lines into footnotes: a marker opens one, other lines continue it.

    A footnote that does not fit on its page continues at the top of the next page's footnotes, without
    a marker of its own. A marker "0" numbers no footnote: its line continues the one before.
    """
    footnotes: list[tuple[int, int, list[Line]]] = []
    warnings: list[str] = []
    for line in lines:
        opening = line.runs[0]
        number = int(patterns.DIGITS.findall(opening.text)[0]) if opening.is_marker else None
        if number == 0:
            warnings.append(f"page {line.page}: could not read footnote number 0")
            number = None
        if number is not None:
            footnotes.append((number, line.page, [line]))
        elif footnotes:
            footnotes[-1][2].append(line)
        else:
            warnings.append(f"page {line.page}: footnote text without a number: {line.text!r}")
    return tuple(FootnoteLines(number, page, tuple(group)) for number, page, group in footnotes), tuple(
        warnings
    )
