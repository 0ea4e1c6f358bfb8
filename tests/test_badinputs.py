"""The bad-input set (tests/badinputs.py): each input has its own plain reason, one line on the command line
with its exit code, or a record that says in its warnings what the damage cost. Never another exception.

Each damaged input here once crashed, hung or lost text in silence: a body font of size 0 divided by zero
in the text stage, "Vraag 30000000" took 4 GB and wrote millions of warnings, a footnote or "Zie ook"
number 0 failed the record's validation, a page whose text was cut short went unmentioned.
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

import aanhangsel.parse
from aanhangsel import ParseOptions, parse_pdf
from aanhangsel.cli import app
from aanhangsel.errors import InvalidRecordError, NotAnAanhangselError, PageLimitError, UnreadablePdfError
from aanhangsel.models import record_json
from badinputs import ANSWER, BAD_INPUTS, ONE_PAGE, write_bad_inputs

REFUSED = {
    "empty": (UnreadablePdfError, "the file is empty"),
    "html": (UnreadablePdfError, "not a PDF (it does not start with %PDF)"),
    "zip": (UnreadablePdfError, "not a PDF (it does not start with %PDF)"),
    "truncated": (UnreadablePdfError, "damaged PDF: its structure cannot be read"),
    "encrypted": (UnreadablePdfError, "encrypted PDF (a password is needed)"),
    "no-pages": (UnreadablePdfError, "the PDF has no pages"),
    "image-only": (UnreadablePdfError, "page 1 has no text layer (a scan? run OCR first, e.g. ocrmypdf)"),
    "sideways": (
        UnreadablePdfError,
        "page 1 has no upright text (its characters are turned sideways or of no size)",
    ),
    "blank-pages": (UnreadablePdfError, "page 1 has no text layer (a scan? run OCR first, e.g. ocrmypdf)"),
    "many-pages": (PageLimitError, "600 pages, more than 500 (raise --max-pages)"),
    "not-an-aanhangsel": (NotAnAanhangselError, "no 'Vragen van …' introduction found on the first page"),
}
"""Inputs the parser refuses: the kind of error and its whole message (the default reader's)."""

LEFT_OUT = "page {}: characters turned sideways, or of no size, could not be read and were left out"
NO_FOOTER = (
    "page {} lacks the running footer that the other pages print: its text may be cut short (a damaged PDF?)"
)

DAMAGED = {
    "xref-damaged": (3, ["the PDF's structure is damaged: its cross-reference table had to be rebuilt"]),
    "content-cut-short": (13, [NO_FOOTER.format(6), "markers 15–16 have no footnote"]),
    "zero-font-size": (
        2,
        [LEFT_OUT.format(page) for page in range(2, 7)] + [NO_FOOTER.format(page) for page in range(2, 7)],
    ),
    "tiny-font-size": (
        2,
        [*(LEFT_OUT.format(page) for page in range(2, 7)), "footnotes 2–16 are never referenced"],
    ),
    "label-30000000": (
        4,
        [
            (
                "could not read 'Vraag 30000000' (page 1) as a label: questions are numbered 1 to 500, not "
                "30000000; kept as text"
            ),
            "question numbering skips 2",
            "answer 2 has no question",
        ],
    ),
    "label-range-to-30000000": (
        4,
        [
            (
                "could not read 'Vraag 2 t/m 30000000' (page 1) as a label: questions are numbered 1 to 500, "
                "not 2 t/m 30000000; kept as text"
            ),
            "question numbering skips 2",
            "answer 2 has no question",
        ],
    ),
    "footnote-0": (
        5,
        [
            "page 1: could not read footnote number 0",
            (
                "page 1: footnote text without a number: 'Commissie Schulden en Overheid, «Vroeg erbij», 4 "
                "september 2025 (https://www.example.nl/'"
            ),
            "page 1: footnote text without a number: 'rapporten/2025/09/04/vroeg-erbij).'",
            "marker 1 has no footnote",
        ],
    ),
    "see-also-0": (
        3,
        ["could not read the number of 'Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, nr 0': 0"],
    ),
    "document-number-0": (5, ["no document number above the intro; taken from the id block"]),
}
"""Damaged Aanhangsels that still read: how many questions are left, and every warning of the record."""


def test_every_bad_input_has_its_expectation():
    assert sorted(BAD_INPUTS) == sorted([*REFUSED, *DAMAGED, "no-mediabox"])


@pytest.fixture(scope="module")
def made():
    """Every bad input, made once."""
    return {name: make() for name, make in BAD_INPUTS.items()}


# --- the library ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", REFUSED)
def test_a_refused_input_raises_its_typed_error_with_one_plain_line(made, name):
    kind, reason = REFUSED[name]
    with pytest.raises(kind) as raised:
        parse_pdf(made[name], name=f"{name}.pdf")
    assert str(raised.value) == reason


@pytest.mark.parametrize("name", REFUSED)
def test_the_reference_reader_refuses_the_same_inputs_with_the_same_kind_of_error(made, name):
    kind, reason = REFUSED[name]
    with pytest.raises(kind) as raised:
        parse_pdf(made[name], name=f"{name}.pdf", options=ParseOptions(reader="pdfplumber"))
    assert str(raised.value).split(":")[0] == reason.split(":")[0]
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize("name", DAMAGED)
def test_a_damaged_aanhangsel_gives_what_can_be_read_and_says_what_it_lost(made, name):
    questions, warnings = DAMAGED[name]
    record = parse_pdf(made[name], name=f"{name}.pdf")
    assert len(record.questions) == questions
    assert record.warnings == warnings


@pytest.mark.parametrize(
    "name", ["zero-font-size", "tiny-font-size", "label-30000000", "footnote-0", "see-also-0"]
)
def test_the_reference_reader_reads_damaged_text_alike(made, name):
    reference = parse_pdf(made[name], name=f"{name}.pdf", options=ParseOptions(reader="pdfplumber"))
    assert record_json(reference) == record_json(parse_pdf(made[name], name=f"{name}.pdf"))


def test_pdfium_reads_a_page_without_a_mediabox_as_its_neighbours(made):
    # The CropBox cuts PDFium's bounding box: the MediaBox is taken from the origin, as the other pages'.
    record = json.loads(record_json(parse_pdf(made["no-mediabox"], name=ANSWER.name)))
    golden = json.loads(ANSWER.with_suffix(".json").read_text(encoding="utf-8"))
    del record["source"]["sha256"], golden["source"]["sha256"]
    assert record == golden


def test_the_page_limit_can_be_raised(made):
    with pytest.raises(NotAnAanhangselError):  # read whole: a drawn line is no Aanhangsel
        parse_pdf(made["many-pages"], options=ParseOptions(max_pages=600))


def refuse_every_document_number(monkeypatch):
    """Have the identity stage let a document number 0 through, as a stage with a bug would."""
    real = aanhangsel.parse.furniture_to_identity
    monkeypatch.setattr(
        aanhangsel.parse, "furniture_to_identity", lambda *args: replace(real(*args), number=0)
    )


INVALID = (
    "internal error, please report it: the record does not validate: Metadata.number: Input should be "
    "greater than or equal to 1"
)


def test_a_record_its_own_model_refuses_is_an_invalid_record_error_in_one_line(monkeypatch):
    refuse_every_document_number(monkeypatch)
    with pytest.raises(InvalidRecordError) as raised:
        parse_pdf(ONE_PAGE)
    assert str(raised.value) == INVALID
    assert "ValidationError" in raised.value.details  # the traceback, shown with --debug


# --- the command line --------------------------------------------------------------------------------

runner = CliRunner()


@pytest.mark.parametrize("name", REFUSED)
def test_a_refused_input_is_one_error_line_and_exit_code_1(made, tmp_path, name):
    pdf = tmp_path / f"{name}.pdf"
    pdf.write_bytes(made[name])
    result = runner.invoke(app, ["parse", str(pdf)])
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", f"Error: {pdf}: {REFUSED[name][1]}\n")


def test_a_record_that_does_not_validate_is_one_error_line_and_exit_code_1(monkeypatch):
    refuse_every_document_number(monkeypatch)
    result = runner.invoke(app, ["parse", str(ONE_PAGE)])
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", f"Error: {ONE_PAGE}: {INVALID}\n")


@pytest.mark.parametrize("name", ["content-cut-short", "label-30000000", "footnote-0"])
def test_a_damaged_input_is_a_record_with_its_warnings_and_exit_code_0(made, tmp_path, name):
    pdf = tmp_path / f"{name}.pdf"
    pdf.write_bytes(made[name])
    result = runner.invoke(app, ["parse", str(pdf)])
    assert (result.exit_code, result.stderr) == (0, "")
    assert json.loads(result.stdout)["warnings"] == DAMAGED[name][1]


def test_max_pages_raises_the_page_limit(made, tmp_path):
    pdf = tmp_path / "many-pages.pdf"
    pdf.write_bytes(made["many-pages"])
    result = runner.invoke(app, ["parse", str(pdf), "--max-pages", "600"])
    assert result.stderr == f"Error: {pdf}: no 'Vragen van …' introduction found on the first page\n"


@pytest.mark.skipif(sys.platform != "linux", reason="a named pipe and a file name that is not UTF-8")
def test_the_whole_set_in_one_folder_gives_one_line_per_bad_file(tmp_path):
    folder = tmp_path / "bad"
    written = write_bad_inputs(folder)
    errors = tmp_path / "errors.jsonl"
    result = runner.invoke(
        app, ["parse", str(folder), "-d", str(tmp_path / "out"), "--errors", str(errors), "-j", "2"]
    )
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    refused = [path for path in written if path.stem in REFUSED]
    assert len(lines) == len(refused) + 2  # and the named pipe, and the HTML under a name not UTF-8
    assert f"Error: {folder / 'named-pipe.pdf'}: not a regular file (a named pipe)" in lines
    assert f"Error: {folder}/naam-\\xff.pdf: not a PDF (it does not start with %PDF)" in lines
    failed = {json.loads(line)["file"]: json.loads(line)["error"] for line in errors.read_text().splitlines()}
    assert {Path(path).name for path in failed} >= {f"{name}.pdf" for name in REFUSED}
    converted = sorted(path.stem for path in (tmp_path / "out").iterdir())
    assert converted == sorted([*DAMAGED, "no-mediabox"])
