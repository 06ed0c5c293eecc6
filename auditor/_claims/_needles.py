"""A cheap prefilter for phrase patterns: substrings one of which every match must contain.

Python's regex engine tries every alternative at every position, so running a hundred phrase
tables over each answer is slow. Reading each pattern's syntax tree once gives literal
substrings that any match must contain; a table whose substrings are all absent from the
answer (the usual case) is skipped with a few `in` tests. Where no such substring can be
proved, the pattern always runs: the prefilter can only save time, never change a result.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable
from typing import Any

from auditor._claims._compiled import remembered

# The stdlib's own regex parser (`re._parser`, Python 3.11+). Imported by name because it is
# private; if it is ever missing or changes shape, every pattern simply runs unfiltered.
try:
    _PARSER: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - a future Python without it
    _PARSER = None

_MIN_LENGTH = 3


def _shortest(candidate: frozenset[str]) -> int:
    return min(len(s) for s in candidate)


def _required(items: Iterable[tuple[Any, Any]], shortest: int) -> frozenset[str] | None:
    """The required set whose shortest substring is longest, if that is at least `shortest`."""
    candidates = _all_required(items, shortest)
    if not candidates:
        return None
    best = max(candidates, key=_shortest)
    return best if _shortest(best) >= shortest else None


def _all_required(items: Iterable[tuple[Any, Any]], shortest: int = 1) -> list[frozenset[str]]:
    """Every set of `items` one of whose substrings every match contains: a literal run, the
    sets of a group that must match, a branch (`_required` of each side, at `shortest`)."""
    found: list[frozenset[str]] = []
    run: list[str] = []
    for op, arg in items:
        if op is _PARSER.LITERAL:
            run.append(chr(arg))
            continue
        if run:
            found.append(frozenset({"".join(run)}))
            run = []
        if op is _PARSER.SUBPATTERN:
            found.extend(_all_required(arg[-1], shortest))
        elif op in (_PARSER.MAX_REPEAT, _PARSER.MIN_REPEAT) and arg[0] >= 1:
            found.extend(_all_required(arg[2], shortest))
        elif op is _PARSER.BRANCH:
            parts = [_required(branch, shortest) for branch in arg[1]]
            if all(part is not None for part in parts):
                found.append(frozenset().union(*(p for p in parts if p is not None)))
    if run:
        found.append(frozenset({"".join(run)}))
    return found


#: How rare a substring is taken to be: its length, or this for one holding a sign that prose
#: seldom has, whatever its length.
_SIGN_RARITY = 8
_RARE_SIGNS = frozenset("€£$¥@")


#: Words most answers hold whatever they are about ("only 2 left", "on backorder", "we have 84
#: units in stock"): a needle that is one of them, or inside one, lets its pattern run on
#: nearly every answer, however long the word.
_EVERYWHERE = frozenset(
    ["left", "back", "have", "with", "will", "this", "that", "your", "from", "they", "there",
     "just", "been", "more", "sorry", "thanks", "today", "stock", "order", "units", "item",
     "items", "available", "currently"]
)  # fmt: skip
_EVERYWHERE_RARITY = 1


def _rarity(candidate: frozenset[str]) -> int:
    return min(_rarity_of(s) for s in candidate)


def _rarity_of(needle: str) -> int:
    if _RARE_SIGNS.intersection(needle):
        return _SIGN_RARITY
    if any(needle in word for word in _EVERYWHERE):
        return _EVERYWHERE_RARITY
    return len(needle)


def rarest_needles(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Like `needles` with no shortest length, but choosing among every required set the one
    an answer is least likely to hold: a currency sign over "its" (which "units" holds)."""
    if _PARSER is None or pattern.flags & re.IGNORECASE:
        return None

    def work() -> list[str] | None:
        try:
            found = _all_required(_PARSER.parse(pattern.pattern, pattern.flags))
        except Exception:  # any surprise means: no prefilter
            return None
        if not found:
            return None
        rarest: frozenset[str] = max(found, key=_rarity)
        return sorted(rarest)

    return _remembered("rarest", pattern, 0, work)


def needles(pattern: re.Pattern[str], shortest: int = _MIN_LENGTH) -> frozenset[str] | None:
    """Substrings one of which every match of `pattern` contains, or None if unknown.

    None too when a substring would be shorter than `shortest` characters: short ones are in
    most answers, and testing for them costs more than it saves where the pattern is cheap.
    """
    if _PARSER is None or pattern.flags & re.IGNORECASE:
        return None

    def work() -> list[str] | None:
        try:
            found = _required(_PARSER.parse(pattern.pattern, pattern.flags), shortest)
        except Exception:  # any surprise means: no prefilter
            return None
        return None if found is None else sorted(found)

    return _remembered("needles", pattern, shortest, work)


def _remembered(
    table: str, pattern: re.Pattern[str], shortest: int, work: Callable[[], list[str] | None]
) -> frozenset[str] | None:
    """`work()` as a set, remembered across runs (`_compiled.remembered`): parsing the
    patterns again at every start cost a tenth of the reader's import."""
    found = remembered(table, f"{pattern.flags}\0{shortest}\0{pattern.pattern}", work)
    return None if found is None else frozenset(found)


def fewest(strings: Iterable[str]) -> tuple[str, ...]:
    """The strings that hold none of the others: a text holds one of `strings` exactly when
    it holds one of these ("unlikely" is found with "likely"), and fewer tests find it."""
    found = set(strings)
    return tuple(sorted(s for s in found if not any(o != s and o in s for o in found)))


def may_match(found: frozenset[str] | None, text: str) -> bool:
    return found is None or any(map(text.__contains__, found))
