"""One PDF's bytes and the name it goes by, read once: the same bytes are hashed and parsed."""

from __future__ import annotations

import errno
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from aanhangsel.errors import (
    InputError,
    InputNotFoundError,
    InputTooLargeError,
    UnreadableInputError,
)

if TYPE_CHECKING:
    from typing import BinaryIO as BinaryStream

PdfSource = str | os.PathLike[str] | bytes
"""What the library parses: a path (as text or a path object) or the PDF's bytes."""

STDIN_NAME = "stdin"
"""The name a PDF given as bytes goes by when the caller names none (`cat x.pdf | aanhangsel parse -`)."""

MEGABYTE = 1024 * 1024
# Streams are read in pieces of this size, so a limit holds however long the stream would go on.
_CHUNK = MEGABYTE


@dataclass(frozen=True, slots=True)
class PdfFile:
    """The bytes of one PDF and the file name it goes by."""

    name: str
    """The file's base name, never its folder (records must not depend on where a file lies)."""
    data: bytes
    """Every byte of the file."""

    @property
    def sha256(self) -> str:
        """Hex SHA-256 of the bytes."""
        return hashlib.sha256(self.data).hexdigest()


def load_pdf(source: PdfSource, *, name: str | None = None, max_bytes: int | None = None) -> PdfFile:
    """Read a PDF's bytes once; bytes are taken as they are, named `name` or "stdin".

    Raises:
        InputNotFoundError: the path does not exist.
        UnreadableInputError: the path cannot be read.
        InputTooLargeError: the file holds more than `max_bytes`.

    """
    if isinstance(source, bytes):
        return PdfFile(name=name or STDIN_NAME, data=source)
    path = Path(os.fsdecode(source))
    return PdfFile(name=name or printable_name(path.name), data=read_file(path, max_bytes))


def read_file(path: Path, max_bytes: int | None = None) -> bytes:
    """Read a file's bytes once, stopping past `max_bytes`: a FIFO or `/dev/zero` may never end.

    Any kind of file is read: a pipe (`/dev/stdin`, a shell's `<(…)`) has no size to check beforehand.

    Raises:
        InputNotFoundError: the path does not exist.
        UnreadableInputError: the path cannot be read.
        InputTooLargeError: the file holds more than `max_bytes`.

    """
    try:
        with path.open("rb", buffering=0) as stream:
            if max_bytes is not None and os.fstat(stream.fileno()).st_size > max_bytes:  # a regular file
                raise InputTooLargeError(too_large(max_bytes))
            return read_stream(stream, max_bytes)
    except OSError as exc:
        raise input_error(exc) from exc


def read_stream(stream: BinaryStream, max_bytes: int | None) -> bytes:
    """Read a stream to its end in pieces, stopping as soon as it holds more than `max_bytes`.

    Raises:
        InputTooLargeError: the stream holds more than `max_bytes`.

    """
    data = bytearray()
    while chunk := stream.read(_CHUNK):
        data += chunk
        if max_bytes is not None and len(data) > max_bytes:
            raise InputTooLargeError(too_large(max_bytes))
    return bytes(data)


def too_large(max_bytes: int) -> str:
    """Say that an input is over the size limit, and how to raise it."""
    return f"larger than {max_bytes // MEGABYTE} MB (raise --max-size)"


def input_error(exc: OSError) -> InputError:
    """Turn the system's reason for not reading a path into our error, worded the same everywhere."""
    if exc.errno == errno.ENOENT:
        return InputNotFoundError("no such file")
    if exc.errno == errno.EACCES:
        return UnreadableInputError("permission denied")
    return UnreadableInputError((exc.strerror or str(exc)).lower())


def looks_like_pdf(data: bytes) -> bool:
    """Tell whether bytes start as a PDF does: "%PDF-", perhaps after white space."""
    return data[:1024].lstrip().startswith(b"%PDF")


def printable_name(name: str) -> str:
    """Make a file name valid text: bytes that are not UTF-8 (kept by the OS as surrogates) become U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
