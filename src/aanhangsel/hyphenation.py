"""Decide, for each hyphen at the end of a line, whether the typesetter added it or the spelling has it.

A line-end hyphen either exists only because a word was broken ("gecompen-" / "seerd" → "gecompenseerd")
or belongs to the word ("GroenLinks-" / "PvdA", "ggz-" / "instelling"). One regex cannot tell them apart
("Nagorno-" / "Karabach" must keep its hyphen), so each occurrence is decided from evidence, strongest
first: how the same document writes the word elsewhere, Dutch spelling rules, and a Dutch hyphenation
dictionary (pyphen's nl_NL) that says where a typesetter may break the joined word.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache
from itertools import repeat
from typing import TYPE_CHECKING, Literal

import pyphen

from aanhangsel import patterns

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from aanhangsel.layout import Line

# Hyphen characters a typesetter may end a line with (the soft hyphen and U+2010 included).
LINE_END_HYPHENS = ("-", "\u00ad", "\u2010")

# Words after which a hyphen stands for a left-out part: "aanloop- en volloopverliezen",
# "zowel binnen- als buitenland".
SUSPENDED_BEFORE = frozenset({"en", "of", "tot", "en/of", "t/m", "noch", "als"})

# "niet" before a noun or adjective takes a hyphen ("niet-werkende", "niet-leden"); the closed words that
# start with it and may be broken after it are "nietig" and "nietje".
NIET_CLOSED = ("ig", "je")
# Prefixes that take a hyphen before a word of their own ("ex-partner", "oud-minister"), but begin many
# closed words too ("ex-" / "port", "oud-" / "heid"): they keep the hyphen only when the document writes
# the word after them on its own elsewhere.
HYPHENATED_PREFIXES = frozenset({"ex", "oud", "vice", "adjunct", "loco", "non", "interim"})

VOWELS = frozenset("aeiouy")
# Vowel pairs that would merge into another sound if written together: the hyphen of "zee-eend",
# "auto-ongeluk", "na-apen" stays. (A typesetter never breaks a word between two such vowels.)
MERGING_VOWELS = frozenset(
    {"aa", "ae", "ai", "au", "ee", "ei", "eu", "ie", "ii", "oe", "oi", "oo", "ou", "ui", "uu"}
)

# Small words inside a name of several words: "Raad van State", "Raad voor de Rechtspraak", "Hof van
# Justitie". Dutch writes a hyphen after such a name before the next word of a compound ("Raad van
# State-advies", "Albert Heijn-filiaal", "Verenigde Naties-resolutie").
NAME_PARTICLES = frozenset({"van", "von", "voor", "de", "der", "den", "het", "ter", "ten", "te", "op", "aan"})
# Names of several words that Dutch writes together with the next word all the same, as the Woordenlijst
# lists them: "Tweede Kamerlid", "Eerste Kamerverkiezingen", "Provinciale Statenlid".
WRITTEN_TOGETHER = ("Tweede Kamer", "Eerste Kamer", "Provinciale Staten")

# Dutch drops the trema at a break: "geëvalueerd" is broken as "ge-" / "evalueerd".
TREMA = {"a": "ä", "e": "ë", "i": "ï", "o": "ö", "u": "ü"}


@dataclass(frozen=True, slots=True)
class HyphenDecision:
    """What happened to one line-end hyphen, and why."""

    page: int
    """The page of the line that ends in the hyphen."""
    left: str
    """The word fragment before the break, hyphen included: "gecompen-"."""
    right: str
    """The first word of the next line: "seerd."."""
    joined: str
    """How the two read together: "gecompenseerd"."""
    kept: bool
    """Whether the hyphen stays."""
    reason: str
    """The evidence that decided it."""
    line: Line | None = None
    """The line that ends in the hyphen, where the page pictures mark it; None for a decision made on
    text alone (`text.join_lines`), before the text stage ties it to its line."""


@dataclass(frozen=True, slots=True)
class Verdict:
    """A decision before it is tied to a page: how to join, and why."""

    joined: str
    """The left and right fragments as they read together."""
    kept: bool
    """Whether the hyphen stays."""
    space: bool
    """Whether a space follows the hyphen (a left-out word part: "aanloop- en")."""
    reason: str
    """The evidence that decided it."""


class Vocabulary:
    """How one document writes its words: the forms seen in the middle of lines, and its names."""

    def __init__(self, texts: Iterable[str]) -> None:
        """Count the words of the line texts (their last word, which may be broken, left out).

        Every word of the document passes here, so the lines are counted together, in C where it can be:
        `str.strip` with the document's own punctuation (each character of it that is no letter or digit)
        takes off what `_core` would.
        """
        texts = list(texts)
        punctuation = "".join(char for char in set("".join(texts)) if not _is_word_char(char))
        lines = [text.split() for text in texts]
        words: list[str] = []
        self.names: set[str] = set()  # as printed: the words capitalised in mid-sentence
        for tokens in lines:
            if tokens and tokens[-1].endswith(LINE_END_HYPHENS):
                del tokens[-1]
            cores = list(map(str.strip, tokens, repeat(punctuation)))
            words += cores
            self.names.update(_capitalised_in_mid_sentence(tokens, cores))
        self.words: Counter[str] = Counter(map(str.lower, words))  # lower-cased
        self.words.pop("", None)

    def __contains__(self, word: str) -> bool:
        """Whether the document writes this form somewhere, any case."""
        return word.lower() in self.words

    def is_name(self, word: str) -> bool:
        """Whether the document writes this word with its capital in mid-sentence: a word of a name."""
        return word in self.names


def _capitalised_in_mid_sentence(tokens: list[str], cores: list[str]) -> Iterator[str]:
    """Yield the capitalised words of a line that do not open a sentence ("State" in "de Raad van State").

    `cores` are the tokens without their punctuation. A line's first word is left out: whether it opens a
    sentence depends on the line before.
    """
    for previous, word in zip(tokens, cores[1:], strict=False):
        if word[:1].isupper() and not _ends_sentence(previous):
            yield word


def decide(left: str, right: str, vocabulary: Vocabulary, before: str = "") -> Verdict:
    """Decide how a line ending in `left` (with its hyphen) joins the next line starting with `right`.

    `before` is the text that precedes `left` in its paragraph: the words of a name it may end.
    """
    stem, word = _core(left.removesuffix("-")), _core(right)
    if not stem or not word:
        return Verdict(left + right, kept=True, space=False, reason="no word on one side of the break")
    at = Break(stem=stem, word=word, bare=word == right, vocabulary=vocabulary, before=before)
    for rule in _RULES:
        found = rule(at)
        if found is not None:
            outcome, reason = found
            kept = outcome in {"keep", "space"}
            return Verdict(_join(left, right, outcome), kept=kept, space=outcome == "space", reason=reason)
    return Verdict(
        _join(left, right, "remove"), kept=False, space=False, reason="default: a typesetter's break"
    )


@dataclass(frozen=True, slots=True)
class Break:
    """One line-end hyphen, as the rules see it."""

    stem: str
    """The word part before the hyphen, without punctuation: "gecompen"."""
    word: str
    """The word part after the break, without punctuation: "seerd"."""
    bare: bool
    """Whether the next line's first token is the word alone, with no punctuation around it."""
    vocabulary: Vocabulary
    """How the document writes its words elsewhere."""
    before: str
    """The text before the broken word in its paragraph: "… het advies van de Raad van"."""


# What a rule concludes: keep the hyphen, remove it, keep it with a space, or remove it and restore the
# trema that Dutch drops at a break.
Outcome = Literal["keep", "remove", "space", "trema"]
Finding = tuple[Outcome, str]


def _join(left: str, right: str, outcome: Outcome) -> str:
    """Join the fragments as the outcome says."""
    if outcome == "space":
        return f"{left} {right}"
    if outcome == "keep":
        return f"{left}{right}"
    if outcome == "trema":
        start = next(index for index, char in enumerate(right) if _is_word_char(char))
        right = right[:start] + TREMA[right[start].lower()] + right[start + 1 :]
    return f"{left.removesuffix('-')}{right}"


def _seen_hyphenated(at: Break) -> Finding | None:
    """Keep the hyphen when the document writes the hyphenated form in the middle of a line."""
    if f"{at.stem}-{at.word}" in at.vocabulary:
        return "keep", f"the document writes '{at.stem}-{at.word}' elsewhere"
    return None


def _seen_joined(at: Break) -> Finding | None:
    """Remove the hyphen when the document writes the joined form (with a trema, perhaps) elsewhere."""
    if f"{at.stem}{at.word}" in at.vocabulary:
        return "remove", f"the document writes '{at.stem}{at.word}' elsewhere"
    trema = TREMA.get(at.word[0].lower())
    with_trema = f"{at.stem}{trema}{at.word[1:]}"
    if trema and at.stem[-1].lower() in VOWELS and with_trema in at.vocabulary:
        return "trema", f"the document writes '{with_trema}' elsewhere (the trema is dropped at a break)"
    return None


def _suspended(at: Break) -> Finding | None:
    """Keep the hyphen and its space before a left-out word part: "aanloop-" + "en volloopverliezen"."""
    if at.bare and at.word.lower() in SUSPENDED_BEFORE:  # "en." ends a sentence: no part was left out
        return "space", f"'{at.word}' follows: the hyphen stands for a left-out word part"
    return None


def _capital_or_digit(at: Break) -> Finding | None:
    """Keep the hyphen beside a capital or digit: "CCS-projecten", "Natura 2000-gebied", "GroenLinks-PvdA"."""
    if at.stem[-1].isupper() or at.stem[-1].isdigit():
        return "keep", f"'{at.stem[-1]}' before the hyphen is a capital or digit"
    if at.word[0].isupper() or at.word[0].isdigit():
        return "keep", f"'{at.word[0]}' after the hyphen is a capital or digit"
    return None


def _name_of_several_words(at: Break) -> Finding | None:
    """Keep the hyphen after a name of several words: "Raad van State-" + "advies", "Albert Heijn-filiaal".

    The broken word must be a word of a name, which the document writes with its capital elsewhere: a
    typesetter's break in a capitalised word ("Minister van Volksgezond-" + "heid") leaves a fragment that
    stands nowhere on its own.
    """
    if not at.word[0].islower() or not at.vocabulary.is_name(at.stem):
        return None
    name = _name_ending_in(at.stem, at.before)
    if name is None or name.endswith(WRITTEN_TOGETHER):
        return None
    return "keep", f"'{name}' is a name of several words: Dutch keeps the hyphen after it"


def _name_ending_in(stem: str, before: str) -> str | None:
    """Read back through `before` the name of several words that ends in `stem`; None if there is none.

    Capitalised words belong to it ("Albert", "Van" in "Van Oord"), and the small words between them
    ("van" in "Raad van State"); the first word of a sentence does not (its capital says nothing).
    """
    words = before.split()
    name: list[str] = []
    pending: list[str] = []
    for index in range(len(words) - 1, -1, -1):
        token = words[index]
        word = _core(token)
        if not word or not token.endswith(word):  # "Zaken," or "(…)": the name cannot run on over it
            break
        opens_sentence = index == 0 or _ends_sentence(words[index - 1])
        if word[0].isupper() and not opens_sentence:
            name[:0] = [word, *pending]
            pending = []
            if not token.startswith(word):  # "(Raad": the name starts here
                break
        elif word in NAME_PARTICLES:
            pending.insert(0, word)
        else:
            break
    return " ".join([*name, stem]) if name else None


def _ends_sentence(token: str) -> bool:
    """Whether a token ends a sentence ("gedaan.", "vragen?»"), so that the next word opens one."""
    return patterns.SENTENCE_END.search(token) is not None


def _prefix(at: Break) -> Finding | None:
    """Keep the hyphen after a prefix: "niet-werkende", "ex-partner", "oud-minister", "e-mail"."""
    stem = at.stem.lower()
    if stem == "niet" and not at.word.lower().startswith(NIET_CLOSED):
        return "keep", "'niet-' is a prefix written with a hyphen before a noun or adjective"
    if stem in HYPHENATED_PREFIXES and at.word in at.vocabulary:
        return "keep", f"'{at.stem}-' is a prefix and the document writes '{at.word}' on its own"
    if len(at.stem) == 1:
        return "keep", f"'{at.stem}-' is a one-letter prefix"
    return None


def _abbreviation(at: Break) -> Finding | None:
    """Keep the hyphen after a lower-case abbreviation, which has no syllable to break: "ggz-instelling"."""
    if at.stem.isalpha() and not VOWELS.intersection(at.stem.lower()):
        return "keep", f"'{at.stem}' has no vowel: an abbreviation, not a syllable"
    return None


def _vowel_clash(at: Break) -> Finding | None:
    """Keep the hyphen between vowels that joined would read as one sound: "zee-eend", "auto-ongeluk"."""
    pair = (at.stem[-1] + at.word[0]).lower()
    if pair in MERGING_VOWELS:
        return "keep", f"'{pair}' would merge into one sound if joined"
    return None


def _dictionary(at: Break) -> Finding | None:
    """Remove the hyphen where the Dutch hyphenation dictionary allows a break in the joined word."""
    joined = f"{at.stem}{at.word}".lower()
    if len(at.stem) in _break_points(joined):
        return "remove", f"the dictionary breaks '{joined}' after '{at.stem.lower()}'"
    return None


@cache
def _break_points(word: str) -> frozenset[int]:
    """Return where pyphen's Dutch dictionary allows a break in `word`."""
    return frozenset(_hyphenator().positions(word))


@cache
def _hyphenator() -> pyphen.Pyphen:
    """Load the Dutch dictionary on first use (no work at import time)."""
    return pyphen.Pyphen(lang="nl_NL")


# Strongest evidence first. How the document itself writes the word beats the spelling rules, so that
# "Soe-" + "dan" joins where "Soedan" is printed elsewhere; a left-out part comes before the capital or
# digit rule, so that "CO2-" + "en stikstofuitstoot" keeps its space. A name of several words comes before
# the dictionary, which would break "stateadvies" after "state".
_RULES = (
    _seen_hyphenated,
    _seen_joined,
    _suspended,
    _capital_or_digit,
    _name_of_several_words,
    _prefix,
    _abbreviation,
    _vowel_clash,
    _dictionary,
)


def _core(token: str) -> str:
    """Strip the punctuation around a token: "(ekv)." → "ekv", "«Dredging" → "Dredging"."""
    if token[:1].isalnum() and token[-1:].isalnum():  # the usual word: nothing around it
        return token
    start, end = 0, len(token)
    while start < end and not _is_word_char(token[start]):
        start += 1
    while end > start and not _is_word_char(token[end - 1]):
        end -= 1
    return token[start:end]


def _is_word_char(char: str) -> bool:
    """Letters and digits, accented ones included.

    That is Unicode's categories L and N, and `str.isalnum` tests exactly those, for every code point (a test
    checks it); asking `unicodedata.category` instead took 0.3 ms of a parse.
    """
    return char.isalnum()
