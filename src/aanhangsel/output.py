"""Records as text: indented JSON, JSON Lines, CSV rows; and the hyphen decisions `explain` prints.

Where the text goes (stdout, a file, a folder) is `destination.py`'s business. Importing this module is
cheap: the models are imported when a record is rendered, so `--help` can list the formats.
"""

from __future__ import annotations

import csv
import io
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from aanhangsel.hyphenation import HyphenDecision
    from aanhangsel.models import Block, Record, Respondent
    from aanhangsel.parse import PartHyphen


class Format(StrEnum):
    """How records are written."""

    JSON = "json"
    """One indented JSON document per record."""
    JSONL = "jsonl"
    """One record per line (JSON Lines)."""
    CSV = "csv"
    """One row per question with its answer and the document's main metadata."""

    @property
    def suffix(self) -> str:
        """File name ending for this format."""
        return f".{self.value}"


CSV_COLUMNS = (
    "file",
    "document_id",
    "chamber",
    "session",
    "number",
    "kind",
    "questioners",
    "addressees",
    "subject",
    "submitted_on",
    "respondent",
    "co_respondents",
    "received_on",
    "days_to_answer",
    "question_numbers",
    "question",
    "answer_numbers",
    "answer",
    "mededeling",
)


def render(record: Record, output_format: Format, *, header: bool = True) -> str:
    """Render one record in a format; `header` says whether CSV output starts with the column names."""
    if output_format is Format.JSON:
        from aanhangsel.models import record_json  # noqa: PLC0415  (pydantic only once a record exists)

        return record_json(record)
    if output_format is Format.JSONL:
        return record.model_dump_json() + "\n"
    return render_csv(record, header=header)


def csv_header() -> str:
    """Render the CSV header line."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(CSV_COLUMNS)
    return buffer.getvalue()


def render_csv(record: Record, *, header: bool) -> str:
    """One CSV row per question block, paired with the answer block that covers its first number."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    if header:
        writer.writeheader()
    writer.writerows(record_rows(record))
    return buffer.getvalue()


def record_rows(record: Record) -> list[dict[str, str]]:
    """Make the CSV rows of a record: one per question, or one with the metadata alone if none."""
    meta = record.metadata
    respondent = meta.respondent
    common = {
        "file": record.source.file,
        "document_id": meta.document_id or "",
        "chamber": meta.chamber or "",
        "session": meta.session or "",
        "number": _text(meta.number),
        "kind": meta.kind,
        "questioners": "; ".join(
            f"{person.name} ({person.party})" if person.party else person.name for person in meta.questioners
        ),
        "addressees": "; ".join(meta.addressees),
        "subject": meta.subject or "",
        "submitted_on": _text(meta.submitted_on),
        "respondent": _respondent(respondent) if respondent else "",
        "co_respondents": "; ".join(meta.co_respondents),
        "received_on": _text(meta.received_on),
        "days_to_answer": _text(meta.days_to_answer),
        "mededeling": record.mededeling.text if record.mededeling else "",
    }
    if not record.questions:
        return [{**common, "question_numbers": "", "question": "", "answer_numbers": "", "answer": ""}]
    rows = []
    for question in record.questions:
        answer = _answer_for(question, record.answers)
        rows.append(
            {
                **common,
                "question_numbers": _numbers(question),
                "question": question.text,
                "answer_numbers": _numbers(answer) if answer else "",
                "answer": answer.text if answer else "",
            }
        )
    return rows


def _respondent(respondent: Respondent) -> str:
    """Write a respondent as printed in the intro: "Minister Dijkgraaf (Onderwijs, Cultuur en Wetenschap)"."""
    words = " ".join(part for part in (respondent.role, respondent.name) if part)
    return f"{words} ({respondent.department})" if respondent.department else words


def _answer_for(question: Block, answers: list[Block]) -> Block | None:
    """Find the answer block that covers the question's first number."""
    return next((answer for answer in answers if question.numbers[0] in answer.numbers), None)


def _numbers(block: Block) -> str:
    """Write a block's numbers as "3, 4, 5"."""
    return ", ".join(str(number) for number in block.numbers)


def _text(value: object) -> str:
    """Write a value as CSV text; None as empty."""
    return "" if value is None else str(value)


def hyphen_lines(file: str, hyphens: Iterable[PartHyphen]) -> str:
    """One tab-separated line per line-end hyphen: file, part, page, verdict, the break, the join, why."""
    return "".join(_hyphen_line(file, hyphen.part, hyphen.decision) for hyphen in hyphens)


def _hyphen_line(file: str, part: str, decision: HyphenDecision) -> str:
    """One line of `hyphen_lines`."""
    verdict = "kept" if decision.kept else "removed"
    fields = (file, part, f"p{decision.page}", verdict, f"{decision.left}|{decision.right}", decision.joined)
    return "\t".join((*fields, decision.reason)) + "\n"
