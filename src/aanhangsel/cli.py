"""The command line: parse arguments, call the library, format, exit. stdout is data, stderr is for people.

Exit codes: 0 when every file was converted (or skipped), 1 when any file failed or a result could not be
written, 2 for a usage error, 130 when interrupted.
"""

from __future__ import annotations

import json
import signal
import sys
from dataclasses import replace
from pathlib import Path  # noqa: TC003  (Typer reads the annotations at run time)
from typing import Annotated

import typer

from aanhangsel import __version__
from aanhangsel.batch import (
    BatchOptions,
    FileResult,
    Inputs,
    Status,
    default_jobs,
    drop_output_clashes,
    expand_inputs,
    run_batch,
)
from aanhangsel.errors import AanhangselError
from aanhangsel.models import Record
from aanhangsel.output import Format, csv_header, write_atomic
from aanhangsel.parse import analyse_pdf
from aanhangsel.reporting import BatchReport

EXIT_FAILED, EXIT_INTERRUPTED = 1, 130

app = typer.Typer(
    name="aanhangsel",
    help="Turn Dutch parliamentary 'Aanhangsel van de Handelingen' PDFs into validated JSON.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
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
def parse(  # noqa: PLR0913, PLR0917  (one parameter per command-line option)
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="PDF files, folders (every *.pdf below them), glob patterns, or - to read paths from stdin.",
            show_default=False,
            metavar="PDF",
        ),
    ],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the record of a single input to this file.")
    ] = None,
    output_dir: Annotated[
        Path | None,
        typer.Option("--output-dir", "-d", help="Write one <name>.json (or .jsonl, .csv) per input here."),
    ] = None,
    output_format: Annotated[
        Format | None,
        typer.Option(
            "--format",
            "-f",
            help="json (one input), jsonl (one record per line) or csv (one row per question). "
            "Default: json for one input or an output folder, jsonl for several inputs on stdout.",
            show_default=False,
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="Worker processes. Default: all cores.", show_default=False),
    ] = None,
    skip_existing: Annotated[
        bool,
        typer.Option(
            "--skip-existing", help="Do not parse inputs whose output file already exists (resume)."
        ),
    ] = False,
    errors: Annotated[
        Path | None, typer.Option("--errors", help="Also write the failed files as JSON Lines to this file.")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing on stderr but errors.")] = False,
) -> None:
    """Parse Aanhangsel PDFs and print or write their records."""
    found = expand_inputs(inputs, sys.stdin.readlines)
    total = len(found.files) + len(found.problems)
    chosen = _choose_format(output_format, total, output, output_dir, skip_existing)
    if output_dir is not None:
        _make_folder(output_dir)
    options = BatchOptions(
        output_format=chosen,
        output_dir=output_dir,
        skip_existing=skip_existing and output_dir is not None,
        csv_header=output_dir is not None or output is not None,  # on stdout, one header for all rows
    )
    if output is not None and skip_existing and output.exists():
        if not quiet:
            typer.echo(f"Skipped: {output} exists.", err=True)
        raise typer.Exit
    report = BatchReport(total=total, show_progress=total > 1 and sys.stderr.isatty(), quiet=quiet)
    try:
        _run(found, options, jobs or default_jobs(), output, report)
    except KeyboardInterrupt:
        done = sum(report.counts.values())
        typer.echo(
            f"Interrupted after {done} of {total} files; run again with --skip-existing to resume.", err=True
        )
        raise typer.Exit(EXIT_INTERRUPTED) from None
    finally:
        if errors is not None:
            _write_errors(report, errors)
    report.summary()
    if report.counts[Status.FAILED]:
        raise typer.Exit(EXIT_FAILED)


def _choose_format(
    requested: Format | None, total: int, output: Path | None, output_dir: Path | None, skip_existing: bool
) -> Format:
    """Check the combination of options and pick the output format."""
    if total == 0:
        _usage("no input files given")
    if output is not None and output_dir is not None:
        _usage("--output and --output-dir cannot be used together")
    if output is not None and total > 1:
        _usage(f"--output takes a single input, got {total}; use --output-dir for several")
    if skip_existing and output is None and output_dir is None:
        _usage("--skip-existing needs --output-dir (or --output)")
    several_on_stdout = total > 1 and output_dir is None
    if requested is Format.JSON and several_on_stdout:
        _usage("--format json prints one record; use --format jsonl or --output-dir for several inputs")
    if requested is not None:
        return requested
    return Format.JSONL if several_on_stdout else Format.JSON


def _usage(message: str) -> None:
    """Stop with a usage error (exit code 2)."""
    raise typer.BadParameter(message)


def _make_folder(folder: Path) -> None:
    """Create the output folder, or stop with one line if that cannot be done."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        typer.echo(f"Error: cannot create output folder {folder}: {exc.strerror or exc}", err=True)
        raise typer.Exit(EXIT_FAILED) from None


def _run(found: Inputs, options: BatchOptions, jobs: int, output: Path | None, report: BatchReport) -> None:
    """Run the batch and send every result where it belongs: a file, stdout, or the report."""
    with report:
        files, clashes = drop_output_clashes(found.files, options)
        for problem in (*found.problems, *clashes):
            report.add(problem)
        if options.output_dir is None and output is None and options.output_format is Format.CSV:
            _write_stdout(csv_header())
        for result in run_batch(files, options, jobs=min(jobs, max(1, len(files)))):
            report.add(result if result.text is None else _deliver(result, result.text, output))


def _deliver(result: FileResult, text: str, output: Path | None) -> FileResult:
    """Write a rendered record to the --output file or to stdout."""
    if output is None:
        _write_stdout(text)
        return result
    try:
        write_atomic(output, text)
    except AanhangselError as error:
        return replace(
            result, status=Status.FAILED, text=None, error=str(error), error_type=type(error).__name__
        )
    return result


def _write_stdout(text: str) -> None:
    """Write data to stdout as UTF-8, whatever the locale, and flush it (records stream out)."""
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.buffer.flush()


def _write_errors(report: BatchReport, path: Path) -> None:
    """Write the --errors file, or say in one line why it could not be written."""
    try:
        report.write_errors(path)
    except AanhangselError as error:
        typer.echo(f"Error: {error}", err=True)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the record."""
    _write_stdout(json.dumps(Record.model_json_schema(), ensure_ascii=False, indent=2) + "\n")


@app.command()
def explain(
    pdf: Annotated[Path, typer.Argument(help="The Aanhangsel PDF to audit.", show_default=False)],
) -> None:
    """List every line-end hyphen: kept or removed, how the words join, and the evidence."""
    try:
        analysis = analyse_pdf(pdf)
    except AanhangselError as error:
        typer.echo(f"Error: {pdf}: {error}", err=True)
        raise typer.Exit(EXIT_FAILED) from None
    for decision in analysis.hyphens:
        verdict = "kept" if decision.kept else "removed"
        _write_stdout(
            f"p{decision.page}\t{verdict}\t{decision.left}|{decision.right}\t{decision.joined}\t{decision.reason}\n"
        )


def main() -> None:
    """Run the command-line tool."""
    if hasattr(signal, "SIGPIPE"):  # `aanhangsel parse … | head` ends quietly, as other Unix tools do
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    app()
