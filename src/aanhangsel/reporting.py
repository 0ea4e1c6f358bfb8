"""What people see on stderr during a batch: a progress bar on a terminal, one line per failure, a summary."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Self

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeRemainingColumn

from aanhangsel.batch import FileResult, Status
from aanhangsel.output import write_atomic

if TYPE_CHECKING:
    from pathlib import Path
    from types import TracebackType


@dataclass
class BatchReport:
    """Counts and failures of a batch, told to the user as results come in."""

    total: int
    """How many files the batch holds."""
    show_progress: bool
    """Draw a progress bar (stderr is a terminal and there are several files)."""
    quiet: bool = False
    """Print nothing but failures."""
    console: Console = field(default_factory=lambda: Console(stderr=True, highlight=False, soft_wrap=True))
    """Where messages go: stderr."""
    counts: dict[Status, int] = field(default_factory=lambda: dict.fromkeys(Status, 0))
    """Files per outcome so far."""
    failures: list[FileResult] = field(default_factory=list)
    """Every failed file, in input order."""
    _progress: Progress | None = None
    _task: TaskID | None = None

    def __enter__(self) -> Self:
        """Start the progress bar if there is one to show."""
        if self.show_progress and not self.quiet:
            self._progress = Progress(
                TextColumn("[progress.description]{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("files"),
                TextColumn("{task.fields[rate]}"),
                TimeRemainingColumn(),
                console=self.console,
                transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task("parsing", total=self.total, rate="")
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        """Stop the progress bar."""
        if self._progress is not None:
            self._progress.stop()

    def add(self, result: FileResult) -> None:
        """Count one result; a failure is printed at once as one line."""
        self.counts[result.status] += 1
        if result.status is Status.FAILED:
            self.failures.append(result)
            self.console.print(f"Error: {result.path}: {result.error}", markup=False)
        if self._progress is not None and self._task is not None:
            task = self._progress.tasks[0]
            done = sum(self.counts.values())
            rate = f"{done / task.elapsed:.1f}/s" if task.elapsed else ""
            self._progress.update(self._task, completed=done, rate=rate)

    def summary(self) -> None:
        """Print the totals and name the failed files (failures are printed even when quiet)."""
        converted, skipped, failed = (self.counts[status] for status in Status)
        if not self.quiet and self.total > 1:
            parts = [f"{converted} converted"]
            parts += [f"{skipped} skipped (output exists)"] if skipped else []
            parts += [f"{failed} failed"]
            self.console.print(f"{self.total} files: " + ", ".join(parts), markup=False)
        if failed and self.total > 1:
            self.console.print(f"{failed} of {self.total} files failed:", markup=False)
            for result in self.failures:
                self.console.print(f"  {result.path}: {result.error}", markup=False)

    def write_errors(self, path: Path) -> None:
        """Write the failures as JSON Lines: file, error type and reason."""
        lines = (
            json.dumps(
                {"file": str(result.path), "error": result.error_type, "reason": result.error},
                ensure_ascii=False,
            )
            + "\n"
            for result in self.failures
        )
        write_atomic(path, "".join(lines))
