"""The README tells the truth: its first two commands, every command's help, the explain example, the
error table, and what CI runs."""

from __future__ import annotations

import inspect
import re
import shlex

import pytest
from typer.testing import CliRunner

from aanhangsel import errors
from aanhangsel.cli import app
from conftest import FIXTURES

ROOT = FIXTURES.parent
README_PATH = ROOT / "README.md"
README = README_PATH.read_text(encoding="utf-8")
SHELL_BLOCKS = re.findall(r"```sh\n(.*?)```", README, flags=re.DOTALL)
COMMANDS = sorted(command.name or command.callback.__name__ for command in app.registered_commands)
# A help block: "```text", then "$ aanhangsel … --help", then the output the command prints.
HELP_BLOCK = re.compile(r"```text\n\$ (aanhangsel [^\n]*--help)\n(.*?)```", flags=re.DOTALL)
HELP_WIDTH = {"COLUMNS": "80"}  # help is wrapped to the terminal; the README shows an 80-column one
# The show example: "```text", then "$ aanhangsel show …", then what it prints, 80 columns wide.
SHOW_BLOCK = re.compile(r"```text\n\$ (aanhangsel show [^\n]*)\n(.*?)```", flags=re.DOTALL)


def test_the_readme_starts_with_an_install_and_parse_command_and_an_install_and_test_command():
    first, second = (block.strip() for block in SHELL_BLOCKS[:2])
    assert README.index(first) < README.index("## ")  # before any section
    assert re.search(r"pip install (-q )?\.", first)
    assert re.search(r"aanhangsel parse fixtures/\S+\.pdf$", first)
    assert (ROOT / first.rsplit(" ", 1)[1]).exists()
    assert "pip install -e '.[test]'" in second
    assert second.endswith("python -m pytest")


def test_ci_runs_the_readme_test_command_verbatim_then_the_linters():
    test_command = SHELL_BLOCKS[1].strip()
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert "pip install -e '.[test,lint]'" in "\n".join(lines[: lines.index(test_command)])
    after = lines[lines.index(test_command) + 1 :]
    assert [line for line in after if line.strip()] == [
        ".venv/bin/ruff check .",
        ".venv/bin/ruff format --check .",
        ".venv/bin/mypy",
    ]


def help_output(command):
    return CliRunner().invoke(app, shlex.split(command)[1:], env=HELP_WIDTH).stdout


def test_the_readme_shows_the_help_of_the_tool_and_of_parse():
    assert [command for command, _ in HELP_BLOCK.findall(README)] == [
        "aanhangsel --help",
        "aanhangsel parse --help",
    ]


def test_every_help_in_the_readme_is_what_the_tool_prints(update_golden):
    readme = README_PATH.read_text(encoding="utf-8")  # as it is now: another test may have rewritten it
    if update_golden:
        readme = HELP_BLOCK.sub(lambda match: f"```text\n$ {match[1]}\n{help_output(match[1])}```", README)
        README_PATH.write_text(readme, encoding="utf-8")
    for command, shown in HELP_BLOCK.findall(readme):
        assert shown == help_output(command), (
            f"{command}: run pytest --update-golden and read the README diff"
        )


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_every_command_has_help_with_examples_and_plain_metavars(command):
    for flag in ("-h", "--help"):
        result = CliRunner().invoke(app, [*command.split(), flag])
        assert result.exit_code == 0
        assert result.stdout.startswith(f"Usage: aanhangsel {command}".rstrip() + " [OPTIONS]")
        assert not re.search(r"\s<\w|\{|list\[", result.stdout)  # no Python types in the metavars
    if command:
        examples = result.stdout.split("\n  Examples:\n", 1)[1].split("\n\n", 1)[0].splitlines()
        assert 2 <= len(examples) <= 3
        assert all(line.strip().split()[0] in {"aanhangsel", "find", "cat"} for line in examples)


def test_the_tool_help_gives_every_command_its_whole_description():
    listed = " ".join(CliRunner().invoke(app, ["--help"]).stdout.split("Commands:\n", 1)[1].split())
    for command in app.registered_commands:
        assert f"{command.name or command.callback.__name__} {command.short_help}" in listed


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_readme(command):
    assert f"aanhangsel {command}" in README


def test_every_parse_option_is_in_the_readme():
    parse = next(command for command in app.registered_commands if command.callback.__name__ == "parse")
    options = re.findall(r'"(--[a-z-]+)"', inspect.getsource(parse.callback))
    assert options
    for option in options:
        assert option in README, option


def test_the_explain_example_is_what_explain_prints():
    block = README.split("the evidence:\n\n```\n", 1)[1].split("```", 1)[0]
    pdf = block.split("\t", 1)[0]
    printed = CliRunner().invoke(app, ["explain", str(ROOT / pdf)]).stdout.replace(f"{ROOT}/", "")
    for line in block.splitlines():
        assert line + "\n" in printed


def test_the_show_example_is_what_show_prints(update_golden, monkeypatch):
    monkeypatch.chdir(ROOT)  # the example names its fixture from the project's folder
    readme = README_PATH.read_text(encoding="utf-8")  # as it is now: another test may have rewritten it
    if update_golden:
        readme = SHOW_BLOCK.sub(lambda match: f"```text\n$ {match[1]}\n{help_output(match[1])}```", readme)
        README_PATH.write_text(readme, encoding="utf-8")
    ((command, shown),) = SHOW_BLOCK.findall(readme)
    assert shown == help_output(command), "run pytest --update-golden and read the README diff"


def test_the_readme_shows_a_debug_picture_of_a_fixture_page():
    picture = re.search(r"!\[[^\]]*\]\((docs/[\w.-]+\.png)\)", README)
    assert picture
    assert (ROOT / picture[1]).read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert (FIXTURES / picture[1].removeprefix("docs/").rsplit("-page-", 1)[0]).with_suffix(".pdf").exists()


def test_the_error_table_names_every_kind_of_error():
    section = README.split("### Errors and exit codes", 1)[1]
    kinds = {
        name for name, kind in vars(errors).items() if isinstance(kind, type) and issubclass(kind, Exception)
    }
    abstract = {"AanhangselError", "InputError", "LimitError", "UsageError", "StdoutClosedError"}
    for kind in sorted(kinds - abstract):
        assert f"`{kind}`" in section, kind
