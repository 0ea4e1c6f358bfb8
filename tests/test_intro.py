"""Intro sentences, copied from the corpus as printed, become questioners, addressees, dates, respondent."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aanhangsel.intro import (
    Intro,
    clean_subject,
    office_for_department,
    offices_without_ministry,
    parse_addressees,
    parse_dutch_date,
    parse_intro,
    parse_questioners,
    parse_respondents,
    parse_see_also,
)
from aanhangsel.models import Questioner, Respondent, SeeAlso

# Written out here rather than taken from the parser, so that the date tests do not check the parser's
# month table against itself.
DUTCH_MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip


def q(name, party):
    return Questioner(name=name, party=party)


# --- questioners -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("members", "expected"),
    [
        pytest.param(
            "Hirsch (GroenLinks-PvdA) en Teunissen (PvdA)",
            [q("Hirsch", "GroenLinks-PvdA"), q("Teunissen", "PvdA")],
            id="two-members-each-own-party-1786",
        ),
        pytest.param(
            "Van Weyenberg, Romke de Jong en Kat (allen D66)",
            [q("Van Weyenberg", "D66"), q("Romke de Jong", "D66"), q("Kat", "D66")],
            id="allen-gives-each-the-party-3235",
        ),
        pytest.param(
            "Sneller (D66), Chakor (GroenLinks-PvdA) en Van Nispen (SP)",
            [q("Sneller", "D66"), q("Chakor", "GroenLinks-PvdA"), q("Van Nispen", "SP")],
            id="three-members-comma-and-en-1999",
        ),
        pytest.param(
            "Faber-van de Klashorst(PVV)",
            [q("Faber-van de Klashorst", "PVV")],
            id="no-space-before-party-1949",
        ),
        pytest.param(
            "Van Eijk en Aartsen (beiden VVD)",
            [q("Van Eijk", "VVD"), q("Aartsen", "VVD")],
            id="beiden-1984",
        ),
        pytest.param(
            "Bushoff en Patijn(beiden GroenLinks-PvdA)",
            [q("Bushoff", "GroenLinks-PvdA"), q("Patijn", "GroenLinks-PvdA")],
            id="beiden-without-space-2313",
        ),
        pytest.param(
            "Van Haga (Groep Van Haga)",
            [q("Van Haga", "Groep Van Haga")],
            id="party-with-spaces-and-capital-van-1076",
        ),
        pytest.param(
            "Ceder (ChristenUnie) en Dobbe (SP)",
            [q("Ceder", "ChristenUnie"), q("Dobbe", "SP")],
            id="two-members-2129",
        ),
        pytest.param(
            "Van der Lee (GroenLinks-PvdA)",
            [q("Van der Lee", "GroenLinks-PvdA")],
            id="name-with-particles-2367",
        ),
        pytest.param(
            "Mutluer (GroenLinks-PvdA) en Kostić (PvdD)",
            [q("Mutluer", "GroenLinks-PvdA"), q("Kostić", "PvdD")],
            id="accented-name-1314",
        ),
        pytest.param(
            "Jansen, Petrović en De Vries-Bakker (allen PvdA)",
            [q("Jansen", "PvdA"), q("Petrović", "PvdA"), q("De Vries-Bakker", "PvdA")],
            id="allen-with-double-name-eerste-kamer",
        ),
        pytest.param("Omtzigt", [q("Omtzigt", None)], id="member-without-party"),
        pytest.param(
            "Van Haga (Groep Van Haga) en Omtzigt",
            [q("Van Haga", "Groep Van Haga"), q("Omtzigt", None)],
            id="member-without-party-after-one-with",
        ),
    ],
)
def test_parse_questioners(members, expected):
    assert list(parse_questioners(members)) == expected


# --- addressees ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "de Ministers van Landbouw, Natuur en Voedselkwaliteit en voor Natuur en Stikstof",
            ["Minister van Landbouw, Natuur en Voedselkwaliteit", "Minister voor Natuur en Stikstof"],
            id="plural-van-and-voor-comma-inside-portfolio",
        ),
        pytest.param(
            "de Staatssecretaris van Financiën en de Minister voor Buitenlandse Handel en "
            "Ontwikkelingssamenwerking",
            [
                "Staatssecretaris van Financiën",
                "Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking",
            ],
            id="two-singular-offices-1786",
        ),
        pytest.param(
            "de Ministers van Binnenlandse Zaken en Koninkrijksrelaties en van Justitie en Veiligheid",
            ["Minister van Binnenlandse Zaken en Koninkrijksrelaties", "Minister van Justitie en Veiligheid"],
            id="plural-en-van-1076",
        ),
        pytest.param(
            "de Ministers van Sociale Zaken en Werkgelegenheid en van Volksgezondheid, Welzijn en Sport",
            [
                "Minister van Sociale Zaken en Werkgelegenheid",
                "Minister van Volksgezondheid, Welzijn en Sport",
            ],
            id="plural-comma-inside-second-portfolio-2313",
        ),
        pytest.param(
            "de Minister Justitie en Veiligheid",
            ["Minister Justitie en Veiligheid"],
            id="without-van-kept-as-printed-1949",
        ),
        pytest.param(
            "de Staatssecretarissen van Binnenlandse Zaken en Koninkrijksrelaties en van Financiën",
            [
                "Staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties",
                "Staatssecretaris van Financiën",
            ],
            id="plural-staatssecretarissen-2025-2026",
        ),
        pytest.param(
            "de Ministers van Buitenlandse Zaken en voor Buitenlandse Handel en Ontwikkelingssamenwerking",
            [
                "Minister van Buitenlandse Zaken",
                "Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking",
            ],
            id="plural-van-then-voor-2129",
        ),
        pytest.param(
            "de Staatssecretaris van Volksgezondheid Welzijn en Sport",
            ["Staatssecretaris van Volksgezondheid Welzijn en Sport"],
            id="missing-comma-kept-as-printed-2395",
        ),
        pytest.param(
            "de Minister van Onderwijs, Cultuur en Wetenschap",
            ["Minister van Onderwijs, Cultuur en Wetenschap"],
            id="singular-comma-inside-portfolio-1314",
        ),
        pytest.param(
            "de Minister van Justitie en Veiligheid en de Staatssecretaris van Infrastructuur en Waterstaat",
            ["Minister van Justitie en Veiligheid", "Staatssecretaris van Infrastructuur en Waterstaat"],
            id="minister-and-staatssecretaris-1771",
        ),
        pytest.param(
            "de Minister voor Klimaat en Energie",
            ["Minister voor Klimaat en Energie"],
            id="singular-voor-2168",
        ),
        # --- offices that share one ministry (made-up intros in the shape of real ones) ---------------
        pytest.param(
            "de Staatssecretaris en de Minister van Onderwijs, Cultuur en Wetenschap",
            [
                "Staatssecretaris van Onderwijs, Cultuur en Wetenschap",
                "Minister van Onderwijs, Cultuur en Wetenschap",
            ],
            id="shared-ministry-staatssecretaris-and-minister",
        ),
        pytest.param(
            "de Minister en de Staatssecretaris van Financiën",
            ["Minister van Financiën", "Staatssecretaris van Financiën"],
            id="shared-ministry-minister-and-staatssecretaris",
        ),
        pytest.param(
            "de Minister en Staatssecretaris van Financiën",
            ["Minister van Financiën", "Staatssecretaris van Financiën"],
            id="shared-ministry-one-article",
        ),
        pytest.param(
            "de Minister voor Klimaat en Groene Groei en de Staatssecretaris",
            ["Minister voor Klimaat en Groene Groei", "Staatssecretaris voor Klimaat en Groene Groei"],
            id="shared-ministry-printed-before",
        ),
        pytest.param(
            "de Staatssecretaris, de Minister en de Minister van Volksgezondheid, Welzijn en Sport",
            [
                "Staatssecretaris van Volksgezondheid, Welzijn en Sport",
                "Minister van Volksgezondheid, Welzijn en Sport",
                "Minister van Volksgezondheid, Welzijn en Sport",
            ],
            id="shared-ministry-three-offices",
        ),
        pytest.param(
            "de Ministers van Justitie en Veiligheid en van Asiel en Migratie en de Staatssecretaris van "
            "Financiën",
            [
                "Minister van Justitie en Veiligheid",
                "Minister van Asiel en Migratie",
                "Staatssecretaris van Financiën",
            ],
            id="plural-then-singular-each-with-its-own",
        ),
        pytest.param(
            "de Minister-President en de Minister van Financiën",
            ["Minister-President", "Minister van Financiën"],
            id="minister-president-stands-alone",
        ),
        pytest.param(
            "de Minister-President, Minister van Algemene Zaken",
            ["Minister-President, Minister van Algemene Zaken"],
            id="minister-president-and-his-ministry-as-printed",
        ),
        pytest.param(
            "de Minister-President en de Minister", ["Minister-President", "Minister"], id="left-without"
        ),
    ],
)
def test_parse_addressees(text, expected):
    assert list(parse_addressees(text)) == expected


@pytest.mark.parametrize(
    ("offices", "expected"),
    [
        pytest.param(("Minister-President", "Minister"), ("Minister",), id="bare-minister"),
        pytest.param(("Staatssecretaris",), ("Staatssecretaris",), id="bare-staatssecretaris"),
        pytest.param(("Minister-President",), (), id="minister-president-has-none-to-take"),
        pytest.param(("Minister van Financiën", "Minister Justitie en Veiligheid"), (), id="with-ministries"),
    ],
)
def test_offices_without_ministry(offices, expected):
    warnings = offices_without_ministry(offices, "addressee")
    assert len(warnings) == len(expected)
    for warning, office in zip(warnings, expected, strict=True):
        assert warning.startswith(f"addressee {office!r} has no ministry")


# --- respondents -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "department", "addressees", "expected"),
    [
        pytest.param(
            "Minister",
            "Buitenlandse Handel en Ontwikkelingssamenwerking",
            (
                "Minister van Buitenlandse Zaken",
                "Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking",
            ),
            "Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking",
            id="voor-office-found-2129",
        ),
        pytest.param(
            "Staatssecretaris",
            "Volksgezondheid, Welzijn en Sport",
            ("Staatssecretaris van Volksgezondheid Welzijn en Sport",),
            "Staatssecretaris van Volksgezondheid Welzijn en Sport",
            id="comma-ignored-2395",
        ),
        pytest.param(
            "Minister",
            "Justitie en Veiligheid",
            ("Minister Justitie en Veiligheid",),
            "Minister Justitie en Veiligheid",
            id="addressee-without-van-1949",
        ),
        pytest.param(
            "minister",
            "financiën",
            ("Minister van Financiën",),
            "Minister van Financiën",
            id="case-ignored",
        ),
        pytest.param(
            "Minister",
            "Financiën",
            ("Staatssecretaris van Financiën",),
            None,
            id="other-role-no-match",
        ),
        pytest.param(
            "Minister",
            "BZ",
            ("Minister van Buitenlandse Zaken",),
            None,
            id="abbreviated-department-no-match-2129",
        ),
        pytest.param(
            "Staatssecretaris",
            "Financiën – Fiscaliteit en Belastingdienst",
            ("Staatssecretaris van Financiën",),
            None,
            id="longer-department-no-match-1786",
        ),
        pytest.param("Minister", "Financiën", (), None, id="no-addressees"),
    ],
)
def test_office_for_department(role, department, addressees, expected):
    assert office_for_department(role, department, addressees) == expected


@pytest.mark.parametrize(
    ("text", "addressees", "respondent", "co_respondents"),
    [
        pytest.param(
            "Staatssecretaris Van Rij (Financiën – Fiscaliteit en Belastingdienst), mede namens de Minister "
            "voor Buitenlandse Handel en Ontwikkelingssamenwerking",
            (
                "Staatssecretaris van Financiën",
                "Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking",
            ),
            Respondent(
                role="Staatssecretaris",
                name="Van Rij",
                department="Financiën – Fiscaliteit en Belastingdienst",
            ),
            ("Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking",),
            id="mede-namens-1786",
        ),
        pytest.param(
            "Minister Bruins Slot (BZ) van Minister Schreinemacher (Buitenlandse Handel en "
            "Ontwikkelingssamenwerking)",
            (
                "Minister van Buitenlandse Zaken",
                "Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking",
            ),
            Respondent(role="Minister", name="Bruins Slot", department="BZ"),
            ("Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking",),
            id="joint-answer-office-from-addressees-2129",
        ),
        pytest.param(
            "Minister Koolmees (Sociale Zaken en Werkgelegenheid)",
            ("Minister van Sociale Zaken en Werkgelegenheid",),
            Respondent(role="Minister", name="Koolmees", department="Sociale Zaken en Werkgelegenheid"),
            (),
            id="alone-3235",
        ),
        pytest.param(
            "Minister Heinen",
            ("Minister van Financiën",),
            Respondent(role="Minister", name="Heinen", department=None),
            (),
            id="without-department",
        ),
    ],
)
def test_parse_respondents(text, addressees, respondent, co_respondents):
    assert parse_respondents(text, addressees) == (respondent, co_respondents, ())


def test_co_respondents_after_mede_namens_share_their_ministry():
    respondent, co_respondents, warnings = parse_respondents(
        "Minister Jansen (Sociale Zaken en Werkgelegenheid), mede namens de Staatssecretaris en de "
        "Minister van Onderwijs, Cultuur en Wetenschap",
        (),
    )
    assert respondent == Respondent(
        role="Minister", name="Jansen", department="Sociale Zaken en Werkgelegenheid"
    )
    assert co_respondents == (
        "Staatssecretaris van Onderwijs, Cultuur en Wetenschap",
        "Minister van Onderwijs, Cultuur en Wetenschap",
    )
    assert warnings == ()


def test_co_respondent_left_without_a_ministry_gives_a_warning():
    _, co_respondents, warnings = parse_respondents(
        "Minister Jansen (Financiën), mede namens de Staatssecretaris", ()
    )
    assert co_respondents == ("Staatssecretaris",)
    assert warnings == (
        "co-respondent 'Staatssecretaris' has no ministry, and no office beside it to take one from",
    )


def test_co_respondent_matching_no_addressee_is_guessed_with_a_warning():
    respondent, co_respondents, warnings = parse_respondents(
        "Minister Bruins Slot (BZ) van Minister Schreinemacher (Buitenlandse Handel en "
        "Ontwikkelingssamenwerking)",
        ("Minister van Buitenlandse Zaken",),
    )
    assert respondent == Respondent(role="Minister", name="Bruins Slot", department="BZ")
    assert co_respondents == ("Minister van Buitenlandse Handel en Ontwikkelingssamenwerking",)
    assert len(warnings) == 1
    assert "Schreinemacher" in warnings[0]
    assert "guessed" in warnings[0]


@pytest.mark.parametrize(
    ("text", "respondent"),
    [
        pytest.param(
            "de Minister van Financiën",
            Respondent(role="Minister", name=None, department="Financiën"),
            id="office-without-name",
        ),
        pytest.param(
            "Minister Rutte",
            Respondent(role="Minister", name="Rutte", department=None),
            id="name-without-department",
        ),
    ],
)
def test_respondent_without_department(text, respondent):
    assert parse_respondents(text, ()) == (respondent, (), ())


def test_unreadable_respondent_gives_a_warning():
    respondent, co_respondents, warnings = parse_respondents("de regering", ())
    assert (respondent, co_respondents) == (None, ())
    assert len(warnings) == 1
    assert "respondent" in warnings[0]


# --- whole intros ----------------------------------------------------------------------------------

INTROS = [
    pytest.param(
        "Vragen van de leden Hirsch (GroenLinks-PvdA) en Teunissen (PvdA) aan de\n"
        "Staatssecretaris van Financiën en de Minister voor Buitenlandse Handel en\n"
        "Ontwikkelingssamenwerking over exportkredietverzekeringen voor de\n"
        "baggersector (ingezonden 4 april 2024).\n"
        "Antwoord van Staatssecretaris Van Rij (Financiën – Fiscaliteit en\n"
        "Belastingdienst), mede namens de Minister voor Buitenlandse Handel en\n"
        "Ontwikkelingssamenwerking (ontvangen 21 mei 2024).",
        Intro(
            kind="answer",
            questioners=(q("Hirsch", "GroenLinks-PvdA"), q("Teunissen", "PvdA")),
            addressees=(
                "Staatssecretaris van Financiën",
                "Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking",
            ),
            subject="exportkredietverzekeringen voor de baggersector",
            submitted_on=dt.date(2024, 4, 4),
            respondent=Respondent(
                role="Staatssecretaris",
                name="Van Rij",
                department="Financiën – Fiscaliteit en Belastingdienst",
            ),
            co_respondents=("Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking",),
            received_on=dt.date(2024, 5, 21),
        ),
        id="ah-tk-20232024-1786-mede-namens",
    ),
    pytest.param(
        "Vragen van de leden Sneller (D66), Chakor (GroenLinks-PvdA) en Van\n"
        "Nispen (SP) aan de Minister van Binnenlandse Zaken en Koninkrijksrelaties\n"
        "over juridische analyse(s) van het hoofdlijnenakkoord (ingezonden 30 mei\n"
        "2024).\n"
        "Mededeling van Minister De Jonge (Binnenlandse Zaken en\n"
        "Koninkrijksrelaties) (ontvangen (ontvangen 7 juni 2024).",
        Intro(
            kind="mededeling",
            questioners=(q("Sneller", "D66"), q("Chakor", "GroenLinks-PvdA"), q("Van Nispen", "SP")),
            addressees=("Minister van Binnenlandse Zaken en Koninkrijksrelaties",),
            subject="juridische analyse(s) van het hoofdlijnenakkoord",
            submitted_on=dt.date(2024, 5, 30),
            respondent=Respondent(
                role="Minister", name="De Jonge", department="Binnenlandse Zaken en Koninkrijksrelaties"
            ),
            received_on=dt.date(2024, 6, 7),
        ),
        id="ah-tk-20232024-1999-ontvangen-twice-mededeling",
    ),
    pytest.param(
        "Vragen van de leden Ceder (ChristenUnie) en Dobbe (SP) aan de Ministers van\n"
        "Buitenlandse Zaken en voor Buitenlandse Handel en\n"
        "Ontwikkelingssamenwerking over ontwikkelingen in Jemen (ingezonden 5 juni\n"
        "2024).\n"
        "Antwoord van Minister Bruins Slot (BZ) van Minister Schreinemacher\n"
        "(Buitenlandse Handel en Ontwikkelingssamenwerking) (ontvangen 28 juni\n"
        "2024).",
        Intro(
            kind="answer",
            questioners=(q("Ceder", "ChristenUnie"), q("Dobbe", "SP")),
            addressees=(
                "Minister van Buitenlandse Zaken",
                "Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking",
            ),
            subject="ontwikkelingen in Jemen",
            submitted_on=dt.date(2024, 6, 5),
            respondent=Respondent(role="Minister", name="Bruins Slot", department="BZ"),
            co_respondents=("Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking",),
            received_on=dt.date(2024, 6, 28),
        ),
        id="ah-tk-20232024-2129-joint-answer",
    ),
    pytest.param(
        "Vragen van het lid Van Eijk en Aartsen (beiden VVD) aan de Staatssecretaris\n"
        "van Financiën en de Minister van Sociale Zaken en Werkgelegenheid over het\n"
        "bericht van de Hoge Raad: «Gratis verstrekking gezonde lunchmaaltijden aan\n"
        "werknemers valt voor de loonbelasting onder de gerichte vrijstelling voor\n"
        "Arbovoorzieningen» (ingezonden 29 mei 2024).\n"
        "Antwoord van Staatssecretaris Van Rij (Financiën – Fiscaliteit en\n"
        "Belastingdienst), mede namens de Minister van Sociale Zaken en\n"
        "Werkgelegenheid (ontvangen 14 juni 2024)",
        Intro(
            kind="answer",
            questioners=(q("Van Eijk", "VVD"), q("Aartsen", "VVD")),
            addressees=("Staatssecretaris van Financiën", "Minister van Sociale Zaken en Werkgelegenheid"),
            subject=(
                "het bericht van de Hoge Raad: «Gratis verstrekking gezonde lunchmaaltijden aan werknemers "
                "valt voor de loonbelasting onder de gerichte vrijstelling voor Arbovoorzieningen»"
            ),
            submitted_on=dt.date(2024, 5, 29),
            respondent=Respondent(
                role="Staatssecretaris",
                name="Van Rij",
                department="Financiën – Fiscaliteit en Belastingdienst",
            ),
            co_respondents=("Minister van Sociale Zaken en Werkgelegenheid",),
            received_on=dt.date(2024, 6, 14),
        ),
        id="ah-tk-20232024-1984-no-final-period",
    ),
    pytest.param(
        "Vragen van het lid Van der Lee (GroenLinks-PvdA) aan de Minister van\n"
        "Financiën over rekeninggluren (ingezonden 28 juni 2024).\n"
        "Antwoord van Minister Heinen (Financiën) (ontvangen 29 augustus 2024)",
        Intro(
            kind="answer",
            questioners=(q("Van der Lee", "GroenLinks-PvdA"),),
            addressees=("Minister van Financiën",),
            subject="rekeninggluren",
            submitted_on=dt.date(2024, 6, 28),
            respondent=Respondent(role="Minister", name="Heinen", department="Financiën"),
            received_on=dt.date(2024, 8, 29),
        ),
        id="ah-tk-20232024-2367-no-final-period",
    ),
    pytest.param(
        "Vragen van het lid Van Zanten (BBB) aan de Staatssecretaris van Onderwijs,\n"
        "Cultuur en Wetenschap over de reactie op de motie van het lid Van Zanten c.s.\n"
        "over geen subsidiebeleid voor inclusie en diversiteit met een dwingend\n"
        "karakter en een evenredigere verdeling van cultuursubsidies over Nederland\n"
        "(ingezonden 7 maart 2024).\n"
        "Antwoord van Staatssecretaris Gräper-van Koolwijk (Onderwijs, Cultuur en\n"
        "Wetenschap) (ontvangen 5 april 2024). Zie ook Aanhangsel Handelingen,\n"
        "vergaderjaar 2023–2024, nr. 1379.",
        Intro(
            kind="answer",
            questioners=(q("Van Zanten", "BBB"),),
            addressees=("Staatssecretaris van Onderwijs, Cultuur en Wetenschap",),
            subject=(
                "de reactie op de motie van het lid Van Zanten c.s. over geen subsidiebeleid voor inclusie "
                "en diversiteit met een dwingend karakter en een evenredigere verdeling van cultuursubsidies "
                "over Nederland"
            ),
            submitted_on=dt.date(2024, 3, 7),
            respondent=Respondent(
                role="Staatssecretaris",
                name="Gräper-van Koolwijk",
                department="Onderwijs, Cultuur en Wetenschap",
            ),
            received_on=dt.date(2024, 4, 5),
            see_also=(SeeAlso(session="2023-2024", number=1379),),
        ),
        id="ah-tk-20232024-1432-see-also-and-over-inside-subject",
    ),
    pytest.param(
        "Vragen van het lid Faber-van de Klashorst(PVV) aan de Minister Justitie en\n"
        "Veiligheid over heenzenden jeugdige criminelen na mishandelen conducteur\n"
        "(ingezonden 6 mei 2024).\n"
        "Antwoord van Minister Yeşilgöz-Zegerius (Justitie en Veiligheid), mede\n"
        "namens de Minister voor Rechtsbescherming (ontvangen 11 juni 2024). Zie ook\n"
        "Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1843.",
        Intro(
            kind="answer",
            questioners=(q("Faber-van de Klashorst", "PVV"),),
            addressees=("Minister Justitie en Veiligheid",),
            subject="heenzenden jeugdige criminelen na mishandelen conducteur",
            submitted_on=dt.date(2024, 5, 6),
            respondent=Respondent(
                role="Minister", name="Yeşilgöz-Zegerius", department="Justitie en Veiligheid"
            ),
            co_respondents=("Minister voor Rechtsbescherming",),
            received_on=dt.date(2024, 6, 11),
            see_also=(SeeAlso(session="2023-2024", number=1843),),
        ),
        id="ah-tk-20232024-1949-no-space-no-van-see-also",
    ),
    pytest.param(
        "Vragen van het lid Dobbe (SP) aan de Minister van Volksgezondheid, Welzijn\n"
        "en Sport over het bericht «Jos de Blok: «VWS en NZa hebben Buurtzorg\n"
        "stelselmatig buitengesloten»» (ingezonden 7 mei 2024).\n"
        "Antwoord van Minister Helder (Volksgezondheid, Welzijn en Sport)\n"
        "(ontvangen 13 juni 2024). Zie ook Aanhangsel Handelingen, vergaderjaar\n"
        "2023–2024, nr. 1848",
        Intro(
            kind="answer",
            questioners=(q("Dobbe", "SP"),),
            addressees=("Minister van Volksgezondheid, Welzijn en Sport",),
            subject="het bericht «Jos de Blok: «VWS en NZa hebben Buurtzorg stelselmatig buitengesloten»»",
            submitted_on=dt.date(2024, 5, 7),
            respondent=Respondent(
                role="Minister", name="Helder", department="Volksgezondheid, Welzijn en Sport"
            ),
            received_on=dt.date(2024, 6, 13),
            see_also=(SeeAlso(session="2023-2024", number=1848),),
        ),
        id="ah-tk-20232024-1980-see-also-without-final-period",
    ),
    pytest.param(
        "Vragen van de leden Bushoff en Patijn(beiden GroenLinks-PvdA) aan de\n"
        "Ministers van Sociale Zaken en Werkgelegenheid en van Volksgezondheid,\n"
        "Welzijn en Sport over het bericht «Erkenning van longcovid voor WIA-uitkering\n"
        "gaat vaak mis: «Beoordeling bij driekwart van de patiënten onvoldoende»»\n"
        "(ingezonden 5 juli 2024).\n"
        "Antwoord van Minister Van Hijum (Sociale Zaken en Werkgelegenheid), mede\n"
        "namens de Minister van Volksgezondheid, Welzijn en Sport (ontvangen\n"
        "22 augustus 2024). Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024,\n"
        "nr. 2166.",
        Intro(
            kind="answer",
            questioners=(q("Bushoff", "GroenLinks-PvdA"), q("Patijn", "GroenLinks-PvdA")),
            addressees=(
                "Minister van Sociale Zaken en Werkgelegenheid",
                "Minister van Volksgezondheid, Welzijn en Sport",
            ),
            subject="het bericht «Erkenning van longcovid voor WIA-uitkering gaat vaak mis: «Beoordeling bij "
            "driekwart van de patiënten onvoldoende»»",
            submitted_on=dt.date(2024, 7, 5),
            respondent=Respondent(
                role="Minister", name="Van Hijum", department="Sociale Zaken en Werkgelegenheid"
            ),
            co_respondents=("Minister van Volksgezondheid, Welzijn en Sport",),
            received_on=dt.date(2024, 8, 22),
            see_also=(SeeAlso(session="2023-2024", number=2166),),
        ),
        id="ah-tk-20232024-2313-beiden-plural-see-also",
    ),
    pytest.param(
        "Vragen van de leden Van Weyenberg, Romke de Jong en Kat (allen D66)\n"
        "aan de Minister van Sociale Zaken en Werkgelegenheid over de TOZO\n"
        "(ingezonden 3 juni 2021).\n"
        "Antwoord van Minister Koolmees (Sociale Zaken en Werkgelegenheid)\n"
        "(ontvangen 21 juni 2021).",
        Intro(
            kind="answer",
            questioners=(q("Van Weyenberg", "D66"), q("Romke de Jong", "D66"), q("Kat", "D66")),
            addressees=("Minister van Sociale Zaken en Werkgelegenheid",),
            subject="de TOZO",
            submitted_on=dt.date(2021, 6, 3),
            respondent=Respondent(
                role="Minister", name="Koolmees", department="Sociale Zaken en Werkgelegenheid"
            ),
            received_on=dt.date(2021, 6, 21),
        ),
        id="ah-tk-20202021-3235-allen",
    ),
    pytest.param(
        "Vragen van het lid Van der Werf (D66) aan de Staatssecretarissen van\n"
        "Binnenlandse Zaken en Koninkrijksrelaties en van Financiën over de brief van\n"
        "de Staatsecretaris van Financiën aan de kamer «Overstap\n"
        "kantoorautomatisering naar M365» (ingezonden 3 oktober 2025).\n"
        "Mededeling van Staatssecretaris Heijnen (Financiën), mede namens de\n"
        "Staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties (ontvangen\n"
        "14 november 2025).",
        Intro(
            kind="mededeling",
            questioners=(q("Van der Werf", "D66"),),
            addressees=(
                "Staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties",
                "Staatssecretaris van Financiën",
            ),
            subject=(
                "de brief van de Staatsecretaris van Financiën aan de kamer «Overstap "
                "kantoorautomatisering naar M365»"
            ),
            submitted_on=dt.date(2025, 10, 3),
            respondent=Respondent(role="Staatssecretaris", name="Heijnen", department="Financiën"),
            co_respondents=("Staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties",),
            received_on=dt.date(2025, 11, 14),
        ),
        id="mededeling-2025-2026-staatssecretarissen",
    ),
    pytest.param(
        "Vragen van het lid Van Haga (Groep Van Haga) aan de Ministers van\n"
        "Binnenlandse Zaken en Koninkrijksrelaties en van Justitie en Veiligheid over\n"
        "het afgelasten van diverse Sinterklaasintochten (ingezonden 20 november\n"
        "2023).\n"
        "Antwoord van Minister De Jonge (Binnenlandse Zaken en Koninkrijksrelaties)\n"
        "(ontvangen 20 februari 2024). Zie ook Aanhangsel Handelingen, vergaderjaar\n"
        "2023–2024, nr. 594.",
        Intro(
            kind="answer",
            questioners=(q("Van Haga", "Groep Van Haga"),),
            addressees=(
                "Minister van Binnenlandse Zaken en Koninkrijksrelaties",
                "Minister van Justitie en Veiligheid",
            ),
            subject="het afgelasten van diverse Sinterklaasintochten",
            submitted_on=dt.date(2023, 11, 20),
            respondent=Respondent(
                role="Minister", name="De Jonge", department="Binnenlandse Zaken en Koninkrijksrelaties"
            ),
            received_on=dt.date(2024, 2, 20),
            see_also=(SeeAlso(session="2023-2024", number=594),),
        ),
        id="ah-tk-20232024-1076-date-broken-over-lines",
    ),
    pytest.param(
        "Vragen van het lid Crijns (PVV) aan de Staatssecretaris van Volksgezondheid\n"
        "Welzijn en Sport over het bericht «Aanbieders jeugdzorg komen niet of\n"
        "nauwelijks meer rond» (ingezonden 15 augustus 2024).\n"
        "Antwoord van Staatssecretaris Karremans (Volksgezondheid, Welzijn en\n"
        "Sport) (ontvangen 30 augustus 2024).",
        Intro(
            kind="answer",
            questioners=(q("Crijns", "PVV"),),
            addressees=("Staatssecretaris van Volksgezondheid Welzijn en Sport",),
            subject="het bericht «Aanbieders jeugdzorg komen niet of nauwelijks meer rond»",
            submitted_on=dt.date(2024, 8, 15),
            respondent=Respondent(
                role="Staatssecretaris", name="Karremans", department="Volksgezondheid, Welzijn en Sport"
            ),
            received_on=dt.date(2024, 8, 30),
        ),
        id="ah-tk-20232024-2395-addressee-without-comma",
    ),
    pytest.param(
        "Vragen van het lid Van Nispen (SP) aan de Minister van Justitie en Veiligheid\n"
        "en de Staatssecretaris van Infrastructuur en Waterstaat over het bericht «In\n"
        "ruim 400 woonwijken ligt tot 10.000 kilo vuurwerk opgeslagen: «Dat is 400 keer\n"
        "heel gevaarlijk»» (ingezonden 29 maart 2024).\n"
        "Antwoord van Staatssecretaris Heijnen (Infrastructuur en Waterstaat), mede\n"
        "namens de Minister van Justitie en Veiligheid (ontvangen 17 mei 2024).",
        Intro(
            kind="answer",
            questioners=(q("Van Nispen", "SP"),),
            addressees=(
                "Minister van Justitie en Veiligheid",
                "Staatssecretaris van Infrastructuur en Waterstaat",
            ),
            subject=(
                "het bericht «In ruim 400 woonwijken ligt tot 10.000 kilo vuurwerk opgeslagen: «Dat is "
                "400 keer heel gevaarlijk»»"
            ),
            submitted_on=dt.date(2024, 3, 29),
            respondent=Respondent(
                role="Staatssecretaris", name="Heijnen", department="Infrastructuur en Waterstaat"
            ),
            co_respondents=("Minister van Justitie en Veiligheid",),
            received_on=dt.date(2024, 5, 17),
        ),
        id="ah-tk-20232024-1771-colon-and-nested-guillemets",
    ),
    pytest.param(
        "Vragen van het lid Erkens (VVD) aan de Minister voor Klimaat en Energie over\n"
        "het artikel «Ingrijpen in energiemarkt noodzakelijk om stroomtekort te\n"
        "voorkomen» (ingezonden 18 juni 2024).\n"
        "Antwoord van Minister Hermans (Klimaat en Groene Groei) (ontvangen 17 juli\n"
        "2024).",
        Intro(
            kind="answer",
            questioners=(q("Erkens", "VVD"),),
            addressees=("Minister voor Klimaat en Energie",),
            subject="het artikel «Ingrijpen in energiemarkt noodzakelijk om stroomtekort te voorkomen»",
            submitted_on=dt.date(2024, 6, 18),
            respondent=Respondent(role="Minister", name="Hermans", department="Klimaat en Groene Groei"),
            received_on=dt.date(2024, 7, 17),
        ),
        id="ah-tk-20232024-2168-received-date-broken-over-lines",
    ),
]


@pytest.mark.parametrize(("text", "expected"), INTROS)
def test_parse_intro(text, expected):
    assert parse_intro(text) == expected


def test_date_broken_inside_parentheses_over_lines():
    intro = parse_intro(
        "Vragen van het lid Keijzer (BBB) aan de Minister van Binnenlandse Zaken en\n"
        "Koninkrijksrelaties over de publicatie van de internetconsultatie Huisvesting\n"
        "Nederlandse evacués (ingezonden\n11 maart\n2024).\n"
        "Antwoord van Minister De Jonge (Binnenlandse Zaken en Koninkrijksrelaties)\n"
        "(ontvangen 21\nmaart 2024)."
    )
    assert (intro.submitted_on, intro.received_on) == (dt.date(2024, 3, 11), dt.date(2024, 3, 21))
    assert intro.subject == "de publicatie van de internetconsultatie Huisvesting Nederlandse evacués"
    assert intro.warnings == ()


# --- subject --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        pytest.param("de TOZO", "de TOZO", id="as-printed-3235"),
        pytest.param(" de TOZO. ", "de TOZO", id="final-period-and-spaces"),
        pytest.param(
            "de reactie op de motie van het lid Van Zanten c.s.",
            "de reactie op de motie van het lid Van Zanten c.s",
            id="final-period-stripped-even-after-an-abbreviation",
        ),
        pytest.param(
            "het bericht «In ruim 400 woonwijken ligt tot 10.000 kilo vuurwerk opgeslagen»",
            "het bericht «In ruim 400 woonwijken ligt tot 10.000 kilo vuurwerk opgeslagen»",
            id="inner-periods-and-guillemets-kept-1771",
        ),
    ],
)
def test_clean_subject(subject, expected):
    assert clean_subject(subject) == expected


# --- see also --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Zie ook Aanhangsel Handelingen, vergaderjaar 2014–2015, nr. 403",
            [("2014-2015", 403)],
            id="nr-without-period",
        ),
        pytest.param(
            "Zie ook Aanhangsel Handelingen, vergaderjaar 2014–2015, nr. 403.",
            [("2014-2015", 403)],
            id="nr-with-final-period",
        ),
        pytest.param(
            "Zie ook Aanhangsel Handelingen, vergaderjaar 2014–2015, 403",
            [("2014-2015", 403)],
            id="without-nr",
        ),
        pytest.param(
            "Zie ook Aanhangsel Handelingen, vergaderjaar 2014–2015, 403.",
            [("2014-2015", 403)],
            id="without-nr-with-final-period",
        ),
        pytest.param(
            "Zie ook Aanhangsel Handelingen, vergaderjaar 2014-2015, nr. 403.",
            [("2014-2015", 403)],
            id="ascii-hyphen-in-session",
        ),
        pytest.param(
            "Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, nr 45",
            [("2023-2024", 45)],
            id="nr-without-dot-eerste-kamer",
        ),
        pytest.param(
            "Zie ook Aanhangsel Handelingen, vergaderjaar\n2023–2024, nr. 594.",
            [("2023-2024", 594)],
            id="broken-over-lines-1076",
        ),
        pytest.param(
            "Zie ook Aanhangsel Handelingen, vergaderjaar 2014–2015, nrs. 403 en 404.",
            [("2014-2015", 403), ("2014-2015", 404)],
            id="two-numbers",
        ),
        pytest.param(
            "Zie ook Aanhangsel van de Handelingen, vergaderjaar 2014–2015, nr. 403.",
            [("2014-2015", 403)],
            id="van-de-handelingen",
        ),
        pytest.param(
            "(ontvangen 11 juni 2024). Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1843. "
            "Zie ook Aanhangsel Handelingen, vergaderjaar 2022–2023, nr. 12.",
            [("2023-2024", 1843), ("2022-2023", 12)],
            id="two-references",
        ),
        pytest.param("Zie ook Kamerstuk 31839, nr. 1024", [], id="not-an-aanhangsel-reference"),
        pytest.param("(ontvangen 21 mei 2024).", [], id="none"),
    ],
)
def test_parse_see_also(text, expected):
    assert [(ref.session, ref.number) for ref in parse_see_also(text)] == expected


# --- dates -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("3 januari 2024", dt.date(2024, 1, 3), id="januari"),
        pytest.param("29 februari 2024", dt.date(2024, 2, 29), id="februari-leap-day"),
        pytest.param("7 maart 2024", dt.date(2024, 3, 7), id="maart"),
        pytest.param("4 april 2024", dt.date(2024, 4, 4), id="april"),
        pytest.param("21 mei 2024", dt.date(2024, 5, 21), id="mei"),
        pytest.param("3 juni 2021", dt.date(2021, 6, 3), id="juni"),
        pytest.param("17 juli 2024", dt.date(2024, 7, 17), id="juli"),
        pytest.param("22 augustus 2024", dt.date(2024, 8, 22), id="augustus"),
        pytest.param("30 september 2024", dt.date(2024, 9, 30), id="september"),
        pytest.param("2 oktober 2024", dt.date(2024, 10, 2), id="oktober"),
        pytest.param("20 november 2023", dt.date(2023, 11, 20), id="november"),
        pytest.param("31 december 2023", dt.date(2023, 12, 31), id="december"),
        pytest.param("20 november\n2023", dt.date(2023, 11, 20), id="broken-over-lines"),
        pytest.param("ontvangen 7 juni 2024", dt.date(2024, 6, 7), id="inside-text"),
        pytest.param("4 April 2024", dt.date(2024, 4, 4), id="capitalised-month"),
        pytest.param("31 april 2024", None, id="impossible-31-april"),
        pytest.param("29 februari 2023", None, id="impossible-no-leap-year"),
        pytest.param("29 februari 1900", None, id="impossible-century-not-leap"),
        pytest.param("0 mei 2024", None, id="impossible-day-zero"),
        pytest.param("12 mrt 2024", None, id="abbreviated-month"),
        pytest.param("4 april", None, id="no-year"),
        pytest.param("geen datum", None, id="no-date"),
        pytest.param("", None, id="empty"),
    ],
)
def test_parse_dutch_date(text, expected):
    assert parse_dutch_date(text) == expected


@given(st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_dutch_date_round_trips(date):
    assert parse_dutch_date(f"{date.day} {DUTCH_MONTHS[date.month - 1]} {date.year}") == date


def test_date_with_year_zero_is_no_date():
    assert parse_dutch_date("1 januari 0000") is None


# --- warnings --------------------------------------------------------------------------------------


def test_unreadable_question_sentence_gives_a_warning_and_empty_fields():
    intro = parse_intro(
        "Vragen van het lid Van der Lee (GroenLinks-PvdA) aan de Minister van\n"
        "Financiën over rekeninggluren.\n"
        "Antwoord van Minister Heinen (Financiën) (ontvangen 29 augustus 2024)"
    )
    assert (intro.questioners, intro.addressees, intro.subject, intro.submitted_on) == ((), (), None, None)
    assert intro.respondent == Respondent(role="Minister", name="Heinen", department="Financiën")
    assert intro.received_on == dt.date(2024, 8, 29)
    assert len(intro.warnings) == 1
    assert "question sentence" in intro.warnings[0]


def test_unreadable_answer_sentence_gives_a_warning_and_empty_fields():
    intro = parse_intro(
        "Vragen van het lid Van der Lee (GroenLinks-PvdA) aan de Minister van\n"
        "Financiën over rekeninggluren (ingezonden 28 juni 2024).\n"
        "Antwoord van Minister Heinen (Financiën)"
    )
    assert (intro.kind, intro.respondent, intro.co_respondents, intro.received_on) == (None, None, (), None)
    assert intro.submitted_on == dt.date(2024, 6, 28)
    assert len(intro.warnings) == 1
    assert "answer sentence" in intro.warnings[0]


def test_empty_intro_gives_two_warnings():
    assert parse_intro("") == Intro(
        warnings=(
            "could not read the question sentence of the intro ('Vragen van … over … (ingezonden …)')",
            "could not read the answer sentence of the intro ('Antwoord van … (ontvangen …)')",
        )
    )


def test_impossible_submitted_date_gives_a_warning():
    intro = parse_intro(
        "Vragen van het lid Van der Lee (GroenLinks-PvdA) aan de Minister van\n"
        "Financiën over rekeninggluren (ingezonden 31 april 2024).\n"
        "Antwoord van Minister Heinen (Financiën) (ontvangen 29 augustus 2024)"
    )
    assert intro.submitted_on is None
    assert intro.received_on == dt.date(2024, 8, 29)
    assert len(intro.warnings) == 1
    assert "31 april 2024" in intro.warnings[0]


def test_co_respondent_office_guessed_in_a_whole_intro():
    intro = parse_intro(
        "Vragen van de leden Ceder (ChristenUnie) en Dobbe (SP) aan de Minister van\n"
        "Buitenlandse Zaken over ontwikkelingen in Jemen (ingezonden 5 juni\n"
        "2024).\n"
        "Antwoord van Minister Bruins Slot (BZ) van Minister Schreinemacher\n"
        "(Buitenlandse Handel en Ontwikkelingssamenwerking) (ontvangen 28 juni\n"
        "2024)."
    )
    assert intro.addressees == ("Minister van Buitenlandse Zaken",)
    assert intro.co_respondents == ("Minister van Buitenlandse Handel en Ontwikkelingssamenwerking",)
    assert len(intro.warnings) == 1
    assert "Schreinemacher" in intro.warnings[0]
    assert "guessed" in intro.warnings[0]


def test_addressee_left_without_a_ministry_gives_a_warning_in_a_whole_intro():
    intro = parse_intro(
        "Vragen van het lid Bakker (SP) aan de Minister-President en de Minister over de\n"
        "kabinetsformatie (ingezonden 3 maart 2025).\n"
        "Antwoord van Minister-President Smit (Algemene Zaken) (ontvangen 20 maart 2025)."
    )
    assert intro.addressees == ("Minister-President", "Minister")
    assert intro.warnings == (
        "addressee 'Minister' has no ministry, and no office beside it to take one from",
    )


@given(st.text(max_size=300))
def test_parse_intro_never_raises_on_arbitrary_text(text):
    assert isinstance(parse_intro(text), Intro)
