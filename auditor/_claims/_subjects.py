"""What a claim is about: SKUs, order and return ids, and item names the auditor knows.

Names are matched token by token, longest first, so "Blue Kettle Pro" is never read as "Blue
Kettle", and punctuation or dashes that a chatbot rewrites do not break the match. The index is
built once per context, so a catalogue of many thousand items costs nothing per answer.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import accumulate, compress, count
from operator import itemgetter
from types import MappingProxyType
from typing import NamedTuple

from auditor._claims._compiled import compile_pattern
from auditor._claims._model import ClaimKind
from auditor._claims._text import normalise


class SubjectType(enum.Enum):
    ITEM = "item"
    ORDER = "order"
    RETURN = "return"

    #: Members are singletons compared by identity; `Enum.__hash__` is Python code, and every
    #: phrase's subject is sought by testing mentions' types against a set of them.
    __hash__ = object.__hash__


_ITEM = frozenset({SubjectType.ITEM})
_ORDER = frozenset({SubjectType.ORDER})
_RETURN = frozenset({SubjectType.RETURN})
_ANY = frozenset(SubjectType)

#: Subject types a kind may take, tier by tier: a return claim falls back to the order.
KIND_SUBJECTS: Mapping[ClaimKind, tuple[frozenset[SubjectType], ...]] = MappingProxyType(
    {
        ClaimKind.AVAILABILITY: (_ITEM,),
        ClaimKind.QUANTITY: (_ITEM,),
        ClaimKind.DISCOUNT: (_ITEM,),
        ClaimKind.ORDER_STATUS: (_ORDER,),
        ClaimKind.DELIVERY_DATE: (_ORDER,),
        ClaimKind.TRACKING: (_ORDER,),
        ClaimKind.RETURN_STATUS: (_RETURN, _ORDER),
        ClaimKind.REFUND: (_RETURN, _ORDER),
        ClaimKind.REFUND_AMOUNT: (_RETURN, _ORDER),
        ClaimKind.DEFLECTION: (_ANY,),
        ClaimKind.REFUSAL: (_ANY,),
        ClaimKind.CLARIFICATION: (_ANY,),
        ClaimKind.DELAY: (_ORDER,),
    }
)


class Mention(NamedTuple):
    """A named tuple rather than a dataclass: every answer makes a few, per call."""

    start: int
    end: int
    subject: str
    type: SubjectType
    #: Hidden from the phrase patterns (ids and full item names), so that an item called
    #: "Sold Out Tee" or one whose name carries instructions cannot speak for the assistant.
    masked: bool = True
    #: A name said in part ("the 18cm" for "Saucepan 18cm").
    part: bool = False


#: An id, "kt-1042" or "ord-123456", found by its dash: a pattern opening on letters would be
#: tried at every letter of the answer. The two or three letters before the dash are read off
#: after the match.
_ID_TAIL = compile_pattern(r"-(?<=[a-z]{2}-)(?P<digits>\d{3,9})(?![\w-])")
_ID_TYPES = {"ord": SubjectType.ORDER, "rma": SubjectType.RETURN}
#: The records of other kinds an answer may give an id of ("ticket CS-448120", "case ref
#: AB-1234"): such an id names no item, whatever its letters (issue 23: a ticket's number was
#: read as the subject of the hand-off that opened it). Data: the words that name the record.
OTHER_RECORDS = (
    "ticket",
    "case",
    "reference",
    "ref",
    "incident",
    "complaint",
    "claim",
    "enquiry",
    "inquiry",
    "query",
    "logged as",
    "invoice",
    "receipt",
)
#: Any of `OTHER_RECORDS` anywhere: one search of literals, asked before the words before an id.
_RECORD_HINT = compile_pattern("|".join(OTHER_RECORDS))
_OTHER_RECORD = compile_pattern(
    r"\b(?:" + "|".join(OTHER_RECORDS) + r")\b(?: (?:id|no|number|ref|reference|is|was))?\W{0,6}$"
)
_SKU_DIGITS = 8
#: An order named by its number without the id's letters, as people type it: "order #8226",
#: "ord 4471", "your order (8227)", "order no. 88123". Four digits at least (fewer is a
#: count: "order 3 more"), and not a date, a price or a code ("order 12/05").
_ORDER_NUMBER = compile_pattern(
    r"ord(?:er)?\.?(?: (?P<qualifier>no\.?|number|num|nr\.?))?[ (:]{1,3}(?P<digits>\d{4,9})"
    r"(?![\w/.,:-]\w|\w)"
)
_TOKEN = compile_pattern(r"[^\W_]+")
#: `_TOKEN` as a split: words and the text between them, whose running lengths give every
#: word's span without a match object per word. On ASCII text, the usual answer, the same
#: words as plain ranges: the regex engine looks up `\W` in the Unicode tables per character.
_TOKEN_SPLIT = compile_pattern(r"([^\W_]+)")
_ASCII_TOKEN_SPLIT = compile_pattern(r"([a-zA-Z0-9]+)")
_CLOSING = compile_pattern(r"\s*\)")
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
        # Words of time and of the talk around an answer, too common in any answer to name an
        # item alone: "we'll email you by end of day" is no Day Pack 30L.
        "day",
        "days",
        "week",
        "month",
        "year",
        "time",
        "night",
        "morning",
        "evening",
        "hour",
        "minute",
        "today",
        "tomorrow",
        "weekend",
        "end",
        "way",
        "thing",
        "team",
        # Modals that end names ("Watering Can", "Trash Can"): "our team can help" names none.
        "can",
        "may",
        "must",
        "will",
    ]
)
_MAX_HEAD_NAME_TOKENS = 4
#: Name words that tell no item from another ("Tea Towels (pack of 3)").
_FILLER_WORDS = frozenset(["the", "and", "for", "with", "of", "a", "an", "in", "set", "pack", "s"])


#: Words after which a name said in part may start ("the 18cm", "1m or 2m"); after any other
#: word it may be the tail of a name we do not know ("Auorra French Press 3836").
_PART_OPENERS = frozenset(
    ["the", "a", "an", "our", "your", "that", "this", "those", "these", "of", "or", "and", "vs",
     "both", "either", "neither", "nor", "plus", "n", "ordinary", "regular", "normal",
     "standard", "original", "plain", "other", "first"]
)  # fmt: skip


#: Words that make another model of the name they follow: "Blue Kettle Max" beside a known
#: "Blue Kettle" is a different product (one the shop may not sell), not the Blue Kettle.
_VARIANT_WORDS = frozenset(
    ["pro", "max", "mini", "plus", "ultra", "lite", "deluxe", "xl", "xxl", "elite", "premium",
     "slim", "compact", "turbo"]
)  # fmt: skip
#: Words before a variant word that point back at a name said earlier ("the Pro").
_TIMES = compile_pattern(r"x\d+")
_POINTERS = frozenset(["the", "our", "that", "this"])
#: (sms9) What stands before a word that opens a clause or a line: a comma, a stop, a colon,
#: a slash or a dash.
_CLAUSE_OPENS = compile_pattern(r"[,.;:/\n\u2013\u2014-]\s*$")


def _distinctive(token: str) -> bool:
    """A model or size word that may name an item on its own ("18cm", "x90", "1m"): letters
    and digits both. A bare number never does: "700" is a count far more often than a name."""
    return not token.isdigit() and not token.isalpha() and len(token) >= 2


def _part_tokens(items: Mapping[str, str]) -> dict[str, frozenset[str]]:
    """Name word -> the items whose names hold it, for names said in part ("the 18cm")."""
    found: dict[str, set[str]] = {}
    for sku, name in items.items():
        for token in _name_tokens(name):
            if token not in _FILLER_WORDS:
                found.setdefault(token, set()).add(sku)
    return {token: frozenset(skus) for token, skus in found.items()}


def _variants(tokens_of: Mapping[str, tuple[str, ...]]) -> dict[str, dict[str, str]]:
    """Variant word -> {base item: item}, for names that are another name and that word."""
    by_tokens = {tokens: sku for sku, tokens in tokens_of.items() if tokens}
    found: dict[str, dict[str, str]] = {}
    for sku, tokens in tokens_of.items():
        if len(tokens) >= 2 and tokens[-1] in _VARIANT_WORDS:
            base = by_tokens.get(tokens[:-1])
            if base is not None:
                found.setdefault(tokens[-1], {})[base] = sku
    return found


def _head(name_tokens: tuple[str, ...]) -> str | None:
    if not name_tokens or len(name_tokens) > _MAX_HEAD_NAME_TOKENS:
        return None
    head = name_tokens[-1]
    if len(head) < 3 or not head.isalpha() or head in _HEAD_STOPWORDS:
        return None
    return head


def _noun_before_sizes(name_tokens: tuple[str, ...]) -> str | None:
    """The one word of a name that is neither a model nor a size word ("rug" of "Rug
    120x170"): a terse answer names the item by it ("rug in stock") when no other name holds
    that word. Not the last word of a longer name ("cooker" of "Rice Cooker 3L"): "sous vide
    cookers" is another product. None when the name ends on a word (it has a head)."""
    if not name_tokens or len(name_tokens) > _MAX_HEAD_NAME_TOKENS or name_tokens[-1].isalpha():
        return None
    words = [t for t in name_tokens if t.isalpha() and t not in _FILLER_WORDS]
    return _head(tuple(words)) if len(words) == 1 else None


def _initialled(name_tokens: tuple[str, ...]) -> tuple[str, ...] | None:
    """(sms8) A name as chat clips it, its words by their initials and its model kept: "pb
    20000" for "Power Bank 20000", "ap 2233" for "Aero Press 2233". Only names of two or three
    whole words (three letters each at least) before a model or size word holding a digit:
    the model left after the initials makes the clipped name one item's, never a word ("pb"
    alone names nothing)."""
    words = 0
    while words < len(name_tokens) and name_tokens[words].isalpha():
        words += 1
    tail = name_tokens[words:]
    if not 2 <= words <= 3 or not tail or not any(ch.isdigit() for ch in tail[0]):
        return None
    if any(len(word) < 3 for word in name_tokens[:words]):
        return None
    return ("".join(word[0] for word in name_tokens[:words]), *tail)


def _add_clipped(root: _Node, items: Mapping[str, str]) -> None:
    """Names clipped to their initials ("pb 20000") or without their bracketed remark ("mug
    set"), into the tree of names, where one item's name gives the form and no name is spelt
    so."""
    clipped: dict[tuple[str, ...], set[str]] = {}
    for sku, name in items.items():
        alias = _initialled(_name_tokens(name))
        if alias is not None:
            clipped.setdefault(alias, set()).add(sku)
        # A name without its bracketed remark: "mug set" for "Mug Set (6 pcs)".
        if "(" in name:
            plain = _name_tokens(re.sub(r"\(.*?\)", " ", name))
            if len(plain) >= 2:
                clipped.setdefault(plain, set()).add(sku)
    for alias, owners in clipped.items():
        if len(owners) != 1:
            continue
        node = root
        for token in alias:
            node = node.next.setdefault(token, _Node())
        if node.sku is None:
            node.sku = next(iter(owners))


def _name_tokens(name: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(normalise(name)))


def _other_forms(word: str) -> tuple[str, ...]:
    """The name words `word` may stand for besides itself: it with a plural ending added or
    taken off (mug / mugs, glass / glasses)."""
    forms = [word + "s", word + "es"]
    if word.endswith("s"):
        forms.append(word[:-1])
        if word.endswith("es"):
            forms.append(word[:-2])
        # The plurals that change the word: knives / knife, shelves / shelf, batteries /
        # battery.
        if word.endswith("ves"):
            forms += [word[:-3] + "fe", word[:-3] + "f"]
        elif word.endswith("ies"):
            forms.append(word[:-3] + "y")
    return tuple(forms)


@dataclass(slots=True)
class _Node:
    """One word of item names: the words that may follow it, and the item it ends, if any."""

    next: dict[str, _Node] = field(default_factory=dict)
    sku: str | None = None


def _head_words(heads: Mapping[str, str]) -> dict[str, str]:
    """Every answer word that names an item by its head: the head, or it in the plural."""
    found: dict[str, str] = {}
    for head in heads:
        for word in (head, head + "s", head + "es"):
            sku = heads.get(word) or heads.get(word.removesuffix("s"))
            if sku is None and word.endswith("es"):
                sku = heads.get(word[:-2])
            if sku is not None:
                found[word] = sku
    return found


@dataclass(frozen=True, slots=True)
class ItemIndex:
    """Item names as a tree of words, and the words that name exactly one item on their own.

    Walking the tree costs one lookup per word of the answer whatever the catalogue's size;
    comparing every name that shares a first word did not (a catalogue of 500 "Blue …" items
    made name matching the largest cost of reading an answer). Most words of an answer start
    no name, so `starts` lets them pass with one set lookup.
    """

    names: _Node
    heads: Mapping[str, str]
    #: Answer word -> the item it names as a head, plural forms spelt out.
    head_words: Mapping[str, str]
    #: The words that can start a mention: a name's first word or a head word.
    starts: frozenset[str]
    #: Name word -> the items whose names hold it (see `_part`).
    parts: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: The last word of every name.
    last_words: frozenset[str] = frozenset()
    #: Name word -> the items whose names end with it ("x90" ends "Juicer X90" only).
    enders: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: Variant word -> {the item a name is, the item that name plus the word is}: "the Pro"
    #: after "Blue Kettle" is the "Blue Kettle Pro".
    variants: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    #: Item -> the words of its name but fillers, model and size words: "rice cooker" names
    #: the "Rice Cooker 1.8L" when it says all of them.
    plain_words: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: A SKU in lower case -> the catalogue's own: an id the answer writes in any case names
    #: the item as the shop spells it (the judge compares it with the snapshot's key).
    skus: Mapping[str, str] = field(default_factory=dict)
    #: Every SKU is in lower case: a SKU the catalogue lacks is spelt so too.
    lower_case: bool = False
    #: Item -> the bare number its name ends with ("Air Purifier 2", "Sound Bar 300").
    numbered: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def build(cls, items: Mapping[str, str]) -> ItemIndex:
        root = _Node()
        heads: dict[str, set[str]] = {}
        for sku, name in items.items():
            tokens = _name_tokens(name)
            if not tokens:
                continue
            node = root
            for token in tokens:
                node = node.next.setdefault(token, _Node())
            if node.sku is None:  # the same name twice: the first item keeps it
                node.sku = sku
            # Only short names, without a parenthesised remark, lend their last word.
            head = _head(_name_tokens(re.sub(r"\(.*?\)", " ", name)))
            if head is not None:
                heads.setdefault(head, set()).add(sku)
        _add_clipped(root, items)
        parts = _part_tokens(items)
        for sku, name in items.items():
            noun = _noun_before_sizes(_name_tokens(re.sub(r"\(.*?\)", " ", name)))
            # Only a word no other name holds: "speaker" beside "Speaker S20 Mini" names none.
            if noun is not None and parts.get(noun) == frozenset([sku]):
                heads.setdefault(noun, set()).add(sku)
        unique = {h: next(iter(s)) for h, s in heads.items() if len(s) == 1}
        head_words = _head_words(unique)
        tokens_of = {sku: _name_tokens(name) for sku, name in items.items()}
        enders: dict[str, set[str]] = {}
        for sku, tokens in tokens_of.items():
            if tokens:
                enders.setdefault(tokens[-1], set()).add(sku)
        return cls(
            names=root,
            heads=MappingProxyType(unique),
            head_words=MappingProxyType(head_words),
            starts=frozenset([*root.next, *head_words, *parts]),
            parts=MappingProxyType(parts),
            last_words=frozenset(enders),
            enders=MappingProxyType({word: frozenset(skus) for word, skus in enders.items()}),
            variants=MappingProxyType(_variants(tokens_of)),
            plain_words=MappingProxyType(
                {
                    sku: frozenset(t for t in tokens if t.isalpha() and t not in _FILLER_WORDS)
                    for sku, tokens in tokens_of.items()
                }
            ),
            skus=MappingProxyType({sku.lower(): sku for sku in reversed(list(items))}),
            lower_case=any(map(str.isalpha, "".join(items)))
            and all(sku == sku.lower() for sku in items),
            numbered=MappingProxyType(
                {
                    sku: tokens[-1]
                    for sku, tokens in tokens_of.items()
                    if tokens[-1:] != () and tokens[-1].isdigit()
                }
            ),
        )

    @staticmethod
    def _may_open_part(parts: list[str], words: list[str], i: int) -> bool:
        """Word `i` opens its clause, or follows a determiner or a conjunction."""
        if i == 0 or words[i - 1] in _PART_OPENERS:
            return True
        return bool(parts[2 * i].strip(" \t'"))  # punctuation between: a new phrase opens

    def _part(self, words: list[str], i: int) -> tuple[int, str] | None:
        """A name said in part from word `i` on ("the large skillet", "the 6 cup version",
        "the 18cm"): the longest run of name words that only one item's name holds all of,
        two words at least or one distinctive model word. Its last word's index and its item.
        """
        parts = self.parts
        skus = parts.get(words[i])
        if skus is None:
            return None
        best = None
        if _distinctive(words[i]):
            # "the x90" beside "Juicer X90" and "Juicer X90 Max": the name it ends.
            ending = skus if len(skus) == 1 else skus & self.enders.get(words[i], frozenset())
            best = (i, next(iter(ending))) if len(ending) == 1 else None
        digits = not words[i].isalpha()
        for j in range(i + 1, len(words)):
            more = parts.get(words[j])
            if more is None:
                break
            skus = skus & more
            if not skus:
                break
            digits = digits or not words[j].isalpha()
            # Words that name an item in part hold a model number or size ("the 6 cup"), or
            # end as a name ends ("the large skillet", "kettle pro"): "sold out" in a
            # catalogue that sells a "Sold Out Tee" is no name.
            if len(skus) == 1 and (
                digits
                or words[j] in self.last_words
                or self.plain_words.get(next(iter(skus))) == frozenset(words[i : j + 1])
            ):
                best = (j, next(iter(skus)))
        return best

    def _full_match(self, words: list[str], i: int) -> tuple[int, str] | None:
        """The longest name starting at word `i`: its last word's index and its item.

        The first word is matched exactly, the last may differ by a plural ending.
        """
        node = self.names.next.get(words[i])
        if node is None:
            return None
        best = (i, node.sku) if node.sku is not None else None
        for j in range(i + 1, len(words)):
            if not node.next:  # no name goes on: neither a form below nor a next word can
                break
            word = words[j]
            following = node.next.get(word)
            if following is not None and following.sku is not None:
                best = (j, following.sku)  # the word itself, the first of its forms
            else:
                for form in _other_forms(word):
                    child = node.next.get(form)
                    if child is not None and child.sku is not None:
                        best = (j, child.sku)
                        break
            if following is None:
                break
            node = following
        return None if best is None else (best[0], best[1])

    @staticmethod
    def _extended(parts: list[str], words: list[str], last: int) -> bool:
        """The name ending at word `last` goes on with a variant or model word of no name we
        know ("Blue Kettle Max", "Juicer X100" after "Juicer"): the answer names another
        product, one the catalogue may not hold."""
        following = last + 1
        if following >= len(words) or parts[2 * following] != " ":
            return False
        word = words[following]
        if word in _VARIANT_WORDS:
            return True
        # A model word, not a multiplier ("Mug Set of 6 x5 in stock").
        return _distinctive(word) and word[0].isalpha() and not _TIMES.fullmatch(word)

    def _part_said(self, parts: list[str], words: list[str], i: int) -> tuple[int, str] | None:
        """`_part` where a part may open, unless another model number follows it ("the Air
        Purifier 3" beside the "Air Purifier 2")."""
        part = self._part(words, i) if self._may_open_part(parts, words, i) else None
        if part is not None and self._another_number(parts, words, part):
            return None
        return part

    def _another_number(self, parts: list[str], words: list[str], part: tuple[int, str]) -> bool:
        """A name said in part goes on with another model number as long as the one its item's
        name ends with ("the Air Purifier 3" beside the "Air Purifier 2", "Sound Bar 500"
        beside "Sound Bar 300"): another model, no item. (A number of another length, or
        nought, is a count: "blender 14", "rice cooker 0".)"""
        last, sku = part
        following = last + 1
        own = self.numbered.get(sku)
        if own is None or following >= len(words) or parts[2 * following] != " ":
            return False
        word = words[following]
        return word.isdigit() and word != own and len(word) == len(own) and word.strip("0") != ""

    def _pointed(
        self, parts: list[str], words: list[str], i: int, found: list[Mention]
    ) -> str | None:
        """ "the Pro" after the Blue Kettle is named: the item whose name is an earlier
        mention's name and this variant word; in chat without its article when it opens a
        clause or a line ("clear case 15 0 left, pro has 3", "controller pad: out. pro: 4")."""
        by_base = self.variants.get(words[i])
        if by_base is None or i == 0:
            return None
        if words[i - 1] not in _POINTERS and not _CLAUSE_OPENS.search(parts[2 * i]):
            return None
        for mention in reversed(found):
            sku = by_base.get(mention.subject)
            if sku is not None:
                return sku
        return None

    def _one_word_plural(self, word: str) -> str | None:
        """The item whose whole name is one word that `word` is the plural of."""
        for form in _other_forms(word)[2:]:
            node = self.names.next.get(form)
            if node is not None and node.sku is not None:
                return node.sku
        return None

    def find(self, norm: str, parts: list[str] | None = None) -> list[Mention]:
        """The item names in `norm`; `parts` is `split_words(norm)` when known already."""
        found: list[Mention] = []
        if not self.starts:
            return found
        if parts is None:
            parts = split_words(norm)
        words = parts[1::2]
        hits = self.starts.intersection(words)
        if not hits:
            return found
        # Word i spans `bounds[2i]:bounds[2i + 1]`.
        bounds = list(accumulate(map(len, parts)))
        after = 0  # the first word not inside a name found already
        # The indexes of the words in `hits`, picked out without a Python loop over every word.
        for i in compress(count(), map(hits.__contains__, words)):
            if i < after:
                continue
            full = self._full_match(words, i)
            if full is not None and self._extended(parts, words, full[0]):
                after = full[0] + 2  # "Blue Kettle Max": another product than the Blue Kettle
                continue
            if full is not None:
                last, sku = full
                start, last_end = bounds[2 * i], bounds[2 * last + 1]
                end = last_end
                if "(" in norm[start:last_end] and (close := _CLOSING.match(norm, last_end)):
                    end = close.end()
                found.append(Mention(start, end, sku, SubjectType.ITEM))
                after = last + 1
                continue
            part = self._part_said(parts, words, i)
            if part is not None:
                last, sku = part
                start, end = bounds[2 * i], bounds[2 * last + 1]
                found.append(Mention(start, end, sku, SubjectType.ITEM, part=True))
                after = last + 1
                continue
            pointed = self._pointed(parts, words, i, found)
            if pointed is not None:
                start, end = bounds[2 * i], bounds[2 * i + 1]
                found.append(Mention(start, end, pointed, SubjectType.ITEM, part=True))
                continue
            sku_of_head = self.head_words.get(words[i])
            if sku_of_head is not None and not self._another_number(parts, words, (i, sku_of_head)):
                start, end = bounds[2 * i], bounds[2 * i + 1]
                # A one-word name in the plural ("30 Flasks") is the name, not a head of one.
                whole = self._one_word_plural(words[i]) == sku_of_head
                found.append(Mention(start, end, sku_of_head, SubjectType.ITEM, whole))
        return found


EMPTY_INDEX = ItemIndex.build({})


def split_words(norm: str) -> list[str]:
    """`norm` cut into its words (at odd indexes) and the text between them (at even ones).

    The words are the `\\w` runs of `norm`, which has no "_" (see `_text.normalise`).
    """
    return (_ASCII_TOKEN_SPLIT if norm.isascii() else _TOKEN_SPLIT).split(norm)


def find_mentions(
    norm: str, index: ItemIndex, parts: list[str] | None = None
) -> tuple[Mention, ...]:
    """Every subject named in the text, in order; ids win over overlapping names.

    `parts` is `split_words(norm)` when known already.
    """
    ids = []
    #: Whether the answer names a record of another kind anywhere (asked once, when needed).
    records: bool | None = None
    for match in _ID_TAIL.finditer(norm):
        dash, end = match.span()
        start = dash - 3 if dash >= 3 and "a" <= norm[dash - 3] <= "z" else dash - 2
        if start > 0 and (norm[start - 1].isalnum() or norm[start - 1] in "_-"):
            continue
        letters = norm[start:dash]
        subject_type = _ID_TYPES.get(letters)
        if subject_type is None:
            if len(letters) != 2 or len(match.group("digits")) > _SKU_DIGITS:
                continue
            if records is None:
                records = _RECORD_HINT.search(norm) is not None
            if records and _OTHER_RECORD.search(norm, max(start - 32, 0), start):
                continue
            subject_type = SubjectType.ITEM
        said = norm[start:end]
        subject = said.upper()
        if subject_type is SubjectType.ITEM:
            subject = index.skus.get(said, said if index.lower_case else subject)
        ids.append(Mention(start, end, subject, subject_type))
    if "ord" in norm:
        ids = _with_order_numbers(norm, ids)
    names = index.find(norm, parts)
    if not names:
        return tuple(ids)
    names = _without_redundant_parts(norm, names)
    # Both lists are in order and without overlaps of their own: when every name ends before
    # the first id or starts after the last one (the usual "Blue Kettle (KT-1042)"), none
    # overlaps an id.
    if ids and names[-1].end > ids[0].start and ids[-1].end > names[0].start:
        names = [n for n in names if not any(n.start < i.end and i.start < n.end for i in ids)]
    found = sorted([*ids, *names], key=_START)
    return tuple(_with_bracketed_ids(norm, found) if ids and "(" in norm else found)


#: The brackets between an item's name and its id given after it: "blue kettle (kt-0201)".
_OPEN_BRACKET = compile_pattern(r"\s*\(\s*")
_AN_ID = compile_pattern(r"[a-z]{2,3}-\d")
_CLOSE_BRACKET = compile_pattern(r"\s*\)")


def _with_bracketed_ids(norm: str, found: list[Mention]) -> list[Mention]:
    """An item's name and its id in brackets after it as one mention, of the id's item (an id
    wins over a name): "blue kettle (kt-0201): 7", "the spade (sp-0600)'s sold out" read as
    "blue kettle: 7" reads, the way a model quoting the catalogue writes a terse answer."""
    merged: list[Mention] = []
    for mention in found:
        before = merged[-1] if merged else None
        if (
            before is not None
            and mention.type is SubjectType.ITEM
            and before.type is SubjectType.ITEM
            and before.masked
            and _OPEN_BRACKET.fullmatch(norm, before.end, mention.start)
            and _AN_ID.match(norm, mention.start)
            and (close := _CLOSE_BRACKET.match(norm, mention.end))
        ):
            merged[-1] = Mention(before.start, close.end(), mention.subject, SubjectType.ITEM)
            continue
        merged.append(mention)
    return merged


_START = itemgetter(0)


#: Before "order" as a word of its own, or the verb: "we can order 2500 more", "you'll need
#: to order 1000" (a literal opening keeps the search fast: no lookbehind at every position).
_VERB_BEFORE = compile_pattern(r"(?:[a-z0-9]|\b(?:to|can|we|i|you|u|will|'ll) )$")


def _with_order_numbers(norm: str, ids: list[Mention]) -> list[Mention]:
    """`ids` and the orders named by their number alone ("order #8226" is ORD-8226)."""
    # The id is the whole "order #8226" (its "no." too: left in the text, it would read as a
    # denial), so that the answer reads as it does with "ORD-8226": "picking order #8226 now",
    # "order #8225 and order #8226 both went out".
    found = [
        Mention(
            match.start(),
            match.end(),
            f"ORD-{match.group('digits')}",
            SubjectType.ORDER,
        )
        for match in _ORDER_NUMBER.finditer(norm)
        if not _VERB_BEFORE.search(norm, max(0, match.start() - 8), match.start())
    ]
    return sorted([*ids, *found], key=_START) if found else ids


def _without_redundant_parts(norm: str, names: list[Mention]) -> list[Mention]:
    """Names said in part, but for items the answer also names in full: there the words are
    the answer's own ("a 100% discount on the Mug … 100% discount" names the mug once), unless
    an article points at the item again ("… the Trail Backpack 30L. The 45L is in stock"), or
    the name opens a line of a list as its label ("Both the Router AX3000 and …:\n- AX3000: 25
    units"): there it says which item the line is about."""
    full = {m.subject for m in names if m.masked and not m.part}
    return [
        m
        for m in names
        if not (
            m.part
            and m.subject in full
            and not norm.endswith("the ", 0, m.start)
            and not _opens_a_line(norm, m.start)
        )
    ]


#: What may stand before a name that labels a line: the line's bullet or number.
_LINE_LEAD = compile_pattern(r"[ \t]*(?:[-*\u2022]|\d+[.)])?[ \t*_]*")


def _opens_a_line(norm: str, start: int) -> bool:
    """The text before `start` on its line is at most a bullet, and a line came before."""
    line_start = norm.rfind("\n", 0, start) + 1
    return line_start > 0 and _LINE_LEAD.fullmatch(norm, line_start, start) is not None


def mask(norm: str, mentions: Iterable[Mention]) -> str:
    """Blank out masked mentions with one neutral letter per character.

    `mentions` come in order and apart, as `find_mentions` gives them.
    """
    pieces = []
    position = 0
    for start, end, _, _, masked, _ in mentions:
        if masked:
            pieces.append(norm[position:start])
            pieces.append("x" * (end - start))
            position = end
    if not pieces:
        return norm
    pieces.append(norm[position:])
    return "".join(pieces)
