"""The database through the command line (`-o k.db`), read back with sqlite3 and Datasette; `--table`."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap

import pytest
import sqlite_utils
from typer.testing import CliRunner

from aanhangsel import batch, database
from aanhangsel.cli import app
from aanhangsel.output import csv_cell
from aanhangsel.tables import NAMES, record_to_rows, table_columns
from conftest import FIXTURES
from databases import BY_FILE, RECORDS, Unstorable, assert_whole, build, content, counts, entity_counts, query

runner = CliRunner()

SMALL = FIXTURES / "ah-tk-20232024-1949.pdf"  # two pages, quick: used where any document will do
MEDEDELING = FIXTURES / "ah-tk-20232024-1999.pdf"
COMBINED = FIXTURES / "ah-tk-20232024-1314.pdf"  # "Vraag 3, 4 en 5": a question beside a shared answer
ALL_PDFS = sorted(FIXTURES.glob("*.pdf"))


def parse(*args, stdin=None):
    return runner.invoke(app, ["parse", *map(str, args)], input=stdin)


def document_id(pdf):
    return BY_FILE[pdf.name].metadata.document_id


def parse_only(*allowed):
    """A `parse_pdf` for the workers (they are forked: they see it) that fails every file not `allowed`.

    A fixture gives its golden record, which is what it parses to (tests/test_golden.py), without the time
    parsing takes; any other file is parsed. `allowed` empty allows every file.
    """
    real = batch.parse_pdf

    def parse_pdf(source, *, name, options):
        if allowed and name not in {pdf.name for pdf in allowed}:
            message = f"{name} was parsed"
            raise RuntimeError(message)
        return BY_FILE.get(name) or real(source, name=name, options=options)

    return parse_pdf


def parse_nothing(source, *, name, options):
    """A `parse_pdf` that fails every file: nothing may be parsed."""
    del source, options
    message = f"{name} was parsed"
    raise RuntimeError(message)


@pytest.fixture
def quick(monkeypatch):
    """Workers give each fixture its golden record instead of parsing it; other files are parsed."""
    monkeypatch.setattr(batch, "parse_pdf", parse_only())


@pytest.fixture
def db_copy(tmp_path, fixtures_database):
    """A copy of the fixtures' database to write into."""
    return shutil.copy(fixtures_database, tmp_path / "k.db")


# --- the database of every fixture ------------------------------------------------------------------


def test_every_fixture_gives_one_row_per_entity_in_each_table_and_the_keys_hold(fixtures_database):
    assert len(RECORDS) == len(ALL_PDFS)
    assert counts(fixtures_database) == entity_counts(RECORDS)
    assert query(fixtures_database, "PRAGMA foreign_key_check") == []
    assert_whole(fixtures_database, ALL_PDFS)  # and so does each document's share


def test_the_command_line_writes_the_database_the_records_make(tmp_path, fixtures_database):
    assert content(fixtures_database) == content(build(tmp_path / "records.db"))


def test_full_text_search_finds_a_word(fixtures_database):
    found = query(
        fixtures_database,
        "SELECT DISTINCT a.document_id FROM answers_fts JOIN answers AS a ON a.rowid = answers_fts.rowid "
        "WHERE answers_fts MATCH 'vuurwerk'",
    )
    assert found == [("ah-tk-20232024-1771",)]


@pytest.mark.usefixtures("quick")
def test_running_twice_gives_the_same_database(tmp_path):
    path, pdfs = tmp_path / "k.db", [MEDEDELING, SMALL, COMBINED]
    for _ in range(2):
        assert parse(*pdfs, "-o", path).exit_code == 0
    assert content(path) == content(build(tmp_path / "records.db", [BY_FILE[pdf.name] for pdf in pdfs]))
    assert_whole(path, pdfs)


@pytest.mark.parametrize("name", ["k.sqlite", "k.SQLite3", "k.data"])
@pytest.mark.usefixtures("quick")
def test_the_database_is_chosen_by_extension_or_by_format(tmp_path, name):
    path = tmp_path / name
    result = parse(SMALL, "-o", path, *(["--format", "sqlite"] if name.endswith(".data") else []))
    assert result.exit_code == 0, result.stderr
    assert_whole(path, [SMALL])


# --- --skip-existing: by SHA-256, without parsing ---------------------------------------------------


def test_skip_existing_parses_nothing_the_database_holds(monkeypatch, db_copy, fixtures_database):
    monkeypatch.setattr(batch, "parse_pdf", parse_nothing)
    result = parse(FIXTURES, "-o", db_copy, "--skip-existing")
    assert result.exit_code == 0, result.stderr
    assert (
        result.stderr
        == f"{len(ALL_PDFS)} files: 0 converted, {len(ALL_PDFS)} skipped (output exists), 0 failed\n"
    )
    assert content(db_copy) == content(fixtures_database)


@pytest.mark.usefixtures("quick")
def test_skip_existing_goes_by_the_pdf_not_by_its_name(monkeypatch, tmp_path):
    path = tmp_path / "k.db"
    assert parse(SMALL, "-o", path).exit_code == 0
    renamed = shutil.copy(SMALL, tmp_path / "renamed.pdf")
    monkeypatch.setattr(batch, "parse_pdf", parse_only(MEDEDELING))
    result = parse(renamed, MEDEDELING, "-o", path, "--skip-existing")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "2 files: 1 converted, 1 skipped (output exists), 0 failed\n"
    assert_whole(path, [SMALL, MEDEDELING])


@pytest.mark.usefixtures("quick")
def test_skip_existing_knows_a_pdf_on_stdin(monkeypatch, tmp_path):
    path = tmp_path / "k.db"
    assert parse(SMALL, "-o", path).exit_code == 0
    monkeypatch.setattr(batch, "parse_pdf", parse_nothing)
    result = parse("-", "-o", path, "--skip-existing", stdin=SMALL.read_bytes())
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"Skipped: stdin: its record in {path} exists.\n"


@pytest.mark.usefixtures("quick")
def test_without_skip_existing_a_document_is_parsed_again_and_replaced(monkeypatch, tmp_path):
    path = tmp_path / "k.db"
    assert parse(SMALL, "-o", path).exit_code == 0
    monkeypatch.setattr(batch, "parse_pdf", parse_nothing)
    result = parse(SMALL, "-o", path)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {SMALL}: internal error, please report it: RuntimeError:")
    assert_whole(path, [SMALL])  # the failed parse took nothing away


@pytest.mark.usefixtures("quick")
def test_skip_existing_never_waits_for_a_named_pipe(tmp_path):
    path, fifo = tmp_path / "k.db", tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    result = parse(fifo, SMALL, "-o", path, "--skip-existing", "--timeout", "1")
    assert result.exit_code == 1
    assert f"Error: {fifo}: took longer than 1 s (raise --timeout)\n" in result.stderr
    assert_whole(path, [SMALL])


# --- what fails adds nothing ------------------------------------------------------------------------


@pytest.mark.usefixtures("quick")
def test_a_failing_file_among_good_ones_adds_no_rows(tmp_path):
    path, broken = tmp_path / "k.db", tmp_path / "broken.pdf"
    broken.write_bytes(MEDEDELING.read_bytes()[:4000])
    result = parse(SMALL, broken, COMBINED, "-o", path, "--jobs", "2")
    assert result.exit_code == 1
    assert f"Error: {broken}: damaged PDF" in result.stderr
    assert "3 files: 2 converted, 1 failed" in result.stderr
    assert_whole(path, [SMALL, COMBINED])


@pytest.mark.usefixtures("quick")
def test_a_record_that_cannot_be_written_fails_that_file_only(monkeypatch, tmp_path):
    path = tmp_path / "k.db"
    monkeypatch.setattr(database, "record_to_rows", Unstorable(database.record_to_rows, only=SMALL.name))
    result = parse(MEDEDELING, SMALL, COMBINED, "-o", path)
    assert result.exit_code == 1
    assert f"Error: {SMALL}: cannot write {SMALL.name} to {path}: " in result.stderr
    assert_whole(path, [MEDEDELING, COMBINED])


def test_a_file_that_is_not_a_database_is_one_error_line_before_any_parsing(monkeypatch, tmp_path):
    notes = tmp_path / "notes.db"
    notes.write_text("not a database, just text\n" * 100, encoding="utf-8")
    monkeypatch.setattr(batch, "parse_pdf", parse_nothing)
    result = parse(SMALL, "-o", notes)
    assert result.exit_code == 1
    assert result.stderr == f"Error: cannot use {notes} as a database: file is not a database\n"
    assert notes.read_text(encoding="utf-8") == "not a database, just text\n" * 100


# --- Ctrl-C and a killed run ------------------------------------------------------------------------


@pytest.mark.usefixtures("quick")
def test_ctrl_c_halfway_through_a_document_leaves_the_documents_before_it_whole(monkeypatch, tmp_path):
    path = tmp_path / "k.db"
    real_insert = sqlite_utils.db.Table.insert_all
    written = []

    def insert_then_interrupt(table, rows, *args, **kwargs):
        rows = list(rows)
        if table.name == "documents":
            written.append(rows[0]["file"])
        if table.name == "answers" and len(written) == 2:  # the second document, halfway
            raise KeyboardInterrupt
        return real_insert(table, rows, *args, **kwargs)

    monkeypatch.setattr(sqlite_utils.db.Table, "insert_all", insert_then_interrupt)
    result = parse(MEDEDELING, SMALL, COMBINED, "-o", path)
    assert result.exit_code == 130
    assert result.stderr == "Interrupted after 1 of 3 files; outputs written are complete.\n"
    assert written == [MEDEDELING.name, SMALL.name]
    monkeypatch.setattr(sqlite_utils.db.Table, "insert_all", real_insert)
    assert_whole(path, [MEDEDELING])
    resumed = parse(MEDEDELING, SMALL, COMBINED, "-o", path, "--skip-existing")
    assert resumed.stderr == "3 files: 2 converted, 1 skipped (output exists), 0 failed\n"
    assert_whole(path, [MEDEDELING, SMALL, COMBINED])


# The tool run with the second document's write cut off halfway, as by `kill -9`: the process ends at once,
# in the middle of the transaction, with no clean-up (no rollback, no close).
KILLED_HALFWAY = """
import os, sys
import sqlite_utils
from aanhangsel.cli import main

real_insert = sqlite_utils.db.Table.insert_all
documents = []

def insert_then_die(table, rows, *args, **kwargs):
    rows = list(rows)
    documents.extend(row["file"] for row in rows if table.name == "documents")
    if table.name == "answers" and len(documents) == 2:
        real_insert(table, rows, *args, **kwargs)
        os._exit(9)
    return real_insert(table, rows, *args, **kwargs)

sqlite_utils.db.Table.insert_all = insert_then_die
sys.argv = ["aanhangsel", "parse", *sys.argv[1:]]
main()
"""


def test_a_run_killed_halfway_through_a_document_leaves_the_documents_before_it_whole(tmp_path):
    path = tmp_path / "k.db"
    killed = subprocess.run(  # noqa: S603  (our own interpreter and arguments)
        [sys.executable, "-c", textwrap.dedent(KILLED_HALFWAY), MEDEDELING, SMALL, COMBINED, "-o", path],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert killed.returncode == 9, killed.stderr
    assert (tmp_path / "k.db-journal").exists()  # the transaction was cut off: SQLite rolls it back
    assert_whole(path, [MEDEDELING])


# --- --table ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.usefixtures("quick")
def test_table_gives_the_rows_of_that_table_with_its_columns_in_sqlite(fixtures_database, name):
    result = parse(COMBINED, "--format", "csv", "--table", name.upper())
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    with sqlite3.connect(fixtures_database) as connection:
        cursor = connection.execute(f'SELECT * FROM "{name}" WHERE document_id = ?', [document_id(COMBINED)])
        in_sqlite = [[csv_cell(value) for value in row] for row in cursor.fetchall()]
        columns = [column[0] for column in cursor.description]
    assert rows[0] == columns == list(table_columns(name))
    assert rows[1:] == in_sqlite
    assert len(rows[1:]) == len(record_to_rows(BY_FILE[COMBINED.name])[name])


@pytest.mark.usefixtures("quick")
def test_table_goes_into_a_csv_file_and_a_folder_and_skip_existing_knows_its_header(tmp_path):
    target = tmp_path / "qa.csv"
    assert parse(COMBINED, MEDEDELING, "-o", target, "--table", "qa").exit_code == 0
    text = target.read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0]) == table_columns("qa")
    assert [row["question_numbers"] for row in rows if row["document_id"] == document_id(COMBINED)] == [
        "1", "2", "3, 4, 5", "6",
    ]  # fmt: skip
    again = parse(COMBINED, MEDEDELING, "-o", target, "--table", "qa", "--skip-existing")
    assert again.stderr == "2 files: 0 converted, 2 skipped (output exists), 0 failed\n"
    out = tmp_path / "out"
    assert parse(COMBINED, "-d", out, "-f", "csv", "--table", "footnotes").exit_code == 0
    assert (
        (out / f"{COMBINED.stem}.csv").read_text(encoding="utf-8").startswith("document_id,position,number,")
    )


# --- Datasette --------------------------------------------------------------------------------------


def lateness(record):
    """A record's ministry, whether it came late (1 or 0) and its mededeling's reason, as in `documents`."""
    meta = record.metadata
    ministry = meta.respondent.ministry if meta.respondent else None
    late = None if meta.answered_late is None else int(meta.answered_late)
    return ministry.name if ministry else None, late, record.mededeling.reason if record.mededeling else None


@pytest.mark.skipif(importlib.util.find_spec("datasette") is None, reason="datasette is not installed")
def test_datasette_lists_every_document_with_its_ministry_lateness_and_reason(fixtures_database):
    shown = subprocess.run(  # noqa: S603  (our own interpreter and arguments)
        [sys.executable, "-m", "datasette", str(fixtures_database), "--get", "/k/documents.json"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    page = json.loads(shown.stdout)
    listed = {
        row["file"]: (row["ministry"], row["answered_late"], row["reason"])
        for row in (dict(zip(page["columns"], values, strict=True)) for values in page["rows"])
    }
    assert listed == {record.source.file: lateness(record) for record in RECORDS}
    assert listed["ah-tk-20232024-1786.pdf"] == ("Financiën", 1, None)
    assert listed["ah-tk-20232024-1999.pdf"] == (
        "Binnenlandse Zaken en Koninkrijksrelaties",
        0,
        "answered_by_letter",
    )
