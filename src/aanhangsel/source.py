"""One PDF's bytes and the name it goes by, read once: the same bytes are hashed and parsed."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from aanhangsel.errors import InputNotFoundError

PdfSource = str | os.PathLike[str] | bytes
"""What the library parses: a path (as text or a path object) or the PDF's bytes."""

STDIN_NAME = "stdin"
"""The name a PDF given as bytes goes by when the caller names none (`cat x.pdf | aanhangsel parse -`)."""


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


def load_pdf(source: PdfSource, *, name: str | None = None) -> PdfFile:
    """Read a PDF's bytes once; bytes are taken as they are, named `name` or "stdin".

    Raises:
        InputNotFoundError: the path does not exist or cannot be read.

    """
    if isinstance(source, bytes):
        return PdfFile(name=name or STDIN_NAME, data=source)
    path = Path(os.fsdecode(source))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputNotFoundError((exc.strerror or str(exc)).lower()) from exc
    return PdfFile(name=name or printable_name(path.name), data=data)


def printable_name(name: str) -> str:
    """Make a file name valid text: bytes that are not UTF-8 (kept by the OS as surrogates) become U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
