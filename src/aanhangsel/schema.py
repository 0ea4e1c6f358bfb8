"""The record's JSON Schema, shipped as a file beside this module.

`aanhangsel schema` prints the file without building the Pydantic models. A test keeps the file equal to
what the models generate; `pytest --update-golden` rewrites it.
"""

from __future__ import annotations

import json
from pathlib import Path

SCHEMA_FILE = Path(__file__).with_name("record.schema.json")
"""The shipped schema."""


def read_schema() -> str:
    """Return the shipped JSON Schema text."""
    return SCHEMA_FILE.read_text(encoding="utf-8")


def generate_schema() -> str:
    """Generate the JSON Schema text from the record's models (imports pydantic)."""
    from aanhangsel.models import Record  # noqa: PLC0415  (only to regenerate the file)

    return json.dumps(Record.model_json_schema(), ensure_ascii=False, indent=2) + "\n"
