"""The record's text rules (shared spec RECORD.md, "Text rules") checked on every text of every fixture.

Each fixture PDF is parsed once. The golden test compares whole records; these tests say which rule a
change breaks, and they hold for any fixture added later without a reviewed golden record.
"""

from __future__ import annotations

import unicodedata
from functools import cache

import pytest
import regex

from aanhangsel import parse_pdf
from conftest import FIXTURES

PDFS = sorted(FIXTURES.glob("*.pdf"))
REAL = [pdf for pdf in PDFS if pdf.name.startswith("ah-tk-")]


@cache
def record_of(name: str):
    return parse_pdf(FIXTURES / name)


def texts_of(record, *, footnotes: bool = True) -> list[tuple[str, str]]:
    """Every text of a record that the text rules govern, with where it stands."""
    found = []
    if record.metadata.subject is not None:
        found.append(("subject", record.metadata.subject))
    found += [(f"Vraag {block.numbers}", block.text) for block in record.questions]
    found += [(f"Antwoord {block.numbers}", block.text) for block in record.answers]
    if record.mededeling is not None:
        found.append(("mededeling", record.mededeling.text))
    if footnotes:
        found += [(f"footnote {footnote.number}", footnote.text) for footnote in record.footnotes]
    return found


def by_name(pdfs):
    return pytest.mark.parametrize("pdf", pdfs, ids=lambda path: path.stem)


def test_there_are_fixtures_to_check():
    assert len(REAL) >= 16
    assert len(PDFS) > len(REAL)


# --- rule 6: no page furniture ----------------------------------------------------------------------

# Printed on every page or on page 1 only, never part of a text: the running footer, the masthead, the
# id/ISSN block. "Tweede Kamer, vergaderjaar 2017–2018, 26 485, nr. 267" is a real footnote (a citation
# of a Kamerstuk, ah-tk-20232024-1786 footnotes 4, 10, 11), so in footnotes only the running footer's
# own form, with ", Aanhangsel" after the session, counts as furniture.
RUNNING_FOOTER = regex.compile(r"(?:Tweede|Eerste) Kamer, vergaderjaar \d{4}\s*[–-]\s*\d{4}, Aanhangsel")
FURNITURE = (
    "ISSN",
    "’s-Gravenhage",
    "Aanhangsel van de Handelingen",
    "der Staten-Generaal",
    "Vragen gesteld door de leden der Kamer",
)
CHAMBER_SESSION = ("Tweede Kamer, vergaderjaar", "Eerste Kamer, vergaderjaar")


@by_name(PDFS)
def test_no_page_furniture_in_any_text(pdf):
    record = record_of(pdf.name)
    document_id = record.metadata.document_id or pdf.stem
    for where, text in texts_of(record):
        assert not RUNNING_FOOTER.search(text), (where, text)
        assert document_id not in text, (where, text)
        for furniture in FURNITURE:
            assert furniture not in text, (where, furniture, text)


@by_name(PDFS)
def test_no_chamber_and_session_line_outside_footnotes(pdf):
    for where, text in texts_of(record_of(pdf.name), footnotes=False):
        for furniture in CHAMBER_SESSION:
            assert furniture not in text, (where, furniture, text)


# --- rule 6: no labels ------------------------------------------------------------------------------

# A label or heading standing as a paragraph of its own: "Vraag 3", "Antwoord 3, 4 en 5",
# "Vraag 7, 8, 9 10 en 11", "Vragen 3 t/m 6", "Mededeling".
LABEL_PARAGRAPH = regex.compile(
    r"(?:Vraag|Vragen|Antwoord|Antwoorden)\s+\d{1,3}(?:\s*(?:,|en|t/m|–|-)?\s*\d{1,3})*\s*[:.]?"
    r"|Mededeling\s*[:.]?"
)
# A paragraph of nothing but a number: a page number or the document number.
NUMBER_PARAGRAPH = regex.compile(r"[\d\s]+")


@pytest.mark.parametrize(
    ("paragraph", "is_label"),
    [
        ("Vraag 3", True),
        ("Antwoord 3, 4 en 5", True),
        ("Vraag 7, 8, 9 10 en 11", True),
        ("Vragen 3 t/m 6", True),
        ("Mededeling", True),
        ("Vraag 3 is al beantwoord.", False),
        ("Mededeling van Minister De Jonge", False),
    ],
)
def test_label_paragraph_pattern(paragraph, is_label):
    assert bool(LABEL_PARAGRAPH.fullmatch(paragraph)) is is_label


@by_name(PDFS)
def test_no_label_or_bare_number_as_a_paragraph(pdf):
    for where, text in texts_of(record_of(pdf.name)):
        for paragraph in text.split("\n"):
            assert not LABEL_PARAGRAPH.fullmatch(paragraph), (where, paragraph)
            assert not NUMBER_PARAGRAPH.fullmatch(paragraph), (where, paragraph)


# --- rules 1, 2 and 5: characters and spacing -------------------------------------------------------

FORBIDDEN = {
    "(cid:": "an unmapped glyph",
    "\ufffd": "a replacement character",
    "\u00ad": "a soft hyphen",
    "  ": "a double space",
    "\t": "a tab",
    "\u00a0": "a no-break space",
}


@by_name(PDFS)
def test_texts_are_clean_nfc(pdf):
    for where, text in texts_of(record_of(pdf.name)):
        assert text, f"{where} is empty"
        assert unicodedata.is_normalized("NFC", text), where
        combining = [char for char in text if unicodedata.combining(char)]
        assert not combining, (where, [unicodedata.name(char) for char in combining])
        for forbidden, what in FORBIDDEN.items():
            assert forbidden not in text, f"{where} holds {what}: {text!r}"
        for paragraph in text.split("\n"):
            assert paragraph, f"{where} has an empty paragraph: {text!r}"
            assert paragraph == paragraph.strip(), (where, paragraph)


@by_name(PDFS)
def test_urls_are_whole(pdf):
    for footnote in record_of(pdf.name).footnotes:
        for url in footnote.urls:
            assert url in footnote.text
            assert " " not in url
            assert not url.endswith((".", ",", ";", "»", "’")), url
            assert url.count("(") >= url.count(")"), url


# --- rule 4: markers out of the text ----------------------------------------------------------------

# A footnote marker left in the text: 1–2 digits glued to the end of a lower-case word or to closing
# punctuation that follows a word, then a space, punctuation or the end ("Ends1?", "berichten?1, 2",
# "Rijksoverheid.3", "rampen»3"). Not flagged: codes that start with a capital ("M365", "CO2", "F3", "D66",
# "Kamerstukken II2015–16" as printed in ah-tk-20232024-1980 footnote 6), numbers ("1.1.1", "12,5%"),
# and web addresses, which are left out of the check word by word ("…/huisvesting_evacuees/b1").
GLUED_MARKER = regex.compile(r"(?:(?<=\p{Ll})|(?<=(?<!\d)[?!.»”)’]))\d{1,2}(?=[\s,.;:!?)»”’]|$)")


def glued_markers(text: str) -> list[str]:
    words = [word for word in text.split() if "/" not in word and "www." not in word]
    return [word for word in words if GLUED_MARKER.search(word)]


@pytest.mark.parametrize(
    ("text", "hits"),
    [
        ("destruction» van Both Ends1?", ["Ends1?"]),
        ("van Both Ends?1 Deelt u", ["Ends?1"]),
        ("Kick Out Zwarte Piet (KOZP)?1, 2 Bent u", ["(KOZP)?1,"]),
        ("vanuit burgers werd geïnitieerd?2", ["geïnitieerd?2"]),
        ("ontvangen van de Rijksoverheid.3 Wat", ["Rijksoverheid.3"]),
        ("«Leren van twee vuurwerkrampen»3 blijkt", ["vuurwerkrampen»3"]),
        ("een aanvalsplan7 voor de brandweer", ["aanvalsplan7"]),
        ("de «Overstap kantoorautomatisering naar M365».", []),
        ("CO2-uitstoot en CO2 in de lucht", []),
        ("professioneel vuurwerk (categorie F3 en F4)", []),
        ("het lid Van der Werf (D66) hierover", []),
        ("Kamerstukken II2015–16, 34 104, nr. 128.", []),
        ("als bedoeld in artikel 1.1.1, eerste lid (klasse 1.4)", []),
        ("meer dan 12,5% niet meer, 2025Z18684", []),
        ("www.internetconsultatie.nl/huisvesting_evacuees/b1", []),
    ],
)
def test_glued_marker_detector(text, hits):
    assert glued_markers(text) == hits


@by_name(PDFS)
def test_no_footnote_marker_left_in_a_text(pdf):
    for where, text in texts_of(record_of(pdf.name)):
        assert not glued_markers(text), (where, glued_markers(text))


@by_name(REAL)
def test_every_marker_has_its_footnote_and_every_footnote_a_marker(pdf):
    record = record_of(pdf.name)
    refs = {number for block in (*record.questions, *record.answers) for number in block.footnote_refs}
    if record.mededeling is not None:
        refs |= set(record.mededeling.footnote_refs)
    assert refs == {footnote.number for footnote in record.footnotes}


@by_name(REAL)
def test_footnotes_are_numbered_one_to_n(pdf):
    numbers = [footnote.number for footnote in record_of(pdf.name).footnotes]
    assert numbers == list(range(1, len(numbers) + 1))


@by_name(REAL)
def test_real_documents_parse_without_warnings(pdf):
    assert record_of(pdf.name).warnings == []
