"""Typeset a test document in the Aanhangsel layout with reportlab (a test-only tool).

The real documents are set in Univers by the government's publisher; this draws the same page: masthead
with rules, the bold document number, the intro, labels, raised footnote markers, the footnote zone under
a short rule, the id block in the left column and the running footer. Helvetica stands in for Univers.
Each line of the source is one printed line, so line breaks and hyphens are exactly as written.

Source format (see fixtures/*.txt):

    chamber: Tweede Kamer          header fields, then a line "---"
    session: 2025–2026
    number: 9999
    id: ah-tk-20252026-9999
    year: 2025
    ---
    Vragen van het lid *Van der Werf* (D66) aan …      body lines: *bold*, _italic_, ^1^ raised marker,
                                                        {c´} an accent drawn as a glyph of its own
                                                        an empty line is one line of white space
    1.<TAB>Alle producten …                             a tab jumps to the hanging indent
    @page                                               page break
    @fn 1 NRC, 2 oktober 2025, …                        footnote 1 at the foot of the current page
    @fn+ 2025/10/02/…                                   the next line of the footnote

Run `python tests/typeset.py fixtures/NAME.txt` to (re)build fixtures/NAME.pdf.
"""

from __future__ import annotations

import io
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

LEFT, BODY, RIGHT = 55.3, 221.1, 540.0
INDENT = 19.8
BODY_SIZE, PITCH = 8.5, 9.6
NOTE_SIZE, NOTE_PITCH = 6.9, 9.0
MARKER_SIZE, MARKER_RISE = 5.5, 3.5
NOTE_MARKER_SIZE, NOTE_MARKER_RISE = 4.5, 2.8
FIRST_BASELINE = {1: 332.9}
OTHER_PAGES_BASELINE = 71.0
FOOTNOTE_BOTTOM = 693.7
FONTS = {(False, False): "Helvetica", (True, False): "Helvetica-Bold", (False, True): "Helvetica-Oblique"}
SPLIT_ACCENT = re.compile(r"\{(?P<base>.)(?P<accent>.)\}|(?P<plain>[^{]+)")
INLINE = re.compile(r"\*(?P<bold>[^*]+)\*|_(?P<italic>[^_]+)_|\^(?P<marker>[^^]+)\^|(?P<plain>[^*_^]+)")


@dataclass
class Page:
    """What one page holds: body lines (None for white space) and footnote lines."""

    body: list[str | None] = field(default_factory=list)
    notes: list[tuple[str | None, str]] = field(default_factory=list)


def parse_source(text: str) -> tuple[dict[str, str], list[Page]]:
    """Split the source into header fields and pages."""
    header_text, _, body_text = text.partition("\n---\n")
    header = dict(
        line.split(": ", 1) for line in header_text.splitlines() if line and not line.startswith("#")
    )
    pages = [Page()]
    for line in body_text.splitlines():
        if line.startswith("#"):
            continue
        if line == "@page":
            pages.append(Page())
        elif line.startswith("@fn+ "):
            pages[-1].notes.append((None, line[5:]))
        elif line.startswith("@fn "):
            number, _, note = line[4:].partition(" ")
            pages[-1].notes.append((number, note))
        else:
            pages[-1].body.append(line or None)
    return header, pages


def draw_runs(canvas: Canvas, x: float, y: float, markup: str, size: float) -> float:
    """Draw one line of inline markup at a baseline, `y` measured from the top of the page.

    Returns where the line ends; a line that runs past the column's right edge is an error in the source.
    """
    height = A4[1]
    if "\t" in markup:
        head, tail = markup.split("\t", 1)
        draw_runs(canvas, x, y, head, size)
        return draw_runs(canvas, x + INDENT, y, tail, size)
    for match in INLINE.finditer(markup):
        bold, italic = match["bold"] is not None, match["italic"] is not None
        if match["marker"] is not None:
            marker_size = MARKER_SIZE if size == BODY_SIZE else NOTE_MARKER_SIZE
            rise = MARKER_RISE if size == BODY_SIZE else NOTE_MARKER_RISE
            canvas.setFont(FONTS[False, italic], marker_size)
            canvas.drawString(x, height - y + rise, match["marker"])
            x += stringWidth(match["marker"], "Helvetica", marker_size)
            continue
        text = match["bold"] or match["italic"] or match["plain"]
        x = draw_text(canvas, x, height - y, text, FONTS[bold, italic], size)
    if x > RIGHT + 0.5:
        message = f"line runs {x - RIGHT:.1f} pt past the right edge: {markup!r}"
        raise ValueError(message)
    return x


def draw_text(canvas: Canvas, x: float, y: float, text: str, font: str, size: float) -> float:
    """Draw text in one font; "{c´}" draws the accent as a glyph of its own over the letter, as some
    producers do ("Kostic´" in ah-tk-20232024-1314). Returns where the text ends."""
    canvas.setFont(font, size)
    for match in SPLIT_ACCENT.finditer(text):
        if match["plain"]:
            canvas.drawString(x, y, match["plain"])
            x += stringWidth(match["plain"], font, size)
            continue
        base_width = stringWidth(match["base"], font, size)
        accent_width = stringWidth(match["accent"], font, size)
        canvas.drawString(x, y, match["base"])
        canvas.drawString(x + (base_width - accent_width) / 2, y, match["accent"])
        x += base_width
    return x


def draw_masthead(canvas: Canvas, header: dict[str, str]) -> None:
    """Page 1 above the intro: chamber, its digit, rules, session, series title, document number."""
    height = A4[1]
    chamber = header["chamber"]
    canvas.setFont("Helvetica-Bold", 18.1)
    canvas.drawString(LEFT, height - 79.5, f"{chamber} der Staten-Generaal")
    canvas.setFont("Helvetica-Bold", 51.2)
    canvas.drawRightString(RIGHT, height - 101.7, "2" if chamber.startswith("Tweede") else "1")
    canvas.setLineWidth(0.5)
    for y in (121.0, 175.0):
        canvas.line(LEFT, height - y, RIGHT, height - y)
    canvas.setFont("Helvetica", 9.6)
    canvas.drawString(LEFT, height - 136.3, f"Vergaderjaar {header['session']}")
    canvas.setFont("Helvetica-Bold", 10.0)
    canvas.drawString(BODY, height - 136.5, "Aanhangsel van de Handelingen")
    canvas.setFont("Helvetica-Bold", 9.1)
    canvas.drawString(BODY, height - 193.1, "Vragen gesteld door de leden der Kamer, met de daarop door de")
    canvas.drawString(BODY, height - 202.7, "regering gegeven antwoorden")
    canvas.setFont("Helvetica-Bold", 12.8)
    canvas.drawString(BODY, height - 303.8, header["number"])


def draw_footer(canvas: Canvas, header: dict[str, str], page_number: int) -> None:
    """The running footer with the page number, and on page 1 the id block in the left column."""
    height = A4[1]
    chamber = header["chamber"]
    canvas.setFont("Helvetica", 9.1)
    canvas.drawString(BODY, height - 772.6, f"{chamber}, vergaderjaar {header['session']}, Aanhangsel")
    canvas.drawRightString(RIGHT, height - 772.6, str(page_number))
    if page_number == 1:
        canvas.setFont("Helvetica", 5.9)
        for y, text in (
            (759.7, header["id"]),
            (766.1, "ISSN 0921 - 7398"),
            (772.6, f"’s-Gravenhage {header['year']}"),
        ):
            canvas.drawString(LEFT, height - y, text)


def draw_notes(canvas: Canvas, notes: list[tuple[str | None, str]]) -> None:
    """The footnotes at the foot of a page, under a short rule."""
    height = A4[1]
    first = FOOTNOTE_BOTTOM - NOTE_PITCH * (len(notes) - 1)
    canvas.setLineWidth(0.5)
    canvas.line(BODY, height - (first - 11.0), BODY + 57.0, height - (first - 11.0))
    for index, (number, text) in enumerate(notes):
        y = first + NOTE_PITCH * index
        x = BODY + 6.2
        if number is not None:
            canvas.setFont("Helvetica", NOTE_MARKER_SIZE)
            canvas.drawString(BODY, height - y + NOTE_MARKER_RISE, number)
            x = max(x, BODY + stringWidth(number, "Helvetica", NOTE_MARKER_SIZE) + 3.4)
        draw_runs(canvas, x, y, text, NOTE_SIZE)


def build(source: Path, target: Path) -> None:
    """Typeset a source file into a PDF."""
    target.write_bytes(typeset(source.read_text(encoding="utf-8"), title=source.stem))


def typeset(text: str, title: str = "") -> bytes:
    """Typeset source text into a PDF's bytes, reproducibly (no dates or ids that change between runs)."""
    header, pages = parse_source(text)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=True)
    canvas.setTitle(header.get("id", title))
    for number, page in enumerate(pages, start=1):
        if number == 1:
            draw_masthead(canvas, header)
        y = FIRST_BASELINE.get(number, OTHER_PAGES_BASELINE)
        for line in page.body:
            if line is not None:
                draw_runs(canvas, BODY, y, line, BODY_SIZE)
            y += PITCH
        if page.notes:
            draw_notes(canvas, page.notes)
        draw_footer(canvas, header, number)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


if __name__ == "__main__":
    for name in sys.argv[1:]:
        path = Path(name)
        build(path, path.with_suffix(".pdf"))
