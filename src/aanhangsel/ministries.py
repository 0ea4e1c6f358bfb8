"""Offices and departments become ministries, each named as in the period the office acted.

The table holds the ministries since 2002, their renames, and the ministers *voor* a portfolio. Names and
dates are those of the Royal Decrees that installed each cabinet (parlement.com, Wikipedia's pages on each
ministry). A row marked "judgement" maps an office that had no ministry of its own to the one that housed
it, where that is a choice rather than a fact.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from aanhangsel import patterns
from aanhangsel.models import Ministry, Respondent

if TYPE_CHECKING:
    from collections.abc import Sequence

    from aanhangsel.models import Metadata

AZ = Ministry(name="Algemene Zaken", abbreviation="AZ")
BZ = Ministry(name="Buitenlandse Zaken", abbreviation="BZ")
BZK = Ministry(name="Binnenlandse Zaken en Koninkrijksrelaties", abbreviation="BZK")
DEF = Ministry(name="Defensie", abbreviation="DEF")
FIN = Ministry(name="Financiën", abbreviation="FIN")
OCW = Ministry(name="Onderwijs, Cultuur en Wetenschap", abbreviation="OCW")
SZW = Ministry(name="Sociale Zaken en Werkgelegenheid", abbreviation="SZW")
VWS = Ministry(name="Volksgezondheid, Welzijn en Sport", abbreviation="VWS")
JUS = Ministry(name="Justitie", abbreviation="JUS")  # the abbreviation of the Kamer's committee for Justitie
VENJ = Ministry(name="Veiligheid en Justitie", abbreviation="VenJ")
JENV = Ministry(name="Justitie en Veiligheid", abbreviation="JenV")
EZ = Ministry(name="Economische Zaken", abbreviation="EZ")
ELI = Ministry(name="Economische Zaken, Landbouw en Innovatie", abbreviation="EL&I")
EZK = Ministry(name="Economische Zaken en Klimaat", abbreviation="EZK")
KGG = Ministry(name="Klimaat en Groene Groei", abbreviation="KGG")
LNV_1989 = Ministry(name="Landbouw, Natuurbeheer en Visserij", abbreviation="LNV")
LNV = Ministry(name="Landbouw, Natuur en Voedselkwaliteit", abbreviation="LNV")
LVVN = Ministry(name="Landbouw, Visserij, Voedselzekerheid en Natuur", abbreviation="LVVN")
VENW = Ministry(name="Verkeer en Waterstaat", abbreviation="VenW")
VROM = Ministry(name="Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer", abbreviation="VROM")
IENM = Ministry(name="Infrastructuur en Milieu", abbreviation="IenM")
IENW = Ministry(name="Infrastructuur en Waterstaat", abbreviation="IenW")
VRO = Ministry(name="Volkshuisvesting en Ruimtelijke Ordening", abbreviation="VRO")
AENM = Ministry(name="Asiel en Migratie", abbreviation="AenM")

# The days ministries were renamed, split or merged: each the day a cabinet took office.
LNV_RENAMED = dt.date(2003, 7, 1)  # Balkenende II: Natuurbeheer en Visserij → Natuur en Voedselkwaliteit
RUTTE_I = dt.date(2010, 10, 14)  # VenJ, IenM (VenW + VROM), EL&I (EZ + LNV); housing to BZK
RUTTE_II = dt.date(2012, 11, 5)  # EL&I → EZ
RUTTE_III = dt.date(2017, 10, 26)  # JenV, IenW, EZK; LNV again
SCHOOF = dt.date(2024, 7, 2)  # EZK → EZ and KGG; LNV → LVVN; VRO and AenM new

Lineage = tuple[tuple[dt.date, Ministry], ...]
"""A portfolio's ministries over time: from each date on, the ministry that holds it (first date: always)."""

ALWAYS = dt.date.min


def _single(ministry: Ministry) -> Lineage:
    """Make the lineage of a portfolio that stayed with one ministry since 2002."""
    return ((ALWAYS, ministry),)


JUSTICE: Lineage = ((ALWAYS, JUS), (RUTTE_I, VENJ), (RUTTE_III, JENV))
ECONOMY: Lineage = ((ALWAYS, EZ), (RUTTE_I, ELI), (RUTTE_II, EZ), (RUTTE_III, EZK), (SCHOOF, EZ))
CLIMATE: Lineage = ((ALWAYS, EZ), (RUTTE_I, ELI), (RUTTE_II, EZ), (RUTTE_III, EZK), (SCHOOF, KGG))
AGRICULTURE: Lineage = (
    (ALWAYS, LNV_1989), (LNV_RENAMED, LNV), (RUTTE_I, ELI), (RUTTE_II, EZ), (RUTTE_III, LNV), (SCHOOF, LVVN),
)  # fmt: skip
TRANSPORT: Lineage = ((ALWAYS, VENW), (RUTTE_I, IENM), (RUTTE_III, IENW))
ENVIRONMENT: Lineage = ((ALWAYS, VROM), (RUTTE_I, IENM), (RUTTE_III, IENW))
HOUSING: Lineage = ((ALWAYS, VROM), (RUTTE_I, BZK), (SCHOOF, VRO))
MIGRATION: Lineage = ((ALWAYS, JUS), (RUTTE_I, BZK), (RUTTE_II, VENJ), (RUTTE_III, JENV), (SCHOOF, AENM))


@dataclass(frozen=True, slots=True)
class Entry:
    """What a printed name stands for."""

    printed: Ministry
    """The ministry the name itself denotes: its answer when the date is unknown."""
    lineage: Lineage
    """Where the portfolio went over time."""


# Every name a department or office may print, with the ministry it denotes and the portfolio's lineage.
# Names are compared without case, accents, commas or repeated spaces ("Volksgezondheid Welzijn en Sport").
TABLE: tuple[tuple[tuple[str, ...], Ministry, Lineage], ...] = (
    # The ministries under their own names and abbreviations.
    (("Algemene Zaken", "AZ"), AZ, _single(AZ)),
    (("Buitenlandse Zaken", "BZ"), BZ, _single(BZ)),
    (("Binnenlandse Zaken en Koninkrijksrelaties", "Binnenlandse Zaken", "BZK"), BZK, _single(BZK)),
    (("Defensie", "DEF"), DEF, _single(DEF)),
    (("Financiën", "FIN"), FIN, _single(FIN)),
    (("Onderwijs, Cultuur en Wetenschap", "OCW"), OCW, _single(OCW)),
    (("Sociale Zaken en Werkgelegenheid", "SZW"), SZW, _single(SZW)),
    (("Volksgezondheid, Welzijn en Sport", "VWS"), VWS, _single(VWS)),
    (("Justitie", "JUS"), JUS, JUSTICE),
    (("Veiligheid en Justitie", "VenJ", "V&J"), VENJ, JUSTICE),
    (("Justitie en Veiligheid", "JenV", "J&V"), JENV, JUSTICE),
    (("Economische Zaken", "EZ"), EZ, ECONOMY),
    (("Economische Zaken, Landbouw en Innovatie", "EL&I", "ELI"), ELI, ECONOMY),
    (("Economische Zaken en Klimaat", "EZK"), EZK, ECONOMY),
    (("Klimaat en Groene Groei", "KGG"), KGG, CLIMATE),
    (("Landbouw, Natuurbeheer en Visserij",), LNV_1989, AGRICULTURE),
    (("Landbouw, Natuur en Voedselkwaliteit", "LNV"), LNV, AGRICULTURE),
    (("Landbouw, Visserij, Voedselzekerheid en Natuur", "LVVN"), LVVN, AGRICULTURE),
    (("Verkeer en Waterstaat", "VenW", "V&W"), VENW, TRANSPORT),
    (("Infrastructuur en Milieu", "IenM", "I&M"), IENM, TRANSPORT),
    (("Infrastructuur en Waterstaat", "IenW", "I&W"), IENW, TRANSPORT),
    (("Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer", "VROM"), VROM, ENVIRONMENT),
    # The Minister voor VRO (2022–2024) sat at BZK; from 2024 VRO is a ministry of its own.
    (("Volkshuisvesting en Ruimtelijke Ordening", "VRO"), VRO, HOUSING),
    (("Asiel en Migratie", "AenM", "A&M"), AENM, MIGRATION),
    # Ministers *voor* a portfolio: no ministry of their own, housed in the one given.
    (("Ontwikkelingssamenwerking",), BZ, _single(BZ)),
    (("Buitenlandse Handel en Ontwikkelingssamenwerking", "BHOS"), BZ, _single(BZ)),  # 2012–2024
    (("Buitenlandse Handel en Ontwikkelingshulp", "BHO"), BZ, _single(BZ)),  # 2024–
    (("Bestuurlijke Vernieuwing en Koninkrijksrelaties",), BZK, _single(BZK)),  # 2003–2006
    (("Vreemdelingenzaken en Integratie",), JUS, MIGRATION),  # 2002–2007
    (("Immigratie en Asiel", "Immigratie, Integratie en Asiel"), BZK, MIGRATION),  # 2010–2012
    (("Jeugd en Gezin",), VWS, _single(VWS)),  # 2007–2010, a programme ministry housed at VWS
    (("Wonen, Wijken en Integratie",), VROM, HOUSING),  # 2007–2010
    (("Wonen en Rijksdienst",), BZK, HOUSING),  # 2012–2017
    # Judgement: the Minister voor Milieu en Wonen (2019–2022) served at both BZK and IenW; housing, the
    # larger part, was BZK's.
    (("Milieu en Wonen",), BZK, HOUSING),
    (("Medische Zorg", "Medische Zorg en Sport"), VWS, _single(VWS)),  # 2017–2022
    (("Langdurige Zorg, Jeugd en Sport",), VWS, _single(VWS)),  # 2022–2024
    (("Rechtsbescherming",), JENV, JUSTICE),  # 2017–2024
    (("Basis- en Voortgezet Onderwijs en Media",), OCW, _single(OCW)),  # 2017–2022
    (("Primair en Voortgezet Onderwijs",), OCW, _single(OCW)),  # 2022–2024
    (("Armoedebeleid, Participatie en Pensioenen",), SZW, _single(SZW)),  # 2022–2024
    (("Klimaat en Energie",), EZK, CLIMATE),  # 2022–2024; its portfolio went to KGG in 2024
    (("Natuur en Stikstof",), LNV, AGRICULTURE),  # 2022–2024
    # Judgement, as the issue gives it and unverified here: a Minister voor Migratie housed at JenV.
    (("Migratie",), JENV, JUSTICE),
)


@dataclass(frozen=True, slots=True)
class Offices:
    """The ministries of a document's offices, and what could not be found."""

    respondent: Respondent | None
    """The respondent with `portfolio` and `ministry` filled in."""
    addressee_ministries: tuple[Ministry, ...]
    """One per addressee, in order."""
    co_respondent_ministries: tuple[Ministry, ...]
    """One per co-respondent, in order."""
    warnings: tuple[str, ...]
    """Names not in the table, kept as printed."""


def metadata_to_offices(metadata: Metadata) -> Offices:
    """Resolve the ministries of addressees (on submitted_on) and respondents (on received_on)."""
    asked_on = metadata.submitted_on or metadata.received_on
    answered_on = metadata.received_on or metadata.submitted_on
    addressees = [office_to_ministry(office, asked_on) for office in metadata.addressees]
    co_respondents = [office_to_ministry(office, answered_on) for office in metadata.co_respondents]
    respondent, respondent_warning = (
        respondent_to_ministry(metadata.respondent, answered_on) if metadata.respondent else (None, None)
    )
    warnings = [warning for _, warning in (*addressees, *co_respondents) if warning]
    return Offices(
        respondent=respondent,
        addressee_ministries=tuple(ministry for ministry, _ in addressees),
        co_respondent_ministries=tuple(ministry for ministry, _ in co_respondents),
        warnings=(*warnings, *([respondent_warning] if respondent_warning else [])),
    )


def office_to_ministry(office: str, on: dt.date | None) -> tuple[Ministry, str | None]:
    """Find the ministry of an office ("Minister voor Rechtsbescherming"); warn if not in the table."""
    if patterns.PRIME_MINISTER.match(office):
        return AZ, None
    match = patterns.OFFICE.fullmatch(office)
    department, _ = split_department(match["portfolio"] if match else office)
    return _department_or_as_printed(department, on, office)


def respondent_to_ministry(respondent: Respondent, on: dt.date | None) -> tuple[Respondent, str | None]:
    """Fill in the respondent's portfolio and ministry; a warning if the department is not in the table."""
    ministry: Ministry | None = None
    warning = None
    portfolio = None
    if respondent.department is not None:
        department, portfolio = split_department(respondent.department)
        ministry, warning = _department_or_as_printed(department, on, respondent.department)
    elif patterns.PRIME_MINISTER.match(respondent.role):
        ministry = AZ
    fields = {**dict(respondent), "portfolio": portfolio, "ministry": ministry}
    return Respondent(**fields), warning


def split_department(text: str) -> tuple[str, str | None]:
    """Cut "Financiën – Fiscaliteit en Belastingdienst" into the department and the portfolio."""
    parts = patterns.PORTFOLIO_DASH.split(text.strip(), maxsplit=1)
    return parts[0], (parts[1] if len(parts) > 1 else None)


def resolve_ministry(name: str, on: dt.date | None) -> Ministry | None:
    """Find the ministry a printed name stands for on a date (without a date: the one it denotes)."""
    entry = _entries().get(fold_name(name))
    if entry is None:
        return None
    return entry.printed if on is None else _in_period(entry.lineage, on)


def fold_name(name: str) -> str:
    """Compare names without case, accents, commas, dash variants or repeated spaces."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(plain.replace(",", " ").replace("–", "-").split()).removesuffix(".")


def _department_or_as_printed(
    department: str, on: dt.date | None, printed: str
) -> tuple[Ministry, str | None]:
    """Resolve a department, or keep it as printed (no abbreviation) with a warning."""
    ministry = resolve_ministry(department, on)
    if ministry is not None:
        return ministry, None
    warning = f"ministry not in the table of ministries, kept as printed: {department!r} (in {printed!r})"
    return Ministry(name=department, abbreviation=None), warning


def _in_period(lineage: Lineage, on: dt.date) -> Ministry:
    """Find the ministry that holds a lineage's portfolio on a date."""
    return next(ministry for since, ministry in reversed(lineage) if since <= on)


@cache
def _entries() -> dict[str, Entry]:
    """Index the table by folded name (built on first use, not at import)."""
    return {
        fold_name(name): Entry(printed=printed, lineage=lineage)
        for names, printed, lineage in TABLE
        for name in names
    }


def table_names() -> Sequence[tuple[str, Ministry, Lineage]]:
    """List every printed name of the table with the ministry it denotes and its lineage."""
    return [(name, printed, lineage) for names, printed, lineage in TABLE for name in names]
