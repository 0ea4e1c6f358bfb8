"""The README's questions for journalists: each SQL block, run on the fixtures' database, prints its table.

The tests run them on the database the README's command makes, `aanhangsel parse fixtures/ -o …`
(conftest.py). `python tests/test_readme_sql.py` builds one from the golden records, which are exactly
what the fixture PDFs parse to (tests/test_golden.py), and prints the tables to paste after a change.
"""

from __future__ import annotations

import re
import sqlite3
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
# A ```sql block followed by the table of its result.
WORKED = re.findall(r"```sql\n(.*?)```\n\n((?:\|[^\n]*\|\n)+)", README, flags=re.DOTALL)


def markdown(columns, rows):
    """Render a result as a Markdown table, each column as wide as its widest cell."""
    cells = [list(columns), *[["" if value is None else str(value) for value in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(columns))]
    lines = [" | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) for row in cells]
    lines = [f"| {line} |" for line in lines]
    lines.insert(1, "|" + "|".join("-" * (width + 2) for width in widths) + "|")
    return "\n".join(lines) + "\n"


def run(path, sql):
    with sqlite3.connect(path) as connection:
        cursor = connection.execute(sql)
        return markdown([column[0] for column in cursor.description], cursor.fetchall())


def golden_database(path):
    sys.path.insert(0, str(ROOT / "src"))
    from aanhangsel.database import Database  # noqa: PLC0415  (also run as a script, from the source tree)
    from aanhangsel.models import Record  # noqa: PLC0415

    with Database(path) as db:
        for golden in sorted((ROOT / "fixtures").glob("*.json")):
            db.write(Record.model_validate_json(golden.read_text(encoding="utf-8")))
    return path


def test_the_readme_has_three_worked_questions():
    assert len(WORKED) == 3


@pytest.mark.parametrize(("sql", "table"), WORKED, ids=["late answers", "delay notices", "sources"])
def test_each_worked_question_prints_the_table_under_it(fixtures_database, sql, table):
    assert run(fixtures_database, sql) == table


if __name__ == "__main__":
    built = golden_database(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "kamervragen.db")
    for sql, _ in WORKED:
        print(sql + "\n" + run(built, sql))  # noqa: T201  (a script for the README's author)
