"""Damaged and hostile inputs, made from the fixtures: for the tests and `scripts/fuzz.py`.

`BAD_INPUTS` names each input of the bad-input set the tests run (tests/test_badinputs.py says what each
must give); `python tests/badinputs.py DIR` writes them all to a folder, with a named pipe and a file whose
name is not UTF-8, to try the command line on by hand.

Two kinds of surgery:
- `edited` replaces bytes in place, keeping the file's length, so every offset in it stays right and the
  damage is the one we mean, not a broken cross-reference table;
- `rewritten` takes the file apart into its objects, lets an edit change them (a page's content stream is
  decompressed, edited and compressed again), and writes a new file with a cross-reference table that
  fits: the edit reaches the parser's logic, not the PDF library's repair.

The fixtures have classic cross-reference tables and no object streams, which is all this needs to handle.
"""

from __future__ import annotations

import base64
import io
import os
import re
import sys
import zipfile
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen.canvas import Canvas

from typeset import typeset

if TYPE_CHECKING:
    from collections.abc import Callable

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ANSWER = FIXTURES / "ah-tk-20232024-1786.pdf"
"""A real answer of six pages and sixteen footnotes; its pages' content streams are objects 5, 20, 23, …"""
ONE_PAGE = FIXTURES / "ah-tk-20232024-1999.pdf"
"""A real mededeling of one page; its MediaBox and /Rotate stand in its page dictionary uncompressed."""
TYPESET = FIXTURES / "tk-synthetic-schulden-2025-2026.txt"
"""A typeset answer of two pages and five questions, with a footnote: its source can be edited."""
LETTER = "Geachte heer, hierbij zend ik u de stukken."
"""A line of a PDF that is no Aanhangsel."""
SEE_ALSO = FIXTURES / "ek-synthetic-2024-2025.txt"
"""A typeset answer whose intro says "Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, nr 45"."""

# "12 0 obj": where an object starts.
OBJECT = re.compile(rb"(?<![0-9])([0-9]+)\s+([0-9]+)\s+obj\b")
# A stream's direct length: "/Length 1787" (not "/Length 9 0 R").
LENGTH = re.compile(rb"/Length\s+([0-9]+)(?!\s+[0-9]+\s+R)")
# The last trailer dictionary: "trailer << /Size 19 /Root 3 0 R … >>".
TRAILER = re.compile(rb"trailer\s*(<<.*?>>)\s*startxref", re.DOTALL)
# A page's content streams: "/Contents 5 0 R" or "/Contents [ 5 0 R 7 0 R ]".
CONTENTS = re.compile(rb"/Contents\s*(\[[^\]]*\]|[0-9]+\s+[0-9]+\s+R)")
REFERENCE = re.compile(rb"([0-9]+)\s+[0-9]+\s+R")
# A stream's filters: "/Filter /FlateDecode", "/Filter [ /ASCII85Decode /FlateDecode ]".
FILTER = re.compile(rb"/Filter\s*(?:\[[^\]]*\]|/\w+)")


def edited(data: bytes, *replacements: tuple[bytes, bytes]) -> bytes:
    """Replace bytes in place, each found exactly once; the file keeps its length and its offsets."""
    length = len(data)
    for old, new in replacements:
        assert data.count(old) == 1, old
        data = data.replace(old, new)
    assert len(data) == length, "the file must keep its length"
    return data


# --- objects ------------------------------------------------------------------------------------------


def pdf_objects(data: bytes) -> dict[int, bytes]:
    """Every object's text between "N G obj" and "endobj", by number; a later definition wins."""
    objects: dict[int, bytes] = {}
    position = 0
    while match := OBJECT.search(data, position):
        start = match.end()
        end = _object_end(data, start)
        objects[int(match[1])] = data[start:end].strip()
        position = end
    return objects


def _object_end(data: bytes, start: int) -> int:
    """Where an object's text ends (before "endobj"), a stream's bytes skipped by their /Length."""
    stream = re.compile(rb">>\s*stream\r?\n").search(data, start)
    end = data.find(b"endobj", start)
    if stream is not None and stream.start() < end:
        length = LENGTH.search(data, start, stream.start())
        if length is not None:
            after = data.find(b"endstream", stream.end() + int(length[1]))
            return data.find(b"endobj", after)
    return end


def stream_parts(body: bytes) -> tuple[bytes, bytes]:
    """Split a stream object into its dictionary and its (still encoded) bytes."""
    stream = re.search(rb">>\s*stream\r?\n", body)
    assert stream is not None, body[:80]
    dictionary = body[: stream.start() + 2]
    length = LENGTH.search(dictionary)
    content = body[stream.end() :]
    content = content[: int(length[1])] if length else content[: content.rfind(b"endstream")].rstrip(b"\r\n")
    return dictionary, content


def stream_object(dictionary: bytes, content: bytes) -> bytes:
    """Make a stream object of a dictionary and bytes, its /Length made right."""
    if LENGTH.search(dictionary):
        dictionary = LENGTH.sub(b"/Length %d" % len(content), dictionary, count=1)
    else:
        dictionary = dictionary[:-2] + b" /Length %d >>" % len(content)
    return dictionary + b"\nstream\n" + content + b"\nendstream"


def decoded(body: bytes) -> bytes:
    """The bytes of a stream object, undone from ASCII85 (as reportlab writes them) and inflated."""
    dictionary, content = stream_parts(body)
    if b"/ASCII85Decode" in dictionary:
        content = base64.a85decode(content.strip().removesuffix(b"~>"))
    return zlib.decompress(content) if b"/FlateDecode" in dictionary else content


def encoded(body: bytes, content: bytes) -> bytes:
    """The stream object `body` with new content, deflated again if it was (ASCII85 is left off)."""
    dictionary, _ = stream_parts(body)
    if b"/FlateDecode" in dictionary:
        content = zlib.compress(content)
        dictionary = FILTER.sub(b"/Filter /FlateDecode", dictionary)
    return stream_object(dictionary, content)


def written(
    objects: dict[int, bytes], trailer: bytes, header: bytes = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
) -> bytes:
    """Write a whole PDF: the objects in order, a cross-reference table that fits, the trailer."""
    out = bytearray(header)
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    size = max(objects) + 1
    table = bytearray(b"xref\n0 %d\n0000000000 65535 f \n" % size)
    for number in range(1, size):
        table += b"%010d 00000 n \n" % offsets[number] if number in offsets else b"0000000000 65535 f \n"
    trailer = re.sub(rb"/(?:Prev|XRefStm)\s+[0-9]+", b"", trailer)
    trailer = re.sub(rb"/Size\s+[0-9]+", b"/Size %d" % size, trailer)
    start = len(out)
    out += table + b"trailer\n" + trailer + b"\nstartxref\n%d\n%%%%EOF\n" % start
    return bytes(out)


def rewritten(data: bytes, edit: Callable[[dict[int, bytes]], None] = lambda _: None) -> bytes:
    """Take a PDF apart into its objects, let `edit` change them in place, and write it anew."""
    objects = pdf_objects(data)
    trailers = [trailer for trailer in TRAILER.findall(data) if b"/Root" in trailer]
    assert trailers, "no trailer"  # a linearized file has two: the first holds /Root
    edit(objects)
    linearized = [number for number, body in objects.items() if b"/Linearized" in body]
    for number in linearized:  # its hints would point at the old offsets
        del objects[number]
    return written(objects, trailers[-1], data[: data.index(b"\n", data.index(b"%PDF")) + 1])


def content_stream_numbers(data: bytes) -> list[int]:
    """The object numbers of every page's content streams, in the order the file lists pages' objects."""
    numbers: list[int] = []
    for body in pdf_objects(data).values():
        if re.search(rb"/Type\s*/Page\b", body):
            contents = CONTENTS.search(body)
            if contents is not None:
                numbers += [int(number) for number in REFERENCE.findall(contents[1])]
    return numbers


def with_content(data: bytes, edit: Callable[[bytes], bytes], page: int | None = None) -> bytes:
    """Edit the decoded content streams (of one page's, by its index in `content_stream_numbers`, or all)."""
    targets = content_stream_numbers(data)
    if page is not None:
        targets = [targets[page]]

    def change(objects: dict[int, bytes]) -> None:
        for number in targets:
            objects[number] = encoded(objects[number], edit(decoded(objects[number])))

    return rewritten(data, change)


# --- drawn files --------------------------------------------------------------------------------------


def drawn(
    *,
    encrypt: StandardEncryption | None = None,
    text: bool = True,
    pages: int = 1,
    line: str = "Vragen van het lid Kostić",
) -> bytes:
    """A PDF from reportlab: a line of text on each page, or only a filled box (as a scan draws its image)."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=True, encrypt=encrypt)
    for _ in range(pages):
        if text:
            canvas.drawString(72, 720, line)
        else:
            canvas.rect(72, 72, 450, 700, fill=1)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def typeset_with(source: Path, *replacements: tuple[str, str]) -> bytes:
    """Typeset a fixture's source with words replaced, each found exactly once."""
    text = source.read_text(encoding="utf-8")
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return typeset(text)


def zipped(data: bytes) -> bytes:
    """A zip archive holding one PDF, as a download of several files comes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("ah-tk-20232024-1999.pdf", date_time=(2024, 6, 7, 0, 0, 0)), data)
    return buffer.getvalue()


def without_pages() -> bytes:
    """A PDF whose page tree is empty."""
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: b"<< /Type /Pages /Kids [ ] /Count 0 >>"}
    return written(objects, b"<< /Size 3 /Root 1 0 R >>")


def xref_damaged(data: bytes) -> bytes:
    """Point `startxref` nowhere: the reader has to rebuild the cross-reference table."""
    start = data.rindex(b"startxref\n") + len(b"startxref\n")
    return edited(data, (data[start : start + 5], b"99999"))


def on_later_pages(data: bytes, old: bytes, new: bytes) -> bytes:
    """Replace bytes in the content streams of every page but the first (of ANSWER: the text, not the intro).

    "/F2 1 Tf" → "/F2 0 Tf" sets the body font of ah-tk-20232024-1786 at size 0, and "8.5266 0 0 8.5266" →
    "0.01 0 0 0.01" its text matrix at a hundredth of a point: most of the document then has no size.
    """
    for page in range(1, len(content_stream_numbers(data))):
        data = with_content(data, lambda content: content.replace(old, new), page=page)
    return data


def cut_short(data: bytes, page: int) -> bytes:
    """Cut a page's content stream in half, as a damaged stream ends early: the rest of the page is lost."""
    return with_content(data, lambda content: content[: len(content) // 2], page=page)


BAD_INPUTS: dict[str, Callable[[], bytes]] = {
    # No PDF, or no PDF to read.
    "empty": lambda: b"",
    "html": lambda: b"<!DOCTYPE html>\n<html><body><h1>404 Not Found</h1></body></html>\n",
    "zip": lambda: zipped(ONE_PAGE.read_bytes()),
    "truncated": lambda: ONE_PAGE.read_bytes()[:4000],
    "encrypted": lambda: drawn(encrypt=StandardEncryption("secret", ownerPassword="owner")),
    "no-pages": without_pages,
    "image-only": lambda: drawn(text=False),
    "sideways": lambda: edited(
        ONE_PAGE.read_bytes(),
        (b"/CropBox [ 18.425 35.433 576.85 806.457 ]", b"/CropBox [18.425 35.433 576.85 806.457]"),
        (b"/Rotate 0", b"/Rotate 90 "),
    ),
    "blank-pages": lambda: drawn(text=False, pages=600),
    "many-pages": lambda: drawn(pages=600, line=LETTER),
    "not-an-aanhangsel": lambda: drawn(line=LETTER),
    # An Aanhangsel, damaged: what can be read, with warnings.
    "xref-damaged": lambda: xref_damaged(ONE_PAGE.read_bytes()),
    "no-mediabox": lambda: rewritten(
        ANSWER.read_bytes(),
        lambda objects: objects.update({22: objects[22].replace(b"/MediaBox", b"/MediaBoy")}),
    ),
    "content-cut-short": lambda: cut_short(ANSWER.read_bytes(), page=5),
    "zero-font-size": lambda: on_later_pages(ANSWER.read_bytes(), b"/F2 1 Tf", b"/F2 0 Tf"),
    "tiny-font-size": lambda: on_later_pages(ANSWER.read_bytes(), b"8.5266 0 0 8.5266", b"0.01 0 0 0.01"),
    "label-30000000": lambda: typeset_with(TYPESET, ("Vraag 2\n", "Vraag 30000000\n")),
    "label-range-to-30000000": lambda: typeset_with(TYPESET, ("Vraag 2\n", "Vraag 2 t/m 30000000\n")),
    "footnote-0": lambda: typeset_with(TYPESET, ("@fn 1 ", "@fn 0 ")),
    "see-also-0": lambda: typeset_with(SEE_ALSO, ("nr 45", "nr 0")),
    "document-number-0": lambda: typeset_with(TYPESET, ("number: 1201", "number: 0")),
}
"""Every input of the bad-input set, by name, made when asked (some take a moment)."""


def write_bad_inputs(folder: Path) -> list[Path]:
    """Write every bad input to `folder` as NAME.pdf, with a named pipe and a file named in bytes not UTF-8.

    Returns the paths written.
    """
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, make in BAD_INPUTS.items():
        path = folder / f"{name}.pdf"
        path.write_bytes(make())
        paths.append(path)
    fifo = folder / "named-pipe.pdf"
    if hasattr(os, "mkfifo") and not fifo.exists():
        os.mkfifo(fifo)
    odd = folder / os.fsdecode(b"naam-\xff.pdf")
    odd.write_bytes(BAD_INPUTS["html"]())
    return [*paths, fifo, odd]


if __name__ == "__main__":
    for written_path in write_bad_inputs(Path(sys.argv[1])):
        print(written_path)  # noqa: T201  (the tool's output)
