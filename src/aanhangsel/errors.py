"""Typed errors: each kind is a class.

The command line turns each into one 'Error: …' line and an exit code in one place
(`cli._errors_to_exit_codes`). The message is the line the user reads: plain words, the
reason first, and the option that changes it where there is one.

Every class takes its message as its only argument, so an error raised in a worker process crosses back to
the main process intact (exceptions are pickled by their arguments).
"""

from __future__ import annotations

import traceback
from typing import Self


class AanhangselError(Exception):
    """Base of every error this package raises on purpose."""


class UsageError(AanhangselError):
    """The command line asks for something that cannot be done: options that do not fit together."""


class InputError(AanhangselError):
    """An input cannot be read as a file."""


class InputNotFoundError(InputError):
    """The input path, pattern or folder names no file."""


class UnreadableInputError(InputError):
    """The input exists but cannot be read: no permission, not a regular file, an unreadable folder."""


class InputTooLargeError(InputError):
    """The input is larger than the size limit (`--max-size`)."""


class UnreadablePdfError(AanhangselError):
    """The file is not a PDF, or the PDF is damaged or encrypted beyond reading."""


class NotAnAanhangselError(AanhangselError):
    """The PDF reads fine but is not an Aanhangsel van de Handelingen document."""


class LimitError(AanhangselError):
    """Reading one file went over a limit set for it."""


class TimeLimitError(LimitError):
    """Reading one file took longer than its time limit (`--timeout`)."""


class MemoryLimitError(LimitError):
    """Reading one file needed more memory than its limit (`--max-memory`)."""


class PageLimitError(LimitError):
    """The PDF has more pages than its limit (`--max-pages`)."""


class OutputError(AanhangselError):
    """A result could not be written where it was asked to go."""


class StdoutClosedError(OutputError):
    """The reader of stdout went away (`aanhangsel parse … | head`): stop quietly, as Unix tools do."""


class InternalError(AanhangselError):
    """Something this package did not foresee: a bug to report. `details` holds the traceback."""

    details: str = ""
    """The traceback of the unforeseen exception, shown with `--debug`."""

    @classmethod
    def of(cls, error: BaseException) -> Self:
        """Wrap an exception we did not foresee, while it is being handled (its traceback is kept)."""
        reason = " ".join(f"{type(error).__name__}: {error}".split())
        internal = cls(f"internal error, please report it: {reason}")
        internal.details = "".join(traceback.format_exception(error))
        return internal


class InvalidRecordError(InternalError):
    """The parser made a record that its own model refuses: a bug to report, never the input's fault.

    Each stage turns what it cannot read into a warning; a value the record cannot hold is one it missed.
    """
