"""The library API: what `parse_pdf` accepts and what it records as the file's name."""

from __future__ import annotations

import os
import shutil

import pytest

from aanhangsel import InputNotFoundError, parse_pdf
from aanhangsel.models import record_json
from conftest import FIXTURES

PDF = FIXTURES / "ah-tk-20232024-1999.pdf"
GOLDEN = PDF.with_suffix(".json").read_text(encoding="utf-8")


@pytest.mark.parametrize("source", [PDF, str(PDF)], ids=["path", "str"])
def test_parse_pdf_takes_a_path_or_its_text(source):
    assert record_json(parse_pdf(source)) == GOLDEN


def test_parse_pdf_takes_bytes_and_names_them_stdin():
    record = parse_pdf(PDF.read_bytes())
    assert record.source.file == "stdin"
    assert record.model_dump(exclude={"source"}) == parse_pdf(PDF).model_dump(exclude={"source"})
    assert record.source.sha256 == parse_pdf(PDF).source.sha256


def test_parse_pdf_records_the_name_it_is_given():
    assert parse_pdf(PDF.read_bytes(), name="upload.pdf").source.file == "upload.pdf"
    assert parse_pdf(PDF, name="renamed.pdf").source.file == "renamed.pdf"


def test_a_file_name_that_is_not_utf8_is_recorded_with_a_replacement_character(tmp_path):
    odd = tmp_path / os.fsdecode(b"vraag-\xff.pdf")
    shutil.copyfile(PDF, odd)
    record = parse_pdf(odd)
    assert record.source.file == "vraag-\ufffd.pdf"
    assert "vraag-\ufffd.pdf" in record_json(record)


def test_a_missing_file_is_a_typed_error(tmp_path):
    with pytest.raises(InputNotFoundError, match="no such file"):
        parse_pdf(tmp_path / "missing.pdf")
