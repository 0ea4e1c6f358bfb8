"""Where results go: stdout, one file, a folder with a file per input, or a SQLite database.

Each is one object that owns its target paths, `--skip-existing`, what it refuses (an output that is an
input, two inputs with one output), the CSV header and the atomic write; `destination_for` picks one
from the options, once.

The rules, stated once:
- `--output-dir DIR`: one `<name>.json` (or `.jsonl`, `.csv` by `--format`) per input.
- `--output FILE`: the format comes from the extension (.json, .jsonl, .csv; .db, .sqlite, .sqlite3 for
  SQLite) unless `--format` says it; a .json file holds one record, JSON Lines and CSV files and databases
  hold any number. `-o -` is stdout.
- stdout: JSON Lines when the arguments could name several documents (a folder, a pattern, `-`, more
  than one argument), indented JSON for one plain file; `--format` overrides.
- SQLite is a file: never stdout, never one per input in a folder.
- CSV is the `documents` table; `--table` names another table of the model or the view `qa`, and is for
  CSV only.
- No output ever overwrites an input.

A destination also says what a worker must hand back for each record (`prepare`): rendered text for the
text destinations, the record itself for the database, which this process alone writes.
"""

from __future__ import annotations

import csv
import errno
import glob
import io
import json
import os
import stat
import sys
import tempfile
from abc import ABC, abstractmethod
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, Self, cast

from aanhangsel.errors import AanhangselError, OutputError, StdoutClosedError, UsageError
from aanhangsel.output import Format, csv_header, render
from aanhangsel.results import FileResult, Status

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from types import TracebackType
    from typing import BinaryIO

    from aanhangsel.database import Database
    from aanhangsel.inputs import Input, Inputs
    from aanhangsel.models import Record

STDOUT = "-"
SUFFIX_FORMATS = {
    ".json": Format.JSON,
    ".jsonl": Format.JSONL,
    ".csv": Format.CSV,
    ".db": Format.SQLITE,
    ".sqlite": Format.SQLITE,
    ".sqlite3": Format.SQLITE,
}
"""The format an `--output` file's extension names."""
DEFAULT_TABLE = "documents"
"""The table a CSV holds unless `--table` names another: one row per document."""
# Temporary files are `.<name>.<8 random characters>.tmp` (`tempfile.mkstemp`): a run killed between
# writing one and renaming it leaves it behind; the next run into the same place removes it.
_TEMPORARY = ".{name}.????????.tmp"


class Prepare(Protocol):
    """What a worker makes of each record for its destination; it must pickle, to reach the worker."""

    def __call__(self, record: Record) -> object:
        """Turn a record into what the destination writes."""
        ...


@dataclass(frozen=True, slots=True)
class RenderText:
    """Render records as text in the worker: the main process only writes it out."""

    output_format: Format
    """The format; CSV rows come without the header, which the destination writes once per file."""
    table: str = DEFAULT_TABLE
    """For CSV: the table of the model, or the view `qa`, whose rows are written."""

    def __call__(self, record: Record) -> str:
        """Render one record."""
        return render(record, self.output_format, header=False, table=self.table)

    def header(self) -> str:
        """Give the line a file starts with: the CSV header, nothing for JSON."""
        return csv_header(self.table) if self.output_format is Format.CSV else ""

    def wrote_whole(self, path: Path) -> bool:
        """Tell whether `path` holds whole output of this kind (`is_complete`)."""
        return is_complete(path, self.output_format, self.table)


def keep_record(record: Record) -> Record:
    """Hand the record itself back to the main process."""
    return record


class Destination(ABC):
    """Where the results of a batch go. Used as a context manager around the batch."""

    prepare: Prepare = staticmethod(keep_record)
    """What a worker hands back for each record: by default the record itself."""

    def accept(self, items: Sequence[Input]) -> tuple[list[Input], list[FileResult]]:
        """Split inputs into those this destination takes and failed results for those it refuses."""
        return list(items), []

    def existing_output(self, item: Input) -> str | None:
        """With `--skip-existing`: the complete output that already holds this input's record, if any."""
        del item
        return None

    @abstractmethod
    def deliver(self, result: FileResult) -> FileResult:
        """Write a converted file's payload; return the result, failed if it could not be written.

        Raises:
            OutputError: nothing more can be written (stdout or the one output file is gone or full).

        """

    def __enter__(self) -> Self:
        """Get ready to write."""
        return self

    def __exit__(  # noqa: B027  (most destinations have nothing to finish)
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        """Finish writing: a batch that ended early leaves no half output behind."""


class Stdout(Destination):
    """Records on stdout: indented JSON, JSON Lines, or CSV rows under one header; or text as it comes."""

    def __init__(self, output_format: Format | None, table: str = DEFAULT_TABLE) -> None:
        """Print records in `output_format` (CSV: `table`'s rows); None prints what a job hands back."""
        self._header = ""
        if output_format is not None:
            self.prepare = render_text = RenderText(output_format, table)
            self._header = render_text.header()
        self._stream: BinaryIO | None = None

    def __enter__(self) -> Self:
        """Find stdout, and start CSV with its header.

        Raises:
            OutputError: stdout is closed.

        """
        stream = _stdout()
        if stream is None:
            raise OutputError("cannot write to stdout: it is closed")
        self._stream = stream
        self.write(self._header)
        return self

    def deliver(self, result: FileResult) -> FileResult:
        """Print a converted file's text."""
        if result.status is Status.CONVERTED:
            self.write(str(result.payload))
        return result

    def write(self, text: str) -> None:
        """Write UTF-8 text, whatever the locale, and flush it: records stream out as they are done.

        Raises:
            StdoutClosedError: the reader of stdout went away.
            OutputError: stdout cannot be written (a full disk).

        """
        if not text or self._stream is None:
            return
        try:
            self._stream.write(text.encode("utf-8"))
            self._stream.flush()
        except BrokenPipeError:
            _silence_stdout()
            raise StdoutClosedError("stdout was closed by its reader") from None
        except OSError as exc:
            _silence_stdout()
            raise OutputError(f"cannot write to stdout: {_reason(exc)}") from exc


def _stdout() -> BinaryIO | None:
    """Find the byte stream under stdout; None when the process was started with stdout closed."""
    return None if sys.stdout is None else sys.stdout.buffer


def _silence_stdout() -> None:
    """Point stdout at /dev/null once it fails, so the interpreter's last flush does not fail again."""
    try:
        descriptor = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file (tests), or already gone
        return
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, descriptor)
    os.close(null)


class OneFile(Destination):
    """Every record in one file, written whole.

    Records go into a temporary file beside it, renamed into place at the end if anything was written. An
    interrupted run, or one that could not write, leaves the earlier file as it was.
    """

    def __init__(
        self, path: Path, output_format: Format, *, table: str = DEFAULT_TABLE, skip_existing: bool
    ) -> None:
        """Write records to `path` in `output_format` (CSV: rows of `table`)."""
        self.prepare = self._render = RenderText(output_format, table)
        self._path, self._skip_existing = path, skip_existing
        self._temporary: Path | None = None
        self._stream: BinaryIO | None = None
        self._written = 0
        self._complete = False

    def __enter__(self) -> Self:
        """Clear stale temporary files, see whether the output is complete, and open a temporary file.

        Raises:
            OutputError: the folder cannot be written.

        """
        remove_stale_temporaries(self._path.parent, glob.escape(self._path.name))
        self._complete = self._skip_existing and self._render.wrote_whole(self._path)
        handle, name = _temporary_file(self._path)
        self._temporary, self._stream = Path(name), os.fdopen(handle, "wb")
        return self

    def existing_output(self, item: Input) -> str | None:
        """Name the output file if it is complete and `--skip-existing` was given: every input is skipped."""
        del item
        return str(self._path) if self._complete else None

    def deliver(self, result: FileResult) -> FileResult:
        """Append a converted file's text; a CSV file starts with its header."""
        if result.status is Status.CONVERTED:
            self._write(("" if self._written else self._render.header()) + str(result.payload))
            self._written += 1
        return result

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        """Rename the temporary file into place if the batch ended normally and wrote something."""
        if self._stream is None or self._temporary is None:
            return
        try:
            self._stream.close()
            if kind is None and self._written:
                os.chmod(self._temporary, _file_mode())  # noqa: PTH101  (mkstemp makes 0600)
                self._temporary.replace(self._path)
        except OSError as exc:
            raise OutputError(f"cannot write {self._path}: {_reason(exc)}") from exc
        finally:
            self._temporary.unlink(missing_ok=True)

    def _write(self, text: str) -> None:
        """Write to the temporary file.

        Raises:
            OutputError: the disk is full or the file cannot be written.

        """
        if not text or self._stream is None:
            return
        try:
            self._stream.write(text.encode("utf-8"))
        except OSError as exc:
            raise OutputError(f"cannot write {self._path}: {_reason(exc)}") from exc


class Folder(Destination):
    """One file per input in a folder, `<name><suffix>`, each written atomically."""

    def __init__(
        self, folder: Path, output_format: Format, *, table: str = DEFAULT_TABLE, skip_existing: bool
    ) -> None:
        """Write one file per input into `folder` in `output_format` (CSV: rows of `table`)."""
        self.prepare = self._render = RenderText(output_format, table)
        self._folder, self._format, self._skip_existing = folder, output_format, skip_existing

    def __enter__(self) -> Self:
        """Create the folder and clear stale temporary files of ours from it.

        Raises:
            OutputError: the folder cannot be created.

        """
        create_folder(self._folder)
        remove_stale_temporaries(self._folder, f"*{self._format.suffix}")
        return self

    def target(self, item: Input) -> Path:
        """Name the file an input's record goes to: `<folder>/<name><suffix>`."""
        return self._folder / f"{item.stem}{self._format.suffix}"

    def accept(self, items: Sequence[Input]) -> tuple[list[Input], list[FileResult]]:
        """Refuse an input whose output would overwrite an input, or the output of an input before it.

        "2023/x.pdf" and "2024/x.pdf" both become "<dir>/x.json": the second must not overwrite the first.
        """
        inputs = _identities(item.path for item in items if item.path is not None)
        owners: dict[Path, Input] = {}
        kept: list[Input] = []
        refused: list[FileResult] = []
        for item in items:
            target = self.target(item)
            if target in owners:
                reason = f"its output {target} is already the output of {owners[target].label}"
            elif _identity(target) in inputs:
                reason = f"its output {target} is one of the inputs"
            else:
                owners[target] = item
                kept.append(item)
                continue
            refused.append(FileResult(item, Status.FAILED, error=OutputError(reason)))
        return kept, refused

    def existing_output(self, item: Input) -> str | None:
        """With `--skip-existing`: the input's output file, if it is there and complete."""
        target = self.target(item)
        return str(target) if self._skip_existing and self._render.wrote_whole(target) else None

    def deliver(self, result: FileResult) -> FileResult:
        """Write a converted file's output; a failure to write fails that file only."""
        if result.status is not Status.CONVERTED:
            return result
        try:
            write_atomic(self.target(result.item), self._render.header() + str(result.payload))
        except OutputError as error:
            return replace(result, status=Status.FAILED, payload=None, error=error)
        return result


class SqliteFile(Destination):
    """Records in a SQLite database: workers hand back the records, this process alone writes them.

    SQLite has one writer; the tables, keys and search are `aanhangsel.database`'s. Each document is one
    transaction that replaces its rows (by `document_id`): a file that fails adds none, and after Ctrl-C or
    a killed run every document in the database is whole, since SQLite rolls an unfinished transaction
    back. The database is written in place, not renamed into place: it is meant to grow over many runs.
    """

    def __init__(self, path: Path, *, skip_existing: bool, max_bytes: int) -> None:
        """Write records into the database at `path`; `max_bytes` is the size limit of one input."""
        self._path, self._skip_existing, self._max_bytes = path, skip_existing, max_bytes
        self._database: Database | None = None

    def __enter__(self) -> Self:
        """Open the database, creating it and its tables if they are new.

        Raises:
            OutputError: the file cannot be opened or used as an aanhangsel database.

        """
        from aanhangsel.database import Database  # noqa: PLC0415  (sqlite-utils only when a database is written)

        self._database = Database(self._path)
        return self

    def existing_output(self, item: Input) -> str | None:
        """With `--skip-existing`: say the database holds this input if it holds a PDF with its SHA-256."""
        if not self._skip_existing or self._database is None:
            return None
        sha256 = _sha256(item, self._max_bytes)
        if sha256 is None or not self._database.has_document(sha256):
            return None
        return f"its record in {self._path}"

    def deliver(self, result: FileResult) -> FileResult:
        """Store a converted file's record; a record that cannot be written fails that file only."""
        if result.status is not Status.CONVERTED or self._database is None:
            return result
        try:
            self._database.write(cast("Record", result.payload))
        except OutputError as error:
            return replace(result, status=Status.FAILED, payload=None, error=error)
        return result

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        """Close the database: every document written is committed, a document cut short is not there."""
        if self._database is not None:
            self._database.close()


def _sha256(item: Input, max_bytes: int) -> str | None:
    """Hash an input as its record's `source.sha256` is made; None for what cannot be read twice or at all.

    A PDF that came on stdin is in memory already. A regular file is read here, and read again by its
    worker if it is parsed: from the page cache, so the worker need not know about the database. Reading,
    hashing and looking up take 0.07 ms a document, parsing 105 ms (`python benchmarks/database.py`). A
    pipe or a device can be read once (reading it here would leave nothing for the worker): it is parsed
    and its rows replaced. A file that cannot be read is left to its worker, which says why.
    """
    if item.path is not None and not _is_regular_file(item.path):
        return None
    try:
        return item.load(max_bytes).sha256
    except AanhangselError:
        return None


def _is_regular_file(path: Path) -> bool:
    """Tell whether a path is a regular file, without opening it (opening a FIFO waits for a writer)."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def destination_for(  # noqa: PLR0913  (one parameter per output option)
    *,
    output: str | None,
    output_dir: Path | None,
    requested: Format | None,
    table: str | None,
    found: Inputs,
    skip_existing: bool,
    max_bytes: int,
) -> Destination:
    """Pick where records go from the output options (the rules are in this module's docstring).

    `table` is the one `--table` names (None: not given); `max_bytes` the size limit of one input.

    Raises:
        UsageError: the options do not fit together or with the inputs.

    """
    if output is not None and output_dir is not None:
        raise UsageError("--output and --output-dir cannot be used together")
    if output_dir is not None:
        chosen = requested or Format.JSON
        _text_only(chosen, "is one database for every input; give --output FILE.db, not --output-dir")
        _table_fits(chosen, table)
        return Folder(output_dir, chosen, table=table or DEFAULT_TABLE, skip_existing=skip_existing)
    if output is None or output == STDOUT:
        if skip_existing:
            raise UsageError("--skip-existing needs --output FILE or --output-dir DIR")
        chosen = requested or (Format.JSONL if found.several else Format.JSON)
        _text_only(chosen, "is a database file, not text for stdout; give --output FILE.db")
        _table_fits(chosen, table)
        _one_record_at_most(chosen, found, "--format json prints one record")
        return Stdout(chosen, table or DEFAULT_TABLE)
    path = Path(output)
    refuse_to_overwrite_inputs(path, found, "--output")
    chosen = _file_format(path, requested)
    _table_fits(chosen, table)
    if chosen is Format.SQLITE:
        return SqliteFile(path, skip_existing=skip_existing, max_bytes=max_bytes)
    _one_record_at_most(chosen, found, f"{path} is a JSON file: it holds one record")
    return OneFile(path, chosen, table=table or DEFAULT_TABLE, skip_existing=skip_existing)


def _text_only(chosen: Format, why_not_sqlite: str) -> None:
    """Refuse SQLite where only text can go (stdout, a file per input).

    Raises:
        UsageError: SQLite was asked for.

    """
    if chosen is Format.SQLITE:
        raise UsageError(f"--format sqlite {why_not_sqlite}")


def _table_fits(chosen: Format, table: str | None) -> None:
    """Refuse `--table` for anything but CSV: JSON holds whole records, a database every table.

    Raises:
        UsageError: `--table` was given and the format is not CSV.

    """
    if table is not None and chosen is not Format.CSV:
        raise UsageError(f"--table is for CSV, and the output is {chosen}; give --format csv or -o FILE.csv")


def _file_format(path: Path, requested: Format | None) -> Format:
    """Choose the format of an `--output` file: from its extension, or `--format` if that agrees.

    Raises:
        UsageError: the path is a folder, or the extension is unknown, or disagrees with `--format`.

    """
    if path.is_dir():
        raise UsageError(f"--output {path} is a folder; use --output-dir for one file per input")
    implied = SUFFIX_FORMATS.get(path.suffix.lower())
    if requested is not None and implied is not None and requested is not implied:
        raise UsageError(f"--format {requested} does not fit {path}, a {implied} file name")
    chosen = requested or implied
    if chosen is None:
        known = ", ".join(SUFFIX_FORMATS)
        raise UsageError(f"cannot tell the format of {path} from its extension ({known}); give --format")
    return chosen


def _one_record_at_most(chosen: Format, found: Inputs, what: str) -> None:
    """Refuse JSON output for several documents: indented JSON records one after another are no JSON.

    Raises:
        UsageError: JSON was chosen and there are several documents.

    """
    if chosen is Format.JSON and len(found.items) > 1:
        message = f"{what}, and {len(found.items)} inputs were found; use jsonl or csv, or --output-dir"
        raise UsageError(message)


def refuse_to_overwrite_inputs(path: Path, found: Inputs, option: str) -> None:
    """Refuse an output file that is one of the inputs (`-o x.pdf` for input x.pdf).

    Raises:
        UsageError: the file is one of the inputs.

    """
    if _identity(path) in _identities(item.path for item in found.items if item.path is not None):
        raise UsageError(f"{option} {path} is one of the inputs; it would be overwritten")


def _identity(path: Path) -> tuple[int, int] | None:
    """Identify an existing file by device and inode (the same file however it is named); else None."""
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_dev, status.st_ino


def _identities(paths: Iterable[Path]) -> set[tuple[int, int] | None]:
    """Identify the existing files among `paths`."""
    return {identity for identity in map(_identity, paths) if identity is not None}


def is_complete(path: Path, output_format: Format, table: str = DEFAULT_TABLE) -> bool:
    """Tell whether an output file was written whole.

    It ends with the newline the writer always writes, and JSON parses as one record (JSON) or one per line
    (JSON Lines); CSV starts with the header of its table and every row has all its columns.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    if not text.endswith("\n"):
        return False
    if output_format is Format.CSV:
        return _complete_csv(text, table)
    documents = [text] if output_format is Format.JSON else text.splitlines()
    try:
        return all(isinstance(json.loads(document), dict) for document in documents)
    except ValueError:
        return False


def _complete_csv(text: str, table: str) -> bool:
    """Tell whether CSV text starts with the header of its table and every row has as many cells."""
    header = csv_header(table)
    if not text.startswith(header):
        return False
    try:
        rows = list(csv.reader(io.StringIO(text), strict=True))
    except csv.Error:
        return False
    return all(len(row) == len(rows[0]) for row in rows)


def remove_stale_temporaries(folder: Path, name: str) -> None:
    """Remove temporary files of ours left by a killed run: `.<name>.<random>.tmp`, `name` a pattern."""
    for stale in folder.glob(_TEMPORARY.format(name=name)):
        stale.unlink(missing_ok=True)


def create_folder(folder: Path) -> None:
    """Create an output folder, and the folders above it, unless it exists.

    Raises:
        OutputError: the folder cannot be created.

    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create output folder {folder}: {_reason(exc)}") from exc


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write UTF-8 text, or bytes, to `path` through a temporary file beside it, then rename it into place.

    Raises:
        OutputError: the folder does not exist or cannot be written.

    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    handle, temporary = _temporary_file(path)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            os.fchmod(stream.fileno(), _file_mode())  # mkstemp makes 0600; give the usual rights
        Path(temporary).replace(path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {_reason(exc)}") from exc


def _temporary_file(path: Path) -> tuple[int, str]:
    """Create a temporary file beside `path`, named so a later run can find it if it is left behind.

    Raises:
        OutputError: the folder does not exist or cannot be written.

    """
    try:
        return tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {_reason(exc)}") from exc


def _reason(exc: OSError) -> str:
    """Give the operating system's reason for not writing, in lower case as our messages are."""
    if exc.errno == errno.ENOENT:  # what is missing when a file cannot be created is its folder
        return "no such folder"
    return (exc.strerror or str(exc)).lower()


def _file_mode() -> int:
    """Read/write rights for a new file under the process's umask (0644 under the usual 022)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
