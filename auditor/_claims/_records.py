"""The shop's own order and return ids and SKUs, read as the shop writes them.

"ORD-4471" and "RMA-7201" are read by their letters (`_subjects._ID_TAIL`), but a shop on
day one may number its orders "R100000001" and its returns "RA20000001" (Solidus, Spree), or
"NWO-000123": without this index an answer about such an order names no subject, so an answer
about the customer's *other* order cannot be told from one about the order asked (issue 17:
"similar ids"). The audit passes the ids its snapshot holds (`RecordIndex.of`); from them the
index learns each id's *shape* (its letters, and the length of each run of digits), so that an
id of a known shape that the snapshot does not hold (another customer's order) is read as a
record of that type too. Ids said in another form are read where exactly one known id of the
type named has those digits: "order #4471" and "order no. 4471" for ORD-4471.

Shapes without a letter (a shop numbering its orders 1001, 1002 …) are never read bare: a
number alone is as likely a count or a year; such ids are read only after the noun ("order 1001").
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator, Mapping
from operator import itemgetter
from typing import NamedTuple

from auditor._claims._compiled import compile_pattern
from auditor._claims._subjects import Mention, SubjectType

#: The ids `_subjects` reads by their letters already (orders, returns, two-letter SKUs): not
#: learnt again as a shape.
_READ_BY_LETTERS = re.compile(r"(?:ord|rma|[a-z]{2})-\d{3,9}")
#: An id worth a shape: a letter and at least three digits, nothing but letters, digits and
#: single dashes, slashes or dots between them.
_ID_LIKE = re.compile(r"(?=[^\d]*\d[^\d]*\d[^\d]*\d)(?=.*[a-z])[a-z0-9]+(?:[-/.][a-z0-9]+)*")
_RUN = re.compile(r"\d+|[a-z]+|[-/.]")
#: "order #4471", "order no. 4471", "return number 7201", "rma 7201": the id is what follows the
#: noun ("#" is a blank once normalised).
_OTHER_FORM = compile_pattern(
    r"\b(?P<noun>order|return|rma)\s+(?P<id>(?:(?:number|no\.?|id|ref)\s*)?#?\s*"
    r"(?P<digits>\d{3,12}))(?![\w-])"
)
_NOUN_TYPES = {"order": SubjectType.ORDER, "return": SubjectType.RETURN, "rma": SubjectType.RETURN}
_FORM_WORDS = frozenset(_NOUN_TYPES)


def _shape(lowered: str) -> str | None:
    """The pattern of ids shaped like `lowered` (its letters kept, each run of digits as
    `\\d{n}`), or None when it is no id worth one."""
    if _ID_LIKE.fullmatch(lowered) is None or _READ_BY_LETTERS.fullmatch(lowered):
        return None
    return "".join(
        rf"\d{{{len(run)}}}" if run.isdigit() else re.escape(run) for run in _RUN.findall(lowered)
    )


class RecordIndex(NamedTuple):
    """Known ids (lower-cased → the shop's id and its type), the pattern of their shapes, and
    each shape's type and letter case; the digits of each id, for the other forms."""

    known: Mapping[str, tuple[str, SubjectType]]
    #: Every learnt shape, whole words only; None when no id has one.
    shapes: re.Pattern[str] | None
    #: Shape pattern → (type, upper-case): an id of no known record takes both from its shape.
    shape_types: Mapping[str, tuple[SubjectType, bool]]
    #: (type, digits) → the ids with those digits.
    by_digits: Mapping[tuple[SubjectType, str], tuple[str, ...]]
    #: The shop's orders are known and none is written "ORD-…": an order named by its number
    #: alone ("order #8226", `_subjects._with_order_numbers`) is not "ORD-8226" there.
    orders_unlike_ord: bool = False
    #: Whether reading an answer with this index can change its mentions: the shop has orders
    #: or returns, or ids of a shape the letters do not give away. A catalogue of "KT-1000"
    #: SKUs alone is read by `_subjects` already, and costs an answer nothing here.
    active: bool = False

    @classmethod
    def of(cls, records: Mapping[str, SubjectType], items: Iterable[str] = ()) -> RecordIndex:
        """The index of `records` (id -> type) and of the catalogue's SKUs (`items`), which
        are learnt the same way: a SKU the letters do not give away ("NW00017", "KEST0001")
        names its item, and one of the same shape an item the catalogue lacks. A SKU is never
        read in the other forms ("item 4471")."""
        records = {**dict.fromkeys(items, SubjectType.ITEM), **records}
        known: dict[str, tuple[str, SubjectType]] = {}
        shapes: dict[str, set[tuple[SubjectType, bool]]] = {}
        by_digits: dict[tuple[SubjectType, str], list[str]] = {}
        for record, kind in records.items():
            lowered = record.strip().lower()
            if not lowered:
                continue
            known[lowered] = (record, kind)
            digits = "".join(filter(str.isdigit, lowered))
            if len(digits) >= 3 and kind is not SubjectType.ITEM:
                by_digits.setdefault((kind, digits), []).append(record)
            shape = _shape(lowered)
            if shape is not None:
                shapes.setdefault(shape, set()).add((kind, record == record.upper()))
        # A shape two types share, or written in two cases, names no type by itself.
        shape_types = {
            shape: next(iter(found)) for shape, found in shapes.items() if len(found) == 1
        }
        pattern = None
        if shapes:
            alternatives = "|".join(sorted(shapes, key=len, reverse=True))
            pattern = compile_pattern(rf"(?<![\w-])(?:{alternatives})(?![\w-])")
        orders = [low for low, (_, kind) in known.items() if kind is SubjectType.ORDER]
        return cls(
            known,
            pattern,
            shape_types,
            {key: tuple(ids) for key, ids in by_digits.items()},
            bool(orders) and not any(low.startswith("ord-") for low in orders),
            pattern is not None or any(kind is not SubjectType.ITEM for _, kind in known.values()),
        )

    def find(self, norm: str, words: Collection[str]) -> Iterator[Mention]:
        """The records `norm` (lower-cased, as `_text.normalise` gives it) names, in no set
        order, possibly overlapping each other; `words` are its words, to skip the other forms'
        search when none of their nouns is there."""
        if self.shapes is not None:
            for match in self.shapes.finditer(norm):
                found = self._named(match.group())
                if found is not None:
                    yield Mention(match.start(), match.end(), *found)
        if not _FORM_WORDS.isdisjoint(words):
            for match in _OTHER_FORM.finditer(norm):
                kind = _NOUN_TYPES[match.group("noun")]
                ids = self.by_digits.get((kind, match.group("digits")), ())
                if len(ids) == 1:
                    yield Mention(match.start("id"), match.end(), ids[0], kind)

    def canonical(self, norm: str, mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
        """`mentions` with every id the shop holds named as the shop spells it and typed as
        what it is: "ord-10024" is its "ORD-10024", and "PO-5501", read as a SKU by its letters,
        is the order the shop numbers so."""
        known = self.known
        changed = False
        out = []
        for mention in mentions:
            said = norm[mention.start : mention.end]
            found = known.get(said)
            # "8226", "no. 8226", or the whole "order #8226" (`_subjects._with_order_numbers`).
            number_alone = said[:1].isdigit() or said.startswith(("no", "num", "nr", "ord"))
            number_alone = number_alone and not said.startswith("ord-")
            if found is None and mention.type is SubjectType.ORDER and number_alone:
                # An order named by its number alone ("order no. 8226"): the known order with
                # those digits; where the shop writes no "ORD-…", no guess at one.
                digits = "".join(filter(str.isdigit, said))
                ids = self.by_digits.get((SubjectType.ORDER, digits), ())
                if len(ids) == 1:
                    found = known[ids[0].strip().lower()]
                elif self.orders_unlike_ord:
                    changed = True
                    continue
            if found is not None and found != (mention.subject, mention.type):
                mention = mention._replace(subject=found[0], type=found[1])
                changed = True
            out.append(mention)
        return tuple(out) if changed else mentions

    def _named(self, lowered: str) -> tuple[str, SubjectType] | None:
        """The record an id of a learnt shape names: the known one, else one of the shape's
        type, written in its case."""
        found = self.known.get(lowered)
        if found is not None:
            return found
        for shape, (kind, upper) in self.shape_types.items():
            if re.fullmatch(shape, lowered):
                return (lowered.upper() if upper else lowered), kind
        return None


EMPTY_RECORDS = RecordIndex.of({})


def shop_records(orders: Iterable[str], returns: Iterable[str]) -> dict[str, SubjectType]:
    """The shop's order and return ids as `ExtractionContext.records` takes them."""
    return {
        **dict.fromkeys(orders, SubjectType.ORDER),
        **dict.fromkeys(returns, SubjectType.RETURN),
    }


def with_records(mentions: tuple[Mention, ...], found: Iterator[Mention]) -> tuple[Mention, ...]:
    """`mentions` (in order, apart) with the records `found` (`RecordIndex.find`) that overlap
    none of them or only mentions that give way to them (`_gives_way`), in order."""
    added = sorted(found, key=_SPAN)
    if not added:
        return mentions
    kept = list(mentions)
    for record in added:
        clashes = [m for m in kept if m.start < record.end and record.start < m.end]
        if any(not _gives_way(m, record) for m in clashes):
            continue
        kept = [m for m in kept if m not in clashes]
        kept.append(record)
    return tuple(sorted(kept, key=_SPAN))


_SPAN = itemgetter(0, 1)


def _gives_way(mention: Mention, record: Mention) -> bool:
    """`mention` yields to the shop's `record` read over it: an item id at the same place, or
    the same record said in fewer characters ("4471" inside "no. 4471")."""
    if mention.type is SubjectType.ITEM:
        return (mention.start, mention.end) == (record.start, record.end)
    inside = record.start <= mention.start and mention.end <= record.end
    return inside and (mention.subject, mention.type) == (record.subject, record.type)
