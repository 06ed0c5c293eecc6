"""Prose hard-wrapped by a mail client or an SMS gateway, read as the one line it was written.

A line break closes a clause for the rules (`_linebreaks`): "lunch box - we've got 7" then a
new line "Anything else?" must not run on. A gateway that wraps at 50 or 72 columns breaks
lines anywhere, though ("should get to you by\\nSaturday", "we had\\na big delivery"), and the
same rule then cuts a clause in two. Such a break is told from a line the writer ended by two
things together:

- **the shape of greedy filling**: the paragraph's lines are long (its longest at least
  `_MIN_WIDTH` columns) and every line broke because the next word would not have fitted on
  it (the line, a space and the next line's first word are longer than the longest line);
- **a break inside a clause**: the line ends on no stop, colon or semicolon, and either the next
  line goes on in lower case or with a number, or the line ended on a word that cannot end a
  clause ("by", "the", "of", "we", "I'll").

"Status: shipped" over "Carrier: DPD" is neither; "…ORD-1: shipped yesterday" over "Order
ORD-2: …" has the shape but not the clause. Each wrapped break becomes a space, one character
for one, so every span read from the result is a span of the answer as written.
"""

from __future__ import annotations

import re
from itertools import pairwise

#: The narrowest wrapping width taken for a gateway's (mail clients wrap at 72-78, SMS
#: gateways and ticket tools at 50-70); shorter lines are lines someone chose to end.
_MIN_WIDTH = 40
#: Words after which a clause cannot end, so a line ending on one was cut by the wrapping.
# fmt: off
_OPEN_WORDS = frozenset((
    "a", "an", "the", "this", "that", "these", "those", "my", "your", "our", "their", "his",
    "her", "its", "some", "any", "no", "every", "each", "of", "to", "for", "from", "by", "with",
    "without", "at", "in", "on", "into", "onto", "about", "over", "under", "after", "before",
    "until", "till", "since", "via", "per", "than", "as", "and", "or", "but", "nor", "so", "if",
    "because", "while", "whereas", "though", "although", "is", "are", "was", "were", "be",
    "been", "being", "am", "has", "have", "had", "do", "does", "did", "will", "would", "shall",
    "should", "can", "could", "may", "might", "must", "i", "i'll", "i've", "i'd", "i'm", "we",
    "we'll", "we've", "we'd", "we're", "you", "you'll", "you've", "you'd", "you're", "it",
    "it's", "it'll", "they", "they'll", "they've", "they're", "he", "she", "there", "here",
    "which", "who", "whom", "whose", "what", "when", "where", "how", "not", "just", "still",
    "only", "also", "currently", "already", "very", "more", "most", "less", "least", "both",
    "either", "neither", "between", "within", "around", "across", "up", "last", "next",
))
# fmt: on
#: A line that opens a block of its own: a list item, a heading, a quote, a table row.
_BLOCK_START = re.compile(r"\s*(?:[-*+•]\s|[>#|]|\d+[.)]\s)")
_CLOSED = frozenset(".!?:;")
#: A line opening with a label ("**ORD-2**: shipped", "Carrier: DPD") is a line of its own.
_LABEL = re.compile(r"[\s*_]*[^\s:]+(?: [^\s:]+){0,3}[*_]*:(?:\s|$)")
#: Emphasis, quotes and brackets a wrapped line may open with before its first letter.
_MARKUP = " \t*_\"'(\u2018\u201c"
#: A line going on with an amount goes on with a number.
_MONEY = frozenset("£$€¥")
#: What goes on a clause whatever word the line ended on: a record's id ("for order\nORD-1"),
#: a date's month or day ("delivered\nDecember 6", "arriving\nMonday").
_GOES_ON = re.compile(
    r"[A-Z]{2,5}-\d|(?i:(?:january|february|march|april|may|june|july|august|september|october"
    r"|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|monday|tuesday"
    r"|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thur?s?|fri|sat|sun)\b)"
)
_LAST_WORD = re.compile(r"([\w'\u2019]+)\W*$")
_FIRST_WORD = re.compile(r"\s*(\S+)")


def unwrapped(text: str) -> str | None:
    """`text` with each hard-wrapped line break a space (same length), or None when it has
    none: the cheap test first, since most answers hold no line break at all."""
    if "\n" not in text:
        return None
    out = list(text)
    changed = False
    offset = 0
    for paragraph in re.split(r"(\n[ \t]*\n)", text):
        if not paragraph.startswith("\n"):
            for position in _wrapped_breaks(paragraph):
                out[offset + position] = " "
                changed = True
        offset += len(paragraph)
    return "".join(out) if changed else None


def _wrapped_breaks(paragraph: str) -> list[int]:
    """Offsets in `paragraph` of the line breaks its wrapping made."""
    lines = paragraph.split("\n")
    if len(lines) < 2 or _BLOCK_START.match(lines[0]):
        return []
    width = max(len(line.rstrip()) for line in lines)
    if width < _MIN_WIDTH:
        return []
    pairs = list(pairwise(lines))
    if not all(_forced(line.rstrip(), following, width) for line, following in pairs):
        return []
    breaks = []
    position = 0
    for line, following in pairs:
        position += len(line)
        if _inside_clause(line.rstrip(), following):
            breaks.append(position)
        position += 1
    return breaks


def _forced(said: str, following: str, width: int) -> bool:
    """Whether the line broke because the next word would not fit (greedy filling)."""
    first = _FIRST_WORD.match(following)
    if first is None or not said or _BLOCK_START.match(following):
        return False
    return len(said) + 1 + len(first.group(1)) > width


def _inside_clause(said: str, following: str) -> bool:
    if said[-1] in _CLOSED or _LABEL.match(following):
        return False
    opening = following.lstrip(_MARKUP)[:1]
    if opening.islower() or opening.isdigit() or opening in _MONEY:
        return True
    if _GOES_ON.match(following.lstrip(_MARKUP)):
        return True
    last = _LAST_WORD.search(said)
    return last is not None and last.group(1).lower().replace("\u2019", "'") in _OPEN_WORDS
