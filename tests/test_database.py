"""The SQLite database as sqlite3 reads it: counts, keys, search, the view, replacing, failing.

Through the command line, and in Datasette: tests/test_cli_database.py.
"""

from __future__ import annotations

import re
import sqlite3

import pytest

from aanhangsel import database as database_module
from aanhangsel.database import Database
from aanhangsel.errors import OutputError
from aanhangsel.tables import QA_COLUMNS, records_to_rows
from databases import BY_FILE, RECORDS, Unstorable, build, content, counts, entity_counts, query


@pytest.fixture(scope="module")
def fixtures_db(tmp_path_factory):
    return build(tmp_path_factory.mktemp("db") / "kamervragen.db")


def test_every_table_has_as_many_rows_as_the_records_have_entities(fixtures_db):
    assert counts(fixtures_db) == entity_counts(RECORDS)


def test_foreign_keys_hold_and_the_file_is_sound(fixtures_db):
    assert query(fixtures_db, "PRAGMA foreign_key_check") == []
    assert query(fixtures_db, "PRAGMA integrity_check") == [("ok",)]
    keys = query(fixtures_db, "PRAGMA foreign_key_list(questions)")
    assert [(row[2], row[3], row[4]) for row in keys] == [("documents", "document_id", "document_id")]


@pytest.mark.parametrize(
    ("table", "word", "document_id"),
    [
        ("documents", "baggersector", "ah-tk-20232024-1786"),  # the subject
        ("documents", "hoofdlijnenakkoord", "ah-tk-20232024-1999"),  # the subject and the mededeling
        ("questions", "Jemen", "ah-tk-20232024-2129"),
        ("answers", "vuurwerk", "ah-tk-20232024-1771"),
        ("footnotes", "Atradius", "ah-tk-20232024-1786"),
    ],
)
def test_full_text_search_finds_a_word(fixtures_db, table, word, document_id):
    found = query(
        fixtures_db,
        f"SELECT DISTINCT t.document_id FROM {table}_fts AS f JOIN {table} AS t ON t.rowid = f.rowid "
        f"WHERE {table}_fts MATCH ?",
        [word],
    )
    assert found == [(document_id,)]


def test_the_qa_view_is_the_same_as_the_tables_qa_rows(fixtures_db):
    names = [name for name, _ in QA_COLUMNS]
    expected = [tuple(row[name] for name in names) for row in records_to_rows(RECORDS)["qa"]]
    assert query(fixtures_db, "SELECT * FROM qa") == expected


def test_writing_the_same_records_again_gives_the_same_database(tmp_path, fixtures_db):
    twice = build(build(tmp_path / "twice.db"))
    assert content(twice) == content(fixtures_db)
    yemen = [q for q in BY_FILE["ah-tk-20232024-2129.pdf"].questions if re.search(r"\bJemen\b", q.text)]
    assert yemen
    assert query(twice, "SELECT count(*) FROM questions_fts WHERE questions_fts MATCH 'Jemen'") == [
        (len(yemen),)
    ]


def test_has_document_knows_a_pdf_by_its_sha256(fixtures_db):
    with Database(fixtures_db) as db:
        assert db.has_document(RECORDS[0].source.sha256)
        assert not db.has_document("0" * 64)


def test_a_document_without_an_id_is_stored_under_its_sha256_and_replaced_when_it_gets_one(tmp_path):
    record = BY_FILE["ah-tk-20232024-1786.pdf"]
    anonymous = record.model_copy(
        update={"metadata": record.metadata.model_copy(update={"document_id": None})}
    )
    path = build(tmp_path / "k.db", [anonymous])
    assert query(path, "SELECT document_id FROM documents") == [(record.source.sha256,)]
    build(path, [record])  # the same file, parsed again, now with its id
    assert query(path, "SELECT document_id FROM documents") == [("ah-tk-20232024-1786",)]
    assert query(path, "SELECT DISTINCT document_id FROM questions") == [("ah-tk-20232024-1786",)]


def test_a_record_that_fails_leaves_no_rows_and_the_old_rows_stay(tmp_path, monkeypatch):
    path = build(tmp_path / "k.db", RECORDS[:1])
    before = content(path)
    monkeypatch.setattr(database_module, "record_to_rows", Unstorable(database_module.record_to_rows))
    with Database(path) as db:
        with pytest.raises(OutputError, match=f"cannot write {RECORDS[1].source.file} to "):
            db.write(RECORDS[1])  # a new document: none of its rows may stay
        with pytest.raises(OutputError):
            db.write(RECORDS[0])  # the same document again: its old rows must stay
    assert content(path) == before


def test_an_interrupted_write_leaves_the_database_as_it_was(tmp_path, monkeypatch):
    path = build(tmp_path / "k.db", RECORDS[:1])
    before = content(path)
    real_insert = database_module.sqlite_utils.db.Table.insert_all
    calls = []

    def insert_then_interrupt(self, *args, **kwargs):
        calls.append(self.name)
        if self.name == "footnotes":  # halfway: documents, questions and answers are written
            raise KeyboardInterrupt
        return real_insert(self, *args, **kwargs)

    monkeypatch.setattr(database_module.sqlite_utils.db.Table, "insert_all", insert_then_interrupt)
    with Database(path) as db, pytest.raises(KeyboardInterrupt):
        db.write(RECORDS[0])
    assert "answers" in calls
    monkeypatch.undo()
    assert content(path) == before


def test_a_database_in_a_missing_folder_is_a_typed_error(tmp_path):
    with pytest.raises(OutputError, match=r"cannot open .* as a database: unable to open database file"):
        Database(tmp_path / "no-such-folder" / "k.db")


def test_a_file_that_is_not_a_database_is_a_typed_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("not a database, just text\n" * 100, encoding="utf-8")
    with pytest.raises(OutputError, match=f"cannot use {path} as a database"):
        Database(path)


def test_a_database_of_another_version_is_refused(tmp_path):
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE documents (document_id TEXT PRIMARY KEY, file TEXT)")
    with pytest.raises(OutputError, match="written by another version of aanhangsel"):
        Database(path)
