"""The command line: parse arguments, call the library, format, exit. stdout is data, stderr is for people."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from aanhangsel import __version__
from aanhangsel.errors import AanhangselError
from aanhangsel.models import Record, record_json
from aanhangsel.output import write_atomic
from aanhangsel.parse import analyse_pdf, parse_pdf

if TYPE_CHECKING:
    from collections.abc import Callable

T = TypeVar("T")

app = typer.Typer(
    name="aanhangsel",
    help="Turn Dutch parliamentary 'Aanhangsel van de Handelingen' PDFs into validated JSON.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"aanhangsel {__version__}")
        raise typer.Exit


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Turn Dutch parliamentary 'Aanhangsel van de Handelingen' PDFs into validated JSON."""
    del version


@app.command()
def parse(
    pdf: Annotated[Path, typer.Argument(help="The Aanhangsel PDF to parse.", show_default=False)],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the record to this file instead of stdout.")
    ] = None,
) -> None:
    """Parse an Aanhangsel PDF and print its record as JSON."""
    record = _run(lambda: parse_pdf(pdf))
    text = record_json(record)
    if output is None:
        sys.stdout.write(text)
    else:
        _run(lambda: write_atomic(output, text))


@app.command()
def schema() -> None:
    """Print the JSON Schema of the record."""
    sys.stdout.write(json.dumps(Record.model_json_schema(), ensure_ascii=False, indent=2) + "\n")


@app.command()
def explain(
    pdf: Annotated[Path, typer.Argument(help="The Aanhangsel PDF to audit.", show_default=False)],
) -> None:
    """List every line-end hyphen with its decision (kept or removed) and the reason."""
    analysis = _run(lambda: analyse_pdf(pdf))
    for decision in analysis.hyphens:
        verdict = "kept   " if decision.kept else "removed"
        sys.stdout.write(
            f"p{decision.page}\t{verdict}\t{decision.left} | {decision.right}\t→ {decision.joined}\t{decision.reason}\n"
        )


def _run(step: Callable[[], T]) -> T:
    """Run a library call; our own errors become one 'Error: …' line on stderr and their exit code."""
    try:
        return step()
    except AanhangselError as error:
        typer.echo(f"Error: {error}", err=True)
        raise typer.Exit(error.exit_code) from None


def main() -> None:
    """Run the command-line tool."""
    app()
