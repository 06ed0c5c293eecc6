"""Phrases of stock and state written with hyphens, read as the words they are.

"The Pasta Pot is out-of-stock." read nothing: the rules spell their phrases with spaces
("out of stock"), and the dispatch finds a rule by its first word, which a hyphen glues to the
next. Formal writers and models hyphenate these phrases as adjectives and often as predicates
too, so each is read here with spaces, one character for one (every span stays a span of the
answer as written). A hyphen inside a name or an id ("N-Series", "KT-1042") is left: only the
phrases below, as whole words, change.
"""

from __future__ import annotations

import re

from auditor._claims._compiled import compile_pattern

#: The phrases, as data: the words a hyphen may join, each a phrase the rules read spaced.
HYPHENATED = (
    "out of stock",
    "back in stock",
    "in stock",
    "low stock",
    "sold out",
    "on hold",
    "made to order",
    "out for delivery",
)
#: A hyphen, a non-breaking one or the typographer's: each one character, as a space is.
_HYPHEN = "[-\u2010\u2011]"
_LONGEST_FIRST = sorted(HYPHENATED, key=len, reverse=True)
_PHRASES = compile_pattern(
    r"(?<![\w-])(?:"
    + "|".join(phrase.replace(" ", _HYPHEN) for phrase in _LONGEST_FIRST)
    + r")(?![\w-])",
    re.IGNORECASE,
)
_SPACED = compile_pattern(_HYPHEN)


def unhyphenated(text: str) -> str | None:
    """`text` with the hyphens of the phrases above made spaces (same length), or None when it
    has none: a hyphen between two letters is looked for first (an id's "KT-1042" is none),
    since most answers hold no such phrase."""
    if not _glued(text):
        return None
    changed = _PHRASES.sub(lambda m: _SPACED.sub(" ", m.group()), text)
    return None if changed == text else changed


def _glued(text: str) -> bool:
    """Whether a hyphen stands between two letters: a few `find` calls (the usual answer's
    only hyphen is an id's, "KT-1042"), cheaper than a pattern over the whole answer."""
    if not text.isascii() and ("\u2010" in text or "\u2011" in text):
        return True
    at = text.find("-", 1)
    while at != -1 and at + 1 < len(text):
        if text[at - 1].isalpha() and text[at + 1].isalpha():
            return True
        at = text.find("-", at + 1)
    return False
