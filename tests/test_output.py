"""CSV is the table model as text: the documents by default, any table or the view by name, cells safe."""

from __future__ import annotations

import csv
import io

import pytest

from aanhangsel.errors import OutputError
from aanhangsel.models import Record
from aanhangsel.output import CSV_COLUMNS, Format, csv_cell, csv_header, record_rows, render, render_csv
from aanhangsel.tables import NAMES, record_to_rows, table_columns
from conftest import FIXTURES

COMBINED = Record.model_validate_json((FIXTURES / "ah-tk-20232024-1314.json").read_text(encoding="utf-8"))


def read(text):
    return list(csv.DictReader(io.StringIO(text)))


def test_the_default_csv_is_the_documents_table_one_row_per_document():
    rows = read(render(COMBINED, Format.CSV))
    assert len(rows) == 1
    assert tuple(rows[0]) == CSV_COLUMNS == table_columns("documents")
    assert rows[0]["document_id"] == "ah-tk-20232024-1314"


@pytest.mark.parametrize("table", NAMES)
def test_every_table_and_the_view_render_with_their_columns_and_rows(table):
    text = render_csv(COMBINED, header=True, table=table)
    assert text.startswith(csv_header(table))
    rows = read(text)
    assert len(rows) == len(record_to_rows(COMBINED)[table])
    assert all(tuple(row) == table_columns(table) for row in rows)


def test_the_qa_view_gives_one_row_per_question_with_its_answer():
    rows = record_rows(COMBINED, "qa")
    assert [row["question_numbers"] for row in rows] == ["1", "2", "3, 4, 5", "6"]
    assert rows[2]["answer_numbers"] == "3, 4, 5"
    assert rows[2]["answer"].startswith("Het is van groot belang dat iedereen in Nederland")


def test_rows_without_a_header_continue_a_file():
    assert render_csv(COMBINED, header=False, table="questions").count("document_id,position") == 0


def test_an_unknown_table_is_a_typed_error():
    with pytest.raises(OutputError, match="no table 'vragen'; the tables are documents, questioners"):
        render(COMBINED, Format.CSV, table="vragen")
    with pytest.raises(OutputError, match="no table"):
        csv_header("vragen")


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        (None, ""),
        (19, "19"),
        (-3, "-3"),  # a number is data, whatever its sign: never prefixed
        (0, "0"),
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+31 70 123", "'+31 70 123"),
        ("-3", "'-3"),  # text that starts like a formula is text, and stays text
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("– een opsomming", "– een opsomming"),  # the en dash of a list item is no formula
        ("Bent u bekend met", "Bent u bekend met"),
        ("", ""),
    ],
)
def test_a_cell_a_spreadsheet_would_run_as_a_formula_starts_with_an_apostrophe(value, cell):
    assert csv_cell(value) == cell


def test_a_database_is_no_text_to_render():
    with pytest.raises(OutputError, match="sqlite is not text"):
        render(COMBINED, Format.SQLITE)
