"""Benchmark one document at a time: our parse with each reader against what a quick script would do.

Measured in one run over the fixtures, each figure repeated for at least `--seconds` (5 by default):

- in this process: our full parse with each reader, split into its stages (reading, `layout`, the rest),
  pdfplumber's `extract_text()` and pypdfium2's `get_text_range()` (text without structure: the floor);
- as processes: `aanhangsel --version` and `aanhangsel parse ONE.pdf`, against `python -c pass`;
- peak memory: of each process, and of the Python heap while one document is parsed (tracemalloc).

The machine is shared and noisy, so in-process figures are CPU time of this process (not wall time, which
counts the time other programs take), the tasks take turns round by round (each on a collected heap), each
figure is the median of its rounds, and what matters is printed as ratios against references measured in
the same run.

    python benchmarks/speed.py                 # every figure for at least 5 s (about a minute in all)
    python benchmarks/speed.py --seconds 1     # a quick look
"""

from __future__ import annotations

import argparse
import gc
import statistics
import subprocess
import sys
import time
import tracemalloc
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pdfplumber
import pypdfium2

import aanhangsel.parse
from aanhangsel import ParseOptions, parse_pdf

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

ROOT = Path(__file__).resolve().parent.parent
PDFS = sorted((ROOT / "fixtures").glob("*.pdf"))
ONE = ROOT / "fixtures" / "ah-tk-20232024-1786.pdf"
"""The document the processes parse: six pages, the longest fixture."""
READERS = ("pypdfium2", "pdfplumber")


@dataclass
class Task:
    """Something timed over all fixtures, round after round."""

    run: Callable[[], None]
    """One round: every fixture once."""
    rounds: list[float] = field(default_factory=list)
    """CPU seconds of each round."""

    @property
    def seconds(self) -> float:
        """CPU time spent so far."""
        return sum(self.rounds)

    @property
    def median(self) -> float:
        """CPU seconds of the median round."""
        return statistics.median(self.rounds)


@dataclass
class OurParse:
    """Our full parse of every fixture with one reader, with CPU seconds per stage summed over the rounds."""

    reader: str
    """Which reader reads the PDFs."""
    read: float = 0.0
    """Loading the file and reading its glyphs."""
    layout: float = 0.0
    """The `layout` stage."""
    total: float = 0.0
    """The whole parse."""

    def __call__(self) -> None:
        """Parse every fixture once."""
        options = ParseOptions(reader=self.reader)
        with self._timed_stages():
            start = time.process_time()
            for path in PDFS:
                parse_pdf(path, options=options)
            self.total += time.process_time() - start

    def reset(self) -> None:
        """Forget the time spent so far (the warm-up)."""
        self.read = self.layout = self.total = 0.0

    @contextmanager
    def _timed_stages(self) -> Iterator[None]:
        """Time the reading and layout stages where the recipe calls them (`aanhangsel.parse`)."""
        recipe = aanhangsel.parse
        load, layout = recipe.load_pdf, recipe.document_to_layout

        def timed_load(*args: Any, **kwargs: Any) -> Any:  # noqa: ANN401  (passed through)
            start = time.process_time()
            try:
                return load(*args, **kwargs)
            finally:
                self.read += time.process_time() - start

        def timed_layout(*args: Any, **kwargs: Any) -> Any:  # noqa: ANN401  (passed through)
            start = time.process_time()
            try:
                return layout(*args, **kwargs)
            finally:
                self.layout += time.process_time() - start

        read = recipe.read_pdf

        def timed_read(*args: Any, **kwargs: Any) -> Any:  # noqa: ANN401  (passed through)
            start = time.process_time()
            try:
                return read(*args, **kwargs)
            finally:
                self.read += time.process_time() - start

        recipe.load_pdf, recipe.read_pdf, recipe.document_to_layout = timed_load, timed_read, timed_layout
        try:
            yield
        finally:
            recipe.load_pdf, recipe.read_pdf, recipe.document_to_layout = load, read, layout


def raw_text() -> None:
    """What pypdfium2 gives for text without any structure: every page's text in one call."""
    for path in PDFS:
        document = pypdfium2.PdfDocument(path)
        for index in range(len(document)):
            page = document[index]
            text_page = page.get_textpage()
            text_page.get_text_range()
            text_page.close()
            page.close()
        document.close()


def plumber_text() -> None:
    """What a quick pdfplumber script does: `extract_text()` on every page."""
    for path in PDFS:
        with pdfplumber.open(path) as document:
            for page in document.pages:
                page.extract_text()


def take_turns(tasks: dict[str, Task], seconds: float) -> None:
    """Run the tasks round by round, each while it has had less than `seconds` of CPU time.

    Each round starts on a collected heap: pdfplumber leaves cycles behind (pdfminer's object graphs), and
    Python's collector would otherwise free them in whichever round comes next, on that task's clock.
    """
    while any(task.seconds < seconds for task in tasks.values()):
        for task in tasks.values():
            if task.seconds < seconds:
                gc.collect()
                start = time.process_time()
                task.run()
                task.rounds.append(time.process_time() - start)


def heap_peak(reader: str) -> float:
    """Peak MiB of Python memory while parsing the longest fixture (PDF libraries' own C memory excluded)."""
    tracemalloc.start()
    parse_pdf(ONE, options=ParseOptions(reader=reader))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


# Runs one command and reports its wall time, CPU time and peak memory. It runs in a small Python of its
# own: a process forked from this one would count this benchmark's memory as its own (Linux keeps the peak
# of the memory a process had before it started another program).
LAUNCHER = """
import os, sys, time
start = time.perf_counter()
quiet = [(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0)]
pid = os.posix_spawnp(sys.argv[1], sys.argv[1:], os.environ, file_actions=quiet)
_, status, usage = os.wait4(pid, 0)
print(time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, status)
"""


@dataclass
class Process:
    """A command timed as a process."""

    command: list[str]
    """What runs."""
    wall: list[float] = field(default_factory=list)
    """Wall-clock seconds of each run."""
    cpu: list[float] = field(default_factory=list)
    """CPU seconds (user and system) of each run."""
    peak_kib: int = 0
    """Largest resident memory of any run, in KiB."""

    def run_once(self) -> None:
        """Run the command and record what it took."""
        launch = [sys.executable, "-c", LAUNCHER, *self.command]
        launched = subprocess.run(launch, capture_output=True, text=True, check=True)
        wall, cpu, peak, status = launched.stdout.split()
        if status != "0":
            sys.exit(f"{' '.join(self.command)} failed: {launched.stderr[-500:]}")
        self.wall.append(float(wall))
        self.cpu.append(float(cpu))
        self.peak_kib = max(self.peak_kib, int(peak))


def time_processes(processes: dict[str, Process], seconds: float) -> None:
    """Run the commands in turn, each until it has had `seconds` of wall-clock time (at least 5 runs)."""
    while any(sum(p.wall) < seconds or len(p.wall) < 5 for p in processes.values()):
        for process in processes.values():
            if sum(process.wall) < seconds or len(process.wall) < 5:
                process.run_once()


def tool() -> list[str]:
    """The installed `aanhangsel` command next to this Python."""
    script = Path(sys.executable).with_name("aanhangsel")
    return [str(script)] if script.exists() else [sys.executable, "-m", "aanhangsel"]


def library_parse(reader: str) -> list[str]:
    """A Python that parses ONE.pdf through the library with one reader (the command line has no choice)."""
    options = f"ParseOptions(reader={reader!r})"
    code = f"from aanhangsel import ParseOptions, parse_pdf; parse_pdf({str(ONE)!r}, options={options})"
    return [sys.executable, "-c", code]


def in_process(seconds: float) -> tuple[dict[str, Task], dict[str, OurParse]]:
    """Time the in-process tasks, taking turns, after one warm-up round each."""
    parses = {reader: OurParse(reader) for reader in READERS}
    tasks = {f"parse with {reader}": Task(parse) for reader, parse in parses.items()}
    tasks |= {"pypdfium2 raw text": Task(raw_text), "pdfplumber extract_text": Task(plumber_text)}
    for task in tasks.values():
        task.run()  # imports, caches
    for parse in parses.values():
        parse.reset()
    take_turns(tasks, seconds)
    return tasks, parses


def print_in_process(tasks: dict[str, Task], parses: dict[str, OurParse], pages: int) -> None:
    """Print ms/doc, ms/page and the ratio to raw text of each task, and each parse's stages."""
    documents = len(PDFS)
    raw = tasks["pypdfium2 raw text"].median
    print("\nin this process (CPU time, median round)      ms/doc   ms/page   x raw text")
    for name, task in tasks.items():
        per_doc, per_page = task.median * 1000 / documents, task.median * 1000 / pages
        print(f"  {name:<40} {per_doc:8.1f} {per_page:9.2f} {task.median / raw:10.1f}")
    for reader, parse in parses.items():
        rounds = len(tasks[f"parse with {reader}"].rounds)
        rest = parse.total - parse.read - parse.layout
        parts = ", ".join(
            f"{name} {part * 1000 / rounds / documents:.1f} ms ({part / parse.total:.0%})"
            for name, part in (("read", parse.read), ("layout", parse.layout), ("the rest", rest))
        )
        print(f"  stages with {reader} (mean): {parts}")


def print_processes(processes: dict[str, Process]) -> None:
    """Print each command's median wall and CPU time and its peak memory."""
    print("\nas processes (median run)                  wall ms    CPU ms   peak MiB")
    for name, process in processes.items():
        wall, cpu = statistics.median(process.wall) * 1000, statistics.median(process.cpu) * 1000
        print(f"  {name:<40} {wall:7.0f} {cpu:9.0f} {process.peak_kib / 1024:10.1f}")
    heaps = ", ".join(f"{reader} {heap_peak(reader):.1f} MiB" for reader in READERS)
    print(f"  peak Python heap while parsing ONE.pdf in this process: {heaps}")


def print_ratios(tasks: dict[str, Task], processes: dict[str, Process]) -> None:
    """Print the figures that issue 12 sets targets for, as ratios within this run."""
    default, raw = tasks["parse with pypdfium2"].median, tasks["pypdfium2 raw text"].median
    plumber_text, plumber_parse = (
        tasks["pdfplumber extract_text"].median,
        tasks["parse with pdfplumber"].median,
    )
    python = statistics.median(processes["python -c pass"].wall)
    version = statistics.median(processes["aanhangsel --version"].wall) - python
    one = statistics.median(processes["aanhangsel parse ONE.pdf"].wall) - python
    print("\nratios (targets of issue 12 in brackets)")
    print(f"  default parse / pypdfium2 raw text           {default / raw:6.1f}x  (at most 8x)")
    print(f"  pdfplumber extract_text / default parse      {plumber_text / default:6.1f}x  (at least 6x)")
    print(f"  parse with pdfplumber / default parse        {plumber_parse / default:6.1f}x")
    print(f"  aanhangsel --version - python -c pass        {version * 1000:6.0f} ms (at most 100 ms)")
    print(f"  aanhangsel parse ONE.pdf - python -c pass    {one * 1000:6.0f} ms")


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=float, default=5.0, help="least time for each figure")
    seconds = parser.parse_args().seconds
    pages = sum(len(pypdfium2.PdfDocument(path)) for path in PDFS)
    print(f"{len(PDFS)} documents, {pages} pages (fixtures/); Python {sys.version.split()[0]}")
    tasks, parses = in_process(seconds)
    print_in_process(tasks, parses, pages)
    processes = {
        "python -c pass": Process([sys.executable, "-c", "pass"]),
        "aanhangsel --version": Process([*tool(), "--version"]),
        "aanhangsel parse ONE.pdf": Process([*tool(), "parse", str(ONE)]),
        "parse ONE.pdf with pdfplumber (library)": Process(library_parse("pdfplumber")),
    }
    time_processes(processes, seconds)
    print_processes(processes)
    print_ratios(tasks, processes)


if __name__ == "__main__":
    main()
