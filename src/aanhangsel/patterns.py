"""Every regular expression of the parser, compiled once, each with a real line it must match.

Dates, dashes and spaces vary between years; the patterns accept the en dash (–) and the hyphen wherever
the documents print either.
"""

from __future__ import annotations

import regex

# --- layout ----------------------------------------------------------------------------------------

# A raised run that is a footnote marker: "1", "12", "1, 2" ("?1, 2" in a question).
MARKER_RUN = regex.compile(r"\d{1,3}(?:\s*,\s*\d{1,3})*,?")
DIGITS = regex.compile(r"\d+")

# A glyph the font maps to no Unicode, as pdfminer spells it: "(cid:129)" for the bullet of
# ah-tk-20232024-1432 ("(cid:129)Artistieke en/of inhoudelijke kwaliteit").
CID = regex.compile(r"\(cid:\d+\)")

# Glyphs that start a bulleted item: "•", and what other fonts draw instead (Symbol's private-use
# bullet U+F0B7, squares, middle dots, unmapped glyphs).
BULLETS = frozenset("•●▪■◦·\uf0b7\uf0a7\u2023\u2043\u25e6\ufffd")

# "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel1" (the page number follows, sometimes unspaced).
RUNNING_FOOTER = regex.compile(
    r"(?:Tweede|Eerste) Kamer, vergaderjaar \d{4}\s*[–-]\s*\d{4}, Aanhangsel\s*\d*"
)

# The bold document number above the intro: "1786".
DOCUMENT_NUMBER_LINE = regex.compile(r"\d{1,5}")

# The first words of the intro: "Vragen van de leden …", "Vragen van het lid …".
INTRO_START = regex.compile(r"Vragen van (?:de leden|het lid|het Kamerlid|de Kamerleden)\b")

# --- masthead and id block -------------------------------------------------------------------------

# "Tweede Kamer der Staten-Generaal", "Eerste Kamer der Staten-Generaal".
CHAMBER = regex.compile(r"(?P<chamber>Tweede|Eerste) Kamer der Staten-Generaal")
# "Vergaderjaar 2023–2024".
SESSION = regex.compile(r"[Vv]ergaderjaar (?P<first>\d{4})\s*[–-]\s*(?P<second>\d{4})")
# The page-1 id block: "ah-tk-20232024-1786"; older ids carry a suffix ("ah-tk-20072008-2031-h1").
DOCUMENT_ID = regex.compile(r"\bah-(?P<chamber>tk|ek)-(?P<session>\d{8})-(?P<number>\d+)(?:-[a-z]+\d*)?\b")

# --- sections --------------------------------------------------------------------------------------

# A question or answer label on a line of its own: "Vraag 1", "Antwoord 3, 4 en 5",
# "Vraag 7, 8, 9 10 en 11" (comma missing, ah-tk-20232024-2367), "Vragen 2 en 3", and the ministries'
# own wording where the typesetter kept it, "Antwoord op vraag 1", "Antwoord op de vragen 2 en 3".
LABEL = regex.compile(
    r"""
    (?P<kind>Vraag|Vragen|Antwoord|Antwoorden)
    (?:\s+op\s+(?:de\s+)?(?:vraag|vragen))?
    \s+
    (?P<numbers>\d{1,3}(?:\s*(?:,|en|t/m|tot\s+en\s+met|[–-])?\s*\d{1,3})*)
    \s*[:.]?
    """,
    regex.VERBOSE,
)
# The heading over the text of a mededeling: "Mededeling" (bold, on a line of its own).
MEDEDELING_HEADING = regex.compile(r"Mededeling\s*[:.]?")
# A range inside a label: "Vraag 3 t/m 6", "Vraag 3–6".
LABEL_RANGE = regex.compile(r"(?P<start>\d{1,3})\s*(?:t/m|tot\s+en\s+met|[–-])\s*(?P<end>\d{1,3})")

# --- text ------------------------------------------------------------------------------------------

# A line that ends a sentence: "… zelf.", "… toepassen?", "… gehandeld.»", "(ontvangen …).", "…:".
SENTENCE_END = regex.compile(r"[.?!:;][»”’\"')\]]*$")
# A numbered or lettered list marker at the start of a line: "1.", "2)", "a.", "iv)".
LIST_NUMBER = regex.compile(r"(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]")
# A dash that opens a list item: "–woningzoekenden die …" (ah-tk-20232024-1292, a tab after the dash).
LIST_DASH = regex.compile(r"[–—-]")

# A web address: with a scheme, starting with "www.", or a bare domain followed by a path
# ("regiopurmerend.nl/2024/05/03/tieners-…", ah-tk-20232024-1949 footnote 1).
URL = regex.compile(
    r"""
    (?:
        (?:https?|ftp)://[^\s«»"<>]+
      | www\.[^\s«»"<>]+
      | (?<![\w@./-])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*
        \.(?:nl|com|org|net|eu|int|be|de|uk|gov|mv|mz|info|io)/[^\s«»"<>]*
    )
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
# What may end a URL: not the sentence's punctuation after it ("…#kamermotie).").
URL_TRAILING_PUNCTUATION = ".,;:!?»’”'\""

# A kamervraag number, e.g. "2025Z18684".
KAMERVRAAG_NUMBER = regex.compile(r"\b(?:19|20)\d{2}Z\d{5}\b")


def cid_to_text(match: regex.Match[str]) -> str:
    """Replace an unmapped glyph with U+FFFD: later stages decide whether it is a bullet."""
    del match
    return "\ufffd"


# --- intro -----------------------------------------------------------------------------------------

# Offices, singular and plural, as the intro prints them ("Ministers van … en van …").
_ROLE = (
    r"(?:Vice-?[Mm]inister-[Pp]resident|[Mm]inister-[Pp]resident|[Mm]inisters?|[Ss]taatssecretaris(?:sen)?)"
)

# The question sentence:
# "Vragen van de leden Hirsch (GroenLinks-PvdA) en Teunissen (PvdA) aan de Staatssecretaris van Financiën
#  en de Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking over exportkredietverzekeringen
#  voor de baggersector (ingezonden 4 april 2024)."
QUESTION_SENTENCE = regex.compile(
    r"""
    Vragen\s+van\s+(?:de\s+leden|het\s+lid|het\s+Kamerlid|de\s+Kamerleden)\s+
    (?P<members>.+?)\s*
    \baan\s+(?P<addressees>(?:de|het)\s.+?)\s+
    over\s+(?P<subject>.+?)\s*
    \(\s*ingezonden\s+(?P<date>[^()]*?)\s*\)
    """,
    regex.VERBOSE | regex.DOTALL,
)

# The answer or mededeling sentence, "(ontvangen" printed twice in ah-tk-20232024-1999:
# "Mededeling van Minister De Jonge (Binnenlandse Zaken en Koninkrijksrelaties) (ontvangen (ontvangen
#  7 juni 2024)."
# "Antwoord van Staatssecretaris Van Rij (Financiën – Fiscaliteit en Belastingdienst), mede namens de Minister
#  voor Buitenlandse Handel en Ontwikkelingssamenwerking (ontvangen 21 mei 2024)."
ANSWER_SENTENCE = regex.compile(
    r"""
    (?P<kind>Antwoord|Mededeling)\s+van\s+(?P<respondents>.+?)\s*
    \(\s*(?:\(?\s*ontvangen\s+)+(?P<date>[^()]*?)\s*\)
    """,
    regex.VERBOSE | regex.DOTALL,
)

# One questioner group: names followed by their party, "Van Weyenberg, Romke de Jong en Kat (allen D66)",
# "Faber-van de Klashorst(PVV)" (no space, ah-tk-20232024-1949).
MEMBER_GROUP = regex.compile(r"(?P<names>[^()]+?)\s*\((?P<party>[^()]+)\)")
# Words that give a whole group one party: "(allen D66)", "(beiden GroenLinks-PvdA)".
SHARED_PARTY = regex.compile(r"(?:allen|beiden|beide|allemaal)\s+", regex.IGNORECASE)
# Between names: "Sneller (D66), Chakor …", "… en Van Nispen".
NAME_SEPARATOR = regex.compile(r"\s*,\s*|\s+en\s+")

# Between offices: "de Staatssecretaris van Financiën en de Minister voor …", and between two offices
# that share the ministry printed after them, a shape the corpus lacks: "de Minister en Staatssecretaris
# van Financiën".
OFFICE_SEPARATOR = regex.compile(
    rf"""
    \s*(?:,\s*(?:en\s+)?|\s+en\s+)(?:de|het)\s+(?={_ROLE}\b)
  | (?<=\b(?:[Mm]inister|[Ss]taatssecretaris))\s+en\s+(?=(?:[Mm]inister|[Ss]taatssecretaris)\s)
    """,
    regex.VERBOSE,
)
# An office printed without its ministry, which takes that of the office it is coordinated with: the
# Staatssecretaris of "aan de Staatssecretaris en de Minister van Onderwijs, Cultuur en Wetenschap"
# (fixtures/tk-synthetic-onderzoek-2025-2026). The Minister-President has no ministry to take.
BARE_OFFICE = regex.compile(r"[Mm]inister|[Ss]taatssecretaris")
# An office's ministry with its preposition: "van Financiën" of "Minister van Financiën", "voor Natuur en
# Stikstof" of "Minister voor Natuur en Stikstof".
OFFICE_MINISTRY = regex.compile(rf"{_ROLE}\s+(?P<ministry>(?:van|voor)\s.+)", regex.DOTALL)
# A plural office spread over portfolios: "Ministers van Landbouw, Natuur en Voedselkwaliteit en voor
# Natuur en Stikstof".
PLURAL_OFFICE = regex.compile(
    r"(?P<role>[Mm]inisters|[Ss]taatssecretarissen)\s+(?P<portfolios>(?:van|voor)\s.+)", regex.DOTALL
)
PORTFOLIO_SEPARATOR = regex.compile(r"\s*,\s*(?:en\s+)?(?=(?:van|voor)\s)|\s+en\s+(?=(?:van|voor)\s)")

# A member of government with department: "Staatssecretaris Van Rij (Financiën – Fiscaliteit en
# Belastingdienst)", "Minister Bruins Slot (BZ)".
PERSON = regex.compile(
    rf"(?P<role>{_ROLE})\s+(?!(?:van|voor)\s)(?P<name>[^(),]+?)\s*\((?P<department>[^()]*)\)"
)
# A member of government without department: "Minister Rutte".
PERSON_WITHOUT_DEPARTMENT = regex.compile(rf"(?P<role>{_ROLE})\s+(?!(?:van|voor)\s)(?P<name>[^(),]+?)\s*$")
# An office without a name, as older intros print it: "de Minister van Financiën".
OFFICE_WITHOUT_NAME = regex.compile(
    rf"(?:de\s+)?(?P<role>{_ROLE})\s+(?:van|voor)\s+(?P<portfolio>[^()]+?)\s*$"
)
# "…, mede namens de Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking".
ON_BEHALF = regex.compile(r",?\s*mede\s+namens\s+(?P<offices>.+)$", regex.DOTALL)
# An office: the role and its portfolio, "Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking".
OFFICE = regex.compile(rf"(?P<role>{_ROLE})\s+(?:(?:van|voor)\s+)?(?P<portfolio>.+)", regex.DOTALL)

# "Zie ook Aanhangsel Handelingen, vergaderjaar 2014–2015, nr. 403" (with or without "nr." or a period).
SEE_ALSO = regex.compile(
    r"""
    Zie\s+ook\s+Aanhangsel\s+(?:van\s+de\s+)?Handelingen,?\s+
    vergaderjaar\s+(?P<first>\d{4})\s*[–-]\s*(?P<second>\d{4}),?\s+
    (?:nrs?\.?\s*)?(?P<numbers>\d+(?:\s*(?:,|en)\s*(?:nr\.?\s*)?\d+)*)
    """,
    regex.VERBOSE,
)

# A Dutch date: "4 april 2024".
DUTCH_DATE = regex.compile(
    r"(?P<day>\d{1,2})\s+(?P<month>januari|februari|maart|april|mei|juni|juli|augustus|september|oktober"
    r"|november|december)\s+(?P<year>\d{4})",
    regex.IGNORECASE,
)
MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip
