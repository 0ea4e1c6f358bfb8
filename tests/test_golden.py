"""Every fixture PDF is re-parsed and its whole record compared with the reviewed golden record; every
golden record is scored against the hand-made gold (tests/gold/), field by field, above floors that may
only rise (tests/floors.toml).

The gold tests come after the golden ones: under `--update-golden` they score the records just written,
so a regression cannot be frozen into the golden records unnoticed.
"""

from __future__ import annotations

import difflib
import json
import sys

import pytest

from aanhangsel import parse_pdf
from aanhangsel.models import record_json
from conftest import FIXTURES, GOLDEN_BEFORE
from scoring import FLOORS, GOLD, gold_cases, read_floors, read_json, score_golden_records

PDFS = sorted(FIXTURES.glob("*.pdf"))
TYPESET_SOURCES = sorted(FIXTURES.glob("*.txt"))


def _diff(expected: str, got: str) -> str:
    return "".join(
        difflib.unified_diff(
            expected.splitlines(keepends=True), got.splitlines(keepends=True), "golden", "parsed"
        )
    )


@pytest.mark.parametrize("pdf", PDFS, ids=lambda path: path.stem)
def test_record_matches_golden(pdf, update_golden, request):
    got = record_json(parse_pdf(pdf))
    golden = pdf.with_suffix(".json")
    if update_golden:
        before = golden.read_text(encoding="utf-8") if golden.exists() else None
        request.config.stash[GOLDEN_BEFORE][pdf.stem] = before
        golden.write_text(got, encoding="utf-8")
    assert golden.exists(), f"no golden record for {pdf.name}: run pytest --update-golden and review it"
    expected = golden.read_text(encoding="utf-8")
    assert got == expected, _diff(expected, got)


def test_every_fixture_has_a_pdf_and_a_golden_record():
    assert len(PDFS) >= 20
    assert sorted(path.stem for path in FIXTURES.glob("*.json")) == [path.stem for path in PDFS]


@pytest.mark.parametrize("source", TYPESET_SOURCES, ids=lambda path: path.stem)
def test_typeset_fixture_is_built_from_its_source(source, tmp_path):
    """The committed PDF of a typeset fixture is what its source builds (reportlab writes invariant PDFs)."""
    sys.path.insert(0, str(FIXTURES.parent / "tests"))
    import typeset  # noqa: PLC0415  (a test tool, not a package)

    rebuilt = tmp_path / source.with_suffix(".pdf").name
    typeset.build(source, rebuilt)
    record = json.loads(record_json(parse_pdf(rebuilt)))
    golden = json.loads(source.with_suffix(".json").read_text(encoding="utf-8"))
    del record["source"]["sha256"], golden["source"]["sha256"]
    assert record == golden


# --- the hand-made gold -----------------------------------------------------------------------------


def test_every_real_and_typeset_fixture_has_gold():
    cases = gold_cases()
    assert cases == sorted(path.stem for path in (*FIXTURES.glob("ah-*.pdf"), *TYPESET_SOURCES))
    for case in cases:
        assert (
            read_json(GOLD / f"{case}.json")["document_id"]
            == read_json(FIXTURES / f"{case}.json")["metadata"]["document_id"]
        ), case


def test_golden_records_score_at_or_above_the_floors():
    score = score_golden_records()
    documents_floor, field_floors = read_floors()
    fields = score.fields()
    assert set(field_floors) == set(fields), f"every field scored has one floor in {FLOORS.name}"
    below = [
        f"{field}: {right}/{total} right, below its floor {field_floors[field]:.3f}"
        for field, (right, total) in fields.items()
        if right < field_floors[field] * total
    ]
    fully_right, documents = score.documents()
    if fully_right < documents_floor * documents:
        below.append(
            f"documents fully right: {fully_right}/{documents}, below the floor {documents_floor:.3f}"
        )
    differences = [
        f"{check.document} {check.field}:\n  gold: {check.gold!r}\n  got:  {check.got!r}"
        for check in score.wrong()
    ]
    assert not below, "\n".join([*below, "", *differences])


def test_floors_are_shares():
    documents_floor, field_floors = read_floors()
    assert all(0.0 <= floor <= 1.0 for floor in (documents_floor, *field_floors.values()))
