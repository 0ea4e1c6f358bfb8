"""Line-end hyphens: each rule of `decide`, with evidence that makes it fire and evidence that doesn't.

Words are the corpus's own line-end breaks where one exists (the document number is in the test id), and
vocabulary lines are printed lines of the same documents; the rest are made-up cases of the same rules.
"""

from __future__ import annotations

import sys
import unicodedata
from collections import Counter

import pytest

from aanhangsel.hyphenation import Vocabulary, _core, decide

NONE: tuple[str, ...] = ()


# left, right, vocabulary lines, and the verdict: joined, kept, space, a word of the reason (the evidence).
DECISIONS = [
    # --- removed: a typesetter's break --------------------------------------------------------------
    pytest.param(
        "gecompen-",
        "seerd.",
        ("te worden gecompenseerd. Dit conform het Nederlandse milieu en sociale",),
        ("gecompenseerd.", False, False, "elsewhere"),
        id="removed-joined-form-seen-1786",
    ),
    pytest.param(
        "gecompen-",
        "seerd.",
        NONE,
        ("gecompenseerd.", False, False, "dictionary"),
        id="removed-dictionary-1786",
    ),
    pytest.param(
        "Wereldbank-",
        "groep",
        NONE,
        ("Wereldbankgroep", False, False, "dictionary"),
        id="removed-dictionary-1786-fn2",
    ),
    pytest.param(
        "exportkre-",
        "dietverzekeraars.",
        NONE,
        ("exportkredietverzekeraars.", False, False, "dictionary"),
        id="removed-dictionary-1786-long-compound",
    ),
    pytest.param(
        "cultuursub-",
        "sidie.nl,",
        NONE,
        ("cultuursubsidie.nl,", False, False, "dictionary"),
        id="removed-website-name-1432",
    ),
    pytest.param(
        "Neder-",
        "landse",
        NONE,
        ("Nederlandse", False, False, "dictionary"),
        id="removed-capital-not-beside-hyphen-1292",
    ),
    pytest.param(
        "experi-",
        "ment",
        NONE,
        ("experiment", False, False, "dictionary"),
        id="removed-ex-is-no-prefix-here-1980",
    ),
    pytest.param(
        "arbeidsongeschiktheidsbe-",
        "oordeling",
        NONE,
        ("arbeidsongeschiktheidsbeoordeling", False, False, "dictionary"),
        id="removed-vowels-that-do-not-merge-2313",
    ),
    pytest.param(
        "mvo-",
        "standaarden.",
        NONE,
        ("mvostandaarden.", False, False, "dictionary"),
        id="removed-mvo-without-evidence-abbreviation-with-vowel",
    ),
    pytest.param(
        "bis-", "periode", NONE, ("bisperiode", False, False, "dictionary"), id="removed-bis-without-evidence"
    ),
    pytest.param(
        "maatr-", "egelen", NONE, ("maatregelen", False, False, "default"), id="removed-default-no-rule"
    ),
    # --- kept: the spelling has the hyphen ----------------------------------------------------------
    pytest.param(
        "GroenLinks-",
        "PvdA)",
        NONE,
        ("GroenLinks-PvdA)", True, False, "capital"),
        id="kept-capital-after-party",
    ),
    pytest.param(
        "WIA-", "uitkering", NONE, ("WIA-uitkering", True, False, "capital"), id="kept-capital-before-2313"
    ),
    pytest.param(
        "ENTSO-E-", "verband", NONE, ("ENTSO-E-verband", True, False, "capital"), id="kept-second-hyphen-2168"
    ),
    pytest.param(
        "2000-", "gebied", NONE, ("2000-gebied", True, False, "digit"), id="kept-digit-natura-2000-gebied"
    ),
    pytest.param(
        "Nagorno-",
        "Karabach",
        NONE,
        ("Nagorno-Karabach", True, False, "capital"),
        id="kept-capital-after-place-name",
    ),
    pytest.param(
        "Joseph-", "Agema,", NONE, ("Joseph-Agema,", True, False, "capital"), id="kept-double-surname-1980"
    ),
    pytest.param("zee-", "eend", NONE, ("zee-eend", True, False, "merge"), id="kept-vowel-clash"),
    pytest.param(
        "zee-", "eenden", NONE, ("zee-eenden", True, False, "merge"), id="kept-vowel-clash-eerste-kamer"
    ),
    pytest.param("niet-", "werkende", NONE, ("niet-werkende", True, False, "prefix"), id="kept-prefix-niet"),
    pytest.param(
        "niet-", "leden", NONE, ("niet-leden", True, False, "prefix"), id="kept-prefix-niet-eerste-kamer"
    ),
    pytest.param(
        "ex-",
        "partner",
        ("de partner van het slachtoffer",),
        ("ex-partner", True, False, "prefix"),
        id="kept-prefix-ex-word-seen-on-its-own",
    ),
    pytest.param(
        "oud-",
        "minister",
        ("zei de minister vandaag",),
        ("oud-minister", True, False, "prefix"),
        id="kept-prefix-oud-word-seen-on-its-own",
    ),
    pytest.param(
        "ex-",
        "portkredietverzekering",
        NONE,
        ("exportkredietverzekering", False, False, "dictionary"),
        id="removed-ex-port-is-no-prefix",
    ),
    pytest.param(
        "oud-", "heid", NONE, ("oudheid", False, False, "dictionary"), id="removed-oud-heid-is-no-prefix"
    ),
    pytest.param(
        "niet-", "je", NONE, ("nietje", False, False, "dictionary"), id="removed-nietje-is-one-word"
    ),
    pytest.param(
        "ex-", "partner", NONE, ("expartner", False, False, "dictionary"), id="removed-ex-without-evidence"
    ),
    pytest.param("e-", "mail", NONE, ("e-mail", True, False, "prefix"), id="kept-one-letter-prefix"),
    pytest.param(
        "ggz-", "instelling", NONE, ("ggz-instelling", True, False, "vowel"), id="kept-abbreviation-ggz"
    ),
    pytest.param("btw-", "tarief", NONE, ("btw-tarief", True, False, "vowel"), id="kept-abbreviation-btw"),
    pytest.param(
        "mvo-",
        "standaarden.",
        ("beleid voor de ekv, dat in lijn is met de internationale mvo-standaarden. Het",),
        ("mvo-standaarden.", True, False, "elsewhere"),
        id="kept-hyphenated-form-seen-1786",
    ),
    pytest.param(
        "bis-",
        "periode",
        ("op diversiteit en inclusie in de bis-periode 2021–2024, instellingen en lokale",),
        ("bis-periode", True, False, "elsewhere"),
        id="kept-hyphenated-form-seen-1432",
    ),
    pytest.param(
        "Wereldbank-",
        "groep",
        ("de leningen van de Wereldbank-groep zijn",),
        ("Wereldbank-groep", True, False, "elsewhere"),
        id="kept-hyphenated-form-seen-beats-dictionary",
    ),
    # --- evidence in the document beats the spelling rules ------------------------------------------
    pytest.param(
        "zee-",
        "eend",
        ("een zeeeend",),
        ("zeeeend", False, False, "elsewhere"),
        id="removed-seen-beats-vowel-clash",
    ),
    pytest.param(
        "ggz-",
        "instelling",
        ("de ggzinstelling",),
        ("ggzinstelling", False, False, "elsewhere"),
        id="removed-seen-beats-abbreviation",
    ),
    pytest.param(
        "ex-",
        "partner",
        ("zijn expartner",),
        ("expartner", False, False, "elsewhere"),
        id="removed-seen-beats-prefix",
    ),
    # --- suspended: a left-out word part ------------------------------------------------------------
    pytest.param("aanloop-", "en", NONE, ("aanloop- en", True, True, "left-out"), id="suspended-en"),
    pytest.param(
        "stikstof-", "en", NONE, ("stikstof- en", True, True, "left-out"), id="suspended-en-eerste-kamer"
    ),
    pytest.param("import-", "of", NONE, ("import- of", True, True, "left-out"), id="suspended-of"),
    pytest.param(
        "stikstof-",
        "emissie",
        NONE,
        ("stikstofemissie", False, False, "default"),
        id="not-suspended-word-starting-en",
    ),
    pytest.param("binnen-", "als", NONE, ("binnen- als", True, True, "left-out"), id="suspended-als"),
    pytest.param("CO2-", "en", NONE, ("CO2- en", True, True, "left-out"), id="suspended-beats-digit"),
    pytest.param(
        "Soe-", "dan.", NONE, ("Soedan.", False, False, "dictionary"), id="not-suspended-before-a-period"
    ),
    pytest.param(
        "strategie-", "en,", NONE, ("strategie-en,", True, False, "merge"), id="not-suspended-before-a-comma"
    ),
]


@pytest.mark.parametrize(("left", "right", "lines", "expected"), DECISIONS)
def test_decide(left, right, lines, expected):
    joined, kept, space, evidence = expected
    verdict = decide(left, right, Vocabulary(lines))
    assert (verdict.joined, verdict.kept, verdict.space) == (joined, kept, space)
    assert evidence in verdict.reason


# After a name of several words Dutch keeps the hyphen ("Raad van State-advies"), when the broken word is a
# word of a name that the document writes, capitalised, in mid-sentence elsewhere. Made-up sentences.
RAAD_VAN_STATE = ("Het advies van de Raad van State is openbaar.",)
NAME_DECISIONS = [
    # before, left, right, vocabulary lines, and the verdict: joined, kept, a word of the reason.
    pytest.param(
        "Het kabinet volgt het Raad van",
        "State-",
        "advies.",
        RAAD_VAN_STATE,
        ("State-advies.", True, "'Raad van State'"),
        id="kept-raad-van-state",
    ),
    pytest.param(
        "In de wijk is sinds maart een nieuw Albert",
        "Heijn-",
        "filiaal",
        ("waar Albert Heijn de huur betaalt",),
        ("Heijn-filiaal", True, "'Albert Heijn'"),
        id="kept-albert-heijn",
    ),
    pytest.param(
        "De Verenigde",
        "Naties-",
        "resolutie",
        ("door de Verenigde Naties aangenomen",),
        ("Naties-resolutie", True, "'Verenigde Naties'"),
        id="kept-after-an-article-opening-the-sentence",
    ),
    pytest.param(
        "De schepen van Boskalis en Van",
        "Oord-",
        "schepen",
        ("werken Boskalis en Van Oord samen",),
        ("Oord-schepen", True, "'Van Oord'"),
        id="kept-capitalised-particle-in-mid-sentence",
    ),
    pytest.param(
        "Zij is Tweede",
        "Kamer-",
        "lid",
        ("vragen van de Tweede Kamer over",),
        ("Kamerlid", False, "dictionary"),
        id="removed-tweede-kamerlid-written-together",
    ),
    pytest.param(
        "de Minister van",
        "Volksgezond-",
        "heid,",
        ("aan de Minister van Sociale Zaken",),
        ("Volksgezondheid,", False, "dictionary"),
        id="removed-fragment-of-a-capitalised-word",
    ),
    pytest.param(
        "De",
        "Minister-",
        "raad",
        ("brief van de Minister over",),
        ("Ministerraad", False, "dictionary"),
        id="removed-first-word-of-the-sentence-is-no-name",
    ),
    pytest.param(
        "Het werk is klaar. Verenigde",
        "Naties-",
        "resolutie",
        ("door de Verenigde Naties aangenomen",),
        ("Natiesresolutie", False, "dictionary"),
        id="removed-capital-after-a-full-stop-says-nothing",
    ),
    pytest.param(
        "het Ministerie van Onderwijs,",
        "Cultuur-",
        "beleid",
        ("aan de Minister van Onderwijs, Cultuur en Wetenschap",),
        ("Cultuurbeleid", False, "dictionary"),
        id="removed-a-name-does-not-run-over-a-comma",
    ),
    pytest.param(
        "in het beleid van de",
        "Wereldbank-",
        "groep",
        ("de Wereldbank en de IFC",),
        ("Wereldbankgroep", False, "dictionary"),
        id="removed-name-of-one-word-1786",
    ),
]


@pytest.mark.parametrize(("before", "left", "right", "lines", "expected"), NAME_DECISIONS)
def test_decide_after_a_name(before, left, right, lines, expected):
    joined, kept, evidence = expected
    verdict = decide(left, right, Vocabulary(lines), before=before)
    assert (verdict.joined, verdict.kept, verdict.space) == (joined, kept, False)
    assert evidence in verdict.reason


@pytest.mark.parametrize(
    ("left", "right", "lines", "joined"),
    [
        pytest.param(
            "ge-", "evalueerd", ("Het beleid is geëvalueerd in 2023.",), "geëvalueerd", id="e-to-e-trema"
        ),
        pytest.param(
            "ge-",
            "inventariseerd",
            ("De knelpunten zijn geïnventariseerd.",),
            "geïnventariseerd",
            id="i-to-i-trema",
        ),
        pytest.param("co-", "ordinatie", ("de coördinatie van",), "coördinatie", id="o-to-o-trema"),
        pytest.param(
            "«ge-",
            "evalueerd».",
            ("Het beleid is geëvalueerd in 2023.",),
            "«geëvalueerd».",
            id="trema-in-guillemets",
        ),
    ],
)
def test_trema_dropped_at_the_break_is_restored(left, right, lines, joined):
    verdict = decide(left, right, Vocabulary(lines))
    assert (verdict.joined, verdict.space) == (joined, False)
    assert "trema" in verdict.reason


def test_trema_restoration_reports_the_hyphen_as_removed():
    verdict = decide("ge-", "evalueerd", Vocabulary(["Het beleid is geëvalueerd in 2023."]))
    assert verdict.joined == "geëvalueerd"
    assert verdict.kept is False


@pytest.mark.parametrize(
    ("left", "right", "lines", "joined"),
    [
        pytest.param("Soe-", "dan", ("de oorlog in Soedan duurt voort",), "Soedan", id="soe-dan"),
        pytest.param(
            "strategie-", "en", ("de strategieën van de regio",), "strategieën", id="strategie-en-trema"
        ),
    ],
)
def test_last_syllable_that_spells_a_conjunction_is_not_a_suspended_word(left, right, lines, joined):
    verdict = decide(left, right, Vocabulary(lines))
    assert (verdict.joined, verdict.space) == (joined, False)


@pytest.mark.parametrize(
    ("left", "right", "lines", "joined"),
    [
        pytest.param(
            "«gecompen-",
            "seerd».",
            ("te worden gecompenseerd. Dit conform het Nederlandse milieu en sociale",),
            "«gecompenseerd».",
            id="guillemets-and-period",
        ),
        pytest.param("(onderlig-", "gende)", NONE, "(onderliggende)", id="parentheses-1786"),
        pytest.param(
            "«Beoor-",
            "deling",
            ("gaat vaak mis: «Beoordeling bij driekwart van de patiënten onvoldoende»»",),
            "«Beoordeling",
            id="opening-guillemet-2313",
        ),
        pytest.param(
            "buitenge-",
            "sloten»»",
            ("Buurtzorg stelselmatig buitengesloten»»?",),
            "buitengesloten»»",
            id="double-closing-1980",
        ),
        pytest.param("(GroenLinks-", "PvdA)", NONE, "(GroenLinks-PvdA)", id="kept-inside-parentheses"),
        pytest.param(
            "verzekeringsart-",
            "sen?",
            ("dat er hiaten in de kennis van sommige verzekeringsartsen zitten over de",),
            "verzekeringsartsen?",
            id="question-mark-2313",
        ),
    ],
)
def test_punctuation_around_fragments_is_carried_through(left, right, lines, joined):
    assert decide(left, right, Vocabulary(lines)).joined == joined


@pytest.mark.parametrize(
    ("left", "right"),
    [
        pytest.param("«-", "seerd", id="no-word-on-the-left"),
        pytest.param("gecompen-", "»).", id="no-word-on-the-right"),
    ],
)
def test_no_word_on_one_side_keeps_both_as_printed(left, right):
    verdict = decide(left, right, Vocabulary([]))
    assert (verdict.joined, verdict.kept, verdict.space) == (left + right, True, False)
    assert "no word" in verdict.reason


# --- vocabulary ------------------------------------------------------------------------------------


def test_vocabulary_counts_mid_line_forms():
    vocabulary = Vocabulary(
        [
            "gecompenseerd te worden. De acties vanuit het project voor deze groepen",
            "te worden gecompenseerd. Dit conform het Nederlandse milieu en sociale",
        ]
    )
    assert vocabulary.words["gecompenseerd"] == 2
    assert vocabulary.words["worden"] == 2
    assert vocabulary.words["groepen"] == 1
    assert "gecompenseerd" in vocabulary


@pytest.mark.parametrize(
    "line",
    [
        "(ekv). «Dredging» ‘Raad’ — x² ½ 3‑4 İstanbul ǅemal, ‐ […] «»",
        "¿Qué? 12,5% €3 «(Raad van State.)» a/b …",
    ],
)
def test_vocabulary_strips_each_word_as_core_does(line):
    # The vocabulary strips a whole document's words at once (`str.strip` with the document's punctuation);
    # each word must come out as `_core` makes it, lower-cased, the line's first word and symbols included.
    tokens = line.split()
    expected = Counter(core.lower() for core in map(_core, tokens) if core)
    assert Vocabulary([line]).words == expected


def test_vocabulary_keeps_hyphens_inside_words_and_strips_punctuation_around_them():
    vocabulary = Vocabulary(
        [
            "beleid voor de ekv, dat in lijn is met de internationale mvo-standaarden. Het",
            "gaat vaak mis: «Beoordeling bij driekwart van de patiënten onvoldoende»»",
        ]
    )
    assert "mvo-standaarden" in vocabulary
    assert "mvostandaarden" not in vocabulary
    assert "ekv" in vocabulary
    assert "beoordeling" in vocabulary
    assert "onvoldoende" in vocabulary


def test_vocabulary_ignores_the_last_token_of_a_line_when_it_ends_in_a_hyphen():
    vocabulary = Vocabulary(
        [
            "bis-periode 2025–2028. Onder andere door middel van de website cultuursub-",
            "mental and Social Due Diligence, waarbij de IFC Performance Standards en de Wereldbank-",
        ]
    )
    assert "cultuursub" not in vocabulary
    assert "cultuursub-" not in vocabulary
    assert "wereldbank" not in vocabulary
    assert "website" in vocabulary
    assert "bis-periode" in vocabulary


def test_vocabulary_counts_the_last_token_when_it_does_not_end_in_a_hyphen():
    vocabulary = Vocabulary(
        [
            "beleid voor de ekv, dat in lijn is met de internationale mvo-standaarden.",
            "in de vorm van aanloop- en volloopverliezen",
        ]
    )
    assert "mvo-standaarden" in vocabulary
    assert "volloopverliezen" in vocabulary
    assert "aanloop" in vocabulary  # a hyphen in the middle of a line is no break


def test_vocabulary_is_case_insensitive():
    vocabulary = Vocabulary(["Gecompenseerd werd ook de WERELDBANKGROEP"])
    assert "gecompenseerd" in vocabulary
    assert "GECOMPENSEERD" in vocabulary
    assert "Wereldbankgroep" in vocabulary
    assert vocabulary.words["gecompenseerd"] == 1


def test_vocabulary_holds_no_empty_word_for_punctuation_tokens():
    vocabulary = Vocabulary(["« » – ."])
    assert "" not in vocabulary
    assert not vocabulary.words


def test_hyphenated_form_at_a_line_end_is_no_evidence():
    # "mvo-" ends the line, so the document does not show "mvo-standaarden" in the middle of a line.
    vocabulary = Vocabulary(
        ["beleid voor de ekv, dat in lijn is met de internationale mvo-", "standaarden. Het kabinet"]
    )
    verdict = decide("mvo-", "standaarden.", vocabulary)
    assert verdict.joined == "mvostandaarden."
    assert "elsewhere" not in verdict.reason


def test_vocabulary_names_are_capitalised_words_in_mid_sentence():
    vocabulary = Vocabulary(
        [
            "Volgens de Raad van State is het advies («Rijks» genoemd) van de Kamer. Dit",
            "Albert Heijn betaalt? Ook de gemeente-",
        ]
    )
    assert {"Raad", "State", "Rijks", "Kamer"} <= vocabulary.names
    assert vocabulary.is_name("State")
    assert not vocabulary.is_name("state")
    assert not vocabulary.is_name("Volgens")  # first word of a line: it may open a sentence
    assert not vocabulary.is_name("Dit")  # after a full stop
    assert not vocabulary.is_name("Ook")  # after a question mark
    assert not vocabulary.is_name("Albert")


def test_a_word_character_is_a_letter_or_digit_of_any_script():
    # `_is_word_char` asks `str.isalnum`, in C, for what is meant: Unicode's categories L and N.
    differ = [
        code
        for code in range(sys.maxunicode + 1)
        if chr(code).isalnum() != (unicodedata.category(chr(code))[0] in "LN")
    ]
    assert differ == []


@pytest.mark.parametrize(
    ("token", "core"),
    [
        ("(ekv).", "ekv"),
        ("«Dredging", "Dredging"),
        ("café»", "café"),
        ("²³", "²³"),  # digits of category No
        ("Ⅻ-", "Ⅻ"),  # a Roman numeral, category Nl
        ("„Ελλάδα“", "Ελλάδα"),
        ("mvo-standaarden", "mvo-standaarden"),
        ("–", ""),
        ("e\u0301.", "e"),  # a combining accent is no word character: it is stripped with the stop
    ],
)
def test_core_strips_the_punctuation_around_a_word(token: str, core: str) -> None:
    assert _core(token) == core
