"""`show` and `debug` on the command line, in-process: every fixture shown whole, plain text when stdout is
no terminal, `--width`, one PNG per page at the asked resolution, `--page`, and one-line errors."""

from __future__ import annotations

import json
import re
import struct

import pytest
from typer.testing import CliRunner

from aanhangsel.cli import app
from aanhangsel.pdf import read_pdf
from aanhangsel.source import load_pdf
from conftest import FIXTURES

runner = CliRunner()

ALL_PDFS = sorted(FIXTURES.glob("*.pdf"))
SMALL = FIXTURES / "ah-tk-20232024-1949.pdf"  # two pages
SUPERSCRIPTS = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:,[⁰¹²³⁴⁵⁶⁷⁸⁹]+)*")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def invoke(*args, stdin=None, env=None):
    return runner.invoke(app, [str(arg) for arg in args], input=stdin, env=env)


def golden_record(pdf):
    return json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def shown_wide():
    """Every fixture shown at once, so wide that no paragraph wraps: one document per panel."""
    result = invoke("show", FIXTURES, "--width", 10_000)
    assert (result.exit_code, result.stderr) == (0, "")
    documents = re.split(r"^(?=╭─)", result.stdout, flags=re.MULTILINE)[1:]
    assert len(documents) == len(ALL_PDFS)
    return dict(zip(ALL_PDFS, documents, strict=True))


@pytest.mark.parametrize("pdf", ALL_PDFS, ids=[pdf.stem for pdf in ALL_PDFS])
def test_show_gives_every_question_answer_and_footnote(shown_wide, pdf):
    record = golden_record(pdf)
    shown = shown_wide[pdf]
    lines = {SUPERSCRIPTS.sub("", line).strip() for line in shown.splitlines()}
    texts = [block["text"] for block in (*record["questions"], *record["answers"])]
    texts += [record["mededeling"]["text"]] if record["mededeling"] else []
    for text in texts:
        for paragraph in text.split("\n"):
            assert paragraph in lines, paragraph
    for footnote in record["footnotes"]:
        assert re.search(rf"^ *{footnote['number']} {re.escape(footnote['text'])}$", shown, re.MULTILINE)
    markers = sum(len(block["footnote_refs"]) for block in (*record["questions"], *record["answers"]))
    markers += len(record["mededeling"]["footnote_refs"]) if record["mededeling"] else 0
    assert sum(len(found.split(",")) for found in SUPERSCRIPTS.findall(shown)) == markers


def test_show_pairs_a_combined_label_once():
    shown = invoke("show", FIXTURES / "ah-tk-20232024-1314.pdf").stdout
    assert shown.count("Vraag 3, 4 en 5\n") == 1
    assert shown.index("Vraag 3, 4 en 5\n") < shown.index("Antwoord 3, 4 en 5\n") < shown.index("Vraag 6\n")


def test_show_prints_plain_text_when_stdout_is_not_a_terminal(shown_wide):
    assert not any("\x1b" in shown for shown in shown_wide.values())


def test_force_color_gives_a_terminal_its_colours_and_links():
    result = invoke("show", SMALL, env={"FORCE_COLOR": "1"})
    assert "\x1b[" in result.stdout
    assert "\x1b]8;" in result.stdout  # links (OSC 8)


def test_show_wraps_at_the_width_asked_for():
    result = invoke("show", FIXTURES, "--width", 60)
    assert result.exit_code == 0
    assert max(len(line) for line in result.stdout.splitlines()) == 60  # the panel's edge


def test_show_takes_the_same_inputs_as_parse_and_goes_on_after_a_bad_file(tmp_path):
    missing = tmp_path / "absent.pdf"
    result = invoke("show", "-", stdin=f"{SMALL}\n{missing}\n")
    assert result.exit_code == 1
    assert result.stdout.startswith("╭─ ah-tk-20232024-1949 · Tweede Kamer · 2023-2024 ")
    assert (
        result.stderr == f"Error: {missing}: no such file\n1 of 2 files failed:\n  {missing}: no such file\n"
    )


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda path: path.write_bytes(SMALL.read_bytes()[:4000]), "damaged PDF"),
        (lambda path: path.write_text("just some notes\n", encoding="utf-8"), "not a PDF"),
    ],
    ids=["broken", "not-a-pdf"],
)
@pytest.mark.parametrize("command", [["show"], ["debug", "-o", "out"]], ids=["show", "debug"])
def test_a_bad_file_is_one_error_line(tmp_path, make, reason, command):
    pdf = tmp_path / "bad.pdf"
    make(pdf)
    result = invoke(*command, pdf)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"Error: {pdf}: {reason}")
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", SMALL, "--width", "0"], "--width must be a whole number of at least 1, not '0'"),
        (
            ["debug", SMALL, "-o", "out", "--page", "x"],
            "--page must be a whole number of at least 1, not 'x'",
        ),
        (
            ["debug", SMALL, "-o", "out", "--resolution", "0"],
            "--resolution must be a whole number of at least 1",
        ),
        (
            ["debug", FIXTURES, "-o", "out"],
            f"debug draws one PDF at a time, and {FIXTURES} names {len(ALL_PDFS)}",
        ),
    ],
    ids=["width", "page", "resolution", "folder"],
)
def test_usage_errors_are_one_line_and_exit_code_2(args, message):
    result = invoke(*args)
    assert result.exit_code == 2
    assert message in result.stderr


# --- debug ------------------------------------------------------------------------------------------


def png_size(path):
    """Width and height from a PNG's header (its IHDR chunk)."""
    data = path.read_bytes()[:24]
    assert data[:8] == PNG_SIGNATURE
    return struct.unpack(">II", data[16:24])


def test_debug_writes_a_png_per_page_at_the_resolution_asked_for(tmp_path):
    result = invoke("debug", SMALL, "-o", tmp_path / "pictures", "--resolution", 36)
    assert (result.exit_code, result.stderr) == (0, "")
    pictures = [tmp_path / "pictures" / f"{SMALL.stem}-page-{page}.png" for page in (1, 2)]
    assert result.stdout == "".join(f"{path}\n" for path in pictures)
    pages = read_pdf(load_pdf(SMALL), "pypdfium2").pages
    for picture, page in zip(pictures, pages, strict=True):
        width, height = png_size(picture)
        assert abs(width - page.width * 36 / 72) <= 1
        assert abs(height - page.height * 36 / 72) <= 1


def test_debug_page_draws_that_page_only(tmp_path):
    result = invoke("debug", SMALL, "-o", tmp_path, "--page", 2, "--resolution", 20)
    assert result.exit_code == 0
    assert [path.name for path in tmp_path.iterdir()] == [f"{SMALL.stem}-page-2.png"]


def test_debug_page_past_the_end_is_one_error_line_and_writes_nothing(tmp_path):
    result = invoke("debug", SMALL, "-o", tmp_path / "pictures", "--page", 3)
    assert result.exit_code == 1
    assert result.stderr == f"Error: {SMALL}: --page 3 is not in the PDF, which has 2 pages\n"
    assert not (tmp_path / "pictures").exists()


def test_debug_reads_a_pdf_on_stdin(tmp_path):
    result = invoke("debug", "-", "-o", tmp_path, "--page", 1, "--resolution", 20, stdin=SMALL.read_bytes())
    assert result.exit_code == 0
    assert result.stdout == f"{tmp_path / 'stdin-page-1.png'}\n"


def test_debug_says_in_one_line_when_its_folder_cannot_be_made(tmp_path):
    (tmp_path / "taken").write_text("a file, not a folder\n", encoding="utf-8")
    result = invoke("debug", SMALL, "-o", tmp_path / "taken" / "pictures", "--page", 1, "--resolution", 20)
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {SMALL}: cannot create output folder {tmp_path / 'taken' / 'pictures'}: not a directory\n"
    )


def test_debug_of_a_missing_file_is_one_error_line(tmp_path):
    result = invoke("debug", tmp_path / "absent.pdf", "-o", tmp_path)
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path / 'absent.pdf'}: no such file\n"
