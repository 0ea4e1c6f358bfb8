"""The batch's parts on their own: what the arguments name, the worker pool and its limits, the
destinations' rules, names shown on stderr, and the part each hyphen decision is in."""

from __future__ import annotations

import contextlib
import io
import multiprocessing
import os
import shutil
import signal
import sys
import time
from pathlib import Path

import pytest

from aanhangsel.batch import Limits, run_batch
from aanhangsel.destination import OneFile, Stdout, is_complete
from aanhangsel.errors import (
    InputNotFoundError,
    InternalError,
    MemoryLimitError,
    OutputError,
    StdoutClosedError,
    TimeLimitError,
    UnreadableInputError,
)
from aanhangsel.hyphenation import HyphenDecision
from aanhangsel.inputs import Input, expand_inputs
from aanhangsel.output import Format, csv_header
from aanhangsel.parse import Texts
from aanhangsel.reporting import shown
from aanhangsel.results import FileResult, Status
from aanhangsel.sections import Block, FootnoteLines
from aanhangsel.source import MEGABYTE
from aanhangsel.text import Text
from conftest import FIXTURES

ANSWER = FIXTURES / "ah-tk-20232024-1786.pdf"


# --- what the arguments name ------------------------------------------------------------------------


@pytest.fixture
def tree(tmp_path, monkeypatch):
    """A folder of PDFs with a subfolder, a text file, a FIFO, a broken link and a link to a folder."""
    monkeypatch.chdir(tmp_path)
    Path("archive/2024").mkdir(parents=True)
    Path("empty").mkdir()
    for name in ("archive/b.pdf", "archive/A.PDF", "archive/2024/c.pdf", "single.pdf"):
        shutil.copy(ANSWER, name)
    Path("archive/notes.txt").write_text("notes", encoding="utf-8")
    os.mkfifo("archive/pipe.pdf")
    Path("archive/gone.pdf").symlink_to("nowhere.pdf")
    Path("linked").mkdir()
    shutil.copy(ANSWER, "linked/d.pdf")
    Path("archive/linked").symlink_to("../linked")
    return tmp_path


def expand(*arguments, stdin=b"", null=False):
    found = expand_inputs(arguments, io.BytesIO(stdin), null=null, max_bytes=MEGABYTE)
    problems = [
        (str(problem.item.label), type(problem.error), str(problem.error)) for problem in found.problems
    ]
    return [item.label for item in found.items], problems, found.several


@pytest.mark.parametrize(
    ("arguments", "items", "several"),
    [
        (["single.pdf"], ["single.pdf"], False),
        (["single.pdf", "single.pdf"], ["single.pdf"], True),
        (["archive/b.pdf", "single.pdf"], ["archive/b.pdf", "single.pdf"], True),
        (["archive/*.pdf"], ["archive/b.pdf"], True),
        (["arch*/2024"], ["archive/2024/c.pdf"], True),
        (["linked"], ["linked/d.pdf"], True),
    ],
    ids=["one-file", "named-twice", "two-files", "pattern", "pattern-of-a-folder", "folder"],
)
@pytest.mark.usefixtures("tree")
def test_arguments_name_documents(arguments, items, several):
    assert expand(*arguments)[0] == items
    assert expand(*arguments)[2] is several


@pytest.mark.usefixtures("tree")
def test_a_folder_gives_its_regular_pdf_files_in_sorted_order_and_a_reason_for_the_rest():
    items, problems, several = expand("archive")
    assert items == ["archive/2024/c.pdf", "archive/A.PDF", "archive/b.pdf"]  # links to folders not followed
    assert problems == [
        ("archive/gone.pdf", InputNotFoundError, "no such file (a broken link)"),
        ("archive/pipe.pdf", UnreadableInputError, "not a regular file (a named pipe)"),
    ]
    assert several


@pytest.mark.parametrize(
    ("argument", "reason", "several"),
    [
        ("missing.pdf", "no such file", False),
        ("missing-*.pdf", "no file matches this pattern", True),
        ("empty", "no PDF files in this folder", True),
    ],
)
@pytest.mark.usefixtures("tree")
def test_an_argument_that_names_nothing_has_its_own_reason(argument, reason, several):
    assert expand(argument) == ([], [(argument, InputNotFoundError, reason)], several)


@pytest.mark.usefixtures("tree")
def test_a_file_named_outright_may_be_any_kind_of_file():
    assert expand("archive/pipe.pdf")[0] == ["archive/pipe.pdf"]  # `<(…)` and /dev/stdin are pipes too


@pytest.mark.usefixtures("tree")
def test_stdin_holds_paths_one_a_line_or_nul_separated():
    assert expand("-", stdin=b"single.pdf\n\n  archive/b.pdf \n")[0] == ["single.pdf", "archive/b.pdf"]
    assert expand("-", stdin=b"single.pdf\0 archive/b.pdf\0", null=True)[1] == [
        (" archive/b.pdf", InputNotFoundError, "no such file")  # NUL-separated names are taken exactly
    ]
    assert expand("-", stdin=b"archive/*.pdf\n")[1] == [("archive/*.pdf", InputNotFoundError, "no such file")]


@pytest.mark.usefixtures("tree")
def test_a_pdf_on_stdin_is_one_document():
    found = expand_inputs(["-"], io.BytesIO(b"  %PDF-1.7 rest"), max_bytes=MEGABYTE)
    assert found.items == (Input(path=None, data=b"  %PDF-1.7 rest"),)
    assert found.items[0].label == "stdin"


# --- the worker pool --------------------------------------------------------------------------------


class Pid:
    def __call__(self, item):
        del item
        return os.getpid()


class SleepThenName:
    """Sleep for the number in the name (hundredths of a second), then hand the name back."""

    def __call__(self, item):
        if item.path.name == "hang":
            time.sleep(60)
        if item.path.name == "crash":
            os.kill(os.getpid(), signal.SIGKILL)
        if item.path.name == "greedy":
            return bytearray(200 * MEGABYTE)
        if item.path.name == "bug":
            raise ZeroDivisionError
        time.sleep(int(item.path.name) / 100)
        return item.path.name


def run(names, job=None, jobs=2, limits=None, skip=None):
    items = [Input(Path(name)) for name in names]
    arguments = {"skip": skip} if skip else {}
    results = run_batch(
        items,
        job or SleepThenName(),
        jobs=jobs,
        limits=limits or Limits(timeout=60, max_memory=None),
        **arguments,
    )
    return list(results)


def test_results_come_in_input_order_whichever_ends_first():
    results = run(["30", "1", "20", "2", "0"], jobs=3)
    assert [result.payload for result in results] == ["30", "1", "20", "2", "0"]
    assert {result.status for result in results} == {Status.CONVERTED}


def test_never_more_workers_than_files():
    results = run(["a", "b"], job=Pid(), jobs=64)
    assert len({result.payload for result in results}) <= 2
    assert os.getpid() not in {result.payload for result in results}  # even one job runs in a worker


def test_a_file_over_time_fails_and_the_next_one_is_read():
    results = run(["hang", "1"], jobs=1, limits=Limits(timeout=0.5, max_memory=None))
    assert results[0].status is Status.FAILED
    assert isinstance(results[0].error, TimeLimitError)
    assert str(results[0].error) == "took longer than 0.5 s (raise --timeout)"
    assert results[1].payload == "1"


def test_a_crashed_worker_fails_its_file_and_is_replaced():
    results = run(["crash", "1"], jobs=1)
    assert isinstance(results[0].error, InternalError)
    assert str(results[0].error) == (
        "internal error, please report it: the worker reading it stopped (killed by SIGKILL)"
    )
    assert results[1].payload == "1"


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_AS is enforced on Linux")
def test_a_file_over_the_memory_limit_fails_and_the_next_one_is_read():
    results = run(["greedy", "1"], jobs=1, limits=Limits(timeout=60, max_memory=os_memory() + 100 * MEGABYTE))
    assert isinstance(results[0].error, MemoryLimitError)
    assert str(results[0].error).endswith(" MB of memory (raise --max-memory)")
    assert results[1].payload == "1"


def os_memory():
    """This process's address space now (a forked worker starts with as much)."""
    return int(Path("/proc/self/statm").read_text().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def test_an_unforeseen_error_keeps_its_traceback_for_debug():
    (result,) = run(["bug"])
    assert str(result.error) == "internal error, please report it: ZeroDivisionError:"
    assert result.error.details.startswith("Traceback (most recent call last):")
    assert result.error.details.rstrip().endswith("ZeroDivisionError")


def test_skipped_files_are_not_read():
    results = run(
        ["hang", "1"], jobs=1, skip=lambda item: "out/hang.json" if item.path.name == "hang" else None
    )
    assert results[0] == FileResult(Input(Path("hang")), Status.SKIPPED, existing_output="out/hang.json")
    assert results[1].payload == "1"


def test_closing_the_results_early_stops_every_worker():
    before = multiprocessing.active_children()
    results = run_batch(
        [Input(Path("1")), Input(Path("hang"))],
        SleepThenName(),
        jobs=2,
        limits=Limits(timeout=60, max_memory=None),
    )
    assert next(results).payload == "1"
    assert len(multiprocessing.active_children()) == len(before) + 2  # one of them reading "hang"
    results.close()
    assert multiprocessing.active_children() == before


# --- destinations -----------------------------------------------------------------------------------


RECORD_LINE = '{"schema_version": 1}\n'


@pytest.mark.parametrize(
    ("output_format", "text", "complete"),
    [
        (Format.JSON, '{\n  "schema_version": 1\n}\n', True),
        (Format.JSON, '{\n  "schema_version": 1\n', False),
        (Format.JSON, '{\n  "schema_version": 1\n}', False),
        (Format.JSON, "", False),
        (Format.JSONL, RECORD_LINE * 2, True),
        (Format.JSONL, RECORD_LINE + '{"schema_version"\n', False),
        (Format.CSV, csv_header() + "a" + "," * (csv_header().count(",")) + "\n", True),
        (Format.CSV, csv_header() + 'a,"cut\n', False),
        (Format.CSV, csv_header() + "a,b\n", False),
        (Format.CSV, "a,b\n", False),
    ],
)
def test_an_output_is_complete_when_it_is_whole(tmp_path, output_format, text, complete):
    path = tmp_path / f"out{output_format.suffix}"
    path.write_text(text, encoding="utf-8")
    assert is_complete(path, output_format) is complete


@pytest.mark.parametrize("ending", [None, KeyboardInterrupt], ids=["finished", "interrupted"])
def test_one_output_file_is_written_whole_or_not_at_all(tmp_path, ending):
    target = tmp_path / "week.jsonl"
    target.write_text("earlier\n", encoding="utf-8")
    with contextlib.suppress(KeyboardInterrupt), OneFile(target, Format.JSONL, skip_existing=False) as one:
        one.deliver(FileResult(Input(Path("a.pdf")), Status.CONVERTED, payload=RECORD_LINE))
        if ending:
            raise ending
    assert target.read_text(encoding="utf-8") == ("earlier\n" if ending else RECORD_LINE)
    assert [path.name for path in tmp_path.iterdir()] == ["week.jsonl"]


def test_a_missing_output_is_not_complete(tmp_path):
    assert not is_complete(tmp_path / "missing.json", Format.JSON)


class FailingFile(io.RawIOBase):
    def __init__(self, error):
        self.error = error

    def writable(self):
        return True

    def write(self, data):
        del data
        raise self.error


@pytest.mark.parametrize(
    ("error", "kind", "message"),
    [
        (BrokenPipeError(32, "Broken pipe"), StdoutClosedError, "stdout was closed by its reader"),
        (
            OSError(28, "No space left on device"),
            OutputError,
            "cannot write to stdout: no space left on device",
        ),
    ],
)
def test_stdout_that_cannot_be_written_stops_the_batch_with_a_typed_error(monkeypatch, error, kind, message):
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(io.BufferedWriter(FailingFile(error))))
    with pytest.raises(kind) as raised, Stdout(Format.JSONL) as stdout:
        stdout.write("{}\n")
    assert str(raised.value) == message


# --- names on stderr, and the parts of `explain` ----------------------------------------------------


@pytest.mark.parametrize(
    ("name", "shown_as"),
    [
        ("vraag 12 (définitief).pdf", "vraag 12 (définitief).pdf"),
        ("a\nb\tc.pdf", "a\\x0ab\\x09c.pdf"),
        ("\x1b[31mred.pdf", "\\x1b[31mred.pdf"),
        (os.fsdecode(b"caf\xe9.pdf"), "caf\\xe9.pdf"),
        ("evil\u202efdp.exe", "evil\\u202efdp.exe"),
    ],
    ids=["plain", "line-end-and-tab", "escape-sequence", "not-utf8", "right-to-left-override"],
)
def test_names_are_shown_escaped(name, shown_as):
    assert shown(name) == shown_as


def decision(word):
    return HyphenDecision(page=1, left=f"{word}-", right="x", joined=f"{word}x", kept=False, reason="test")


def text(*words):
    return Text(text="", footnote_refs=(), marker_offsets=(), hyphens=tuple(map(decision, words)))


def test_every_hyphen_decision_names_its_part():
    texts = Texts(
        intro=text("intro"),
        blocks=(
            (Block(kind="question", numbers=(1,), page=1, lines=()), text("q1")),
            (Block(kind="answer", numbers=(3, 4), page=2, lines=()), text("a3", "a3b")),
        ),
        footnotes=((FootnoteLines(number=4, page=2, lines=()), text("f4")),),
        mededeling=text("m"),
    )
    assert [(hyphen.part, hyphen.decision.left) for hyphen in texts.hyphens] == [
        ("intro", "intro-"),
        ("question 1", "q1-"),
        ("answer 3, 4", "a3-"),
        ("answer 3, 4", "a3b-"),
        ("footnote 4", "f4-"),
        ("mededeling", "m-"),
    ]
