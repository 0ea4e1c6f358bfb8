"""Glyphs to lines on hand-built pages: markers, accents, word spaces, bullets, styles, columns, zones.

Positions copy the real documents (ah-tk-20232024-1786 p. 1 unless said otherwise) so each test shows the
case it stands for; `builders.glyphs` gives every character one fixed advance.
"""

from __future__ import annotations

import unicodedata

import pytest

from aanhangsel.layout import Zone, document_to_layout, page_to_lines
from aanhangsel.pdf import Glyph, Page, PdfDocument, Rule
from builders import (
    BODY_SIZE,
    FOOTNOTE_SIZE,
    LEFT,
    MARGIN_LEFT,
    MARKER_SIZE,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    end,
    glyphs,
)

BODY_LEFT = 221.0
"""What `document_to_layout` finds as the column's left edge for these pages."""


def lines_of(*drawn: list[Glyph], number: int = 1):
    page = Page(number, PAGE_WIDTH, PAGE_HEIGHT, tuple(glyph for part in drawn for glyph in part), ())
    return page_to_lines(page, BODY_LEFT)


def only_line(*drawn: list[Glyph]):
    lines = lines_of(*drawn)
    assert len(lines) == 1, [line.text for line in lines]
    return lines[0]


def has_no_combining_marks(text: str) -> bool:
    return not any(unicodedata.combining(char) for char in text)


# --- lines ------------------------------------------------------------------------------------------


def test_a_line_drawn_in_pieces_among_other_lines_comes_together():
    # A PDF may set a line in several text objects with other lines drawn between them (a table's cells,
    # a label set apart): the pieces come together by baseline, and a piece within the tolerance of the
    # line's baseline joins it too.
    first = glyphs("Vraag", LEFT, 300.0)
    other = glyphs("Antwoord", LEFT, 320.0)
    second = glyphs("twee", end(first) + 3.0, 300.0)
    lower = glyphs("drie", end(second) + 3.0, 300.4)
    lines = lines_of(first, other, second, lower)
    assert [line.text for line in lines] == ["Vraag twee drie", "Antwoord"]


# --- footnote markers -------------------------------------------------------------------------------


def test_raised_marker_between_word_and_question_mark_becomes_a_marker():
    # "destruction» van Both Ends¹?" (Vraag 1): the "1" is 5.49 pt, its baseline 3.49 pt higher.
    text = glyphs("destruction» van Both Ends", LEFT, 434.35)
    marker = glyphs("1", end(text), 430.86, MARKER_SIZE)
    question = glyphs("?", end(marker), 434.35)
    line = only_line(text, marker, question)
    assert line.text == "destruction» van Both Ends?"
    assert line.markers == (1,)
    assert line.baseline == pytest.approx(434.35)
    assert [run.text for run in line.runs if run.raised] == ["1"]
    assert line.x1 == pytest.approx(end(question))


def test_marker_list_after_question_mark_gives_every_number():
    # "?1, 2": the raised run holds a comma and a (small) space glyph.
    text = glyphs("Bent u bekend met deze berichten?", LEFT, 424.77)
    markers = glyphs("1, 2", end(text), 421.28, MARKER_SIZE)
    rest = glyphs(" Wat is uw reactie?", end(markers), 424.77)
    line = only_line(text, markers, rest)
    assert line.markers == (1, 2)
    assert line.text == "Bent u bekend met deze berichten? Wat is uw reactie?"


def test_marker_followed_by_its_own_small_space_keeps_the_word_space():
    # ah-tk-20232024-1999 p. 1: "…hoofdlijnenakkoord?" then a raised "1" and a 1.81 pt space glyph in
    # marker size, then "Zo" 1.04 pt further: no body-size space glyph at all.
    text = glyphs("een juridische analyse van het hoofdlijnenakkoord?", LEFT, 424.77)
    marker = glyphs("1", end(text), 421.28, MARKER_SIZE)
    small_space = [Glyph(" ", end(marker), end(marker) + 1.81, 416.85, 421.28, MARKER_SIZE, "Univers")]
    rest = glyphs("Zo ja,", end(small_space) + 1.04, 424.77)
    line = only_line(text, marker, small_space, rest)
    assert line.text == "een juridische analyse van het hoofdlijnenakkoord? Zo ja,"
    assert line.markers == (1,)


def test_footnote_number_hanging_left_of_its_text_opens_the_line():
    # ah-tk-20232024-1786 p. 5: "10" (4.49 pt) at 221.1, its text (6.93 pt) from 230.11, 2.74 pt lower.
    number = glyphs("10", LEFT, 627.71, 4.49)
    text = glyphs("Tweede Kamer, vergaderjaar 2017–2018, 26 485, nr. 267", 230.11, 630.45, FOOTNOTE_SIZE)
    line = only_line(number, text)
    assert line.markers == (10,)
    assert line.runs[0].is_marker
    assert line.text == "Tweede Kamer, vergaderjaar 2017–2018, 26 485, nr. 267"
    assert line.text_x0 == pytest.approx(230.11)
    assert line.size == pytest.approx(FOOTNOTE_SIZE, abs=0.05)  # sizes are rounded to 0.1 pt


def test_raised_digits_far_from_any_line_stay_a_line_of_their_own():
    # A small "2" half a page away from the text is no marker of it.
    text = glyphs("Ja.", LEFT, 463.09)
    stray = glyphs("2", 400.0, 200.0, MARKER_SIZE)
    lines = lines_of(text, stray)
    assert [line.text for line in lines] == ["2", "Ja."]
    assert all(line.markers == () for line in lines)


# --- accents ----------------------------------------------------------------------------------------


def over(letter: Glyph, accent: str) -> Glyph:
    """Draw a spacing accent over `letter`, as "´" 459.20–462.04 over "c" 458.01–463.22 (ah-tk-1314)."""
    inset = 0.2 * (letter.x1 - letter.x0)
    return Glyph(
        accent, letter.x0 + inset, letter.x1 - inset, letter.top, letter.baseline, letter.size, letter.font
    )


@pytest.mark.parametrize(
    ("printed", "index", "accent", "expected", "combined"),
    [
        ("Kostic (PvdD)", 5, "\u00b4", "Kostić (PvdD)", "\u0107"),  # ah-tk-20232024-1314 p. 1
        ("Yesilgöz-Zegerius", 2, "\u00b8", "Yeşilgöz-Zegerius", "\u015f"),  # ah-tk-20232024-1949 p. 1
        ("Brazilie", 7, "\u00a8", "Brazilië", "\u00eb"),
        ("Petrovic", 7, "\u00b4", "Petrović", "\u0107"),  # fixtures/ek-synthetic-2024-2025
    ],
)
def test_spacing_accent_over_a_letter_is_combined(printed, index, accent, expected, combined):
    word = glyphs(printed, 434.32, 332.87, font="Univers-Black")
    # The accent follows its letter in the content stream, as in the real files.
    drawn = [*word[: index + 1], over(word[index], accent), *word[index + 1 :]]
    line = only_line(drawn)
    assert line.text == expected
    assert combined in line.text
    assert unicodedata.is_normalized("NFC", line.text)
    assert has_no_combining_marks(line.text)
    assert accent not in line.text


def test_spacing_accent_drawn_before_its_letter_is_combined_too():
    word = glyphs("Kostic", 434.32, 332.87)
    drawn = [over(word[5], "\u00b4"), *word]
    assert only_line(drawn).text == "Kostić"


def test_spacing_accent_over_no_letter_is_kept_as_printed():
    # An acute standing over a space glyph has no letter to go on.
    drawn = glyphs("a   b", LEFT, 400.0)
    accent = Glyph("\u00b4", drawn[2].x0, drawn[2].x1, drawn[2].top, 400.0, BODY_SIZE, "Univers")
    line = only_line([*drawn, accent])
    assert line.text == "a \u00b4 b"


# --- word spaces ------------------------------------------------------------------------------------


def spaced(word: str, x: float, baseline: float, size: float, gap_em: float) -> list[Glyph]:
    """Lay out `word` with `gap_em` of white space between its letters."""
    out: list[Glyph] = []
    for char in word:
        (glyph,) = glyphs(char, x, baseline, size)
        out.append(glyph)
        x = glyph.x1 + gap_em * size
    return out


@pytest.mark.parametrize(
    ("gap_em", "expected"),
    [
        (0.0, "Meldingen"),
        (0.02, "Meldingen"),  # letters of one word sit within 0.02 em
        (0.28, "M e l d i n g e n"),  # the narrowest real space, drawn without a space glyph
    ],
)
def test_gap_between_glyphs_is_a_space_only_when_wide(gap_em, expected):
    line = only_line(spaced("Meldingen", LEFT, 418.67, FOOTNOTE_SIZE, gap_em))
    assert line.text == expected


def test_table_cells_without_space_glyphs_are_separated():
    # ah-tk-20232024-1314 p. 2: "Grond" 221.10–241.89, "Meldingen in 2021" from 314.46, no space glyph.
    grond = glyphs("Grond", LEFT, 418.67, FOOTNOTE_SIZE)
    first = glyphs("Meldingen in 2021", 314.46, 418.67, FOOTNOTE_SIZE)
    second = glyphs("Meldingen in 2022", 394.19, 418.67, FOOTNOTE_SIZE)
    line = only_line(grond, first, second)
    assert line.text == "Grond Meldingen in 2021 Meldingen in 2022"
    assert line.cells == 3
    assert line.size == pytest.approx(FOOTNOTE_SIZE, abs=0.05)  # sizes are rounded to 0.1 pt


def test_space_glyphs_give_single_spaces():
    line = only_line(glyphs("Ja,  dat   klopt.", LEFT, 463.09))
    assert line.text == "Ja, dat klopt."
    assert [run.text for run in line.runs] == ["Ja,", "dat", "klopt."]
    assert [run.space_before for run in line.runs] == [False, True, True]


# --- bullets and list markers -----------------------------------------------------------------------


@pytest.mark.parametrize("bullet", ["(cid:129)", "\uf0b7", "•", "▪", "\u00b7"])
def test_line_opening_bullet_is_written_as_bullet(bullet):
    # ah-tk-20232024-1432 p. 3: "(cid:129)" 221.10–224.09, then "Artistieke" from 235.28 (a tab).
    mark = Glyph(bullet, LEFT, 224.09, 188.65, 195.53, BODY_SIZE, "Univers")
    text = glyphs("Artistieke en/of inhoudelijke kwaliteit", 235.28, 195.53)
    line = only_line([mark], text)
    assert line.runs[0].text == "•"
    assert line.text == "• Artistieke en/of inhoudelijke kwaliteit"
    assert line.tab_after_first_word
    assert "(cid:" not in line.text


def test_numbered_item_with_tab_gap():
    # ah-tk-20232024-1771 p. 2: "1." at 221.1, "Alle producten" at the hanging indent 240.94.
    number = glyphs("1.", LEFT, 300.0)
    text = glyphs("Alle producten met een «screamer» effect", 240.94, 300.0)
    line = only_line(number, text)
    assert line.text == "1. Alle producten met een «screamer» effect"
    assert line.tab_after_first_word


def test_ordinary_word_space_is_no_tab():
    line = only_line(glyphs("1. Alle producten", LEFT, 300.0))
    assert not line.tab_after_first_word


# --- bold and italic --------------------------------------------------------------------------------


def test_bold_and_italic_runs():
    parts = [
        ("Vragen van de leden ", "Univers"),
        ("Hirsch", "Univers-Black"),
        (" (GroenLinks-PvdA) en ", "Univers"),
        ("Teunissen", "Univers-Black"),
        (" (PvdA) over ", "Univers"),
        ("exportkredietverzekeringen", "Univers-Oblique"),
    ]
    drawn: list[Glyph] = []
    x = LEFT
    for text, font in parts:
        drawn += glyphs(text, x, 332.87, font=font)
        x = end(drawn)
    line = only_line(drawn)
    assert line.text == (
        "Vragen van de leden Hirsch (GroenLinks-PvdA) en Teunissen (PvdA) over exportkredietverzekeringen"
    )
    assert [run.text for run in line.runs if run.bold] == ["Hirsch", "Teunissen"]
    assert [run.text for run in line.runs if run.italic] == ["exportkredietverzekeringen"]
    assert not line.bold


def test_style_change_inside_a_word_adds_no_space():
    name = glyphs("Kostić", LEFT, 332.87, font="Univers-Black")
    comma = glyphs(", Teunissen", end(name), 332.87)
    line = only_line(name, comma)
    assert line.text == "Kostić, Teunissen"
    assert [(run.text, run.bold) for run in line.runs] == [
        ("Kostić", True),
        (",", False),
        ("Teunissen", False),
    ]


def test_line_all_in_bold_is_bold():
    line = only_line(glyphs("1786", LEFT, 303.76, 12.79, "Univers-Black"))
    assert line.bold
    assert line.text == "1786"


# --- columns ----------------------------------------------------------------------------------------


def test_left_column_block_is_split_from_the_text_column():
    # The id block in the left column and the running footer in the text column share a baseline.
    block = glyphs("ah-tk-20232024-1786", MARGIN_LEFT, 772.55, 5.86)
    footer = glyphs("Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 1", LEFT, 772.55, 9.06)
    lines = lines_of(block, footer)
    assert [(line.text, line.zone) for line in lines] == [
        ("ah-tk-20232024-1786", Zone.MARGIN),
        ("Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 1", Zone.BODY),
    ]
    assert lines[1].x0 == pytest.approx(LEFT)


def test_margin_label_beside_its_text_is_split():
    label = glyphs("Vraag 2", MARGIN_LEFT, 482.26)
    text = glyphs("Uw ministeries en Atradius DSB schrijven", LEFT, 482.26)
    lines = lines_of(label, text)
    assert [(line.text, line.zone) for line in lines] == [
        ("Vraag 2", Zone.MARGIN),
        ("Uw ministeries en Atradius DSB schrijven", Zone.BODY),
    ]


def test_title_across_both_columns_stays_one_line():
    title = glyphs("Tweede Kamer der Staten-Generaal", MARGIN_LEFT, 79.48, 18.12, "Univers-Black")
    assert end(title) > LEFT
    line = only_line(title)
    assert line.text == "Tweede Kamer der Staten-Generaal"


# --- zones ------------------------------------------------------------------------------------------

FOOTNOTE_RULE = Rule(221.102, 277.795, 682.341)
"""The short rule above the footnotes: 56.7 pt of a 595 pt page."""


def first_page() -> list[Glyph]:
    """Page 1 of an answer, laid out as ah-tk-20232024-1786 p. 1."""
    body = [
        "Vragen van het lid Kostić (PvdD) aan de Minister van Justitie en",
        "Veiligheid over de baggersector (ingezonden 4 april 2024).",
        "Antwoord van Minister Yeşilgöz-Zegerius (Justitie en Veiligheid)",
        "(ontvangen 21 mei 2024).",
        "Vraag 1",
    ]
    drawn = glyphs("Tweede Kamer der Staten-Generaal", MARGIN_LEFT, 79.48, 18.12, "Univers-Black")
    drawn += glyphs("Vergaderjaar 2023–2024", MARGIN_LEFT, 136.29, 9.59)
    drawn += glyphs("Aanhangsel van de Handelingen", LEFT, 136.5, 10.0, "Univers-Black")
    drawn += glyphs("Vragen gesteld door de leden der Kamer", LEFT, 193.15, 9.06, "Univers-Black")
    drawn += glyphs("1786", LEFT, 303.76, 12.79, "Univers-Black")
    for index, text in enumerate(body):
        drawn += glyphs(text, LEFT, 332.87 + 9.58 * index, BODY_SIZE)
    question = glyphs("Bent u bekend met het rapport van Both Ends", LEFT, 386.0)
    drawn += question
    drawn += glyphs("1", end(question), 382.51, MARKER_SIZE)
    drawn += glyphs("?", end(drawn), 386.0)
    drawn += glyphs("Vraag 2", MARGIN_LEFT, 405.0)
    drawn += glyphs("Uw ministeries en Atradius DSB schrijven in reactie op het", LEFT, 405.0)
    # Footnotes under the short rule: "1" and "10", the numbers raised and hanging left of their text.
    drawn += glyphs("1", LEFT, 691.0, 4.49)
    drawn += glyphs("https://www.bothends.org/en/", 227.34, 693.75, FOOTNOTE_SIZE)
    drawn += glyphs("10", LEFT, 701.0, 4.49)
    drawn += glyphs("Tweede Kamer, vergaderjaar 2017–2018, 26 485, nr. 267", 230.11, 703.75, FOOTNOTE_SIZE)
    drawn += glyphs("Kamerstuk 26 485, nr. 380", 230.11, 712.8, FOOTNOTE_SIZE)
    # The id block and the running footer in the bottom band.
    drawn += glyphs("ah-tk-20232024-1786", MARGIN_LEFT, 759.74, 5.86)
    drawn += glyphs("ISSN 0921 - 7398", MARGIN_LEFT, 766.14, 5.86)
    drawn += glyphs("’s-Gravenhage 2024", MARGIN_LEFT, 772.55, 5.86)
    drawn += glyphs("Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 1", LEFT, 772.55, 9.06)
    return drawn


def layout_of(*pages: Page):
    return document_to_layout(PdfDocument("test.pdf", "0" * 64, tuple(pages)))


def test_zones_of_a_first_page():
    rules = (Rule(55.276, 540.0, 120.838), Rule(55.276, 540.0, 174.583), FOOTNOTE_RULE)
    layout = layout_of(Page(1, PAGE_WIDTH, PAGE_HEIGHT, tuple(first_page()), rules))
    zones = {line.text: line.zone for line in layout.lines}
    assert zones == {
        "Tweede Kamer der Staten-Generaal": Zone.MASTHEAD,
        "Vergaderjaar 2023–2024": Zone.MASTHEAD,
        "Aanhangsel van de Handelingen": Zone.MASTHEAD,
        "Vragen gesteld door de leden der Kamer": Zone.MASTHEAD,
        "1786": Zone.BODY,
        "Vragen van het lid Kostić (PvdD) aan de Minister van Justitie en": Zone.BODY,
        "Veiligheid over de baggersector (ingezonden 4 april 2024).": Zone.BODY,
        "Antwoord van Minister Yeşilgöz-Zegerius (Justitie en Veiligheid)": Zone.BODY,
        "(ontvangen 21 mei 2024).": Zone.BODY,
        "Vraag 1": Zone.BODY,
        "Bent u bekend met het rapport van Both Ends?": Zone.BODY,
        "Vraag 2": Zone.MARGIN,
        "Uw ministeries en Atradius DSB schrijven in reactie op het": Zone.BODY,
        "https://www.bothends.org/en/": Zone.FOOTNOTES,
        "Tweede Kamer, vergaderjaar 2017–2018, 26 485, nr. 267": Zone.FOOTNOTES,
        "Kamerstuk 26 485, nr. 380": Zone.FOOTNOTES,
        "ah-tk-20232024-1786": Zone.FOOTER,
        "ISSN 0921 - 7398": Zone.FOOTER,
        "’s-Gravenhage 2024": Zone.FOOTER,
        "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 1": Zone.FOOTER,
    }
    assert len(layout.lines) == len(zones)


def test_first_page_markers_and_measures():
    layout = layout_of(Page(1, PAGE_WIDTH, PAGE_HEIGHT, tuple(first_page()), (FOOTNOTE_RULE,)))
    by_text = {line.text: line for line in layout.lines}
    assert by_text["Bent u bekend met het rapport van Both Ends?"].markers == (1,)
    assert by_text["https://www.bothends.org/en/"].markers == (1,)
    tenth = by_text["Tweede Kamer, vergaderjaar 2017–2018, 26 485, nr. 267"]
    assert tenth.markers == (10,)
    assert tenth.runs[0].text == "10"
    assert tenth.runs[0].is_marker
    assert by_text["Kamerstuk 26 485, nr. 380"].markers == ()
    assert layout.body_size == pytest.approx(BODY_SIZE)
    assert layout.body_left == pytest.approx(BODY_LEFT)
    # The column ends where the longest line of running text ends.
    longest = "Antwoord van Minister Yeşilgöz-Zegerius (Justitie en Veiligheid)"
    assert layout.body_right == pytest.approx(end(glyphs(longest, LEFT, 0.0)))
    assert layout.space_width == pytest.approx(round(0.28 * BODY_SIZE, 2))


def test_small_text_under_a_full_width_rule_is_no_footnote():
    # Only a short rule opens the footnotes; a rule across the page (a table border) does not.
    page = Page(1, PAGE_WIDTH, PAGE_HEIGHT, tuple(first_page()), (Rule(55.276, 540.0, 682.341),))
    zones = {line.text: line.zone for line in layout_of(page).lines}
    assert zones["https://www.bothends.org/en/"] is Zone.BODY
    assert zones["Kamerstuk 26 485, nr. 380"] is Zone.BODY


def test_running_footer_text_is_footer_wherever_it_stands():
    # On a later page the running footer text marks a footer even above the bottom band.
    later = glyphs("Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 2", LEFT, 60.0, 9.06)
    later += glyphs("werkwijze zoals beschreven in de OESO-richtlijnen", LEFT, 100.0)
    page_one = Page(1, PAGE_WIDTH, PAGE_HEIGHT, tuple(first_page()), (FOOTNOTE_RULE,))
    page_two = Page(2, PAGE_WIDTH, PAGE_HEIGHT, tuple(later), ())
    lines = [line for line in layout_of(page_one, page_two).lines if line.page == 2]
    assert [(line.text, line.zone) for line in lines] == [
        ("Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 2", Zone.FOOTER),
        ("werkwijze zoals beschreven in de OESO-richtlijnen", Zone.BODY),
    ]


def test_masthead_is_only_on_the_first_page():
    text = glyphs("Tweede Kamer der Staten-Generaal", MARGIN_LEFT, 79.48, 18.12, "Univers-Black")
    text += glyphs("werkwijze zoals beschreven in de OESO-richtlijnen", LEFT, 100.0)
    page_one = Page(1, PAGE_WIDTH, PAGE_HEIGHT, tuple(first_page()), (FOOTNOTE_RULE,))
    page_two = Page(2, PAGE_WIDTH, PAGE_HEIGHT, tuple(text), ())
    lines = [line for line in layout_of(page_one, page_two).lines if line.page == 2]
    assert all(line.zone is not Zone.MASTHEAD for line in lines)


# --- small groups stacked under each other -----------------------------------------------------------


def drawn_letters(lines):
    return sorted("".join(run.text for line in lines for run in line.runs))


def test_small_group_under_a_folded_group_is_kept():
    # A 10 pt heading, a 7 pt line 3 pt below it and a 5 pt line 2.5 pt below that: the 7 pt line hangs
    # on the heading and the 5 pt line on the 7 pt line, so all three end up in the heading's line.
    drawn = glyphs("Kop", LEFT, 100.0, 10.0) + glyphs("sub", LEFT, 103.0, 7.0) + glyphs("x", LEFT, 105.5, 5.0)
    lines = lines_of(drawn)
    assert drawn_letters(lines) == sorted("Kopsubx")
    assert len(lines) == 1


def test_small_group_over_a_folded_group_is_kept():
    # The same chain upside down: a 5 pt "x" over a 7 pt line over a 10 pt line.
    drawn = glyphs("x", LEFT, 100.0, 5.0) + glyphs("sub", LEFT, 102.5, 7.0) + glyphs("Kop", LEFT, 106.0, 10.0)
    lines = lines_of(drawn)
    assert drawn_letters(lines) == sorted("Kopsubx")
    assert len(lines) == 1
