"""A mededeling's wording decides its reason: postponed, answered by letter, or other."""

from __future__ import annotations

import pytest

from aanhangsel.notices import Notice, mededeling_to_notice

# ah-tk-20232024-1999, as printed
LETTER = (
    "De schriftelijke vragen van de leden Sneller, Chakor, Van Nispen over Juridische analyse(s) van het "
    "hoofdlijnenakkoord (ingezonden 30 mei 2024) zijn beantwoord middels een brief over Ambtelijke "
    "analyses hoofdlijnenakkoord (36 471-64) op 7 juni 2024."
)
# mededeling-2025-2026, as printed
MORE_TIME = (
    "Op 2 oktober jl. heb ik uw Kamer geïnformeerd over de «Overstap kantoorautomatisering naar M365». "
    "Op 3 oktober heeft het lid Van der Werf (D66) hierover vragen gesteld (2025Z18684).\n"
    "Hierbij informeer ik u dat de beantwoording van deze vragen meer tijd vergt.\n"
    "Ik streef ernaar de antwoorden zo spoedig mogelijk aan uw Kamer te kunnen toesturen."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (LETTER, Notice("answered_by_letter", "kst-36471-64")),
        (
            "De vragen zijn beantwoord bij brief van 3 juni 2024 (Kamerstuk 29 383, nr. 406).",
            Notice("answered_by_letter", "kst-29383-406"),
        ),
        (
            "In de Kamerbrief van 14 juli 2023 zijn de vragen beantwoord.",
            Notice("answered_by_letter", None),
        ),
        (
            "In de brief (Kamerstukken II 2024/25, 36 725, nr. 3) zijn de vragen beantwoord.",
            Notice("answered_by_letter", "kst-36725-3"),
        ),
        ("In een brief zal ik de vragen beantwoorden.", Notice("other", None)),
        (MORE_TIME, Notice("postponed", None)),
        ("Voor de beantwoording van deze vragen is meer tijd nodig.", Notice("postponed", None)),
        (
            "De vragen kunnen niet binnen de gebruikelijke termijn van drie weken worden beantwoord.",
            Notice("postponed", None),
        ),
        ("De vragen kunnen niet binnen de termijn worden beantwoord.", Notice("postponed", None)),
        ("Hierbij deel ik u mee dat uitstel van beantwoording nodig is.", Notice("postponed", None)),
        ("De beantwoording wordt uitgesteld in afwachting van het onderzoek.", Notice("postponed", None)),
        ("De beantwoording van de vragen wordt aangehouden.", Notice("postponed", None)),
        # A promise to answer in a letter is not an answer: the notice postpones.
        (
            "De beantwoording vergt meer tijd; ik zal de vragen in een brief beantwoorden.",
            Notice("postponed", None),
        ),
        ("De vragen zijn door het lid ingetrokken.", Notice("other", None)),
        ("De vragen worden beantwoord door de Minister van Financiën.", Notice("other", None)),
    ],
)
def test_the_wording_decides_the_reason(text, expected):
    assert mededeling_to_notice(text) == expected
