"""The command line, in-process: exit codes, exact stdout, one-line errors on stderr, every batch mode."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest
from reportlab.pdfgen.canvas import Canvas
from typer.testing import CliRunner

from aanhangsel import __version__
from aanhangsel.cli import app
from aanhangsel.output import CSV_COLUMNS
from conftest import FIXTURES

runner = CliRunner()

ANSWER = FIXTURES / "ah-tk-20232024-1786.pdf"
MEDEDELING = FIXTURES / "ah-tk-20232024-1999.pdf"
COMBINED = FIXTURES / "ah-tk-20232024-1314.pdf"  # "Vraag 3, 4 en 5" / "Antwoord 3, 4 en 5"
ALL_PDFS = sorted(FIXTURES.glob("*.pdf"))


def golden(pdf):
    return pdf.with_suffix(".json").read_text(encoding="utf-8")


def golden_record(pdf):
    return json.loads(golden(pdf))


def invoke(*args, stdin=None):
    return runner.invoke(app, [str(arg) for arg in args], input=stdin)


@pytest.fixture
def bad_inputs(tmp_path):
    """A broken PDF, a file that is not a PDF, and a PDF that is not an Aanhangsel."""
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(ANSWER.read_bytes()[:4000])
    text = tmp_path / "notes.pdf"
    text.write_text("just some notes\n", encoding="utf-8")
    letter = tmp_path / "letter.pdf"
    canvas = Canvas(str(letter), invariant=True)
    canvas.drawString(72, 720, "Geachte heer, hierbij zend ik u de stukken.")
    canvas.save()
    return broken, text, letter


# --- one file ---------------------------------------------------------------------------------------


def test_parse_prints_the_record_to_stdout():
    result = invoke("parse", ANSWER)
    assert result.exit_code == 0
    assert result.stdout == golden(ANSWER)
    assert result.stderr == ""


def test_parse_output_is_utf8_and_not_ascii_escaped():
    result = invoke("parse", ANSWER)
    assert "Financiën" in result.stdout
    assert "\\u" not in result.stdout


def test_parse_writes_the_record_to_a_file_atomically(tmp_path):
    target = tmp_path / "record.json"
    result = invoke("parse", ANSWER, "-o", target)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert target.read_text(encoding="utf-8") == golden(ANSWER)
    assert [path.name for path in tmp_path.iterdir()] == ["record.json"]  # no temporary file left behind


def test_parse_twice_gives_byte_identical_output():
    assert invoke("parse", MEDEDELING).stdout_bytes == invoke("parse", MEDEDELING).stdout_bytes


def test_a_missing_file_is_one_error_line_and_exit_code_1(tmp_path):
    result = invoke("parse", tmp_path / "absent.pdf")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"Error: {tmp_path / 'absent.pdf'}: no such file\n"


@pytest.mark.parametrize(
    ("index", "reason"),
    [(0, "damaged PDF"), (1, "not a PDF"), (2, "no 'Vragen van …' introduction found")],
    ids=["broken", "not-a-pdf", "not-an-aanhangsel"],
)
def test_a_bad_file_is_one_error_line_without_traceback(bad_inputs, index, reason):
    pdf = bad_inputs[index]
    result = invoke("parse", pdf)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"Error: {pdf}: {reason}")
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_a_failed_parse_leaves_an_existing_output_file_alone(tmp_path, bad_inputs):
    target = tmp_path / "record.json"
    target.write_text("earlier result\n", encoding="utf-8")
    result = invoke("parse", bad_inputs[0], "-o", target)
    assert result.exit_code == 1
    assert target.read_text(encoding="utf-8") == "earlier result\n"


def test_an_unwritable_output_file_is_an_error(tmp_path):
    result = invoke("parse", ANSWER, "-o", tmp_path / "no-such-folder" / "record.json")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {ANSWER}: cannot write ")


# --- other commands ---------------------------------------------------------------------------------


def test_schema_is_the_json_schema_with_field_descriptions():
    result = invoke("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert list(schema["properties"]) == [
        "schema_version", "source", "metadata", "questions", "answers", "footnotes", "mededeling", "warnings",
    ]  # fmt: skip
    metadata = schema["$defs"]["Metadata"]
    assert metadata["additionalProperties"] is False
    assert "bold number above the intro" in metadata["properties"]["number"]["description"]


def test_version():
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout == f"aanhangsel {__version__}\n"


@pytest.mark.parametrize(
    "command", [[], ["parse"], ["schema"], ["explain"]], ids=["app", "parse", "schema", "explain"]
)
def test_every_command_has_help(command):
    result = invoke(*command, "--help")
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: aanhangsel")


def test_explain_lists_each_line_end_hyphen_with_its_reason():
    result = invoke("explain", ANSWER)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert (
        "p1\tremoved\tgecompen-|seerd.\tgecompenseerd.\tthe document writes 'gecompenseerd' elsewhere"
        in lines
    )
    assert any(line.startswith("p3\tkept\tmvo-|standaarden.\tmvo-standaarden.\t") for line in lines)
    assert all(line.count("\t") == 4 for line in lines)


# --- many files -------------------------------------------------------------------------------------


def test_several_inputs_print_json_lines_in_input_order():
    pdfs = [MEDEDELING, ANSWER, COMBINED]
    result = invoke("parse", *pdfs)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert [json.loads(line) for line in lines] == [golden_record(pdf) for pdf in pdfs]


def test_order_is_kept_with_several_jobs():
    result = invoke("parse", *ALL_PDFS, "--jobs", "2")
    assert result.exit_code == 0
    names = [json.loads(line)["source"]["file"] for line in result.stdout.splitlines()]
    assert names == [pdf.name for pdf in ALL_PDFS]


def test_a_folder_means_every_pdf_below_it_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    shutil.copy(ANSWER, tmp_path / "b" / ANSWER.name)
    shutil.copy(MEDEDELING, tmp_path / MEDEDELING.name)
    (tmp_path / "readme.txt").write_text("not a pdf", encoding="utf-8")
    result = invoke("parse", tmp_path)
    assert result.exit_code == 0
    names = [json.loads(line)["source"]["file"] for line in result.stdout.splitlines()]
    assert names == [MEDEDELING.name, ANSWER.name]  # "ah-…-1999.pdf" sorts before "b/ah-…-1786.pdf"


def test_paths_can_come_from_stdin():
    stdin = f"{MEDEDELING}\n\n{ANSWER}\n"
    result = invoke("parse", "-", stdin=stdin)
    assert result.exit_code == 0
    assert [json.loads(line)["source"]["file"] for line in result.stdout.splitlines()] == [
        MEDEDELING.name,
        ANSWER.name,
    ]


def test_a_quoted_glob_pattern_is_expanded():
    result = invoke("parse", str(FIXTURES / "ah-tk-2023*-19??.pdf"))
    assert result.exit_code == 0
    names = [json.loads(line)["source"]["file"] for line in result.stdout.splitlines()]
    assert names == ["ah-tk-20232024-1949.pdf", "ah-tk-20232024-1980.pdf", "ah-tk-20232024-1984.pdf",
                     "ah-tk-20232024-1999.pdf"]  # fmt: skip


def test_a_glob_that_matches_nothing_is_an_error():
    result = invoke("parse", str(FIXTURES / "nothing-*.pdf"))
    assert result.exit_code == 1
    assert "no file matches this pattern" in result.stderr


def test_output_dir_writes_one_json_per_input(tmp_path):
    out = tmp_path / "out"
    result = invoke("parse", ANSWER, MEDEDELING, "--output-dir", out, "--jobs", "2")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert sorted(path.name for path in out.iterdir()) == [ANSWER.stem + ".json", MEDEDELING.stem + ".json"]
    assert (out / f"{ANSWER.stem}.json").read_text(encoding="utf-8") == golden(ANSWER)
    assert "2 files: 2 converted, 0 failed" in result.stderr


def test_quiet_prints_nothing_when_all_is_well(tmp_path):
    result = invoke("parse", ANSWER, MEDEDELING, "--output-dir", tmp_path, "--quiet")
    assert result.exit_code == 0
    assert result.stderr == ""


def test_csv_has_one_row_per_question_with_its_answer():
    result = invoke("parse", COMBINED, MEDEDELING, "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert tuple(rows[0]) == CSV_COLUMNS
    combined = [row for row in rows if row["document_id"] == "ah-tk-20232024-1314"]
    assert [row["question_numbers"] for row in combined] == ["1", "2", "3, 4, 5", "6"]
    assert combined[2]["answer_numbers"] == "3, 4, 5"
    assert combined[2]["answer"].startswith("Het is van groot belang dat iedereen in Nederland")
    assert combined[0]["questioners"] == "Mutluer (GroenLinks-PvdA); Kostić (PvdD)"
    assert combined[0]["respondent"] == "Minister Dijkgraaf (Onderwijs, Cultuur en Wetenschap)"
    assert combined[0]["days_to_answer"] == "19"
    mededeling = [row for row in rows if row["document_id"] == "ah-tk-20232024-1999"]
    assert len(mededeling) == 3
    assert {row["answer"] for row in mededeling} == {""}
    assert mededeling[0]["mededeling"].startswith("De schriftelijke vragen van de leden Sneller")
    assert result.stdout.count("file,document_id,") == 1  # one header for the whole batch


def test_csv_in_an_output_dir_gives_each_file_its_header(tmp_path):
    result = invoke("parse", COMBINED, MEDEDELING, "--format", "csv", "--output-dir", tmp_path)
    assert result.exit_code == 0
    for pdf in (COMBINED, MEDEDELING):
        text = (tmp_path / f"{pdf.stem}.csv").read_text(encoding="utf-8")
        assert text.startswith("file,document_id,")


def test_csv_to_an_output_file_has_its_header(tmp_path):
    target = tmp_path / "questions.csv"
    result = invoke("parse", COMBINED, "--format", "csv", "-o", target)
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert [row["question_numbers"] for row in rows] == ["1", "2", "3, 4, 5", "6"]


def test_skip_existing_with_an_output_file(tmp_path):
    target = tmp_path / "record.json"
    target.write_text("from an earlier run\n", encoding="utf-8")
    result = invoke("parse", ANSWER, "-o", target, "--skip-existing")
    assert result.exit_code == 0
    assert result.stderr == f"Skipped: {target} exists.\n"
    assert target.read_text(encoding="utf-8") == "from an earlier run\n"


def test_skip_existing_resumes_without_parsing_again(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / f"{ANSWER.stem}.json").write_text("from an earlier run\n", encoding="utf-8")
    result = invoke("parse", ANSWER, MEDEDELING, "--output-dir", out, "--skip-existing")
    assert result.exit_code == 0
    assert (out / f"{ANSWER.stem}.json").read_text(encoding="utf-8") == "from an earlier run\n"
    assert (out / f"{MEDEDELING.stem}.json").read_text(encoding="utf-8") == golden(MEDEDELING)
    assert "1 converted, 1 skipped (output exists), 0 failed" in result.stderr


def test_two_inputs_with_one_output_name_never_overwrite_each_other(tmp_path):
    (tmp_path / "2023").mkdir()
    (tmp_path / "2024").mkdir()
    shutil.copy(MEDEDELING, tmp_path / "2023" / "x.pdf")
    shutil.copy(ANSWER, tmp_path / "2024" / "x.pdf")
    out = tmp_path / "out"
    result = invoke("parse", tmp_path / "2023", tmp_path / "2024", "--output-dir", out)
    assert result.exit_code == 1
    assert json.loads((out / "x.json").read_text(encoding="utf-8"))["metadata"]["number"] == 1999
    assert f"Error: {tmp_path / '2024' / 'x.pdf'}: its output {out / 'x.json'} is already the output of " in (
        result.stderr
    )


def test_a_bad_file_never_stops_a_batch(tmp_path, bad_inputs):
    out = tmp_path / "out"
    errors = tmp_path / "errors.jsonl"
    missing = tmp_path / "missing.pdf"
    inputs = [ANSWER, *bad_inputs, MEDEDELING, missing]
    result = invoke("parse", *inputs, "--output-dir", out, "--errors", errors, "--jobs", "2")
    assert result.exit_code == 1
    assert sorted(path.name for path in out.iterdir()) == [ANSWER.stem + ".json", MEDEDELING.stem + ".json"]
    assert (out / f"{MEDEDELING.stem}.json").read_text(encoding="utf-8") == golden(MEDEDELING)
    assert "6 files: 2 converted, 4 failed" in result.stderr
    summary = result.stderr.split("4 of 6 files failed:\n", 1)[1]
    for bad in (*bad_inputs, missing):
        assert f"  {bad}: " in summary
    failures = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert {failure["file"] for failure in failures} == {str(path) for path in (*bad_inputs, missing)}
    assert {failure["error"] for failure in failures} == {
        "UnreadablePdfError", "NotAnAanhangselError", "InputNotFoundError",
    }  # fmt: skip
    assert "Traceback" not in result.stderr


def test_a_bad_file_in_json_lines_mode_keeps_the_good_records(bad_inputs):
    result = invoke("parse", ANSWER, bad_inputs[0], MEDEDELING)
    assert result.exit_code == 1
    assert [json.loads(line)["source"]["file"] for line in result.stdout.splitlines()] == [
        ANSWER.name,
        MEDEDELING.name,
    ]


# --- usage errors -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["parse"], "Missing argument"),
        (["parse", ANSWER, MEDEDELING, "-o", "x.json"], "--output takes a single input"),
        (["parse", ANSWER, MEDEDELING, "--format", "json"], "--format json prints one record"),
        (["parse", ANSWER, "--skip-existing"], "--skip-existing needs --output-dir"),
        (["parse", ANSWER, "-o", "x.json", "--output-dir", "out"], "cannot be used together"),
        (["parse", ANSWER, "--jobs", "0"], "--jobs"),
        (["parse", ANSWER, "--format", "xml"], "--format"),
        (["parse", ANSWER, "--no-such-option"], "No such option"),
    ],
    ids=[
        "no-input",
        "output-with-several",
        "json-with-several",
        "skip-without-dir",
        "output-and-dir",
        "jobs-0",
        "bad-format",
        "unknown-option",
    ],
)
def test_usage_errors_exit_with_code_2(args, message):
    result = invoke(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert message in result.stderr
