"""The README tells the truth: its first two commands, every command of the tool, and what CI runs."""

from __future__ import annotations

import inspect
import re

import pytest

from aanhangsel.cli import app
from conftest import FIXTURES

ROOT = FIXTURES.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
SHELL_BLOCKS = re.findall(r"```sh\n(.*?)```", README, flags=re.DOTALL)
COMMANDS = sorted(command.name or command.callback.__name__ for command in app.registered_commands)


def test_the_readme_starts_with_an_install_and_parse_command_and_an_install_and_test_command():
    first, second = (block.strip() for block in SHELL_BLOCKS[:2])
    assert README.index(first) < README.index("## ")  # before any section
    assert re.search(r"pip install (-q )?\.", first)
    assert re.search(r"aanhangsel parse fixtures/\S+\.pdf$", first)
    assert (ROOT / first.rsplit(" ", 1)[1]).exists()
    assert "pip install -e '.[test]'" in second
    assert second.endswith("python -m pytest")


def test_ci_runs_exactly_the_readme_test_command():
    test_command = SHELL_BLOCKS[1].strip()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.rstrip().splitlines()[-1] == test_command


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_readme(command):
    assert f"aanhangsel {command}" in README


def test_every_parse_option_is_in_the_readme():
    parse = next(command for command in app.registered_commands if command.callback.__name__ == "parse")
    options = re.findall(r'"(--[a-z-]+)"', inspect.getsource(parse.callback))
    assert options
    for option in options:
        assert option in README, option
