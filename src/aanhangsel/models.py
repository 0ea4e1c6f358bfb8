"""The v1 record: the single source of truth for what `aanhangsel parse` prints.

Field docstrings become the JSON Schema descriptions (`aanhangsel schema`). The order of the fields is the
order of the keys in the JSON.

Version 1 gained fields after its first release (ministries, deadline, mededeling reason, references,
footnote citations, the source's URL; docs/RECORD.md "Additions"). Each addition has a default, so a v1
record written before them still validates; the parser always fills them in.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION: Literal[1] = 1

Part = Literal["question", "answer", "footnote", "mededeling"]
"""The parts of a record that hold text a citation can stand in."""


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
    url: str | None = None
    """The document's official publication page, formed from its id:
    "https://zoek.officielebekendmakingen.nl/ah-tk-20232024-1786.html"; null without a document id."""


class Questioner(_Model):
    """One member of parliament who put the questions."""

    name: str
    """Name as printed in the intro: "Van Nispen", "Romke de Jong"."""
    party: str | None
    """Party as printed ("GroenLinks-PvdA"); "(allen D66)" gives each member the party; null if none."""


class Ministry(_Model):
    """A ministry in its canonical form, from the table in `aanhangsel.ministries`."""

    name: str
    """The ministry's name on the date the office acted, whatever the PDF prints ("BZ", an old name, a
    minister *voor* a portfolio): an addressee on `submitted_on`, the respondent and co-respondents on
    `received_on` (so "Economische Zaken en Klimaat" in 2020 and "Economische Zaken" in 2025). A name not
    in the table stays as printed, with a warning."""
    abbreviation: str | None
    """The ministry's abbreviation in that period ("EZK", "EZ", "JenV"); null for a name not in the table."""


class Respondent(_Model):
    """The member of government who answered or sent the mededeling."""

    role: str
    """Office: "Minister", "Staatssecretaris"."""
    name: str | None
    """Name as printed: "Van Rij"; null when the intro names only the office ("de Minister van …")."""
    department: str | None
    """Department as printed in parentheses: "Financiën – Fiscaliteit en Belastingdienst"."""
    portfolio: str | None = None
    """The part of the department after " – ": "Fiscaliteit en Belastingdienst"; null when there is none."""
    ministry: Ministry | None = None
    """The department's ministry, canonical ("BZ" → Buitenlandse Zaken); a Minister-President's is
    Algemene Zaken; null when no department is printed."""


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
    addressee_ministries: list[Ministry] = []
    """The ministry of each addressee, in the same order as `addressees` (one entry per office)."""
    subject: str | None
    """The text after "over" up to "(ingezonden", no final period, italics dropped, guillemets kept."""
    submitted_on: dt.date | None
    """Ingezonden: the date the questions were submitted."""
    respondent: Respondent | None
    """Who answered, or sent the mededeling."""
    co_respondents: list[str]
    """Offices answering together with the respondent ("mede namens …", joint answers), one per entry."""
    co_respondent_ministries: list[Ministry] = []
    """The ministry of each co-respondent, in the same order as `co_respondents`."""
    received_on: dt.date | None
    """Ontvangen: the date the answer or mededeling was received."""
    days_to_answer: int | None
    """received_on − submitted_on in days; null when either is missing."""
    answer_term_days: int | None = None
    """The chamber's term for written questions in days: 21 for the Tweede Kamer (three weeks, Reglement
    van Orde); null for the Eerste Kamer, whose Reglement van Orde sets none, or an unknown chamber."""
    answered_late: bool | None = None
    """Whether `days_to_answer` exceeds the term. For a mededeling this measures the notice itself: the
    Reglement asks for the delay notice within the same term. Null when the term or the days are unknown."""
    days_late: int | None = None
    """Days beyond the term, 0 when in time; null when `answered_late` is null."""
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


class FoundIn(_Model):
    """A part of the record: a question, answer or footnote by its numbers, or the mededeling."""

    part: Part
    """Which kind of part."""
    numbers: list[int]
    """The block's label numbers ([2, 3] for "Vraag 2 en 3"), the footnote's number; [] for the mededeling."""


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
    cited_in: list[FoundIn] = []
    """The blocks whose markers point to this footnote: questions first, then answers, then the mededeling."""


class Mededeling(_Model):
    """The text under the "Mededeling" heading."""

    text: str
    """The notice, as a reader would type it."""
    footnote_refs: list[int]
    """Numbers of the footnote markers in the text, in order."""
    reason: Literal["postponed", "answered_by_letter", "other"] | None = None
    """What the notice says, from its wording: "postponed" (the answers need more time), "answered_by_letter"
    (the questions were answered in a letter), or "other"."""
    letter_kamerstuk: str | None = None
    """For "answered_by_letter": the id of the letter's Kamerstuk when printed ("(36 471-64)" →
    "kst-36471-64"); null otherwise."""


ReferenceKind = Literal[
    "kamerstuk", "aanhangsel", "handelingen", "staatsblad", "staatscourant", "kamervraag", "web", "domain"
]
"""What a citation points to."""


class Reference(_Model):
    """One citation in a text or footnote, each occurrence its own entry."""

    kind: ReferenceKind
    """Kamerstuk, Aanhangsel, Handelingen, Staatsblad, Staatscourant, kamervraag number, web address, or a
    bare domain named as a source ("(forbes.com)")."""
    id: str | None
    """The publication id formed from the citation: "kst-31066-1512", "ah-tk-20222023-844",
    "h-tk-20232024-45-12", "stb-2020-118", "stcrt-2023-12345", "2025Z18684"; for a web address the address
    with "https://" added when it has no scheme; for a domain the domain in lower case; null when the citation
    does not give enough to form one (no invented parts)."""
    url: str | None
    """The official publication page (zoek.officielebekendmakingen.nl for kst/ah/h/stb/stcrt, tweedekamer.nl
    for a kamervraag number), the address itself for "web"; null otherwise."""
    text: str
    """The citation exactly as it stands in the record's text."""
    found_in: FoundIn
    """The part of the record the citation stands in."""
    role: Literal["own", "cited"] | None
    """For a kamervraag number: "own" when the sentence it stands in names one of the document's questioners
    or its submission date ("Op 3 oktober heeft het lid Van der Werf (D66) hierover vragen gesteld
    (2025Z18684)"), "cited" otherwise; null for the other kinds."""


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
    references: list[Reference] = []
    """Every citation in the texts and footnotes, in order: questions, answers, mededeling, footnotes."""
    warnings: list[str]
    """What the parser had to guess or could not reconcile: numbering gaps, unanswered questions, …"""


def record_json(record: Record) -> str:
    """Serialise a record as indented UTF-8 JSON text (not ASCII-escaped), the same bytes every time."""
    return record.model_dump_json(indent=2) + "\n"
