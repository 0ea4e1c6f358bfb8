"""The intro sentences become metadata: questioners, addressees, subject, dates, respondent, references."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from aanhangsel import patterns
from aanhangsel.models import Questioner, Respondent, SeeAlso


@dataclass(frozen=True, slots=True)
class Intro:
    """What the intro says, each field None (or empty) where it could not be read."""

    kind: Literal["answer", "mededeling"] | None = None
    """Answer ("Antwoord van …") or mededeling ("Mededeling van …")."""
    questioners: tuple[Questioner, ...] = ()
    """Members who asked, in printed order."""
    addressees: tuple[str, ...] = ()
    """Offices asked, one each."""
    subject: str | None = None
    """What the questions are about."""
    submitted_on: dt.date | None = None
    """Ingezonden."""
    respondent: Respondent | None = None
    """Who answered."""
    co_respondents: tuple[str, ...] = ()
    """Offices answering with the respondent."""
    received_on: dt.date | None = None
    """Ontvangen."""
    see_also: tuple[SeeAlso, ...] = ()
    """Earlier Aanhangsel entries referred to."""
    warnings: tuple[str, ...] = field(default=())
    """What could not be read."""


def parse_intro(text: str) -> Intro:
    """Read the intro sentences ("Vragen van …", "Antwoord van …", "Zie ook …")."""
    text = " ".join(text.split())
    warnings: list[str] = []
    question = patterns.QUESTION_SENTENCE.search(text)
    answer = patterns.ANSWER_SENTENCE.search(text, question.end() if question else 0)
    if question is None:
        warnings.append(
            "could not read the question sentence of the intro ('Vragen van … over … (ingezonden …)')"
        )
    if answer is None:
        warnings.append("could not read the answer sentence of the intro ('Antwoord van … (ontvangen …)')")
    addressees = parse_addressees(question["addressees"]) if question else ()
    warnings.extend(offices_without_ministry(addressees, "addressee"))
    respondent, co_respondents, respondent_warnings = (
        parse_respondents(answer["respondents"], addressees) if answer else (None, (), ())
    )
    submitted_on = parse_dutch_date(question["date"]) if question else None
    received_on = parse_dutch_date(answer["date"]) if answer else None
    see_also, see_also_warnings = _read_see_also(text)
    if question and submitted_on is None:
        warnings.append(f"could not read the date submitted: {question['date']!r}")
    if answer and received_on is None:
        warnings.append(f"could not read the date received: {answer['date']!r}")
    return Intro(
        kind=("mededeling" if answer["kind"] == "Mededeling" else "answer") if answer else None,
        questioners=parse_questioners(question["members"]) if question else (),
        addressees=addressees,
        subject=clean_subject(question["subject"]) if question else None,
        submitted_on=submitted_on,
        respondent=respondent,
        co_respondents=co_respondents,
        received_on=received_on,
        see_also=see_also,
        warnings=(*warnings, *respondent_warnings, *see_also_warnings),
    )


def parse_questioners(members: str) -> tuple[Questioner, ...]:
    """Members with their parties: "Van Weyenberg, Romke de Jong en Kat (allen D66)" gives each D66."""
    questioners: list[Questioner] = []
    end = 0
    for group in patterns.MEMBER_GROUP.finditer(members):
        party = patterns.SHARED_PARTY.sub("", group["party"]).strip()
        questioners.extend(Questioner(name=name, party=party) for name in _names(group["names"]))
        end = group.end()
    questioners.extend(Questioner(name=name, party=None) for name in _names(members[end:]))
    return tuple(questioners)


def _names(text: str) -> list[str]:
    """Split "Van Eijk en Aartsen" or ", Chakor" into names."""
    return [name.strip() for name in patterns.NAME_SEPARATOR.split(text) if name.strip()]


def parse_addressees(text: str) -> tuple[str, ...]:
    """One singular office per entry: "de Ministers van X en voor Y" → "Minister van X", "Minister voor Y".

    An office printed without its ministry takes the ministry of the office it is coordinated with: "de
    Staatssecretaris en de Minister van Financiën" → "Staatssecretaris van Financiën", "Minister van
    Financiën".
    """
    text = _strip_article(text)
    offices: list[str] = []
    for phrase in patterns.OFFICE_SEPARATOR.split(text):
        offices.extend(_singular_offices(_strip_article(phrase)))
    return _share_ministries([office for office in offices if office])


def _singular_offices(phrase: str) -> list[str]:
    """Expand a plural office over its portfolios; a singular one stays as printed."""
    plural = patterns.PLURAL_OFFICE.fullmatch(phrase)
    if plural is None:
        return [phrase.strip()]
    role = plural["role"].removesuffix("s") if plural["role"].lower() == "ministers" else plural["role"][:-3]
    portfolios = patterns.PORTFOLIO_SEPARATOR.split(plural["portfolios"])
    return [f"{role} {portfolio.strip()}" for portfolio in portfolios if portfolio.strip()]


def _share_ministries(offices: list[str]) -> tuple[str, ...]:
    """Give each office without a ministry the one of the nearest office after it that has one, else before.

    The ministry printed once after several offices belongs to all of them ("de Minister en de
    Staatssecretaris van Financiën"); the Minister-President stands alone and takes none.
    """
    ministries = [_ministry(office) for office in offices]
    shared: list[str] = []
    for index, office in enumerate(offices):
        if patterns.BARE_OFFICE.fullmatch(office):
            after = (ministry for ministry in ministries[index + 1 :] if ministry)
            before = (ministry for ministry in reversed(ministries[:index]) if ministry)
            ministry = next(after, None) or next(before, None)
            shared.append(f"{office} {ministry}" if ministry else office)
        else:
            shared.append(office)
    return tuple(shared)


def _ministry(office: str) -> str | None:
    """Return an office's ministry with its preposition ("van Financiën"), or None if it has none."""
    match = patterns.OFFICE_MINISTRY.fullmatch(office)
    return match["ministry"] if match else None


def offices_without_ministry(offices: tuple[str, ...], what: str) -> tuple[str, ...]:
    """Warn of each office left without a ministry: `what` they are ("addressee", "co-respondent")."""
    return tuple(
        f"{what} {office!r} has no ministry, and no office beside it to take one from"
        for office in offices
        if patterns.BARE_OFFICE.fullmatch(office)
    )


def _strip_article(text: str) -> str:
    """Drop a leading article: "de Minister …" → "Minister …"."""
    text = text.strip()
    for article in ("de ", "het "):
        if text.startswith(article):
            return text[len(article) :]
    return text


def parse_respondents(
    text: str, addressees: tuple[str, ...]
) -> tuple[Respondent | None, tuple[str, ...], tuple[str, ...]]:
    """Read the respondent, the offices answering with them, and warnings.

    "Staatssecretaris Van Rij (Financiën – …), mede namens de Minister voor …" has one co-respondent by
    "mede namens"; "Minister Bruins Slot (BZ) van Minister Schreinemacher (Buitenlandse Handel en
    Ontwikkelingssamenwerking)" is a joint answer whose second office is read from the addressees.
    """
    on_behalf = patterns.ON_BEHALF.search(text)
    people_text = text[: on_behalf.start()] if on_behalf else text
    people = list(patterns.PERSON.finditer(people_text))
    if not people:
        alone = _respondent_without_department(people_text)
        return alone, (), (() if alone else (f"could not read the respondent: {text!r}",))
    first = people[0]
    respondent = Respondent(
        role=first["role"], name=first["name"].strip(), department=first["department"].strip()
    )
    co_respondents: list[str] = []
    warnings: list[str] = []
    for person in people[1:]:
        office = office_for_department(person["role"], person["department"], addressees)
        if office is None:
            office = f"{person['role']} van {person['department'].strip()}"
            warnings.append(f"office of co-respondent {person['name'].strip()} guessed as {office!r}")
        co_respondents.append(office)
    if on_behalf:
        on_behalf_of = parse_addressees(on_behalf["offices"])
        co_respondents.extend(on_behalf_of)
        warnings.extend(offices_without_ministry(on_behalf_of, "co-respondent"))
    return respondent, tuple(co_respondents), tuple(warnings)


def _respondent_without_department(text: str) -> Respondent | None:
    """Read a respondent without department ("Minister Rutte") or only an office ("de Minister van X")."""
    alone = patterns.PERSON_WITHOUT_DEPARTMENT.search(text)
    if alone is not None:
        return Respondent(role=alone["role"], name=alone["name"].strip(), department=None)
    office = patterns.OFFICE_WITHOUT_NAME.search(text)
    if office is not None:
        return Respondent(role=office["role"], name=None, department=office["portfolio"].strip())
    return None


def office_for_department(role: str, department: str, addressees: tuple[str, ...]) -> str | None:
    """Find the addressed office whose portfolio is this department ("… Handel en …" → "Minister voor …")."""
    wanted = _fold(department)
    for addressee in addressees:
        office = patterns.OFFICE.fullmatch(addressee)
        if office and office["role"].lower() == role.lower() and _fold(office["portfolio"]) == wanted:
            return addressee
    return None


def _fold(text: str) -> str:
    """Compare portfolios without regard to case, dashes or spacing."""
    return " ".join(text.replace("–", "-").replace(",", " ").lower().split())


def clean_subject(subject: str) -> str:
    """Strip a final period and surrounding spaces from the subject."""
    return subject.strip().removesuffix(".").strip()


def parse_dutch_date(text: str) -> dt.date | None:
    """Read a Dutch date, "4 april 2024" → 2024-04-04; None when the text holds no valid one."""
    match = patterns.DUTCH_DATE.search(text)
    if match is None:
        return None
    year, month, day = (
        int(match["year"]),
        patterns.MONTHS.index(match["month"].lower()) + 1,
        int(match["day"]),
    )
    if year < dt.MINYEAR or not 1 <= day <= calendar.monthrange(year, month)[1]:  # "31 april 2024"
        return None
    return dt.date(year, month, day)


def parse_see_also(text: str) -> tuple[SeeAlso, ...]:
    """Every "Zie ook Aanhangsel Handelingen, vergaderjaar 2014–2015, nr. 403" reference."""
    return _read_see_also(text)[0]


def _read_see_also(text: str) -> tuple[tuple[SeeAlso, ...], tuple[str, ...]]:
    """Read every "Zie ook …" reference, and warn of a number 0, which no entry has."""
    references: list[SeeAlso] = []
    warnings: list[str] = []
    for match in patterns.SEE_ALSO.finditer(text):
        session = f"{match['first']}-{match['second']}"
        for number in map(int, patterns.DIGITS.findall(match["numbers"])):
            if number == 0:
                warnings.append(f"could not read the number of {' '.join(match.group().split())!r}: 0")
            else:
                references.append(SeeAlso(session=session, number=number))
    return tuple(references), tuple(warnings)
