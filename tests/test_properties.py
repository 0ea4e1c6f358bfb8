"""Hypothesis properties: records round-trip through JSON; the layout and text stages take anything.

"Anything" means random lines and glyph soups: texts with hyphens, URLs, digits, accents and any Unicode,
at random positions and sizes. The stages may refuse a document only with our own errors.
"""

from __future__ import annotations

import json
import string
import unicodedata
from collections import Counter

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from aanhangsel import models
from aanhangsel.errors import AanhangselError
from aanhangsel.hyphenation import Vocabulary
from aanhangsel.layout import Line, Run, Zone, document_to_layout, page_to_lines
from aanhangsel.models import record_json
from aanhangsel.parse import sections_to_metadata, sections_to_texts, texts_to_record
from aanhangsel.pdf import Glyph, Page, PdfDocument, Rule
from aanhangsel.sections import layout_to_sections
from aanhangsel.text import TextContext, lines_to_text
from builders import LEFT, glyphs

FAST = settings(max_examples=200, deadline=None)
QUICK = settings(max_examples=100, deadline=None)

# --- records ----------------------------------------------------------------------------------------

texts = st.text(max_size=30)
names = st.text(min_size=1, max_size=20)
small_ints = st.integers(min_value=1, max_value=10_000)
sessions = st.integers(min_value=1800, max_value=2998).map(lambda year: f"{year}-{year + 1}")
dates = st.dates()

sources = st.builds(
    models.Source,
    file=names,
    sha256=st.from_regex(r"[0-9a-f]{64}", fullmatch=True),
    pages=small_ints,
    url=st.none() | texts,
)
ministries = st.builds(models.Ministry, name=names, abbreviation=st.none() | names)
found_ins = st.builds(
    models.FoundIn,
    part=st.sampled_from(["question", "answer", "footnote", "mededeling"]),
    numbers=st.lists(small_ints, max_size=3),
)
references = st.builds(
    models.Reference,
    kind=st.sampled_from(
        [
            "kamerstuk",
            "aanhangsel",
            "handelingen",
            "staatsblad",
            "staatscourant",
            "kamervraag",
            "web",
            "domain",
        ]
    ),
    id=st.none() | texts,
    url=st.none() | texts,
    text=texts,
    found_in=found_ins,
    role=st.sampled_from([None, "own", "cited"]),
)
questioners = st.builds(models.Questioner, name=names, party=st.none() | names)
respondents = st.builds(
    models.Respondent,
    role=names,
    name=st.none() | names,
    department=st.none() | texts,
    portfolio=st.none() | texts,
    ministry=st.none() | ministries,
)
see_alsos = st.builds(models.SeeAlso, session=sessions, number=small_ints)
metadatas = st.builds(
    models.Metadata,
    document_id=st.none() | texts,
    chamber=st.sampled_from([None, "Tweede Kamer", "Eerste Kamer"]),
    session=st.none() | sessions,
    number=st.none() | small_ints,
    kind=st.sampled_from(["answer", "mededeling"]),
    questioners=st.lists(questioners, max_size=4),
    addressees=st.lists(texts, max_size=3),
    addressee_ministries=st.lists(ministries, max_size=3),
    subject=st.none() | texts,
    submitted_on=st.none() | dates,
    respondent=st.none() | respondents,
    co_respondents=st.lists(texts, max_size=3),
    co_respondent_ministries=st.lists(ministries, max_size=3),
    received_on=st.none() | dates,
    days_to_answer=st.none() | st.integers(min_value=-100_000, max_value=100_000),
    answer_term_days=st.none() | small_ints,
    answered_late=st.none() | st.booleans(),
    days_late=st.none() | small_ints,
    see_also=st.lists(see_alsos, max_size=3),
    kamervraag_numbers=st.lists(st.from_regex(r"20\d{2}Z\d{5}", fullmatch=True), max_size=3),
)
blocks = st.builds(
    models.Block,
    numbers=st.lists(small_ints, min_size=1, max_size=4),
    text=texts,
    footnote_refs=st.lists(small_ints, max_size=4),
    page=small_ints,
)
footnotes = st.builds(
    models.Footnote,
    number=small_ints,
    text=texts,
    urls=st.lists(texts, max_size=2),
    page=small_ints,
    cited_in=st.lists(found_ins, max_size=2),
)
mededelingen = st.builds(
    models.Mededeling,
    text=texts,
    footnote_refs=st.lists(small_ints, max_size=4),
    reason=st.sampled_from([None, "postponed", "answered_by_letter", "other"]),
    letter_kamerstuk=st.none() | texts,
)
records = st.builds(
    models.Record,
    source=sources,
    metadata=metadatas,
    questions=st.lists(blocks, max_size=3),
    answers=st.lists(blocks, max_size=3),
    footnotes=st.lists(footnotes, max_size=3),
    mededeling=st.none() | mededelingen,
    references=st.lists(references, max_size=3),
    warnings=st.lists(texts, max_size=3),
)

RECORD_KEYS = [
    "schema_version",
    "source",
    "metadata",
    "questions",
    "answers",
    "footnotes",
    "mededeling",
    "references",
    "warnings",
]

# A \uXXXX escape in JSON text that is not itself an escaped backslash.
UNICODE_ESCAPE = regex.compile(r"(?<!\\)(?:\\\\)*\\u([0-9a-fA-F]{4})")


def strings_in(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)


@FAST
@given(records)
def test_record_round_trips_through_json(record):
    dumped = record_json(record)
    assert models.Record.model_validate_json(dumped) == record
    assert record_json(models.Record.model_validate_json(dumped)) == dumped


@FAST
@given(records)
def test_record_json_is_utf8_with_letters_unescaped(record):
    dumped = record_json(record)
    parsed = json.loads(dumped.encode("utf-8"))
    assert list(parsed) == RECORD_KEYS
    assert parsed == record.model_dump(mode="json")
    for text in strings_in(parsed):
        for char in text:
            if ord(char) > 127 and unicodedata.category(char).startswith("L"):
                assert char in dumped
    # Only control characters, which JSON cannot carry raw, may be escaped.
    assert all(int(code, 16) < 0x20 for code in UNICODE_ESCAPE.findall(dumped))


def test_record_json_keeps_dutch_letters_as_printed():
    record = models.Record(
        source=models.Source(file="ah-tk-20232024-1949.pdf", sha256="0" * 64, pages=1),
        metadata=models.Metadata(
            document_id="ah-tk-20232024-1949",
            chamber="Tweede Kamer",
            session="2023-2024",
            number=1949,
            kind="answer",
            questioners=[models.Questioner(name="Kostić", party="PvdD")],
            addressees=["Minister van Justitie en Veiligheid"],
            subject="«Tieners (13 en 14) weer vrijgelaten» – een reactie",
            submitted_on=None,
            respondent=models.Respondent(role="Minister", name="Yeşilgöz-Zegerius", department="Financiën"),
            co_respondents=[],
            received_on=None,
            days_to_answer=None,
            see_also=[],
            kamervraag_numbers=[],
        ),
        questions=[],
        answers=[],
        footnotes=[],
        mededeling=None,
        warnings=[],
    )
    dumped = record_json(record)
    for printed in (
        "Kostić",
        "Yeşilgöz-Zegerius",
        "Financiën",
        "«Tieners (13 en 14) weer vrijgelaten» – een",
    ):
        assert printed in dumped
    assert "\\u" not in dumped
    assert dumped.endswith("}\n")


# --- lines to text ----------------------------------------------------------------------------------

# Pieces the documents break lines at: hyphens of each kind, URL parts, list markers, sentence ends.
FRAGMENTS = [
    "https://",
    "www.movisie.nl/sites/",
    "regiopurmerend.nl/2024/05/03/tieners-",
    "%202022.pdf",
    "detail?id=2022D25169&did=2022D25169)",
    "~bc49ab66/).",
    "gecompen-",
    "seerd.",
    "(GroenLinks-",
    "PvdA)",
    "aanloop-",
    "en",
    "ge-",
    "evalueerd",
    "geëvalueerd",
    "zee-",
    "eend",
    "2000-",
    "•",
    "1.",
    "–",
    "-",
    "\u00ad",
    "\u2010",
    "?",
    "».",
    "Kostić",
    "Yeşilgöz",
    "M365",
    "CO2",
]
# Letters, digits and punctuation of the documents, in NFC, without white space.
ALPHABET = string.ascii_letters + string.digits + "-–/.:?!,;()«»’%#~_=&" + "äëïöüéèçćşßĳ€" + "\u00ad\u2010•"

curated_words = st.one_of(st.sampled_from(FRAGMENTS), st.text(alphabet=ALPHABET, min_size=1, max_size=12))
any_words = st.one_of(curated_words, st.text(min_size=1, max_size=12))
markers = st.lists(st.integers(min_value=1, max_value=999), min_size=1, max_size=3).map(
    lambda numbers: ", ".join(map(str, numbers))
)


@st.composite
def lines(draw, words=curated_words):
    """A line of random runs at random places: words, and now and then a raised marker."""
    size = draw(st.floats(min_value=1.0, max_value=30.0))
    x = draw(st.floats(min_value=0.0, max_value=600.0))
    runs = []
    for index in range(draw(st.integers(min_value=1, max_value=8))):
        raised = draw(st.booleans()) and draw(st.booleans())
        text = draw(markers) if raised else draw(words)
        x += draw(st.floats(min_value=0.0, max_value=50.0)) if index else 0.0
        width = draw(st.floats(min_value=0.1, max_value=120.0))
        space_before = index > 0 and draw(st.booleans())
        bold, italic = draw(st.booleans()), draw(st.booleans())
        runs.append(Run(text, x, x + width, bold, italic, raised, space_before))
        x += width
    baseline = draw(st.floats(min_value=0.0, max_value=842.0))
    return Line(
        page=draw(st.integers(min_value=1, max_value=3)),
        baseline=baseline,
        top=baseline - size,
        x0=runs[0].x0,
        x1=runs[-1].x1,
        size=size,
        runs=tuple(runs),
        zone=Zone.BODY,
    )


@st.composite
def contexts(draw, some_lines):
    return TextContext(
        body_right=draw(st.floats(min_value=0.0, max_value=1000.0)),
        space_width=draw(st.floats(min_value=0.1, max_value=10.0)),
        body_size=draw(st.floats(min_value=1.0, max_value=30.0)),
        vocabulary=Vocabulary(
            [*(line.text for line in some_lines), *draw(st.lists(curated_words, max_size=5))]
        ),
    )


def check_paragraphs(text: str) -> None:
    if not text:
        return
    for paragraph in text.split("\n"):
        assert paragraph, f"empty paragraph in {text!r}"
        assert paragraph == paragraph.strip(), paragraph
        assert "  " not in paragraph, paragraph
        assert all(char == " " or not char.isspace() for char in paragraph), paragraph
        assert unicodedata.is_normalized("NFC", paragraph)


def alphanumerics(text: str) -> Counter[str]:
    return Counter(char for char in text if char.isalnum())


@FAST
@given(st.data(), st.lists(lines(), max_size=8))
def test_lines_to_text_keeps_every_letter_and_marker(data, some_lines):
    context = data.draw(contexts(some_lines))
    text = lines_to_text(some_lines, context)
    check_paragraphs(text.text)
    # Nothing but white space and line-end hyphens is ever taken out; a restored trema swaps a letter.
    assert sum(alphanumerics(text.text).values()) == sum(
        sum(alphanumerics(line.text).values()) for line in some_lines
    )
    assert text.footnote_refs == tuple(number for line in some_lines for number in line.markers)
    # Every marker has a place in the text, in order.
    assert len(text.marker_offsets) == len(text.footnote_refs)
    assert list(text.marker_offsets) == sorted(text.marker_offsets)
    assert all(0 <= offset <= len(text.text) for offset in text.marker_offsets)


@FAST
@given(st.data(), st.lists(lines(words=any_words), max_size=8))
def test_lines_to_text_takes_any_unicode(data, some_lines):
    context = data.draw(contexts(some_lines))
    text = lines_to_text(some_lines, context)
    check_paragraphs(text.text)
    assert len(text.marker_offsets) == len(text.footnote_refs)
    assert all(0 <= offset <= len(text.text) for offset in text.marker_offsets)


# --- glyphs to lines --------------------------------------------------------------------------------

# Characters a PDF hands over: letters, digits, spacing accents, spaces, bullets and an unmapped glyph.
SOUP_TEXTS = [
    *"aAbcCeEinosSuzZ0123456789",
    *"\u00b4\u00b8\u00a8`^~\u02c6\u02dc\u02c7",
    " ",
    "\u00a0",
    *"?.,-–«»•\uf0b7·",
    "(cid:129)",
]
FONTS = ["Univers", "Univers-Black", "Univers-Oblique", "Helvetica-Bold", "Symbol"]
# The sizes of the documents: footnote number, marker, footnote text, body text.
DOCUMENT_SIZES = st.sampled_from([4.49, 5.49, 6.93, 8.5])
FOOTNOTE_SIZES = st.sampled_from([4.49, 5.49, 6.93])
ANY_SIZE = st.floats(min_value=1.0, max_value=40.0)


@st.composite
def soups(draw, sizes=DOCUMENT_SIZES, max_glyphs=60, top=5.0, bottom=840.0):
    """Glyphs anywhere on an A4 page, in any order."""
    drawn = []
    for _ in range(draw(st.integers(min_value=0, max_value=max_glyphs))):
        size = draw(sizes)
        x0 = draw(st.floats(min_value=0.0, max_value=590.0))
        baseline = draw(st.floats(min_value=top, max_value=bottom))
        width = draw(st.floats(min_value=0.1, max_value=15.0))
        text = draw(st.sampled_from(SOUP_TEXTS))
        drawn.append(
            Glyph(text, x0, x0 + width, baseline - 0.72 * size, baseline, size, draw(st.sampled_from(FONTS)))
        )
    return drawn


@st.composite
def clustered_soups(draw, sizes=DOCUMENT_SIZES):
    """Glyphs on a few nearby baselines and columns, so that markers, accents and gaps meet."""
    baselines = draw(st.lists(st.floats(min_value=100.0, max_value=110.0), min_size=1, max_size=4))
    drawn = []
    x = LEFT
    for _ in range(draw(st.integers(min_value=1, max_value=40))):
        size = draw(sizes)
        baseline = draw(st.sampled_from(baselines))
        x += draw(st.floats(min_value=-3.0, max_value=20.0))
        width = draw(st.floats(min_value=0.1, max_value=8.0))
        text = draw(st.sampled_from(SOUP_TEXTS))
        drawn.append(
            Glyph(text, x, x + width, baseline - 0.72 * size, baseline, size, draw(st.sampled_from(FONTS)))
        )
    return drawn


def ascii_alnum(text: str) -> Counter[str]:
    return Counter(char for char in unicodedata.normalize("NFD", text) if char.isascii() and char.isalnum())


def check_lines(drawn: list[Glyph], found: list[Line]) -> None:
    visible = [glyph for glyph in drawn if not glyph.text.isspace()]
    assert len(found) <= len(visible)
    assert bool(found) == bool(visible)
    assert found == sorted(found, key=lambda line: (line.baseline, line.x0))
    for line in found:
        assert line.runs
        assert line.zone in {Zone.BODY, Zone.MARGIN}
        assert all(run.text and not any(char.isspace() for char in run.text) for run in line.runs)
        assert "  " not in line.text
        assert line.text == line.text.strip()
        assert "(cid:" not in line.text
    # Every letter and digit drawn is in some run; accents combine onto letters, which NFD undoes.
    expected = Counter(glyph.text for glyph in drawn if len(glyph.text) == 1 and glyph.text.isascii())
    expected = Counter({char: count for char, count in expected.items() if char.isalnum()})
    assert ascii_alnum("".join(run.text for line in found for run in line.runs)) == expected


@FAST
@given(soups())
def test_page_to_lines_takes_any_glyph_soup(drawn):
    page = Page(1, 595.0, 842.0, tuple(drawn), ())
    check_lines(drawn, page_to_lines(page, LEFT))


@FAST
@given(clustered_soups())
def test_page_to_lines_takes_crowded_lines(drawn):
    page = Page(1, 595.0, 842.0, tuple(drawn), ())
    check_lines(drawn, page_to_lines(page, LEFT))


# A 10 pt line, a 7 pt line 3 pt below it and a 5 pt line 2.5 pt below that: a small group hanging on a
# group that is itself folded into a line (see test_layout.py).
CHAIN = glyphs("Kop", LEFT, 100.0, 10.0) + glyphs("sub", LEFT, 103.0, 7.0) + glyphs("x", LEFT, 105.5, 5.0)


@FAST
@given(clustered_soups(sizes=ANY_SIZE))
@example(CHAIN)
def test_page_to_lines_takes_any_sizes(drawn):
    page = Page(1, 595.0, 842.0, tuple(drawn), ())
    check_lines(drawn, page_to_lines(page, LEFT))


# --- the whole text pipeline on a soup --------------------------------------------------------------

# An intro, labels and a footnote under the short rule, so that every stage has something to cut.
SKELETON = [
    ("1786", 303.76, 12.79, "Univers-Black"),
    ("Vragen van het lid Kostić (PvdD) aan de Minister van Financiën over", 332.87, 8.5, "Univers"),
    ("de baggersector (ingezonden 4 april 2024).", 342.45, 8.5, "Univers"),
    ("Vraag 1", 361.61, 8.5, "Univers"),
    ("Antwoord 1", 450.0, 8.5, "Univers"),
    ("1", 691.0, 4.49, "Univers"),
]
FOOTNOTE = glyphs("https://www.bothends.org/en/", 227.34, 693.75, 6.93)
FOOTNOTE_RULE = Rule(221.102, 277.795, 682.341)


# Found by this property: glyphs at the column's edge turn both labels into plain text, so the intro runs
# to the end and there is nothing to cut into blocks (`_cut_blocks` once raised ValueError on that).
NO_LABELS = [
    Glyph("a", 0.0, 1.0, 357.7672, 361.0, 4.49, "Univers"),
    Glyph("a", 0.0, 1.0, 0.88, 7.0, 8.5, "Univers"),
    Glyph("a", 0.0, 1.0, -1.12, 5.0, 8.5, "Univers"),
    Glyph("a", 0.0, 1.0, 442.88, 449.0, 8.5, "Univers"),
]


@QUICK
@given(
    soups(max_glyphs=60, bottom=670.0),
    soups(sizes=FOOTNOTE_SIZES, max_glyphs=20, top=690.0),
    st.lists(st.floats(min_value=0.0, max_value=842.0), max_size=2),
)
@example(NO_LABELS, [], [])
def test_the_stages_after_the_reader_raise_only_our_errors(body, foot, rule_heights):
    skeleton = [
        glyph for text, baseline, size, font in SKELETON for glyph in glyphs(text, LEFT, baseline, size, font)
    ]
    rules = (FOOTNOTE_RULE, *(Rule(LEFT, LEFT + 56.7, y) for y in rule_heights))
    page = Page(1, 595.0, 842.0, tuple(skeleton + FOOTNOTE + body + foot), rules)
    document = PdfDocument("soup.pdf", "0" * 64, (page,))
    layout = document_to_layout(document)
    try:
        sections = layout_to_sections(layout)
    except AanhangselError:
        return
    texts = [line for line in layout.lines if line.zone in {Zone.BODY, Zone.FOOTNOTES}]
    parts = sections_to_texts(sections, TextContext.from_layout(layout, texts))
    metadata, warnings = sections_to_metadata(sections, parts.intro, layout)
    record = texts_to_record(document, metadata, parts, warnings)
    for block in (*record.questions, *record.answers):
        check_paragraphs(block.text)
    for footnote in record.footnotes:
        check_paragraphs(footnote.text)
    assert models.Record.model_validate_json(record_json(record)) == record
