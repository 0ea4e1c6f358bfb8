"""Citations in the texts become references, each with the id it names and where it stands.

Kinds: Kamerstukken, Aanhangsel entries, Handelingen, Staatsblad and Staatscourant, kamervraag numbers, web
addresses and domains. Every reference's `text` is a slice of the text it was found in: nothing is invented.
An id is formed only from what the citation prints (an Aanhangsel whose session years do not follow each
other forms none).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from aanhangsel import patterns
from aanhangsel.models import FoundIn, Reference
from aanhangsel.text import find_urls

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Iterator, Sequence

    import regex

    from aanhangsel.models import Block, Footnote, Mededeling, Metadata, ReferenceKind

PUBLICATIONS = "https://zoek.officielebekendmakingen.nl/"
"""Where the official publications (kst-, ah-, h-, stb-, stcrt-) have their pages."""
KAMERVRAGEN = "https://www.tweedekamer.nl/kamerstukken/kamervragen/detail?id="
"""The Tweede Kamer's page of a kamervraag (zaak) by its number."""
_PUBLICATION_PREFIXES = ("kst-", "ah-", "h-", "stb-", "stcrt-")
_CHAMBER_CODES = {"I": "ek", "II": "tk", "Eerste Kamer": "ek", "Tweede Kamer": "tk"}


@dataclass(frozen=True, slots=True)
class Citation:
    """One citation found in a text, before it knows which part it stands in."""

    kind: ReferenceKind
    """What it points to."""
    ids: tuple[str | None, ...]
    """The id of each publication it names ("nrs. 403 en 404" names two)."""
    start: int
    """Where it starts in the text."""
    end: int
    """Where it ends."""


@dataclass(frozen=True, slots=True)
class Context:
    """What the finders need to know of the document."""

    chamber: str | None
    """The document's chamber: an Aanhangsel or Handelingen cited without one is the document's own."""
    questioners: tuple[str, ...] = ()
    """The questioners' names: a kamervraag number in a sentence naming one is the document's own."""
    submitted_on: dt.date | None = None
    """The submission date: a kamervraag number in a sentence giving it is the document's own."""


def parts_to_references(
    metadata: Metadata,
    questions: Sequence[Block],
    answers: Sequence[Block],
    footnotes: Sequence[Footnote],
    mededeling: Mededeling | None,
) -> list[Reference]:
    """Every citation in questions, answers, the mededeling and footnotes, in that order."""
    context = Context(
        chamber=metadata.chamber,
        questioners=tuple(questioner.name for questioner in metadata.questioners),
        submitted_on=metadata.submitted_on,
    )
    parts = [
        *((FoundIn(part="question", numbers=block.numbers), block.text) for block in questions),
        *((FoundIn(part="answer", numbers=block.numbers), block.text) for block in answers),
        *([(FoundIn(part="mededeling", numbers=[]), mededeling.text)] if mededeling else []),
        *((FoundIn(part="footnote", numbers=[footnote.number]), footnote.text) for footnote in footnotes),
    ]
    return [ref for found_in, text in parts for ref in text_to_references(text, found_in, context)]


def text_to_references(text: str, found_in: FoundIn, context: Context) -> list[Reference]:
    """List the references of one text, in the order they stand."""
    citations = text_to_citations(text, context.chamber)
    references: list[Reference] = []
    for citation in citations:
        role = _kamervraag_role(text, citation, citations, context) if citation.kind == "kamervraag" else None
        references.extend(
            Reference(
                kind=citation.kind,
                id=id_,
                url=reference_url(citation.kind, id_),
                text=text[citation.start : citation.end],
                found_in=found_in,
                role=role,
            )
            for id_ in citation.ids
        )
    return references


def text_to_citations(text: str, chamber: str | None) -> list[Citation]:
    """Find the citations of a text; a span taken by an earlier finder (a URL) is not read again."""
    taken: list[Citation] = []
    for finder in _FINDERS:
        taken.extend(
            citation
            for citation in finder(text, chamber)
            if not any(citation.start < other.end and other.start < citation.end for other in taken)
        )
    return sorted(taken, key=lambda citation: citation.start)


def footnote_citations(
    number: int, questions: Sequence[Block], answers: Sequence[Block], mededeling: Mededeling | None
) -> list[FoundIn]:
    """List the blocks whose markers point to footnote `number`: questions, answers, then the mededeling."""
    blocks = [
        *(FoundIn(part="question", numbers=q.numbers) for q in questions if number in q.footnote_refs),
        *(FoundIn(part="answer", numbers=a.numbers) for a in answers if number in a.footnote_refs),
    ]
    if mededeling is not None and number in mededeling.footnote_refs:
        blocks.append(FoundIn(part="mededeling", numbers=[]))
    return blocks


def official_url(publication_id: str | None) -> str | None:
    """Form the official page of a publication id ("kst-31066-1512"); None for other ids."""
    if publication_id is None or not publication_id.startswith(_PUBLICATION_PREFIXES):
        return None
    return f"{PUBLICATIONS}{publication_id}.html"


def reference_url(kind: ReferenceKind, reference_id: str | None) -> str | None:
    """Form the page a reference links to: its publication, its kamervraag, or the web address."""
    if reference_id is None or kind == "domain":
        return None
    if kind == "web":
        return reference_id
    if kind == "kamervraag":
        return f"{KAMERVRAGEN}{reference_id}"
    if kind == "handelingen" and reference_id.count("-") < 4:  # a sitting without an item has no page
        return None
    return official_url(reference_id)


# --- finders, in order of precedence ---------------------------------------------------------------


def _web(text: str, chamber: str | None) -> Iterator[Citation]:
    """Web addresses, whole; "https://" added to one printed without a scheme."""
    del chamber
    position = 0
    for url in find_urls(text):
        start = text.index(url, position)
        position = start + len(url)
        address = url if "://" in url else f"https://{url}"
        yield Citation(kind="web", ids=(address,), start=start, end=position)


def _kamerstukken(text: str, chamber: str | None) -> Iterator[Citation]:
    """Kamerstukken in full: "Kamerstukken II 2024/25, 31 066, nr. 1512" → kst-31066-1512."""
    del chamber
    for match in patterns.KAMERSTUK.finditer(text):
        dossier = _dossier(match)
        yield _citation("kamerstuk", match, [f"kst-{dossier}-{number}" for number in _numbers(match)])


def _kamerstukken_short(text: str, chamber: str | None) -> Iterator[Citation]:
    """Kamerstukken in short: "(36 471-64)" → kst-36471-64."""
    del chamber
    for match in patterns.KAMERSTUK_SHORT.finditer(text):
        yield _citation("kamerstuk", match, [f"kst-{_dossier(match)}-{match['number']}"])


def _aanhangsel(text: str, chamber: str | None) -> Iterator[Citation]:
    """Aanhangsel entries: "Aanhangsel Handelingen, vergaderjaar 2022–2023, nr. 844" → ah-tk-20222023-844."""
    for match in patterns.AANHANGSEL.finditer(text):
        code = _CHAMBER_CODES.get(match["chamber"] or chamber or "")
        session = _session(match)
        prefix = f"ah-{code}-{session}" if code and session else None
        yield _citation("aanhangsel", match, [f"{prefix}-{n}" if prefix else None for n in _numbers(match)])
    for match in patterns.DOCUMENT_ID.finditer(text):
        yield _citation("aanhangsel", match, [match.group()])


def _handelingen(text: str, chamber: str | None) -> Iterator[Citation]:
    """Handelingen: "Handelingen II 2023/24, nr. 45, item 12" → h-tk-20232024-45-12."""
    del chamber
    for match in patterns.HANDELINGEN.finditer(text):
        session = _session(match)
        parts = [_CHAMBER_CODES[match["chamber"]], session, match["number"], match["item"]]
        formed = "-".join(part for part in parts if part) if session and match["number"] else None
        yield _citation("handelingen", match, [f"h-{formed}" if formed else None])


def _staatsblad(text: str, chamber: str | None) -> Iterator[Citation]:
    """Staatsblad: "Staatsblad 2020, 118" → stb-2020-118."""
    del chamber
    for match in patterns.STAATSBLAD.finditer(text):
        yield _citation("staatsblad", match, [f"stb-{match['year']}-{match['number']}"])


def _staatscourant(text: str, chamber: str | None) -> Iterator[Citation]:
    """Staatscourant: "Staatscourant 2023, 12345" → stcrt-2023-12345."""
    del chamber
    for match in patterns.STAATSCOURANT.finditer(text):
        yield _citation("staatscourant", match, [f"stcrt-{match['year']}-{match['number']}"])


def _kamervragen(text: str, chamber: str | None) -> Iterator[Citation]:
    """Kamervraag numbers: "2025Z18684"."""
    del chamber
    for match in patterns.KAMERVRAAG_NUMBER.finditer(text):
        yield _citation("kamervraag", match, [match.group()])


def _domains(text: str, chamber: str | None) -> Iterator[Citation]:
    """Bare domains named as a source: "(forbes.com)" → forbes.com."""
    del chamber
    if not patterns.may_hold_address(text):
        return
    for match in patterns.DOMAIN.finditer(text):
        yield _citation("domain", match, [match.group().lower()])


_FINDERS: tuple[Callable[[str, str | None], Iterator[Citation]], ...] = (
    _web,
    _kamerstukken,
    _aanhangsel,
    _handelingen,
    _staatsblad,
    _staatscourant,
    _kamerstukken_short,
    _kamervragen,
    _domains,
)


def _citation(kind: ReferenceKind, match: regex.Match[str], ids: Sequence[str | None]) -> Citation:
    """Make a citation spanning a match."""
    return Citation(kind=kind, ids=tuple(ids), start=match.start(), end=match.end())


def _dossier(match: regex.Match[str]) -> str:
    """Form the dossier part of a Kamerstuk id: "21 501-02" → 21501-02, "36 410 VIII" → 36410-VIII."""
    groups = match.groupdict()
    parts = [match["dossier"].replace(" ", ""), groups.get("sub"), groups.get("chapter")]
    return "-".join(part for part in parts if part)


def _numbers(match: regex.Match[str]) -> list[str]:
    """List the numbers a citation names: "nr. 406" → 406; "nrs. 403 en 404" → 403, 404."""
    if match["number"]:
        return [match["number"]]
    return patterns.DIGITS.findall(match["numbers"])


def _session(match: regex.Match[str]) -> str | None:
    """Write a session as in ids, "2024/25" → 20242025; None when the years do not follow."""
    first, second = match["first"], match["second"]
    full = f"{first[:2]}{second}" if len(second) == 2 else second
    return f"{first}{full}" if int(full) == int(first) + 1 else None


def _kamervraag_role(
    text: str, citation: Citation, citations: Sequence[Citation], context: Context
) -> Literal["own", "cited"]:
    """Say "own" when the sentence before the number names a questioner or the submission date.

    The sentence runs from the last sentence end, or the previous kamervraag number, to the number:
    "Op 3 oktober heeft het lid Van der Werf (D66) hierover vragen gesteld (2025Z18684)" is own, the next
    sentence's "Ook de leden Kathmann … stelden hierover op 7 oktober vragen (2025Z18778)" is cited.
    """
    start = max(
        [0]
        + [match.end() for match in patterns.SENTENCE_BREAK.finditer(text, 0, citation.start)]
        + [other.end for other in citations if other.kind == "kamervraag" and other.end <= citation.start]
    )
    words = _words(text[start : citation.start])
    phrases = list(context.questioners)
    if context.submitted_on is not None:
        month = patterns.MONTHS[context.submitted_on.month - 1]
        phrases.append(f"{context.submitted_on.day} {month}")
    return "own" if any(_contains(words, _words(phrase)) for phrase in phrases) else "cited"


def _words(text: str) -> list[str]:
    """Split a text into case-folded words."""
    return [word.casefold() for word in patterns.WORD.findall(text)]


def _contains(words: Sequence[str], phrase: Sequence[str]) -> bool:
    """Whether `phrase` stands in `words` as consecutive whole words."""
    size = len(phrase)
    return size > 0 and any(list(words[i : i + size]) == list(phrase) for i in range(len(words) - size + 1))
