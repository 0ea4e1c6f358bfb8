"""Glyphs become printed lines: raised footnote markers, split accents, word spaces, columns and zones.

Everything after this stage works on `Line`s and never sees a glyph again. This stage sees every glyph of a
document (some 8,000), so what it does per glyph runs in C where it can (`sorted`, `map`, `set`, `Counter`)
and in one Python loop per line (`_letters_to_runs`); what a group or line shares is worked out once.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace
from enum import Enum
from itertools import groupby, pairwise
from operator import attrgetter, itemgetter
from statistics import median
from typing import TYPE_CHECKING, NamedTuple

from aanhangsel import patterns
from aanhangsel.pdf.glyphs import font_style, has_text

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from aanhangsel.pdf import Glyph, Page, PdfDocument

# Glyphs whose baselines differ by less than this (in points) print on one line.
BASELINE_TOLERANCE = 1.0
# A glyph this much smaller than its line's text is a superscript or subscript, not text of its own.
SMALL_GLYPH_RATIO = 0.8
# A gap wider than this share of the font size between two glyphs is a word space, even when the PDF
# draws no space glyph there (table cells: "Grond" … "Meldingen in 2021" on ah-tk-20232024-1314 p. 2).
# Letters of one word sit within 0.02 em; the narrowest real space in the corpus is 0.28 em.
WORD_GAP = 0.2
# A gap this wide after a line's first word is a tab: the word is a list marker ("1." then "Alle
# producten …" at the hanging indent, ah-tk-20232024-1771 p. 2). Spaces are 0.28 em, tabs 1.1 em or more.
TAB_GAP = 0.9
# Inside a line, a gap this wide separates table cells ("Seksuele gerichtheid" … "66" … "73").
CELL_GAP = 2.0
# A rule shorter than this share of the page width is the short rule above the footnotes.
SHORT_RULE = 0.25
# Lines whose top lies below this share of the page height are the running footer.
FOOTER_BAND = 0.88

# Accents that some fonts draw as a separate spacing glyph over the letter ("Kostic´" for "Kostić").
SPACING_ACCENTS = {
    "\u00b4": "\u0301",  # ´ acute
    "`": "\u0300",  # grave
    "\u00a8": "\u0308",  # ¨ diaeresis
    "\u02c6": "\u0302",  # ˆ circumflex
    "\u02dc": "\u0303",  # ˜ tilde
    "\u00b8": "\u0327",  # ¸ cedilla
    "\u02c7": "\u030c",  # ˇ caron
    "\u02d8": "\u0306",  # ˘ breve
    "\u02da": "\u030a",  # ˚ ring
    "\u02dd": "\u030b",  # ˝ double acute
    "\u02db": "\u0328",  # ˛ ogonek
    "\u00af": "\u0304",  # ¯ macron
    "\u02d9": "\u0307",  # ˙ dot above
}


class Zone(Enum):
    """Where on the page a line stands, which decides what it can be part of."""

    MASTHEAD = "masthead"
    """Page 1 above the document number: chamber, session, the series title."""
    MARGIN = "margin"
    """The left column: the id/ISSN block, or a label set beside its text."""
    BODY = "body"
    """The text column: intro, questions, answers, mededeling."""
    FOOTNOTES = "footnotes"
    """Below the short rule at the foot of the page."""
    FOOTER = "footer"
    """The running footer with the page number."""


class Run(NamedTuple):
    """Consecutive glyphs of one style, without a space inside.

    A named tuple, as `Glyph` is: a document has over a thousand runs, quicker built as tuples.
    """

    text: str
    """The characters, accents combined (NFC)."""
    x0: float
    """Left edge."""
    x1: float
    """Right edge."""
    bold: bool
    """Set in a bold or black cut (the questioners' surnames)."""
    italic: bool
    """Set in italics (the subject)."""
    raised: bool
    """Small and above the baseline: a superscript."""
    space_before: bool
    """A space (a space glyph or a wide gap) separates this run from the one before."""

    @property
    def is_marker(self) -> bool:
        """Whether this is a footnote marker: raised digits, possibly a list like "1, 2"."""
        return self.raised and patterns.MARKER_RUN.fullmatch(self.text) is not None


@dataclass(frozen=True, slots=True)
class Line:
    """One printed line of one column."""

    page: int
    """1-based page number."""
    baseline: float
    """Baseline, from the top of the page."""
    top: float
    """Top of the tallest glyph."""
    x0: float
    """Left edge of the first glyph."""
    x1: float
    """Right edge of the last glyph (markers included: they take room on the line)."""
    size: float
    """Font size of most of the line's text."""
    runs: tuple[Run, ...]
    """The line's runs, left to right."""
    zone: Zone = Zone.BODY
    """Where the line stands on the page."""
    text: str = field(init=False)
    """The line as text: markers left out, word spaces single."""
    markers: tuple[int, ...] = field(init=False)
    """Footnote numbers of the markers on the line, left to right."""
    text_x0: float = field(init=False)
    """Where the line's text begins: after a footnote's own number, which hangs in the margin."""
    cells: int = field(init=False)
    """How many table cells the line holds: runs separated by gaps wider than `CELL_GAP` em."""

    def __post_init__(self) -> None:
        """Derive `text`, `markers`, `text_x0` and `cells` once: the text stage asks for each line's twice."""
        runs = self.runs
        words: Sequence[Run]
        if any(map(_RAISED, runs)):  # markers may stand among the words
            words = [run for run in runs if not run.is_marker]
            markers = _runs_markers(runs)
        else:  # the usual line
            words, markers = runs, ()
        object.__setattr__(self, "text", _words_text(words))
        object.__setattr__(self, "markers", markers)
        object.__setattr__(self, "text_x0", words[0].x0 if words else self.x0)
        object.__setattr__(self, "cells", _runs_cells(runs, self.size))

    @property
    def bold(self) -> bool:
        """Whether every run of the line is bold."""
        return all(run.bold for run in self.runs if not run.raised)

    @property
    def marker_offsets(self) -> tuple[int, ...]:
        """Where each of `markers` stands in `text`: how many characters of the text come before it.

        The numbers of one raised run ("2, 4") stand at one place.
        """
        if not self.markers:  # the usual line (a marker run holds a number, so it has one in `markers`)
            return ()
        return tuple(
            len(_runs_text(self.runs[:index]))
            for index, run in enumerate(self.runs)
            if run.is_marker
            for _ in _runs_markers((run,))
        )

    @property
    def first_word_width(self) -> float:
        """Width of the line's first word: what would have had to fit at the end of the line before."""
        first = self.runs[0]
        end = first.x1
        for run in self.runs[1:]:
            if run.space_before:
                break
            end = run.x1
        return end - first.x0

    @property
    def tab_after_first_word(self) -> bool:
        """Whether the first word is followed by a tab: a list marker ("1.", "–", "•") at a hanging indent."""
        for previous, run in zip(self.runs, self.runs[1:], strict=False):
            if run.space_before:
                return run.x0 - previous.x1 > TAB_GAP * self.size
        return False


def _runs_cells(runs: Sequence[Run], size: float) -> int:
    """Count the table cells of a line's runs: one, and one more after each gap wider than `CELL_GAP` em."""
    gap = CELL_GAP * size
    return 1 + sum(1 for previous, run in pairwise(runs) if run.x0 - previous.x1 > gap)


_RAISED = attrgetter("raised")


def _runs_text(runs: Sequence[Run]) -> str:
    """Join runs into text, leaving out footnote markers."""
    return _words_text([run for run in runs if not run.is_marker])


def _words_text(words: Sequence[Run]) -> str:
    """Join runs that are no footnote markers into text, a space where one stands before a run."""
    if not words:
        return ""
    return words[0].text + "".join(f" {run.text}" if run.space_before else run.text for run in words[1:])


def _runs_markers(runs: Sequence[Run]) -> tuple[int, ...]:
    """Footnote numbers of the marker runs ("1, 2" gives 1 and 2)."""
    return tuple(int(number) for run in runs if run.is_marker for number in patterns.DIGITS.findall(run.text))


@dataclass(frozen=True, slots=True)
class Layout:
    """All lines of a document with the measures that later stages compare against."""

    lines: tuple[Line, ...]
    """Every line, page by page, top to bottom."""
    body_size: float
    """The font size of the running text (8.5 pt in the Tweede Kamer's Univers layout); never 0, for the
    readers leave out glyphs of no size (`aanhangsel.pdf.MIN_SIZE`)."""
    body_left: float
    """Left edge of the text column."""
    body_right: float
    """Right edge of the text column: a line reaching it is full."""
    space_width: float
    """Width of a word space in the running text."""
    pages: int = 1
    """How many pages the document has (a page may have no lines at all)."""


def document_to_layout(document: PdfDocument) -> Layout:
    """Turn every page's glyphs into zoned lines."""
    body_size = _body_size(document.pages)
    page_groups = [_baseline_groups(page.glyphs) for page in document.pages]
    body_left = _body_left(page_groups, body_size)
    page_lines = [
        _groups_to_lines(page, groups, body_left)
        for page, groups in zip(document.pages, page_groups, strict=True)
    ]
    zoned = [
        _assign_zones(lines, page, body_size, body_left)
        for lines, page in zip(page_lines, document.pages, strict=True)
    ]
    lines = tuple(line for page in zoned for line in page)
    body = [line for line in lines if line.zone is Zone.BODY and abs(line.size - body_size) < 0.5]
    return Layout(
        lines=lines,
        body_size=body_size,
        body_left=body_left,
        body_right=_body_right(body),
        space_width=_space_width(document.pages, body_size),
        pages=len(document.pages),
    )


def page_to_lines(page: Page, body_left: float) -> list[Line]:
    """Group a page's glyphs into lines, top to bottom, the left column apart from the text column."""
    return _groups_to_lines(page, _baseline_groups(page.glyphs), body_left)


# Glyph fields read in bulk: `map(_X1, glyphs)` runs in C, a generator over `glyph.x1` does not.
_BASELINE, _X0, _X1, _TOP, _SIZE, _TEXT = map(attrgetter, ("baseline", "x0", "x1", "top", "size", "text"))


def _visible(glyphs: Iterable[Glyph]) -> list[Glyph]:
    """Select the glyphs that are more than white space."""
    return [glyph for glyph in glyphs if not glyph.text.isspace()]


def _groups_to_lines(page: Page, groups: list[list[Glyph]], body_left: float) -> list[Line]:
    """Turn a page's baseline groups into lines: split at the column edge, markers folded in."""
    columns = [
        (part, zone) for group in groups for part, zone in _split_columns(group, body_left) if has_text(part)
    ]
    parts = [glyphs for glyphs, _ in columns]
    lines = [
        _glyphs_to_line(page.number, glyphs, raised, columns[index][1], size)
        for index, glyphs, raised, size in _merge_raised_groups(parts)
    ]
    lines.sort(key=lambda line: (line.baseline, line.x0))
    return lines


def _split_columns(group: list[Glyph], body_left: float) -> list[tuple[list[Glyph], Zone]]:
    """Split one baseline's glyphs into the left column and the text column.

    Only where a real gap separates them: the masthead title "Tweede Kamer der Staten-Generaal" runs
    across both columns and stays one line.
    """
    edge = body_left - 0.5
    if min(map(_X1, group)) > edge:  # the usual line: all in the text column
        return [(group, Zone.BODY)]
    margin = [glyph for glyph in group if glyph.x1 <= edge]
    body = [glyph for glyph in group if glyph.x1 > edge]
    if not body:
        return [(margin, Zone.MARGIN)]
    gap = min(map(_X0, body)) - max(map(_X1, _visible(margin)), default=0.0)
    if gap > 2 * max(map(_SIZE, group)):
        return [(margin, Zone.MARGIN), (body, Zone.BODY)]
    return [(group, Zone.MARGIN)]


def _most_common_size(glyphs: Sequence[Glyph]) -> float:
    """Return the font size used by most non-space glyphs, to 0.1 pt."""
    drawn: set[float] = set(map(_SIZE, glyphs))
    if len(drawn) == 1 and has_text(glyphs):  # the usual line: one size, spaces included
        return round(drawn.pop(), 1)
    return _most_common_rounded(Counter(map(_SIZE, _visible(glyphs))))


def _body_size(pages: Sequence[Page]) -> float:
    """Return the font size used by most non-space glyphs of the document, to 0.1 pt."""
    drawn: Counter[float] = Counter()
    for page in pages:
        # A text object's glyphs come one after the other with one size: counted a stretch at a time.
        for size, same in groupby(map(_SIZE, _visible(page.glyphs))):
            drawn[size] += len(list(same))
    return _most_common_rounded(drawn)


def _most_common_rounded(drawn: Counter[float]) -> float:
    """Return the most common of the sizes counted, rounded to 0.1 pt (10 pt when there are none).

    Counted as drawn, then rounded: a line has one size or a few, a document a handful.
    """
    sizes: Counter[float] = Counter()
    for size, count in drawn.items():
        sizes[round(size, 1)] += count
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _body_left(page_groups: Sequence[list[list[Glyph]]], body_size: float) -> float:
    """Return the x where most lines of running text begin."""
    starts: Counter[float] = Counter()
    for groups in page_groups:
        for group in groups:
            start = _text_start(group, body_size)
            if start is not None:
                starts[round(start)] += 1
    return float(starts.most_common(1)[0][0]) if starts else 0.0


def _text_start(group: list[Glyph], body_size: float) -> float | None:
    """Return where the running text (visible, in the body size) of a baseline group begins, if it has any."""
    first = min(group, key=_X0)
    if not first.text.isspace() and abs(first.size - body_size) < 0.5:  # the usual line: it starts with text
        return first.x0
    return min(
        (glyph.x0 for glyph in _visible(group) if abs(glyph.size - body_size) < 0.5),
        default=None,
    )


def _body_right(body: Sequence[Line]) -> float:
    """Return the right edge of the text column: where the longest lines of running text end.

    The text is set ragged right, so the column edge is the end of the fullest line (540.0 pt in the
    Tweede Kamer's layout); a table row, which may stick out, does not count.
    """
    ends = [line.x1 for line in body if line.cells == 1]
    return max(ends) if ends else 0.0


def _space_width(pages: Sequence[Page], body_size: float) -> float:
    """Return the width of a space glyph in running text (0.28 em in Univers)."""
    drawn: Counter[float] = Counter()
    for page in pages:
        spaces = [glyph for glyph in page.glyphs if glyph.text == " " and abs(glyph.size - body_size) < 0.5]
        drawn.update([glyph.x1 - glyph.x0 for glyph in spaces])
    widths: Counter[float] = Counter()
    for width, count in drawn.items():  # counted as drawn, then rounded: most spaces are alike
        widths[round(width, 2)] += count
    return widths.most_common(1)[0][0] if widths else 0.28 * body_size


def _baseline_groups(glyphs: Iterable[Glyph]) -> list[list[Glyph]]:
    """Glyphs that share a baseline, top to bottom (each within the tolerance of its group's first).

    A text object's glyphs come one after the other on one baseline, so the stretches of equal baselines
    are sorted rather than the glyphs (some 150 a document against 8,000); the sort is stable, so the
    glyphs come out in the order a stable sort of the glyphs gives.
    """
    stretches = [(baseline, list(same)) for baseline, same in groupby(glyphs, key=_BASELINE)]
    stretches.sort(key=itemgetter(0))
    groups: list[list[Glyph]] = []
    first = 0.0
    for baseline, same in stretches:
        if groups and baseline - first <= BASELINE_TOLERANCE:
            groups[-1].extend(same)
        else:
            groups.append(same)
            first = baseline
    return groups


def _merge_raised_groups(
    groups: list[list[Glyph]],
) -> list[tuple[int, list[Glyph], frozenset[int], float]]:
    """Fold groups of small glyphs into the line they are raised above or hang below.

    A footnote marker is set smaller and higher than its line ("Ends¹?"), so it has a baseline of its own:
    it belongs to the line whose baseline lies just below it. Returns, for each remaining group, its index,
    its glyphs, the ids of its raised glyphs and the font size of its text.
    """
    sizes = [_most_common_size(group) for group in groups]
    hosts = {index: _host_line(index, groups, sizes) for index in range(len(groups))}
    lines: dict[int, list[Glyph]] = dict(enumerate(groups))
    raised: dict[int, set[int]] = {}
    for index, group in enumerate(groups):
        host = _root_host(index, hosts)
        if host == index:
            continue
        lines[host] = [*lines[host], *group]
        marks = raised.setdefault(host, set())
        if groups[host][0].baseline > group[0].baseline:
            marks.update(id(glyph) for glyph in group)
        del lines[index]
    merged: list[tuple[int, list[Glyph], frozenset[int], float]] = []
    for index in sorted(lines):
        glyphs, folded = lines[index], raised.get(index)
        if folded is None:  # nothing folded in: the size is the group's own
            merged.append((index, glyphs, frozenset(), sizes[index]))
        else:
            text = [glyph for glyph in glyphs if id(glyph) not in folded] or glyphs
            merged.append((index, glyphs, frozenset(folded), _most_common_size(text)))
    return merged


def _root_host(index: int, hosts: dict[int, int | None]) -> int:
    """Follow hosts to a group that is folded into nothing (a marker over a subscript over a line)."""
    seen = {index}
    current = index
    while (host := hosts[current]) is not None and host not in seen:
        seen.add(host)
        current = host
    return current if hosts[current] is None else index  # a cycle folds nothing


def _host_line(index: int, groups: Sequence[Sequence[Glyph]], sizes: Sequence[float]) -> int | None:
    """Find the group that a group of small glyphs belongs to, if it is a superscript or subscript."""
    size = sizes[index]
    group = groups[index]
    for other in (index + 1, index - 1, index + 2, index - 2):
        if not 0 <= other < len(groups) or sizes[other] * SMALL_GLYPH_RATIO < size:
            continue
        host = groups[other]
        shift = host[0].baseline - group[0].baseline
        # Beside or within the host line: a footnote number hangs left of its text ("10", "Tweede Kamer").
        gap = max(min(map(_X0, host)) - max(map(_X1, group)), min(map(_X0, group)) - max(map(_X1, host)))
        if (
            gap < sizes[other]
            and -0.5 * sizes[other] < shift < 0.7 * sizes[other]
            and abs(shift) > BASELINE_TOLERANCE
        ):
            return other
    return None


def _glyphs_to_line(page: int, glyphs: list[Glyph], raised: frozenset[int], zone: Zone, size: float) -> Line:
    """Build one line from its glyphs: accents combined, runs split at spaces and style changes."""
    text_glyphs = [glyph for glyph in glyphs if id(glyph) not in raised] if raised else glyphs
    baseline = median(map(_BASELINE, text_glyphs or glyphs))
    letters, texts = _combine_accents(sorted(glyphs, key=_X0))
    runs = _normalise_bullet(_letters_to_runs(letters, texts, raised, size))
    start = next((glyph for glyph in letters if not glyph.text.isspace()), glyphs[0])
    end = next((glyph for glyph in reversed(letters) if not glyph.text.isspace()), glyphs[-1])
    return Line(
        page=page,
        baseline=baseline,
        top=min(map(_TOP, glyphs)),
        x0=start.x0,
        x1=end.x1,
        size=size,
        runs=tuple(runs),
        zone=zone,
    )


def _combine_accents(glyphs: list[Glyph]) -> tuple[list[Glyph], list[str]]:
    """Attach each spacing accent to the letter it is drawn over and combine them (NFC).

    Returns the letters left to right, and the text of each: its glyph's, with any accents combined.
    """
    texts = list(map(_TEXT, glyphs))
    if SPACING_ACCENTS.keys().isdisjoint(texts):  # the usual line: no accent drawn apart
        return glyphs, texts
    letters = [glyph for glyph in glyphs if glyph.text not in SPACING_ACCENTS]
    texts = list(map(_TEXT, letters))
    for accent in (glyph for glyph in glyphs if glyph.text in SPACING_ACCENTS):
        for index, base in enumerate(letters):
            # Drawn over the letter: "c" 458.0–463.2, "´" 459.2–462.0 (ah-tk-20232024-1314, "Kostic´").
            if base.x0 - 0.5 <= accent.x0 and accent.x1 <= base.x1 + 0.5 and base.text.isalpha():
                texts[index] = unicodedata.normalize("NFC", texts[index] + SPACING_ACCENTS[accent.text])
                break
        else:  # printed on its own, not over a letter: keep it where it stands
            index = bisect_right(letters, accent.x0, key=_X0)
            letters.insert(index, accent)
            texts.insert(index, accent.text)
    return letters, texts


def _letters_to_runs(
    letters: list[Glyph], texts: list[str], raised: frozenset[int], size: float
) -> list[Run]:
    """Split letters into runs at spaces, wide gaps and changes of style (bold, italic, raised).

    This loop sees every glyph of the document, so it keeps to local names, compares font names before
    styles, and carries the open run's edges along: a letter that continues the run (the usual letter)
    only moves its right edge, and each run is made once, from a slice of the texts.
    """
    runs: list[Run] = []
    first = last = -1  # the open run is letters[first : last + 1]; -1 before the first visible letter
    space_before = pending_space = run_raised = False
    run_font, run_x0, run_x1, previous_x1 = "", 0.0, 0.0, 0.0
    word_gap, any_raised = WORD_GAP * size, bool(raised)
    for index, glyph in enumerate(letters):
        text, x0, x1, _, _, glyph_size, font = glyph  # one unpacking: cheaper than reading four fields
        if text.isspace():
            pending_space = True
            continue
        high = any_raised and id(glyph) in raised
        if first >= 0:
            # Wider than a word space of the line, or of the glyph's own size (a marker's small space).
            gap = x0 - previous_x1
            if gap > word_gap or gap > WORD_GAP * (glyph_size * 1.5):
                pending_space = True
            elif (
                not pending_space
                and high is run_raised
                and (font == run_font or font_style(font) == font_style(run_font))
            ):
                last, previous_x1 = index, x1  # the usual letter: the run goes on
                if x1 > run_x1:  # noqa: PLR1730  (max() is a call: twice the time of a comparison)
                    run_x1 = x1
                continue
            runs.append(_run(texts[first : last + 1], run_x0, run_x1, run_font, run_raised, space_before))
        space_before, pending_space = pending_space and bool(runs), False
        first = last = index
        run_font, run_raised, run_x0, run_x1, previous_x1 = font, high, x0, x1, x1
    if first >= 0:
        runs.append(_run(texts[first : last + 1], run_x0, run_x1, run_font, run_raised, space_before))
    return runs


def _normalise_bullet(runs: list[Run]) -> list[Run]:
    """Write a line-opening bullet as "•", whatever glyph the font drew (or failed to map)."""
    if len(runs) > 1 and len(runs[0].text) == 1 and runs[0].text in patterns.BULLETS:
        return [runs[0]._replace(text="•"), runs[1]._replace(space_before=True), *runs[2:]]
    return runs


# Builds a run without the argument handling of calling `Run` (as `Run._make` does): runs are many.
_new_run = tuple.__new__


def _run(  # noqa: PLR0913, PLR0917  (the run's fields, as `_letters_to_runs` carries them)
    texts: list[str], x0: float, x1: float, font: str, raised: bool, space_before: bool
) -> Run:
    """Make a run from the texts of consecutive letters of one style, named by the first letter's `font`."""
    bold, italic = font_style(font)
    text = "".join(texts)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    if "(cid:" in text:
        text = patterns.CID.sub(patterns.cid_to_text, text)
    return _new_run(Run, (text, x0, x1, bold, italic, raised, space_before))


def _assign_zones(lines: list[Line], page: Page, body_size: float, body_left: float) -> list[Line]:
    """Tag each line of a page with its zone: masthead, margin, body, footnotes or footer."""
    footnote_rule = _footnote_rule_y(page, lines, body_size)
    masthead_end = _masthead_end(lines, body_left) if page.number == 1 else None
    zoned = []
    for line in lines:
        zone = line.zone
        if line.top > page.height * FOOTER_BAND or patterns.RUNNING_FOOTER.fullmatch(line.text):
            zone = Zone.FOOTER
        elif masthead_end is not None and line.baseline < masthead_end:
            zone = Zone.MASTHEAD
        elif zone is Zone.MARGIN:
            pass
        elif footnote_rule is not None and line.top > footnote_rule:
            zone = Zone.FOOTNOTES
        zoned.append(replace(line, zone=zone) if zone is not line.zone else line)
    return zoned


def _footnote_rule_y(page: Page, lines: Sequence[Line], body_size: float) -> float | None:
    """Return the height of the short rule that opens the footnotes, if the page has one.

    The rule is short ("a short rule": 57 pt of a 320 pt column) and has only small text below it.
    """
    for rule in page.rules:
        if rule.width >= page.width * SHORT_RULE:
            continue
        below = [line for line in lines if line.top > rule.y and line.top < page.height * FOOTER_BAND]
        if below and all(line.size < body_size - 0.5 for line in below):
            return rule.y
    return None


def _masthead_end(lines: Sequence[Line], body_left: float) -> float | None:
    """Return the baseline of the document number on page 1: everything above it is the masthead.

    The number is a bold line of digits, larger than the text ("1786" in 12.8 pt Univers Black).
    """
    for line in lines:
        at_column = abs(line.x0 - body_left) < 2.0
        if at_column and line.bold and patterns.DOCUMENT_NUMBER_LINE.fullmatch(line.text):
            return line.baseline - 0.5
        if patterns.INTRO_START.match(line.text):
            return line.baseline - 0.5
    return None
