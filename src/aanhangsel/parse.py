"""The recipe: PDF → glyphs → lines → sections → texts and metadata → one validated record."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from aanhangsel import models, patterns
from aanhangsel.identity import furniture_to_identity
from aanhangsel.intro import parse_intro
from aanhangsel.layout import Zone, document_to_layout
from aanhangsel.pdf import read_pdf
from aanhangsel.reconcile import reconcile
from aanhangsel.sections import layout_to_sections
from aanhangsel.text import Text, TextContext, find_urls, lines_to_text

if TYPE_CHECKING:
    from pathlib import Path

    from aanhangsel.hyphenation import HyphenDecision
    from aanhangsel.layout import Layout
    from aanhangsel.pdf import PdfDocument
    from aanhangsel.sections import Block, FootnoteLines, Sections


@dataclass(frozen=True, slots=True)
class Analysis:
    """A record with the decisions that made its texts, for auditing."""

    record: models.Record
    """The parsed record."""
    hyphens: tuple[HyphenDecision, ...]
    """Every line-end hyphen of every text, with its decision and reason."""


def parse_pdf(path: Path) -> models.Record:
    """Parse one Aanhangsel PDF into its v1 record.

    Raises:
        InputNotFoundError: the file does not exist.
        UnreadablePdfError: the file is not a readable PDF.
        NotAnAanhangselError: the PDF is not an Aanhangsel document.

    """
    return analyse_pdf(path).record


def analyse_pdf(path: Path) -> Analysis:
    """Parse one Aanhangsel PDF and keep the hyphen decisions (raises as `parse_pdf`)."""
    document = read_pdf(path)
    layout = document_to_layout(document)
    sections = layout_to_sections(layout)
    context = TextContext.from_layout(layout, [line for line in layout.lines if line.zone in _TEXT_ZONES])
    return sections_to_analysis(document, layout, sections, context)


_TEXT_ZONES = (Zone.BODY, Zone.FOOTNOTES)


def sections_to_analysis(
    document: PdfDocument, layout: Layout, sections: Sections, context: TextContext
) -> Analysis:
    """Turn the sections into texts and metadata, and check them against each other."""
    intro = lines_to_text(sections.intro, context)
    questions = [_block(block, context) for block in sections.blocks if block.kind == "question"]
    answers = [_block(block, context) for block in sections.blocks if block.kind == "answer"]
    footnotes = [_footnote(footnote, context) for footnote in sections.footnotes]
    mededeling = lines_to_text(sections.mededeling, context) if sections.mededeling is not None else None
    metadata, metadata_warnings = _metadata(sections, intro, layout)
    record_mededeling = (
        models.Mededeling(text=mededeling.text, footnote_refs=list(mededeling.footnote_refs))
        if mededeling
        else None
    )
    record_questions = [block for block, _ in questions]
    record_answers = [block for block, _ in answers]
    record_footnotes = [footnote for footnote, _ in footnotes]
    warnings = [
        *sections.warnings,
        *metadata_warnings,
        *reconcile(metadata, record_questions, record_answers, record_footnotes, record_mededeling),
    ]
    record = models.Record(
        source=models.Source(file=document.file_name, sha256=document.sha256, pages=len(document.pages)),
        metadata=metadata,
        questions=record_questions,
        answers=record_answers,
        footnotes=record_footnotes,
        mededeling=record_mededeling,
        warnings=list(dict.fromkeys(warnings)),
    )
    texts = [
        intro,
        *(text for _, text in (*questions, *answers, *footnotes)),
        *([mededeling] if mededeling else []),
    ]
    return Analysis(record=record, hyphens=tuple(decision for text in texts for decision in text.hyphens))


def _block(block: Block, context: TextContext) -> tuple[models.Block, Text]:
    """One question or answer block as a record block."""
    text = lines_to_text(block.lines, context)
    return (
        models.Block(
            numbers=list(block.numbers),
            text=text.text,
            footnote_refs=list(text.footnote_refs),
            page=block.page,
        ),
        text,
    )


def _footnote(footnote: FootnoteLines, context: TextContext) -> tuple[models.Footnote, Text]:
    """One footnote as a record footnote."""
    text = lines_to_text(footnote.lines, context)
    return (
        models.Footnote(
            number=footnote.number, text=text.text, urls=list(find_urls(text.text)), page=footnote.page
        ),
        text,
    )


def _metadata(sections: Sections, intro: Text, layout: Layout) -> tuple[models.Metadata, list[str]]:
    """Combine identity (furniture) and intro into the metadata."""
    identity = furniture_to_identity(sections.furniture, sections.number_line)
    fields = parse_intro(intro.text)
    kind = fields.kind or ("mededeling" if sections.mededeling is not None else "answer")
    days = (
        (fields.received_on - fields.submitted_on).days
        if fields.received_on and fields.submitted_on
        else None
    )
    metadata = models.Metadata(
        document_id=identity.document_id,
        chamber=identity.chamber,
        session=identity.session,
        number=identity.number,
        kind=kind,
        questioners=list(fields.questioners),
        addressees=list(fields.addressees),
        subject=fields.subject,
        submitted_on=fields.submitted_on,
        respondent=fields.respondent,
        co_respondents=list(fields.co_respondents),
        received_on=fields.received_on,
        days_to_answer=days,
        see_also=list(fields.see_also),
        kamervraag_numbers=_kamervraag_numbers(layout),
    )
    return metadata, [*identity.warnings, *fields.warnings]


def _kamervraag_numbers(layout: Layout) -> list[str]:
    """Every kamervraag number printed in the text or footnotes, in printed order, once each."""
    found = (
        match.group()
        for line in layout.lines
        if line.zone in _TEXT_ZONES
        for match in patterns.KAMERVRAAG_NUMBER.finditer(line.text)
    )
    return list(dict.fromkeys(found))
