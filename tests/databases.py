"""Databases for the tests: the golden records written with the library, and what sqlite3 reads back."""

from __future__ import annotations

import sqlite3

from aanhangsel.database import Database
from aanhangsel.models import Record
from aanhangsel.tables import TABLES
from conftest import FIXTURES

RECORDS = [
    Record.model_validate_json(path.read_text(encoding="utf-8")) for path in sorted(FIXTURES.glob("*.json"))
]
"""Every golden record: what the fixture PDFs parse to (tests/test_golden.py)."""
BY_FILE = {record.source.file: record for record in RECORDS}


def build(path, records=RECORDS):
    """Write records into the database at `path` with the library."""
    with Database(path) as db:
        for record in records:
            db.write(record)
    return path


def query(path, sql, parameters=()):
    """Run one SQL statement with sqlite3 and return its rows."""
    with sqlite3.connect(path) as connection:
        return connection.execute(sql, parameters).fetchall()


def content(path):
    """Everything a reader can see: the schema and every table's rows in key order."""
    schema = query(path, "SELECT type, name, sql FROM sqlite_master ORDER BY name")
    rows = {
        table.name: query(path, f'SELECT * FROM "{table.name}" ORDER BY {", ".join(table.pk)}')
        for table in TABLES
    }
    return schema, rows, query(path, "SELECT * FROM qa")


def counts(path, document_id=None):
    """Rows per table, of one document or of all."""
    where, parameters = ("WHERE document_id = ?", [document_id]) if document_id else ("", [])
    return {
        table.name: query(path, f'SELECT count(*) FROM "{table.name}" {where}', parameters)[0][0]
        for table in TABLES
    }


def assert_whole(path, pdfs):
    """Assert that the database holds exactly these fixtures, each with all its rows, and its keys hold."""
    assert query(path, "SELECT file FROM documents ORDER BY file") == sorted((pdf.name,) for pdf in pdfs)
    records = [BY_FILE[pdf.name] for pdf in pdfs]
    for record in records:
        assert counts(path, record.metadata.document_id) == entity_counts([record])
    assert counts(path) == entity_counts(records)
    assert query(path, "PRAGMA foreign_key_check") == []
    assert query(path, "PRAGMA integrity_check") == [("ok",)]


def entity_counts(records):
    """Rows per table that records make: one per entity."""
    return {
        "documents": len(records),
        "questioners": sum(len(record.metadata.questioners) for record in records),
        "addressees": sum(len(record.metadata.addressees) for record in records),
        "questions": sum(len(record.questions) for record in records),
        "answers": sum(len(record.answers) for record in records),
        "footnotes": sum(len(record.footnotes) for record in records),
        "references": sum(len(record.references) for record in records),
        "warnings": sum(len(record.warnings) for record in records),
    }


class Unstorable:
    """A `record_to_rows` whose last table, the warnings, holds a value SQLite cannot store.

    `only` names the one file whose record cannot be stored; by default none can be.
    """

    def __init__(self, real, only=None):
        self.real = real
        self.only = only

    def __call__(self, record):
        rows = self.real(record)
        if self.only in {None, record.source.file}:
            key = rows["documents"][0]["document_id"]
            rows["warnings"] = [{"document_id": key, "position": 1, "message": object()}]
        return rows
