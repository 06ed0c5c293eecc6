"""What a voice is: the same answers, worded another way.

The auditor's claim extraction was first written against the standard voice's sentences, so an
audit of the reference world in that voice proves little about reading a stranger's assistant.
A voice keeps every fact (ids, counts, dates, amounts, tracking numbers, states) and changes
only the words around them: its templates, how it writes dates, money, counts, item names and
lists, and what it puts around a whole answer (a greeting, a closing line).

Every choice is a stable hash of the question, as in the standard voice, so a question always
gets the same words on any machine.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from auditor.reference.assistant._text import question_key, stable_hash

#: (name, quantity) pairs: the lines of an order, or the part of them that has (not) shipped.
Lines = Sequence[tuple[str, int]]

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True, slots=True)
class Voice:
    """One way of wording every answer the assistant gives."""

    name: str
    #: Template key -> its variants (`str.format` strings; unused values are ignored).
    templates: Mapping[str, tuple[str, ...]]
    #: (day, question) -> the day as this voice writes it.
    date: Callable[[date, str], str]
    #: (amount, currency, question) -> the sum as this voice writes it ("12.99" stays "12.99").
    money: Callable[[str, str, str], str]
    #: A count of units ("3 units", "3").
    units: Callable[[int], str]
    #: (name, sku) -> how an item is named.
    label: Callable[[str, str], str]
    #: Order lines as a list in this voice's style.
    listing: Callable[[Lines], str]
    #: Several item labels to choose from.
    options: Callable[[Sequence[str]], str]
    #: Where a return without a refund stands, by return status, in words for `refund.none`.
    stages: Mapping[str, str]
    #: (answer, question) -> the whole answer as sent (greeting, echo, closing line).
    frame: Callable[[str, str], str]
    #: Between two sentences of one answer.
    joiner: str = " "


def pick(question: str, salt: str, choices: Sequence[str]) -> str:
    """One of `choices`, always the same one for the same question."""
    return choices[stable_hash(salt, question_key(question)) % len(choices)]


def ordinal(day: int) -> str:
    """1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st."""
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def weekday(day: date) -> str:
    return WEEKDAYS[day.weekday()]


def month(day: date) -> str:
    return MONTHS[day.month - 1]


def unframed(text: str, question: str) -> str:
    return text


def joined(parts: Sequence[str], *, last: str) -> str:
    """ "a, b or c" (`last` = "or"), "a and b", "a"."""
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} {last} {parts[-1]}"
