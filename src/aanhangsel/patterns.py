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

# The bold document number above the intro: "1786" (numbers start at 1: "0" or "0000" is none).
DOCUMENT_NUMBER_LINE = regex.compile(r"[1-9]\d{0,4}")

# The first words of the intro: "Vragen van de leden …", "Vragen van het lid …".
INTRO_START = regex.compile(r"Vragen van (?:de leden|het lid|het Kamerlid|de Kamerleden)\b")

# --- masthead and id block -------------------------------------------------------------------------

# "Tweede Kamer der Staten-Generaal", "Eerste Kamer der Staten-Generaal".
CHAMBER = regex.compile(r"(?P<chamber>Tweede|Eerste) Kamer der Staten-Generaal")
# "Vergaderjaar 2023–2024".
SESSION = regex.compile(r"[Vv]ergaderjaar (?P<first>\d{4})\s*[–-]\s*(?P<second>\d{4})")
# The page-1 id block: "ah-tk-20232024-1786"; older ids carry a suffix ("ah-tk-20072008-2031-h1").
DOCUMENT_ID = regex.compile(
    r"\bah-(?P<chamber>tk|ek)-(?P<session>\d{8})-(?P<number>[1-9]\d{0,4})(?:-[a-z]+\d*)?\b"
)

# --- sections --------------------------------------------------------------------------------------

# A question or answer label on a line of its own: "Vraag 1", "Antwoord 3, 4 en 5",
# "Vraag 7, 8, 9 10 en 11" (comma missing, ah-tk-20232024-2367), "Vragen 2 en 3", and the ministries'
# own wording where the typesetter kept it, "Antwoord op vraag 1", "Antwoord op de vragen 2 en 3".
# A run of digits is one number, however long ("Vraag 30000000" names one, which no question has).
LABEL = regex.compile(
    r"""
    (?P<kind>Vraag|Vragen|Antwoord|Antwoorden)
    (?:\s+op\s+(?:de\s+)?(?:vraag|vragen))?
    \s+
    (?P<numbers>\d+(?:(?:\s*(?:,|en|t/m|tot\s+en\s+met|[–-])\s*|\s+)\d+)*)
    \s*[:.]?
    """,
    regex.VERBOSE,
)
# A label's word on a line of its own, without the number it should carry: "Vraag" (a label whose number a
# damaged file lost; running text never sets the word alone on a line with a capital).
BARE_LABEL = regex.compile(r"(?:Vraag|Vragen|Antwoord|Antwoorden)\s*[:.]?")
# The heading over the text of a mededeling: "Mededeling" (bold, on a line of its own).
MEDEDELING_HEADING = regex.compile(r"Mededeling\s*[:.]?")
# A range inside a label: "Vraag 3 t/m 6", "Vraag 3–6".
LABEL_RANGE = regex.compile(r"(?<!\d)(?P<start>\d+)\s*(?:t/m|tot\s+en\s+met|[–-])\s*(?P<end>\d+)")

# --- text ------------------------------------------------------------------------------------------

# A line that ends a sentence: "… zelf.", "… toepassen?", "… gehandeld.»", "(ontvangen …).", "…:".
SENTENCE_END = regex.compile(r"[.?!:;][»”’\"')\]]*$")
# A numbered or lettered list marker at the start of a line: "1.", "2)", "a.", "iv)".
LIST_NUMBER = regex.compile(r"(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]")
# A dash that opens a list item: "–woningzoekenden die …" (ah-tk-20232024-1292, a tab after the dash).
LIST_DASH = regex.compile(r"[–—-]")

# The top-level domains a web address without scheme or "www." may end in, as the documents print them.
TOP_LEVEL_DOMAINS = (
    "nl",
    "com",
    "org",
    "net",
    "eu",
    "int",
    "be",
    "de",
    "uk",
    "gov",
    "mv",
    "mz",
    "info",
    "io",
)
_TLD = "|".join(TOP_LEVEL_DOMAINS)
_DOTTED_DOMAINS = tuple(f".{tld}" for tld in TOP_LEVEL_DOMAINS)

# A web address: with a scheme, starting with "www.", or a bare domain followed by a path
# ("regiopurmerend.nl/2024/05/03/tieners-…", ah-tk-20232024-1949 footnote 1).
URL = regex.compile(
    rf"""
    (?:
        (?:https?|ftp)://[^\s«»"<>]+
      | www\.[^\s«»"<>]+
      | (?<![\w@./-])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*
        \.(?:{_TLD})/[^\s«»"<>]*
    )
    """,
    regex.VERBOSE | regex.IGNORECASE,
)


def may_hold_address(text: str) -> bool:
    """Whether a text can hold a web address or a bare domain at all: a quick test before URL and DOMAIN.

    Those patterns try every word of a text (each about 1 ms a document); most questions and answers hold
    no address, which plain substring tests in C tell in microseconds.
    """
    lower = text.lower()
    return "://" in lower or "www." in lower or any(map(lower.__contains__, _DOTTED_DOMAINS))


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
    (?:nrs?\.?\s*)?(?P<numbers>\d{1,5}(?:\s*(?:,|en)\s*(?:nr\.?\s*)?\d{1,5})*)(?!\d)
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

# --- ministries ------------------------------------------------------------------------------------

# The dash between a department and a portfolio: "Financiën – Fiscaliteit en Belastingdienst"
# (ah-tk-20232024-1786, "Antwoord van Staatssecretaris Van Rij (Financiën – Fiscaliteit en Belastingdienst)").
PORTFOLIO_DASH = regex.compile(r"\s+[–-]\s+")
# The Minister-President, whose ministry is Algemene Zaken: "de Minister-President".
PRIME_MINISTER = regex.compile(r"[Mm]inister-[Pp]resident")

# --- mededeling ------------------------------------------------------------------------------------

# A notice that the questions were answered in a letter: "… zijn beantwoord middels een brief over
# Ambtelijke analyses hoofdlijnenakkoord (36 471-64) op 7 juni 2024." (ah-tk-20232024-1999); also "bij brief
# van", "in de brief", "met de (Kamer)brief". Only the participle "beantwoord" counts: "ik zal de vragen in
# een brief beantwoorden" promises an answer, it does not give one.
# The second form, the letter before the participle: "In de brief van 14 juli 2023 (Kamerstuk 22 054, nr. 395)
# zijn de vragen beantwoord."
ANSWERED_BY_LETTER = regex.compile(
    r"""
    \bbeantwoord\s+(?:middels|bij|met|in|via|door\s+middel\s+van)\s+(?:de\s+|een\s+|mijn\s+|onze\s+)?(?:kamer)?brief
    | \b(?:kamer)?brief\b(?:[^.]|\.(?!\s+[A-Z]))*?\bbeantwoord\b  # within the sentence ("nr. 3" stays in it)
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
# A notice that the answers need more time: "Hierbij informeer ik u dat de beantwoording van deze vragen
# meer tijd vergt." (mededeling-2025-2026); also "meer tijd nodig", "niet binnen de gebruikelijke termijn
# (van drie weken) worden beantwoord", "uitstel van beantwoording", "wordt uitgesteld".
POSTPONED = regex.compile(
    r"""
    \bmeer\s+tijd\b
    | \bniet\s+binnen\s+de\s+(?:gebruikelijke\s+|gestelde\s+|reguliere\s+)?termijn\b
    | \buitstel\b
    | \buitgesteld\b
    | \baangehouden\b
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# --- references ------------------------------------------------------------------------------------

# A session as printed in citations: "2024/25", "2022–2023", "2015–16", "2023–34" (a typo, kept).
_SESSION = r"(?P<first>\d{4})\s*[/–-]\s*(?P<second>\d{2,4})"
# A Kamerstuk dossier number: "29 383", "21 501-02" (a sub-dossier), "36 410 VIII" (a budget chapter).
_DOSSIER = r"(?<!\d)(?P<dossier>\d{2}\s?\d{3})(?!\d)(?:-(?P<sub>\d{2}))?(?:\s+(?P<chapter>[IVXLC]+)\b)?"

# A Kamerstuk in full: "Kamerstuk 29 383, nr. 406", "Kamerstukken II 2024/25, 31 066, nr. 1512",
# "Kamerstukken II, 2024/25, 31 066, nr. 1512" (mededeling-2025-2026), "Kamerstukken II2015–16, 34 104,
# nr. 128" (ah-tk-20232024-1980), "Tweede Kamer, vergaderjaar 2022–2023, 26 485, nr. 424"
# (ah-tk-20232024-1786), "TK 2023/24, 31 839, nr. 1024" (ah-tk-20232024-2395), "Kamerstuk 36 410 VIII,
# nr. 106" (ah-tk-20232024-1432), "Kamerstuk 21 501-02, nr. 2498" (ah-tk-20232024-2129).
KAMERSTUK = regex.compile(
    rf"""
    \b(?:Kamerstuk(?:ken)?(?:\s*I{{1,2}}(?![a-z]))?|(?:Tweede|Eerste)\s+Kamer|TK|EK)
    ,?\s*(?:(?:vergaderjaar\s+)?{_SESSION},?\s*)?
    {_DOSSIER}
    ,\s*(?:nr\.?\s*(?P<number>\d+)|nrs\.?\s*(?P<numbers>\d+(?:\s*(?:,|en)\s*\d+)*))
    """,
    regex.VERBOSE,
)
# A Kamerstuk in short, in parentheses: "… Ambtelijke analyses hoofdlijnenakkoord (36 471-64) op 7 juni
# 2024." (ah-tk-20232024-1999); the match is the citation without its parentheses.
KAMERSTUK_SHORT = regex.compile(
    r"(?<=\()(?P<dossier>\d{2}\s?\d{3})(?:\s+(?P<chapter>[IVXLC]+))?-(?P<number>\d+)(?=\))"
)
# An Aanhangsel entry: "Aanhangsel Handelingen, vergaderjaar 2022–2023, nr. 844", "Aanhangsel Handelingen
# II 2022/23, nr. 844", "Aanhangsel van de Handelingen II, vergaderjaar 2014–2015, nrs. 403 en 404".
AANHANGSEL = regex.compile(
    rf"""
    Aanhangsel\s+(?:van\s+de\s+)?Handelingen(?:\s*(?P<chamber>I{{1,2}})\b)?
    ,?\s*(?:vergaderjaar\s+)?{_SESSION},?\s*
    (?:nr\.?\s*(?P<number>\d+)|nrs\.?\s*(?P<numbers>\d+(?:\s*(?:,|en)\s*\d+)*))
    """,
    regex.VERBOSE,
)
# Handelingen of a sitting: "Handelingen II 2023/24, nr. 45, item 12", "Handelingen II 2008/09, blz. 1234"
# (no item: no id is formed beyond the sitting).
HANDELINGEN = regex.compile(
    rf"""
    Handelingen\s*(?P<chamber>I{{1,2}})\b,?\s*(?:vergaderjaar\s+)?{_SESSION}
    (?:,?\s*nr\.?\s*(?P<number>\d+)(?:,?\s*item\s+(?P<item>\d+))?|,?\s*blz\.?\s*\d+(?:\s*[–-]\s*\d+)?)?
    """,
    regex.VERBOSE,
)
# Staatsblad: "(Staatsblad 2020, 118)" (ah-tk-20202021-3235), "Stb. 2020, 118", "Stb. 2020/118".
STAATSBLAD = regex.compile(r"(?:Staatsblad|Stb\.)\s*(?P<year>\d{4})\s*[,/]\s*(?:nr\.\s*)?(?P<number>\d+)")
# Staatscourant: "Staatscourant 2023, 12345", "Stcrt. 2023, nr. 12345".
STAATSCOURANT = regex.compile(
    r"(?:Staatscourant|Stcrt\.)\s*(?P<year>\d{4})\s*[,/]\s*(?:nr\.\s*)?(?P<number>\d+)"
)
# A bare domain named as a source, not part of an address: "(forbes.com)", "Wie ontvingen – ontvangers |
# Ministerie van Financiën – Rijksoverheid (rijksfinancien.nl)" (ah-tk-20232024-1076), "NRC.nl, 26 juni
# 2024" (ah-tk-20232024-2367), "de website cultuursubsidie.nl" (ah-tk-20232024-1432).
DOMAIN = regex.compile(
    rf"""
    (?<![\w@./:-])
    [a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*
    \.(?:{_TLD})
    (?![\w/@-]|\.\w)
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
# Where a sentence ends, for the sentence around a kamervraag number: "… M365». Op 3 oktober heeft …".
SENTENCE_BREAK = regex.compile(r"[.?!][»”’\"')\]]*\s+")
# A word, for finding a name or a date in a sentence: "Van der Werf", "3 oktober".
WORD = regex.compile(r"\w+")
