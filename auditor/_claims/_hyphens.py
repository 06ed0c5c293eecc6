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
_PHRASES = compile_pattern(
    r"(?<![\w-])(?:"
    + "|".join(phrase.replace(" ", r"-") for phrase in sorted(HYPHENATED, key=len, reverse=True))
    + r")(?![\w-])",
    re.IGNORECASE,
)
_FIRST_WORDS = frozenset(phrase.split()[0] for phrase in HYPHENATED)


def unhyphenated(text: str) -> str | None:
    """`text` with the hyphens of the phrases above made spaces (same length), or None when it
    has none: a substring test first, since most answers hold no such phrase."""
    if "-" not in text:
        return None
    lowered = text.lower()
    if not any(f"{word}-" in lowered for word in _FIRST_WORDS):
        return None
    changed = _PHRASES.sub(lambda m: m.group().replace("-", " "), text)
    return None if changed == text else changed
