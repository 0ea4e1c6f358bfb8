"""aanhangsel: Dutch parliamentary 'Aanhangsel van de Handelingen' PDFs as validated, structured JSON.

The public names are imported when first used (PEP 562), so that `import aanhangsel` and `aanhangsel
--version` load neither pydantic nor a PDF library.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
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

__version__ = "0.1.0"
"""The package's version; pyproject.toml reads it from here (`[tool.hatch.version]`)."""

_HOMES = {
    "AanhangselError": "aanhangsel.errors",
    "InputNotFoundError": "aanhangsel.errors",
    "NotAnAanhangselError": "aanhangsel.errors",
    "OutputError": "aanhangsel.errors",
    "UnreadablePdfError": "aanhangsel.errors",
    "Record": "aanhangsel.models",
    "ParseOptions": "aanhangsel.options",
    "analyse_pdf": "aanhangsel.parse",
    "parse_pdf": "aanhangsel.parse",
}
"""The module each public name comes from."""


def __getattr__(name: str) -> object:
    """Import a public name from its module when it is first used."""
    home = _HOMES.get(name)
    if home is None:
        message = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(message)
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """List the public names too, before they are first used."""
    return sorted({*globals(), *_HOMES})


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
