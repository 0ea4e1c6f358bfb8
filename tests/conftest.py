"""Shared test setup: where the fixtures are, the Hypothesis profiles, and `--update-golden`."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import settings

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
GOLDEN_BEFORE = pytest.StashKey[dict[str, str | None]]()
"""Under `--update-golden`: each rewritten golden record as it was before, by case name (None if new)."""

# The suite is deterministic: Hypothesis draws the same examples on every run (derandomize), keeps no
# example database between runs, and never stops a test for being slow on a busy machine. Cases it found
# once are pinned with @example where they were found. `HYPOTHESIS_PROFILE=random pytest` explores anew;
# long random fuzzing of whole PDFs belongs in a script that prints counts, not in a test.
settings.register_profile("deterministic", derandomize=True, database=None, deadline=None, print_blob=True)
settings.register_profile("random", derandomize=False, database=None, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "deterministic"))


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add `--update-golden`: rewrite fixtures/*.json from the parser (then read the diff)."""
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite fixtures/*.json from the current parser; review the diff before committing",
    )


@pytest.fixture(scope="session")
def fixtures_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`aanhangsel parse fixtures -o k.db`: every fixture in one database, made once by the command line."""
    from typer.testing import CliRunner  # noqa: PLC0415  (only the tests of the database need it)

    from aanhangsel.cli import app  # noqa: PLC0415

    path = tmp_path_factory.mktemp("database") / "k.db"
    result = CliRunner().invoke(app, ["parse", str(FIXTURES), "-o", str(path)])
    pdfs = len(list(FIXTURES.glob("*.pdf")))
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        "",
        f"{pdfs} files: {pdfs} converted, 0 failed\n",
    )
    return path


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """Whether golden records are to be rewritten instead of compared."""
    return bool(request.config.getoption("--update-golden"))


def pytest_configure(config: pytest.Config) -> None:
    """Make room for the golden records that `--update-golden` replaces."""
    config.stash[GOLDEN_BEFORE] = {}


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    """After `--update-golden`, print how the score against the hand-made gold changed, per field."""
    before = config.stash.get(GOLDEN_BEFORE, {})
    if not before:
        return
    from scoring import gold_cases, score_cases, score_change  # noqa: PLC0415  (scoring imports this module)

    cases = [case for case in gold_cases() if case in before]
    old = score_cases({case: json.loads(before[case]) if before[case] else None for case in cases})
    new = score_cases(
        {case: json.loads((FIXTURES / f"{case}.json").read_text(encoding="utf-8")) for case in cases}
    )
    terminalreporter.section("score against the hand-made gold (tests/gold/), before → after --update-golden")
    for line in score_change(old, new):
        terminalreporter.write_line(line)
