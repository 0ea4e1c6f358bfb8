"""Glyphs become printed lines: raised footnote markers, split accents, word spaces, columns and zones.

Everything after this stage works on `Line`s and never sees a glyph again.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from enum import Enum
from statistics import median
from typing import TYPE_CHECKING

from aanhangsel import patterns

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


@dataclass(frozen=True, slots=True)
class Run:
    """Consecutive glyphs of one style, without a space inside."""

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

    def __post_init__(self) -> None:
        """Derive `text` and `markers` once."""
        object.__setattr__(self, "text", _runs_text(self.runs))
        object.__setattr__(self, "markers", _runs_markers(self.runs))

    @property
    def bold(self) -> bool:
        """Whether every run of the line is bold."""
        return all(run.bold for run in self.runs if not run.raised)

    @property
    def text_x0(self) -> float:
        """Where the line's text begins: after a footnote's own number, which hangs in the margin."""
        return next((run.x0 for run in self.runs if not run.is_marker), self.x0)

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

    @property
    def cells(self) -> int:
        """How many table cells the line holds: runs separated by gaps wider than `CELL_GAP` em."""
        gaps = sum(
            1
            for previous, run in zip(self.runs, self.runs[1:], strict=False)
            if run.x0 - previous.x1 > CELL_GAP * self.size
        )
        return gaps + 1


def _runs_text(runs: Sequence[Run]) -> str:
    """Join runs into text, leaving out footnote markers."""
    parts: list[str] = []
    for run in runs:
        if run.is_marker:
            continue
        if parts and run.space_before:
            parts.append(" ")
        parts.append(run.text)
    return "".join(parts)


def _runs_markers(runs: Sequence[Run]) -> tuple[int, ...]:
    """Footnote numbers of the marker runs ("1, 2" gives 1 and 2)."""
    return tuple(int(number) for run in runs if run.is_marker for number in patterns.DIGITS.findall(run.text))


@dataclass(frozen=True, slots=True)
class Layout:
    """All lines of a document with the measures that later stages compare against."""

    lines: tuple[Line, ...]
    """Every line, page by page, top to bottom."""
    body_size: float
    """The font size of the running text (8.5 pt in the Tweede Kamer's Univers layout)."""
    body_left: float
    """Left edge of the text column."""
    body_right: float
    """Right edge of the text column: a line reaching it is full."""
    space_width: float
    """Width of a word space in the running text."""


def document_to_layout(document: PdfDocument) -> Layout:
    """Turn every page's glyphs into zoned lines."""
    body_size = _most_common_size(glyph for page in document.pages for glyph in page.glyphs)
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
    )


def page_to_lines(page: Page, body_left: float) -> list[Line]:
    """Group a page's glyphs into lines, top to bottom, the left column apart from the text column."""
    return _groups_to_lines(page, _baseline_groups(page.glyphs), body_left)


def _groups_to_lines(page: Page, groups: list[list[Glyph]], body_left: float) -> list[Line]:
    """Turn a page's baseline groups into lines: split at the column edge, markers folded in."""
    columns: list[tuple[list[Glyph], Zone]] = []
    for group in groups:
        columns.extend((part, zone) for part, zone in _split_columns(group, body_left) if _has_text(part))
    merged = _merge_raised_groups([glyphs for glyphs, _ in columns])
    lines = [
        _glyphs_to_line(page.number, glyphs, raised, columns[index][1]) for index, glyphs, raised in merged
    ]
    lines.sort(key=lambda line: (line.baseline, line.x0))
    return lines


def _split_columns(group: list[Glyph], body_left: float) -> list[tuple[list[Glyph], Zone]]:
    """Split one baseline's glyphs into the left column and the text column.

    Only where a real gap separates them: the masthead title "Tweede Kamer der Staten-Generaal" runs
    across both columns and stays one line.
    """
    margin = [glyph for glyph in group if glyph.x1 <= body_left - 0.5]
    body = [glyph for glyph in group if glyph.x1 > body_left - 0.5]
    if not margin:
        return [(body, Zone.BODY)]
    if not body:
        return [(margin, Zone.MARGIN)]
    visible = [glyph for glyph in margin if not glyph.text.isspace()]
    gap = min(glyph.x0 for glyph in body) - max((glyph.x1 for glyph in visible), default=0.0)
    if gap > 2 * max(glyph.size for glyph in group):
        return [(margin, Zone.MARGIN), (body, Zone.BODY)]
    return [(group, Zone.MARGIN)]


def _has_text(glyphs: Sequence[Glyph]) -> bool:
    """Whether any glyph is more than white space."""
    return any(not glyph.text.isspace() for glyph in glyphs)


def _most_common_size(glyphs: Iterable[Glyph]) -> float:
    """Return the font size used by most non-space glyphs."""
    sizes = Counter(round(glyph.size, 1) for glyph in glyphs if not glyph.text.isspace())
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _body_left(page_groups: Sequence[list[list[Glyph]]], body_size: float) -> float:
    """Return the x where most lines of running text begin."""
    starts: Counter[float] = Counter()
    for groups in page_groups:
        for group in groups:
            text = [
                glyph for glyph in group if not glyph.text.isspace() and abs(glyph.size - body_size) < 0.5
            ]
            if text:
                starts[round(min(glyph.x0 for glyph in text))] += 1
    return float(starts.most_common(1)[0][0]) if starts else 0.0


def _body_right(body: Sequence[Line]) -> float:
    """Return the right edge of the text column: where the longest lines of running text end.

    The text is set ragged right, so the column edge is the end of the fullest line (540.0 pt in the
    Tweede Kamer's layout); a table row, which may stick out, does not count.
    """
    ends = [line.x1 for line in body if line.cells == 1]
    return max(ends) if ends else 0.0


def _space_width(pages: Sequence[Page], body_size: float) -> float:
    """Return the width of a space glyph in running text (0.28 em in Univers)."""
    widths = Counter(
        round(glyph.x1 - glyph.x0, 2)
        for page in pages
        for glyph in page.glyphs
        if glyph.text == " " and abs(glyph.size - body_size) < 0.5
    )
    return widths.most_common(1)[0][0] if widths else 0.28 * body_size


def _baseline_groups(glyphs: Iterable[Glyph]) -> list[list[Glyph]]:
    """Glyphs that share a baseline, top to bottom."""
    ordered = sorted(glyphs, key=lambda glyph: glyph.baseline)
    groups: list[list[Glyph]] = []
    for glyph in ordered:
        if groups and glyph.baseline - groups[-1][0].baseline <= BASELINE_TOLERANCE:
            groups[-1].append(glyph)
        else:
            groups.append([glyph])
    return groups


def _merge_raised_groups(groups: list[list[Glyph]]) -> list[tuple[int, list[Glyph], frozenset[int]]]:
    """Fold groups of small glyphs into the line they are raised above or hang below.

    A footnote marker is set smaller and higher than its line ("Ends¹?"), so it has a baseline of its own:
    it belongs to the line whose baseline lies just below it. Returns, for each remaining group, its index,
    its glyphs and the ids of its raised glyphs.
    """
    sizes = [_most_common_size(group) for group in groups]
    hosts = {index: _host_line(index, group, groups, sizes) for index, group in enumerate(groups)}
    lines: dict[int, list[Glyph]] = {index: list(group) for index, group in enumerate(groups)}
    raised: dict[int, set[int]] = {index: set() for index in range(len(groups))}
    for index, group in enumerate(groups):
        host = _root_host(index, hosts)
        if host == index:
            continue
        lines[host].extend(group)
        if groups[host][0].baseline > group[0].baseline:
            raised[host].update(id(glyph) for glyph in group)
        del lines[index]
    return [(index, lines[index], frozenset(raised[index])) for index in sorted(lines)]


def _root_host(index: int, hosts: dict[int, int | None]) -> int:
    """Follow hosts to a group that is folded into nothing (a marker over a subscript over a line)."""
    seen = {index}
    current = index
    while (host := hosts[current]) is not None and host not in seen:
        seen.add(host)
        current = host
    return current if hosts[current] is None else index  # a cycle folds nothing


def _host_line(
    index: int, group: Sequence[Glyph], groups: Sequence[Sequence[Glyph]], sizes: Sequence[float]
) -> int | None:
    """Find the group that a group of small glyphs belongs to, if it is a superscript or subscript."""
    size = sizes[index]
    x0, x1 = min(g.x0 for g in group), max(g.x1 for g in group)
    for other in (index + 1, index - 1, index + 2, index - 2):
        if not 0 <= other < len(groups) or sizes[other] * SMALL_GLYPH_RATIO < size:
            continue
        host = groups[other]
        shift = host[0].baseline - group[0].baseline
        # Beside or within the host line: a footnote number hangs left of its text ("10", "Tweede Kamer").
        gap = max(min(g.x0 for g in host) - x1, x0 - max(g.x1 for g in host))
        if (
            gap < sizes[other]
            and -0.5 * sizes[other] < shift < 0.7 * sizes[other]
            and abs(shift) > BASELINE_TOLERANCE
        ):
            return other
    return None


def _glyphs_to_line(page: int, glyphs: list[Glyph], raised: frozenset[int], zone: Zone) -> Line:
    """Build one line from its glyphs: accents combined, runs split at spaces and style changes."""
    text_glyphs = [glyph for glyph in glyphs if id(glyph) not in raised]
    size = _most_common_size(text_glyphs or glyphs)
    baseline = median(glyph.baseline for glyph in text_glyphs or glyphs)
    letters = _combine_accents(sorted(glyphs, key=lambda glyph: glyph.x0))
    runs = _normalise_bullet(_letters_to_runs(letters, raised, size))
    visible = [letter for letter in letters if not letter[0].text.isspace()]
    return Line(
        page=page,
        baseline=baseline,
        top=min(glyph.top for glyph in glyphs),
        x0=visible[0][0].x0 if visible else glyphs[0].x0,
        x1=visible[-1][0].x1 if visible else glyphs[-1].x1,
        size=size,
        runs=tuple(runs),
        zone=zone,
    )


# A letter: the base glyph and its text with any separately drawn accents combined.
Letter = tuple["Glyph", str]


def _combine_accents(glyphs: list[Glyph]) -> list[Letter]:
    """Attach each spacing accent to the letter it is drawn over and combine them (NFC)."""
    letters: list[Letter] = []
    accents: list[Glyph] = []
    for glyph in glyphs:
        if glyph.text in SPACING_ACCENTS and not glyph.text.isspace():
            accents.append(glyph)
        else:
            letters.append((glyph, glyph.text))
    for accent in accents:
        for index, (base, text) in enumerate(letters):
            # Drawn over the letter: "c" 458.0–463.2, "´" 459.2–462.0 (ah-tk-20232024-1314, "Kostic´").
            if base.x0 - 0.5 <= accent.x0 and accent.x1 <= base.x1 + 0.5 and base.text.isalpha():
                combined = unicodedata.normalize("NFC", text + SPACING_ACCENTS[accent.text])
                letters[index] = (base, combined)
                break
        else:  # printed on its own, not over a letter: keep it where it stands
            letters.append((accent, accent.text))
            letters.sort(key=lambda letter: letter[0].x0)
    return letters


def _letters_to_runs(letters: list[Letter], raised: frozenset[int], size: float) -> list[Run]:
    """Split letters into runs at spaces, wide gaps and changes of style."""
    runs: list[Run] = []
    current: list[Letter] = []
    space_before = False
    pending_space = False
    previous: Glyph | None = None
    for glyph, text in letters:
        if glyph.text.isspace():
            pending_space = True
            continue
        if previous is not None and glyph.x0 - previous.x1 > WORD_GAP * min(size, glyph.size * 1.5):
            pending_space = True
        if current and (pending_space or _style(glyph, raised) != _style(current[0][0], raised)):
            runs.append(_run(current, raised, space_before=space_before))
            current = []
        if not current:
            space_before = pending_space and bool(runs)
            pending_space = False
        current.append((glyph, text))
        previous = glyph
    if current:
        runs.append(_run(current, raised, space_before=space_before))
    return runs


def _normalise_bullet(runs: list[Run]) -> list[Run]:
    """Write a line-opening bullet as "•", whatever glyph the font drew (or failed to map)."""
    if len(runs) > 1 and len(runs[0].text) == 1 and runs[0].text in patterns.BULLETS:
        return [replace(runs[0], text="•"), replace(runs[1], space_before=True), *runs[2:]]
    return runs


def _style(glyph: Glyph, raised: frozenset[int]) -> tuple[bool, bool, bool]:
    """Return what splits runs: bold, italic, raised."""
    return (glyph.bold, glyph.italic, id(glyph) in raised)


def _run(letters: list[Letter], raised: frozenset[int], *, space_before: bool) -> Run:
    """Make a run from consecutive letters of one style."""
    first = letters[0][0]
    text = unicodedata.normalize("NFC", "".join(text for _, text in letters))
    text = patterns.CID.sub(patterns.cid_to_text, text)
    return Run(
        text=text,
        x0=first.x0,
        x1=max(glyph.x1 for glyph, _ in letters),
        bold=first.bold,
        italic=first.italic,
        raised=id(first) in raised,
        space_before=space_before,
    )


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
