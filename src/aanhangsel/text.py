"""Lines become text as a reader would type it: paragraphs, line-end hyphens, broken URLs, markers out."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import TYPE_CHECKING

from aanhangsel import patterns
from aanhangsel.hyphenation import LINE_END_HYPHENS, HyphenDecision, Vocabulary, decide

if TYPE_CHECKING:
    from collections.abc import Sequence

    from aanhangsel.layout import Layout, Line

# Characters after which a URL broken at a line end surely continues on the next line ("https://" then
# "www.movisie.nl/…", "…/ambtenaren-zien-nog-veel-" then "juridische-hobbels-…").
URL_CONTINUES_AFTER = "/-_=&?%~#:"
# Characters that show the next line's first word is the rest of a URL ("%202022.pdf").
URL_QUERY_CHARACTERS = "%=&?#_~"
# A line that begins this far left of the line before has come back from an indent: a list item's
# hanging indent ("1." at 221.1, its lines at 240.94 in ah-tk-20232024-1771), or a nested item's.
INDENT = 2.0


@dataclass(frozen=True, slots=True)
class TextContext:
    """What the text stage measures lines against, built once per document."""

    body_right: float
    """Right edge of the text column: a word that fits before it would have been set on the line."""
    space_width: float
    """Width of a word space in running text."""
    body_size: float
    """Font size of running text."""
    vocabulary: Vocabulary
    """How the document writes its words elsewhere: evidence for line-end hyphens."""

    @classmethod
    def from_layout(cls, layout: Layout, texts: Sequence[Line]) -> TextContext:
        """Take the column and space measures of the layout and the vocabulary of the given lines."""
        return cls(
            body_right=layout.body_right,
            space_width=layout.space_width,
            body_size=layout.body_size,
            vocabulary=Vocabulary(line.text for line in texts),
        )


@dataclass(frozen=True, slots=True)
class Text:
    """A block's text with what was taken out of it."""

    text: str
    """Paragraphs separated by one newline, single spaces inside."""
    footnote_refs: tuple[int, ...]
    """Footnote markers that stood in the text, in order."""
    marker_offsets: tuple[int, ...]
    """Where each of `footnote_refs` stood in `text`: how many characters of the text come before it."""
    hyphens: tuple[HyphenDecision, ...]
    """Every line-end hyphen met, with its decision and the line it ends."""


def lines_to_text(lines: Sequence[Line], context: TextContext) -> Text:
    """Join lines into paragraphs, deciding every line end: new paragraph, space, or none."""
    if not lines:
        return Text(text="", footnote_refs=(), marker_offsets=(), hyphens=())
    paragraphs: list[str] = [lines[0].text]
    markers: list[list[int]] = [list(lines[0].marker_offsets)]  # where the markers stand in each paragraph
    hyphens: list[HyphenDecision] = []
    lead = is_list_item(lines[0])
    for previous, line in pairwise(lines):
        if starts_paragraph(previous, line, context, lead=lead):
            paragraphs.append(line.text)
            markers.append(list(line.marker_offsets))
            lead = is_list_item(line)
            continue
        joined, decision = join_lines(paragraphs[-1], line.text, previous.page, context.vocabulary)
        # However the break was decided, the joined text ends with the new line (a restored trema swaps a
        # letter): a marker before the break stays before the line, one on the line moves with it.
        start = max(0, len(joined) - len(line.text))
        paragraphs[-1] = joined
        markers[-1] = [min(offset, start) for offset in markers[-1]]
        markers[-1] += [start + offset for offset in line.marker_offsets]
        if decision is not None:
            hyphens.append(replace(decision, line=previous))
    text, offsets = _paragraphs_to_text(paragraphs, markers)
    refs = tuple(number for line in lines for number in line.markers)
    return Text(text=text, footnote_refs=refs, marker_offsets=offsets, hyphens=tuple(hyphens))


def _paragraphs_to_text(paragraphs: list[str], markers: list[list[int]]) -> tuple[str, tuple[int, ...]]:
    """Tidy the paragraphs and join them with newlines, the markers' offsets carried into the result.

    A marker's offset in a tidied paragraph is the length of the tidied text before it; a marker in a
    paragraph of white space only, which is left out, stands where the text so far ends.
    """
    texts: list[str] = []
    offsets: list[int] = []
    end = 0
    for paragraph, offsets_in_paragraph in zip(paragraphs, markers, strict=True):
        tidy = _tidy(paragraph)
        start = end + 1 if texts and tidy else end
        offsets += [start + min(len(_tidy(paragraph[:offset])), len(tidy)) for offset in offsets_in_paragraph]
        if tidy:
            texts.append(tidy)
            end = start + len(tidy)
    return "\n".join(texts), tuple(offsets)


def starts_paragraph(previous: Line, line: Line, context: TextContext, *, lead: bool = False) -> bool:
    """Whether `line` opens a new paragraph after `previous`; `lead` says `previous` is in a list item's lead.

    The documents put no space between paragraphs: a line starts one when the line before ends a
    sentence and ended short, that is when this line's first word would have fitted at its end. Under a
    list item the lines at the item's indent follow the same rule, except in the item's first paragraph,
    its lead, which ends where a line ends short, sentence or not ("1. De commissie beveelt aan om meer te
    doen aan vroege" / "signalering van schulden" / "Een stabiel inkomen …"). List items, table rows, a
    change of type size and a line back from an indent also start one.
    """
    if is_list_item(line) or previous.cells > 1 or line.cells > 1:
        return True
    if abs(previous.size - line.size) > 0.5:
        return True
    if line.text_x0 < previous.text_x0 - INDENT:
        return True  # back from an item's hanging indent, or from a nested item's
    room = context.body_right - previous.x1 - context.space_width * previous.size / context.body_size
    if line.first_word_width > room:
        return False  # the line before is full: a break in mid-paragraph
    return lead or patterns.SENTENCE_END.search(previous.text) is not None


def is_list_item(line: Line) -> bool:
    """Whether a line opens a list item: "• …", or "1." / "–" followed by a tab."""
    first = line.text.split(" ", 1)[0]
    if first == "•":
        return True
    return line.tab_after_first_word and bool(
        patterns.LIST_NUMBER.fullmatch(first) or patterns.LIST_DASH.fullmatch(first)
    )


def join_lines(text: str, line: str, page: int, vocabulary: Vocabulary) -> tuple[str, HyphenDecision | None]:
    """Append the next line to the text so far, deciding the break between them."""
    head, _, last = text.rpartition(" ")
    first, _, rest = line.partition(" ")
    if _continues_url(last, first):
        decision = None
        if last.endswith(LINE_END_HYPHENS):
            reason = "inside a web address: the hyphen stays and the lines join without a space"
            decision = HyphenDecision(page, last, first, last + first, kept=True, reason=reason)
        return f"{text}{line}", decision
    if last.endswith("/") and len(last) > 1 and first:
        return f"{text}{line}", None  # a word broken after its slash: "subsidies/" + "leningen", "en/" + "of"
    if last.endswith(LINE_END_HYPHENS) and len(last) > 1 and first:
        left = last[:-1] + "-"
        verdict = decide(left, first, vocabulary, before=head)
        decision = HyphenDecision(page, left, first, verdict.joined, verdict.kept, verdict.reason)
        joined = verdict.joined + (f" {rest}" if rest else "")
        return (f"{head} {joined}" if head else joined), decision
    return f"{text} {line}", None


def _continues_url(last: str, first: str) -> bool:
    """Whether a URL at the end of a line runs on into the next line's first word.

    After "/" or "-" it always does. After a closing bracket or a full stop it has ended ("…/)." then
    "De minister"), unless it stopped at the dot of "www." and the next word is a domain. After a letter
    or digit it goes on only when the next word looks like the rest of an address ("%202022.pdf",
    "2025/10/02/…"), not like a word ("en/of").
    """
    if not first or not _ends_in_url(last):
        return False
    if last.endswith(tuple(URL_CONTINUES_AFTER)):
        return True
    if last.endswith("."):
        rest = first.rstrip(".,;:)»")
        return first[:1].islower() and any(char in "./" for char in rest)
    if not last[-1].isalnum():
        return False
    if any(char in URL_QUERY_CHARACTERS for char in first):
        return True
    return "/" in first and any(char.isdigit() or char in ".-" for char in first)


def _ends_in_url(token: str) -> bool:
    """Whether the last token of a line is (the start of) a web address."""
    token = token.lstrip("(«[\"'")
    if token.lower().startswith(("http://", "https://", "www.")):
        return True
    match = patterns.URL.search(token)
    return match is not None and match.end() == len(token)


def _tidy(paragraph: str) -> str:
    """Fold white space to single spaces and normalise to NFC."""
    return unicodedata.normalize("NFC", " ".join(paragraph.split()))


def find_urls(text: str) -> tuple[str, ...]:
    """Every web address in a text, whole, without the punctuation that closes the sentence around it."""
    if not patterns.may_hold_address(text):
        return ()
    urls = []
    for match in patterns.URL.finditer(text):
        url = match.group().rstrip(patterns.URL_TRAILING_PUNCTUATION)
        while url.endswith(")") and url.count("(") < url.count(")"):
            url = url[:-1].rstrip(patterns.URL_TRAILING_PUNCTUATION)
        urls.append(url)
    return tuple(urls)
