"""Typed errors: each becomes one 'Error: …' line and an exit code in the CLI, and nowhere else."""

from __future__ import annotations


class AanhangselError(Exception):
    """Base of every error this package raises on purpose."""


class InputNotFoundError(AanhangselError):
    """The input path does not exist or is not a readable file."""


class UnreadablePdfError(AanhangselError):
    """The file is not a PDF, or the PDF is damaged or encrypted beyond reading."""


class NotAnAanhangselError(AanhangselError):
    """The PDF reads fine but is not an Aanhangsel van de Handelingen document."""


class OutputError(AanhangselError):
    """A result could not be written where it was asked to go."""
