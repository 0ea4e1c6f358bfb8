"""Departments and offices become canonical ministries, named as in the period the office acted."""

from __future__ import annotations

import datetime as dt

import pytest

from aanhangsel.ministries import (
    TABLE,
    fold_name,
    metadata_to_offices,
    office_to_ministry,
    resolve_ministry,
    split_department,
    table_names,
)
from aanhangsel.models import Metadata, Ministry, Respondent

ENTRIES = table_names()


def m(name, abbreviation):
    return Ministry(name=name, abbreviation=abbreviation)


# Written out here rather than taken from the table, so that the tests do not check the table against itself.
BZ = m("Buitenlandse Zaken", "BZ")
BZK = m("Binnenlandse Zaken en Koninkrijksrelaties", "BZK")
EZ = m("Economische Zaken", "EZ")
EZK = m("Economische Zaken en Klimaat", "EZK")
JENV = m("Justitie en Veiligheid", "JenV")
LNV = m("Landbouw, Natuur en Voedselkwaliteit", "LNV")
LVVN = m("Landbouw, Visserij, Voedselzekerheid en Natuur", "LVVN")
OCW = m("Onderwijs, Cultuur en Wetenschap", "OCW")
VWS = m("Volksgezondheid, Welzijn en Sport", "VWS")


# --- the table: every entry --------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "printed", "lineage"), ENTRIES, ids=[name for name, _, _ in ENTRIES])
def test_every_name_resolves_to_the_ministry_it_denotes(name, printed, lineage):
    assert resolve_ministry(name, None) == printed
    assert printed in [ministry for _, ministry in lineage]


@pytest.mark.parametrize(("name", "printed", "lineage"), ENTRIES, ids=[name for name, _, _ in ENTRIES])
def test_every_name_follows_its_lineage_through_time(name, printed, lineage):
    del printed
    for (since, ministry), following in zip(lineage, [*lineage[1:], None], strict=True):
        first_day = since if since != dt.date.min else dt.date(2002, 7, 22)  # Balkenende I took office
        assert resolve_ministry(name, first_day) == ministry
        if following is not None:
            assert resolve_ministry(name, following[0] - dt.timedelta(days=1)) == ministry


@pytest.mark.parametrize(("name", "printed", "lineage"), ENTRIES, ids=[name for name, _, _ in ENTRIES])
def test_every_name_is_found_however_it_is_cased_or_spaced(name, printed, lineage):
    del lineage
    assert resolve_ministry(f"  {name.upper().replace(', ', ' ')} ", None) == printed


def test_no_name_stands_for_two_rows():
    folded = [fold_name(name) for names, _, _ in TABLE for name in names]
    assert len(folded) == len(set(folded))


def test_every_lineage_starts_always_and_runs_forward():
    for _, _, lineage in TABLE:
        dates = [since for since, _ in lineage]
        assert dates[0] == dt.date.min
        assert dates == sorted(dates)


# --- the period: the name in the document's own time ------------------------------------------------


@pytest.mark.parametrize(
    ("name", "on", "expected"),
    [
        ("Economische Zaken en Klimaat", dt.date(2020, 5, 1), EZK),
        ("Economische Zaken en Klimaat", dt.date(2025, 5, 1), EZ),
        ("Economische Zaken", dt.date(2011, 5, 1), m("Economische Zaken, Landbouw en Innovatie", "EL&I")),
        ("EZ", dt.date(2020, 5, 1), EZK),
        ("Klimaat en Energie", dt.date(2024, 6, 18), EZK),
        ("Klimaat en Energie", dt.date(2024, 7, 17), m("Klimaat en Groene Groei", "KGG")),
        ("Justitie", dt.date(2015, 1, 1), m("Veiligheid en Justitie", "VenJ")),
        ("Justitie", dt.date(2004, 1, 1), m("Justitie", "JUS")),
        ("VenJ", dt.date(2020, 1, 1), JENV),
        ("Verkeer en Waterstaat", dt.date(2014, 1, 1), m("Infrastructuur en Milieu", "IenM")),
        ("VROM", dt.date(2019, 1, 1), m("Infrastructuur en Waterstaat", "IenW")),
        ("LNV", dt.date(2003, 1, 1), m("Landbouw, Natuurbeheer en Visserij", "LNV")),
        ("LNV", dt.date(2015, 1, 1), EZ),
        ("LNV", dt.date(2024, 10, 30), LVVN),
        ("Natuur en Stikstof", dt.date(2023, 1, 1), LNV),
        ("Volkshuisvesting en Ruimtelijke Ordening", dt.date(2023, 1, 1), BZK),
        ("VRO", dt.date(2025, 1, 1), m("Volkshuisvesting en Ruimtelijke Ordening", "VRO")),
        ("Immigratie en Asiel", dt.date(2011, 1, 1), BZK),
        ("Asiel en Migratie", dt.date(2025, 1, 1), m("Asiel en Migratie", "AenM")),
        ("Rechtsbescherming", dt.date(2019, 1, 1), JENV),
        ("Buitenlandse Handel en Ontwikkelingssamenwerking", dt.date(2024, 6, 5), BZ),
        ("Medische Zorg", dt.date(2018, 1, 1), VWS),
        ("Basis- en Voortgezet Onderwijs en Media", dt.date(2018, 1, 1), OCW),
        ("Wonen en Rijksdienst", dt.date(2013, 1, 1), BZK),
        ("Migratie", dt.date(2026, 3, 1), JENV),
        ("Financien", dt.date(2024, 1, 1), m("Financiën", "FIN")),  # printed without its trema
        ("Volksgezondheid Welzijn en Sport", dt.date(2024, 1, 1), VWS),
    ],
)  # fmt: skip
def test_a_name_resolves_to_its_ministry_in_the_period(name, on, expected):
    assert resolve_ministry(name, on) == expected


def test_a_name_not_in_the_table_resolves_to_nothing():
    assert resolve_ministry("Ruimtevaart", dt.date(2024, 1, 1)) is None


# --- departments and offices -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("department", "expected"),
    [
        ("Financiën – Fiscaliteit en Belastingdienst", ("Financiën", "Fiscaliteit en Belastingdienst")),
        ("Financiën - Herstel en Toeslagen", ("Financiën", "Herstel en Toeslagen")),
        ("Binnenlandse Zaken en Koninkrijksrelaties", ("Binnenlandse Zaken en Koninkrijksrelaties", None)),
        ("Basis- en Voortgezet Onderwijs en Media", ("Basis- en Voortgezet Onderwijs en Media", None)),
    ],
)
def test_a_department_splits_at_the_dash_into_ministry_and_portfolio(department, expected):
    assert split_department(department) == expected


@pytest.mark.parametrize(
    ("office", "on", "expected"),
    [
        ("Minister voor Rechtsbescherming", dt.date(2024, 5, 6), JENV),
        ("Minister Justitie en Veiligheid", dt.date(2024, 5, 6), JENV),
        ("Staatssecretaris van Volksgezondheid Welzijn en Sport", dt.date(2024, 8, 15), VWS),
        ("Minister-President", dt.date(2024, 1, 1), m("Algemene Zaken", "AZ")),
        ("Staatssecretaris van Financiën – Herstel en Toeslagen", dt.date(2025, 1, 1), m("Financiën", "FIN")),
        ("Minister voor Klimaat en Energie", dt.date(2024, 6, 18), EZK),
    ],
)  # fmt: skip
def test_an_office_resolves_to_its_ministry(office, on, expected):
    assert office_to_ministry(office, on) == (expected, None)


def test_an_office_not_in_the_table_keeps_its_portfolio_as_printed_with_a_warning():
    ministry, warning = office_to_ministry("Minister voor Ruimtevaart", dt.date(2024, 1, 1))
    assert ministry == m("Ruimtevaart", None)
    assert warning == (
        "ministry not in the table of ministries, kept as printed: 'Ruimtevaart' "
        "(in 'Minister voor Ruimtevaart')"
    )


def metadata(**fields):
    base = {
        "document_id": None,
        "chamber": "Tweede Kamer",
        "session": None,
        "number": None,
        "kind": "answer",
        "questioners": [],
        "addressees": [],
        "subject": None,
        "submitted_on": None,
        "respondent": None,
        "co_respondents": [],
        "received_on": None,
        "days_to_answer": None,
        "see_also": [],
        "kamervraag_numbers": [],
    }
    return Metadata(**{**base, **fields})


def test_addressees_take_the_submission_date_and_the_respondent_the_date_received():
    # ah-tk-20232024-2168: asked of the Minister voor Klimaat en Energie (Rutte IV), answered by KGG (Schoof).
    offices = metadata_to_offices(
        metadata(
            addressees=["Minister voor Klimaat en Energie"],
            submitted_on=dt.date(2024, 6, 18),
            respondent=Respondent(role="Minister", name="Hermans", department="Klimaat en Groene Groei"),
            received_on=dt.date(2024, 7, 17),
        )
    )
    assert offices.addressee_ministries == (EZK,)
    assert offices.respondent is not None
    assert offices.respondent.ministry == m("Klimaat en Groene Groei", "KGG")
    assert offices.warnings == ()


def test_the_respondent_gets_portfolio_and_ministry_and_co_respondents_their_ministries():
    offices = metadata_to_offices(
        metadata(
            respondent=Respondent(
                role="Staatssecretaris",
                name="Van Rij",
                department="Financiën – Fiscaliteit en Belastingdienst",
            ),
            co_respondents=["Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking"],
            received_on=dt.date(2024, 5, 21),
        )
    )
    assert offices.respondent == Respondent(
        role="Staatssecretaris",
        name="Van Rij",
        department="Financiën – Fiscaliteit en Belastingdienst",
        portfolio="Fiscaliteit en Belastingdienst",
        ministry=m("Financiën", "FIN"),
    )
    assert offices.co_respondent_ministries == (BZ,)


@pytest.mark.parametrize(
    ("respondent", "ministry"),
    [
        (Respondent(role="Minister", name="Bruins Slot", department="BZ"), BZ),
        (Respondent(role="Minister", name="Rutte", department=None), None),
        (Respondent(role="Minister-President", name="Rutte", department=None), m("Algemene Zaken", "AZ")),
        (Respondent(role="Minister", name="X", department="Ruimtevaart"), m("Ruimtevaart", None)),
    ],
)
def test_a_respondent_without_a_known_department(respondent, ministry):
    offices = metadata_to_offices(metadata(respondent=respondent, received_on=dt.date(2024, 6, 28)))
    assert offices.respondent is not None
    assert offices.respondent.ministry == ministry
    assert len(offices.warnings) == (1 if ministry and ministry.abbreviation is None else 0)


def test_without_any_date_a_name_gives_the_ministry_it_denotes():
    offices = metadata_to_offices(metadata(addressees=["Minister van Economische Zaken en Klimaat"]))
    assert offices.addressee_ministries == (EZK,)
