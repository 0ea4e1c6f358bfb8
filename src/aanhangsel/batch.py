"""Many files: expand the inputs, parse them in worker processes, and hand back results in input order.

A batch never stops for one bad file: every file ends as a `FileResult`, converted, skipped or failed with
its reason. Results stream out as they complete (in input order), so memory stays flat however many
files there are.
"""

from __future__ import annotations

import glob
import os
import signal
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from enum import StrEnum
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from aanhangsel.errors import AanhangselError
from aanhangsel.output import Format, render, write_atomic
from aanhangsel.parse import parse_pdf

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

# How many files each worker may have queued ahead of the one being written out: enough to keep every
# worker busy, few enough that memory does not grow with the batch.
AHEAD_PER_JOB = 4
GLOB_CHARACTERS = frozenset("*?[")


class Status(StrEnum):
    """How one file ended."""

    CONVERTED = "converted"
    SKIPPED = "skipped"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """What to do with each file, decided once by the caller."""

    output_format: Format = Format.JSON
    """How records are rendered."""
    output_dir: Path | None = None
    """Write `<name><suffix>` here per input; None hands the rendered text back instead."""
    skip_existing: bool = False
    """Leave inputs whose output file already exists alone (resuming an interrupted run)."""
    csv_header: bool = True
    """Whether each CSV rendering starts with the header (off when rows of many files share one)."""


@dataclass(frozen=True, slots=True)
class FileResult:
    """The outcome of one input file."""

    path: Path
    """The input."""
    status: Status
    """Converted, skipped or failed."""
    text: str | None = None
    """The rendered record, when it is handed back rather than written to a file."""
    error: str | None = None
    """Why it failed: one line."""
    error_type: str | None = None
    """The kind of failure: the error class name."""


@dataclass(frozen=True, slots=True)
class Inputs:
    """The files a batch will read, and the arguments that named none."""

    files: tuple[Path, ...]
    """PDF files in the order given; folders and globs expanded in sorted order; no duplicates."""
    problems: tuple[FileResult, ...]
    """A failed result for every argument that does not exist or names no PDF."""


def expand_inputs(arguments: Iterable[str], read_stdin: Callable[[], Iterable[str]]) -> Inputs:
    """Turn arguments into files: files, folders (every *.pdf below), globs, and `-` for stdin."""
    files: dict[Path, None] = {}
    problems: list[FileResult] = []
    for argument in arguments:
        if argument == "-":
            names = [line.strip() for line in read_stdin()]
            found, missing = _expand_all(name for name in names if name)
        else:
            found, missing = _expand_all([argument])
        files.update(dict.fromkeys(found))
        problems.extend(missing)
    return Inputs(files=tuple(files), problems=tuple(problems))


def _expand_all(arguments: Iterable[str]) -> tuple[list[Path], list[FileResult]]:
    """Expand each argument; an argument that yields no file becomes a failed result."""
    found: list[Path] = []
    missing: list[FileResult] = []
    for argument in arguments:
        paths = expand_argument(argument)
        if paths:
            found.extend(paths)
        else:
            reason = "no PDF files in this folder" if Path(argument).is_dir() else "no such file"
            if not Path(argument).exists() and GLOB_CHARACTERS.intersection(argument):
                reason = "no file matches this pattern"
            missing.append(_failure(Path(argument), reason, "InputNotFoundError"))
    return found, missing


def expand_argument(argument: str) -> list[Path]:
    """List the files one argument names: itself, the PDFs below a folder, or what a glob matches."""
    path = Path(argument)
    if path.is_dir():
        return sorted(
            child for child in path.rglob("*") if child.suffix.lower() == ".pdf" and child.is_file()
        )
    if path.exists():
        return [path]
    if GLOB_CHARACTERS.intersection(argument):
        matches = (Path(match) for match in glob.glob(argument, recursive=True))  # noqa: PTH207  (patterns from users)
        return sorted(match for match in matches if match.is_file())
    return []


def drop_output_clashes(files: Iterable[Path], options: BatchOptions) -> tuple[list[Path], list[FileResult]]:
    """Keep the first of several inputs that would write the same output file; fail the others.

    "2023/x.pdf" and "2024/x.pdf" both become "<dir>/x.json": the second must not overwrite the first.
    """
    owners: dict[Path, Path] = {}
    kept: list[Path] = []
    clashes: list[FileResult] = []
    for pdf in files:
        target = output_path(pdf, options)
        if target is not None and target in owners:
            reason = f"its output {target} is already the output of {owners[target]}"
            clashes.append(_failure(pdf, reason, "OutputError"))
            continue
        if target is not None:
            owners[target] = pdf
        kept.append(pdf)
    return kept, clashes


def output_path(pdf: Path, options: BatchOptions) -> Path | None:
    """Say where a file's record goes in output-folder mode: `<dir>/<name><suffix>`."""
    if options.output_dir is None:
        return None
    return options.output_dir / f"{pdf.stem}{options.output_format.suffix}"


def convert_file(pdf: Path, options: BatchOptions) -> FileResult:
    """Parse one file and write or render its record; any failure becomes a failed result."""
    target = output_path(pdf, options)
    if options.skip_existing and target is not None and target.exists():
        return FileResult(path=pdf, status=Status.SKIPPED)
    try:
        record = parse_pdf(pdf)
        text = render(record, options.output_format, header=options.csv_header)
        if target is None:
            return FileResult(path=pdf, status=Status.CONVERTED, text=text)
        write_atomic(target, text)
    except AanhangselError as error:
        return _failure(pdf, str(error), type(error).__name__)
    except Exception as error:  # noqa: BLE001  (one file's unforeseen failure must not end a batch of thousands)
        return _failure(
            pdf, f"internal error, please report it: {type(error).__name__}: {error}", "InternalError"
        )
    return FileResult(path=pdf, status=Status.CONVERTED)


def _failure(path: Path, reason: str, error_type: str) -> FileResult:
    """Make a failed result, its reason on one line."""
    return FileResult(path=path, status=Status.FAILED, error=" ".join(reason.split()), error_type=error_type)


def run_batch(files: Iterable[Path], options: BatchOptions, jobs: int) -> Iterator[FileResult]:
    """Convert files in `jobs` worker processes and yield their results in input order, as they come."""
    if jobs <= 1:
        for pdf in files:
            yield convert_file(pdf, options)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_interrupts) as pool:
        pending: deque[Future[FileResult]] = deque()
        queue = iter(files)
        try:
            pending.extend(
                pool.submit(convert_file, pdf, options) for pdf in islice(queue, jobs * AHEAD_PER_JOB)
            )
            while pending:
                result = pending.popleft().result()
                pending.extend(pool.submit(convert_file, pdf, options) for pdf in islice(queue, 1))
                yield result
        finally:  # interrupted or abandoned: do not start what is still queued
            for future in pending:
                future.cancel()


def _ignore_interrupts() -> None:
    """Leave Ctrl-C to the main process, which stops the batch; workers finish their file quietly."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def default_jobs() -> int:
    """Return how many cores this process may use."""
    if hasattr(os, "sched_getaffinity"):  # Linux: respects CPU pinning and container limits
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1
