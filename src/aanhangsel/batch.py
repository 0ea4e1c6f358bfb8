"""Many files: each read in a worker process with a time and a memory limit, results in input order.

A batch never stops for one bad file: every file ends as a `FileResult`, converted, skipped or failed with
its reason. Results stream out in input order while a few files per worker are read ahead, so memory stays
flat however many files there are.

The workers are a small pool of our own rather than `concurrent.futures`: a file over its time limit is
stopped by killing its worker, and a worker that dies (out of memory inside C code, a crash) fails its one
file and is replaced; a `ProcessPoolExecutor` breaks as a whole in both cases. Files run in a worker even
with one job, so the limits always hold; starting it costs one fork (see README, "Many files").

Workers die with the main process: the kernel kills them when it dies (Linux `PR_SET_PDEATHSIG`), an idle
worker ends when its pipe closes, and they ignore Ctrl-C, which the main process handles.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from contextlib import closing, suppress
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, Protocol

from aanhangsel.errors import (
    AanhangselError,
    InternalError,
    MemoryLimitError,
    TimeLimitError,
)
from aanhangsel.output import hyphen_lines
from aanhangsel.parse import analyse_pdf, parse_pdf
from aanhangsel.reporting import shown
from aanhangsel.results import FileResult, Status
from aanhangsel.source import MEGABYTE

if TYPE_CHECKING:
    from collections.abc import Callable, Generator, Sequence
    from multiprocessing.connection import Connection
    from multiprocessing.context import ForkContext, SpawnContext
    from multiprocessing.process import BaseProcess

    from aanhangsel.destination import Destination, Prepare
    from aanhangsel.inputs import Input, Inputs
    from aanhangsel.options import ParseOptions
    from aanhangsel.reporting import BatchReport
    from aanhangsel.show import Screen

# How many files each worker may have queued ahead of the one being written out: enough to keep every
# worker busy, few enough that memory does not grow with the batch.
AHEAD_PER_JOB = 4
# How long a worker told to stop may take before it is killed.
STOP_GRACE_SECONDS = 5.0
# prctl(2): ask the kernel for a signal when the parent process dies.
PR_SET_PDEATHSIG = 1
# A worker that fails outside a file's work ends with one of these codes, out of memory or otherwise.
EXIT_OUT_OF_MEMORY, EXIT_BROKEN = 3, 4
# An unforeseen error in a worker whose peak address space came this close to its limit is taken for the
# limit: Python's allocations are small, so a worker out of memory has reached its limit all but exactly.
MEMORY_MARGIN = 16 * MEGABYTE


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on the work for one file, each raised by an option."""

    timeout: float
    """Seconds a file may take (`--timeout`); its worker is killed after that."""
    max_memory: int | None
    """Bytes of address space a worker may use (`--max-memory`); None for no limit."""


class Job(Protocol):
    """What a worker does with one input; it must pickle, for a worker may be a fresh interpreter."""

    def __call__(self, item: Input) -> object:
        """Read and convert one input; raise an `AanhangselError` for what is wrong with it."""
        ...


@dataclass(frozen=True, slots=True)
class ParseJob:
    """Parse one file and hand back what its destination needs of the record."""

    options: ParseOptions
    """How to parse."""
    prepare: Prepare
    """What the destination needs of each record, made in the worker (`Destination.prepare`)."""
    max_bytes: int
    """The size limit of one file (`--max-size`)."""

    def __call__(self, item: Input) -> object:
        """Parse one input and prepare its record."""
        pdf = item.load(self.max_bytes)
        return self.prepare(parse_pdf(pdf.data, name=pdf.name, options=self.options))


@dataclass(frozen=True, slots=True)
class ExplainJob:
    """List one file's line-end hyphen decisions as `explain` prints them."""

    options: ParseOptions
    """How to parse."""
    max_bytes: int
    """The size limit of one file (`--max-size`)."""

    def __call__(self, item: Input) -> str:
        """Parse one input and render its hyphen decisions, the file named as messages name it."""
        pdf = item.load(self.max_bytes)
        analysis = analyse_pdf(pdf.data, name=pdf.name, options=self.options)
        return hyphen_lines(shown(item.label), analysis.hyphens)


@dataclass(frozen=True, slots=True)
class ShowJob:
    """Render one file as `show` prints it, to the measure of the screen the main process found."""

    options: ParseOptions
    """How to parse."""
    max_bytes: int
    """The size limit of one file (`--max-size`)."""
    screen: Screen
    """Width, and colours or plain text: decided once, for every file."""

    def __call__(self, item: Input) -> str:
        """Parse one input and render it for reading."""
        from aanhangsel.show import render_document  # noqa: PLC0415  (rich's renderables, for show only)

        pdf = item.load(self.max_bytes)
        return render_document(analyse_pdf(pdf.data, name=pdf.name, options=self.options), self.screen)


@dataclass(frozen=True, slots=True)
class DebugJob:
    """Draw one file's pages with what the parser found on them; hand back the pictures' paths."""

    options: ParseOptions
    """How to parse."""
    max_bytes: int
    """The size limit of one file (`--max-size`)."""
    folder: Path
    """Where the pictures go."""
    pages: tuple[int, ...]
    """The pages to draw; every page when empty."""
    resolution: int
    """Pixels per inch."""

    def __call__(self, item: Input) -> str:
        """Parse one input, write its pictures as `<folder>/<name>-page-N.png`, and list them a line each."""
        from aanhangsel.debug import draw_debug_pictures  # noqa: PLC0415  (pdfplumber, for pictures only)

        pdf = item.load(self.max_bytes)
        written = draw_debug_pictures(
            pdf, self.folder, item.stem, pages=self.pages, resolution=self.resolution, options=self.options
        )
        return "".join(f"{shown(str(path))}\n" for path in written)


def convert_all(  # noqa: PLR0913  (the batch, and where everything goes)
    found: Inputs, job: Job, destination: Destination, report: BatchReport, *, jobs: int, limits: Limits
) -> None:
    """Convert every input into the destination, telling the report each outcome.

    Args:
        found: what the arguments named.
        job: what a worker does with each input.
        destination: where results go; it refuses inputs it cannot take and skips those it holds.
        report: what the user sees on stderr.
        jobs: worker processes at most (never more than there are inputs).
        limits: time and memory for each file.

    Raises:
        OutputError: the destination can take nothing more (stdout closed or full).
        KeyboardInterrupt: Ctrl-C; outputs written so far are complete.

    """
    with report, destination:
        report.note_repeated(found.repeated)
        for problem in found.problems:
            report.add(FileResult(problem.item, Status.FAILED, error=problem.error))
        items, refused = destination.accept(found.items)
        for result in refused:
            report.add(result)
        results = run_batch(items, job, jobs=jobs, limits=limits, skip=destination.existing_output)
        with closing(results):
            for result in results:
                report.add(destination.deliver(result))


def run_batch(
    items: Sequence[Input],
    job: Job,
    *,
    jobs: int,
    limits: Limits,
    skip: Callable[[Input], str | None] = lambda _: None,
) -> Generator[FileResult]:
    """Run `job` on every item in worker processes; yield the results in input order, as they come.

    `skip` names the complete output that already holds an item's record, if any: that item is skipped.
    Closing the generator stops every worker.
    """
    pool = _Pool(job, limits, size=max(1, min(jobs, len(items))))
    waiting = deque(enumerate(items))
    finished: dict[int, FileResult] = {}
    try:
        for index in range(len(items)):
            while index not in finished:
                while waiting and pool.has_room() and waiting[0][0] < index + pool.size * AHEAD_PER_JOB:
                    number, item = waiting.popleft()
                    existing = skip(item)
                    if existing is None:
                        pool.submit(number, item)
                    else:
                        finished[number] = FileResult(item, Status.SKIPPED, existing_output=existing)
                if index not in finished:
                    finished.update(pool.wait())
            yield finished.pop(index)
    finally:
        pool.close()


@dataclass
class _Worker:
    """One worker process, the main process's end of its pipe, and the file it is reading."""

    process: BaseProcess
    connection: Connection
    task: tuple[int, Input] | None = None
    deadline: float = 0.0


@dataclass
class _Pool:
    """Worker processes, each reading one file at a time, started as they are needed."""

    job: Job
    limits: Limits
    size: int
    idle: list[_Worker] = field(default_factory=list)
    busy: list[_Worker] = field(default_factory=list)

    def has_room(self) -> bool:
        """Tell whether another file can start now."""
        return len(self.busy) < self.size

    def submit(self, index: int, item: Input) -> None:
        """Start reading one file in an idle worker, or in a new one."""
        worker = self.idle.pop() if self.idle else self._start()
        try:
            worker.connection.send(item)
        except OSError:  # the idle worker has died since; a new one takes the file
            self._retire(worker)
            worker = self._start()
            worker.connection.send(item)
        worker.task, worker.deadline = (index, item), time.monotonic() + self.limits.timeout
        self.busy.append(worker)

    def wait(self) -> dict[int, FileResult]:
        """Wait until a file ends (done, failed, over time, or its worker died) and return the results."""
        deadline = min(worker.deadline for worker in self.busy)
        ready = wait(
            [
                *(worker.connection for worker in self.busy),
                *(worker.process.sentinel for worker in self.busy),
            ],
            timeout=max(0.0, deadline - time.monotonic()),
        )
        results: dict[int, FileResult] = {}
        for worker in list(self.busy):
            if worker.connection in ready:
                result = self._receive(worker)
            elif worker.process.sentinel in ready:
                result = self._fail(worker, self._crash(worker))
            elif time.monotonic() >= worker.deadline:
                result = self._fail(worker, TimeLimitError(_too_slow(self.limits.timeout)))
            else:
                continue
            results[result[0]] = result[1]
        return results

    def close(self) -> None:
        """Stop every worker: idle ones are told to, busy ones (an interrupted batch) are killed."""
        for worker in self.idle:
            with suppress(OSError):  # it may have died already
                worker.connection.send(None)
        for worker in self.busy:
            worker.process.kill()
        for worker in (*self.idle, *self.busy):
            self._retire(worker)
        self.idle.clear()
        self.busy.clear()

    def _start(self) -> _Worker:
        """Start a worker process."""
        context = _context()
        ours, theirs = context.Pipe()
        for stream in (sys.stdout, sys.stderr):  # a forked worker must not write out our buffers again
            if stream is not None:
                stream.flush()
        process = context.Process(
            target=_work,
            args=(theirs, self.job, self.limits.max_memory, os.getpid()),
            daemon=True,
            name="aanhangsel-worker",
        )
        process.start()
        theirs.close()
        return _Worker(process=process, connection=ours)

    def _receive(self, worker: _Worker) -> tuple[int, FileResult]:
        """Take a worker's answer; a worker that answered about its memory is replaced."""
        try:
            payload, error, retire = worker.connection.recv()
        except (EOFError, OSError):  # it died while answering
            return self._fail(worker, self._crash(worker))
        index, item = self._finish(worker, retire=retire)
        if error is not None:
            return index, FileResult(item, Status.FAILED, error=error)
        return index, FileResult(item, Status.CONVERTED, payload=payload)

    def _fail(self, worker: _Worker, error: AanhangselError) -> tuple[int, FileResult]:
        """End a worker that did not answer, failing its file with `error`."""
        worker.process.kill()
        index, item = self._finish(worker, retire=True)
        return index, FileResult(item, Status.FAILED, error=error)

    def _finish(self, worker: _Worker, *, retire: bool) -> tuple[int, Input]:
        """Take a worker's file off it; keep the worker for the next file, or end it."""
        assert worker.task is not None  # noqa: S101  (only busy workers finish)
        task, worker.task = worker.task, None
        self.busy.remove(worker)
        if retire:
            self._retire(worker)
        else:
            self.idle.append(worker)
        return task

    def _crash(self, worker: _Worker) -> AanhangselError:
        """Describe a worker that died without an answer."""
        worker.process.join(STOP_GRACE_SECONDS)
        code = worker.process.exitcode
        if code == EXIT_OUT_OF_MEMORY:
            return MemoryLimitError(_too_big(self.limits.max_memory))
        how = (
            f"killed by {signal.Signals(-code).name}"
            if code is not None and code < 0
            else f"exit code {code}"
        )
        return InternalError(f"internal error, please report it: the worker reading it stopped ({how})")

    @staticmethod
    def _retire(worker: _Worker) -> None:
        """Wait for a worker to end (killing it if it will not) and close its pipe."""
        worker.process.join(STOP_GRACE_SECONDS)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
        worker.connection.close()


def _context() -> ForkContext | SpawnContext:
    """Choose how workers start.

    Fork where it is safe (Linux): a worker starts in milliseconds with the parser already imported, and
    inherits the descriptors that `/dev/stdin` and `<(…)` name. Elsewhere a fresh interpreter starts.
    """
    if sys.platform == "linux":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _too_slow(seconds: float) -> str:
    """Say that a file went over its time limit, and how to raise it."""
    return f"took longer than {seconds:g} s (raise --timeout)"


def _too_big(max_memory: int | None) -> str:
    """Say that a file went over its memory limit, and how to raise it."""
    return f"needed more than {(max_memory or 0) // MEGABYTE} MB of memory (raise --max-memory)"


def _work(connection: Connection, job: Job, max_memory: int | None, parent: int) -> None:
    """Run in a worker process: read files from the pipe until told to stop or the main process is gone."""
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    _limit_memory(max_memory)
    try:
        while (item := connection.recv()) is not None:
            payload, error, retire = _attempt(job, item, max_memory)
            connection.send((payload, error, retire))
            if retire:
                return
    except (EOFError, OSError):  # the main process is gone
        return
    except Exception:  # noqa: BLE001  (not even an answer fits in memory: the pool reads the exit code)
        _end_broken(max_memory)


def _end_broken(max_memory: int | None) -> NoReturn:
    """End a worker that cannot go on, its exit code saying whether it ran out of memory.

    It ends at once (`os._exit`): the usual clean-up at exit would need memory it may not have.
    """
    try:
        code = EXIT_OUT_OF_MEMORY if _reached(max_memory) else EXIT_BROKEN
    except Exception:  # noqa: BLE001  (out of memory, Python fails in odd ways: "'frame' object is not callable")
        code = EXIT_OUT_OF_MEMORY
    os._exit(code)


def _attempt(job: Job, item: Input, max_memory: int | None) -> tuple[object, AanhangselError | None, bool]:
    """Run the job on one input: its payload, or why it failed; and whether this worker must be replaced."""
    try:
        return job(item), None, False
    except AanhangselError as error:
        return None, error, False
    except MemoryError:  # the heap may be left in pieces: a fresh worker takes the next file
        return None, MemoryLimitError(_too_big(max_memory)), True
    except Exception as error:  # noqa: BLE001  (one file's unforeseen failure must not end a batch of thousands)
        if _reached(max_memory):  # C code out of memory may fail without a MemoryError (a SystemError)
            return None, MemoryLimitError(_too_big(max_memory)), True
        return None, InternalError.of(error), False


def _reached(max_memory: int | None) -> bool:
    """Tell whether this worker's address space has come within a few MB of its limit (Linux)."""
    if max_memory is None:
        return False
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii").splitlines()
    except OSError:  # not Linux: only MemoryError tells
        return False
    # "VmPeak:	 2096980 kB": the most address space the process has had.
    peak = next((int(line.split()[1]) * 1024 for line in status if line.startswith("VmPeak:")), 0)
    return peak > max_memory - MEMORY_MARGIN


def _die_with_parent(parent: int) -> None:
    """Have the kernel kill this worker when the main process dies (Linux); stop now if it already has."""
    if sys.platform == "linux":
        import ctypes  # noqa: PLC0415  (only workers need it)

        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(0)


def _limit_memory(max_bytes: int | None) -> None:
    """Cap this worker's address space, so a file that wants too much fails with MemoryError instead."""
    if max_bytes is None or sys.platform not in {"linux", "darwin"}:
        return
    import resource  # noqa: PLC0415  (Unix only)

    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = max_bytes if hard == resource.RLIM_INFINITY else min(max_bytes, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def default_jobs() -> int:
    """Return how many cores this process may use."""
    if hasattr(os, "sched_getaffinity"):  # Linux: respects CPU pinning and container limits
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1
