"""The v1 record: the single source of truth for what `aanhangsel parse` prints.

Field docstrings become the JSON Schema descriptions (`aanhangsel schema`). The order of the fields is the
order of the keys in the JSON.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION: Literal[1] = 1


class _Model(BaseModel):
    """Strict, immutable, and closed to unknown keys."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, use_attribute_docstrings=True)


class Source(_Model):
    """The file the record was parsed from."""

    file: str
    """The PDF's file name, without its folder."""
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    """Hex SHA-256 of the PDF's bytes."""
    pages: int = Field(ge=1)
    """Number of pages."""


class Questioner(_Model):
    """One member of parliament who put the questions."""

    name: str
    """Name as printed in the intro: "Van Nispen", "Romke de Jong"."""
    party: str | None
    """Party as printed ("GroenLinks-PvdA"); "(allen D66)" gives each member the party; null if none."""


class Respondent(_Model):
    """The member of government who answered or sent the mededeling."""

    role: str
    """Office: "Minister", "Staatssecretaris"."""
    name: str | None
    """Name as printed: "Van Rij"; null when the intro names only the office ("de Minister van …")."""
    department: str | None
    """Department as printed in parentheses: "Financiën – Fiscaliteit en Belastingdienst"."""


class SeeAlso(_Model):
    """An earlier Aanhangsel entry that the intro refers to ("Zie ook Aanhangsel Handelingen, …")."""

    session: str = Field(pattern=r"^\d{4}-\d{4}$")
    """Vergaderjaar of the referenced entry, "2014-2015"."""
    number: int = Field(ge=1)
    """Aanhangselnummer of the referenced entry."""


class Metadata(_Model):
    """Who asked whom about what, when, and who answered."""

    document_id: str | None
    """Official id from the page-1 id block: "ah-tk-20232024-1786" ("ah-ek-…" for the Eerste Kamer)."""
    chamber: Literal["Tweede Kamer", "Eerste Kamer"] | None
    """The chamber whose members asked."""
    session: str | None = Field(pattern=r"^\d{4}-\d{4}$")
    """Vergaderjaar, "2023-2024" (ASCII hyphen)."""
    number: int | None = Field(ge=1)
    """Aanhangselnummer: the bold number above the intro (never the page number in the running footer)."""
    kind: Literal["answer", "mededeling"]
    """"answer" for "Antwoord van …", "mededeling" for "Mededeling van …" (a notice instead of answers)."""
    questioners: list[Questioner]
    """The members who asked, in printed order."""
    addressees: list[str]
    """One office per entry, singular, with its preposition: "Minister voor Natuur en Stikstof"."""
    subject: str | None
    """The text after "over" up to "(ingezonden", no final period, italics dropped, guillemets kept."""
    submitted_on: dt.date | None
    """Ingezonden: the date the questions were submitted."""
    respondent: Respondent | None
    """Who answered, or sent the mededeling."""
    co_respondents: list[str]
    """Offices answering together with the respondent ("mede namens …", joint answers), one per entry."""
    received_on: dt.date | None
    """Ontvangen: the date the answer or mededeling was received."""
    days_to_answer: int | None
    """received_on − submitted_on in days; null when either is missing."""
    see_also: list[SeeAlso]
    """Earlier entries the intro refers to with "Zie ook Aanhangsel Handelingen, …"."""
    kamervraag_numbers: list[str]
    """Every kamervraag number ("2025Z18684") printed in the document, in order, without repeats."""


class Block(_Model):
    """One printed question or answer block."""

    numbers: list[int] = Field(min_length=1)
    """Every number of its label: "Vraag 2 en 3" → [2, 3]."""
    text: str
    """The text as a reader would type it; paragraphs separated by one newline."""
    footnote_refs: list[int]
    """Numbers of the footnote markers in the text, in order."""
    page: int = Field(ge=1)
    """The page the label stands on."""


class Footnote(_Model):
    """One footnote, complete even when it continues on the next page."""

    number: int = Field(ge=1)
    """The footnote's number."""
    text: str
    """The footnote's text."""
    urls: list[str]
    """The web addresses in the text, whole."""
    page: int = Field(ge=1)
    """The page where the footnote starts."""


class Mededeling(_Model):
    """The text under the "Mededeling" heading."""

    text: str
    """The notice, as a reader would type it."""
    footnote_refs: list[int]
    """Numbers of the footnote markers in the text, in order."""


class Record(_Model):
    """Everything parsed from one Aanhangsel PDF."""

    schema_version: Literal[1] = SCHEMA_VERSION
    """Version of this record layout."""
    source: Source
    """The file the record was parsed from."""
    metadata: Metadata
    """Who asked whom about what, when, and who answered."""
    questions: list[Block]
    """The question blocks as printed."""
    answers: list[Block]
    """The answer blocks as printed."""
    footnotes: list[Footnote]
    """Every footnote."""
    mededeling: Mededeling | None
    """The mededeling; null for an answer."""
    warnings: list[str]
    """What the parser had to guess or could not reconcile: numbering gaps, unanswered questions, …"""


def record_json(record: Record) -> str:
    """Serialise a record as indented UTF-8 JSON text (not ASCII-escaped), the same bytes every time."""
    return record.model_dump_json(indent=2) + "\n"
