"""Stock read off an agent's screen and worked out in the same sentence (agent9).

An agent reads a count off the stock screen and then says what of it can be sold: "9 on hand
but 7 of those are reserved for a club order, so 2 I can actually sell", "shows 5 but two are
returns waiting to be checked, so realistically 3", "20 on hand, 6 reserved". The item's
quantity is what is left to sell, not the first number read: a number after a consequence
("so", "which leaves", "realistically", "technically") later in the sentence is the count, and
a number set aside right after the count ("6 reserved", "5 allocated to back orders") is taken
off it. All of the count set aside is none to sell: out of stock, no quantity (`net_of`).
"""

from __future__ import annotations

from typing import NamedTuple

from auditor._claims._compiled import compile_pattern
from auditor._claims._lexicon import ALLOCATING, past
from auditor._claims._numbers import NUMBER, parse_number

#: What is worked out: a consequence, then the number that is left ("so 2 I can sell", "so
#: realistically 3", "which leaves 4", "so technically 1 I can sell you").
_LEFT_TO_SELL = compile_pattern(
    r"[^.;!?]*?\b(?:so|which leaves|leaving|that leaves|realistically|effectively|meaning)"
    r"(?:\s+(?:technically|realistically|effectively|really|actually|just|only|about))?"
    rf"(?:\s+(?:that's|thats|there's|it's))?\s+(?P<n>{NUMBER}|none|nothing|nil|zero)\b"
    r"(?!\s+(?:of|more|on order|in transit|due)\b)"
)
#: A number set aside right after the count: ", 6 reserved", " and 5 allocated to back orders",
#: " but 3 earmarked".
_SET_ASIDE = compile_pattern(
    rf"\s*[,;]?\s*(?:(?:and|but|with|plus|of which|of those)\s+)?(?P<n>{NUMBER})"
    rf"(?:\s+of\s+(?:those|them|these|it))?(?:\s+(?:are|is|'re|'s))?"
    rf"\s+(?:{past(*ALLOCATING)}|picked|on hold|held|spoken for)\b"
)


#: A count of what can be sold already: "6 free", "4 available".
_FREE = compile_pattern(r"\b(?:free|available|avail|spare|sellable|to sell)\b")


#: The count as it was before, beside the count now: "it was 9 this morning", "we had 5 this
#: morning", "went from 6 to 1" (the count now is what is left of more).
_WAS_MORE = compile_pattern(
    r"\b(?:was|were|had|from)\s+(?P<n>\d+)(?:\s+x+)?\s+(?:this|last|yesterday|on|at|earlier"
    r"|to)\b"
)
_NONE = frozenset(["none", "nothing", "nil", "zero"])


class Net(NamedTuple):
    #: The count left to sell.
    value: int
    #: Said as worked out from a larger count (so three or fewer of it is scarce).
    from_more: bool


def net_of(
    text: str, start: int, end: int, sentence: tuple[int, int], value: int, *, fallen: bool
) -> Net | None:
    """The count left to sell of a count `value` read off a screen (`start`–`end`), when its
    sentence works it out; else None. A count said free is net already ("6 free and 2
    allocated" is 6). With `fallen`, a count beside a larger one it was is read as fallen."""
    free = _FREE.search(text, start, end) is not None
    sentence_start, sentence_end = sentence
    aside = None if free else _SET_ASIDE.match(text, end, sentence_end)
    left = _LEFT_TO_SELL.match(text, aside.end() if aside else end, sentence_end)
    if left is not None:
        word = left.group("n")
        result = 0 if word in _NONE else parse_number(word)
        if result is not None and result < value:
            return Net(result, True)
    if aside is not None:
        taken = parse_number(aside.group("n"))
        if taken is not None and taken <= value:
            return Net(value - taken, True)
    for was in _WAS_MORE.finditer(text, sentence_start, sentence_end) if fallen else ():
        if not was.start() <= start < was.end() and int(was.group("n")) > value:
            return Net(value, True)  # "at 2 now, it was 9 this morning": 2, fallen from more
    return None
