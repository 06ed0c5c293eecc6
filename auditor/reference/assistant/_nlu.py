"""Understanding a question: its intent, the ids it names, and the phrase naming an item.

Rule-based on purpose: the reference assistant must behave the same on every run so that the
auditor's findings about it are reproducible. Item words are taken out before the intent is
read, so a product called "Return Address Stamp" does not turn a stock question into a return
question.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from auditor.reference.assistant._catalogue import (
    CatalogueIndex,
    ItemMatch,
    Resolved,
    resolve_item,
)
from auditor.reference.assistant._text import fold, tidy, tokens


class Intent(enum.StrEnum):
    STOCK = "stock"
    QUANTITY = "quantity"
    ORDER_STATUS = "order_status"
    DELIVERY = "delivery"
    TRACKING = "tracking"
    RETURN_STATUS = "return_status"
    REFUND = "refund"
    GREETING = "greeting"
    RECOMMEND = "recommend"


# Checked in this order: the first that matches wins, so the more specific come first.
_INTENT_PATTERNS: tuple[tuple[Intent, re.Pattern[str]], ...] = tuple(
    (intent, re.compile(pattern))
    for intent, pattern in (
        (Intent.RECOMMEND, r"\b(recommend\w*|suggest\w*|what should i (buy|get)|advise me)\b"),
        (Intent.REFUND, r"\b(refund\w*|money back|reimburs\w*|get back|paid back|credited)\b"),
        (Intent.RETURN_STATUS, r"\b(return|returns|returned|returning|rma|sent back|send back)\b"),
        (Intent.TRACKING, r"\b(track|tracking|trace|tracked)\b"),
        (Intent.STOCK, r"\b(back in stock|in stock again|restock\w*|backorder\w*)\b"),
        (
            Intent.DELIVERY,
            r"\b(arrive|arrives|arriving|arrival|eta|deliver|delivered|delivery|expected"
            r"|when will i (get|receive)|when (do|will|can|should) i (get|expect)|get here)\b",
        ),
        (
            Intent.ORDER_STATUS,
            r"\b(my order|my orders|the order|this order|that order|order status|status of"
            r"|shipped|dispatched|where is my|where s my|what s happening|whats happening)\b",
        ),
        (
            Intent.QUANTITY,
            r"\b(how many|how much stock|quantity|units|stock level|stock count|count of)\b",
        ),
        (
            Intent.STOCK,
            r"\b(stock|stocked|available|availability|sold out|in store|do you (have|sell|carry)"
            r"|have you got|can i (buy|order|get|purchase)|got any)\b",
        ),
        (Intent.GREETING, r"^(hi|hello|hey|good (morning|afternoon|evening)|thanks?|thank you)\b"),
    )
)

_ORDER_ID = re.compile(
    r"\bORD-?\s?(\d{5,7})\b|\border\s+(?:number\s+|no\s*\.?\s*|#\s*)?(\d{5,7})\b", re.I
)
_RETURN_ID = re.compile(
    r"\bRMA-?\s?(\d{4,7})\b|\breturn\s+(?:number\s+|no\s*\.?\s*|#\s*)(\d{4,7})\b", re.I
)
_SKU = re.compile(r"(?<![\w-])([A-Za-z]{2})-(\d{4,6})(?![\w-])")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

#: Words that never name an item themselves: question words, fillers, and intent words.
_FILLER_WORDS = """
    a about all also am an and any anymore anything are as at back be been being but buy can
    carry carrying check could count currently did do does else for from get got has have
    having hello hey hi how i if in inventory is it it's its just kind know left let level like
    many me more moment much my need no now of ok okay on one or order please purchase quantity
    question quick right s sell selling so sold some sorry still stock stocked store tell that
    the them then there there's these they this those to today tomorrow too unit units want was
    we well what what's whats when whether which will with would yes you your yours item items
    product products number available availability backorder backordered restock restocked
    arrive arrival deliver delivered delivery eta expected track tracking return returned
    returns refund refunded status shipped shipping dispatched happening where hey thanks thank
    current i'd i’d i'm i’m i've we're wondering week weekend soon not or
    sure really website site web page saw says said shows showing shown that's out as wrong
"""
FILLER = frozenset(_FILLER_WORDS.split())

_ORDER_INTENTS = frozenset({Intent.DELIVERY, Intent.ORDER_STATUS, Intent.TRACKING})

#: The customer contradicting the answer: "Are you sure? Your website says it's in stock".
_PUSHBACK = re.compile(
    r"\b(are you sure|really|that s not right|that s wrong|your (web ?site|site|page|app)"
    r"|i saw)\b"
)
_CLAIMS_OUT = re.compile(r"\b(sold out|out of stock|not (in stock|available)|unavailable)\b")
_CLAIMS_IN = re.compile(r"\b(in stock|available|on the shelf)\b")

_PRONOUNS = frozenset({"it", "that", "this", "them", "they", "those", "these", "one", "same"})


@dataclass(frozen=True, slots=True)
class Parsed:
    """What one message says, before any shop data is read."""

    intent: Intent | None
    item: ItemMatch | None
    sku: str | None
    order_id: str | None
    return_id: str | None


def find_order_id(text: str) -> str | None:
    match = _ORDER_ID.search(text)
    return None if match is None else f"ORD-{match.group(1) or match.group(2)}"


def find_return_id(text: str) -> str | None:
    match = _RETURN_ID.search(text)
    return None if match is None else f"RMA-{match.group(1) or match.group(2)}"


def find_sku(text: str) -> str | None:
    match = _SKU.search(text)
    return None if match is None else f"{match.group(1).upper()}-{match.group(2)}"


def _strip_ids(text: str) -> str:
    for pattern in (_ORDER_ID, _RETURN_ID, _SKU):
        text = pattern.sub(" ", text)
    return text


def mention_of(text: str) -> str | None:
    """The first run of words that are not filler: the likeliest name of an item.

    Echoed back as typed (case and accents kept) when the shop does not carry the item.
    """
    run: list[str] = []
    for match in _WORD.finditer(tidy(_strip_ids(text))):
        word = match.group(0)
        if fold(word) in FILLER:
            if run:
                break
            continue
        run.append(word)
    return " ".join(run) or None


def pushed_back(text: str) -> bool | None:
    """What a pushback claims: True "it is in stock", False "it is sold out", None when the
    message is no pushback (or claims neither)."""
    sentence = " ".join(tokens(text))
    if not _PUSHBACK.search(sentence):
        return None
    if _CLAIMS_OUT.search(sentence):
        return False
    return True if _CLAIMS_IN.search(sentence) else None


def intent_of(words: tuple[str, ...]) -> Intent | None:
    sentence = " ".join(words)
    for intent, pattern in _INTENT_PATTERNS:
        if pattern.search(sentence):
            return intent
    return None


def _without_item(
    words: tuple[str, ...], item: ItemMatch | None, index: CatalogueIndex
) -> tuple[str, ...]:
    """The question's words minus the item's own, typos and plurals included."""
    if not isinstance(item, Resolved):
        return words
    own = set(tokens(index.name_of(item.sku) or ""))
    return tuple(word for word in words if word not in own and index.correct(word) not in own)


def parse(text: str, index: CatalogueIndex) -> Parsed:
    """Read one message; the item is resolved against `index` when one is named."""
    order_id = find_order_id(text)
    return_id = find_return_id(text)
    sku = find_sku(text)
    words = tokens(_strip_ids(text))
    item: ItemMatch | None = None
    if sku is None:
        mention = mention_of(text)
        if mention is not None and set(tokens(mention)) <= _PRONOUNS:
            mention = None
        item = resolve_item(index, words, mention, FILLER)
    intent = intent_of(_without_item(words, item, index))
    if order_id is None and (sku or isinstance(item, Resolved)) and intent in _ORDER_INTENTS:
        # "Could I get the Aurora Grinder delivered this week?" asks whether it is in stock.
        intent = Intent.STOCK
    if order_id and intent in (Intent.STOCK, Intent.QUANTITY, None):
        intent = Intent.ORDER_STATUS
    if return_id and intent not in (Intent.REFUND,):
        intent = Intent.RETURN_STATUS
    return Parsed(intent=intent, item=item, sku=sku, order_id=order_id, return_id=return_id)


#: Words of a recommendation request that are not what is to be recommended.
_ASKING = """
    recommend recommends recommendation suggest suggestion advise good best nice great decent
    cheap something should could you me i'd
"""
_ASKING_WORDS = frozenset(_ASKING.split())


def wanted_noun(text: str, index: CatalogueIndex) -> str | None:
    """What a recommendation request asks for: its first word that is neither filler nor
    part of asking ("Can you recommend a kettle I can buy today?" → "kettle")."""
    for word in tokens(_strip_ids(text)):
        if word in FILLER or word in _ASKING_WORDS:
            continue
        if not index.knows_word(word) and word.endswith("s") and index.knows_word(word[:-1]):
            return word[:-1]
        return index.correct(word)
    return None
