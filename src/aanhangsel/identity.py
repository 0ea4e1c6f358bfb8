"""The masthead, id block and running footer become the document's identity: chamber, session, id, number."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from aanhangsel import patterns

if TYPE_CHECKING:
    from collections.abc import Sequence

    import regex

    from aanhangsel.layout import Line

Chamber = Literal["Tweede Kamer", "Eerste Kamer"]
_CHAMBERS: dict[str, Chamber] = {
    "tk": "Tweede Kamer",
    "ek": "Eerste Kamer",
    "Tweede": "Tweede Kamer",
    "Eerste": "Eerste Kamer",
}


@dataclass(frozen=True, slots=True)
class Identity:
    """Which document this is, each field None where nothing printed it."""

    document_id: str | None
    """ "ah-tk-20232024-1786"."""
    chamber: Chamber | None
    """ "Tweede Kamer" or "Eerste Kamer"."""
    session: str | None
    """ "2023-2024"."""
    number: int | None
    """The aanhangselnummer."""
    warnings: tuple[str, ...]
    """Disagreements between the places that print these."""


def furniture_to_identity(furniture: Sequence[Line], number_line: Line | None) -> Identity:
    """Read chamber, session, id and number from the page furniture and the number above the intro."""
    texts = [line.text for line in furniture]
    id_match = _first(patterns.DOCUMENT_ID, [line.text for line in furniture if line.page == 1])
    chamber_match = _first(patterns.CHAMBER, texts)
    session_match = _first(patterns.SESSION, texts)
    warnings: list[str] = []

    chamber = _CHAMBERS[chamber_match["chamber"]] if chamber_match else None
    session = f"{session_match['first']}-{session_match['second']}" if session_match else None
    if id_match:
        id_chamber = _CHAMBERS[id_match["chamber"]]
        id_session = f"{id_match['session'][:4]}-{id_match['session'][4:]}"
        if chamber is not None and chamber != id_chamber:
            warnings.append(f"the masthead says {chamber} but the id block says {id_match.group()}")
        if session is not None and session != id_session:
            warnings.append(
                f"the masthead says vergaderjaar {session} but the id block says {id_match.group()}"
            )
        chamber = chamber or id_chamber
        session = session or id_session
    number = int(number_line.text) if number_line else None
    if id_match and number is None:
        number = int(id_match["number"])
        warnings.append("no document number above the intro; taken from the id block")
    if id_match and number is not None and int(id_match["number"]) != number:
        warnings.append(f"the id block says {id_match.group()} but the number above the intro is {number}")
    return Identity(
        document_id=id_match.group() if id_match else None,
        chamber=chamber,
        session=session,
        number=number,
        warnings=tuple(warnings),
    )


def _first(pattern: regex.Pattern[str], texts: Sequence[str]) -> regex.Match[str] | None:
    """Return the first match of a pattern in a list of texts."""
    for text in texts:
        match = pattern.search(text)
        if match:
            return match
    return None
