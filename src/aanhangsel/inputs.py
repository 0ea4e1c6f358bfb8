"""What the arguments name: files, folders, glob patterns, and `-` for stdin, as the documents to read.

Folders and patterns yield regular files only (a FIFO among them would hang the batch, a link to
`/dev/zero` would never end); a file named outright may be anything readable, so `/dev/stdin` and a shell's
`<(…)` work. `-` is either a PDF (its bytes are one document, named "stdin") or a list of paths, one a
line or, with `-0`, NUL-separated as `find -print0` writes them. Whether the arguments could name several
documents is decided from their shape alone, never from what a folder or pattern holds today, so a script's
output format does not change in a quiet week.
"""

from __future__ import annotations

import glob
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from aanhangsel.errors import InputError, InputNotFoundError, UnreadableInputError
from aanhangsel.source import STDIN_NAME, input_error, load_pdf, looks_like_pdf, read_stream

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from aanhangsel.source import PdfFile

STDIN = "-"
GLOB_CHARACTERS = frozenset("*?[")

# Kinds of file that are not regular files, as messages name them.
_FILE_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
)


@dataclass(frozen=True, slots=True)
class Input:
    """One document to read: a file, or the bytes of a PDF that came on stdin."""

    path: Path | None
    """The file as named (for messages and outputs); None for a PDF read from stdin."""
    data: bytes | None = None
    """The PDF's bytes when they came on stdin, already read."""

    @property
    def label(self) -> str:
        """How messages name it: the path as given, or "stdin"."""
        return STDIN_NAME if self.path is None else str(self.path)

    @property
    def stem(self) -> str:
        """The file name without its extension: "stdin" for stdin."""
        return STDIN_NAME if self.path is None else self.path.stem

    def load(self, max_bytes: int) -> PdfFile:
        """Read the bytes (once) and name them as the record will.

        Raises:
            InputError: the file cannot be read or is larger than `max_bytes`.
            UnreadablePdfError: the file is empty.

        """
        return load_pdf((self.data or b"") if self.path is None else self.path, max_bytes=max_bytes)


@dataclass(frozen=True, slots=True)
class Problem:
    """An argument, or something below it, that names nothing readable."""

    item: Input
    """What was named (stdin included), or the file or folder found below it."""
    error: InputError
    """Why it cannot be read."""


@dataclass(frozen=True, slots=True)
class Inputs:
    """The documents a batch will read, and what the arguments named that cannot be read."""

    items: tuple[Input, ...]
    """Documents in the order named; folders and patterns in sorted order; each file once."""
    problems: tuple[Problem, ...]
    """A reason for every argument that names no file, and every file or folder below one that cannot be
    read."""
    repeated: tuple[str, ...] = ()
    """Files named more than once (each is read once), as they were named again."""
    several: bool = False
    """Whether the arguments could name several documents: more than one argument, a folder, a pattern, or
    `-`. Only one plain file cannot."""

    @property
    def total(self) -> int:
        """How many results the batch will have: one per document and one per problem."""
        return len(self.items) + len(self.problems)


def expand_inputs(arguments: Iterable[str], stdin: BinaryIO, *, null: bool = False, max_bytes: int) -> Inputs:
    """Turn arguments into the documents they name.

    Args:
        arguments: files, folders (every *.pdf below), glob patterns, and "-" for stdin.
        stdin: where "-" reads from: a PDF's bytes, or paths one a line.
        null: paths on stdin are separated by NUL bytes (`find -print0`), not by line ends.
        max_bytes: the size limit, also for what comes on stdin.

    """
    arguments = list(arguments)
    collector = _Collector()
    for argument in arguments:
        if argument == STDIN:
            collector.add_stdin(stdin, null=null, max_bytes=max_bytes)
        else:
            collector.add_argument(argument)
    several = len(arguments) > 1 or any(_may_name_several(argument) for argument in arguments)
    return Inputs(
        items=tuple(collector.items),
        problems=tuple(collector.problems),
        repeated=tuple(dict.fromkeys(collector.repeated)),
        several=several,
    )


def _may_name_several(argument: str) -> bool:
    """Tell whether an argument's shape allows several documents: `-`, a folder, or a pattern."""
    path = Path(argument)
    return argument == STDIN or path.is_dir() or (not path.exists() and bool(GLOB_CHARACTERS & set(argument)))


@dataclass
class _Collector:
    """Documents and problems as the arguments are expanded, each file kept once."""

    items: list[Input] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    repeated: list[str] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)

    def add_argument(self, argument: str) -> None:
        """Add what one command-line argument names: a path, or else a pattern."""
        if not Path(argument).exists() and GLOB_CHARACTERS & set(argument):
            self._add_pattern(argument)
        else:
            self._add_path(Path(argument))

    def add_stdin(self, stdin: BinaryIO, *, null: bool, max_bytes: int) -> None:
        """Add what stdin holds: one PDF, or paths (plain paths: no patterns)."""
        if STDIN in self.seen:
            self.repeated.append(STDIN_NAME)
            return
        self.seen.add(STDIN)
        try:
            data = read_stream(stdin, max_bytes)
            if looks_like_pdf(data):
                self.items.append(Input(path=None, data=data))
                return
            names = list(_paths_on_stdin(data, null=null))
        except InputError as error:
            self.problems.append(Problem(Input(path=None), error))
            return
        for name in names:
            self._add_path(Path(name))

    def _add_path(self, path: Path) -> None:
        """Add a folder's PDFs, or a file named outright."""
        if path.is_dir():
            self._add_folder(path)
        elif path.exists():
            self._add_file(path)
        else:
            self.problems.append(Problem(Input(path), InputNotFoundError("no such file")))

    def _add_file(self, path: Path) -> None:
        """Add a file named outright: any kind of file, for `/dev/stdin` and `<(…)` are pipes."""
        identity = os.path.realpath(path)
        if identity in self.seen:
            self.repeated.append(str(path))
            return
        self.seen.add(identity)
        self.items.append(Input(path=path))

    def _add_found(self, path: Path) -> None:
        """Add a file found in a folder or by a pattern, if it is a regular file."""
        try:
            mode = path.stat().st_mode
        except OSError:
            self.problems.append(Problem(Input(path), InputNotFoundError("no such file (a broken link)")))
            return
        kind = next((name for test, name in _FILE_KINDS if test(mode)), None)
        if kind is not None:
            self.problems.append(Problem(Input(path), UnreadableInputError(f"not a regular file ({kind})")))
            return
        self._add_file(path)

    def _add_folder(self, folder: Path) -> None:
        """Add every *.pdf below a folder, in sorted order; a folder that cannot be read is a problem."""
        found, unreadable = _walk(folder)
        self.problems.extend(
            Problem(Input(Path(os.fsdecode(error.filename or folder))), _unreadable_folder(error))
            for error in unreadable
        )
        if not found and not unreadable:
            self.problems.append(Problem(Input(folder), InputNotFoundError("no PDF files in this folder")))
        for path in found:
            self._add_found(path)

    def _add_pattern(self, pattern: str) -> None:
        """Add what a glob pattern matches: files, and the PDFs below matching folders."""
        matches = sorted(glob.glob(pattern, recursive=True))  # noqa: PTH207  (patterns from users, as a shell reads them)
        if not matches:
            self.problems.append(
                Problem(Input(Path(pattern)), InputNotFoundError("no file matches this pattern"))
            )
        for match in map(Path, matches):
            if match.is_dir():
                self._add_folder(match)
            else:
                self._add_found(match)


def _paths_on_stdin(data: bytes, *, null: bool) -> Iterator[str]:
    """Split stdin into paths: one a line, or NUL-separated with `-0`; empty entries are left out.

    Raises:
        UnreadableInputError: stdin holds NUL bytes but `-0` was not given: binary data, not a list.

    """
    if not null and b"\0" in data:
        message = "neither a PDF nor a list of paths (it holds binary data; -0 reads NUL-separated paths)"
        raise UnreadableInputError(message)
    entries = data.split(b"\0") if null else data.splitlines()
    for entry in entries:
        name = entry if null else entry.strip()
        if name:
            yield os.fsdecode(name)


def _walk(folder: Path) -> tuple[list[Path], list[OSError]]:
    """List every *.pdf below a folder (links to folders are not followed), and the folders not read."""
    unreadable: list[OSError] = []
    found = [
        Path(root) / name
        for root, _, names in os.walk(folder, onerror=unreadable.append)
        for name in names
        if name.lower().endswith(".pdf")
    ]
    return sorted(found), unreadable


def _unreadable_folder(error: OSError) -> InputError:
    """Say why a folder below an argument could not be read."""
    return UnreadableInputError(f"cannot read this folder: {input_error(error)}")
