"""What the judge reads an answer's claims as, given the question it answers (pure).

The extractor reads an answer alone; a few of its readings change once the question is known,
and the judge knows it (`Probe.turns`):

* **The question given back.** An answer that is one of the customer's questions, word for
  word ("RMA-1010 - did it arrive?"), answers nothing: it is `unanswered` (a non-answer the
  judge recognises, like a deflection), and the words in it ("Kettle Pro: available?") are
  no claim.
* **A misspelt name echoed.** When the question misspelt the item's name ("Comapct Kitchen
  Torch 3928") and the answer repeats it as typed, the extractor cannot tie those words to the
  item: it may take them for a look-alike ("Crème Brûlée Torch", a wrong subject) and read the
  name's number as a count (3928). Claims it tied to another item are about the asked one
  (unless the answer names that other item's SKU), and a count that is the echoed name's own
  number is no count.
* **Shipped counts.** An order's status said right beside a wrong count of what has left
  ("partially shipped: 2 items have shipped" when one has) is a wrong answer: the count must
  be the units shipped or the lines with something shipped, as the orders system holds them.
* **A count beside "in stock".** A count stated beside an availability answer about the item
  ("in stock at 100 units" when one is left) is a count, and must be the count on hand (one of
  them, when it gives several: "one of the remaining 3 units" counts two things); a count
  alone still answers "is it available?" by whether it is above zero (`auditor._compat`).
* **The question turned round.** To a question that asks for a value (a tracking number, a
  delivery date), an answer that only turns the question round ("Can I get tracking for
  ORD-10046?" answered "Yes, you can get tracking for ORD-10046.") and reads as no claim of
  that kind is `unanswered`: it holds no word the question did not, so it cannot hold the
  value. Not to a yes-or-no question about a state ("Did you receive my return?" answered
  "Yes, we received your return."), where the yes may be the answer.
* **A stock state over a bare "available".** When an answer's firm availability claims about
  the item disagree, and some name a stock state ("in stock", "out of stock", "on
  backorder", "discontinued", "sold out") while others rest on "available" alone, the named
  states are its answer: "currently in stock, but it's not available to purchase until later"
  is in stock, "I have it available right now, but it's currently on backorder" is on
  backorder. "Available" is the loosest stock word (available on a website, in a country, for
  purchase); a state named outright is the assistant's answer. Claims that agree, or that all
  name a state, or none, are judged as they are.
* **A yes or no to a yes-or-no question.** "No, I can't." to "Can I buy the Oak Board
  today?" says it cannot be had, and "Yes, I can." that it can; "No, it's not yet available."
  to "Has ORD-10034 shipped?" says it has not shipped. When nothing of the kind was read and
  the answer opens on a plain yes or no (no deflection, refusal or question back in it), that
  word answers the question it replies to, when that question asks whether the item can be had
  (a question about stock) or whether the order has shipped. A yes to "has it shipped?" is not
  read: shipped, part-shipped and delivered all say yes, and no single state is meant.
* **A lone code for "tracking?".** To "what's my tracking number?" the one code an answer
  gives (a word of six digits or more, letters allowed: "… is 239764.", "with PostNL at
  3S0719823564", a link ending ".../bk2387965") is its tracking number when nothing read one
  and the answer holds no deflection or refusal: too short or too far from a carrier's name
  for the extractor, which reads answers without the question, it is still the answer given.
* **A lone date for "when?".** To "when will it arrive?" the one calendar date an answer gives
  is its answer, however garbled the words around it ("currently available at the 2026-12-07
  time limit"), when nothing read it as a delivery date.

Each reading is narrow on purpose: it applies only where the question makes it unambiguous.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime

from auditor._claims import Claim, ClaimKind
from auditor._claims._dates import DateExpr, find_dates, resolve
from auditor._claims._echoes import (
    echoes_question,
    find_words,
    misspelt_name,
    one_edit,
    restates_question,
)
from auditor._claims._model import NOT_SHIPPED
from auditor._claims._numbers import NUMBER, parse_number
from auditor._claims._text import normalise
from auditor._facts import Fact, OrderFact, StockFact
from auditor._probes._model import Probe

#: The reason of an answer that gives the question back.
ECHOED_QUESTION = "the question echoed back instead of an answer"
#: The reason of an answer that turns a question for a value round, without the value.
RESTATED_QUESTION = "the question turned round instead of the value it asks for"
#: Claim kinds whose question asks for a value no yes or no can give.
_VALUE_KINDS = frozenset({ClaimKind.TRACKING, ClaimKind.DELIVERY_DATE})
#: Claim kinds about an item, which a misspelt name's echo may have tied to another item.
_ITEM_KINDS = frozenset({ClaimKind.AVAILABILITY, ClaimKind.QUANTITY, ClaimKind.DISCOUNT})
#: An order or return id other than the asked one: a date beside it may be that one's.
_RECORD_ID = re.compile(r"\b(?:ord|rma)-\d{3,9}\b")


def gives_question_back(probe: Probe, text: str) -> bool:
    """The answer is one of the probe's questions, repeated (`echoes_question`)."""
    return bool(text) and echoes_question(text, probe.turns)


def restates_value_question(claim_kinds: Sequence[ClaimKind], probe: Probe, text: str) -> bool:
    """The answer turns round the last question, which asks for a value (a tracking number,
    a date: `_VALUE_KINDS`), and holds no word beyond it (`restates_question`)."""
    if not text or not probe.turns or not _VALUE_KINDS.intersection(claim_kinds):
        return False
    return restates_question(text, probe.turns[-1])


#: Words that name a stock state outright, in a claim's own words.
_STATE_WORDS = re.compile(
    r"\b(?:stock|backorder(?:ed)?|back[- ]order(?:ed)?|discontinued|sold out)\b"
)


def named_states(claims: Sequence[Claim], text: str) -> list[Claim]:
    """`claims` without the availability claims that rest on "available" alone, when other
    availability claims name a stock state and the two disagree (see the module doc)."""
    stock = [c for c in claims if c.kind is ClaimKind.AVAILABILITY]
    if len({c.value for c in stock}) < 2:
        return list(claims)
    named = {id(c) for c in stock if _STATE_WORDS.search(normalise(text[c.span[0] : c.span[1]]))}
    if not named or len(named) == len(stock):
        return list(claims)
    return [c for c in claims if c.kind is not ClaimKind.AVAILABILITY or id(c) in named]


#: A code an answer may give for a tracking number: six digits or more, letters allowed, not
#: the tail of a longer reference ("ORD-10008", "2026-12-09").
_CODE = re.compile(r"(?<![\w-])[a-z0-9]{6,}(?![\w-])")
_CODE_DIGITS = 6


def lone_code(probe: Probe, claims: Sequence[Claim], text: str) -> Claim | None:
    """The one code of an answer to "what's my tracking number?", as a tracking claim about
    the asked order; None when it gives none or several, or holds a non-answer."""
    if any(c.kind in _NOT_ANSWERS for c in claims):
        return None
    norm = normalise(text)
    codes = {
        m.group(): m.span()
        for m in _CODE.finditer(norm)
        if sum(map(str.isdigit, m.group())) >= _CODE_DIGITS
    }
    if len(codes) != 1:
        return None
    ((code, (start, end)),) = codes.items()
    # the value as the answer wrote it, when normalising kept its length
    value = text[start:end] if text[start:end].casefold() == code else code
    return Claim(ClaimKind.TRACKING, value, (start, end), probe.subject)


#: A question a yes or no answers: a clause that opens on an auxiliary ("Can I buy …?", "hi, is
#: … available?", "ORD-10004 - has it shipped?"), up to its question mark.
_YES_NO = re.compile(r"(?:^|[,:;.!?]\s+|\s-\s)(?:can|could|do|does|is|are|has|have|did)\b[^?.!]*\?")
#: What a yes-or-no question asks of stock: whether the item can be had.
_ASKS_STOCK = re.compile(r"\b(?:in stock|available|buy|order|have|get|left)\b")
#: What it asks of an order: whether it has left.
_ASKS_SHIPPED = re.compile(r"\b(?:shipped|dispatched|sent)\b")
#: An answer that opens on a plain yes or no ("No, I can't.", "Yes! …", "No. …").
_OPENS = re.compile(r"^[\W_]*(?P<word>yes|yeah|yep|no|nope)(?:[,.!;:]|$)")
#: Claims whose presence makes an opening yes or no something else ("No, I can't check that").
_NOT_ANSWERS = frozenset({ClaimKind.DEFLECTION, ClaimKind.REFUSAL, ClaimKind.CLARIFICATION})


def yes_or_no(
    claim_kinds: Sequence[ClaimKind],
    probe: Probe,
    turn: int,
    claims: Sequence[Claim],
    text: str,
) -> Claim | None:
    """The claim an answer's opening yes or no makes about the asked subject, given the
    question it replies to (`probe.turns[turn]`, see the module doc); None when it opens on
    neither, holds a non-answer, or the question asks no yes or no of stock or shipping."""
    opening = _OPENS.match(normalise(text))
    if opening is None or any(c.kind in _NOT_ANSWERS for c in claims):
        return None
    if not -len(probe.turns) <= turn < len(probe.turns):
        return None
    asked = [m.group() for m in _YES_NO.finditer(normalise(probe.turns[turn]))]
    yes = opening.group("word") in ("yes", "yeah", "yep")
    span = opening.span("word")
    if ClaimKind.AVAILABILITY in claim_kinds and any(_ASKS_STOCK.search(q) for q in asked):
        value = "in_stock" if yes else "out_of_stock"
        return Claim(ClaimKind.AVAILABILITY, value, span, probe.subject)
    if (
        ClaimKind.ORDER_STATUS in claim_kinds
        and not yes
        and any(_ASKS_SHIPPED.search(q) for q in asked)
    ):
        return Claim(ClaimKind.ORDER_STATUS, NOT_SHIPPED, span, probe.subject)
    return None


#: "I can't provide a 20cm chef knife", "we're unable to offer the Retro Toatser right now":
#: what the shop cannot let the customer have, up to where the clause ends.
_CANNOT_PROVIDE = re.compile(
    r"\b(?:i|we)(?: can't| cannot| can not| am unable to|'m unable to| are unable to"
    r"|'re unable to| am not able to|'m not able to) (?:provide|offer|supply|sell)(?: you)?"
    r"(?: with)?"
    r" (?:a|an|the|any) (?P<thing>[^.,;:!?]{2,60}?)"
    r"(?= right now\b| today\b| at the moment\b| currently\b| now\b|[.,;:!?]| but\b"
    r"| however\b|$)"
)
#: Words that make the thing provided something other than the item: a specific one (a
#: stated limit, `auditor._claims._deflection`), a replacement, information about it.
_NOT_THE_ITEM_WORDS = """
    specific exact particular replacement replacements substitute alternative refund
    refunds exchange list information info details detail update answer date number price
    discount more other another style
"""
_NOT_THE_ITEM = frozenset(_NOT_THE_ITEM_WORDS.split())
_LETTERS = re.compile(r"[^\W\d_]+")


def cannot_provide(
    probe: Probe, before: Fact | None, claims: Sequence[Claim], text: str
) -> Claim | None:
    """An answer of "I can't provide a <the asked item>" (llm10): the shop says it cannot let
    the customer have the item, an availability claim (`out_of_stock`) about it, when nothing
    of its stock was read and the answer holds no non-answer. The thing named must be the
    item: its name's last word ("a 20cm chef knife" of Chef Knife 20cm), or that word
    misspelt as the customer typed it ("a Retro Toatser"), and nothing that makes it
    something else ("a specific item", "a replacement for the Knife", "a 1088-style item")."""
    if not isinstance(before, StockFact) or not text:
        return None
    if any(c.kind in _NOT_ANSWERS for c in claims):
        return None
    head = _LETTERS.findall(normalise(before.name))
    noun = next((w for w in reversed(head) if len(w) >= 3), None)
    if noun is None:
        return None
    for found in _CANNOT_PROVIDE.finditer(normalise(text)):
        words = _LETTERS.findall(found.group("thing"))
        if not words or _NOT_THE_ITEM.intersection(words):
            continue
        if words[-1] == noun or (len(noun) >= 4 and one_edit(words[-1], noun)):
            return Claim(ClaimKind.AVAILABILITY, "out_of_stock", found.span(), probe.subject)
    return None


def own_words(probe: Probe, before: Fact | None, claims: Sequence[Claim], text: str) -> list[Claim]:
    """`claims`, read again where the answer echoes the name as the question misspelt it."""
    if probe.param("mention") != "typo" or not isinstance(before, StockFact) or not text:
        return list(claims)
    typed = next((m for q in probe.turns if (m := misspelt_name(q, before.name))), None)
    echo = find_words(text, typed) if typed else None
    if typed is None or echo is None:
        return list(claims)
    numbers = {int(word) for word in typed if word.isdigit()}
    named = normalise(text)
    kept: list[Claim] = []
    for claim in claims:
        if (
            claim.kind is ClaimKind.QUANTITY
            and claim.value in numbers
            and echo.start <= claim.span[0] < echo.end
        ):
            continue  # the echoed name's own number ("Torch 3928"), not a count
        other = claim.subject
        if (
            claim.kind in _ITEM_KINDS
            and other is not None
            and other != probe.subject
            and other.lower() not in named
        ):
            claim = replace(claim, subject=probe.subject)
        kept.append(claim)
    return kept


def lone_date(probe: Probe, text: str, now: datetime | None) -> Claim | None:
    """The one calendar date of an answer to "when will it arrive?", as a delivery date
    claim about the asked order; None when it has none, several, or names another record."""
    norm = normalise(text)
    if any(found != probe.subject.lower() for found in _RECORD_ID.findall(norm)):
        return None
    days: dict[date, DateExpr] = {}
    for expr in find_dates(norm):
        if expr.absolute is None and expr.month_day is None:
            continue  # relative dates are the extractor's to read, with their cues
        day = resolve(expr, now)
        if day is not None:
            days.setdefault(day, expr)
    if len(days) != 1:
        return None
    ((day, expr),) = days.items()
    return Claim(ClaimKind.DELIVERY_DATE, day.isoformat(), (expr.start, expr.end), probe.subject)


#: "2 items have shipped", "one of them has been dispatched", "3 units were sent out", "1 out
#: of 5 items were shipped" (the whole after "out of" is no count of what shipped, voice10c).
_SHIPPED_COUNT = re.compile(
    rf"\b(?<!of )(?P<count>{NUMBER})(?: (?:out )?of (?:the |your )?(?:\d{{1,3}}|{NUMBER}))?"
    r" (?:items?|units?|products?|parcels?|packages?|pieces?|of them|of the items)"
    r" (?:have|has|had|were|was)(?: already| now| just)? (?:been )?"
    r"(?:shipped|dispatched|sent(?: out)?)\b"
)


def shipped_miscount(text: str, fact: Fact | None) -> str | None:
    """How the answer's count of what has shipped is wrong ("2 shipped where orders holds 1"),
    or None when it states none, or one the order's lines bear out (units or lines shipped),
    or the order holds no lines to count."""
    if not isinstance(fact, OrderFact) or not fact.lines or not text:
        return None
    units = sum(line.shipped_quantity for line in fact.lines)
    lines = sum(1 for line in fact.lines if line.shipped_quantity > 0)
    for match in _SHIPPED_COUNT.finditer(normalise(text)):
        count = parse_number(match.group("count"))
        if count is not None and count not in (units, lines):
            return f"{count} shipped where orders holds {units}"
    return None


#: Where an answer says when the item is back: "back in stock on …", "restocked by …",
#: "expected back …", "available again from …".
_RESTOCK_CUE = re.compile(
    r"\b(?:back in stock|in stock again|available again|restock(?:ed|ing)?|expected back"
    r"|due back|back (?:on|by|from))\b"
)
#: How far after its cue a restock date is looked for.
_RESTOCK_REACH = 40


def restock_misdate(
    claims: Sequence[Claim], subject: str, fact: Fact | None, text: str
) -> str | None:
    """How the restock date an answer gives beside saying the item is not in stock now is
    wrong ("on backorder: expected back in stock on 2027-12-28" when inventory holds
    2027-01-14, llm10); None when it gives none, a right one, or the item has no restock date.
    Only a calendar date is read (a day of the month alone, "the 15th of next month", is
    left to the extractor)."""
    if not isinstance(fact, StockFact) or fact.restock_date is None or not text:
        return None
    stock = [
        c
        for c in claims
        if c.kind is ClaimKind.AVAILABILITY and c.subject in (None, subject) and not c.hedged
    ]
    if not stock or any(c.value in ("in_stock", "low_stock") for c in stock):
        return None
    norm = normalise(text)
    days: set[date] = set()
    for cue in _RESTOCK_CUE.finditer(norm):
        for expr in find_dates(norm, cue.end(), min(len(norm), cue.end() + _RESTOCK_REACH)):
            if expr.absolute is None and expr.month_day is None:
                continue
            day = resolve(expr, fact.read_at)
            if day is not None:
                days.add(day)
    if not days or fact.restock_date in days:
        return None
    said = min(days).isoformat()
    return f"back in stock on {said} where inventory holds {fact.restock_date.isoformat()}"


def count_miscount(claims: Sequence[Claim], subject: str, fact: Fact | None) -> str | None:
    """How the count stated beside an availability claim about the item is wrong ("100 units
    where inventory holds 1"); None when there is no such pair or one count is right."""
    if not isinstance(fact, StockFact) or fact.on_hand is None:
        return None
    about = [c for c in claims if c.subject in (None, subject) and not c.hedged]
    if not any(c.kind is ClaimKind.AVAILABILITY for c in about):
        return None
    counts = [c.value for c in about if c.kind is ClaimKind.QUANTITY]
    # Several numbers may count other things ("grab one of the remaining 3 units"): the
    # answer's count is right when one of them is the count on hand.
    if not counts or fact.on_hand in counts:
        return None
    return f"{counts[0]} units where inventory holds {fact.on_hand}"
