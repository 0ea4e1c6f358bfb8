"""Lines to text on hand-built lines: paragraphs, list items, table rows, line-end hyphens, URLs, markers.

The lines are set in the Tweede Kamer's column (221.1 to 540.0 pt, 8.5 pt text, 2.37 pt spaces), every
character 4.505 pt wide (`builders.advance`), so each test says exactly where a line ends. Texts and
expected results are copied from the real documents' records (fixtures/*.json).
"""

from __future__ import annotations

import pytest

from aanhangsel.hyphenation import Vocabulary
from aanhangsel.text import TextContext, find_urls, is_list_item, join_lines, lines_to_text
from builders import (
    BULLET_INDENT,
    FOOTNOTE_SIZE,
    HANGING_INDENT,
    LEFT,
    SPACE,
    advance,
    footnote_continuation,
    footnote_line,
    item_line,
    row_line,
    text_line,
)

RIGHT = 540.0
FULL = 539.0
"""Where a full line ends."""


def context(*words: str) -> TextContext:
    return TextContext(body_right=RIGHT, space_width=SPACE, body_size=8.5, vocabulary=Vocabulary(words))


def to_text(lines, *extra_words):
    """Join lines the way the parser does: the vocabulary comes from the document's own lines."""
    return lines_to_text(lines, context(*(line.text for line in lines), *extra_words))


# "Deelt" would need this much room at the end of the line before it: its width and a word space.
DEELT_NEEDS = 5 * advance() + SPACE
FITS = RIGHT - DEELT_NEEDS - 1.0
"""A line ending here leaves room for "Deelt" with 1 pt to spare."""
TOO_CLOSE = RIGHT - DEELT_NEEDS + 1.0
"""A line ending here is 1 pt too close to the column's edge for "Deelt"."""

# ah-tk-20232024-2367 Vraag 3–6.
QUESTION = "inzage van gegevens gewoon mogelijk was, maar dat dit niet is gebeurd?"
NEXT = "Deelt u de opvatting dat Bunq-bank zelf ook een verantwoordelijkheid heeft,"
GUILLEMET = "De minister schreef: «Er is zorgvuldig en volgens de regels gehandeld.»"
TUMBA = "Meldingen Tumba, kenniscentrum discriminatie en diversiteit, over de jaren 2021, 2022 en"

PARAGRAPH_CASES = {
    "sentence ends and the next word would have fitted": (
        [text_line(QUESTION, x1=FITS), text_line(NEXT)],
        f"{QUESTION}\n{NEXT}",
    ),
    "sentence ends but the next word would not have fitted": (
        # As printed: the line ends at 521.47, too close for "Deelt"; the reader's record differs here.
        [text_line(QUESTION, x1=TOO_CLOSE), text_line(NEXT)],
        f"{QUESTION} {NEXT}",
    ),
    "sentence ends in a closing guillemet": (
        [text_line(GUILLEMET, x1=FITS), text_line(NEXT)],
        f"{GUILLEMET}\n{NEXT}",
    ),
    "short line in mid-sentence": (
        [
            text_line("Uw ministeries en Atradius DSB schrijven in reactie"),  # ends at 440
            text_line("op het rapport zich niet te herkennen."),
        ],
        "Uw ministeries en Atradius DSB schrijven in reactie op het rapport zich niet te herkennen.",
    ),
    "full line in mid-sentence": (
        [
            text_line("Grootschalige infrastructuur en baggerprojecten kunnen ook zeer negatieve", x1=FULL),
            text_line("effecten voor mens, dier en milieu opleveren."),
        ],
        (
            "Grootschalige infrastructuur en baggerprojecten kunnen ook zeer negatieve effecten voor mens, "
            "dier en "
            "milieu opleveren."
        ),
    ),
    "bullet items after a line in mid-sentence": (
        # ah-tk-20232024-1432 p. 3: "•" at 221.1, the item's text at 235.28.
        [
            text_line("Subsidieaanvragen worden beoordeeld op de volgende criteria van de regeling", x1=FULL),
            item_line("•", "Artistieke en/of inhoudelijke kwaliteit", indent=BULLET_INDENT),
            item_line("•", "Maatschappelijke betekenis", indent=BULLET_INDENT),
            item_line("•", "Toegankelijkheid", indent=BULLET_INDENT),
        ],
        (
            "Subsidieaanvragen worden beoordeeld op de volgende criteria van de regeling\n"
            "• Artistieke en/of inhoudelijke kwaliteit\n• Maatschappelijke betekenis\n• Toegankelijkheid"
        ),
    ),
    "text after a short bullet item": (
        [
            item_line("•", "Geografische spreiding", indent=BULLET_INDENT),
            text_line("Deze criteria zijn vastgelegd in de regeling."),
        ],
        "• Geografische spreiding\nDeze criteria zijn vastgelegd in de regeling.",
    ),
    "numbered items with hanging-indent continuations, then back from the indent": (
        # ah-tk-20232024-1771 p. 2: "1." at 221.1, the item's text and its next lines at 240.94.
        [
            item_line("1.", "Alle producten met een «screamer» effect (fluitend geluid) niet meer", x1=530.9),
            text_line("in gaasverpakking vervoeren en/of opslaan.", x0=HANGING_INDENT),
            item_line("2.", "Alle producten met «whirl» effect (ronddraaiend effect) niet meer in", x1=FULL),
            text_line(
                "gaasverpakking vervoeren en/of opslaan, ongeacht welk type gaasver-", x0=HANGING_INDENT
            ),
            text_line("pakking.", x0=HANGING_INDENT),
            text_line("Het aanwijzen van deze producten vergt een wijziging van de regeling."),
        ],
        (
            "1. Alle producten met een «screamer» effect (fluitend geluid) niet meer in gaasverpakking "
            "vervoeren en/of opslaan.\n"
            "2. Alle producten met «whirl» effect (ronddraaiend effect) niet meer in gaasverpakking "
            "vervoeren en/of opslaan, ongeacht welk type gaasverpakking.\n"
            "Het aanwijzen van deze producten vergt een wijziging van de regeling."
        ),
    ),
    "dashed items with a tab": (
        # ah-tk-20232024-1292: "–" then a tab, "woningzoekenden die …" at the hanging indent.
        [
            text_line("Het gaat om de volgende groepen die in aanmerking komen voor een woning", x1=FULL),
            item_line(
                "–", "woningzoekenden die urgent een woning nodig hebben in de eigen regio of", x1=FULL
            ),
            text_line("binnen de gemeente;", x0=HANGING_INDENT),
            item_line("–", "evacués uit Oekraïne."),
        ],
        (
            "Het gaat om de volgende groepen die in aanmerking komen voor een woning\n"
            "– woningzoekenden die urgent een woning nodig hebben in de eigen regio of binnen de gemeente;\n"
            "– evacués uit Oekraïne."
        ),
    ),
    "a number with an ordinary space is no list item": (
        [
            text_line("Deze regels gelden voor alle producten die genoemd worden onder het punt", x1=FULL),
            text_line("2. van de bijlage bij de regeling."),
        ],
        (
            "Deze regels gelden voor alle producten die genoemd worden onder het punt 2. van de bijlage bij "
            "de "
            "regeling."
        ),
    ),
    "smaller type after body text": (
        [
            text_line("In onderstaande tabel staan de meldingen per jaar en per grond die bij de", x1=FULL),
            text_line("Meldingen Tumba, kenniscentrum discriminatie en diversiteit", size=FOOTNOTE_SIZE),
        ],
        (
            "In onderstaande tabel staan de meldingen per jaar en per grond die bij de\n"
            "Meldingen Tumba, kenniscentrum discriminatie en diversiteit"
        ),
    ),
    "table rows are paragraphs, cells single-spaced": (
        # ah-tk-20232024-1314 p. 2: cells at 221.1, 367.18 and 446.91.
        [
            text_line(TUMBA, size=FOOTNOTE_SIZE, x1=FULL),
            row_line([(LEFT, "Grond"), (314.46, "Meldingen in 2021"), (394.19, "Meldingen in 2022")]),
            row_line([(LEFT, "Seksuele gerichtheid"), (367.18, "66"), (446.91, "73")]),
            row_line([(LEFT, "TOTAAL"), (367.18, "12"), (446.91, "17")]),
            text_line("naar politieagenten zijn ook meegenomen in de cijfers", size=FOOTNOTE_SIZE),
        ],
        (
            f"{TUMBA}\nGrond Meldingen in 2021 Meldingen in 2022\n"
            "Seksuele gerichtheid 66 73\nTOTAAL 12 17\nnaar politieagenten zijn ook meegenomen in de cijfers"
        ),
    ),
}


@pytest.mark.parametrize(("lines", "expected"), PARAGRAPH_CASES.values(), ids=PARAGRAPH_CASES.keys())
def test_paragraphs(lines, expected):
    assert to_text(lines).text == expected


# Where a nested item's text starts: its marker at the outer item's hanging indent, then a tab.
NESTED_INDENT = HANGING_INDENT + 14.18
LEAD = "De commissie beveelt het kabinet aan om meer te doen aan vroege"
"""A lead's first line, full: "signalering" would not fit after it (it ends at 501.2)."""

# Paragraphs inside list items (made-up texts in the shape of the real ones): the item's lead ends where
# one of its lines ends short, sentence or not; the lines under it follow the body's paragraph rule.
LIST_ITEM_CASES = {
    "the lead ends at a short line in mid-sentence, each paragraph under it is its own": (
        [
            item_line("1.", LEAD),
            text_line("signalering van schulden", x0=HANGING_INDENT),
            text_line("Een stabiel inkomen is de basis. Toch hebben veel huishoudens met", x0=HANGING_INDENT),
            text_line(
                "betalingsachterstanden nooit een brief van hun gemeente gehad. Zij", x0=HANGING_INDENT
            ),
            text_line("worden pas gestuurd over deze regeling.", x0=HANGING_INDENT),
            text_line(
                "Een goed voorbeeld is de aanpak in Zwolle, waar de gemeente zelf belt.", x0=HANGING_INDENT
            ),
            item_line("2.", "De commissie vraagt om een evaluatie."),
        ],
        (
            "1. De commissie beveelt het kabinet aan om meer te doen aan vroege signalering van schulden\n"
            "Een stabiel inkomen is de basis. Toch hebben veel huishoudens met betalingsachterstanden nooit "
            "een brief van hun gemeente gehad. Zij worden pas gestuurd over deze regeling.\n"
            "Een goed voorbeeld is de aanpak in Zwolle, waar de gemeente zelf belt.\n"
            "2. De commissie vraagt om een evaluatie."
        ),
    ),
    "a full line ending a sentence does not end the lead": (
        [
            item_line(
                "1.", "Het kabinet heeft in 2024 de regeling voor vroegsignalering verbeterd.", x1=FULL
            ),
            text_line("Gemeenten krijgen daarvoor extra geld", x0=HANGING_INDENT),
            text_line("Zij kunnen dat zelf besteden.", x0=HANGING_INDENT),
        ],
        (
            "1. Het kabinet heeft in 2024 de regeling voor vroegsignalering verbeterd. Gemeenten krijgen "
            "daarvoor extra geld\nZij kunnen dat zelf besteden."
        ),
    ),
    "under the lead, a short line in mid-sentence continues its paragraph": (
        [
            item_line("1.", LEAD),
            text_line("signalering van schulden", x0=HANGING_INDENT),
            text_line("Een stabiel inkomen is de basis voor", x0=HANGING_INDENT),
            text_line("een leven zonder schulden.", x0=HANGING_INDENT),
        ],
        (
            "1. De commissie beveelt het kabinet aan om meer te doen aan vroege signalering van schulden\n"
            "Een stabiel inkomen is de basis voor een leven zonder schulden."
        ),
    ),
    "a bullet whose lead is a title": (
        [
            item_line("•", "«FINDR (Financial Inclusion and Debt Research Programme)»", indent=BULLET_INDENT),
            text_line("Dit project onderzoekt hoe huishoudens met problematische schulden", x0=BULLET_INDENT),
            text_line("de weg naar hulp vinden. Het loopt tot eind 2026.", x0=BULLET_INDENT),
            item_line("•", "«SAFE (Schulden, Armoede en Financiële Educatie)»", indent=BULLET_INDENT),
        ],
        (
            "• «FINDR (Financial Inclusion and Debt Research Programme)»\n"
            "Dit project onderzoekt hoe huishoudens met problematische schulden de weg naar hulp vinden. "
            "Het loopt tot eind 2026.\n"
            "• «SAFE (Schulden, Armoede en Financiële Educatie)»"
        ),
    ),
    "lettered items whose lead is a question": (
        [
            item_line("a.", "Hoe vaak wordt de regeling door gemeenten gebruikt?"),
            text_line("In 2024 maakten 212 gemeenten gebruik van de regeling.", x0=HANGING_INDENT),
            item_line("b.", "Welke gemeenten doen dat niet?"),
        ],
        (
            "a. Hoe vaak wordt de regeling door gemeenten gebruikt?\n"
            "In 2024 maakten 212 gemeenten gebruik van de regeling.\n"
            "b. Welke gemeenten doen dat niet?"
        ),
    ),
    "a lead ending in a colon, nested items, then back to the item's indent and to the column": (
        [
            item_line("1.", "De gemeente vraagt drie dingen:"),
            item_line("–", "een overzicht van alle schulden;", at=HANGING_INDENT, indent=NESTED_INDENT),
            item_line(
                "–",
                "een bewijs van inkomen over de afgelopen maanden, met de loonstroken",
                at=HANGING_INDENT,
                indent=NESTED_INDENT,
                x1=FULL,
            ),
            text_line("of de uitkeringsspecificaties;", x0=NESTED_INDENT),
            text_line("Daarna volgt een gesprek.", x0=HANGING_INDENT),
            text_line("De aanvraag wordt binnen acht weken beoordeeld."),
        ],
        (
            "1. De gemeente vraagt drie dingen:\n– een overzicht van alle schulden;\n"
            "– een bewijs van inkomen over de afgelopen maanden, met de loonstroken of de "
            "uitkeringsspecificaties;\n"
            "Daarna volgt een gesprek.\nDe aanvraag wordt binnen acht weken beoordeeld."
        ),
    ),
}


@pytest.mark.parametrize(("lines", "expected"), LIST_ITEM_CASES.values(), ids=LIST_ITEM_CASES.keys())
def test_paragraphs_in_list_items(lines, expected):
    assert to_text(lines).text == expected


def test_the_list_item_measures_are_what_the_cases_assume():
    room = RIGHT - SPACE
    assert item_line("1.", LEAD).x1 + text_line("signalering").first_word_width > room
    assert text_line("signalering van schulden", x0=HANGING_INDENT).x1 + 3 * advance() < room


def test_the_paragraph_measures_are_what_the_cases_assume():
    # The cases above rest on these widths: guard them against a change of builder.
    assert text_line(NEXT).first_word_width == pytest.approx(5 * advance())
    assert text_line(QUESTION, x1=FITS).x1 == pytest.approx(FITS)
    assert text_line(QUESTION, x1=TOO_CLOSE).x1 == pytest.approx(TOO_CLOSE)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (item_line("•", "Toegankelijkheid", indent=BULLET_INDENT), True),
        (item_line("1.", "Alle producten"), True),
        (item_line("a)", "de eerste grond"), True),
        (item_line("a.", "Hoe vaak wordt de regeling gebruikt?"), True),
        (item_line("–", "een overzicht", at=HANGING_INDENT, indent=HANGING_INDENT + 14.18), True),
        (item_line("–", "woningzoekenden die"), True),
        (text_line("1. Alle producten"), False),
        (text_line("– zo staat het in de brief"), False),
        (text_line("Toegankelijkheid en spreiding"), False),
        (item_line("Grond", "Meldingen in 2021"), False),
    ],
    ids=lambda value: getattr(value, "text", value),
)
def test_is_list_item(line, expected):
    assert is_list_item(line) is expected


# --- line-end hyphens -------------------------------------------------------------------------------

HYPHEN_CASES = {
    "typesetter's break removed": (
        # ah-tk-20232024-1786 Antwoord 2.
        "Negatieve neveneffecten moeten worden voorkomen, beperkt of gecompen-",
        "seerd. Het kabinet verwacht ook van Nederlandse bedrijven",
        (
            "Negatieve neveneffecten moeten worden voorkomen, beperkt of gecompenseerd. Het kabinet verwacht "
            "ook van Nederlandse bedrijven"
        ),
    ),
    "soft hyphen at the break removed": (
        "Negatieve neveneffecten moeten worden voorkomen, beperkt of gecompen\u00ad",
        "seerd.",
        "Negatieve neveneffecten moeten worden voorkomen, beperkt of gecompenseerd.",
    ),
    "Unicode hyphen at the break removed": (
        "daarnaast alleen mogelijk nadat een uitgebreide milieu- en sociale beoorde\u2010",
        "ling heeft plaatsgevonden",
        "daarnaast alleen mogelijk nadat een uitgebreide milieu- en sociale beoordeling heeft plaatsgevonden",
    ),
    "hyphen of a party name kept": (
        "Vragen van de leden Hirsch (GroenLinks-",
        "PvdA) en Teunissen (PvdA) aan de",
        "Vragen van de leden Hirsch (GroenLinks-PvdA) en Teunissen (PvdA) aan de",
    ),
    "hyphen for a left-out word part keeps its space": (
        "De installaties hebben last van aanloop-",
        "en volloopverliezen bij het opstarten.",
        "De installaties hebben last van aanloop- en volloopverliezen bij het opstarten.",
    ),
    "prefix written with a hyphen kept": (
        "Het gaat om de niet-",
        "werkende partner.",
        "Het gaat om de niet-werkende partner.",
    ),
    "lower-case abbreviation kept": (
        "De cliënt werd opgenomen in een ggz-",
        "instelling in de regio.",
        "De cliënt werd opgenomen in een ggz-instelling in de regio.",
    ),
    "digit before the hyphen kept": (
        "Het betreft een Natura 2000-",
        "gebied in Friesland.",
        "Het betreft een Natura 2000-gebied in Friesland.",
    ),
    "hyphen after a name of several words kept": (
        "Het kabinet volgt de Raad van State: ook het nieuwe Raad van State-",
        "advies komt in mei.",
        "Het kabinet volgt de Raad van State: ook het nieuwe Raad van State-advies komt in mei.",
    ),
    "vowels that would merge kept": (
        "In het gebied broedt de zee-",
        "eend niet meer.",
        "In het gebied broedt de zee-eend niet meer.",
    ),
}


@pytest.mark.parametrize(("first", "second", "expected"), HYPHEN_CASES.values(), ids=HYPHEN_CASES.keys())
def test_line_end_hyphens(first, second, expected):
    text = to_text([text_line(first), text_line(second)])
    assert text.text == expected
    assert len(text.hyphens) == 1


def test_hyphen_decisions_say_what_happened():
    lines = [
        text_line("Negatieve neveneffecten moeten worden voorkomen, beperkt of gecompen-"),
        text_line("seerd. Vragen van de leden Hirsch (GroenLinks-", page=2),
        text_line("PvdA) en Teunissen (PvdA) aan de", page=2),
    ]
    decisions = to_text(lines).hyphens
    assert [(d.page, d.left, d.right, d.joined, d.kept) for d in decisions] == [
        (1, "gecompen-", "seerd.", "gecompenseerd.", False),
        (2, "(GroenLinks-", "PvdA)", "(GroenLinks-PvdA)", True),
    ]
    assert [decision.line for decision in decisions] == lines[:2]  # the lines that end in the hyphens


def test_document_spelling_elsewhere_restores_the_trema():
    # Dutch drops the trema at a break: "ge-" / "evalueerd" is "geëvalueerd" when the document says so.
    lines = [text_line("De regeling wordt volgend jaar ge-"), text_line("evalueerd door het ministerie.")]
    assert (
        to_text(lines, "geëvalueerd").text
        == "De regeling wordt volgend jaar geëvalueerd door het ministerie."
    )


def test_trema_restoring_decision_reports_the_hyphen_removed():
    lines = [text_line("De regeling wordt volgend jaar ge-"), text_line("evalueerd door het ministerie.")]
    (decision,) = to_text(lines, "geëvalueerd").hyphens
    assert decision.joined == "geëvalueerd"
    assert decision.kept is False


def test_hyphen_in_mid_line_is_left_alone():
    lines = [text_line("Grootschalige infrastructuur- en baggerprojecten in de OESO-landen")]
    lines.append(text_line("kunnen negatieve effecten hebben."))
    assert to_text(lines).text == (
        "Grootschalige infrastructuur- en baggerprojecten in de OESO-landen kunnen negatieve effecten hebben."
    )


# --- URLs broken at a line end ----------------------------------------------------------------------

URL_CASES = {
    "after the scheme, percent-encoded rest on a third line": (
        # ah-tk-20232024-1314 footnote 2.
        [
            footnote_line(
                2, "Movisie, d.d. maart 2022, Inventarisatie Regenboogbeleid Regenboogprovincies, https://"
            ),
            footnote_continuation(
                "www.movisie.nl/sites/movisie.nl/files/2022-03/220315_%20Regenboogbeleid%20provincies"
            ),
            footnote_continuation("%202022.pdf"),
        ],
        (
            "Movisie, d.d. maart 2022, Inventarisatie Regenboogbeleid Regenboogprovincies, "
            "https://www.movisie.nl"
            "/sites/movisie.nl/files/2022-03/220315_%20Regenboogbeleid%20provincies%202022.pdf"
        ),
    ),
    "after a hyphen inside the URL": (
        # ah-tk-20232024-1999 footnote 1.
        [
            footnote_line(
                1,
                "De Volkskrant, 28 mei 2024 (www.volkskrant.nl/nieuws-achtergrond/ambtenaren-zien-nog-veel-",
            ),
            footnote_continuation("juridische-hobbels-richting-regeerprogramma~bc49ab66/)"),
        ],
        (
            "De Volkskrant, 28 mei 2024 "
            "(www.volkskrant.nl/nieuws-achtergrond/ambtenaren-zien-nog-veel-juridische"
            "-hobbels-richting-regeerprogramma~bc49ab66/)"
        ),
    ),
    "after the opening parenthesis and a hyphen": (
        # ah-tk-20232024-1771 footnote 3.
        [
            footnote_line(
                3, "Torenvlied, R. et al., 1 december 2023, Leren van twee vuurwerkrampen (https://"
            ),
            footnote_continuation(
                "www.utwente.nl/nieuws/2023/12/1262709/ut-rapport-lessen-van-twee-vuurwerkrampen-"
            ),
            footnote_continuation("gepresenteerd#kamermotie)."),
        ],
        (
            "Torenvlied, R. et al., 1 december 2023, Leren van twee vuurwerkrampen "
            "(https://www.utwente.nl/nieuws/"
            "2023/12/1262709/ut-rapport-lessen-van-twee-vuurwerkrampen-gepresenteerd#kamermotie)."
        ),
    ),
    "bare domain with a path, after a word broken by the typesetter": (
        # ah-tk-20232024-1949 footnote 1.
        [
            footnote_line(
                1,
                "Regio Purmerend, 3 mei 2024, Tieners (13 en 14) weer vrijgelaten na verdenking van mishan-",
            ),
            footnote_continuation(
                "deling conducteur in Purmerend (regiopurmerend.nl/2024/05/03/tieners-13-en-14-weer-"
            ),
            footnote_continuation("vrijgelaten-na-verdenking-van-mishandeling-conducteur-in-purmerend/)."),
        ],
        (
            "Regio Purmerend, 3 mei 2024, Tieners (13 en 14) weer vrijgelaten na verdenking van mishandeling "
            "conducteur in Purmerend (regiopurmerend.nl/2024/05/03/tieners-13-en-14-weer-vrijgelaten-na-"
            "verdenking-van-mishandeling-conducteur-in-purmerend/)."
        ),
    ),
    "after an underscore": (
        # ah-tk-20232024-1292 footnote 1.
        [
            footnote_line(
                1, "Overheid.nl, «Huisvesting Nederlandse evacués», www.internetconsultatie.nl/huisvesting_"
            ),
            footnote_continuation("evacuees/b1"),
        ],
        "Overheid.nl, «Huisvesting Nederlandse evacués», www.internetconsultatie.nl/huisvesting_evacuees/b1",
    ),
    "after a slash, query string on the next line": (
        # ah-tk-20232024-2129 footnote 3.
        [
            footnote_line(
                3, "Kamerstuk 21 501-02, nr. 2498 (https://www.tweedekamer.nl/kamerstukken/moties/"
            ),
            footnote_continuation("detail?id=2022D25169&did=2022D25169)"),
        ],
        (
            "Kamerstuk 21 501-02, nr. 2498 "
            "(https://www.tweedekamer.nl/kamerstukken/moties/detail?id=2022D25169"
            "&did=2022D25169)"
        ),
    ),
    "a word broken in the title, then the URL after a hyphen": (
        # ah-tk-20232024-1980 footnote 1.
        [
            footnote_line(
                1, "Zorgvisie, 2 mei 2024, «Jos de Blok: «VWS en NZa hebben Buurtzorg stelselmatig buitenge-"
            ),
            footnote_continuation(
                "sloten»» (https://www.zorgvisie.nl/jos-de-blok-vws-en-nza-hebben-buurtzorg-stelselmatig-"
            ),
            footnote_continuation("buitengesloten/)"),
        ],
        (
            "Zorgvisie, 2 mei 2024, «Jos de Blok: «VWS en NZa hebben Buurtzorg stelselmatig buitengesloten»» "
            "(https://www.zorgvisie.nl/jos-de-blok-vws-en-nza-hebben-buurtzorg-stelselmatig-buitengesloten/)"
        ),
    ),
    "a URL ending the line before ordinary words joins with a space": (
        # ah-tk-20232024-2367 footnote 4, broken after the URL.
        [
            footnote_line(4, "Te raadplegen via: https://www.tuchtrechtbanken.nl/uitspraken-zoeken"),
            footnote_continuation(
                "met zoekopdracht «raadplegen rekeninggegevens zonder zakelijke aanleiding»."
            ),
        ],
        (
            "Te raadplegen via: https://www.tuchtrechtbanken.nl/uitspraken-zoeken met zoekopdracht "
            "«raadplegen "
            "rekeninggegevens zonder zakelijke aanleiding»."
        ),
    ),
}


@pytest.mark.parametrize(("lines", "expected"), URL_CASES.values(), ids=URL_CASES.keys())
def test_urls_broken_at_a_line_end(lines, expected):
    assert to_text(lines).text == expected


def test_hyphen_inside_a_url_is_kept():
    lines, expected = URL_CASES["after a hyphen inside the URL"]
    text = to_text(lines)
    assert text.text == expected
    (decision,) = text.hyphens
    assert decision.kept
    assert decision.joined in expected
    assert "web address" in decision.reason


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        pytest.param(
            "Zie https://www.rijksoverheid.nl/documenten/2024/rapport.",
            "De minister heeft dat toegezegd.",
            "Zie https://www.rijksoverheid.nl/documenten/2024/rapport. De minister heeft dat toegezegd.",
            id="sentence-ends-after-the-url",
        ),
        pytest.param(
            "Zie de bijlage (https://www.example.nl/rapport)",
            "en/of de brief.",
            "Zie de bijlage (https://www.example.nl/rapport) en/of de brief.",
            id="closed-by-a-bracket",
        ),
        pytest.param(
            "Zie https://www.example.nl/rapport",
            "en/of de brief.",
            "Zie https://www.example.nl/rapport en/of de brief.",
            id="a-word-with-a-slash-is-not-the-rest-of-the-url",
        ),
        pytest.param(
            "Zie https://www.",
            "rijksoverheid.nl/onderwerpen/stikstof.",
            "Zie https://www.rijksoverheid.nl/onderwerpen/stikstof.",
            id="after-the-dot-of-www",
        ),
        pytest.param(
            "(www.nrc.nl/nieuws/",
            "2025/10/02/belastingdienst-gaat-alsnog-de-microsoftcloud-in-a4908228)",
            "(www.nrc.nl/nieuws/2025/10/02/belastingdienst-gaat-alsnog-de-microsoftcloud-in-a4908228)",
            id="after-a-slash-seed-footnote-1",
        ),
        pytest.param(
            "NOS, https://nos.nl/artikel/2510977",
            "2024/03/01/kritiek.html",
            "NOS, https://nos.nl/artikel/25109772024/03/01/kritiek.html",
            id="digits-and-slashes-are-the-rest-of-an-address",
        ),
    ],
)
def test_joining_a_line_after_a_url(text, line, expected):
    joined, _ = join_lines(text, line, 1, Vocabulary([]))
    assert joined == expected


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        pytest.param(
            "Het gaat om subsidies/",
            "leningen voor ondernemers.",
            "Het gaat om subsidies/leningen voor ondernemers.",
            id="word-broken-after-its-slash",
        ),
        pytest.param(
            "Artistieke en/",
            "of inhoudelijke kwaliteit",
            "Artistieke en/of inhoudelijke kwaliteit",
            id="en/of",
        ),
        pytest.param("in het studiejaar 2024/", "2025.", "in het studiejaar 2024/2025.", id="years"),
        pytest.param(
            "subsidies /",
            "leningen worden verstrekt",
            "subsidies / leningen worden verstrekt",
            id="spaced-slash",
        ),
    ],
)
def test_joining_a_line_after_a_slash(text, line, expected):
    assert join_lines(text, line, 1, Vocabulary([])) == (expected, None)


def test_a_word_broken_after_its_slash_joins_in_a_paragraph():
    lines = [
        text_line("De regeling kent drie vormen van steun aan ondernemers: garanties, subsidies/", x1=FULL),
        text_line("leningen en fiscale faciliteiten."),
    ]
    assert to_text(lines).text == (
        "De regeling kent drie vormen van steun aan ondernemers: garanties, subsidies/leningen en fiscale "
        "faciliteiten."
    )


# --- footnote markers -------------------------------------------------------------------------------


def test_footnote_refs_in_order_across_lines():
    lines = [
        text_line("Bent u bekend met het bericht^1^ en met het recente rapport^2^ van de Algemene", x1=FULL),
        text_line("Rekenkamer^3^? Wat vindt u van de reactie^2,4^ van de minister?"),
    ]
    text = to_text(lines)
    assert text.text == (
        "Bent u bekend met het bericht en met het recente rapport van de Algemene Rekenkamer? Wat vindt u "
        "van de "
        "reactie van de minister?"
    )
    assert text.footnote_refs == (1, 2, 3, 2, 4)


def superscripted(text):
    """The text with each marker put back where `marker_offsets` says, as "^1^"."""
    out, last = [], 0
    for number, offset in zip(text.footnote_refs, text.marker_offsets, strict=True):
        out += [text.text[last:offset], f"^{number}^"]
        last = offset
    return "".join([*out, text.text[last:]])


MARKER_CASES = {
    "after words, across lines, two at one place": (
        [
            text_line(
                "Bent u bekend met het bericht^1^ en met het recente rapport^2^ van de Algemene", x1=FULL
            ),
            text_line("Rekenkamer^3^? Wat vindt u van de reactie^2,4^ van de minister?"),
        ],
        (
            "Bent u bekend met het bericht^1^ en met het recente rapport^2^ van de Algemene Rekenkamer^3^? "
            "Wat vindt u van de reactie^2^^4^ van de minister?"
        ),
    ),
    "after a word whose line-end hyphen is removed": (
        [
            text_line("Negatieve neveneffecten moeten worden voorkomen, beperkt of gecompen-"),
            text_line("seerd^1^. Dat is de regel^2^."),
        ],
        "Negatieve neveneffecten moeten worden voorkomen, beperkt of gecompenseerd^1^. Dat is de regel^2^.",
    ),
    "at the end of a paragraph and in the next one": (
        [text_line(QUESTION.replace("gebeurd?", "gebeurd?^5^"), x1=FITS), text_line(f"{NEXT}^6^")],
        f"{QUESTION}^5^\n{NEXT}^6^",
    ),
    "at the start of a footnote: its own number": (
        [footnote_line(10, "Tweede Kamer, vergaderjaar 2017–2018, 26 485, nr. 267")],
        "^10^Tweede Kamer, vergaderjaar 2017–2018, 26 485, nr. 267",
    ),
}


@pytest.mark.parametrize(("lines", "expected"), MARKER_CASES.values(), ids=MARKER_CASES.keys())
def test_markers_keep_their_place_in_the_text(lines, expected):
    assert superscripted(to_text(lines)) == expected


def test_footnote_number_is_left_out_of_the_footnote_text():
    lines = [footnote_line(10, "Tweede Kamer, vergaderjaar 2017–2018, 26 485, nr. 267")]
    text = to_text(lines)
    assert text.text == "Tweede Kamer, vergaderjaar 2017–2018, 26 485, nr. 267"
    assert text.footnote_refs == (10,)


def test_no_lines_give_no_text():
    text = to_text([])
    assert (text.text, text.footnote_refs, text.marker_offsets, text.hyphens) == ("", (), (), ())


# --- find_urls --------------------------------------------------------------------------------------

FIND_URLS_CASES = {
    "closing parenthesis and period after the URL": (
        # ah-tk-20232024-1076 footnote 1.
        (
            "Hart van Nederland, 17 november 2023 "
            "(https://www.hartvannederland.nl/regio/overijssel/sinterklaas"
            "intocht-in-enter-afgelast-uit-angst-voor-acties-van-kozp)."
        ),
        (
            (
                "https://www.hartvannederland.nl/regio/overijssel/sinterklaasintocht-in-enter-afgelast-uit-"
                "angst-voor"
                "-acties-van-kozp"
            ),
        ),
    ),
    "closing parenthesis, no period": (
        # ah-tk-20232024-2395 footnote 1.
        (
            "NOS, 14 augustus 2024 "
            "(https://nos.nl/artikel/2533225-aanbieders-jeugdzorg-komen-niet-of-nauwelijks"
            "-meer-rond)"
        ),
        ("https://nos.nl/artikel/2533225-aanbieders-jeugdzorg-komen-niet-of-nauwelijks-meer-rond",),
    ),
    "fragment kept, its closing punctuation not": (
        # ah-tk-20232024-1771 footnote 3.
        (
            "Torenvlied, R. et al., 1 december 2023, Leren van twee vuurwerkrampen "
            "(https://www.utwente.nl/nieuws/"
            "2023/12/1262709/ut-rapport-lessen-van-twee-vuurwerkrampen-gepresenteerd#kamermotie)."
        ),
        (
            (
                "https://www.utwente.nl/nieuws/2023/12/1262709/ut-rapport-lessen-van-twee-vuurwerkrampen-ge"
                "presenteerd"
                "#kamermotie"
            ),
        ),
    ),
    "bare domain with a path": (
        # ah-tk-20232024-1949 footnote 1.
        (
            "Regio Purmerend, 3 mei 2024, Tieners (13 en 14) weer vrijgelaten na verdenking van mishandeling "
            "conducteur in Purmerend (regiopurmerend.nl/2024/05/03/tieners-13-en-14-weer-vrijgelaten-na-"
            "verdenking-van-mishandeling-conducteur-in-purmerend/)."
        ),
        (
            (
                "regiopurmerend.nl/2024/05/03/tieners-13-en-14-weer-vrijgelaten-na-verdenking-van-mishandel"
                "ing-"
                "conducteur-in-purmerend/"
            ),
        ),
    ),
    "bare domain without a path is no URL": (
        # ah-tk-20232024-1076 footnote 3.
        "Wie ontvingen – ontvangers | Ministerie van Financiën – Rijksoverheid (rijksfinancien.nl)",
        (),
    ),
    "site names are no URLs": (
        # ah-tk-20232024-2313 footnote 2, ah-tk-20232024-1984 footnote 1.
        "alle perken te buiten» | Binnenland | AD.nl). Gezonde lunch vrijgesteld (belastingdienst.nl)",
        (),
    ),
    "URL followed by words": (
        # ah-tk-20232024-2367 footnote 4.
        (
            "Te raadplegen via: https://www.tuchtrechtbanken.nl/uitspraken-zoeken met zoekopdracht "
            "«raadplegen "
            "rekeninggegevens zonder zakelijke aanleiding»."
        ),
        ("https://www.tuchtrechtbanken.nl/uitspraken-zoeken",),
    ),
    "query string kept": (
        # ah-tk-20232024-2129 footnote 3.
        (
            "Kamerstuk 21 501-02, nr. 2498 "
            "(https://www.tweedekamer.nl/kamerstukken/moties/detail?id=2022D25169"
            "&did=2022D25169)"
        ),
        ("https://www.tweedekamer.nl/kamerstukken/moties/detail?id=2022D25169&did=2022D25169",),
    ),
    "www address after a comma, percent-encoding kept": (
        # ah-tk-20232024-1314 footnote 2.
        (
            "Movisie, d.d. maart 2022, Inventarisatie Regenboogbeleid Regenboogprovincies, "
            "https://www.movisie.nl"
            "/sites/movisie.nl/files/2022-03/220315_%20Regenboogbeleid%20provincies%202022.pdf"
        ),
        (
            (
                "https://www.movisie.nl/sites/movisie.nl/files/2022-03/220315_%20Regenboogbeleid%20provinci"
                "es%202022"
                ".pdf"
            ),
        ),
    ),
    "trailing comma stripped, several URLs in order": (
        # ah-tk-20232024-1786 footnotes 7 and 6, in one sentence.
        (
            "Zie www.gulhifalhu.mv, en "
            "www.mozambiquelng.co.mz/sustainability/resettlement/livelihood-restoration"
            "-programs/."
        ),
        (
            "www.gulhifalhu.mv",
            "www.mozambiquelng.co.mz/sustainability/resettlement/livelihood-restoration-programs/",
        ),
    ),
    "parentheses inside the URL kept": (
        "Zie de uitleg (https://nl.wikipedia.org/wiki/Kostić_(achternaam)).",
        ("https://nl.wikipedia.org/wiki/Kostić_(achternaam)",),
    ),
    "guillemets around the URL": (
        "Het rapport «https://www.oecd.org/» is openbaar.",
        ("https://www.oecd.org/",),
    ),
    "no URL at all": (
        # ah-tk-20232024-1980 footnote 6.
        "Kamerstukken II2015–16, 34 104, nr. 128.",
        (),
    ),
}


@pytest.mark.parametrize(("text", "expected"), FIND_URLS_CASES.values(), ids=FIND_URLS_CASES.keys())
def test_find_urls(text, expected):
    assert find_urls(text) == expected
