"""Records in a SQLite database, in the tables of `aanhangsel.tables`, for Datasette and SQL.

The tables get primary keys, a foreign key from every table to `documents` (Datasette links the rows),
full-text search on subject, mededeling, questions, answers and footnotes, and the view `qa`. Writing a
document replaces all of its rows in one transaction: an error or Ctrl-C halfway leaves the rows it had.
This is the only module that touches sqlite-utils.
"""

from __future__ import annotations

import os
import sqlite3
from typing import TYPE_CHECKING, Self

import sqlite_utils

from aanhangsel.errors import OutputError
from aanhangsel.tables import DOCUMENTS, QA_SQL, TABLES, Table, document_key, record_to_rows

if TYPE_CHECKING:
    from types import TracebackType

    from aanhangsel.models import Record


class Database:
    """A SQLite database of records, opened on a path (created if new); use it as a context manager.

    Raises:
        OutputError: the file cannot be opened or written as an aanhangsel database.

    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        """Open (or create) the database at `path` and make sure its tables, search and view exist."""
        self.path = os.fspath(path)
        try:
            self._db = sqlite_utils.Database(self.path, execute_plugins=False)
        except sqlite3.Error as exc:
            raise OutputError(f"cannot open {self.path} as a database: {exc}") from exc
        try:
            self._db.execute("PRAGMA foreign_keys = ON")
            self._create()
        except sqlite3.Error as exc:
            self._db.close()
            raise OutputError(f"cannot use {self.path} as a database: {exc}") from exc

    def __enter__(self) -> Self:
        """Use the database in a `with` block, which closes it."""
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        """Close the database."""
        self.close()

    def close(self) -> None:
        """Close the connection; every write is already committed."""
        self._db.close()

    def write(self, record: Record) -> None:
        """Store a record, replacing the rows of the same document (by id, or by SHA-256) in one transaction.

        Raises:
            OutputError: the rows could not be written; the database keeps what it had.

        """
        rows = record_to_rows(record)
        try:
            with self._db.atomic():
                self._delete(document_key(record), record.source.sha256)
                for table in TABLES:
                    self._db.table(table.name).insert_all(rows[table.name])
        except sqlite3.Error as exc:
            raise OutputError(f"cannot write {record.source.file} to {self.path}: {exc}") from exc

    def has_document(self, sha256: str) -> bool:
        """Say whether a PDF with this SHA-256 is stored (for --skip-existing)."""
        found = self._db.execute("SELECT 1 FROM documents WHERE sha256 = ? LIMIT 1", [sha256]).fetchone()
        return found is not None

    def _delete(self, key: str, sha256: str) -> None:
        """Delete a document's rows: those under its key, and those of an earlier parse of the same file."""
        keys = {key} | {
            row[0] for row in self._db.execute("SELECT document_id FROM documents WHERE sha256 = ?", [sha256])
        }
        for table in reversed(TABLES):  # the documents last: the other tables refer to them
            for old in sorted(keys):
                self._db.table(table.name).delete_where("document_id = ?", [old])

    def _create(self) -> None:
        """Create what is missing: tables with keys, indexes, full-text search and the view.

        A table that exists with other columns was made by another version: refuse rather than mix.
        """
        for table in TABLES:
            self._create_table(table)
        self._db.table(DOCUMENTS.name).create_index(["sha256"], if_not_exists=True)
        for table in TABLES:
            if table.search:
                # Idempotent: rebuilds only when the index or its triggers are missing or different.
                self._db.table(table.name).enable_fts(table.search, create_triggers=True, replace=True)
        self._db.create_view("qa", QA_SQL, replace=True)

    def _create_table(self, table: Table) -> None:
        """Create one table of the model, or check that the existing one has its columns."""
        existing = self._db.table(table.name)
        if existing.exists():
            if tuple(existing.columns_dict) != table.column_names:
                raise OutputError(
                    f"{self.path} was written by another version of aanhangsel (table {table.name} has other "
                    "columns); write to a new database"
                )
            return
        foreign_keys = [] if table is DOCUMENTS else [("document_id", DOCUMENTS.name, "document_id")]
        existing.create(
            dict(table.columns),
            pk=table.pk[0] if len(table.pk) == 1 else table.pk,
            foreign_keys=foreign_keys,
            not_null=set(table.pk),
        )
