"""Score records against the hand-made gold (tests/gold/), field by field, the way the corpus scorer does.

The fields and their normalisation are those of the project's corpus scorer (`score.py`, which the test
suite must not depend on, hence this reimplementation): the metadata fields one check each; per question
and answer block its text, its number of paragraphs and its footnote markers; the labels, the footnote
numbers, each footnote's text and the mededeling's text. Texts are compared in NFC with every run of white
space folded to one space; paragraph breaks count through the number of paragraphs.

A gold record keeps the metadata at its top level (the shared corpus's format, with `notes` on the
document's oddities); a record nests it under "metadata" (the v1 record).
"""

from __future__ import annotations

import json
import tomllib
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from conftest import FIXTURES

if TYPE_CHECKING:
    from collections.abc import Callable

GOLD = Path(__file__).resolve().parent / "gold"
"""One hand-made gold record per fixture that has one: `tests/gold/<case>.json` for `fixtures/<case>.pdf`."""
FLOORS = Path(__file__).resolve().parent / "floors.toml"
"""The accuracy floors, which may only rise."""

META_FIELDS = (
    "document_id", "chamber", "session", "number", "kind", "questioners", "addressees", "subject",
    "submitted_on", "respondent", "co_respondents", "received_on", "see_also",
)  # fmt: skip

Record = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Check:
    """One comparison of a record with its gold."""

    document: str
    """The fixture's case name."""
    field: str
    """What was compared: "meta.addressees", "answer.text", "footnote.numbers", …"""
    gold: object
    """The gold's value, normalised."""
    got: object
    """The record's value, normalised the same way."""

    @property
    def right(self) -> bool:
        """Whether the record agrees with the gold."""
        return self.gold == self.got


@dataclass(frozen=True, slots=True)
class Score:
    """Every check of a set of records against their gold."""

    checks: tuple[Check, ...]
    """The checks, document by document, in the order they were made."""

    def fields(self) -> dict[str, tuple[int, int]]:
        """Per field, how many checks are right and how many there are, fields in sorted order."""
        right: Counter[str] = Counter()
        total: Counter[str] = Counter()
        for check in self.checks:
            total[check.field] += 1
            right[check.field] += check.right
        return {field: (right[field], total[field]) for field in sorted(total)}

    def documents(self) -> tuple[int, int]:
        """How many documents are fully right, and how many were scored."""
        wrong = {check.document for check in self.checks if not check.right}
        scored = {check.document for check in self.checks}
        return len(scored - wrong), len(scored)

    def wrong(self) -> tuple[Check, ...]:
        """The checks that disagree with the gold."""
        return tuple(check for check in self.checks if not check.right)

    def wrong_per_document(self) -> Counter[tuple[str, str]]:
        """How many checks disagree with the gold, per document and field."""
        return Counter((check.document, check.field) for check in self.wrong())


def gold_cases() -> list[str]:
    """The fixtures that have a hand-made gold record, by case name."""
    return sorted(path.stem for path in GOLD.glob("*.json"))


def read_json(path: Path) -> Record:
    """Read one JSON record."""
    record: Record = json.loads(path.read_text(encoding="utf-8"))
    return record


def score_cases(records: dict[str, Record | None]) -> Score:
    """Score each case's record (None: no record, which scores as an empty one) against its gold."""
    checks: list[Check] = []
    for case, record in sorted(records.items()):
        checks.extend(score_record(case, read_json(GOLD / f"{case}.json"), record or {}))
    return Score(tuple(checks))


def score_golden_records() -> Score:
    """Score the golden record of every fixture that has gold."""
    return score_cases({case: read_json(FIXTURES / f"{case}.json") for case in gold_cases()})


def read_floors() -> tuple[float, dict[str, float]]:
    """Read the floors: the share of documents fully right, and per field the share of checks right."""
    floors = tomllib.loads(FLOORS.read_text(encoding="utf-8"))
    return float(floors["documents_fully_right"]), {
        field: float(share) for field, share in floors["fields"].items()
    }


def score_change(old: Score, new: Score) -> list[str]:
    """Say how the score changed: per field right/total before → after, then per document and field."""
    old_fields, new_fields = old.fields(), new.fields()
    lines = [
        f"{field}: {_count(old_fields.get(field))} → {_count(new_fields.get(field))}"
        for field in sorted({*old_fields, *new_fields})
        if old_fields.get(field) != new_fields.get(field)
    ]
    verdict = "changed" if lines else "unchanged"
    old_wrong, new_wrong = old.wrong_per_document(), new.wrong_per_document()
    lines += [
        f"  {document} {field}: {old_wrong[document, field]} → {new_wrong[document, field]} wrong"
        for document, field in sorted({*old_wrong, *new_wrong})
        if old_wrong[document, field] != new_wrong[document, field]
    ]
    (old_right, old_documents), (new_right, new_documents) = old.documents(), new.documents()
    lines.append(
        f"documents fully right: {old_right}/{old_documents} → {new_right}/{new_documents} (fields {verdict})"
    )
    return lines


def _count(counts: tuple[int, int] | None) -> str:
    """Format "right/total", or "–" for a field not scored."""
    return f"{counts[0]}/{counts[1]}" if counts else "–"


def score_record(document: str, gold: Record, record: Record) -> list[Check]:
    """Compare one record with its gold, field by field."""
    metadata = record.get("metadata") or {}
    checks = [
        Check(
            document, f"meta.{name}", _canonical(name, gold.get(name)), _canonical(name, metadata.get(name))
        )
        for name in META_FIELDS
    ]
    for key, label in (("questions", "question"), ("answers", "answer")):
        checks.extend(_score_blocks(document, label, _blocks(gold.get(key)), _blocks(record.get(key))))
    checks.extend(_score_footnotes(document, gold.get("footnotes") or [], record.get("footnotes") or []))
    gold_mededeling, mededeling = _mededeling_text(gold), _mededeling_text(record)
    if gold_mededeling is not None or mededeling is not None:
        checks.append(Check(document, "mededeling.text", _fold(gold_mededeling), _fold(mededeling)))
    return checks


def _score_blocks(
    document: str, label: str, gold: dict[tuple[int, ...], Record], got: dict[tuple[int, ...], Record]
) -> list[Check]:
    """Compare the labels, and per gold block its text, its paragraph count and its footnote markers."""
    checks = [Check(document, f"{label}.labels", list(gold), list(got))]
    for numbers, block in gold.items():
        found = got.get(numbers, {})
        text, found_text = block.get("text"), found.get("text")
        checks += [
            Check(document, f"{label}.text", _fold(text), _fold(found_text)),
            Check(document, f"{label}.paragraphs", len(_paragraphs(text)), len(_paragraphs(found_text))),
            Check(
                document,
                f"{label}.footnote_refs",
                block.get("footnote_refs") or [],
                found.get("footnote_refs") or [],
            ),
        ]
    return checks


def _score_footnotes(document: str, gold: list[Record], got: list[Record]) -> list[Check]:
    """Compare the footnote numbers, and the text of each gold footnote."""
    found = {footnote.get("number"): footnote for footnote in got}
    numbers = sorted(number for number in found if number is not None)
    checks = [Check(document, "footnote.numbers", sorted(footnote["number"] for footnote in gold), numbers)]
    checks.extend(
        Check(
            document,
            "footnote.text",
            _fold(footnote.get("text")),
            _fold((found.get(footnote["number"]) or {}).get("text")),
        )
        for footnote in gold
    )
    return checks


def _fold(text: object) -> str | None:
    """Normalise a text for comparison: NFC, every run of white space one space."""
    if text is None:
        return None
    return " ".join(unicodedata.normalize("NFC", str(text)).split())


def _paragraphs(text: str | None) -> list[str | None]:
    """The non-empty paragraphs of a text, normalised."""
    if not text:
        return []
    return [_fold(part) for part in unicodedata.normalize("NFC", text).split("\n") if part.strip()]


def _canonical(field: str, value: Any) -> object:
    """The canonical form of a metadata value, for exact comparison."""
    if value is None or value == []:
        return value
    return _CANONICAL.get(field, _fold)(value)


# How each structured metadata field is compared; the others are folded texts.
_CANONICAL: dict[str, Callable[[Any], object]] = {
    "questioners": lambda value: [
        (_fold(member.get("name")), _fold(member.get("party"))) for member in value
    ],
    "respondent": lambda value: (
        _fold(value.get("role")),
        _fold(value.get("name")),
        _fold(value.get("department")),
    ),
    "see_also": lambda value: [(_fold(entry.get("session")), str(entry.get("number"))) for entry in value],
    "addressees": lambda value: [_fold(office) for office in value],
    "co_respondents": lambda value: [_fold(office) for office in value],
    "number": str,
}


def _blocks(blocks: list[Record] | None) -> dict[tuple[int, ...], Record]:
    """Question or answer blocks by their numbers, in printed order."""
    return {tuple(int(number) for number in block.get("numbers") or []): block for block in blocks or []}


def _mededeling_text(record: Record) -> str | None:
    """The mededeling's text, or None."""
    mededeling = record.get("mededeling")
    return mededeling.get("text") if isinstance(mededeling, dict) else mededeling
