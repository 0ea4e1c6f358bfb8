"""Decide, for each hyphen at the end of a line, whether the typesetter added it or the spelling has it.

A line-end hyphen either exists only because a word was broken ("gecompen-" / "seerd" → "gecompenseerd")
or belongs to the word ("GroenLinks-" / "PvdA", "ggz-" / "instelling"). One regex cannot tell them apart
("Nagorno-" / "Karabach" must keep its hyphen), so each occurrence is decided from evidence, strongest
first: Dutch spelling rules, how the same document writes the word elsewhere, and a Dutch hyphenation
dictionary (pyphen's nl_NL) that says where a typesetter may break the joined word.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Literal

import pyphen

if TYPE_CHECKING:
    from collections.abc import Iterable

# Words after which a hyphen stands for a left-out part: "aanloop- en volloopverliezen".
SUSPENDED_BEFORE = frozenset({"en", "of", "tot", "en/of", "t/m", "noch", "als", "dan", "maar"})

# Prefixes that Dutch spelling writes with a hyphen: "niet-werkende", "ex-partner", "oud-minister".
HYPHENATED_PREFIXES = frozenset({"niet", "ex", "oud", "vice", "adjunct", "loco", "non", "interim", "pre"})

VOWELS = frozenset("aeiouy")
# Vowel pairs that would merge into another sound if written together: the hyphen of "zee-eend",
# "auto-ongeluk", "na-apen" stays. (A typesetter never breaks a word between two such vowels.)
MERGING_VOWELS = frozenset(
    {"aa", "ae", "ai", "au", "ee", "ei", "eu", "ie", "ii", "oe", "oi", "oo", "ou", "ui", "uu"}
)

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
    """How one document writes its words: the forms seen in the middle of lines, lower-cased."""

    def __init__(self, texts: Iterable[str]) -> None:
        """Count the words of the line texts (their last word, which may be broken, left out)."""
        self.words: Counter[str] = Counter()
        for text in texts:
            tokens = text.split()
            if tokens and tokens[-1].endswith("-"):
                tokens = tokens[:-1]
            self.words.update(_core(token).lower() for token in tokens)
        self.words.pop("", None)

    def __contains__(self, word: str) -> bool:
        """Whether the document writes this form somewhere, any case."""
        return word.lower() in self.words


def decide(left: str, right: str, vocabulary: Vocabulary) -> Verdict:
    """Decide how a line ending in `left` (with its hyphen) joins the next line starting with `right`."""
    stem, word = _core(left.removesuffix("-")), _core(right)
    if not stem or not word:
        return Verdict(left + right, kept=True, space=False, reason="no word on one side of the break")
    for rule in _RULES:
        found = rule(stem, word, vocabulary)
        if found is not None:
            outcome, reason = found
            return Verdict(
                _join(left, right, outcome), kept=outcome != "remove", space=outcome == "space", reason=reason
            )
    return Verdict(
        _join(left, right, "remove"), kept=False, space=False, reason="default: a typesetter's break"
    )


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


def _suspended(stem: str, word: str, vocabulary: Vocabulary) -> Finding | None:
    """Keep the hyphen and its space before a left-out word part: "aanloop-" + "en volloopverliezen"."""
    del stem, vocabulary
    if word.lower() in SUSPENDED_BEFORE:
        return "space", f"'{word}' follows: the hyphen stands for a left-out word part"
    return None


def _capital_or_digit(stem: str, word: str, vocabulary: Vocabulary) -> Finding | None:
    """Keep the hyphen beside a capital or digit: "CCS-projecten", "Natura 2000-gebied", "GroenLinks-PvdA"."""
    del vocabulary
    if stem[-1].isupper() or stem[-1].isdigit():
        return "keep", f"'{stem[-1]}' before the hyphen is a capital or digit"
    if word[0].isupper() or word[0].isdigit():
        return "keep", f"'{word[0]}' after the hyphen is a capital or digit"
    return None


def _seen_hyphenated(stem: str, word: str, vocabulary: Vocabulary) -> Finding | None:
    """Keep the hyphen when the document writes the hyphenated form in the middle of a line."""
    if f"{stem}-{word}" in vocabulary:
        return "keep", f"the document writes '{stem}-{word}' elsewhere"
    return None


def _seen_joined(stem: str, word: str, vocabulary: Vocabulary) -> Finding | None:
    """Remove the hyphen when the document writes the joined form in the middle of a line."""
    if f"{stem}{word}" in vocabulary:
        return "remove", f"the document writes '{stem}{word}' elsewhere"
    trema = TREMA.get(word[0].lower())
    if trema and stem[-1].lower() in VOWELS and f"{stem}{trema}{word[1:]}" in vocabulary:
        return (
            "trema",
            f"the document writes '{stem}{trema}{word[1:]}' elsewhere (trema dropped at the break)",
        )
    return None


def _prefix(stem: str, word: str, vocabulary: Vocabulary) -> Finding | None:
    """Keep the hyphen after a prefix: "niet-werkende", "ex-partner", "oud-minister", "e-mail"."""
    del word, vocabulary
    if stem.lower() in HYPHENATED_PREFIXES:
        return "keep", f"'{stem}-' is a prefix written with a hyphen"
    if len(stem) == 1:
        return "keep", f"'{stem}-' is a one-letter prefix"
    return None


def _abbreviation(stem: str, word: str, vocabulary: Vocabulary) -> Finding | None:
    """Keep the hyphen after a lower-case abbreviation, which has no syllable to break: "ggz-instelling"."""
    del word, vocabulary
    if stem.isalpha() and not VOWELS.intersection(stem.lower()):
        return "keep", f"'{stem}' has no vowel: an abbreviation, not a syllable"
    return None


def _vowel_clash(stem: str, word: str, vocabulary: Vocabulary) -> Finding | None:
    """Keep the hyphen between vowels that joined would read as one sound: "zee-eend", "auto-ongeluk"."""
    del vocabulary
    pair = (stem[-1] + word[0]).lower()
    if pair in MERGING_VOWELS:
        return "keep", f"'{pair}' would merge into one sound if joined"
    return None


def _dictionary(stem: str, word: str, vocabulary: Vocabulary) -> Finding | None:
    """Remove the hyphen where the Dutch hyphenation dictionary allows a break in the joined word."""
    del vocabulary
    joined = f"{stem}{word}".lower()
    if len(stem) in _break_points(joined):
        return "remove", f"the dictionary breaks '{joined}' after '{stem.lower()}'"
    return None


@cache
def _break_points(word: str) -> frozenset[int]:
    """Return where pyphen's Dutch dictionary allows a break in `word`."""
    return frozenset(_hyphenator().positions(word))


@cache
def _hyphenator() -> pyphen.Pyphen:
    """Load the Dutch dictionary on first use (no work at import time)."""
    return pyphen.Pyphen(lang="nl_NL")


_RULES = (
    _suspended,
    _capital_or_digit,
    _seen_hyphenated,
    _seen_joined,
    _prefix,
    _abbreviation,
    _vowel_clash,
    _dictionary,
)


def _core(token: str) -> str:
    """Strip the punctuation around a token: "(ekv)." → "ekv", "«Dredging" → "Dredging"."""
    start, end = 0, len(token)
    while start < end and not _is_word_char(token[start]):
        start += 1
    while end > start and not _is_word_char(token[end - 1]):
        end -= 1
    return token[start:end]


def _is_word_char(char: str) -> bool:
    """Letters and digits, accented ones included."""
    return unicodedata.category(char)[0] in "LN"
