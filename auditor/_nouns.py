"""Head nouns: what a shopper asks a recommendation for ("a kettle"), drawn from the catalogue.

A recommendation question is only a test when the noun covers several items, some of which can
be bought today and some not: then an assistant that recommends without looking at stock is
caught. Pure: functions of the snapshot.
"""

from __future__ import annotations

import re

from auditor._facts import Availability, Snapshot, StockFact
from auditor._instructions import find_instruction

#: What counts as available to buy today.
BUYABLE = frozenset({Availability.IN_STOCK, Availability.LOW_STOCK})


def head_noun(name: str) -> str | None:
    """The name's last word of letters (three or more): "Nordic Kettle 0012" → "kettle"."""
    words = [w for w in re.findall(r"[^\W\d_]+", name) if len(w) >= 3]
    return words[-1].casefold() if words else None


def _has_word(name: str, word: str) -> bool:
    return re.search(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])", name, re.IGNORECASE) is not None


def noun_members(snapshot: Snapshot, noun: str) -> list[StockFact]:
    """Catalogued items whose name holds `noun` as a whole word."""
    return [f for f in snapshot.stock.values() if _has_word(f.name, noun)]


def recommendable_nouns(snapshot: Snapshot) -> list[str]:
    """Head nouns shared by several items, some of them available today and some not.

    These are the questions that tell a careful recommender from a careless one.
    """
    heads: dict[str, None] = {}
    for fact in snapshot.stock.values():
        noun = head_noun(fact.name)
        if noun is not None and find_instruction(fact.name) is None:
            heads.setdefault(noun, None)
    found = []
    for noun in heads:
        members = noun_members(snapshot, noun)
        buyable = [f for f in members if f.availability in BUYABLE]
        if len(members) >= 3 and buyable and len(buyable) < len(members):
            found.append(noun)
    return sorted(found)


def recommendable_skus(snapshot: Snapshot) -> list[str]:
    """Items behind a recommendable noun (the edge class `shared_noun`, for counting)."""
    return sorted({f.sku for n in recommendable_nouns(snapshot) for f in noun_members(snapshot, n)})
