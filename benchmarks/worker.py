"""Benchmark what running every file in a worker process costs, next to parsing in the process itself.

Files run in a worker even with `--jobs 1`, so that the time and memory limits hold. This measures the
price: starting a worker, handing it one input and stopping it (once per run), and milliseconds per
document for the fixtures parsed in this process versus in one worker. Medians of several rounds, both
kinds interleaved, because these machines are shared and noisy.

    python benchmarks/worker.py              # 40 start-ups, 7 rounds over the fixtures
    python benchmarks/worker.py --rounds 15
"""

from __future__ import annotations

import argparse
import statistics

from timing import FIXTURES, milliseconds  # benchmarks/timing.py, beside this script

from aanhangsel.batch import Limits, ParseJob, run_batch
from aanhangsel.destination import RenderText
from aanhangsel.inputs import Input
from aanhangsel.options import ParseOptions
from aanhangsel.output import Format, render
from aanhangsel.parse import parse_pdf
from aanhangsel.source import MEGABYTE

LIMITS = Limits(timeout=60, max_memory=2048 * MEGABYTE)


class Nothing:
    """A job that does nothing: what is left is the cost of the worker itself."""

    def __call__(self, item: Input) -> str:
        """Hand back nothing."""
        del item
        return ""


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--start-ups", type=int, default=40)
    arguments = parser.parse_args()
    pdfs = sorted(FIXTURES.glob("*.pdf"))
    items = [Input(pdf) for pdf in pdfs]
    job = ParseJob(ParseOptions(), RenderText(Format.JSONL), 100 * MEGABYTE)
    parse_pdf(pdfs[0])  # the reader imported, as it is by the time a real run parses its second file

    start_ups = [
        milliseconds(lambda: list(run_batch(items[:1], Nothing(), jobs=1, limits=LIMITS)), 1)
        for _ in range(arguments.start_ups)
    ]
    here, worker = [], []
    for _ in range(arguments.rounds):
        here.append(milliseconds(lambda: [render(parse_pdf(pdf), Format.JSONL) for pdf in pdfs], len(pdfs)))
        worker.append(milliseconds(lambda: list(run_batch(items, job, jobs=1, limits=LIMITS)), len(pdfs)))
    print(f"worker started, handed one input and stopped: {statistics.median(start_ups):.1f} ms (median)")
    print(
        f"parse in this process: {statistics.median(here):.1f} ms/doc (median of {arguments.rounds} rounds)"
    )
    print(f"parse in one worker:   {statistics.median(worker):.1f} ms/doc")
    print(f"difference: {statistics.median(worker) - statistics.median(here):+.1f} ms/doc")


if __name__ == "__main__":
    main()
