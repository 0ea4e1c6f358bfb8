"""Benchmark one document at a time: our parse with each reader against what a quick script would do.

Measured in one run over the fixtures, each figure repeated for at least `--seconds` (5 by default):

- in this process: our full parse with each reader, split into its stages (reading, `layout`, the rest),
  pdfplumber's `extract_text()` and pypdfium2's `get_text_range()` (text without structure: the floor);
- as processes: `aanhangsel --version` and `aanhangsel parse ONE.pdf`, against `python -c pass`;
- peak memory: of each process, and of the Python heap while one document is parsed (tracemalloc).

The machine is shared and noisy, so in-process figures are CPU time of this process (not wall time, which
counts the time other programs take), the tasks take turns round by round, each figure is the median of its
rounds, and what matters is printed as ratios against references measured in the same run.

    python benchmarks/speed.py                 # every figure for at least 5 s (about a minute in all)
    python benchmarks/speed.py --seconds 1     # a quick look
"""

from __future__ import annotations

import argparse
import os
import resource
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
    """Run the tasks round by round, each while it has had less than `seconds` of CPU time."""
    while any(task.seconds < seconds for task in tasks.values()):
        for task in tasks.values():
            if task.seconds < seconds:
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
    """Largest resident memory of any run."""

    def run_once(self) -> None:
        """Run the command and record what it took."""
        start = time.perf_counter()
        child = subprocess.Popen(self.command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(child.pid, 0)
        self.wall.append(time.perf_counter() - start)
        if status != 0:
            sys.exit(f"{' '.join(self.command)} failed: {child.stderr.read().decode()[-500:]}")  # type: ignore[union-attr]
        child.stderr.close()  # type: ignore[union-attr]
        self.cpu.append(usage.ru_utime + usage.ru_stime)
        self.peak_kib = max(self.peak_kib, usage.ru_maxrss)


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


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=float, default=5.0, help="least time for each figure")
    seconds = parser.parse_args().seconds
    documents = len(PDFS)
    pages = sum(len(pypdfium2.PdfDocument(path)) for path in PDFS)
    print(f"{documents} documents, {pages} pages (fixtures/), Python {sys.version.split()[0]}")

    parses = {reader: OurParse(reader) for reader in READERS}
    tasks = {f"parse with {reader}": Task(parse) for reader, parse in parses.items()}
    tasks |= {"pypdfium2 raw text": Task(raw_text), "pdfplumber extract_text": Task(plumber_text)}
    for task in tasks.values():
        task.run()  # warm up: imports, caches
    for parse in parses.values():
        parse.reset()
    take_turns(tasks, seconds)

    print("\nin this process (CPU time, median round)      ms/doc   ms/page   x raw text")
    raw = tasks["pypdfium2 raw text"].median
    for name, task in tasks.items():
        print(
            f"  {name:<40} {task.median * 1000 / documents:8.1f} {task.median * 1000 / pages:9.2f}"
            f" {task.median / raw:10.1f}"
        )
    for reader, parse in parses.items():
        rest = parse.total - parse.read - parse.layout
        rounds = len(tasks[f"parse with {reader}"].rounds)
        parts = ", ".join(
            f"{name} {part * 1000 / rounds / documents:.1f} ms ({part / parse.total:.0%})"
            for name, part in (("read", parse.read), ("layout", parse.layout), ("the rest", rest))
        )
        print(f"  stages with {reader}: {parts}")

    processes = {
        "python -c pass": Process([sys.executable, "-c", "pass"]),
        "aanhangsel --version": Process([*tool(), "--version"]),
        "aanhangsel parse ONE.pdf": Process([*tool(), "parse", str(ONE)]),
    }
    time_processes(processes, seconds)
    print("\nas processes (median run)                  wall ms    CPU ms   peak MiB")
    for name, process in processes.items():
        print(
            f"  {name:<40} {statistics.median(process.wall) * 1000:7.0f} "
            f"{statistics.median(process.cpu) * 1000:9.0f} {process.peak_kib / 1024:10.1f}"
        )
    baseline = statistics.median(processes["python -c pass"].wall)
    print(
        "\npeak Python heap while parsing ONE.pdf: "
        + ", ".join(f"{r} {heap_peak(r):.1f} MiB" for r in READERS)
    )
    print(
        f"peak memory of this benchmark: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB"
    )

    default = tasks["parse with pypdfium2"].median
    print("\nratios (targets from issue 12)")
    print(f"  default parse / pypdfium2 raw text:           {default / raw:5.1f}x   (at most 8x)")
    print(
        f"  pdfplumber extract_text / default parse:      {tasks['pdfplumber extract_text'].median / default:5.1f}x   (at least 6x)"
    )
    print(
        f"  parse with pdfplumber / default parse:        {tasks['parse with pdfplumber'].median / default:5.1f}x"
    )
    version = statistics.median(processes["aanhangsel --version"].wall)
    one = statistics.median(processes["aanhangsel parse ONE.pdf"].wall)
    print(
        f"  aanhangsel --version - python -c pass:        {(version - baseline) * 1000:5.0f} ms (at most 100 ms)"
    )
    print(f"  aanhangsel parse ONE.pdf - python -c pass:    {(one - baseline) * 1000:5.0f} ms")


if __name__ == "__main__":
    main()
