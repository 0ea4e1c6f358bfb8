"""Records as text: indented JSON, JSON Lines, CSV rows of the table model; the lines `explain` prints.

Where the text goes (stdout, a file, a folder) is `destination.py`'s business; the one format that is not
text, SQLite, is named here among the others and written by `aanhangsel.database`. Importing this module
is cheap: the models are imported when a record is rendered, so `--help` can list the formats.
"""

from __future__ import annotations

import csv
import io
from enum import StrEnum
from typing import TYPE_CHECKING

from aanhangsel.errors import OutputError
from aanhangsel.tables import NAMES, record_to_rows, table_columns

if TYPE_CHECKING:
    from collections.abc import Iterable

    from aanhangsel.hyphenation import HyphenDecision
    from aanhangsel.models import Record
    from aanhangsel.parse import PartHyphen
    from aanhangsel.tables import Value


class Format(StrEnum):
    """How records are written."""

    JSON = "json"
    """One indented JSON document per record."""
    JSONL = "jsonl"
    """One record per line (JSON Lines)."""
    CSV = "csv"
    """One row per document (the `documents` table), or the rows of another table of the model."""
    SQLITE = "sqlite"
    """A SQLite database of every table (`aanhangsel.database`): a file, not text."""

    @property
    def suffix(self) -> str:
        """File name ending for this format."""
        return f".{self.value}"


CSV_COLUMNS = table_columns("documents")
"""The columns of the default CSV: the `documents` table, one row per document."""

# What a spreadsheet runs as a formula when a cell starts with it (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def render(record: Record, output_format: Format, *, header: bool = True, table: str = "documents") -> str:
    """Render one record in a text format; for CSV, `table` names the table (or `qa`) and `header` its header.

    Raises:
        OutputError: the format is not text, or there is no table of that name.

    """
    if output_format is Format.JSON:
        from aanhangsel.models import record_json  # noqa: PLC0415  (pydantic only once a record exists)

        return record_json(record)
    if output_format is Format.JSONL:
        return record.model_dump_json() + "\n"
    if output_format is Format.CSV:
        return render_csv(record, header=header, table=table)
    raise OutputError(f"{output_format} is not text: a database is written by aanhangsel.database")


def csv_header(table: str = "documents") -> str:
    """Render the CSV header line of a table (or of the view `qa`).

    Raises:
        OutputError: there is no table of that name.

    """
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(_columns(table))
    return buffer.getvalue()


def render_csv(record: Record, *, header: bool, table: str = "documents") -> str:
    """Render a record's rows of one table as CSV, the same columns as in the SQLite database."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=_columns(table), lineterminator="\n")
    if header:
        writer.writeheader()
    writer.writerows(record_rows(record, table))
    return buffer.getvalue()


def record_rows(record: Record, table: str = "documents") -> list[dict[str, str]]:
    """Make a record's CSV rows of one table (or of the view `qa`), every cell safe in a spreadsheet."""
    _columns(table)
    return [{name: csv_cell(value) for name, value in row.items()} for row in record_to_rows(record)[table]]


def csv_cell(value: Value) -> str:
    """Write one cell: nothing as empty, numbers as they are, formula-like text after an apostrophe.

    A number is data whatever its sign ("-3" days is read as minus three, never run), so only text is
    neutralised: "=HYPERLINK(…)" becomes "'=HYPERLINK(…)", as OWASP recommends.
    """
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def _columns(table: str) -> tuple[str, ...]:
    """Look up the columns of a table or the view.

    Raises:
        OutputError: there is no table of that name.

    """
    if table not in NAMES:
        raise OutputError(f"no table {table!r}; the tables are {', '.join(NAMES)}")
    return table_columns(table)


def hyphen_lines(file: str, hyphens: Iterable[PartHyphen]) -> str:
    """One tab-separated line per line-end hyphen: file, part, page, verdict, the break, the join, why."""
    return "".join(_hyphen_line(file, hyphen.part, hyphen.decision) for hyphen in hyphens)


def _hyphen_line(file: str, part: str, decision: HyphenDecision) -> str:
    """One line of `hyphen_lines`."""
    verdict = "kept" if decision.kept else "removed"
    fields = (file, part, f"p{decision.page}", verdict, f"{decision.left}|{decision.right}", decision.joined)
    return "\t".join((*fields, decision.reason)) + "\n"
