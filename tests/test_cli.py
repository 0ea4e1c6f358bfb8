"""The command line, in-process: exit codes, exact stdout, one-line errors on stderr, every batch mode."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from aanhangsel import __version__
from aanhangsel.cli import app
from aanhangsel.errors import NotAnAanhangselError
from aanhangsel.output import CSV_COLUMNS
from aanhangsel.pdf import READERS
from aanhangsel.schema import SCHEMA_FILE, generate_schema, read_schema
from badinputs import LETTER, drawn
from conftest import FIXTURES

runner = CliRunner()

ANSWER = FIXTURES / "ah-tk-20232024-1786.pdf"  # six pages: used where its texts are the point
SMALL = FIXTURES / "ah-tk-20232024-1949.pdf"  # two pages, quick: used where any document will do
MEDEDELING = FIXTURES / "ah-tk-20232024-1999.pdf"
COMBINED = FIXTURES / "ah-tk-20232024-1314.pdf"  # "Vraag 3, 4 en 5" / "Antwoord 3, 4 en 5"
ALL_PDFS = sorted(FIXTURES.glob("*.pdf"))


def golden(pdf):
    return pdf.with_suffix(".json").read_text(encoding="utf-8")


def golden_record(pdf):
    return json.loads(golden(pdf))


def golden_line(pdf):
    return json.dumps(golden_record(pdf), ensure_ascii=False, separators=(",", ":")) + "\n"


def invoke(*args, stdin=None):
    return runner.invoke(app, [str(arg) for arg in args], input=stdin)


def names(stdout):
    return [json.loads(line)["source"]["file"] for line in stdout.splitlines()]


@pytest.fixture
def bad_inputs(tmp_path):
    """A broken PDF, a file that is not a PDF, and a PDF that is not an Aanhangsel."""
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(ANSWER.read_bytes()[:4000])
    text = tmp_path / "notes.pdf"
    text.write_text("just some notes\n", encoding="utf-8")
    letter = tmp_path / "letter.pdf"
    letter.write_bytes(drawn(line=LETTER))
    return broken, text, letter


@pytest.fixture
def fifo(tmp_path):
    """A named pipe that nothing ever writes to."""
    path = tmp_path / "pipe.pdf"
    os.mkfifo(path)
    return path


# --- one file ---------------------------------------------------------------------------------------


def test_parse_prints_the_record_to_stdout():
    result = invoke("parse", SMALL)
    assert result.exit_code == 0
    assert result.stdout == golden(SMALL)
    assert result.stderr == ""


def test_parse_output_is_utf8_and_not_ascii_escaped():
    result = invoke("parse", SMALL)
    assert "justitiële" in result.stdout
    assert "\\u" not in result.stdout


def test_parse_writes_the_record_to_a_file_atomically(tmp_path):
    target = tmp_path / "record.json"
    result = invoke("parse", SMALL, "-o", target)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert target.read_text(encoding="utf-8") == golden(SMALL)
    assert [path.name for path in tmp_path.iterdir()] == ["record.json"]  # no temporary file left behind


def test_parse_twice_gives_byte_identical_output():
    assert invoke("parse", MEDEDELING).stdout_bytes == invoke("parse", MEDEDELING).stdout_bytes


@pytest.mark.parametrize("command", ["parse", "explain"])
def test_a_missing_file_is_one_error_line_and_exit_code_1_in_every_command(tmp_path, command):
    result = invoke(command, tmp_path / "absent.pdf")
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
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "broken.pdf",
        "letter.pdf",
        "notes.pdf",
        "record.json",
    ]


def test_an_output_file_in_a_missing_folder_is_an_error_before_any_parsing(tmp_path):
    target = tmp_path / "no-such-folder" / "record.json"
    result = invoke("parse", SMALL, "-o", target)
    assert result.exit_code == 1
    assert result.stderr == f"Error: cannot write {target}: no such folder\n"


# --- the output format follows the arguments' shape, never how many files they find today -----------


def test_a_folder_of_one_pdf_gives_json_lines(tmp_path):
    shutil.copy(SMALL, tmp_path)
    result = invoke("parse", tmp_path)
    assert result.exit_code == 0
    assert result.stdout == golden_line(SMALL)


def test_a_pattern_that_matches_one_pdf_gives_json_lines():
    result = invoke("parse", str(FIXTURES / "ah-tk-20232024-1949.p?f"))
    assert result.stdout == golden_line(SMALL)


def test_one_path_on_stdin_gives_json_lines():
    result = invoke("parse", "-", stdin=f"{SMALL}\n")
    assert result.stdout == golden_line(SMALL)


def test_one_file_named_twice_is_read_once_and_said_so():
    result = invoke("parse", SMALL, FIXTURES / ".." / "fixtures" / SMALL.name)
    assert result.exit_code == 0
    assert result.stdout == golden_line(SMALL)
    assert (
        result.stderr
        == f"Note: named more than once, read once: {FIXTURES / '..' / 'fixtures' / SMALL.name}\n"
    )


def test_format_json_is_kept_for_a_folder_that_holds_one_pdf(tmp_path):
    shutil.copy(SMALL, tmp_path)
    result = invoke("parse", tmp_path, "--format", "json")
    assert result.stdout == golden(SMALL)


def test_format_is_case_insensitive():
    result = invoke("parse", SMALL, "--format", "JSONL")
    assert result.stdout == golden_line(SMALL)


# --- stdin ------------------------------------------------------------------------------------------


def test_paths_can_come_from_stdin():
    result = invoke("parse", "-", stdin=f"{MEDEDELING}\n\n{SMALL}\n")
    assert result.exit_code == 0
    assert names(result.stdout) == [MEDEDELING.name, SMALL.name]


def test_nul_separated_paths_from_find_print0():
    result = invoke("parse", "-", "-0", stdin=f"{MEDEDELING}\0{SMALL}\0")
    assert result.exit_code == 0
    assert names(result.stdout) == [MEDEDELING.name, SMALL.name]


def test_a_pdf_on_stdin_is_one_document_named_stdin():
    result = invoke("parse", "-", stdin=MEDEDELING.read_bytes())
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert record["source"]["file"] == "stdin"
    assert {**record, "source": None} == {**golden_record(MEDEDELING), "source": None}


def test_binary_data_on_stdin_is_refused_in_one_line():
    result = invoke("parse", "-", stdin=b"PK\x03\x04\x14\x00\x00\x00zipped")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: stdin: neither a PDF nor a list of paths "
        "(it holds binary data; -0 reads NUL-separated paths)\n"
    )


def test_a_pdf_on_stdin_over_the_size_limit_is_refused():
    result = invoke("parse", "-", "--max-size", "1", stdin=b"%PDF-1.7\n" + b"0" * (1024 * 1024))
    assert result.exit_code == 1
    assert result.stderr == "Error: stdin: larger than 1 MB (raise --max-size)\n"


def test_stdin_named_twice_is_read_once():
    result = invoke("parse", "-", "-", stdin=f"{SMALL}\n")
    assert names(result.stdout) == [SMALL.name]
    assert "Note: named more than once, read once: stdin\n" in result.stderr


# --- --output ---------------------------------------------------------------------------------------


def test_output_dash_is_stdout():
    result = invoke("parse", SMALL, "-o", "-")
    assert result.stdout == golden(SMALL)


def test_output_takes_its_format_from_the_extension(tmp_path):
    target = tmp_path / "documents.csv"
    result = invoke("parse", COMBINED, "-o", target)
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert [(row["document_id"], row["question_count"]) for row in rows] == [("ah-tk-20232024-1314", "4")]


def test_many_inputs_go_into_one_csv_file_under_one_header(tmp_path):
    target = tmp_path / "all.csv"
    result = invoke("parse", COMBINED, MEDEDELING, "-o", target)
    assert result.exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert text.count("document_id,file,") == 1
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [row["document_id"] for row in rows] == ["ah-tk-20232024-1314", "ah-tk-20232024-1999"]


def test_many_inputs_go_into_one_json_lines_file_in_input_order(tmp_path):
    target = tmp_path / "week.jsonl"
    result = invoke("parse", MEDEDELING, SMALL, COMBINED, "-o", target, "--jobs", "2")
    assert result.exit_code == 0
    assert target.read_text(encoding="utf-8") == "".join(map(golden_line, [MEDEDELING, SMALL, COMBINED]))


def test_a_failed_input_does_not_keep_the_others_out_of_the_one_file(tmp_path, bad_inputs):
    target = tmp_path / "week.jsonl"
    result = invoke("parse", MEDEDELING, bad_inputs[0], SMALL, "-o", target)
    assert result.exit_code == 1
    assert names(target.read_text(encoding="utf-8")) == [MEDEDELING.name, SMALL.name]


def test_an_unknown_extension_takes_the_format_from_format(tmp_path):
    target = tmp_path / "records.txt"
    result = invoke("parse", SMALL, "-o", target, "--format", "jsonl")
    assert result.exit_code == 0
    assert target.read_text(encoding="utf-8") == golden_line(SMALL)


@pytest.mark.parametrize("output_format", [[], ["--format", "sqlite"]], ids=["json", "sqlite"])
def test_output_never_overwrites_an_input(tmp_path, output_format):
    pdf = tmp_path / "x.pdf"
    shutil.copy(SMALL, pdf)
    result = invoke("parse", pdf, "-o", pdf, *output_format)
    assert result.exit_code == 2
    assert f"Error: --output {pdf} is one of the inputs; it would be overwritten" in result.stderr
    assert pdf.read_bytes() == SMALL.read_bytes()


def test_the_errors_file_never_overwrites_an_input(tmp_path):
    pdf = tmp_path / "x.pdf"
    shutil.copy(SMALL, pdf)
    result = invoke("parse", pdf, "--errors", pdf)
    assert result.exit_code == 2
    assert f"Error: --errors {pdf} is one of the inputs; it would be overwritten" in result.stderr
    assert pdf.read_bytes() == SMALL.read_bytes()


def test_an_output_folder_never_overwrites_an_input(tmp_path):
    named_like_an_output = tmp_path / "x.json"
    named_like_an_output.write_text("{}\n", encoding="utf-8")
    result = invoke("parse", named_like_an_output, SMALL, "--output-dir", tmp_path)
    assert result.exit_code == 1
    assert (
        f"Error: {named_like_an_output}: its output {named_like_an_output} is one of the inputs\n"
        in result.stderr
    )
    assert named_like_an_output.read_text(encoding="utf-8") == "{}\n"
    assert (tmp_path / f"{SMALL.stem}.json").read_text(encoding="utf-8") == golden(SMALL)


# --- many files -------------------------------------------------------------------------------------


def test_several_inputs_print_json_lines_in_input_order():
    pdfs = [MEDEDELING, SMALL, COMBINED]
    result = invoke("parse", *pdfs)
    assert result.exit_code == 0
    assert result.stdout == "".join(map(golden_line, pdfs))


def test_order_is_kept_with_several_jobs():
    result = invoke("parse", *ALL_PDFS, "--jobs", "2")
    assert result.exit_code == 0
    assert names(result.stdout) == [pdf.name for pdf in ALL_PDFS]


def test_more_jobs_than_files_is_fine():
    result = invoke("parse", SMALL, MEDEDELING, "--jobs", "64")
    assert result.exit_code == 0
    assert names(result.stdout) == [SMALL.name, MEDEDELING.name]


def test_a_folder_means_every_pdf_below_it_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    shutil.copy(SMALL, tmp_path / "b" / SMALL.name)
    shutil.copy(MEDEDELING, tmp_path / MEDEDELING.name)
    (tmp_path / "readme.txt").write_text("not a pdf", encoding="utf-8")
    result = invoke("parse", tmp_path)
    assert result.exit_code == 0
    assert names(result.stdout) == [MEDEDELING.name, SMALL.name]  # "ah-…-1999.pdf" sorts before "b/ah-…"


def test_a_quoted_glob_pattern_is_expanded():
    result = invoke("parse", str(FIXTURES / "ah-tk-2023*-19??.pdf"))
    assert result.exit_code == 0
    assert names(result.stdout) == [f"ah-tk-20232024-{number}.pdf" for number in (1949, 1980, 1984, 1999)]


def test_output_dir_writes_one_json_per_input(tmp_path):
    out = tmp_path / "out"
    result = invoke("parse", SMALL, MEDEDELING, "--output-dir", out, "--jobs", "2")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert sorted(path.name for path in out.iterdir()) == [SMALL.stem + ".json", MEDEDELING.stem + ".json"]
    assert (out / f"{SMALL.stem}.json").read_text(encoding="utf-8") == golden(SMALL)
    assert result.stderr == "2 files: 2 converted, 0 failed\n"


def test_quiet_prints_nothing_when_all_is_well(tmp_path):
    result = invoke("parse", SMALL, MEDEDELING, "--output-dir", tmp_path, "--quiet")
    assert result.exit_code == 0
    assert result.stderr == ""


def test_csv_has_one_row_per_document():
    result = invoke("parse", COMBINED, MEDEDELING, "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [row["document_id"] for row in rows] == ["ah-tk-20232024-1314", "ah-tk-20232024-1999"]
    combined, mededeling = rows
    assert combined["questioners"] == "Mutluer (GroenLinks-PvdA); Kostić (PvdD)"
    assert combined["ministry"] == "Onderwijs, Cultuur en Wetenschap"
    assert combined["days_to_answer"] == "19"
    assert (combined["answered_late"], combined["question_count"]) == ("0", "4")
    assert mededeling["reason"] == "answered_by_letter"
    assert mededeling["mededeling"].startswith("De schriftelijke vragen van de leden Sneller")
    assert result.stdout.count("document_id,file,") == 1  # one header for the whole batch


def test_csv_in_an_output_dir_gives_each_file_its_header(tmp_path):
    result = invoke("parse", COMBINED, MEDEDELING, "--format", "csv", "--output-dir", tmp_path)
    assert result.exit_code == 0
    for pdf in (COMBINED, MEDEDELING):
        text = (tmp_path / f"{pdf.stem}.csv").read_text(encoding="utf-8")
        assert text.startswith("document_id,file,")


def test_two_inputs_with_one_output_name_never_overwrite_each_other(tmp_path):
    (tmp_path / "2023").mkdir()
    (tmp_path / "2024").mkdir()
    shutil.copy(MEDEDELING, tmp_path / "2023" / "x.pdf")
    shutil.copy(SMALL, tmp_path / "2024" / "x.pdf")
    out = tmp_path / "out"
    result = invoke("parse", tmp_path / "2023", tmp_path / "2024", "--output-dir", out)
    assert result.exit_code == 1
    assert json.loads((out / "x.json").read_text(encoding="utf-8"))["metadata"]["number"] == 1999
    assert (
        f"Error: {tmp_path / '2024' / 'x.pdf'}: its output {out / 'x.json'} is already the output of "
        f"{tmp_path / '2023' / 'x.pdf'}\n"
    ) in result.stderr


def test_a_bad_file_never_stops_a_batch(tmp_path, bad_inputs):
    out = tmp_path / "out"
    errors = tmp_path / "errors.jsonl"
    missing = tmp_path / "missing.pdf"
    inputs = [SMALL, *bad_inputs, MEDEDELING, missing]
    result = invoke("parse", *inputs, "--output-dir", out, "--errors", errors, "--jobs", "2")
    assert result.exit_code == 1
    assert sorted(path.name for path in out.iterdir()) == [SMALL.stem + ".json", MEDEDELING.stem + ".json"]
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
    result = invoke("parse", SMALL, bad_inputs[0], MEDEDELING)
    assert result.exit_code == 1
    assert names(result.stdout) == [SMALL.name, MEDEDELING.name]


# --- resuming: --skip-existing and left-over temporary files ----------------------------------------


def test_skip_existing_leaves_a_complete_output_file_alone(tmp_path):
    target = tmp_path / "record.json"
    target.write_text('{"from": "an earlier run"}\n', encoding="utf-8")
    result = invoke("parse", SMALL, "-o", target, "--skip-existing")
    assert result.exit_code == 0
    assert result.stderr == f"Skipped: {SMALL}: {target} exists.\n"
    assert target.read_text(encoding="utf-8") == '{"from": "an earlier run"}\n'


def test_skip_existing_redoes_a_half_written_output_file(tmp_path):
    target = tmp_path / "record.json"
    target.write_text(golden(SMALL)[:500], encoding="utf-8")
    result = invoke("parse", SMALL, "-o", target, "--skip-existing")
    assert result.exit_code == 0
    assert target.read_text(encoding="utf-8") == golden(SMALL)


def test_skip_existing_resumes_a_folder_without_parsing_again(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / f"{SMALL.stem}.json").write_text('{"from": "an earlier run"}\n', encoding="utf-8")
    (out / f"{COMBINED.stem}.json").write_text(golden(COMBINED)[:-2], encoding="utf-8")  # cut short
    result = invoke("parse", SMALL, MEDEDELING, COMBINED, "--output-dir", out, "--skip-existing")
    assert result.exit_code == 0
    assert (out / f"{SMALL.stem}.json").read_text(encoding="utf-8") == '{"from": "an earlier run"}\n'
    assert (out / f"{MEDEDELING.stem}.json").read_text(encoding="utf-8") == golden(MEDEDELING)
    assert (out / f"{COMBINED.stem}.json").read_text(encoding="utf-8") == golden(COMBINED)
    assert "3 files: 2 converted, 1 skipped (output exists), 0 failed" in result.stderr


def test_stale_temporary_files_of_a_killed_run_are_removed(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    stale = out / f".{SMALL.stem}.json.k2j4_x9a.tmp"
    stale.write_text('{"half', encoding="utf-8")
    someone_elses = out / ".notes.tmp"
    someone_elses.write_text("keep me", encoding="utf-8")
    result = invoke("parse", MEDEDELING, "--output-dir", out)
    assert result.exit_code == 0
    assert sorted(path.name for path in out.iterdir()) == [".notes.tmp", f"{MEDEDELING.stem}.json"]


# --- what is not a regular file, and the limits on each file ----------------------------------------


def test_a_named_pipe_in_a_folder_is_refused_not_waited_for(tmp_path, fifo):
    shutil.copy(SMALL, tmp_path)
    result = invoke("parse", tmp_path)
    assert result.exit_code == 1
    assert names(result.stdout) == [SMALL.name]
    assert f"Error: {fifo}: not a regular file (a named pipe)\n" in result.stderr


def test_a_named_pipe_named_outright_fails_after_the_timeout_and_the_batch_goes_on(fifo):
    result = invoke("parse", fifo, SMALL, "--timeout", "1")
    assert result.exit_code == 1
    assert names(result.stdout) == [SMALL.name]
    assert f"Error: {fifo}: took longer than 1 s (raise --timeout)\n" in result.stderr


def test_an_empty_file_says_so(tmp_path):
    empty = tmp_path / "empty.pdf"
    empty.touch()
    result = invoke("parse", empty)
    assert result.stderr == f"Error: {empty}: the file is empty\n"


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path):
    large = tmp_path / "large.pdf"
    with large.open("wb") as stream:
        stream.truncate(5 * 1024 * 1024 * 1024)  # sparse: 5 GB that take no room
    result = invoke("parse", large, "--max-size", "1")
    assert result.stderr == f"Error: {large}: larger than 1 MB (raise --max-size)\n"


def test_an_endless_file_stops_at_the_size_limit():
    result = invoke("parse", "/dev/zero", "--max-size", "1")
    assert result.exit_code == 1
    assert result.stderr == "Error: /dev/zero: larger than 1 MB (raise --max-size)\n"


def test_a_file_over_the_memory_limit_fails_and_the_batch_goes_on():
    # Run as a process of its own: a worker forked from this test process inherits its heap, whose free
    # memory, after many tests, can hold a one-page parse without allocating, so the limit is never met.
    result = subprocess.run(  # noqa: S603  (our own interpreter and arguments)
        [sys.executable, "-m", "aanhangsel", "parse", SMALL, MEDEDELING, "--max-memory", "1"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr.startswith(
        f"Error: {SMALL}: needed more than 1 MB of memory (raise --max-memory)\n"
        f"Error: {MEDEDELING}: needed more than 1 MB of memory (raise --max-memory)\n"
    )


def test_an_unreadable_subfolder_is_an_error_not_skipped(tmp_path, monkeypatch):
    (tmp_path / "locked").mkdir()
    shutil.copy(SMALL, tmp_path)
    real_scandir = os.scandir

    def scandir(path):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = invoke("parse", tmp_path)
    assert result.exit_code == 1
    assert names(result.stdout) == [SMALL.name]
    assert f"Error: {tmp_path / 'locked'}: cannot read this folder: permission denied\n" in result.stderr


def test_file_names_are_shown_escaped_on_stderr(tmp_path):
    odd = tmp_path / os.fsdecode(b"vraag\x1b[31m-\xff.pdf")
    odd.write_text("not a pdf", encoding="utf-8")
    result = invoke("parse", odd)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {tmp_path}/vraag\\x1b[31m-\\xff.pdf: not a PDF")
    assert "\x1b" not in result.stderr


# --- --reader and --debug ---------------------------------------------------------------------------


def test_reader_is_handed_to_the_parser(monkeypatch):
    def parse_pdf(source, *, name, options):  # noqa: ARG001  (parse_pdf's signature)
        raise NotAnAanhangselError(f"read with {options.reader}")

    monkeypatch.setattr("aanhangsel.batch.parse_pdf", parse_pdf)  # workers are forked: they see it too
    result = invoke("parse", SMALL, "--reader", "PDFPlumber")
    assert result.stderr == f"Error: {SMALL}: read with pdfplumber\n"


def test_an_internal_error_in_a_worker_is_one_line_and_its_traceback_with_debug(monkeypatch):
    def parse_pdf(source, *, name, options):  # noqa: ARG001  (parse_pdf's signature)
        message = "a bug"
        raise RuntimeError(message)

    monkeypatch.setattr("aanhangsel.batch.parse_pdf", parse_pdf)
    plain = invoke("parse", SMALL)
    assert plain.exit_code == 1
    assert plain.stderr == f"Error: {SMALL}: internal error, please report it: RuntimeError: a bug\n"
    debug = invoke("parse", SMALL, "--debug")
    assert debug.stderr.startswith(plain.stderr + "Traceback (most recent call last):\n")
    assert debug.stderr.rstrip().endswith("RuntimeError: a bug")


def test_an_internal_error_in_the_main_process_is_one_line_and_its_traceback_with_debug(monkeypatch):
    def expand_inputs(*arguments, **options):  # noqa: ARG001  (expand_inputs's signature)
        message = "a bug"
        raise RuntimeError(message)

    monkeypatch.setattr("aanhangsel.inputs.expand_inputs", expand_inputs)
    plain = invoke("explain", SMALL)
    assert plain.exit_code == 1
    assert plain.stderr == "Error: internal error, please report it: RuntimeError: a bug\n"
    debug = invoke("explain", SMALL, "--debug")
    assert debug.stderr.startswith(plain.stderr + "Traceback (most recent call last):\n")


# --- other commands ---------------------------------------------------------------------------------


def test_schema_prints_the_shipped_json_schema():
    result = invoke("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert list(schema["properties"]) == [
        "schema_version", "source", "metadata", "questions", "answers", "footnotes", "mededeling",
        "references", "warnings",
    ]  # fmt: skip
    metadata = schema["$defs"]["Metadata"]
    assert metadata["additionalProperties"] is False
    assert "bold number above the intro" in metadata["properties"]["number"]["description"]


def test_the_shipped_schema_is_what_the_models_generate(update_golden):
    if update_golden:
        SCHEMA_FILE.write_text(generate_schema(), encoding="utf-8")
    assert read_schema() == generate_schema(), "the models changed: run pytest --update-golden, read the diff"


def test_version():
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout == f"aanhangsel {__version__}\n"


def test_explain_names_the_file_the_part_and_the_page_on_each_line():
    result = invoke("explain", ANSWER)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert (
        f"{ANSWER}\tanswer 2\tp1\tremoved\tgecompen-|seerd.\tgecompenseerd.\t"
        "the document writes 'gecompenseerd' elsewhere"
    ) in lines
    assert any(line.startswith(f"{ANSWER}\tfootnote ") for line in lines)
    assert all(line.count("\t") == 6 for line in lines)


def test_explain_takes_the_same_inputs_as_parse_and_audits_a_batch(tmp_path, bad_inputs):
    folder = tmp_path / "week"
    folder.mkdir()
    for pdf in (SMALL, COMBINED):
        shutil.copy(pdf, folder)
    result = invoke("explain", folder, bad_inputs[1], "--jobs", "2")
    assert result.exit_code == 1
    files = [line.split("\t", 1)[0] for line in result.stdout.splitlines()]
    assert sorted(set(files)) == [str(folder / COMBINED.name), str(folder / SMALL.name)]
    assert f"Error: {bad_inputs[1]}: not a PDF" in result.stderr


def test_explain_reads_a_pdf_on_stdin():
    result = invoke("explain", "-", stdin=SMALL.read_bytes())
    assert result.exit_code == 0
    assert result.stdout.startswith("stdin\tanswer 5\tp2\tremoved\t")
    assert result.stdout == invoke("explain", SMALL).stdout.replace(f"{SMALL}\t", "stdin\t")


# --- usage errors -----------------------------------------------------------------------------------


ONE_RECORD = "use jsonl or csv, or --output-dir"
USAGE_ERRORS = [
    pytest.param(["parse"], "Missing argument 'PDF...'.", id="no-input"),
    pytest.param(
        ["parse", SMALL, MEDEDELING, "-o", "x.json"],
        f"x.json is a JSON file: it holds one record, and 2 inputs were found; {ONE_RECORD}",
        id="json-file-with-several",
    ),
    pytest.param(
        ["parse", SMALL, MEDEDELING, "--format", "json"],
        f"--format json prints one record, and 2 inputs were found; {ONE_RECORD}",
        id="json-with-several",
    ),
    pytest.param(
        ["parse", SMALL, "--skip-existing"],
        "--skip-existing needs --output FILE or --output-dir DIR",
        id="skip-without-output",
    ),
    pytest.param(
        ["parse", SMALL, "-o", "x.json", "--output-dir", "out"],
        "--output and --output-dir cannot be used together",
        id="output-and-dir",
    ),
    pytest.param(
        ["parse", SMALL, "-o", "x.txt"],
        "cannot tell the format of x.txt from its extension (.json, .jsonl, .csv, .db, .sqlite, .sqlite3); "
        "give --format",
        id="unknown-extension",
    ),
    pytest.param(
        ["parse", SMALL, "-o", "x.csv", "--format", "json"],
        "--format json does not fit x.csv, a csv file name",
        id="format-against-extension",
    ),
    pytest.param(
        ["parse", SMALL, "-o", FIXTURES],
        f"--output {FIXTURES} is a folder; use --output-dir for one file per input",
        id="output-is-a-folder",
    ),
    pytest.param(
        ["parse", SMALL, "--jobs", "0"], "--jobs must be a whole number of at least 1, not '0'", id="jobs-0"
    ),
    pytest.param(
        ["parse", SMALL, "-j", "many"],
        "--jobs must be a whole number of at least 1, not 'many'",
        id="jobs-word",
    ),
    pytest.param(
        ["explain", SMALL, "--timeout", "-5"],
        "--timeout must be a whole number of at least 1, not '-5'",
        id="timeout-negative",
    ),
    pytest.param(
        ["parse", SMALL, "--max-size", "1.5"],
        "--max-size must be a whole number of at least 1, not '1.5'",
        id="max-size-fraction",
    ),
    pytest.param(
        ["parse", SMALL, "--format", "xml"],
        "--format must be one of json, jsonl, csv, sqlite, not 'xml'",
        id="bad-format",
    ),
    pytest.param(
        ["parse", SMALL, "--reader", "acrobat"],
        f"--reader must be one of {', '.join(READERS)}, not 'acrobat'",
        id="bad-reader",
    ),
    pytest.param(
        ["parse", SMALL, "--no-such-option"], "No such option: --no-such-option", id="unknown-option"
    ),
    pytest.param(
        ["parse", SMALL, "--format", "SQLite"],
        "--format sqlite is a database file, not text for stdout; give --output FILE.db",
        id="sqlite-on-stdout",
    ),
    pytest.param(
        ["parse", SMALL, "-o", "-", "--format", "sqlite"],
        "--format sqlite is a database file, not text for stdout; give --output FILE.db",
        id="sqlite-on-output-dash",
    ),
    pytest.param(
        ["parse", SMALL, "-d", "out", "--format", "sqlite"],
        "--format sqlite is one database for every input; give --output FILE.db, not --output-dir",
        id="sqlite-in-a-folder",
    ),
    pytest.param(
        ["parse", SMALL, "-o", "k.db", "--format", "csv"],
        "--format csv does not fit k.db, a sqlite file name",
        id="format-against-db-extension",
    ),
    pytest.param(
        ["parse", SMALL, "--table", "qa"],
        "--table is for CSV, and the output is json; give --format csv or -o FILE.csv",
        id="table-without-csv",
    ),
    pytest.param(
        ["parse", SMALL, "-o", "k.db", "--table", "questions"],
        "--table is for CSV, and the output is sqlite; give --format csv or -o FILE.csv",
        id="table-with-a-database",
    ),
    pytest.param(
        ["parse", SMALL, "-f", "csv", "--table", "vragen"],
        "--table must be one of documents, questioners, addressees, questions, answers, footnotes, "
        "references, warnings, qa, not 'vragen'",
        id="bad-table",
    ),
]


@pytest.mark.parametrize(("args", "message"), USAGE_ERRORS)
def test_usage_errors_say_what_is_wrong_in_one_line_and_exit_with_code_2(args, message):
    result = invoke(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.endswith(f"\nError: {message}\n")
    assert "Try 'aanhangsel " in result.stderr
