"""The recipe: PDF → glyphs → lines → sections → texts and metadata → one validated record."""

from __future__ import annotations

import gc
import traceback
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic import ValidationError

from aanhangsel import models, patterns
from aanhangsel.deadlines import metadata_to_deadline
from aanhangsel.errors import InvalidRecordError
from aanhangsel.identity import furniture_to_identity
from aanhangsel.intro import parse_intro
from aanhangsel.layout import Zone, document_to_layout
from aanhangsel.ministries import metadata_to_offices
from aanhangsel.notices import mededeling_to_notice
from aanhangsel.options import ParseOptions
from aanhangsel.pdf import read_pdf
from aanhangsel.reconcile import capped, reconcile
from aanhangsel.references import footnote_citations, official_url, parts_to_references
from aanhangsel.sections import layout_to_sections
from aanhangsel.source import load_pdf
from aanhangsel.text import Text, TextContext, find_urls, lines_to_text

if TYPE_CHECKING:
    from collections.abc import Iterator

    from aanhangsel.deadlines import Deadline
    from aanhangsel.hyphenation import HyphenDecision
    from aanhangsel.layout import Layout
    from aanhangsel.ministries import Offices
    from aanhangsel.pdf import PdfDocument
    from aanhangsel.sections import Block, FootnoteLines, Sections
    from aanhangsel.source import PdfSource


@dataclass(frozen=True, slots=True)
class Analysis:
    """A record with the stages that made it, for auditing: `explain`, `show` and `debug` read them."""

    record: models.Record
    """The parsed record."""
    layout: Layout
    """Every line of the document, zoned."""
    sections: Sections
    """The lines cut into furniture, intro, blocks, mededeling and footnotes."""
    texts: Texts
    """Each part's text, next to its lines."""

    @property
    def hyphens(self) -> tuple[PartHyphen, ...]:
        """Every line-end hyphen of every text, with its decision and reason, and the part it is in."""
        return self.texts.hyphens


@dataclass(frozen=True, slots=True)
class PartHyphen:
    """A line-end hyphen decision and the part of the document it was made in."""

    part: str
    """The part: "intro", "question 2", "answer 3, 4", "footnote 4" or "mededeling"."""
    decision: HyphenDecision
    """What happened to the hyphen, and why."""


@contextmanager
def _cycle_collection_paused() -> Iterator[None]:
    """Pause Python's cycle collector while one document is parsed, then put the caller's setting back.

    A parse makes some 10,000 small objects (glyphs, runs, lines) in no reference cycles, and reference
    counting frees them once the record is made; left on, the collector walks them again and again while
    they are made: 2 ms of a 27 ms parse (measured with `gc.callbacks`). The few cycles the PDF libraries
    leave (ctypes array types, pdfminer's object graph) wait for the collector's next run.

    `parse_pdf` pauses it as well, so that the collector runs again once the analysis is gone and only the
    record is left: run while the analysis is still returned, its first collection walks every glyph and
    line (another 0.2 ms a document).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@_cycle_collection_paused()
def parse_pdf(
    source: PdfSource, *, name: str | None = None, options: ParseOptions | None = None
) -> models.Record:
    """Parse one Aanhangsel PDF into its v1 record.

    Args:
        source: the PDF, as a path (`str` or path object) or as its bytes.
        name: the file name to record; by default the path's base name, or "stdin" for bytes.
        options: how to read it; by default `ParseOptions()`.

    Raises:
        InputNotFoundError: the file does not exist.
        UnreadableInputError: the file cannot be read.
        UnreadablePdfError: the file is not a readable PDF, or its first page has no text (a scan).
        PageLimitError: the PDF has more pages than `options.max_pages`.
        NotAnAanhangselError: the PDF is not an Aanhangsel document.
        InvalidRecordError: the parser made a record its own model refuses (a bug).

    """
    return analyse_pdf(source, name=name, options=options).record


@_cycle_collection_paused()
def analyse_pdf(
    source: PdfSource, *, name: str | None = None, options: ParseOptions | None = None
) -> Analysis:
    """Parse one Aanhangsel PDF and keep the hyphen decisions (arguments and errors as `parse_pdf`)."""
    options = options or ParseOptions()
    document = read_pdf(load_pdf(source, name=name), options.reader, max_pages=options.max_pages)
    layout = document_to_layout(document)
    sections = layout_to_sections(layout)
    context = TextContext.from_layout(layout, [line for line in layout.lines if line.zone in _TEXT_ZONES])
    texts = sections_to_texts(sections, context)
    with _validation_is_ours():
        metadata, warnings = sections_to_metadata(sections, texts.intro, layout)
        warnings = [*document.warnings, *sections.warnings, *warnings]
        record = texts_to_record(document, metadata, texts, warnings)
    return Analysis(record=record, layout=layout, sections=sections, texts=texts)


@contextmanager
def _validation_is_ours() -> Iterator[None]:
    """Turn a record model's refusal into our typed error, in one plain line.

    The record's models check their values as the parts are assembled. Every stage before turns what it
    cannot read into a warning, so a refusal here is a value a stage let through: our bug, not the input's.
    """
    try:
        yield
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(map(str, (error.title, *first["loc"])))
        message = f"internal error, please report it: the record does not validate: {where}: {first['msg']}"
        invalid = InvalidRecordError(message)
        invalid.details = "".join(traceback.format_exception(error))  # shown with --debug
        raise invalid from error


_TEXT_ZONES = (Zone.BODY, Zone.FOOTNOTES)


@dataclass(frozen=True, slots=True)
class Texts:
    """Every part of a document as text, next to the lines it was made of."""

    intro: Text
    """The intro sentences."""
    blocks: tuple[tuple[Block, Text], ...]
    """Question and answer blocks in printed order."""
    footnotes: tuple[tuple[FootnoteLines, Text], ...]
    """Footnotes in printed order."""
    mededeling: Text | None
    """The text under the "Mededeling" heading."""

    @property
    def hyphens(self) -> tuple[PartHyphen, ...]:
        """Every line-end hyphen decision with its part, in printed order of the parts."""
        parts = [("intro", self.intro)]
        parts += [(f"{block.kind} {', '.join(map(str, block.numbers))}", text) for block, text in self.blocks]
        parts += [(f"footnote {footnote.number}", text) for footnote, text in self.footnotes]
        parts += [("mededeling", self.mededeling)] if self.mededeling else []
        return tuple(PartHyphen(part, decision) for part, text in parts for decision in text.hyphens)


def sections_to_texts(sections: Sections, context: TextContext) -> Texts:
    """Turn every part's lines into text."""
    return Texts(
        intro=lines_to_text(sections.intro, context),
        blocks=tuple((block, lines_to_text(block.lines, context)) for block in sections.blocks),
        footnotes=tuple(
            (footnote, lines_to_text(footnote.lines, context)) for footnote in sections.footnotes
        ),
        mededeling=lines_to_text(sections.mededeling, context) if sections.mededeling is not None else None,
    )


def sections_to_metadata(
    sections: Sections, intro: Text, layout: Layout
) -> tuple[models.Metadata, list[str]]:
    """Combine identity (furniture) and intro into the metadata, with what could not be read."""
    identity = furniture_to_identity(sections.furniture, sections.number_line)
    fields = parse_intro(intro.text)
    kind = fields.kind or ("mededeling" if sections.mededeling is not None else "answer")
    received, submitted = fields.received_on, fields.submitted_on
    metadata = models.Metadata(
        document_id=identity.document_id,
        chamber=identity.chamber,
        session=identity.session,
        number=identity.number,
        kind=kind,
        questioners=list(fields.questioners),
        addressees=list(fields.addressees),
        subject=fields.subject,
        submitted_on=submitted,
        respondent=fields.respondent,
        co_respondents=list(fields.co_respondents),
        received_on=received,
        days_to_answer=(received - submitted).days if received and submitted else None,
        see_also=list(fields.see_also),
        kamervraag_numbers=_kamervraag_numbers(layout),
    )
    return metadata, [*identity.warnings, *fields.warnings]


def texts_to_record(
    document: PdfDocument, metadata: models.Metadata, texts: Texts, warnings: list[str]
) -> models.Record:
    """Assemble the validated record: the printed parts, what they say together, and the warnings."""
    questions = [_record_block(block, text) for block, text in texts.blocks if block.kind == "question"]
    answers = [_record_block(block, text) for block, text in texts.blocks if block.kind == "answer"]
    mededeling = _record_mededeling(texts.mededeling)
    footnotes = [
        models.Footnote(
            number=footnote.number,
            text=text.text,
            urls=list(find_urls(text.text)),
            page=footnote.page,
            cited_in=footnote_citations(footnote.number, questions, answers, mededeling),
        )
        for footnote, text in texts.footnotes
    ]
    offices = metadata_to_offices(metadata)
    metadata = _with_offices_and_deadline(metadata, offices, metadata_to_deadline(metadata))
    warnings = [*warnings, *offices.warnings, *reconcile(metadata, questions, answers, footnotes, mededeling)]
    return models.Record(
        source=models.Source(
            file=document.file_name,
            sha256=document.sha256,
            pages=len(document.pages),
            url=official_url(metadata.document_id),
        ),
        metadata=metadata,
        questions=questions,
        answers=answers,
        footnotes=footnotes,
        mededeling=mededeling,
        references=parts_to_references(metadata, questions, answers, footnotes, mededeling),
        warnings=capped(warnings),
    )


def _record_mededeling(text: Text | None) -> models.Mededeling | None:
    """Make the mededeling a record part, with the reason its wording gives."""
    if text is None:
        return None
    notice = mededeling_to_notice(text.text)
    return models.Mededeling(
        text=text.text,
        footnote_refs=list(text.footnote_refs),
        reason=notice.reason,
        letter_kamerstuk=notice.letter_kamerstuk,
    )


def _with_offices_and_deadline(
    metadata: models.Metadata, offices: Offices, deadline: Deadline
) -> models.Metadata:
    """Fill in the ministries of the offices and the deadline."""
    additions = {
        "respondent": offices.respondent,
        "addressee_ministries": list(offices.addressee_ministries),
        "co_respondent_ministries": list(offices.co_respondent_ministries),
        "answer_term_days": deadline.answer_term_days,
        "answered_late": deadline.answered_late,
        "days_late": deadline.days_late,
    }
    return models.Metadata(**{**dict(metadata), **additions})


def _record_block(block: Block, text: Text) -> models.Block:
    """One question or answer block as a record block."""
    return models.Block(
        numbers=list(block.numbers), text=text.text, footnote_refs=list(text.footnote_refs), page=block.page
    )


def _kamervraag_numbers(layout: Layout) -> list[str]:
    """Every kamervraag number printed in the text or footnotes, in printed order, once each."""
    found = (
        match.group()
        for line in layout.lines
        if line.zone in _TEXT_ZONES
        for match in patterns.KAMERVRAAG_NUMBER.finditer(line.text)
    )
    return list(dict.fromkeys(found))
