"""Claim words as a hurried writer misspells them, generated from the words (issue 16, SMS).

A terse agent drops the vowels of the word that carries the claim ("refund pndng", "refund
prcssd", "rfnd dclnd", "snt 2 ur card") or swaps two letters ("refudn sent", "delcined"). Each
such form the shorthand table spells out (`_shorthand.SHORTHAND`) was, until now, one entry
written after it was seen; the next word misspelt the same way was missed. Here the forms are
generated from the few words that carry a claim's state, by two rules a writer in a hurry
follows, so that every misspelling of that shape is read, not only those seen:

- vowels dropped after the first letter, any of them ("prcssd", "procssd", "apprvd"); and
- two neighbouring letters swapped, past the first letter, in a word of six letters or more
  ("refudn", "delcined", "shipepd").

A form that is itself an English word ("sipped", "issue") or a word the rules read otherwise
is never generated (`_REAL_WORDS`); forms are whole words only, never inside an item name, an
id or a code (the shorthand expansion's own guards). Data: add a word to `CLAIM_WORDS`, not a
form to a rule.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from itertools import combinations
from types import MappingProxyType

#: The words that carry a claim's state, as the rules read them.
CLAIM_WORDS = (
    "refund",
    "refunded",
    "refunds",
    "issued",
    "processed",
    "processing",
    "pending",
    "approved",
    "declined",
    "rejected",
    "received",
    "returned",
    "shipped",
    "delivered",
    "dispatched",
    "cancelled",
    "confirmed",
    "collected",
    "available",
    "stock",
    "sent",
    "transit",
    "arrived",
    "discontinued",
    "backorder",
)
_VOWELS = frozenset("aeiou")
#: Generated forms that are words in their own right, or shorthand the table spells another
#: way: never taken as a misspelling.
_REAL_WORDS = frozenset(["pad", "dun", "bat", "sot", "tot", "ret"])
#: Shortest form taken: two letters are initials, not a word.
_SHORTEST = 3
#: Swapped letters only in words this long: a short word swapped is often another word.
_SWAP_FROM = 6


def _dropped(word: str) -> Iterator[str]:
    """`word` with any non-empty set of its vowels after the first letter left out."""
    at = [i for i, ch in enumerate(word) if i > 0 and ch in _VOWELS]
    for size in range(1, len(at) + 1):
        for gone in combinations(at, size):
            yield "".join(ch for i, ch in enumerate(word) if i not in gone)


def _swapped(word: str) -> Iterator[str]:
    """`word` with two neighbouring letters after the first swapped."""
    if len(word) < _SWAP_FROM:
        return
    for i in range(1, len(word) - 1):
        if word[i] != word[i + 1]:
            yield word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def misspellings(words: tuple[str, ...] = CLAIM_WORDS) -> dict[str, str]:
    """Each generated misspelling of `words` -> the word; a form two words share is left out."""
    found: dict[str, str] = {}
    shared: set[str] = set()
    for word in words:
        for form in {*_dropped(word), *_swapped(word)}:
            if len(form) < _SHORTEST or form in words or form in _REAL_WORDS:
                continue
            if form in found and found[form] != word:
                shared.add(form)
            found[form] = word
    return {form: word for form, word in found.items() if form not in shared}


MISSPELT: Mapping[str, str] = MappingProxyType(misspellings())
