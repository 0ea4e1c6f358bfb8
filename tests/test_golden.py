"""Every fixture PDF is re-parsed and its whole record compared with the reviewed golden record."""

from __future__ import annotations

import difflib
import json
import sys

import pytest

from aanhangsel import parse_pdf
from aanhangsel.models import record_json
from conftest import FIXTURES

PDFS = sorted(FIXTURES.glob("*.pdf"))
TYPESET_SOURCES = sorted(FIXTURES.glob("*.txt"))


def _diff(expected: str, got: str) -> str:
    return "".join(
        difflib.unified_diff(
            expected.splitlines(keepends=True), got.splitlines(keepends=True), "golden", "parsed"
        )
    )


@pytest.mark.parametrize("pdf", PDFS, ids=lambda path: path.stem)
def test_record_matches_golden(pdf, update_golden):
    got = record_json(parse_pdf(pdf))
    golden = pdf.with_suffix(".json")
    if update_golden:
        golden.write_text(got, encoding="utf-8")
    assert golden.exists(), f"no golden record for {pdf.name}: run pytest --update-golden and review it"
    expected = golden.read_text(encoding="utf-8")
    assert got == expected, _diff(expected, got)


def test_every_fixture_has_a_pdf_and_a_golden_record():
    assert len(PDFS) >= 18
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
