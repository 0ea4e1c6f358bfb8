"""Benchmark what a SQLite output costs the main process, next to parsing a document in a worker.

With `-o FILE.db` the main process does two things per document that other outputs do not:
`--skip-existing` reads and hashes each input to look its SHA-256 up (and a worker reads the file again
when it is parsed), and every record is written in a transaction of its own. This prints milliseconds
per document for each, and for parsing, on the fixtures. Medians of several rounds, because these machines
are shared and noisy.

    python benchmarks/database.py
    python benchmarks/database.py --rounds 15
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

from timing import FIXTURES, milliseconds  # benchmarks/timing.py, beside this script

from aanhangsel.destination import SqliteFile
from aanhangsel.inputs import Input
from aanhangsel.parse import parse_pdf
from aanhangsel.results import FileResult, Status
from aanhangsel.source import MEGABYTE


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    arguments = parser.parse_args()
    pdfs = sorted(FIXTURES.glob("*.pdf"))
    items = [Input(pdf) for pdf in pdfs]
    records = [parse_pdf(pdf) for pdf in pdfs]
    results = [
        FileResult(item, Status.CONVERTED, payload=record)
        for item, record in zip(items, records, strict=True)
    ]

    hashing, writing, parsing = [], [], []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "k.db"
        with SqliteFile(path, skip_existing=False, max_bytes=100 * MEGABYTE) as database:
            for result in results:  # every document stored: each lookup finds its row
                database.deliver(result)
        with SqliteFile(path, skip_existing=True, max_bytes=100 * MEGABYTE) as database:
            for _ in range(arguments.rounds):
                hashing.append(milliseconds(lambda: [database.existing_output(i) for i in items], len(items)))
                writing.append(milliseconds(lambda: [database.deliver(r) for r in results], len(results)))
                parsing.append(milliseconds(lambda: [parse_pdf(pdf) for pdf in pdfs], len(pdfs)))
    print(f"{len(pdfs)} fixtures, medians of {arguments.rounds} rounds:")
    print(f"--skip-existing lookup (read, hash, query): {statistics.median(hashing):.3f} ms/doc")
    print(f"write one record (one transaction):         {statistics.median(writing):.1f} ms/doc")
    print(f"parse one document:                         {statistics.median(parsing):.1f} ms/doc")


if __name__ == "__main__":
    main()
