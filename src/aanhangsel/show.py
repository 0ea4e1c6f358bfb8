"""A document as a reader wants it in the terminal: each question with its answer beneath it, and more.

A header says who asked whom about what, when, and who answered; the footnotes follow with their links,
then the mededeling and its reason, and the warnings last.

`analysis_to_renderables` turns a parsed document into rich renderables and is pure; only `render_document`
touches a console, one made to `Screen`'s measure. Whether the output has colours and links or is plain
text is decided once, in the main process, by `Screen.of_stdout`: plain when stdout is not a terminal, so
`aanhangsel show x.pdf | less` and `> x.txt` read well.

The record keeps the footnote markers of a text (`footnote_refs`) but not where they stood; the text stage
does (`Text.marker_offsets`), so the markers are put back as superscripts exactly where they were printed.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, cast

from rich.console import Console, Group
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.style import Style
from rich.table import Table
from rich.text import Text

from aanhangsel.models import FoundIn, Part
from aanhangsel.references import reference_url

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Sequence

    from rich.console import RenderableType

    from aanhangsel import models
    from aanhangsel.parse import Analysis
    from aanhangsel.text import Text as PartText

ColorSystem = Literal["standard", "256", "truecolor", "windows"]

SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
"""Digits as superscripts, for the footnote markers in the text."""
INDENT = 2
"""How far the texts stand in from their labels."""
REASONS = {
    "postponed": "postponed: the answers need more time",
    "answered_by_letter": "answered by letter",
    "other": "other",
}
"""What a mededeling's reason says, in words."""

# Styles: colour on a terminal, nothing in plain text (a console without a colour system drops them).
LABEL = Style(bold=True)
QUESTION = Style(bold=True, color="cyan")
ANSWER = Style(bold=True, color="green")
MEDEDELING = Style(bold=True, color="magenta")
MARKER = Style(color="cyan")
DIM = Style(dim=True)
LATE = Style(bold=True, color="red")
IN_TIME = Style(color="green")
WARNING = Style(color="yellow")


@dataclass(frozen=True, slots=True)
class Screen:
    """How the output looks: decided once in the main process, handed to the workers that render."""

    width: int
    """Columns to wrap at: `--width`, else the terminal's (80 when there is none)."""
    color_system: ColorSystem | None
    """The terminal's colours; None for plain text, without escape codes of any kind (links included)."""
    no_color: bool
    """Styles without colour (NO_COLOR is set): bold and links stay."""

    @classmethod
    def of_stdout(cls, width: int | None = None) -> Screen:
        """Measure stdout as rich does: a terminal (or FORCE_COLOR), its colours, its width."""
        console = Console(width=width)
        color_system = cast("ColorSystem | None", console.color_system)  # one of rich's names, or None
        return cls(width=console.width, color_system=color_system, no_color=console.no_color)

    def console(self, file: io.StringIO) -> Console:
        """Make a console to this measure that writes to `file`, whatever the environment says."""
        return Console(
            file=file,
            width=self.width,
            color_system=self.color_system,
            force_terminal=self.color_system is not None,
            no_color=self.no_color,
            legacy_windows=False,
            highlight=False,
            markup=False,
            emoji=False,
        )


def render_document(analysis: Analysis, screen: Screen) -> str:
    """Render a parsed document as text for `screen`, ending in a blank line."""
    buffer = io.StringIO()
    console = screen.console(buffer)
    for renderable in analysis_to_renderables(analysis):
        console.print(renderable)
    console.print()
    # Tables and panels fill their lines with spaces: take them off, for a file or a pager.
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


def analysis_to_renderables(analysis: Analysis) -> list[RenderableType]:
    """Lay a document out: the header, each question with its answer, the mededeling, footnotes, warnings."""
    record = analysis.record
    questions, answers = _block_texts(analysis)
    renderables: list[RenderableType] = [_header(record)]
    for exchange in pair_blocks([q.numbers for q in record.questions], [a.numbers for a in record.answers]):
        renderables += [
            *(_block("question", record.questions[i], questions[i], record) for i in exchange.questions),
            *(_block("answer", record.answers[i], answers[i], record) for i in exchange.answers),
        ]
    if record.mededeling is not None and analysis.texts.mededeling is not None:
        renderables.append(_mededeling(record.mededeling, analysis.texts.mededeling, record))
    if record.footnotes:
        renderables += [Rule(Text("Footnotes", style=LABEL), align="left"), _footnotes(record)]
    if record.warnings:
        renderables += [Rule(Text("Warnings", style=LABEL), align="left"), _warnings(record.warnings)]
    return renderables


def _block_texts(analysis: Analysis) -> tuple[list[PartText], list[PartText]]:
    """List the texts of the record's questions and of its answers, in the record's order."""
    blocks = analysis.texts.blocks
    return (
        [text for block, text in blocks if block.kind == "question"],
        [text for block, text in blocks if block.kind == "answer"],
    )


# --- the header ------------------------------------------------------------------------------------


def _header(record: models.Record) -> Padding:
    """Make the panel of who asked whom about what, when, how long the answer took, and who gave it."""
    metadata = record.metadata
    rows = Table.grid(padding=(0, 2))
    rows.add_column(style=LABEL, no_wrap=True)
    rows.add_column(overflow="fold")
    mededeling = metadata.kind == "mededeling"
    for label, value in (
        ("Asked by", _questioners(metadata.questioners)),
        ("Asked of", Text("\n".join(metadata.addressees))),
        ("Subject", Text(metadata.subject or "", style=Style(italic=True))),
        ("Submitted", Text(_date(metadata.submitted_on))),
        ("Received", Text(_date(metadata.received_on))),
        ("Notice after" if mededeling else "Answered in", _answer_time(metadata)),
        ("Notice from" if mededeling else "Answered by", _respondent(metadata.respondent)),
        ("Together with", Text("\n".join(metadata.co_respondents))),
        ("See also", Text(", ".join(f"Aanhangsel {e.session}, {e.number}" for e in metadata.see_also))),
        ("File", Text(f"{record.source.file}, {_pages(record.source.pages)}")),
    ):
        if value.plain:
            rows.add_row(label, value)
    url = record.source.url
    subtitle = Text(url, style=Style(link=url)) if url else None
    panel = Panel(rows, title=_title(record), title_align="left", subtitle=subtitle, subtitle_align="left")
    return Padding(panel, (0, 0, 1, 0))


def _title(record: models.Record) -> Text:
    """Name the document: its id (with its number) linked to its official page, the chamber, the session."""
    metadata = record.metadata
    title = Text(metadata.document_id or record.source.file, Style(bold=True, link=record.source.url))
    return title.append("".join(f" · {detail}" for detail in (metadata.chamber, metadata.session) if detail))


def _questioners(questioners: Sequence[models.Questioner]) -> Text:
    """List the members who asked, each with their party: "Mutluer (GroenLinks-PvdA), Kostić (PvdD)"."""
    return Text(", ".join(f"{q.name} ({q.party})" if q.party else q.name for q in questioners))


def _date(date: dt.date | None) -> str:
    """Write a date as the record does (ISO), or nothing."""
    return str(date) if date is not None else ""


def _answer_time(metadata: models.Metadata) -> Text:
    """Weigh the days to answer against the chamber's term: "47 days, term 21 days: 26 days late" in red."""
    days = metadata.days_to_answer
    if days is None:
        return Text("")
    text = Text(_days(days))
    if metadata.answer_term_days is None:
        return text.append(f" ({metadata.chamber or 'the chamber'} sets no term)", DIM)
    text.append(f", term {_days(metadata.answer_term_days)}: ")
    if metadata.answered_late:
        return text.append(f"{_days(metadata.days_late or 0)} late", LATE)
    return text.append("in time", IN_TIME)


def _days(days: int) -> str:
    """Count days: "1 day", "21 days"."""
    return f"{days} day" if days == 1 else f"{days} days"


def _respondent(respondent: models.Respondent | None) -> Text:
    """Who answered, with the ministry and portfolio: "Staatssecretaris Van Rij, Financiën (FIN), …"."""
    if respondent is None:
        return Text("")
    parts = [" ".join(part for part in (respondent.role, respondent.name) if part)]
    ministry = respondent.ministry
    if ministry is not None:
        parts.append(f"{ministry.name} ({ministry.abbreviation})" if ministry.abbreviation else ministry.name)
    elif respondent.department:
        parts.append(respondent.department)
    if respondent.portfolio:
        parts.append(f"portfolio {respondent.portfolio}")
    return Text(", ".join(parts))


def _pages(pages: int) -> str:
    """Count pages: "1 page", "6 pages"."""
    return f"{pages} page" if pages == 1 else f"{pages} pages"


# --- questions and answers -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Exchange:
    """Question blocks and the answer blocks that answer them: blocks that share a number."""

    questions: tuple[int, ...]
    """Positions of the question blocks in the record, in printed order."""
    answers: tuple[int, ...]
    """Positions of the answer blocks in the record, in printed order."""


def pair_blocks(questions: Sequence[Sequence[int]], answers: Sequence[Sequence[int]]) -> list[Exchange]:
    """Group question and answer blocks by their numbers, however the labels split them.

    Blocks that share a number belong together, and so do the blocks of those: "Vraag 3", "Vraag 4" and
    "Antwoord 3 en 4" are one exchange, as are "Vraag 1 en 2", "Antwoord 1" and "Antwoord 2". An answer
    without a question, or a question without an answer, stands alone. Exchanges come in the order of their
    lowest number.
    """
    blocks = [("question", position, set(numbers)) for position, numbers in enumerate(questions)]
    blocks += [("answer", position, set(numbers)) for position, numbers in enumerate(answers)]
    groups: list[list[tuple[str, int, set[int]]]] = []
    for block in blocks:
        touching = [group for group in groups if any(block[2] & other[2] for other in group)]
        groups = [group for group in groups if group not in touching]
        groups.append([block, *(other for group in touching for other in group)])
    groups.sort(key=lambda group: min(min(numbers, default=0) for _, _, numbers in group))
    return [
        Exchange(
            questions=tuple(sorted(position for side, position, _ in group if side == "question")),
            answers=tuple(sorted(position for side, position, _ in group if side == "answer")),
        )
        for group in groups
    ]


def label(word: str, numbers: Sequence[int]) -> str:
    """Write a label as the documents print it: "Vraag 1", "Antwoord 3, 4 en 5"."""
    listed = [str(number) for number in numbers]
    if len(listed) < 2:
        return " ".join([word, *listed])
    return f"{word} {', '.join(listed[:-1])} en {listed[-1]}"


def _block(
    part: Literal["question", "answer"], block: models.Block, text: PartText, record: models.Record
) -> Group:
    """Show one question or answer: its label, then its text with the markers and links in place."""
    word, style = ("Vraag", QUESTION) if part == "question" else ("Antwoord", ANSWER)
    body = marked_text(block.text, zip(text.footnote_refs, text.marker_offsets, strict=True))
    _link_references(body, _references(record, part, block.numbers))
    return Group(Text(label(word, block.numbers), style=style), Padding(body, (0, 0, 1, INDENT)))


def _mededeling(mededeling: models.Mededeling, text: PartText, record: models.Record) -> Group:
    """Show the mededeling: its heading, its reason (with the answering letter), and its text."""
    reason = Text("Reason: ", style=LABEL).append(REASONS.get(mededeling.reason or "other", "other"), LABEL)
    if mededeling.letter_kamerstuk:
        url = reference_url("kamerstuk", mededeling.letter_kamerstuk)
        reason.append(", ").append(mededeling.letter_kamerstuk, Style(link=url))
    body = marked_text(mededeling.text, zip(text.footnote_refs, text.marker_offsets, strict=True))
    _link_references(body, _references(record, "mededeling", []))
    return Group(Text("Mededeling", style=MEDEDELING), Padding(Group(reason, body), (0, 0, 1, INDENT)))


def marked_text(text: str, markers: Iterable[tuple[int, int]]) -> Text:
    """Put each footnote marker back where it stood in the text, as a superscript: "regenboogbeleid»?¹".

    `markers` are (footnote number, characters before the marker); markers at one place are joined by
    commas, as the documents print them ("reactie²,⁴").
    """
    at: dict[int, list[int]] = {}
    for number, offset in markers:
        at.setdefault(offset, []).append(number)
    marked = Text()
    last = 0
    for offset in sorted(at):
        marked.append(text[last:offset])
        marked.append(",".join(str(number) for number in at[offset]).translate(SUPERSCRIPTS), MARKER)
        last = offset
    return marked.append(text[last:])


def _references(record: models.Record, part: Part, numbers: Sequence[int]) -> list[models.Reference]:
    """List the references of one part of the record that link somewhere, in the order they stand."""
    found_in = FoundIn(part=part, numbers=list(numbers))
    return [reference for reference in record.references if reference.found_in == found_in and reference.url]


def _link_references(text: Text, references: Sequence[models.Reference]) -> None:
    """Make each reference a link where it stands in the text, for a terminal that knows links.

    A reference's `text` is a slice of the part's text, and references come in the order they stand: each
    is looked for from where the one before it starts (a citation that names two publications is two
    references with one text). The superscripts put in before do not break a citation: markers stand after
    words, never inside one.
    """
    plain = text.plain
    start = 0
    linked: list[tuple[int, int]] = []
    for reference in references:
        found = plain.find(reference.text, start)
        if found < 0:
            continue
        end = found + len(reference.text)
        if not any(found < other_end and other_start < end for other_start, other_end in linked):
            text.stylize(Style(link=reference.url), found, end)
            linked.append((found, end))
        start = found


# --- footnotes and warnings ------------------------------------------------------------------------


def _footnotes(record: models.Record) -> Table:
    """List every footnote: its number, and its text with the addresses as links."""
    table = Table.grid(padding=(0, 1))
    table.add_column(justify="right", style=MARKER, no_wrap=True)
    table.add_column(overflow="fold")  # a long address breaks where the line ends, never cut short
    for footnote in record.footnotes:
        text = Text(footnote.text)
        _link_references(text, _references(record, "footnote", [footnote.number]))
        table.add_row(str(footnote.number), text)
    return table


def _warnings(warnings: Sequence[str]) -> Table:
    """List the parser's warnings, one a line."""
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(style=WARNING, overflow="fold")
    for warning in warnings:
        table.add_row("•", warning)
    return table
