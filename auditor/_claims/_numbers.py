"""Counts and money amounts as people write them: "a dozen", "1,200", "12,99 EUR", "$7"."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from auditor._claims._compiled import compile_pattern

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}  # fmt: skip
_WORDS: dict[str, int] = {word: value for value, word in enumerate(_UNITS)}
_WORDS.update(_TENS)
_WORDS.update(
    {
        "a dozen": 12, "one dozen": 12, "half a dozen": 6, "two dozen": 24, "three dozen": 36,
        "a couple": 2, "a couple of": 2, "a single": 1, "single": 1, "a hundred": 100,
        "one hundred": 100, "no": 0,
    }
)  # fmt: skip

#: A count by its shape where a rule reads one ("2 left", "9 free"), in digits or, as writers
#: and style guides spell the small ones, in words ("two left", "nine free").
SMALL_COUNT = r"(?:\d+|" + "|".join(sorted(_UNITS[1:13], key=len, reverse=True)) + ")"
#: The words of `SMALL_COUNT`, where a rule opens only on them.
SMALL_COUNT_WORDS = tuple(_UNITS[1:13])

#: Words that may start a count written out: a cheap test for "any count here at all?".
NUMBER_WORDS = frozenset([*_UNITS, *_TENS, "dozen", "couple", "single", "hundred", "half"])
_COMPOUND_TENS = "|".join(_TENS)
_UNIT_WORDS = "|".join(sorted(_UNITS, key=len, reverse=True))
#: A count, in digits or words; "no" counts only where a pattern allows it.
NUMBER = (
    r"(?:\d{1,3}(?:,\d{3})+(?![.,]?\d)|\d{1,7}(?![.,]?\d)"
    r"|half a dozen|(?:a|one|two|three) dozen|a couple(?: of)?|a single|a hundred|one hundred"
    rf"|(?:{_COMPOUND_TENS})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    rf"|{_UNIT_WORDS})"
)
_SPACES = compile_pattern(r"\s+")
_DIGITS = compile_pattern(r"\d{1,3}(?:,\d{3})+|\d{1,7}")
_MAX_DIGITS = 7


def parse_number(text: str) -> int | None:
    """The value of a count matched by `NUMBER` (or "no"), else None."""
    words = text.strip()
    if words.isdecimal():  # the usual case: plain digits, `\d` being any decimal digit
        return int(words) if len(words) <= _MAX_DIGITS else None
    words = _SPACES.sub(" ", words)
    if _DIGITS.fullmatch(words):
        return int(words.replace(",", ""))
    if words in _WORDS:
        return _WORDS[words]
    head, _, tail = words.replace("-", " ").partition(" ")
    if head in _TENS and tail in _WORDS and _WORDS[tail] < 10:
        return _TENS[head] + _WORDS[tail]
    return None


_CURRENCY = r"(?:€|\$|£|eur|usd|gbp)"
#: After the figure, slang too: "24 quid", "30 bucks".
_CURRENCY_AFTER = r"(?:€|\$|£|eur|usd|gbp|euros?|dollars?|pounds?|quid|bucks)"
_AMOUNT = r"\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2})?|\d{1,9}(?:[.,]\d{1,2})?"
#: A money amount with its currency, before or after the figure.
MONEY = compile_pattern(
    rf"(?<![\w.,]){_CURRENCY}\s?(?P<before>{_AMOUNT})(?![\d])"
    rf"|(?<![\w.,€$£])(?P<after>{_AMOUNT})\s?{_CURRENCY_AFTER}(?!\w)"
)


def parse_amount(figure: str) -> str | None:
    """A figure as a decimal string with two places; the last separator followed by one or
    two digits is the decimal point, any other is a thousands separator."""
    decimal_part = ""
    match = re.search(r"[.,](\d{1,2})$", figure)
    if match:
        decimal_part = match.group(1)
        figure = figure[: match.start()]
    whole = re.sub(r"[.,]", "", figure)
    try:
        value = Decimal(f"{whole or '0'}.{decimal_part or '0'}")
    except InvalidOperation:
        return None
    return f"{value:.2f}"
