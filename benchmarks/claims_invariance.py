"""Does a reading survive a change that keeps the meaning? Claim extraction on the development
texts, each wrapped or reshaped the way assistants dress the same answer, against the same labels.

    .venv/bin/python benchmarks/claims_invariance.py                 # every transform, every set
    .venv/bin/python benchmarks/claims_invariance.py --misses paragraphs
    .venv/bin/python benchmarks/claims_invariance.py --dirs dev6 dev7

Why: a labelled set measures the sentences someone wrote; it cannot say whether the reader holds
when the same answer comes with a greeting, a closing offer, a bullet, a bold label or one
sentence per paragraph — the dress a language model puts on any fact. A transform here changes
no fact of the answer, so a text read right before it and wrong after it shows a gap in a
*mechanism* (scope, structure, clause splitting), not a missing phrase, and fixing it carries to
text nobody has written yet. Only texts read right as they stand are transformed (the rate is
"still right after"), and only development data is used: the corpus's test part stays blind.
The last line is one JSON object of the figures.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import sys
import textwrap
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from auditor._claims._numbers import _UNITS
from auditor.reference.assistant._voice import MONTHS, WEEKDAYS, ordinal
from tests.unit.claims._corpus import KINDS
from tests.unit.claims._scoring import FIXTURES, Example, load, score_kinds

#: Sentence ends where a transform may cut: a stop, "!" or "?" and a space before a capital.
_SENTENCE_END = re.compile(r"(?<=[.!?])[ ]+(?=[A-Z])")


def _sentences(text: str) -> list[str]:
    return _SENTENCE_END.split(text)


def _one_line(text: str) -> bool:
    return "\n" not in text.strip()


#: A line that opens a Markdown block: a greeting before it is a paragraph of its own.
_BLOCK_OPENING = re.compile(r"[|#>*+-]|\d+[.)]\s")


def _greeting(text: str, items: Mapping[str, str]) -> str | None:
    greeting = "Hi there, thanks for getting in touch!"
    joint = "\n\n" if _BLOCK_OPENING.match(text) else " "
    return greeting + joint + text


def _closing(text: str, items: Mapping[str, str]) -> str | None:
    return text + "\n\nIs there anything else I can help you with today?"


def _bullet(text: str, items: Mapping[str, str]) -> str | None:
    return "- " + text if _one_line(text) else None


def _bold_label(text: str, items: Mapping[str, str]) -> str | None:
    return "**Update:** " + text if _one_line(text) else None


def _heading(text: str, items: Mapping[str, str]) -> str | None:
    return "### Here's what I found\n\n" + text


def _paragraphs(text: str, items: Mapping[str, str]) -> str | None:
    parts = _sentences(text)
    return "\n\n".join(parts) if len(parts) > 1 and _one_line(text) else None


def _numbered(text: str, items: Mapping[str, str]) -> str | None:
    parts = _sentences(text)
    if len(parts) < 2 or not _one_line(text):
        return None
    return "\n".join(f"{n}. {part}" for n, part in enumerate(parts, 1))


def _curly(text: str, items: Mapping[str, str]) -> str | None:
    changed = text.replace("'", "\u2019")
    return changed if changed != text else None


def _sure(text: str, items: Mapping[str, str]) -> str | None:
    return "Sure!" + ("\n\n" if _BLOCK_OPENING.match(text) else " ") + text


def _hope_helps(text: str, items: Mapping[str, str]) -> str | None:
    if not _one_line(text):
        return None
    said = text.rstrip()
    stop = "" if said[-1:] in ".!?" or not said[-1:].isascii() else "."
    return f"{said}{stop} Hope that helps! 😊"


def _bold_names(text: str, items: Mapping[str, str]) -> str | None:
    """Each catalogued name the text says, in bold: "the **Blue Kettle** is in stock"."""
    said = [name for name in sorted(items.values(), key=len, reverse=True) if name]
    pattern = "|".join(re.escape(name) for name in said)
    if not pattern or "*" in text:
        return None
    # Not a name said as part of a longer one ("the Blue Kettle Max"): a word after it that
    # opens with a capital or a digit may be the rest of a name.
    bolded = re.sub(rf"(?<![\w*])(?:{pattern})(?![\w*]| [A-Z0-9])", r"**\g<0>**", text, flags=re.I)
    return bolded if bolded != text else None


def _checked(text: str, items: Mapping[str, str]) -> str | None:
    return "I've checked that for you: " + text if _one_line(text) else None


def _signature(text: str, items: Mapping[str, str]) -> str | None:
    return text + "\n\nBest regards,\nSam, Customer Care"


def _wrapped(text: str, items: Mapping[str, str]) -> str | None:
    """Hard-wrapped at 50 columns, as an e-mail or an SMS gateway sends a long line."""
    if not _one_line(text) or len(text) <= 50:
        return None
    return textwrap.fill(text, 50, break_long_words=False, break_on_hyphens=False)


def _lower(text: str, items: Mapping[str, str]) -> str | None:
    """Every word in lower case, as a chat client or a hurried agent writes; a code (an id, a
    tracking number, a model "2L") stays as it was pasted. Markdown is left alone."""
    if "*" in text or "#" in text:
        return None
    lowered = re.sub(r"(?<![\w-])[^\W\d_]+(?![\w-])", lambda m: m.group().lower(), text)
    return lowered if lowered != text else None


def _crlf(text: str, items: Mapping[str, str]) -> str | None:
    """Lines ended as Windows, e-mail and some chat back ends end them ("\\r\\n"), after a
    closing offer on its own line so that every answer has one."""
    closed = text + "\n\nIs there anything else I can help you with today?"
    return closed.replace("\n", "\r\n")


def _no_apostrophes(text: str, items: Mapping[str, str]) -> str | None:
    """Contractions without their apostrophe, as quick chat types them: "isnt", "cant",
    "weve", "its"."""
    changed = re.sub(r"(?<=[A-Za-z])['\u2019](?=(?:t|s|ve|re|ll|d|m)\b)", "", text)
    return changed if changed != text else None


_SPACED_PHRASES = re.compile(
    r"\b(?:out of stock|back in stock|in stock|low stock|sold out|on hold|out for delivery)\b",
    re.IGNORECASE,
)


def _hyphenated(text: str, items: Mapping[str, str]) -> str | None:
    """Phrases of state written with hyphens, as formal writers and models write them: "the
    kettle is out-of-stock", "sold-out", "out-for-delivery"."""
    changed = _SPACED_PHRASES.sub(lambda m: m.group().replace(" ", "-"), text)
    return changed if changed != text else None


def _hard_breaks(text: str, items: Mapping[str, str]) -> str | None:
    """Two spaces at the end of every line, Markdown's hard line break, which models emit
    (after a closing offer on its own line, so that every answer has a line end)."""
    closed = text + "\n\nIs there anything else I can help you with today?"
    return re.sub(r"(?<=\S)\n", "  \n", closed)


def _sku_after_name(text: str, items: Mapping[str, str]) -> str | None:
    """Each catalogued name said whole followed by its SKU in brackets, as a model quoting
    the catalogue writes it: "the Blue Kettle (KT-1042) is in stock"."""
    if not items or re.search(r"\b[A-Z]{2,3}-\d", text):
        return None
    by_name = {name.lower(): sku for sku, name in items.items() if name}
    pattern = "|".join(re.escape(name) for name in sorted(by_name, key=len, reverse=True))
    # As `_bold_names`: not a name said as the start of a longer one.
    marked = re.sub(
        rf"(?<![\w*])(?:{pattern})(?![\w*]| [A-Z0-9])",
        lambda m: f"{m.group()} ({by_name[m.group().lower()]})",
        text,
        flags=re.I,
    )
    return marked if marked != text else None


# Tenth session (branch dress10): dresses that keep every fact, in the forms models, locales
# and channels write facts in. Those that rewrite a count or a date read the labels, so that a
# number or a date is only rewritten where the labels say which fact it is.

#: Counts of twelve or fewer, as words (the reader's own table of number words).
_SMALL_COUNTS = _UNITS[:13]


def _labelled_counts(example: Example) -> set[int]:
    return {
        c["value"]
        for c in example.claims
        if c["kind"] == "quantity" and isinstance(c["value"], int) and 1 <= c["value"] <= 12
    }


def _outside_names(text: str, items: Mapping[str, str], start: int, end: int) -> bool:
    """Whether text[start:end] lies outside every catalogued name the text says."""
    lowered = text.lower()
    for name in items.values():
        if not name:
            continue
        at = lowered.find(name.lower())
        while at != -1:
            if at < end and start < at + len(name):
                return False
            at = lowered.find(name.lower(), at + 1)
    return True


def _counts_as_words(text: str, example: Example) -> str | None:
    """A labelled stock count of twelve or fewer written as a word ("3 left" -> "three left"),
    as formal writers and style guides write small numbers. Only a count the labels hold and
    the text says once, never a digit in a name, an id, an amount, a time or a date."""
    if "|" in text:
        return None  # a table's count column stays in figures
    changed = text
    for count in _labelled_counts(example):
        said = [
            m
            for m in re.finditer(rf"(?<![\w£$€.,:/#-]){count}(?![\w%:/.,-]\d|[\w%£$€-])", changed)
            if _outside_names(changed, example.context.items, m.start(), m.end())
        ]
        if len(said) != 1:
            return None
        m = said[0]
        after = changed[m.end() : m.end() + 12].lower()
        if re.match(
            r"\s*(?:am|pm|days?|weeks?|hours?|mins?|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
            after,
        ):
            return None
        changed = changed[: m.start()] + _SMALL_COUNTS[count] + changed[m.end() :]
    return changed if changed != text else None


def _counts_as_digits(text: str, example: Example) -> str | None:
    """A labelled stock count written as a word turned to its digits ("three left" ->
    "3 left"), as terse channels and agents' screens write every number."""
    changed = text
    for count in _labelled_counts(example):
        word = _SMALL_COUNTS[count]
        said = [
            m
            for m in re.finditer(rf"\b{word}\b", changed, flags=re.I)
            if _outside_names(changed, example.context.items, m.start(), m.end())
        ]
        if len(said) != 1:
            return None
        m = said[0]
        before = changed[max(0, m.start() - 6) : m.start()].lower()
        if re.search(r"\b(?:a|an|the|of)\s$|-$", before) or changed[m.end() : m.end() + 1] == "-":
            return None  # "the one", "one-off", "twenty-one": not the count's own word
        changed = changed[: m.start()] + str(count) + changed[m.end() :]
    return changed if changed != text else None


_MONTH_NUMBER = {
    **{name.lower(): n for n, name in enumerate(MONTHS, 1)},
    **{name[:3].lower(): n for n, name in enumerate(MONTHS, 1)},
    "sept": 9,
}
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?"
_DAY = r"[0-3]?\d(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?P<weekday>(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?),?\s+(?:the\s+)?)?"
#: "10 December", "10th Dec", "December 10", "Dec 10th", with a weekday before it or not.
_DATE = re.compile(
    rf"(?<![\w/.-]){_WEEKDAY}(?:(?P<day>{_DAY})(?:\s+of)?\s+(?P<month>{_MONTH})"
    rf"|(?P<month2>{_MONTH})\s+(?P<day2>{_DAY}))(?:,?\s+(?P<year>20\d\d))?(?![\w/:-]|\.\d)",
    re.I,
)


_RANGE_BEFORE = re.compile(r"\d(?:st|nd|rd|th)?\s*(?:[-\u2013\u2014]|to|and|or)\s*$", re.I)


def _labelled_dates(example: Example) -> dict[tuple[int, int], date]:
    dates: dict[tuple[int, int], date] = {}
    for c in example.claims:
        if c["kind"] == "delivery_date" and isinstance(c["value"], str):
            with contextlib.suppress(ValueError):
                day = date.fromisoformat(c["value"])
                dates[(day.month, day.day)] = day
    return dates


def _redate(text: str, example: Example, write: Callable[[date, bool], str]) -> str | None:
    """Every date the text says that a delivery_date label holds, written by `write` (given the
    date and whether the text had said its weekday); None when none is."""
    dates = _labelled_dates(example)
    if not dates:
        return None

    def rewrite(m: re.Match[str]) -> str:
        month_word = (m.group("month") or m.group("month2")).lower().rstrip(".")
        month = _MONTH_NUMBER.get(month_word) or _MONTH_NUMBER.get(month_word[:3])
        said_day = re.match(r"\d+", m.group("day") or m.group("day2"))
        day = dates.get((month or 0, int(said_day.group()) if said_day else 0))
        if day is None or _RANGE_BEFORE.search(text, 0, m.start()):
            return m.group()  # not a date the labels hold, nor a range's end ("18–21 Dec")
        if m.group("weekday") and not WEEKDAYS[day.weekday()].lower().startswith(
            m.group("weekday").lower().rstrip(".")[:3]
        ):
            return m.group()
        written = write(day, bool(m.group("weekday")))
        year = m.group("year")
        return written if not year or year in written else f"{written} {year}"

    changed = _DATE.sub(rewrite, text)
    return changed if changed != text else None


def _date_us(text: str, example: Example) -> str | None:
    """A delivery date written month first with its ordinal ("10 December" -> "December
    10th"), as US writers and most chat models write it; a weekday said stays said."""
    return _redate(
        text,
        example,
        lambda d, wd: (
            (f"{WEEKDAYS[d.weekday()]}, " if wd else "") + f"{MONTHS[d.month - 1]} {ordinal(d.day)}"
        ),
    )


def _date_uk(text: str, example: Example) -> str | None:
    """A delivery date written day first ("December 10" -> "10 December"), as British writers
    write it."""
    return _redate(
        text,
        example,
        lambda d, wd: (
            (f"{WEEKDAYS[d.weekday()]} " if wd else "") + f"{d.day} {MONTHS[d.month - 1]}"
        ),
    )


def _date_short(text: str, example: Example) -> str | None:
    """A delivery date with its weekday, both abbreviated ("10 December" -> "Thu 10 Dec"), as
    carriers' notices and order screens print it."""
    return _redate(
        text,
        example,
        lambda d, wd: f"{WEEKDAYS[d.weekday()][:3]} {d.day} {MONTHS[d.month - 1][:3]}",
    )


def _date_of(text: str, example: Example) -> str | None:
    """A delivery date as "the 14th of December", as British letters and formal agents say
    it."""
    return _redate(
        text,
        example,
        lambda d, wd: (
            (f"{WEEKDAYS[d.weekday()]} " if wd else "")
            + f"the {ordinal(d.day)} of {MONTHS[d.month - 1]}"
        ),
    )


def _iso_date(text: str, example: Example) -> str | None:
    """A delivery date in ISO form ("2026-12-14"), as an order system's screen or a model
    quoting one prints it."""
    return _redate(text, example, lambda d, wd: d.isoformat())


def _relative_dated(text: str, example: Example) -> str | None:
    """ "tomorrow" or "today" followed by the date it is ("tomorrow, Wednesday 9 December"),
    where a delivery date label is that day, as models spell a relative day out."""
    now = example.context.now
    if now is None:
        return None
    dates = set(_labelled_dates(example).values())
    said = list(re.finditer(r"\b(?:tomorrow|today)\b(?![,(]| \(|'s)", text, flags=re.I))
    if len(said) != 1:
        return None
    m = said[0]
    day = now.date() + timedelta(days=1 if m.group().lower() == "tomorrow" else 0)
    if day not in dates:
        return None
    dated = f"{m.group()}, {WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"
    return text[: m.start()] + dated + text[m.end() :]


def _weekday_added(text: str, example: Example) -> str | None:
    """A delivery date with its weekday said before it ("on 10 December" -> "on Thursday, 10
    December"), as models add it to be helpful."""
    return _redate(
        text,
        example,
        lambda d, wd: f"{WEEKDAYS[d.weekday()]}, {d.day} {MONTHS[d.month - 1]}",
    )


_CURRENCY_CODE = {"£": "GBP", "$": "USD", "€": "EUR"}
_AMOUNT = re.compile(
    r"(?<![\w$£€])([£$€])\s?(\d{1,3}(?:,\d{3})*(?:\.\d{2})?|\d+(?:\.\d{2})?)(?![\d.,]\d|\w)"
)


def _amount_code_after(text: str, items: Mapping[str, str]) -> str | None:
    """Each amount with its currency's code after it ("£12.50" -> "12.50 GBP"), as payment
    systems, invoices and European writers print it."""
    changed = _AMOUNT.sub(lambda m: f"{m.group(2)} {_CURRENCY_CODE[m.group(1)]}", text)
    return changed if changed != text else None


def _amount_code_before(text: str, items: Mapping[str, str]) -> str | None:
    """Each amount with its currency's code before it ("£12.50" -> "GBP 12.50"), as banks'
    and payment providers' notices print it."""
    changed = _AMOUNT.sub(lambda m: f"{_CURRENCY_CODE[m.group(1)]} {m.group(2)}", text)
    return changed if changed != text else None


def _amount_symbol_and_code(text: str, items: Mapping[str, str]) -> str | None:
    """Each amount with its symbol and its code ("$12.50" -> "$12.50 USD"), as models write a
    sum to be unambiguous."""
    changed = _AMOUNT.sub(lambda m: f"{m.group()} {_CURRENCY_CODE[m.group(1)]}", text)
    return changed if changed != text else None


_CURRENCY_WORD = {"£": "pounds", "$": "dollars", "€": "euros"}


def _amount_words(text: str, items: Mapping[str, str]) -> str | None:
    """Each amount with its currency as a word after it ("£12.50" -> "12.50 pounds"), as a
    voice channel's transcript or a casual agent writes it."""
    changed = _AMOUNT.sub(lambda m: f"{m.group(2)} {_CURRENCY_WORD[m.group(1)]}", text)
    return changed if changed != text else None


def _amount_cents(text: str, items: Mapping[str, str]) -> str | None:
    """A whole amount with its cents written ("$12" -> "$12.00"), as a till or a refund
    system prints every sum."""
    changed = _AMOUNT.sub(
        lambda m: m.group() if "." in m.group(2) else f"{m.group(1)}{m.group(2)}.00", text
    )
    return changed if changed != text else None


#: State phrases a chat model marks with an emoji, and the emoji it puts after each.
_STATE_EMOJI = (
    (r"out of stock|sold out|cancell?ed|rejected|declined", "❌"),
    (r"in stock|delivered|approved|refunded|received", "✅"),
    (r"shipped|dispatched|on (?:its|the) way|in transit|out for delivery", "📦"),
)
#: Only where the state ends its clause, as a model places the mark ("it's in stock ✅."),
#: never inside a phrase ("back in stock on the 14th") nor after a label's word ("Shipped:").
_STATE_EMOJI_PATTERN = re.compile(
    "(?:"
    + "|".join(f"(?P<s{n}>\\b(?:{words})\\b)" for n, (words, _) in enumerate(_STATE_EMOJI))
    + r")(?=\*{0,2}(?:[.,;!)]|[ ]*$|[ ]+[\u2014\u2013-][ ]))",
    re.I | re.M,
)


def _state_emoji(text: str, items: Mapping[str, str]) -> str | None:
    """An emoji after each state a chat model marks ("in stock ✅", "shipped 📦", "sold out
    ❌"), as the web widget's model writes them; not inside a catalogued name."""

    def mark(m: re.Match[str]) -> str:
        line = text[text.rfind("\n", 0, m.start()) + 1 : (text + "\n").find("\n", m.end())]
        if any(e in line for e in ("✅", "❌", "📦", "⏳", "🚚")):
            return m.group()  # a line already marked keeps its own mark
        before = text[max(0, m.start() - 14) : m.start()].lower()
        if not _outside_names(text, items, m.start(), m.end()) or re.search(
            r"\b(?:not|n't|no longer|never|be|been|being)\s+$", before.replace("\u2019", "'")
        ):
            return m.group()  # a denied or a future state is not marked as one
        emoji = next(e for n, (_, e) in enumerate(_STATE_EMOJI) if m.group(f"s{n}"))
        return f"{m.group()} {emoji}"

    if "|" in text:
        return None  # a table's header and cells are marked by a column, not after a word
    changed = _STATE_EMOJI_PATTERN.sub(mark, text)
    return changed if changed != text else None


#: A state said as a label's value or a line's first words: "Status: Shipped", "- Sold out".
_STATE_OPENING = re.compile(
    r"(?:^|(?<=:)|(?<=:\*\*))([ ]*(?:[-*][ ]+)?\**)"
    r"(?=(?:out of stock|in stock|sold out|shipped|dispatched|delivered|in transit|cancell?ed"
    r"|refunded|approved|rejected|received|processing|pending)\b(?!\**:))",
    re.I | re.M,
)
_OPENING_EMOJI = {
    "out": "❌", "sol": "❌", "can": "❌", "rej": "❌", "in ": "✅", "del": "✅", "ref": "💸",
    "app": "✅", "rec": "📥", "shi": "📦", "dis": "📦", "in t": "🚚", "pro": "⏳", "pen": "⏳",
}  # fmt: skip


def _emoji_before(text: str, items: Mapping[str, str]) -> str | None:
    """An emoji before a state that opens a label's value or a line ("Status: 📦 Shipped",
    "- ❌ Sold out"), as chat models mark a status."""

    def mark(m: re.Match[str]) -> str:
        word = text[m.end() : m.end() + 4].lower()
        emoji = _OPENING_EMOJI.get(word) or _OPENING_EMOJI[word[:3]]
        return f"{m.group(1)}{emoji} "

    changed = _STATE_OPENING.sub(mark, text)
    return changed if changed != text else None


def _dot_bullets(text: str, items: Mapping[str, str]) -> str | None:
    """A list's dashes and stars made "•", as chat apps, WhatsApp and text pasted from a web
    page or a document give a list: no Markdown list any more, the same lines."""
    changed = re.sub(r"(?m)^([ ]*)[-*+](?=[ ])", r"\1•", text)
    return changed if changed != text else None


def _em_dashes(text: str, items: Mapping[str, str]) -> str | None:
    """A comma or a semicolon before a clause's conjunction made an em dash ("in stock — but
    only 2 left", "shipped — so it should arrive Friday"), as chat models join clauses."""
    changed = re.sub(r"(?:,|;) (?=(?:but|so|and|though|which|as) )", " \u2014 ", text)
    return changed if changed != text else None


def _two_spaces(text: str, items: Mapping[str, str]) -> str | None:
    """Two spaces after each sentence's stop, as typists and some agents type them."""
    changed = re.sub(r"(?<=[a-z0-9)][.!?]) (?=[A-Z])", "  ", text)
    return changed if changed != text else None


def _order_numbers(text: str, items: Mapping[str, str]) -> str | None:
    """Each order named by its number after the word "order" ("ORD-71013" -> "order #71013",
    "your order ORD-71013" -> "your order #71013"), as a shop's own system numbers orders and
    the model repeats them."""

    def number(m: re.Match[str]) -> str:
        before = text[max(0, m.start() - 6) : m.start()].lower()
        return f"#{m.group(1)}" if re.search(r"\border\s$", before) else f"order #{m.group(1)}"

    changed = re.sub(r"(?<![\w#-])ORD-(\d+)\b", number, text)
    return changed if changed != text else None


#: Chat's spellings of a few common words, as SMS and quick chat type them.
_CHAT_WORDS = {
    "your": "ur", "you": "u", "tomorrow": "tmrw", "today": "tdy", "please": "pls",
    "thanks": "thx", "with": "w/", "because": "cos", "about": "abt", "message": "msg",
}  # fmt: skip
_CHAT_WORD = re.compile(r"\b(?:" + "|".join(_CHAT_WORDS) + r")\b(?!['\u2019-])", re.I)


def _chat_words(text: str, items: Mapping[str, str]) -> str | None:
    """A few common words in chat's spelling ("ur", "u", "tmrw", "pls", "w/"), as a quick
    agent or an SMS channel types them; not inside a catalogued name, Markdown left alone."""
    if "*" in text or "|" in text:
        return None

    def spell(m: re.Match[str]) -> str:
        if not _outside_names(text, items, m.start(), m.end()):
            return m.group()
        return _CHAT_WORDS[m.group().lower()]

    changed = _CHAT_WORD.sub(spell, text)
    return changed if changed != text else None


def _quoted_block(text: str, items: Mapping[str, str]) -> str | None:
    """The whole answer as a Markdown quote ("> " before each line), as a model or an e-mail
    client quotes a message it passes on."""
    return "\n".join(f"> {line}" if line.strip() else ">" for line in text.split("\n"))


def _sku_for_name(text: str, items: Mapping[str, str]) -> str | None:
    """Each catalogued name said whole replaced by its SKU ("the Blue Kettle is in stock" ->
    "the KT-1042 is in stock"), as an agent reading the warehouse screen says it."""
    if not items or re.search(r"\b[A-Z]{2,3}-\d", text):
        return None
    by_name = {name.lower(): sku for sku, name in items.items() if name}
    pattern = "|".join(re.escape(name) for name in sorted(by_name, key=len, reverse=True))
    # As `_bold_names`: not a name said as the start of a longer one.
    changed = re.sub(
        rf"(?<![\w*])(?:{pattern})(?![\w*'\u2019]| [A-Z0-9(])",
        lambda m: by_name[m.group().lower()],
        text,
        flags=re.I,
    )
    return changed if changed != text else None


def _ampersands(text: str, items: Mapping[str, str]) -> str | None:
    """ "and" between words written "&", as chat and quick agents type it; not inside a
    catalogued name."""
    changed = re.sub(
        r"(?<=\w) and (?=\w)",
        lambda m: " & " if _outside_names(text, items, m.start(), m.end()) else m.group(),
        text,
    )
    return changed if changed != text else None


def _percent_words(text: str, items: Mapping[str, str]) -> str | None:
    """A percentage written "20 percent" ("20% off" -> "20 percent off"), as US style guides
    write it."""
    changed = re.sub(r"(?<![\w.])(\d{1,3})%", r"\1 percent", text)
    return changed if changed != text else None


_WEEKDAY_NAME = re.compile(r"\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")


def _weekday_short(text: str, items: Mapping[str, str]) -> str | None:
    """Each weekday's name cut to its first three letters ("Friday" -> "Fri"), as agents'
    screens and quick chat write it; not inside a catalogued name."""
    changed = _WEEKDAY_NAME.sub(
        lambda m: m.group()[:3] if _outside_names(text, items, m.start(), m.end()) else m.group(),
        text,
    )
    return changed if changed != text else None


def _pieces(text: str, items: Mapping[str, str]) -> str | None:
    """A count's "units" called "pieces" ("14 units" -> "14 pieces"), as warehouse screens
    and some agents count stock."""
    changed = re.sub(
        r"(?<=\d) units?\b", lambda m: " piece" if m.group() == " unit" else " pieces", text
    )
    return changed if changed != text else None


def _sorry_wait(text: str, items: Mapping[str, str]) -> str | None:
    """ "Sorry for the wait!" before the answer, as a live agent opens after a queue."""
    return "Sorry for the wait!" + ("\n\n" if _BLOCK_OPENING.match(text) else " ") + text


def _tick_line(text: str, items: Mapping[str, str]) -> str | None:
    """A one-line answer opened by a check mark ("✔️ Your refund has gone through"), as chat
    models open a confirmation."""
    return "✔️ " + text if _one_line(text) else None


def _exclaimed(text: str, items: Mapping[str, str]) -> str | None:
    """Each sentence's stop made "!" ("It's in stock!"), as an upbeat chat model ends them;
    not an abbreviation's or a number's stop."""

    def stop(m: re.Match[str]) -> str:
        word = re.search(r"\w+$", text[: m.start()])
        if (
            word
            and (
                word.group().lower() in _ABBREVIATIONS
                or len(word.group()) == 1  # an initial ("J. Ramirez")
                or (word.group().isdigit() and text[word.start() - 1 : word.start()] in ("", "\n"))
            )
        ):
            return m.group()  # a list's number ("1. Return received")
        return "!"

    changed = re.sub(r"(?<=[A-Za-z0-9)\]])\.(?=[ ]+[A-Z]|[ ]*$)", stop, text, flags=re.M)
    return changed if changed != text else None


_ABBREVIATIONS = frozenset(
    [
        "no",
        "vs",
        "etc",
        "approx",
        "dept",
        "st",
        "mr",
        "mrs",
        "ms",
        "dr",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "inc",
        "est",
        "ltd",
        "co",
    ]
)


_CAPS_STATES = re.compile(
    r"\b(?:out of stock|in stock|sold out|back in stock|discontinued|delivered|shipped|"
    r"dispatched|cancell?ed|refunded|approved|rejected|out for delivery)\b",
    re.I,
)


def _caps_state(text: str, items: Mapping[str, str]) -> str | None:
    """A state phrase in capitals for emphasis ("it's OUT OF STOCK", "DELIVERED"), as agents
    and excited models write it; not inside a catalogued name."""
    changed = _CAPS_STATES.sub(
        lambda m: (
            m.group().upper() if _outside_names(text, items, m.start(), m.end()) else m.group()
        ),
        text,
    )
    return changed if changed != text else None


def _marked_names(text: str, items: Mapping[str, str], mark: Callable[[str], str]) -> str | None:
    said = [name for name in sorted(items.values(), key=len, reverse=True) if name]
    pattern = "|".join(re.escape(name) for name in said)
    if not pattern or re.search(r"[*'\"\u2018\u2019\u201c\u201d_]", text.replace("'s", "")):
        return None
    # As `_bold_names`: not a name said as the start of a longer one.
    # Nor a name followed by a bracket of its own ("Smart Plug (4-pack)") or an apostrophe.
    changed = re.sub(
        rf"(?<![\w*])(?:{pattern})(?![\w*'\u2019]| [A-Z0-9(])",
        lambda m: mark(m.group()),
        text,
        flags=re.I,
    )
    return changed if changed != text else None


def _quoted_names(text: str, items: Mapping[str, str]) -> str | None:
    """Each catalogued name the text says, in double quotes ('the "Blue Kettle" is in stock'),
    as a model quoting the catalogue writes it."""
    return _marked_names(text, items, lambda name: f'"{name}"')


def _single_quoted_names(text: str, items: Mapping[str, str]) -> str | None:
    """Each catalogued name in single quotes ("the 'Blue Kettle' is in stock"), as British
    writers quote."""
    return _marked_names(text, items, lambda name: f"'{name}'")


def _italic_names(text: str, items: Mapping[str, str]) -> str | None:
    """Each catalogued name in Markdown italics ("the *Blue Kettle* is in stock")."""
    return _marked_names(text, items, lambda name: f"*{name}*")


def _code_pattern(items: Mapping[str, str]) -> re.Pattern[str]:
    """Order and return ids, and the catalogue's SKUs (not a carrier's tracking number)."""
    skus = "".join(f"|{re.escape(sku)}" for sku in sorted(items, key=len, reverse=True))
    return re.compile(rf"\b(?:(?:ORD|RMA)-[A-Z0-9]*\d[A-Z0-9-]*{skus})\b")


def _codes_lower(text: str, items: Mapping[str, str]) -> str | None:
    """Order, return and item ids in lower case ("ord-1234", "kt-0001"), as customers and
    hurried agents type them."""
    changed = _code_pattern(items).sub(lambda m: m.group().lower(), text)
    return changed if changed != text else None


def _codes_ticked(text: str, items: Mapping[str, str]) -> str | None:
    """Order, return and item ids in backticks (`ORD-1234`), as models set codes apart in
    Markdown."""
    if "`" in text:
        return None
    changed = _code_pattern(items).sub(lambda m: f"`{m.group()}`", text)
    return changed if changed != text else None


def _nbsp_numbers(text: str, items: Mapping[str, str]) -> str | None:
    """A non-breaking space on either side of a number ("3\u00a0left", "€\u00a012.50",
    "order\u00a0ORD-12"), as typographic locales and rich-text editors set it."""
    changed = re.sub(
        r"(?<=\d) (?=\S)|(?<=\S) (?=[£$€]?\d)",
        lambda m: "\u00a0" if _outside_names(text, items, m.start(), m.end()) else " ",
        text,
    )
    return changed if changed != text else None


def _thin_spaces(text: str, items: Mapping[str, str]) -> str | None:
    """Every space a narrow no-break space (U+202F), as text copied from a formatted page or
    a locale-aware template carries them."""
    changed = text.replace(" ", "\u202f")
    return changed if changed != text else None


_UK_US = {
    "cancelled": "canceled",
    "cancelling": "canceling",
    "colour": "color",
    "colours": "colors",
    "authorised": "authorized",
    "authorise": "authorize",
    "apologise": "apologize",
    "realise": "realize",
    "organise": "organize",
    "organised": "organized",
    "centre": "center",
    "catalogue": "catalog",
    "favourite": "favorite",
    "prioritised": "prioritized",
    "finalised": "finalized",
    "recognised": "recognized",
    "customised": "customized",
    "grey": "gray",
    "jewellery": "jewelry",
    "aluminium": "aluminum",
}
_US_UK = {us: uk for uk, us in _UK_US.items()}


def _respelt(text: str, items: Mapping[str, str], table: Mapping[str, str]) -> str | None:
    pattern = re.compile(r"\b(?:" + "|".join(sorted(table, key=len, reverse=True)) + r")\b", re.I)

    def swap(m: re.Match[str]) -> str:
        if not _outside_names(text, items, m.start(), m.end()):
            return m.group()
        new = table[m.group().lower()]
        if m.group().isupper():
            return new.upper()
        return new.capitalize() if m.group()[0].isupper() else new

    changed = pattern.sub(swap, text)
    return changed if changed != text else None


def _us_spelling(text: str, items: Mapping[str, str]) -> str | None:
    """British spellings made American ("cancelled" -> "canceled", "colour", "authorised",
    "catalogue"), as a US-tuned model writes the same answer; not inside a name."""
    return _respelt(text, items, _UK_US)


def _uk_spelling(text: str, items: Mapping[str, str]) -> str | None:
    """American spellings made British ("canceled" -> "cancelled", "color", "authorized"), as
    a UK-tuned model writes the same answer; not inside a name."""
    return _respelt(text, items, _US_UK)


#: name → transform (None: the transform does not apply to that text).
TRANSFORMS: dict[str, Callable[[str, Mapping[str, str]], str | None]] = {
    "sure": _sure,
    "checked": _checked,
    "signature": _signature,
    "wrapped": _wrapped,
    "bold_names": _bold_names,
    "hope_helps": _hope_helps,
    "greeting": _greeting,
    "closing": _closing,
    "bullet": _bullet,
    "bold_label": _bold_label,
    "heading": _heading,
    "paragraphs": _paragraphs,
    "numbered": _numbered,
    "curly": _curly,
    "lower": _lower,
    "crlf": _crlf,
    "hard_breaks": _hard_breaks,
    "no_apostrophes": _no_apostrophes,
    "hyphenated": _hyphenated,
    "sku_after_name": _sku_after_name,
    "amount_code_after": _amount_code_after,
    "amount_code_before": _amount_code_before,
    "amount_both": _amount_symbol_and_code,
    "amount_cents": _amount_cents,
    "amount_words": _amount_words,
    "state_emoji": _state_emoji,
    "emoji_before": _emoji_before,
    "tick_line": _tick_line,
    "order_numbers": _order_numbers,
    "chat_words": _chat_words,
    "quoted_block": _quoted_block,
    "sku_for_name": _sku_for_name,
    "ampersands": _ampersands,
    "percent_words": _percent_words,
    "weekday_short": _weekday_short,
    "pieces": _pieces,
    "sorry_wait": _sorry_wait,
    "dot_bullets": _dot_bullets,
    "em_dashes": _em_dashes,
    "two_spaces": _two_spaces,
    "exclaimed": _exclaimed,
    "caps_state": _caps_state,
    "quoted_names": _quoted_names,
    "single_quoted": _single_quoted_names,
    "italic_names": _italic_names,
    "codes_lower": _codes_lower,
    "codes_ticked": _codes_ticked,
    "nbsp_numbers": _nbsp_numbers,
    "thin_spaces": _thin_spaces,
    "us_spelling": _us_spelling,
    "uk_spelling": _uk_spelling,
}

#: name → transform that reads the labels as well (None: it does not apply to that text).
LABELLED_TRANSFORMS: dict[str, Callable[[str, Example], str | None]] = {
    "count_words": _counts_as_words,
    "count_digits": _counts_as_digits,
    "date_us": _date_us,
    "date_uk": _date_uk,
    "date_short": _date_short,
    "weekday": _weekday_added,
    "date_of": _date_of,
    "iso_date": _iso_date,
    "relative_dated": _relative_dated,
}


def _development(folders: set[str]) -> Iterator[tuple[str, Example]]:
    """(voice, example) of every development text in `folders` (all when empty): the corpus's
    dev parts ("corpus"), dev2…, fresh."""
    if not folders or "corpus" in folders:
        for path in sorted((FIXTURES / "corpus").glob("*.dev.jsonl")):
            for example in load(str(path.relative_to(FIXTURES))):
                yield path.name.split(".")[0], example
    for folder in [*sorted(FIXTURES.glob("dev*")), FIXTURES / "fresh"]:
        if folders and folder.name not in folders:
            continue
        for path in sorted(folder.glob("*.jsonl")):
            yield from _with_voices(path)


def _with_voices(path: Path) -> Iterator[tuple[str, Example]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    examples = load(str(path.relative_to(FIXTURES)))
    for line, example in zip(lines, examples, strict=True):
        yield json.loads(line).get("voice", path.stem), example


def _right(example: Example) -> bool:
    scores = score_kinds([example], KINDS)
    return all(s.correct == s.n for s in scores.values())


def _dresses(example: Example) -> Iterator[tuple[str, Callable[[], str | None]]]:
    for name, transform in TRANSFORMS.items():
        yield name, lambda t=transform: t(example.text, example.context.items)
    for name, labelled in LABELLED_TRANSFORMS.items():
        yield name, lambda t=labelled: t(example.text, example)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--misses",
        nargs="*",
        choices=sorted([*TRANSFORMS, *LABELLED_TRANSFORMS]),
        help="print these dresses' misses",
    )
    parser.add_argument("--only", nargs="*", help="only these dresses (all when not given)")
    parser.add_argument(
        "--dirs", nargs="*", help="only these folders of fixtures/claims/ (corpus, dev2 …, fresh)"
    )
    args = parser.parse_args()
    unknown = [d for d in args.dirs or () if d != "corpus" and not (FIXTURES / d).is_dir()]
    if unknown:
        parser.error(f"no such folder under {FIXTURES}: {', '.join(unknown)}")
    right_now = [
        (voice, example) for voice, example in _development(set(args.dirs or ())) if _right(example)
    ]
    kept: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    misses: dict[str, list[str]] = defaultdict(list)
    for voice, example in right_now:
        for name, dress in _dresses(example):
            if args.only and name not in args.only:
                continue
            text = dress()
            if text is None:
                continue
            cell = kept[name][voice]
            cell[1] += 1
            if _right(replace(example, text=text)):
                cell[0] += 1
            else:
                misses[name].append(f"{example.id} ({voice}): {text!r}")
    voices = sorted({voice for by_voice in kept.values() for voice in by_voice})
    print(f"{len(right_now)} development texts read right as they stand; still right after:")
    print(f"{'transform':12}" + "".join(f" {voice:>18}" for voice in voices))
    for name, by_voice in kept.items():
        cells = []
        for voice in voices:
            ok, n = by_voice.get(voice, [0, 0])
            cells.append(f" {ok / n:>8.1%} ({ok:>3}/{n:>3})" if n else f" {'—':>18}")
        print(f"{name:12}" + "".join(cells))
    for name in args.misses or ():
        print(f"\n{name}: {len(misses[name])} misses")
        for line in misses[name]:
            print(f"MISS {line}")
    figures = {name: dict(by_voice) for name, by_voice in kept.items()}
    print(json.dumps(figures, sort_keys=True))


if __name__ == "__main__":
    main()
