"""What a claim is about: SKUs, order and return ids, and item names the auditor knows.

Names are matched token by token, longest first, so "Blue Kettle Pro" is never read as "Blue
Kettle", and punctuation or dashes that a chatbot rewrites do not break the match. The index is
built once per context, so a catalogue of many thousand items costs nothing per answer.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from auditor._claims._text import normalise


class SubjectType(enum.Enum):
    ITEM = "item"
    ORDER = "order"
    RETURN = "return"


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    subject: str
    type: SubjectType
    #: Hidden from the phrase patterns (ids and full item names), so that an item called
    #: "Sold Out Tee" or one whose name carries instructions cannot speak for the assistant.
    masked: bool = True


_IDS = re.compile(r"(?P<letters>[a-z]{2,3})-(?P<digits>\d{3,9})(?![\w-])")
_ID_TYPES = {"ord": SubjectType.ORDER, "rma": SubjectType.RETURN}
_SKU_DIGITS = 8
_TOKEN = re.compile(r"[^\W_]+")
_CLOSING = re.compile(r"\s*\)")
_HEAD_STOPWORDS = frozenset(
    [
        "set",
        "pack",
        "pro",
        "max",
        "mini",
        "large",
        "small",
        "medium",
        "xl",
        "xxl",
        "the",
        "and",
        "for",
        "with",
        "one",
        "two",
        "new",
        "discount",
        "stock",
        "order",
        "item",
        "items",
        "product",
        "return",
        "refund",
        "free",
        "sale",
        "edition",
    ]
)
_MAX_HEAD_NAME_TOKENS = 4


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _same_word(text_token: str, name_token: str) -> bool:
    """Equal, or equal but for a plural ending (mug / mugs, glass / glasses)."""
    if text_token == name_token:
        return True
    longer, shorter = sorted((text_token, name_token), key=len, reverse=True)
    return longer in (shorter + "s", shorter + "es")


def _head(name_tokens: tuple[str, ...]) -> str | None:
    if not name_tokens or len(name_tokens) > _MAX_HEAD_NAME_TOKENS:
        return None
    head = name_tokens[-1]
    if len(head) < 3 or not head.isalpha() or head in _HEAD_STOPWORDS:
        return None
    return head


def _name_tokens(name: str) -> tuple[str, ...]:
    return tuple(t for t, _, _ in _tokens(normalise(name)))


@dataclass(frozen=True, slots=True)
class ItemIndex:
    """Item names by their first word, and the words that name exactly one item on their own."""

    by_first: Mapping[str, tuple[tuple[tuple[str, ...], str], ...]]
    heads: Mapping[str, str]

    @classmethod
    def build(cls, items: Mapping[str, str]) -> ItemIndex:
        by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        heads: dict[str, set[str]] = {}
        for sku, name in items.items():
            tokens = _name_tokens(name)
            if not tokens:
                continue
            by_first.setdefault(tokens[0], []).append((tokens, sku.upper()))
            # Only short names, without a parenthesised remark, lend their last word.
            head = _head(_name_tokens(re.sub(r"\(.*?\)", " ", name)))
            if head is not None:
                heads.setdefault(head, set()).add(sku.upper())
        return cls(
            by_first=MappingProxyType(
                {k: tuple(sorted(v, key=lambda e: -len(e[0]))) for k, v in by_first.items()}
            ),
            heads=MappingProxyType({h: next(iter(s)) for h, s in heads.items() if len(s) == 1}),
        )

    def _full_match(self, tokens: list[tuple[str, int, int]], i: int) -> tuple[int, str] | None:
        for name, sku in self.by_first.get(tokens[i][0], ()):
            last = i + len(name) - 1
            if last >= len(tokens):
                continue
            inner = all(tokens[i + k][0] == name[k] for k in range(len(name) - 1))
            if inner and _same_word(tokens[last][0], name[-1]):
                return last, sku
        return None

    def find(self, norm: str) -> list[Mention]:
        if not self.by_first and not self.heads:
            return []
        tokens = _tokens(norm)
        found: list[Mention] = []
        i = 0
        while i < len(tokens):
            full = self._full_match(tokens, i)
            if full is not None:
                last, sku = full
                close = _CLOSING.match(norm, tokens[last][2])
                end = (
                    close.end()
                    if close and "(" in norm[tokens[i][1] : tokens[last][2]]
                    else tokens[last][2]
                )
                found.append(Mention(tokens[i][1], end, sku, SubjectType.ITEM))
                i = last + 1
                continue
            word = tokens[i][0]
            sku_of_head = self.heads.get(word) or self.heads.get(word.removesuffix("s"))
            if sku_of_head is None and word.endswith("es"):
                sku_of_head = self.heads.get(word[:-2])
            if sku_of_head is not None:
                found.append(
                    Mention(tokens[i][1], tokens[i][2], sku_of_head, SubjectType.ITEM, False)
                )
            i += 1
        return found


EMPTY_INDEX = ItemIndex(by_first=MappingProxyType({}), heads=MappingProxyType({}))


def find_mentions(norm: str, index: ItemIndex) -> tuple[Mention, ...]:
    """Every subject named in the text, in order; ids win over overlapping names."""
    ids = []
    for match in _IDS.finditer(norm) if "-" in norm else ():
        start, letters = match.start(), match.group("letters")
        if start > 0 and (norm[start - 1].isalnum() or norm[start - 1] in "_-"):
            continue
        subject_type = _ID_TYPES.get(letters)
        if subject_type is None:
            if len(letters) != 2 or len(match.group("digits")) > _SKU_DIGITS:
                continue
            subject_type = SubjectType.ITEM
        ids.append(Mention(start, match.end(), match.group().upper(), subject_type))
    names = [
        n for n in index.find(norm) if not any(n.start < i.end and i.start < n.end for i in ids)
    ]
    return tuple(sorted([*ids, *names], key=lambda m: m.start))


def mask(norm: str, mentions: Iterable[Mention]) -> str:
    """Blank out masked mentions with one neutral letter per character."""
    chars = list(norm)
    for mention in mentions:
        if mention.masked:
            chars[mention.start : mention.end] = "x" * (mention.end - mention.start)
    return "".join(chars)
