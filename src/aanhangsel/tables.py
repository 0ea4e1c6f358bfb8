"""Records become rows: one table model, written as SQLite (`aanhangsel.database`) and as CSV (`output`).

Every table has one row per entity and `document_id` on each row. A document's key is its printed id, or
its SHA-256 when no id was printed (so a document without an id is still stored once, and replaced when
parsed again). Lists in a cell are joined with "; " (numbers with ", "); booleans are 1 or 0; dates ISO.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from aanhangsel.models import Block, FoundIn, Ministry, Questioner, Record, Reference

Value = str | int | None
"""What a cell holds: text, a whole number (booleans as 1 or 0), or nothing."""
Row = dict[str, Value]
"""One row, by column name."""


@dataclass(frozen=True, slots=True)
class Table:
    """A table of the model: its columns, key and full-text search."""

    name: str
    """The table's name, in SQLite and for `--table`."""
    columns: tuple[tuple[str, type[str | int]], ...]
    """Column names in order, each with the type of its values."""
    pk: tuple[str, ...]
    """The primary key."""
    search: tuple[str, ...] = ()
    """Columns with full-text search."""

    @property
    def column_names(self) -> tuple[str, ...]:
        """The column names, in order."""
        return tuple(name for name, _ in self.columns)


def _columns(text: str, *numbers: str) -> tuple[tuple[str, type[str | int]], ...]:
    """Name the columns, all text but the `numbers`."""
    return tuple((name, int if name in numbers else str) for name in text.split())


DOCUMENTS = Table(
    "documents",
    _columns(
        "document_id file sha256 url pages "
        "chamber session number kind subject questioners parties addressees "
        "submitted_on received_on days_to_answer answer_term_days answered_late days_late "
        "respondent_role respondent_name department portfolio ministry ministry_abbreviation "
        "co_respondents co_respondent_ministries "
        "reason letter_kamerstuk mededeling see_also kamervraag_numbers "
        "question_count answer_count footnote_count reference_count warning_count",
        *("pages", "number", "days_to_answer", "answer_term_days", "answered_late", "days_late"),
        *("question_count", "answer_count", "footnote_count", "reference_count", "warning_count"),
    ),
    pk=("document_id",),
    search=("subject", "mededeling"),
)
QUESTIONERS = Table(
    "questioners", _columns("document_id position name party", "position"), pk=("document_id", "position")
)
ADDRESSEES = Table(
    "addressees",
    _columns("document_id position office ministry ministry_abbreviation", "position"),
    pk=("document_id", "position"),
)
QUESTIONS = Table(
    "questions",
    _columns(
        "document_id position numbers page text footnote_refs answer_position",
        "position",
        "page",
        "answer_position",
    ),
    pk=("document_id", "position"),
    search=("text",),
)
ANSWERS = Table(
    "answers",
    _columns("document_id position numbers page text footnote_refs", "position", "page"),
    pk=("document_id", "position"),
    search=("text",),
)
FOOTNOTES = Table(
    "footnotes",
    _columns("document_id position number page text urls cited_in", "position", "number", "page"),
    pk=("document_id", "position"),
    search=("text",),
)
REFERENCES = Table(
    "references",
    _columns("document_id position kind id url text found_in_part found_in_numbers role domain", "position"),
    pk=("document_id", "position"),
)
WARNINGS = Table(
    "warnings", _columns("document_id position message", "position"), pk=("document_id", "position")
)

TABLES = (DOCUMENTS, QUESTIONERS, ADDRESSEES, QUESTIONS, ANSWERS, FOOTNOTES, REFERENCES, WARNINGS)
"""Every table, the documents first (the others refer to it)."""

QA_COLUMNS = _columns(
    "document_id ministry subject question_position question_numbers question answer_numbers answer",
    "question_position",
)
"""The columns of the view `qa`: each question beside the answer that covers its first number."""
QA_SQL = """
SELECT q.document_id, d.ministry, d.subject, q.position AS question_position, q.numbers AS question_numbers,
       q.text AS question, a.numbers AS answer_numbers, a.text AS answer
FROM questions AS q
JOIN documents AS d ON d.document_id = q.document_id
LEFT JOIN answers AS a ON a.document_id = q.document_id AND a.position = q.answer_position
ORDER BY q.document_id, q.position
""".strip()
"""The view `qa` in SQL; `rows_to_qa` computes the same rows without SQLite."""

NAMES = (*(table.name for table in TABLES), "qa")
"""Every name `--table` accepts: the tables and the view."""


def table_columns(name: str) -> tuple[str, ...]:
    """List the column names of a table or of the view `qa`."""
    if name == "qa":
        return tuple(column for column, _ in QA_COLUMNS)
    return next(table.column_names for table in TABLES if table.name == name)


def document_key(record: Record) -> str:
    """Key a record's rows: its document id, or its SHA-256 when no id was printed."""
    return record.metadata.document_id or record.source.sha256


def records_to_rows(records: Iterable[Record]) -> dict[str, list[Row]]:
    """Make the rows of many records, table by table, and the view `qa` over all of them."""
    tables: dict[str, list[Row]] = {table.name: [] for table in TABLES}
    for record in records:
        rows = record_to_rows(record)
        for table in TABLES:
            tables[table.name].extend(rows[table.name])
    tables["qa"] = rows_to_qa(tables)
    return tables


def record_to_rows(record: Record) -> dict[str, list[Row]]:
    """Make the rows of one record, table by table, and of the view `qa`."""
    key = document_key(record)
    meta = record.metadata
    tables: dict[str, list[Row]] = {
        "documents": [_document_row(record, key)],
        "questioners": _numbered(key, [_questioner(q) for q in meta.questioners]),
        "addressees": _numbered(
            key,
            [
                _addressee(office, ministry)
                for office, ministry in _aligned(meta.addressees, meta.addressee_ministries)
            ],
        ),
        "questions": _numbered(key, [_question(block, record.answers) for block in record.questions]),
        "answers": _numbered(key, [_block(block) for block in record.answers]),
        "footnotes": _numbered(
            key,
            [
                {
                    "number": footnote.number,
                    "page": footnote.page,
                    "text": footnote.text,
                    "urls": " ".join(footnote.urls),
                    "cited_in": _list(_found_in(found_in) for found_in in footnote.cited_in),
                }
                for footnote in record.footnotes
            ],
        ),
        "references": _numbered(key, [_reference(reference) for reference in record.references]),
        "warnings": _numbered(key, [{"message": message} for message in record.warnings]),
    }
    tables["qa"] = rows_to_qa(tables)
    return tables


def rows_to_qa(tables: dict[str, list[Row]]) -> list[Row]:
    """Make the view `qa` from table rows, as `QA_SQL` gives it: each question beside its answer."""
    documents = {row["document_id"]: row for row in tables["documents"]}
    answers = {(row["document_id"], row["position"]): row for row in tables["answers"]}
    rows = []
    for question in sorted(
        tables["questions"], key=lambda row: (str(row["document_id"]), _int(row["position"]))
    ):
        document = documents[question["document_id"]]
        answer = answers.get((question["document_id"], question["answer_position"]), {})
        rows.append(
            {
                "document_id": question["document_id"],
                "ministry": document["ministry"],
                "subject": document["subject"],
                "question_position": question["position"],
                "question_numbers": question["numbers"],
                "question": question["text"],
                "answer_numbers": answer.get("numbers"),
                "answer": answer.get("text"),
            }
        )
    return rows


def _document_row(record: Record, key: str) -> Row:
    """Make a record's one row in `documents`: its metadata flat, with counts of its parts."""
    meta = record.metadata
    respondent = meta.respondent
    ministry = respondent.ministry if respondent else None
    mededeling = record.mededeling
    return {
        "document_id": key,
        "file": record.source.file,
        "sha256": record.source.sha256,
        "url": record.source.url,
        "pages": record.source.pages,
        "chamber": meta.chamber,
        "session": meta.session,
        "number": meta.number,
        "kind": meta.kind,
        "subject": meta.subject,
        "questioners": _list(_person(questioner) for questioner in meta.questioners),
        "parties": _list(dict.fromkeys(q.party for q in meta.questioners if q.party)),
        "addressees": _list(meta.addressees),
        "submitted_on": meta.submitted_on.isoformat() if meta.submitted_on else None,
        "received_on": meta.received_on.isoformat() if meta.received_on else None,
        "days_to_answer": meta.days_to_answer,
        "answer_term_days": meta.answer_term_days,
        "answered_late": None if meta.answered_late is None else int(meta.answered_late),
        "days_late": meta.days_late,
        "respondent_role": respondent.role if respondent else None,
        "respondent_name": respondent.name if respondent else None,
        "department": respondent.department if respondent else None,
        "portfolio": respondent.portfolio if respondent else None,
        "ministry": ministry.name if ministry else None,
        "ministry_abbreviation": ministry.abbreviation if ministry else None,
        "co_respondents": _list(meta.co_respondents),
        "co_respondent_ministries": _list(ministry.name for ministry in meta.co_respondent_ministries),
        "reason": mededeling.reason if mededeling else None,
        "letter_kamerstuk": mededeling.letter_kamerstuk if mededeling else None,
        "mededeling": mededeling.text if mededeling else None,
        "see_also": _list(f"{entry.session} nr. {entry.number}" for entry in meta.see_also),
        "kamervraag_numbers": _list(meta.kamervraag_numbers),
        "question_count": len(record.questions),
        "answer_count": len(record.answers),
        "footnote_count": len(record.footnotes),
        "reference_count": len(record.references),
        "warning_count": len(record.warnings),
    }


def _numbered(key: str, rows: Sequence[Row]) -> list[Row]:
    """Give each row the document's key and its position (from 1) in front of its own columns."""
    return [{"document_id": key, "position": position, **row} for position, row in enumerate(rows, start=1)]


def _questioner(questioner: Questioner) -> Row:
    """Make a questioner's row."""
    return {"name": questioner.name, "party": questioner.party}


def _addressee(office: str, ministry: Ministry | None) -> Row:
    """Make an addressee's row: the office as printed and its ministry."""
    return {
        "office": office,
        "ministry": ministry.name if ministry else None,
        "ministry_abbreviation": ministry.abbreviation if ministry else None,
    }


def _block(block: Block) -> Row:
    """Make a question's or answer's row."""
    return {
        "numbers": _numbers(block.numbers),
        "page": block.page,
        "text": block.text,
        "footnote_refs": _numbers(block.footnote_refs),
    }


def _question(block: Block, answers: Sequence[Block]) -> Row:
    """Make a question's row, with the position of the answer that covers its first number."""
    position = next(
        (index for index, answer in enumerate(answers, start=1) if block.numbers[0] in answer.numbers), None
    )
    return {**_block(block), "answer_position": position}


def _reference(reference: Reference) -> Row:
    """Make a reference's row, with the site it names for counting sources."""
    return {
        "kind": reference.kind,
        "id": reference.id,
        "url": reference.url,
        "text": reference.text,
        "found_in_part": reference.found_in.part,
        "found_in_numbers": _numbers(reference.found_in.numbers),
        "role": reference.role,
        "domain": _domain(reference),
    }


def _domain(reference: Reference) -> str | None:
    """Name the site a web reference or bare domain points to, without "www.": "nos.nl"."""
    if reference.id is None or reference.kind not in {"web", "domain"}:
        return None
    host = urlsplit(reference.id).hostname if reference.kind == "web" else reference.id
    return host.lower().removeprefix("www.") if host else None


def _aligned(offices: Sequence[str], ministries: Sequence[Ministry]) -> list[tuple[str, Ministry | None]]:
    """Pair each office with its ministry (a record written before ministries has none)."""
    return [(office, ministries[i] if i < len(ministries) else None) for i, office in enumerate(offices)]


def _person(questioner: Questioner) -> str:
    """Write a questioner as "Hirsch (GroenLinks-PvdA)"."""
    return f"{questioner.name} ({questioner.party})" if questioner.party else questioner.name


def _found_in(found_in: FoundIn) -> str:
    """Write a part as "answer 2, 3", "footnote 1" or "mededeling"."""
    return f"{found_in.part} {_numbers(found_in.numbers)}".strip()


def _numbers(numbers: Iterable[int]) -> str:
    """Write numbers as "2, 3"."""
    return ", ".join(str(number) for number in numbers)


def _list(items: Iterable[str]) -> str:
    """Write items as "a; b"."""
    return "; ".join(items)


def _int(value: Value) -> int:
    """Read a position, for sorting."""
    return value if isinstance(value, int) else 0
