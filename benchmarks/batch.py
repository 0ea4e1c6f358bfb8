"""Benchmark batch conversion: documents per second with 1 and 2 jobs, peak memory at 100 and 1,000 inputs.

The fixtures are hard-linked repeatedly into a scratch folder until there are N inputs (symbolic links
would name one file several times, which a batch reads once), then
`aanhangsel parse <folder> --output-dir <out> --jobs J` runs as a subprocess. Wall time gives documents
per second; the process tree's resident memory is sampled from /proc every 20 ms for its peak (the sum of
the main process and its workers). Figures are printed as ratios against a reference from the same run,
because these machines are shared and noisy: the speed-up of 2 jobs over 1 job, and the peak memory of
1,000 inputs over 100 inputs.

    python benchmarks/batch.py                     # 100 and 1,000 inputs, 1 and 2 jobs
    python benchmarks/batch.py --sizes 100 300     # quicker
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
WORK = ROOT / "benchmarks" / "work"
PAGE_SIZE_KB = 4


def make_inputs(count: int) -> Path:
    """A folder with `count` hard links to the fixture PDFs, repeated in turn: each a file of its own."""
    folder = WORK / f"inputs-{count}"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    pdfs = sorted(FIXTURES.glob("*.pdf"))
    for index in range(count):
        source = pdfs[index % len(pdfs)]
        (folder / f"{index:05d}-{source.name}").hardlink_to(source)
    return folder


def tree_rss_kb(root: int) -> int:
    """Resident memory of a process and all its descendants, in KiB (Linux /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for status in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = status.read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended while we looked
            continue
        pid = int(status.parent.name)
        children.setdefault(int(fields[1]), []).append(pid)
        rss[pid] = int(fields[21]) * PAGE_SIZE_KB
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def run(inputs: Path, jobs: int) -> tuple[float, int]:
    """Convert a folder; return seconds taken and the peak memory of the process tree in KiB."""
    out = WORK / f"out-{inputs.name}-j{jobs}"
    if out.exists():
        shutil.rmtree(out)
    command = [
        sys.executable,
        "-m",
        "aanhangsel",
        "parse",
        str(inputs),
        "--output-dir",
        str(out),
        "--jobs",
        str(jobs),
    ]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss_kb(process.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    _, stderr = process.communicate()
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    if process.returncode != 0:
        sys.exit(f"aanhangsel failed ({process.returncode}): {stderr.decode()[-500:]}")
    converted = len(list(out.glob("*.json")))
    if converted != len(list(inputs.iterdir())):
        sys.exit(f"only {converted} of the inputs were converted")
    return seconds, peak


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs=2, default=[100, 1000], metavar=("SMALL", "LARGE"))
    args = parser.parse_args()
    small, large = args.sizes
    results: dict[tuple[int, int], tuple[float, int]] = {}
    for count in (small, large):
        inputs = make_inputs(count)
        for jobs in (1, 2):
            seconds, peak = run(inputs, jobs)
            results[count, jobs] = (seconds, peak)
            print(
                f"{count:>5} inputs, --jobs {jobs}: {count / seconds:6.2f} documents/s, "
                f"{seconds:7.1f} s, peak memory {peak / 1024:6.1f} MiB"
            )
    print()
    for count in (small, large):
        speedup = results[count, 1][0] / results[count, 2][0]
        print(f"speed-up of --jobs 2 over --jobs 1 at {count} inputs: {speedup:.2f}x")
    for jobs in (1, 2):
        ratio = results[large, jobs][1] / results[small, jobs][1]
        print(f"peak memory at {large} inputs / at {small} inputs, --jobs {jobs}: {ratio:.3f}")
    shutil.rmtree(WORK)


if __name__ == "__main__":
    main()
