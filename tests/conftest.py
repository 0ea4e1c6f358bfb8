"""Shared test setup: where the fixtures are, and `--update-golden` to rewrite golden records."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add `--update-golden`: rewrite fixtures/*.json from the parser (then read the diff)."""
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite fixtures/*.json from the current parser; review the diff before committing",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """Whether golden records are to be rewritten instead of compared."""
    return bool(request.config.getoption("--update-golden"))
