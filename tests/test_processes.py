"""The tool as a process among others: quick start-up, stdout full, closed or cut short, workers that die
with the main process, Ctrl-C, and inputs that are pipes. Linux only: these use /proc, /dev/full, FIFOs."""

# ruff: noqa: S603  (the tool under test runs as a subprocess, with arguments the tests choose)
from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import aanhangsel.cli
from conftest import FIXTURES
from databases import assert_whole, query

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="uses /proc, /dev/full and FIFOs")

ANSWER = FIXTURES / "ah-tk-20232024-1786.pdf"
MEDEDELING = FIXTURES / "ah-tk-20232024-1999.pdf"
TOOL = [sys.executable, "-m", "aanhangsel"]
HEAVY = {"pydantic", "pdfplumber", "pypdfium2", "pdfminer", "rich"}
WAIT_SECONDS = 30


def heavy_imports(*code):
    """The heavy top-level packages a Python process imports (`python -X importtime`)."""
    run = subprocess.run(
        [sys.executable, "-X", "importtime", *code], capture_output=True, text=True, check=False
    )
    names = re.findall(r"^import time:\s+\d+ \|\s+\d+ \| +([\w.]+)$", run.stderr, flags=re.MULTILINE)
    return {name for name in names if name in HEAVY}


QUICK_COMMANDS = pytest.mark.parametrize(
    "command", [["--version"], ["--help"], ["schema"]], ids=["version", "help", "schema"]
)
# Runs the command line with the package's `__init__` left out, so that only what the command line itself
# imports is seen, whatever `__init__` imports.
WITHOUT_INIT = """
import sys, types
package = types.ModuleType("aanhangsel")
package.__path__, package.__version__ = [{folder!r}], "0"
sys.modules["aanhangsel"] = package
sys.argv = ["aanhangsel", *{command!r}]
from aanhangsel.cli import main
try:
    main()
except SystemExit:
    pass
"""


@QUICK_COMMANDS
def test_the_command_line_itself_imports_nothing_heavy_to_start(command):
    """`aanhangsel --version`, `--help` and `schema` import no PDF library, pydantic or rich."""
    folder = str(Path(aanhangsel.cli.__file__).parent)
    assert heavy_imports("-c", WITHOUT_INIT.format(folder=folder, command=command)) == set()


@QUICK_COMMANDS
def test_start_up_imports_nothing_heavy_beyond_the_package_itself(command):
    """The same, run as users run it; `__init__` is the package's own business: what it imports is left
    out here."""
    assert heavy_imports("-m", "aanhangsel", *command) - heavy_imports("-c", "import aanhangsel") == set()


def children(pid):
    """The processes whose parent is `pid`."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # it ended while we looked
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def gone(pid):
    """Whether a process has ended (or is a zombie waiting to be reaped)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


def wait_for(condition):
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


@pytest.fixture
def fifo(tmp_path):
    """A named pipe nothing writes to: a worker that opens it waits (up to --timeout)."""
    path = tmp_path / "waits.pdf"
    os.mkfifo(path)
    return path


def test_stdout_on_a_full_disk_is_one_error_line():
    with Path("/dev/full").open("wb") as full:
        run = subprocess.run([*TOOL, "parse", MEDEDELING], stdout=full, stderr=subprocess.PIPE, check=False)
    assert run.returncode == 1
    assert run.stderr.decode() == "Error: cannot write to stdout: no space left on device\n"


def test_a_closed_stdout_is_one_error_line():
    command = ["sh", "-c", 'exec "$@" >&-', "sh", *TOOL, "parse", str(MEDEDELING)]
    run = subprocess.run(command, capture_output=False, stderr=subprocess.PIPE, check=False)
    assert run.returncode == 1
    assert run.stderr.decode() == "Error: cannot write to stdout: it is closed\n"


def test_a_reader_that_stops_early_ends_the_batch_quietly_with_no_process_left(fifo):
    main = subprocess.Popen(
        [*TOOL, "parse", FIXTURES, fifo, "-j", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert main.stdout.read(10) == b'{"schema_v'
    wait_for(lambda: len(children(main.pid)) == 2)
    workers = children(main.pid)
    main.stdout.close()  # `| head -c 10`
    assert main.wait(WAIT_SECONDS) == 128 + signal.SIGPIPE
    assert main.stderr.read() == b""
    wait_for(lambda: all(map(gone, workers)))


def test_workers_die_with_a_killed_main_process(tmp_path, fifo):
    out = tmp_path / "out"
    main = subprocess.Popen([*TOOL, "parse", FIXTURES, fifo, "-j", "2", "-d", out], stderr=subprocess.DEVNULL)
    wait_for(lambda: len(children(main.pid)) == 2)
    workers = children(main.pid)
    main.kill()
    main.wait(WAIT_SECONDS)
    wait_for(lambda: all(map(gone, workers)))


def test_ctrl_c_stops_with_exit_code_130_and_leaves_only_complete_outputs(tmp_path, fifo):
    out = tmp_path / "out"
    main = subprocess.Popen(
        [*TOOL, "parse", MEDEDELING, fifo, ANSWER, "-d", out, "-j", "1"], stderr=subprocess.PIPE
    )
    wait_for(lambda: (out / f"{MEDEDELING.stem}.json").exists() and children(main.pid))
    workers = children(main.pid)
    main.send_signal(signal.SIGINT)
    assert main.wait(WAIT_SECONDS) == 130
    assert main.stderr.read().decode() == "Interrupted after 1 of 3 files; outputs written are complete.\n"
    assert [path.name for path in out.iterdir()] == [f"{MEDEDELING.stem}.json"]
    assert (
        json.loads((out / f"{MEDEDELING.stem}.json").read_text(encoding="utf-8"))["metadata"]["number"]
        == 1999
    )
    wait_for(lambda: all(map(gone, workers)))


def test_ctrl_c_leaves_the_database_with_the_documents_written_whole(tmp_path, fifo):
    database = tmp_path / "k.db"
    main = subprocess.Popen(
        [*TOOL, "parse", MEDEDELING, fifo, ANSWER, "-o", database, "-j", "1"], stderr=subprocess.PIPE
    )
    wait_for(lambda: stored(database) == 1 and children(main.pid))
    main.send_signal(signal.SIGINT)
    assert main.wait(WAIT_SECONDS) == 130
    assert main.stderr.read().decode() == "Interrupted after 1 of 3 files; outputs written are complete.\n"
    assert_whole(database, [MEDEDELING])


def stored(database):
    """How many documents a database holds, as another process sees it while it is written."""
    try:
        return query(database, "SELECT count(*) FROM documents")[0][0]
    except sqlite3.Error:  # not created yet, or its tables not yet
        return 0


def test_dev_stdin_is_read_once():
    run = subprocess.run(
        [*TOOL, "parse", "/dev/stdin"], input=MEDEDELING.read_bytes(), capture_output=True, check=False
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["metadata"]["number"] == 1999


def test_dev_stdin_is_read_once_into_a_database_also_with_skip_existing(tmp_path):
    """The main process hashes inputs for --skip-existing, but never a pipe: that would leave it empty."""
    database = tmp_path / "k.db"
    run = subprocess.run(
        [*TOOL, "parse", "/dev/stdin", "-o", database, "--skip-existing"],
        input=MEDEDELING.read_bytes(),
        capture_output=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert query(database, "SELECT file, number FROM documents") == [("stdin", 1999)]


def test_a_process_substitution_is_read_once():
    command = ["bash", "-c", f'exec "$@" <(cat "{MEDEDELING}")', "bash", *TOOL, "parse"]
    run = subprocess.run(command, capture_output=True, check=False)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["metadata"]["number"] == 1999
