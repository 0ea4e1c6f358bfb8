"""Both PDF readers give the same records, see the same glyphs and rules, and fail with one plain reason.

Damaged files are made from a real fixture by byte surgery that keeps every byte offset (so the damage is
the one we mean, not a broken cross-reference table), or drawn with reportlab (tests/badinputs.py).
"""

from __future__ import annotations

import gc
import io
import math
import subprocess
import sys

import pypdfium2
import pytest
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen.canvas import Canvas

import aanhangsel
from aanhangsel import ParseOptions, UnreadablePdfError, parse_pdf
from aanhangsel.models import record_json
from aanhangsel.pdf import READERS, has_text, open_pdf, pdfium, read_pdf
from aanhangsel.pdf.glyphs import Glyph, shown
from aanhangsel.source import load_pdf
from badinputs import ONE_PAGE, drawn, edited, xref_damaged
from conftest import FIXTURES

PDFS = sorted(FIXTURES.glob("*.pdf"))
# Real documents that between them have every kind of glyph: bullets without Unicode (1432), a euro sign
# in a font of its own (1984), an accent drawn apart (1314), the oldest producer (3235), six pages (1786).
VARIED = [FIXTURES / f"ah-tk-{case}.pdf" for case in ("20232024-1432", "20232024-1984", "20232024-1314")]
VARIED += [FIXTURES / f"ah-tk-{case}.pdf" for case in ("20202021-3235", "20232024-1786")]
DEFAULT, REFERENCE = READERS


def read(data: bytes, reader: str):
    return read_pdf(load_pdf(data, name="test.pdf"), reader)


def first_page(data: bytes, reader: str):
    """Page 1 as the reader reads it, unchecked."""
    with open_pdf(load_pdf(data, name="test.pdf"), reader) as opened:
        return opened.read_page(0)


def parse(data: bytes, reader: str):
    return parse_pdf(data, name="test.pdf", options=ParseOptions(reader=reader))


# --- the same records, glyphs and rules ---------------------------------------------------------------


def test_the_default_reader_is_pdfium_and_pdfplumber_the_reference():
    assert (DEFAULT, REFERENCE) == ("pypdfium2", "pdfplumber")
    assert ParseOptions().reader == DEFAULT


@pytest.mark.parametrize("pdf", PDFS, ids=lambda path: path.stem)
def test_both_readers_give_the_same_record(pdf):
    reference = record_json(parse_pdf(pdf, options=ParseOptions(reader=REFERENCE)))
    assert record_json(parse_pdf(pdf)) == reference


def visible(glyphs):
    """The glyphs that are not spaces: PDFium leaves out a space that ends a text object."""
    return [glyph for glyph in glyphs if not glyph.text.isspace()]


# Where pdfminer has no Unicode for a glyph, PDFium finds the bullet it is (ah-tk-20232024-1432 p. 3).
SAME_TEXT = {"(cid:129)": "•"}


def farthest(ours, theirs, fields: str) -> float:
    """The largest difference in any of the named fields between paired glyphs or rules."""
    names = fields.split()
    return max(
        (
            abs(getattr(a, name) - getattr(b, name))
            for a, b in zip(ours, theirs, strict=True)
            for name in names
        ),
        default=0.0,
    )


@pytest.mark.parametrize("pdf", VARIED, ids=lambda path: path.stem)
def test_both_readers_see_the_same_glyphs_and_rules(pdf):
    fast, reference = read(pdf.read_bytes(), DEFAULT), read(pdf.read_bytes(), REFERENCE)
    assert len(fast.pages) == len(reference.pages)
    for ours, theirs in zip(fast.pages, reference.pages, strict=True):
        assert (ours.width, ours.height) == (theirs.width, theirs.height)
        assert len(ours.rules) == len(theirs.rules)
        assert farthest(ours.rules, theirs.rules, "x0 x1 y") < 1e-3
        glyphs, expected = visible(ours.glyphs), visible(theirs.glyphs)
        assert [glyph.text for glyph in glyphs] == [
            SAME_TEXT.get(glyph.text, glyph.text) for glyph in expected
        ]
        assert [glyph.font for glyph in glyphs] == [glyph.font for glyph in expected]
        assert farthest(glyphs, expected, "x0 x1 baseline size") < 1e-3
        # The top hangs on the font's descent, which PDFium reads from the font program when the PDF's
        # own font descriptor is missing or odd (EuroSans in ah-tk-20232024-1984): 0.1 pt off.
        assert farthest(glyphs, expected, "top") < 0.15


@pytest.mark.parametrize("turn", [90, 180, 270])
def test_both_readers_turn_a_rotated_page_alike(turn):
    # /Rotate 180 shows the text upside down but upright in pdfminer's sense; at 90 and 270 it runs
    # sideways, and neither reader keeps it. Two spaces come out of the CropBox to make room.
    data = edited(
        ONE_PAGE.read_bytes(),
        (b"/CropBox [ 18.425 35.433 576.85 806.457 ]", b"/CropBox [18.425 35.433 576.85 806.457]"),
        (b"/Rotate 0", f"/Rotate {turn:<3}".encode()),
    )
    pages = [first_page(data, reader) for reader in READERS]
    assert {(page.width, page.height) for page in pages} == {
        (842.0, 595.0) if turn != 180 else (595.0, 842.0)
    }
    # Text set sideways is left out, and both readers count it alike.
    assert pages[0].left_out == pages[1].left_out == (0 if turn == 180 else 1363)
    placed = [sorted((g.baseline, g.x0, g.text) for g in visible(page.glyphs)) for page in pages]
    assert len(placed[0]) == len(placed[1])
    for (baseline, x0, text), expected in zip(*placed, strict=True):
        assert (baseline, x0) == pytest.approx(expected[:2], abs=1e-3)
        assert text == expected[2]
    assert bool(placed[0]) == (turn == 180)


# --- damaged files: one plain reason, never another exception ------------------------------------------


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "the file is empty"),
        (b"just some notes\n", "not a PDF (it does not start with %PDF)"),
        (ONE_PAGE.read_bytes()[:4000], "damaged PDF: "),
        (
            drawn(encrypt=StandardEncryption("secret", ownerPassword="owner")),
            "encrypted PDF (a password is needed)",
        ),
        (drawn(text=False), "page 1 has no text layer (a scan? run OCR first, e.g. ocrmypdf)"),
    ],
    ids=["empty", "not-a-pdf", "truncated", "encrypted", "scan"],
)
def test_an_unreadable_file_has_one_plain_reason(reader, data, reason):
    with pytest.raises(UnreadablePdfError) as raised:
        parse(data, reader)
    assert str(raised.value).startswith(reason)
    assert "\n" not in str(raised.value)


PAGE_BOX_DAMAGE = {
    "no-mediabox": (b"/MediaBox", b"/MediaBoy"),
    "mediabox-of-three-numbers": (b"/MediaBox [ 0 0 595 842 ]", b"/MediaBox [ 0 0 595     ]"),
    "rotate-as-a-name": (b"/Rotate 0", b"/Rotate/X"),
}


@pytest.mark.parametrize("damage", PAGE_BOX_DAMAGE.values(), ids=PAGE_BOX_DAMAGE.keys())
def test_a_page_box_pdfplumber_cannot_read_is_a_plain_reason(damage):
    with pytest.raises(
        UnreadablePdfError, match=r"^damaged PDF: a page's MediaBox, CropBox or /Rotate cannot"
    ):
        parse(edited(ONE_PAGE.read_bytes(), damage), REFERENCE)


@pytest.mark.parametrize("damage", PAGE_BOX_DAMAGE.values(), ids=PAGE_BOX_DAMAGE.keys())
def test_pdfium_reads_around_a_damaged_page_box(damage):
    # PDFium falls back on the page's bounding box (or US Letter, as pdfminer would): the text still reads.
    record = parse(edited(ONE_PAGE.read_bytes(), damage), DEFAULT)
    golden = parse_pdf(ONE_PAGE)
    assert record.questions == golden.questions
    assert record.metadata == golden.metadata


def test_pdfminer_complaints_become_warnings_not_stderr_lines(capsys):
    # The cross-reference entry of the information dictionary is garbled: pdfminer logs it and reads on.
    data = edited(ONE_PAGE.read_bytes(), (b"0000000074 00000 n", b"000000007X 00000 n"))
    record = parse(data, REFERENCE)
    assert record.warnings[0] == (
        "the PDF's structure is damaged: Not adding object 2 to xref because position b'000000007X' or "
        "generation number b'00000' cannot be parsed as an int"
    )
    assert record.questions == parse_pdf(ONE_PAGE).questions
    assert capsys.readouterr().err == ""


def form_with_rule_and_text_of_no_size() -> bytes:
    """A page whose rule and a text set at size 0 are drawn in a form XObject, placed 50 pt up."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=True)
    canvas.drawString(72, 720, "Vragen van het lid Kostic")
    canvas.beginForm("furniture")
    canvas.rect(72, 100, 150, 0.5, fill=1, stroke=0)  # a thin filled box: a rule
    hidden = canvas.beginText(72, 300)
    hidden.setFont("Helvetica", 0)
    hidden.textOut("onzichtbaar")
    canvas.drawText(hidden)
    canvas.endForm()
    canvas.translate(0, 50)
    canvas.doForm("furniture")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


@pytest.mark.parametrize("reader", READERS)
def test_a_form_is_opened_up_for_its_rules_and_its_text_of_no_size(reader):
    (page,) = read(form_with_rule_and_text_of_no_size(), reader).pages
    # The rule's top edge, 150.5 pt up the page, is 841.89 - 150.5 from the top of the A4 page.
    assert [(rule.x0, rule.x1, round(rule.y, 2)) for rule in page.rules] == [(72.0, 222.0, 691.39)]
    assert page.left_out > 0  # the text of no size is told of, not read
    assert [glyph.text for glyph in visible(page.glyphs)] == list("VragenvanhetlidKostic")


def text_of_a_tiny_size() -> bytes:
    """A page with a line of text at 10 pt and one at a twentieth of a point, less than `MIN_SIZE`."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=True)
    canvas.drawString(72, 720, "Vragen van het lid Kostic")
    tiny = canvas.beginText(72, 700)
    tiny.setFont("Helvetica", 0.05)
    tiny.textOut("te klein")
    canvas.drawText(tiny)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


@pytest.mark.parametrize("reader", READERS)
def test_text_smaller_than_the_least_size_is_left_out_and_counted(reader):
    page = first_page(text_of_a_tiny_size(), reader)
    assert "".join(glyph.text for glyph in page.glyphs) == "Vragen van het lid Kostic"
    assert page.left_out == len("teklein")  # its letters, not its space


def test_pdfium_leaves_out_a_character_placed_nowhere(monkeypatch):
    # No PDF we could write makes PDFium place a character at an infinity or NaN (it drops characters set
    # with a huge matrix), so its answer for one character is changed: "K" of "Kostic" is placed at NaN.
    data = text_of_a_tiny_size()
    document = pypdfium2.PdfDocument(data)
    letter = document[0].get_textpage().get_text_range().index("K")
    document.close()
    ask = pdfium._char_origin  # noqa: SLF001  (the one call this test changes)

    def placed_nowhere(handle, index, x, y):
        found = ask(handle, index, x, y)
        if index == letter:
            x._obj.value = math.nan  # noqa: SLF001  (`x` is `byref(c_double)`: `_obj`, the double)
        return found

    monkeypatch.setattr(pdfium, "_char_origin", placed_nowhere)
    page = first_page(data, DEFAULT)
    assert "".join(glyph.text for glyph in page.glyphs) == "Vragen van het lid ostic"
    assert page.left_out == 1 + len("teklein")


def test_glyphs_of_no_size_or_placed_nowhere_are_not_shown():
    def glyph(text: str, x0: float = 72.0, size: float = 10.0, baseline: float = 100.0) -> Glyph:
        return Glyph(text, x0, x0 + 5.0, baseline - size, baseline, size, "Helvetica")

    usual = (glyph("a"), glyph("b", x0=77.0))
    assert shown(usual) == (usual, 0)
    hidden = (
        glyph("c", size=0.05),
        glyph("d", x0=math.nan),
        glyph(" ", baseline=math.inf),
        glyph("e", x0=-math.inf),
    )
    assert shown(usual + hidden) == (usual, 3)  # the space is left out, not counted


def test_pdfium_says_when_it_had_to_rebuild_the_cross_reference_table():
    record = parse(xref_damaged(ONE_PAGE.read_bytes()), DEFAULT)
    assert record.warnings[0] == "the PDF's structure is damaged: its cross-reference table had to be rebuilt"
    assert record.answers == parse_pdf(ONE_PAGE).answers


@pytest.mark.parametrize("reader", READERS)
def test_a_page_without_text_is_recognisable_after_reading(reader):
    page = first_page(drawn(text=False), reader)
    assert page.glyphs == ()
    assert not has_text(page.glyphs)
    assert page.left_out == 0


def test_an_unknown_reader_is_a_value_error():
    with pytest.raises(ValueError, match="unknown reader 'mupdf'; choose one of pypdfium2, pdfplumber"):
        read(ONE_PAGE.read_bytes(), "mupdf")


# --- the process around a parse -------------------------------------------------------------------------


@pytest.mark.parametrize("enabled", [True, False], ids=["collector-on", "collector-off"])
def test_a_parse_leaves_the_cycle_collector_as_it_found_it(enabled):
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        parse_pdf(ONE_PAGE)
        with pytest.raises(UnreadablePdfError):
            parse(b"%PDF-1.4 nothing else", DEFAULT)
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


# --- start-up ----------------------------------------------------------------------------------------


def imported_after(code: str) -> set[str]:
    """Which heavy modules a fresh Python has imported after running `code`."""
    heavy = ("pydantic", "pdfplumber", "pdfminer", "pypdfium2", "importlib.metadata", "rich", "typer")
    check = f"{code}\nimport sys\nprint(' '.join(m for m in {heavy!r} if m in sys.modules))"
    command = [sys.executable, "-c", check]
    result = subprocess.run(command, capture_output=True, text=True, check=True)  # noqa: S603  (our own code)
    return set(result.stdout.split())


def test_importing_the_package_and_reading_its_version_loads_nothing_heavy():
    assert imported_after("import aanhangsel\naanhangsel.__version__") == set()


def test_parsing_imports_the_reader_it_uses_and_no_other():
    loaded = imported_after(f"import aanhangsel\naanhangsel.parse_pdf({str(ONE_PAGE)!r})")
    assert "pypdfium2" in loaded
    assert not loaded & {"pdfplumber", "pdfminer"}


def test_the_version_is_the_one_the_package_is_installed_with():
    from importlib.metadata import version  # noqa: PLC0415  (the package itself must not import it)

    assert aanhangsel.__version__ == version("aanhangsel")
