"""The command line: read the arguments, call the library, exit. stdout is data, stderr is for people.

Exit codes: 0 when every file was converted (or skipped), 1 when any file failed or the output could not
be written, 2 for a usage error, 130 when interrupted, 141 when the reader of stdout went away. Errors
become one "Error: …" line and an exit code in one place, `_errors_to_exit_codes`.

Start-up is quick: this module imports Typer and nothing heavy (pydantic, the PDF libraries, rich); each
command imports what it needs when it runs.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path  # noqa: TC003  (Typer reads the annotations at run time)
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup

from aanhangsel.errors import (
    AanhangselError,
    InternalError,
    StdoutClosedError,
    UsageError,
)
from aanhangsel.options import ParseOptions
from aanhangsel.output import Format
from aanhangsel.pdf import READERS
from aanhangsel.source import MEGABYTE
from aanhangsel.tables import NAMES as TABLES

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

    from aanhangsel.batch import Job, Limits
    from aanhangsel.destination import Destination
    from aanhangsel.inputs import Inputs

EXIT_FAILED, EXIT_INTERRUPTED = 1, 130
DEFAULT_RESOLUTION = 100  # pixels per inch of `debug`'s pictures: an A4 page is 827 × 1170 pixels
EXIT_BROKEN_PIPE = 128 + 13  # what a shell reports for a tool ended by SIGPIPE (`… | head`)
DEFAULT_TIMEOUT_SECONDS, DEFAULT_MAX_MEMORY_MB, DEFAULT_MAX_SIZE_MB = 60, 2048, 100
FORMATS = tuple(Format)
DEFAULT_READER, DEFAULT_MAX_PAGES = ParseOptions().reader, ParseOptions().max_pages


class _PlainUsageError(typer.BadParameter):
    """A usage error whose message is the whole line: "--format must be one of json, jsonl, csv, not 'x'"."""

    def format_message(self) -> str:
        """Give the message as it is, without "Invalid value for …"."""
        return self.message


class _QuickHelpOption:
    """Give the help option the default False, for a quick start of every command.

    Typer takes an option whose value is a bool for the flag it is; with None it builds a pydantic
    validator for it, importing pydantic in every command (`schema` must start quickly).
    """

    def get_help_option(self, ctx: Any) -> Any:  # noqa: ANN401  (Typer's bundled Click types)
        """Return the help option, its default False."""
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.default = False
        return option


class _PlainGroup(_QuickHelpOption, TyperGroup):
    """The tool's command group."""


class _PlainCommand(_QuickHelpOption, TyperCommand):
    """A command whose help names its inputs plainly (`PDF...`), not as `{PDF}...` and `<list[str]>`."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:  # noqa: ANN401, ARG002  (Click's signature)
        """List the usage line's parts: options, then each argument's metavar."""
        return [self.options_metavar or "", *(param.metavar or "" for param in self._arguments())]

    def format_options(self, ctx: Any, formatter: Any) -> None:  # noqa: ANN401  (Typer's bundled Click types)
        """List the arguments by metavar and help, then the options as Typer does."""
        arguments = [(param.metavar or "", param.help or "") for param in self._arguments()]
        if arguments:
            with formatter.section("Arguments"):
                formatter.write_dl(arguments)
        options = [param for param in self.get_params(ctx) if param.param_type_name == "option"]
        records = [help_record for param in options if (help_record := param.get_help_record(ctx))]
        if records:
            with formatter.section("Options"):
                formatter.write_dl(records)

    def _arguments(self) -> list[TyperArgument]:
        """List the command's positional arguments."""
        return [param for param in self.params if isinstance(param, TyperArgument)]


def _choice(option: str, choices: Sequence[str]) -> Callable[[str], str]:
    """Parse a choice, in any case; anything else is refused in plain words."""

    def parse(text: str) -> str:
        if text.lower() in choices:
            return text.lower()
        raise _PlainUsageError(f"{option} must be one of {', '.join(choices)}, not {text!r}")

    return parse


def _whole_number(option: str) -> Callable[[str], int]:
    """Parse a whole number of at least 1; anything else is refused in plain words."""

    def parse(text: str) -> int:
        number = int(text) if str(text).isdecimal() else 0
        if number < 1:
            raise _PlainUsageError(f"{option} must be a whole number of at least 1, not {text!r}")
        return number

    return parse


app = typer.Typer(
    name="aanhangsel",
    cls=_PlainGroup,
    help="Turn Dutch parliamentary 'Aanhangsel van de Handelingen' PDFs into validated JSON.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)

# Options that `parse` and `explain` share, declared once.
InputsArgument = Annotated[
    list[str],
    typer.Argument(
        help="Files, folders (every *.pdf below them), glob patterns, or - for stdin.",
        metavar="PDF...",
        show_default=False,
    ),
]
NullOption = Annotated[
    bool, typer.Option("-0", "--null", help="Paths on stdin are NUL-separated, as find -print0 writes them.")
]
JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        parser=_whole_number("--jobs"),
        metavar="N",
        help="Worker processes. Default: the usable cores, at most one per file.",
        show_default=False,
    ),
]
ReaderOption = Annotated[
    str,
    typer.Option(
        "--reader",
        parser=_choice("--reader", READERS),
        metavar="NAME",
        help=f"The PDF library that reads the glyphs: {', '.join(READERS)}.",
    ),
]
TimeoutOption = Annotated[
    int,
    typer.Option(
        "--timeout",
        parser=_whole_number("--timeout"),
        metavar="SECONDS",
        help="Give up on a file after this long.",
    ),
]
MaxMemoryOption = Annotated[
    int,
    typer.Option(
        "--max-memory",
        parser=_whole_number("--max-memory"),
        metavar="MB",
        help="Give up on a file whose worker needs more memory.",
    ),
]
MaxSizeOption = Annotated[
    int,
    typer.Option("--max-size", parser=_whole_number("--max-size"), metavar="MB", help="Refuse larger files."),
]
MaxPagesOption = Annotated[
    int,
    typer.Option(
        "--max-pages", parser=_whole_number("--max-pages"), metavar="N", help="Refuse PDFs of more pages."
    ),
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing on stderr but errors.")]
DebugOption = Annotated[bool, typer.Option("--debug", help="Show the traceback of an internal error.")]


def _version(value: bool) -> None:
    if value:
        from aanhangsel import __version__  # noqa: PLC0415  (only when asked)

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


PARSE_HELP = """Parse Aanhangsel PDFs and print or write their records.

On stdout, one plain file gives indented JSON; anything that could name several documents (a folder, a
pattern, -, more than one argument) gives JSON Lines, one record a line, however many it finds. - reads
stdin: one PDF, or paths one a line. -o FILE.db writes a SQLite database, a table per kind of row, for
Datasette; a document parsed again replaces its rows.

\b
Examples:
  aanhangsel parse FILE.pdf > FILE.json
  aanhangsel parse archive/ -o kamervragen.db --skip-existing
  aanhangsel parse week/ -o questions.csv --table qa
"""


@app.command(
    cls=_PlainCommand,
    help=PARSE_HELP,
    short_help="Parse Aanhangsel PDFs and print or write their records (JSON, JSON Lines, CSV, SQLite).",
)
def parse(  # noqa: PLR0913, PLR0917  (one parameter per command-line option)
    inputs: InputsArgument,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write to FILE: .json holds one record, .jsonl, .csv and .db (SQLite) any number; - is "
            "stdout.",
            show_default=False,
        ),
    ] = None,
    output_dir: Annotated[
        Path | None,
        typer.Option(
            "--output-dir",
            "-d",
            metavar="DIR",
            help="Write one DIR/<name>.json (or .jsonl, .csv) per input.",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            parser=_choice("--format", FORMATS),
            metavar=f"[{'|'.join(FORMATS)}]",
            help="json (one record), jsonl (one record a line), csv (one row per document) or sqlite (a "
            "database, with --output). Default: --output's extension; json in --output-dir; on stdout as "
            "said above.",
            show_default=False,
        ),
    ] = None,
    table: Annotated[
        str | None,
        typer.Option(
            "--table",
            parser=_choice("--table", TABLES),
            metavar="NAME",
            help=f"The CSV's rows: a table of the database ({', '.join(TABLES[:-1])}) or {TABLES[-1]}, "
            "each question with its answer. Default: documents.",
            show_default=False,
        ),
    ] = None,
    jobs: JobsOption = None,
    skip_existing: Annotated[
        bool,
        typer.Option(
            "--skip-existing",
            help="Leave inputs whose complete output exists, or that the database holds (by SHA-256): "
            "resume a run.",
        ),
    ] = False,
    errors: Annotated[
        Path | None,
        typer.Option(
            "--errors",
            metavar="FILE",
            help="Also write the failed files as JSON Lines to FILE.",
            show_default=False,
        ),
    ] = None,
    null: NullOption = False,
    reader: ReaderOption = DEFAULT_READER,
    timeout: TimeoutOption = DEFAULT_TIMEOUT_SECONDS,
    max_memory: MaxMemoryOption = DEFAULT_MAX_MEMORY_MB,
    max_size: MaxSizeOption = DEFAULT_MAX_SIZE_MB,
    max_pages: MaxPagesOption = DEFAULT_MAX_PAGES,
    quiet: QuietOption = False,
    debug: DebugOption = False,
) -> None:
    """Run `aanhangsel parse` (its help is PARSE_HELP)."""
    with _errors_to_exit_codes(debug=debug):
        from aanhangsel.batch import ParseJob  # noqa: PLC0415  (the parser is imported when it is needed)
        from aanhangsel.destination import destination_for, refuse_to_overwrite_inputs  # noqa: PLC0415

        found = _find(inputs, null=null, max_size=max_size)
        destination = destination_for(
            output=output,
            output_dir=output_dir,
            requested=Format(output_format) if output_format else None,
            table=table,
            found=found,
            skip_existing=skip_existing,
            max_bytes=max_size * MEGABYTE,
        )
        if errors is not None:
            refuse_to_overwrite_inputs(errors, found, "--errors")
        options = ParseOptions(reader=reader, max_pages=max_pages)
        job = ParseJob(options, destination.prepare, max_size * MEGABYTE)
        failed = _run(found, job, destination, jobs, _limits(timeout, max_memory), quiet, debug, errors)
    if failed:
        raise typer.Exit(EXIT_FAILED)


EXPLAIN_HELP = """List every line-end hyphen: kept or removed, how the words join, and the evidence.

Takes the same inputs as parse. Prints one tab-separated line per hyphen: file, part (intro, question 2,
answer 3, footnote 4, mededeling), page, kept or removed, the break, the join, and why.

\b
Examples:
  aanhangsel explain FILE.pdf
  aanhangsel explain archive/ | grep -w removed | cut -f7 | sort | uniq -c
"""


@app.command(
    cls=_PlainCommand,
    help=EXPLAIN_HELP,
    short_help="List every line-end hyphen: kept or removed, how the words join, and the evidence.",
)
def explain(  # noqa: PLR0913, PLR0917  (one parameter per command-line option)
    inputs: InputsArgument,
    jobs: JobsOption = None,
    null: NullOption = False,
    reader: ReaderOption = DEFAULT_READER,
    timeout: TimeoutOption = DEFAULT_TIMEOUT_SECONDS,
    max_memory: MaxMemoryOption = DEFAULT_MAX_MEMORY_MB,
    max_size: MaxSizeOption = DEFAULT_MAX_SIZE_MB,
    max_pages: MaxPagesOption = DEFAULT_MAX_PAGES,
    quiet: QuietOption = False,
    debug: DebugOption = False,
) -> None:
    """Run `aanhangsel explain` (its help is EXPLAIN_HELP)."""
    with _errors_to_exit_codes(debug=debug):
        from aanhangsel.batch import ExplainJob  # noqa: PLC0415  (the parser is imported when it is needed)
        from aanhangsel.destination import Stdout  # noqa: PLC0415

        found = _find(inputs, null=null, max_size=max_size)
        job = ExplainJob(ParseOptions(reader=reader, max_pages=max_pages), max_size * MEGABYTE)
        failed = _run(found, job, Stdout(None), jobs, _limits(timeout, max_memory), quiet, debug, None)
    if failed:
        raise typer.Exit(EXIT_FAILED)


SHOW_HELP = """Show documents to read: who asked whom, each question with its answer, the footnotes.

A header with the questioners and their parties, the offices asked, the subject, the dates and the days
to answer against the term (late in red), and who answered; then each question with its answer beneath
it, footnote markers as superscripts, the footnotes with their links, the mededeling with its reason,
and the warnings. On a terminal in colour, with links to click where the terminal knows them; piped or
redirected, plain text. Takes the same inputs as parse and shows each document in turn.

\b
Examples:
  aanhangsel show FILE.pdf
  aanhangsel show week/ | less
  aanhangsel show FILE.pdf --width 100 > FILE.txt
"""


@app.command(
    cls=_PlainCommand,
    help=SHOW_HELP,
    short_help="Show documents to read in the terminal: each question with its answer, the footnotes.",
)
def show(  # noqa: PLR0913, PLR0917  (one parameter per command-line option)
    inputs: InputsArgument,
    width: Annotated[
        int | None,
        typer.Option(
            "--width",
            parser=_whole_number("--width"),
            metavar="N",
            help="Wrap at N columns. Default: the terminal's width, or 80.",
            show_default=False,
        ),
    ] = None,
    jobs: JobsOption = None,
    null: NullOption = False,
    reader: ReaderOption = DEFAULT_READER,
    max_size: MaxSizeOption = DEFAULT_MAX_SIZE_MB,
    debug: DebugOption = False,
) -> None:
    """Run `aanhangsel show` (its help is SHOW_HELP)."""
    with _errors_to_exit_codes(debug=debug):
        from aanhangsel.batch import ShowJob  # noqa: PLC0415  (the parser is imported when it is needed)
        from aanhangsel.destination import Stdout  # noqa: PLC0415
        from aanhangsel.show import Screen  # noqa: PLC0415

        found = _find(inputs, null=null, max_size=max_size)
        job = ShowJob(ParseOptions(reader=reader), max_size * MEGABYTE, Screen.of_stdout(width))
        limits = _limits(DEFAULT_TIMEOUT_SECONDS, DEFAULT_MAX_MEMORY_MB)
        # Quiet: a count of files shown would land amid the documents in a pager; failures are still told.
        failed = _run(found, job, Stdout(None), jobs, limits, quiet=True, debug=debug, errors=None)
    if failed:
        raise typer.Exit(EXIT_FAILED)


DEBUG_HELP = """Draw what the parser found on each page of a PDF: one PNG per page.

In colours, with a legend: the furniture (masthead, id block, running footer, page number, labels in the
left column), the number line, the intro, each question and answer block, the mededeling, the footnote
zone and each footnote, the raised markers, and each line-end hyphen, removed or kept. The regions are
the parser's own: the lines and parts the record was made of. Writes DIR/<name>-page-N.png and prints
the path of each picture.

\b
Examples:
  aanhangsel debug FILE.pdf -o pictures/
  aanhangsel debug FILE.pdf --page 2 --resolution 150 -o pictures/
"""


@app.command(
    "debug",
    cls=_PlainCommand,
    help=DEBUG_HELP,
    short_help="Draw what the parser found on each page of a PDF: one PNG per page.",
)
def debug_pictures(  # noqa: PLR0913, PLR0917  (one parameter per command-line option)
    pdf: Annotated[
        str, typer.Argument(help="A PDF file, or - for a PDF on stdin.", metavar="PDF", show_default=False)
    ],
    output_dir: Annotated[
        Path,
        typer.Option(
            "--output-dir",
            "-o",
            metavar="DIR",
            help="Write the pictures to DIR (made if missing).",
            show_default=False,
        ),
    ],
    page: Annotated[
        int | None,
        typer.Option(
            "--page",
            parser=_whole_number("--page"),
            metavar="N",
            help="Draw page N only. Default: every page.",
            show_default=False,
        ),
    ] = None,
    resolution: Annotated[
        int,
        typer.Option(
            "--resolution",
            parser=_whole_number("--resolution"),
            metavar="DPI",
            help="Pixels per inch.",
        ),
    ] = DEFAULT_RESOLUTION,
    reader: ReaderOption = DEFAULT_READER,
    max_size: MaxSizeOption = DEFAULT_MAX_SIZE_MB,
    debug: DebugOption = False,
) -> None:
    """Run `aanhangsel debug` (its help is DEBUG_HELP)."""
    with _errors_to_exit_codes(debug=debug):
        from aanhangsel.batch import DebugJob  # noqa: PLC0415  (the parser is imported when it is needed)
        from aanhangsel.destination import Stdout  # noqa: PLC0415

        found = _find([pdf], null=False, max_size=max_size)
        if found.total > 1:
            raise UsageError(f"debug draws one PDF at a time, and {pdf} names {found.total} files")
        pages = (page,) if page is not None else ()
        job = DebugJob(ParseOptions(reader=reader), max_size * MEGABYTE, output_dir, pages, resolution)
        limits = _limits(DEFAULT_TIMEOUT_SECONDS, DEFAULT_MAX_MEMORY_MB)
        failed = _run(found, job, Stdout(None), 1, limits, quiet=True, debug=debug, errors=None)
    if failed:
        raise typer.Exit(EXIT_FAILED)


SCHEMA_HELP = """Print the JSON Schema of the record.

\b
Examples:
  aanhangsel schema > record.schema.json
  aanhangsel schema | jq '.properties | keys'
"""


@app.command(cls=_PlainCommand, help=SCHEMA_HELP, short_help="Print the JSON Schema of the record.")
def schema() -> None:
    """Run `aanhangsel schema` (its help is SCHEMA_HELP)."""
    from aanhangsel.schema import read_schema  # noqa: PLC0415

    with _errors_to_exit_codes(debug=False):
        _write_stdout(read_schema())


def _find(inputs: list[str], *, null: bool, max_size: int) -> Inputs:
    """Expand the arguments into documents, reading stdin if one of them is `-`."""
    from aanhangsel.inputs import expand_inputs  # noqa: PLC0415

    return expand_inputs(inputs, typer.get_binary_stream("stdin"), null=null, max_bytes=max_size * MEGABYTE)


def _limits(timeout: int, max_memory: int) -> Limits:
    """Make the limits on each file."""
    from aanhangsel.batch import Limits  # noqa: PLC0415

    return Limits(timeout=timeout, max_memory=max_memory * MEGABYTE)


def _run(  # noqa: PLR0913, PLR0917  (the batch, and how to tell the user about it)
    found: Inputs,
    job: Job,
    destination: Destination,
    jobs: int | None,
    limits: Limits,
    quiet: bool,
    debug: bool,
    errors: Path | None,
) -> bool:
    """Run the batch with a report on stderr; tell whether any file failed."""
    from aanhangsel.batch import convert_all, default_jobs  # noqa: PLC0415
    from aanhangsel.reporting import BatchReport  # noqa: PLC0415

    report = BatchReport(
        total=found.total,
        show_progress=found.total > 1 and sys.stderr.isatty(),
        quiet=quiet,
        debug=debug,
        errors_file=errors,
    )
    convert_all(found, job, destination, report, jobs=jobs or default_jobs(), limits=limits)
    return report.failed


def _write_stdout(text: str) -> None:
    """Write data to stdout as UTF-8, whatever the locale."""
    from aanhangsel.destination import Stdout  # noqa: PLC0415

    with Stdout(None) as stdout:
        stdout.write(text)


@contextmanager
def _errors_to_exit_codes(*, debug: bool) -> Iterator[None]:
    """Turn every error into one "Error: …" line on stderr and an exit code: the only place that does."""
    from aanhangsel.reporting import error_line  # noqa: PLC0415  (cheap: rich is imported by reports)

    try:
        yield
    except UsageError as error:  # exit code 2, under the usage line
        raise _PlainUsageError(str(error)) from None
    except (StdoutClosedError, BrokenPipeError):  # `… | head`: stop quietly, as Unix tools do
        raise typer.Exit(EXIT_BROKEN_PIPE) from None
    except AanhangselError as error:
        typer.echo(error_line(error), err=True)
        raise typer.Exit(EXIT_FAILED) from None
    except KeyboardInterrupt:  # the report has said how far the batch got
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except typer.Exit:
        raise
    except Exception as error:  # noqa: BLE001  (a bug of ours: one line, the traceback with --debug)
        internal = InternalError.of(error)
        typer.echo(error_line(internal), err=True)
        if debug:
            typer.echo(internal.details.rstrip(), err=True)
        raise typer.Exit(EXIT_FAILED) from None


def main() -> None:
    """Run the command-line tool."""
    app(prog_name="aanhangsel")
