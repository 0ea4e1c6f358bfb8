"""Citations become references: one table per form, the own/cited kamervraag rule, footnote citations."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from aanhangsel import patterns
from aanhangsel.models import Block, FoundIn, Mededeling, Record
from aanhangsel.references import Context, footnote_citations, official_url, text_to_references
from conftest import FIXTURES

ANSWER = FoundIn(part="answer", numbers=[3])
TK = Context(chamber="Tweede Kamer")
TWO = "ah-tk-20142015"  # entries of the Tweede Kamer in 2014–2015


def found(text, context=TK):
    """Return (kind, id, url, text) for every reference in `text`."""
    return [(ref.kind, ref.id, ref.url, ref.text) for ref in text_to_references(text, ANSWER, context)]


def kst(id_):
    return f"https://zoek.officielebekendmakingen.nl/{id_}.html"


@pytest.mark.parametrize(
    ("citation", "ids"),
    [
        ("Kamerstuk 29 383, nr. 406", ["kst-29383-406"]),
        ("Kamerstukken II 2024/25, 31 066, nr. 1512", ["kst-31066-1512"]),
        ("Kamerstukken II, 2024/25, 31 066, nr. 1512", ["kst-31066-1512"]),
        ("Kamerstukken II2015–16, 34 104, nr. 128", ["kst-34104-128"]),
        ("Kamerstukken II 2023–34, 23 235, nr. 240", ["kst-23235-240"]),  # a typo in the session: no matter
        ("Tweede Kamer, vergaderjaar 2022–2023, 26 485, nr. 424", ["kst-26485-424"]),
        ("TK 2023/24, 31 839, nr. 1024", ["kst-31839-1024"]),
        ("Kamerstuk 36 410 VIII, nr. 106", ["kst-36410-VIII-106"]),
        ("Kamerstuk 21 501-02, nr. 2498", ["kst-21501-02-2498"]),
        ("Kamerstuk 29 383, nrs. 406 en 407", ["kst-29383-406", "kst-29383-407"]),
    ],
)
def test_kamerstukken(citation, ids):
    assert found(f"Zie ({citation}), d.d. 14 juli 2023.") == [("kamerstuk", i, kst(i), citation) for i in ids]


def test_a_kamerstuk_in_short_in_parentheses():
    text = "een brief over Ambtelijke analyses hoofdlijnenakkoord (36 471-64) op 7 juni 2024."
    assert found(text) == [("kamerstuk", "kst-36471-64", kst("kst-36471-64"), "36 471-64")]


@pytest.mark.parametrize("text", ["Kamerstuk 29 383 is het dossier.", "tussen 12 500 en 13 000, nr. 4"])
def test_no_kamerstuk_without_a_document_number(text):
    assert found(text) == []


@pytest.mark.parametrize(
    ("citation", "chamber", "ids"),
    [
        ("Aanhangsel Handelingen, vergaderjaar 2022–2023, nr. 844", "Tweede Kamer", ["ah-tk-20222023-844"]),
        ("Aanhangsel Handelingen II 2022/23, nr. 844", "Eerste Kamer", ["ah-tk-20222023-844"]),
        ("Aanhangsel Handelingen I 2022/23, nr. 12", "Tweede Kamer", ["ah-ek-20222023-12"]),
        ("Aanhangsel Handelingen, 2014–2015, nrs. 40 en 4", "Tweede Kamer", [f"{TWO}-40", f"{TWO}-4"]),
        ("ah-tk-20232024-1843", "Tweede Kamer", ["ah-tk-20232024-1843"]),
    ],
)  # fmt: skip
def test_aanhangsel_entries(citation, chamber, ids):
    assert found(f"Zie {citation}.", Context(chamber=chamber)) == [
        ("aanhangsel", i, kst(i), citation) for i in ids
    ]


@pytest.mark.parametrize(
    ("citation", "chamber"),
    [
        ("Aanhangsel Handelingen, vergaderjaar 2022–2024, nr. 844", "Tweede Kamer"),  # years do not follow
        ("Aanhangsel Handelingen, vergaderjaar 2022–2023, nr. 844", None),  # whose chamber?
    ],
)
def test_an_aanhangsel_entry_forms_no_id_from_what_is_not_printed(citation, chamber):
    assert found(citation, Context(chamber=chamber)) == [("aanhangsel", None, None, citation)]


@pytest.mark.parametrize(
    ("citation", "id_", "url"),
    [
        ("Handelingen II 2023/24, nr. 45, item 12", "h-tk-20232024-45-12", kst("h-tk-20232024-45-12")),
        ("Handelingen I 2022/23, nr. 30, item 7", "h-ek-20222023-30-7", kst("h-ek-20222023-30-7")),
        ("Handelingen II 2023/24, nr. 45", "h-tk-20232024-45", None),  # the sitting; no item, no page
        ("Handelingen II 2008/09, blz. 1234", None, None),
    ],
)
def test_handelingen(citation, id_, url):
    assert found(f"Zie {citation}.") == [("handelingen", id_, url, citation)]


@pytest.mark.parametrize(
    ("citation", "kind", "id_"),
    [
        ("Staatsblad 2020, 118", "staatsblad", "stb-2020-118"),
        ("Stb. 2020, 118", "staatsblad", "stb-2020-118"),
        ("Stb. 2020/118", "staatsblad", "stb-2020-118"),
        ("Staatscourant 2023, 12345", "staatscourant", "stcrt-2023-12345"),
        ("Stcrt. 2023, nr. 12345", "staatscourant", "stcrt-2023-12345"),
    ],
)
def test_staatsblad_and_staatscourant(citation, kind, id_):
    assert found(f"is bepaald op 2% ({citation}).") == [(kind, id_, kst(id_), citation)]


def test_an_abbreviation_in_capitals_is_no_staatsblad():
    assert found("een melding bij de Stichting Tuchtrecht Banken (STB).") == []


@pytest.mark.parametrize(
    ("text", "citation", "address"),
    [
        ("https://www.bothends.org/en/Whats-new/", "https://www.bothends.org/en/Whats-new/", None),
        ("De Volkskrant (www.volkskrant.nl/a~bc49ab66/)", "www.volkskrant.nl/a~bc49ab66/", "https://"),
        ("(regiopurmerend.nl/2024/05/03/tieners/).", "regiopurmerend.nl/2024/05/03/tieners/", "https://"),
        ("Te raadplegen via https://www.oecd.org/", "https://www.oecd.org/", None),
    ],
)
def test_web_addresses_get_a_scheme_when_printed_without(text, citation, address):
    expected = f"{address or ''}{citation}"
    assert found(text) == [("web", expected, expected, citation)]


@pytest.mark.parametrize(
    ("text", "citation"),
    [
        ("«Why it matters» (forbes.com)", "forbes.com"),
        ("Rapport | Rijksoverheid.nl", "Rijksoverheid.nl"),
        ("NRC.nl, 26 juni 2024", "NRC.nl"),
        ("via de website cultuursubsidie.nl, de kamerbrief", "cultuursubsidie.nl"),
    ],
)
def test_a_bare_domain_named_as_a_source(text, citation):
    assert found(text) == [("domain", citation.lower(), None, citation)]


@pytest.mark.parametrize("text", ["mail info@voorbeeld.nl", "d.d. 1 maart, o.a. de provincie"])
def test_no_domain_in_an_email_address_or_an_abbreviation(text):
    assert found(text) == []


def test_a_citation_inside_an_address_is_part_of_the_address():
    text = "https://www.tweedekamer.nl/kamerstukken/kamervragen/detail?id=2025Z18684&did=x.nl"
    assert [kind for kind, *_ in found(text)] == ["web"]


def test_a_footnote_with_a_kamerstuk_and_its_address_gives_both_in_printed_order():
    text = (
        "Kamerstuk 21 501-02, nr. 2498 (https://www.tweedekamer.nl/kamerstukken/moties/detail?id=2022D25169)"
    )
    assert [kind for kind, *_ in found(text)] == ["kamerstuk", "web"]


# --- kamervraag numbers: own or cited ----------------------------------------------------------------

MEDEDELING = (
    "Op 2 oktober jl. heb ik uw Kamer geïnformeerd over de «Overstap kantoorautomatisering naar M365». Op 3 "
    "oktober heeft het lid Van der Werf (D66) hierover vragen gesteld (2025Z18684). Ook de leden Kathmann "
    "(GroenLinks-PvdA) en Six Dijkstra (NSC) stelden hierover op 7 oktober vragen (2025Z18778)."
)
OWN = Context(chamber="Tweede Kamer", questioners=("Van der Werf",), submitted_on=dt.date(2025, 10, 3))
KAT = Context(chamber="Tweede Kamer", questioners=("Kat",))


@pytest.mark.parametrize(
    ("text", "context", "roles"),
    [
        (MEDEDELING, OWN, [("2025Z18684", "own"), ("2025Z18778", "cited")]),
        # The name alone, the date alone: either makes the number the document's own.
        ("Het lid Van der Werf heeft vragen gesteld (2025Z18684).", OWN, [("2025Z18684", "own")]),
        ("De vragen van 3 oktober 2025 (2025Z18684).", OWN, [("2025Z18684", "own")]),
        # A name must stand whole: "Kat" is not in "Kathmann".
        ("De leden Kathmann en anderen (2025Z18778).", KAT, [("2025Z18778", "cited")]),
        ("waar ook de leefgebieden liggen (zie ook 2024Z15012).", OWN, [("2024Z15012", "cited")]),
        ("Zie 2024Z15012 en 2024Z15013.", OWN, [("2024Z15012", "cited"), ("2024Z15013", "cited")]),
    ],
)  # fmt: skip
def test_a_kamervraag_number_is_own_when_its_sentence_names_a_questioner_or_the_date(text, context, roles):
    references = text_to_references(text, FoundIn(part="mededeling", numbers=[]), context)
    assert [(ref.id, ref.role) for ref in references] == roles
    assert all(ref.kind == "kamervraag" for ref in references)
    assert references[0].url == f"https://www.tweedekamer.nl/kamerstukken/kamervragen/detail?id={roles[0][0]}"


def test_only_kamervraag_numbers_have_a_role():
    assert {
        ref.role for ref in text_to_references("Kamerstuk 29 383, nr. 406 (forbes.com)", ANSWER, OWN)
    } == {None}


# --- footnotes and the document itself ----------------------------------------------------------------


def block(numbers, refs):
    return Block(numbers=numbers, text="", footnote_refs=refs, page=1)


def test_a_footnote_is_cited_in_every_block_whose_markers_point_to_it():
    questions = [block([1], [1, 2]), block([2, 3], [2])]
    answers = [block([2, 3], [2, 2])]
    mededeling = Mededeling(text="", footnote_refs=[2])
    assert footnote_citations(2, questions, answers, mededeling) == [
        FoundIn(part="question", numbers=[1]),
        FoundIn(part="question", numbers=[2, 3]),
        FoundIn(part="answer", numbers=[2, 3]),
        FoundIn(part="mededeling", numbers=[]),
    ]
    assert footnote_citations(3, questions, answers, mededeling) == []


@pytest.mark.parametrize(
    ("publication_id", "url"),
    [
        ("ah-tk-20232024-1786", "https://zoek.officielebekendmakingen.nl/ah-tk-20232024-1786.html"),
        ("ah-ek-20242025-37", "https://zoek.officielebekendmakingen.nl/ah-ek-20242025-37.html"),
        (None, None),
        ("2025Z18684", None),
    ],
)
def test_the_official_page_of_a_publication(publication_id, url):
    assert official_url(publication_id) == url


# --- on every fixture -----------------------------------------------------------------------------------

RECORDS = [
    Record.model_validate_json(path.read_text(encoding="utf-8")) for path in sorted(FIXTURES.glob("*.json"))
]


def texts_of(record, found_in):
    parts = {
        "question": {tuple(b.numbers): b.text for b in record.questions},
        "answer": {tuple(b.numbers): b.text for b in record.answers},
        "footnote": {(f.number,): f.text for f in record.footnotes},
        "mededeling": {(): record.mededeling.text if record.mededeling else ""},
    }
    return parts[found_in.part][tuple(found_in.numbers)]


@pytest.mark.parametrize("record", RECORDS, ids=lambda record: record.source.file)
def test_every_reference_text_stands_in_the_part_it_names(record):
    for reference in record.references:
        assert reference.text in texts_of(record, reference.found_in)


@pytest.mark.parametrize("record", RECORDS, ids=lambda record: record.source.file)
def test_every_footnote_cited_in_names_blocks_that_carry_its_marker(record):
    for footnote in record.footnotes:
        for found_in in footnote.cited_in:
            blocks = {"question": record.questions, "answer": record.answers}.get(found_in.part)
            refs = (
                record.mededeling.footnote_refs
                if blocks is None and record.mededeling
                else next(b.footnote_refs for b in blocks or [] if b.numbers == found_in.numbers)
            )
            assert footnote.number in refs


def test_the_fixtures_cite_every_form_the_corpus_prints():
    kinds = {reference.kind for record in RECORDS for reference in record.references}
    assert kinds == {"kamerstuk", "staatsblad", "kamervraag", "web", "domain"}


def test_a_footnote_and_its_references_agree_on_the_web_addresses():
    for record in RECORDS:
        for footnote in record.footnotes:
            web = [
                ref.text
                for ref in record.references
                if ref.kind == "web" and ref.found_in == FoundIn(part="footnote", numbers=[footnote.number])
            ]
            assert web == footnote.urls, json.dumps(footnote.model_dump(), ensure_ascii=False)


def test_the_mededeling_comes_before_the_footnotes():
    record = next(record for record in RECORDS if record.source.file == "ah-tk-20232024-1999.pdf")
    assert [(ref.kind, ref.found_in.part) for ref in record.references] == [
        ("kamerstuk", "mededeling"),
        ("web", "footnote"),
    ]


# --- any text ------------------------------------------------------------------------------------------

CITATION_PIECES = st.sampled_from(
    ["Kamerstuk", "Kamerstukken II", " 29 383", ", nr. ", "406", "(36 471-64)", "Stb. 2020, 118",
     "2025Z18684", "Aanhangsel Handelingen, vergaderjaar 2022–2023", "Handelingen II 2023/24", "www.",
     "nos.nl", "/a", "https://", " ", ".", "(", ")", "–", "«", "Van der Werf", "3 oktober"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(CITATION_PIECES | st.text(max_size=5), max_size=12).map("".join))
@example("Kamerstuk 29 383, nr. 406 (https://x.nl/2025Z18684) nos.nl")
def test_any_text_gives_references_that_stand_in_it(text):
    for reference in text_to_references(text, ANSWER, OWN):
        assert reference.text
        assert reference.text in text
        assert (reference.role is not None) == (reference.kind == "kamervraag")


# --- the quick test before the address patterns ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "may"),
    [
        ("zie https://www.rijksoverheid.nl/documenten", True),
        ("WWW.NOS.NL/artikel", True),
        ("regiopurmerend.nl/2024/05/03/tieners-", True),
        ("Wie ontvingen – ontvangers (rijksfinancien.nl)", True),
        ("NRC.nl, 26 juni 2024", True),
        ("gulhifalhu.mv", True),
        ("Ik ben bekend met het bericht. Het kabinet deelt die zorg.", False),
        ("", False),
    ],
)
def test_may_hold_address_tells_prose_from_text_with_an_address(text, may):
    assert patterns.may_hold_address(text) is may


ADDRESSY = st.text(alphabet="abcnlomwWN.:/-() ", max_size=40)


@given(st.one_of(ADDRESSY, st.text(max_size=40)))
@example("x.de/")
@example("http://a")
def test_may_hold_address_never_hides_an_address_or_a_domain(text):
    if patterns.URL.search(text) or patterns.DOMAIN.search(text):
        assert patterns.may_hold_address(text)
