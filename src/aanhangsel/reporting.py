"""What people see on stderr: one line per failure, a progress bar on a terminal, a summary.

Every error becomes the same kind of line (`error_line`), for a file in a batch and for a whole run.

File names are shown escaped (`shown`): a name may hold control characters or bytes that are not UTF-8,
and a terminal must never receive them raw. rich is imported when a report is made, not before.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Self

from aanhangsel.errors import AanhangselError, InternalError
from aanhangsel.results import Status
from aanhangsel.source import printable_name

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path
    from types import TracebackType

    from rich.console import Console
    from rich.progress import Progress

    from aanhangsel.results import FileResult

# How many repeated names the note lists before it says how many more there are.
_REPEATED_SHOWN = 3


def shown(text: str) -> str:
    r"""Escape what a terminal must not receive raw: control characters and bytes that are not UTF-8.

    A byte that is not UTF-8 (kept by the OS as a lone surrogate) becomes `\\xff`, a control character
    `\\x1b` or `\\u202e`; everything printable stays as it is.
    """
    return "".join(character if character.isprintable() else _escape(character) for character in text)


def _escape(character: str) -> str:
    """Write one unprintable character as an escape."""
    code = ord(character)
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the raw byte code - 0xDC00
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def error_line(error: AanhangselError, subject: str | None = None) -> str:
    """Make the one line an error becomes: "Error: [subject: ]reason", names in it escaped."""
    return "Error: " + shown(f"{subject}: {error}" if subject is not None else str(error))


def _stderr_console() -> Console:
    """Make a console on stderr that prints text as it is: no markup, emoji codes or highlighting."""
    from rich.console import Console  # noqa: PLC0415  (imported when a report is made)

    return Console(stderr=True, highlight=False, soft_wrap=True, emoji=False, markup=False)


@dataclass
class BatchReport:
    """Counts and failures of a batch, told to the user as results come in."""

    total: int
    """How many results the batch will have."""
    show_progress: bool
    """Draw a progress bar (stderr is a terminal and there are several files)."""
    quiet: bool = False
    """Print nothing but failures."""
    debug: bool = False
    """Print the traceback of an internal error under its line."""
    errors_file: Path | None = None
    """Where to write the failures as JSON Lines at the end (`--errors`), also when interrupted."""
    console: Console = field(default_factory=_stderr_console)
    """Where messages go: stderr."""
    counts: dict[Status, int] = field(default_factory=lambda: dict.fromkeys(Status, 0))
    """Files per outcome so far."""
    failures: list[FileResult] = field(default_factory=list)
    """Every failed file, in input order."""
    _progress: Progress | None = None

    @property
    def failed(self) -> bool:
        """Whether any file failed."""
        return bool(self.failures)

    def __enter__(self) -> Self:
        """Start the progress bar if there is one to show."""
        if self.show_progress and not self.quiet:
            self._progress = _progress_bar(self.console, self.total)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        """Stop the progress bar; sum up, or say where an interrupted run stopped; write `--errors`."""
        if self._progress is not None:
            self._progress.stop()
        if kind is KeyboardInterrupt:
            done = sum(self.counts.values())
            self._say(f"Interrupted after {done} of {self.total} files; outputs written are complete.")
        elif kind is None:
            self.summary()
        if self.errors_file is not None:
            self._write_errors(self.errors_file)

    def note_repeated(self, names: Sequence[str]) -> None:
        """Say once which inputs were named more than once (each is read once)."""
        if names and not self.quiet:
            listed = ", ".join(shown(name) for name in names[:_REPEATED_SHOWN])
            more = f" and {len(names) - _REPEATED_SHOWN} more" if len(names) > _REPEATED_SHOWN else ""
            self._say(f"Note: named more than once, read once: {listed}{more}")

    def add(self, result: FileResult) -> None:
        """Count one result; a failure is printed at once as one line."""
        self.counts[result.status] += 1
        if result.error is not None:
            self.failures.append(result)
            self._say(error_line(result.error, result.item.label))
            if self.debug and isinstance(result.error, InternalError) and result.error.details:
                self._say(result.error.details.rstrip())
        elif result.existing_output is not None and self.total == 1 and not self.quiet:
            self._say(f"Skipped: {shown(result.item.label)}: {shown(result.existing_output)} exists.")
        if self._progress is not None:
            _advance(self._progress, sum(self.counts.values()))

    def summary(self) -> None:
        """Print the totals and name the failed files (failures are printed even when quiet)."""
        converted, skipped, failed = (self.counts[status] for status in Status)
        if not self.quiet and self.total > 1:
            parts = [f"{converted} converted"]
            parts += [f"{skipped} skipped (output exists)"] if skipped else []
            parts += [f"{failed} failed"]
            self._say(f"{self.total} files: " + ", ".join(parts))
        if failed and self.total > 1:
            self._say(f"{failed} of {self.total} files failed:")
            for result in self.failures:
                self._say("  " + shown(f"{result.item.label}: {result.error}"))

    def _write_errors(self, path: Path) -> None:
        """Write the failures as JSON Lines (file, error kind, reason), or say why that cannot be done."""
        from aanhangsel.destination import write_atomic  # noqa: PLC0415  (no import cycle)

        lines = (
            json.dumps(
                {
                    "file": printable_name(result.item.label),
                    "error": type(result.error).__name__,
                    "reason": str(result.error),
                },
                ensure_ascii=False,
            )
            + "\n"
            for result in self.failures
        )
        try:
            write_atomic(path, "".join(lines))
        except AanhangselError as error:
            self._say(error_line(error))

    def _say(self, line: str) -> None:
        """Print one line on stderr, above the progress bar if there is one."""
        self.console.print(line)


def _advance(progress: Progress, done: int) -> None:
    """Redraw the progress bar with `done` files and the rate so far."""
    task = progress.tasks[0]
    rate = f"{done / task.elapsed:.1f}/s" if task.elapsed else ""
    progress.update(task.id, completed=done, rate=rate, refresh=True)


def _progress_bar(console: Console, total: int) -> Progress:
    """Start a progress bar of files done, rate and time left.

    It redraws as results come, with no thread of its own: workers are forked from this process, which
    must not have threads then.
    """
    from rich.progress import (  # noqa: PLC0415  (imported when a bar is shown)
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    progress = Progress(
        TextColumn("parsing"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("files"),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        auto_refresh=False,
        redirect_stdout=False,  # stdout is data: never through the console
        redirect_stderr=False,
    )
    progress.start()
    progress.add_task("parsing", total=total, rate="")
    return progress
