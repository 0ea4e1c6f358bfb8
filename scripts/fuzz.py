"""Mutation fuzz: damage the fixtures at random for a given time and count what the parser makes of them.

Each input is a fixture with one mutation: bytes flipped, inserted, deleted, duplicated or cut off; a page's
content stream decompressed, edited (a number in an operator or in the text, a line deleted, repeated or
moved, the stream cut short) and compressed again into a file whose cross-reference table fits; or a page
box damaged. The inputs run in the project's own worker pool (`aanhangsel.batch.run_batch`) with a time
and a memory limit, as `aanhangsel parse` runs files. A record is compared with the fixture's own: a
change that added no warning is a silent change.

Printed: how many inputs parsed (the same record, the same with a new warning, changed with a warning,
changed silently), failed cleanly (by kind of error), failed unexpectedly (internal errors, crashed
workers), hung (over the time limit) or went over the memory limit. Every input of the last four kinds is
kept, as a PDF with a note of what was done to it, in `--keep` (not committed).

    python scripts/fuzz.py --minutes 10
    python scripts/fuzz.py --minutes 1 --seed 7 --jobs 1 --keep /tmp/found
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the byte surgery is the tests' own (tests/badinputs.py)

from aanhangsel.batch import Limits, run_batch  # noqa: E402
from aanhangsel.errors import InternalError, MemoryLimitError, TimeLimitError  # noqa: E402
from aanhangsel.inputs import Input  # noqa: E402
from aanhangsel.models import record_json  # noqa: E402
from aanhangsel.options import ParseOptions  # noqa: E402
from aanhangsel.parse import parse_pdf  # noqa: E402
from aanhangsel.source import MEGABYTE  # noqa: E402
from badinputs import content_stream_numbers, decoded, encoded, rewritten  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from aanhangsel.results import FileResult

FIXTURES = ROOT / "fixtures"
# How many inputs are made and handed to the pool at a time.
CHUNK = 40

# A number among a content stream's operands: "8.5266", "-.0001", "221.1023".
OPERAND = re.compile(rb"(?<![\w.])-?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?![\w.])")
# A run of digits inside a string shown by Tj or TJ: "(Vraag 1)Tj", "(1786)Tj", "(4)Tj".
TEXT_DIGITS = re.compile(rb"(?<=\()[^()\\]*?([0-9]+)[^()\\]*?(?=\))")
# A page box or rotation in a page dictionary.
PAGE_BOX = re.compile(rb"/(?:MediaBox|CropBox)\s*\[[^\]]*\]|/Rotate\s+-?[0-9]+")

Mutation = tuple[str, bytes]
"""What was done (for the note kept beside a reproducer) and the damaged bytes."""


# --- raw bytes ----------------------------------------------------------------------------------------


def flip(rng: random.Random, data: bytes) -> Mutation:
    """Set one to four bytes to random values."""
    out = bytearray(data)
    places = sorted(rng.randrange(len(out)) for _ in range(rng.randint(1, 4)))
    for place in places:
        out[place] = rng.randrange(256)
    return f"flip bytes at {places}", bytes(out)


def insert(rng: random.Random, data: bytes) -> Mutation:
    """Insert one to sixteen random bytes."""
    place, size = rng.randrange(len(data)), rng.randint(1, 16)
    return f"insert {size} bytes at {place}", data[:place] + rng.randbytes(size) + data[place:]


def delete(rng: random.Random, data: bytes) -> Mutation:
    """Delete up to 64 bytes."""
    place, size = rng.randrange(len(data)), rng.randint(1, 64)
    return f"delete {size} bytes at {place}", data[:place] + data[place + size :]


def truncate(rng: random.Random, data: bytes) -> Mutation:
    """Cut the file short."""
    place = rng.randrange(len(data))
    return f"truncate at {place}", data[:place]


def duplicate(rng: random.Random, data: bytes) -> Mutation:
    """Copy a range of up to 2,000 bytes to another place."""
    start = rng.randrange(len(data))
    end = min(len(data), start + rng.randint(1, 2000))
    place = rng.randrange(len(data))
    return f"copy bytes {start}:{end} to {place}", data[:place] + data[start:end] + data[place:]


# --- content streams ------------------------------------------------------------------------------------


def in_content(rng: random.Random, data: bytes, what: str, edit: Callable[[bytes], bytes]) -> Mutation:
    """Apply `edit` to one page's decompressed content stream; the file is written anew around it."""
    numbers = content_stream_numbers(data)
    page = rng.randrange(len(numbers))

    def change(objects: dict[int, bytes]) -> None:
        body = objects[numbers[page]]
        objects[numbers[page]] = encoded(body, edit(decoded(body)))

    return f"content stream {page + 1}: {what}", rewritten(data, change)


def operand(rng: random.Random, data: bytes) -> Mutation:
    """Change a number among an operator's operands: zero, negative, huge, or one digit off."""
    new = rng.choice([b"0", b"-8.5", b"100000", b"1e30", b"3", b".0001"])
    return in_content(rng, data, f"an operand becomes {new.decode()}", _replace_one(rng, OPERAND, new))


def text_number(rng: random.Random, data: bytes) -> Mutation:
    """Change a number in the text itself: a label's, a footnote's, the document's."""
    new = rng.choice([b"0", b"30000000", b"3000000", b"", b"7", b"12", b"1 t/m 400"])
    edit = _replace_one(rng, TEXT_DIGITS, new, 1)
    return in_content(rng, data, f"a number in the text becomes {new.decode()!r}", edit)


def lines(rng: random.Random, data: bytes) -> Mutation:
    """Delete, repeat, swap or cut the content stream's lines."""
    how = rng.choice(["delete", "repeat", "swap", "cut"])

    def edit(content: bytes) -> bytes:
        parts = content.split(b"\n")
        first, second = sorted(rng.randrange(len(parts)) for _ in range(2))
        if how == "delete":
            del parts[first : first + rng.randint(1, 8)]
        elif how == "repeat":
            parts[first:first] = parts[first : first + rng.randint(1, 8)]
        elif how == "swap":
            parts[first], parts[second] = parts[second], parts[first]
        else:
            parts = parts[:first]
        return b"\n".join(parts)

    return in_content(rng, data, f"{how} lines", edit)


def stream_bytes(rng: random.Random, data: bytes) -> Mutation:
    """Flip bytes of the decompressed content stream."""

    def edit(content: bytes) -> bytes:
        return flip(rng, content)[1] if content else content

    return in_content(rng, data, "flip bytes", edit)


def page_box(rng: random.Random, data: bytes) -> Mutation:
    """Damage a page's MediaBox, CropBox or /Rotate."""
    new = rng.choice(
        [b"/MediaBox [0 0 595]", b"/MediaBox [0 0 0 0]", b"/MediaBox [595 842 0 0]", b"/Rotate /X",
         b"/Rotate 45", b"/MediaBox [0 0 1e30 1e30]", b"/CropBox [0 0 10 10]", b"/Rotate -90", b""]
    )  # fmt: skip

    def change(objects: dict[int, bytes]) -> None:
        pages = [number for number, body in objects.items() if PAGE_BOX.search(body)]
        number = rng.choice(pages)
        objects[number] = _replace_one(rng, PAGE_BOX, new, 0)(objects[number])

    return f"a page box becomes {new.decode()!r}", rewritten(data, change)


def _replace_one(
    rng: random.Random, pattern: re.Pattern[bytes], new: bytes, group: int = 0
) -> Callable[[bytes], bytes]:
    """Make an edit that replaces one match of `pattern` (or its group), chosen at random."""

    def edit(content: bytes) -> bytes:
        matches = list(pattern.finditer(content))
        if not matches:
            return content
        match = rng.choice(matches)
        return content[: match.start(group)] + new + content[match.end(group) :]

    return edit


FAMILIES: dict[str, tuple[Callable[[random.Random, bytes], Mutation], ...]] = {
    "bytes": (flip, insert, delete, truncate, duplicate),
    "content": (operand, text_number, lines, stream_bytes),
    "page box": (page_box,),
}
"""The mutations by what they damage: the file's raw bytes (as a bad disk or download would), what a page
draws (which changes the text itself, so a changed record is no loss in itself), or a page's box."""


# --- running ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Case:
    """One damaged input."""

    fixture: str
    """The fixture it was made from."""
    family: str
    """What the mutation damages (a key of `FAMILIES`)."""
    mutation: str
    """The mutation's name."""
    note: str
    """What exactly was done."""
    data: bytes
    """The damaged bytes."""


@dataclass(frozen=True, slots=True)
class ParseBytes:
    """The job each worker runs: parse the bytes and hand back the record as JSON."""

    options: ParseOptions
    """How to parse."""

    def __call__(self, item: Input) -> str:
        """Parse one input's bytes."""
        return record_json(parse_pdf(item.data or b"", name="fuzz.pdf", options=self.options))


def cases(rng: random.Random, fixtures: dict[str, bytes]) -> Iterator[Case]:
    """Make damaged inputs without end: a fixture, a family and a mutation of it, each at random."""
    names = sorted(fixtures)
    while True:
        fixture = rng.choice(names)
        family = rng.choice(sorted(FAMILIES))
        mutation = rng.choice(FAMILIES[family])
        note, data = mutation(rng, fixtures[fixture])
        yield Case(fixture, family, mutation.__name__, note, data)


SILENT = ("parsed: changed silently", "parsed: parts lost silently")
UNEXPECTED, HANG, OVER_MEMORY = "unexpected", "hang (over the time limit)", "over the memory limit"


def outcome(case: Case, result: FileResult, baselines: dict[str, dict[str, Any]]) -> str:
    """Name what became of one input."""
    error = result.error
    if error is None:
        return _compared(json.loads(str(result.payload)), baselines[case.fixture])
    if isinstance(error, TimeLimitError):
        return HANG
    if isinstance(error, MemoryLimitError):
        return OVER_MEMORY
    if isinstance(error, InternalError):
        reason = str(error).removeprefix("internal error, please report it: ")
        return f"{UNEXPECTED}: {type(error).__name__}: {reason[:80]}"
    return f"clean error: {type(error).__name__}"


def _compared(record: dict[str, Any], base: dict[str, Any]) -> str:
    """Say how a record differs from the fixture's own: in nothing, with a new warning, or silently."""
    warned = bool(set(record["warnings"]) - set(base["warnings"]))
    if _comparable(record) == _comparable(base):
        return "parsed: the same record, with a new warning" if warned else "parsed: the same record"
    if warned:
        return "parsed: changed, with a new warning"
    return SILENT[1] if _parts(record) < _parts(base) else SILENT[0]


def _comparable(record: dict[str, Any]) -> dict[str, Any]:
    """Leave out of a record what any change of bytes changes (its hash) and its warnings."""
    return {**record, "source": {**record["source"], "sha256": None}, "warnings": None}


def _parts(record: dict[str, Any]) -> int:
    """Count a record's printed parts: questions, answers, footnotes and the mededeling."""
    parts = (record["questions"], record["answers"], record["footnotes"])
    return sum(map(len, parts)) + (record["mededeling"] is not None)


def keep(folder: Path, number: int, case: Case, result: FileResult, kind: str) -> None:
    """Keep a reproducer: the PDF, and a note of where it came from and what happened."""
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"{number:05d}-{case.fixture}-{case.mutation}"
    (folder / f"{stem}.pdf").write_bytes(case.data)
    error = f"{type(result.error).__name__}: {result.error}" if result.error else ""
    note = f"from fixtures/{case.fixture}.pdf: {case.note}\n{kind}\n{error}\n"
    (folder / f"{stem}.txt").write_text(note, encoding="utf-8")


def report(counts: Counter[tuple[str, str]], header: str) -> list[str]:
    """Lay the counts out as a table, an outcome a row and a family a column, then the totals asked for."""
    families = sorted(FAMILIES)
    kinds = sorted({kind for kind, _ in counts})
    width = max(map(len, kinds), default=10)
    lines = [header, f"{'':{width}}  " + "".join(f"{family:>10}" for family in families) + f"{'all':>10}"]
    for kind in kinds:
        row = [counts[kind, family] for family in families]
        lines.append(f"{kind:{width}}  " + "".join(f"{count:10d}" for count in row) + f"{sum(row):10d}")

    def total(prefix: str, family: str | None = None) -> int:
        return sum(
            n for (kind, fam), n in counts.items() if kind.startswith(prefix) and family in (None, fam)
        )

    raw_parsed = total("parsed", "bytes")
    raw_silent = sum(total(kind, "bytes") for kind in SILENT)
    lines += [
        f"unexpected exceptions: {total(UNEXPECTED)}",
        f"hangs: {total(HANG)}",
        f"over memory: {total(OVER_MEMORY)}",
        (
            f"silent changes: {sum(map(total, SILENT))}, of which parts lost: {total(SILENT[1])}; of raw-byte"
            f" damage: {raw_silent} of {raw_parsed} parsed ({100 * raw_silent / max(raw_parsed, 1):.1f}%)"
        ),
    ]
    return lines


def main() -> None:
    """Fuzz for the given time and print the counts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per input")
    parser.add_argument("--max-memory", type=int, default=1024, help="MB per worker")
    parser.add_argument("--reader", default=ParseOptions().reader)
    parser.add_argument("--keep", type=Path, default=ROOT / "fuzz-found", help="where reproducers go")
    arguments = parser.parse_args()

    options = ParseOptions(reader=arguments.reader)
    fixtures = {pdf.stem: pdf.read_bytes() for pdf in sorted(FIXTURES.glob("*.pdf"))}
    job = ParseBytes(options)
    baselines = {name: json.loads(job(Input(None, data))) for name, data in fixtures.items()}
    limits = Limits(timeout=arguments.timeout, max_memory=arguments.max_memory * MEGABYTE)
    made = cases(random.Random(arguments.seed), fixtures)
    counts: Counter[tuple[str, str]] = Counter()
    start = time.monotonic()
    number = 0
    while time.monotonic() < start + arguments.minutes * 60:
        chunk = [next(made) for _ in range(CHUNK)]
        results = run_batch(
            [Input(None, case.data) for case in chunk], job, jobs=arguments.jobs, limits=limits
        )
        for case, result in zip(chunk, results, strict=True):
            number += 1
            kind = outcome(case, result, baselines)
            counts[kind, case.family] += 1
            if kind.startswith((*SILENT, UNEXPECTED, HANG, OVER_MEMORY)):
                keep(arguments.keep, number, case, result, kind)
    elapsed = time.monotonic() - start
    header = (
        f"{number} inputs in {elapsed / 60:.1f} minutes ({number / elapsed:.1f}/s); seed {arguments.seed}, "
        f"reader {options.reader}, at most {arguments.timeout:g} s and {arguments.max_memory} MB per input"
    )
    print("\n".join(report(counts, header)))
    print(f"reproducers (silent changes, unexpected, hangs, over memory) are kept in {arguments.keep}")


if __name__ == "__main__":
    main()
