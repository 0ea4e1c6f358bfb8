"""aanhangsel: Dutch parliamentary 'Aanhangsel van de Handelingen' PDFs as validated, structured JSON."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from aanhangsel.errors import (
    AanhangselError,
    InputNotFoundError,
    NotAnAanhangselError,
    OutputError,
    UnreadablePdfError,
)
from aanhangsel.models import Record
from aanhangsel.options import ParseOptions
from aanhangsel.parse import analyse_pdf, parse_pdf

try:
    __version__ = version("aanhangsel")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = [
    "AanhangselError",
    "InputNotFoundError",
    "NotAnAanhangselError",
    "OutputError",
    "ParseOptions",
    "Record",
    "UnreadablePdfError",
    "__version__",
    "analyse_pdf",
    "parse_pdf",
]
