"""From a question to an answer: understand it, read the shop, word the reply.

Stock questions read the item fresh every time (the name index is only for finding it); order and
return questions are read on behalf of the customer asking, and never answered for someone who
has not said who they are. The faults that concern reasoning (ignoring stock, inventing items,
contradicting itself, obeying injected instructions) are applied here, each in one place.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace

from auditor.reference.assistant._catalogue import Ambiguous, CatalogueIndex, Resolved, Unknown
from auditor.reference.assistant._catalogue_loader import Catalogue
from auditor.reference.assistant._faults import Faults
from auditor.reference.assistant._nlu import Intent, Parsed, parse, pushed_back, wanted_noun
from auditor.reference.assistant._phrasing import Phrasebook
from auditor.reference.assistant._replies import (
    ItemReplies,
    OrderReplies,
    ReturnReplies,
    utc_today,
)
from auditor.reference.assistant._shop_client import Json, ShopClient, ShopUnavailable
from auditor.reference.assistant._text import tokens


@dataclass(frozen=True, slots=True)
class Memory:
    """What a conversation has been about so far, for follow-ups like "and is it in stock?"."""

    item: str | None = None
    order_id: str | None = None
    return_id: str | None = None
    intent: Intent | None = None


@dataclass(frozen=True, slots=True)
class Answer:
    text: str
    memory: Memory


@dataclass(frozen=True, slots=True)
class Turn:
    """One question in its context: who asks, what it says, what came before."""

    text: str
    customer: str | None
    parsed: Parsed
    memory: Memory
    index: CatalogueIndex


_Handler = Callable[[Turn], Awaitable[Answer]]
_ITEM_INTENTS = (Intent.STOCK, Intent.QUANTITY, None)
_ORDER_INTENTS = (Intent.ORDER_STATUS, Intent.DELIVERY, Intent.TRACKING)
_RETURN_INTENTS = (Intent.RETURN_STATUS, Intent.REFUND)


class Brain:
    """Answers questions about one shop, with the given faults."""

    __slots__ = (
        "_catalogue",
        "_client",
        "_faults",
        "_framed",
        "_handlers",
        "_items",
        "_orders",
        "_phrases",
        "_returns",
    )

    def __init__(
        self,
        client: ShopClient,
        catalogue: Catalogue,
        faults: Faults,
        phrases: Phrasebook,
        *,
        items: ItemReplies | None = None,
        orders: OrderReplies | None = None,
        returns: ReturnReplies | None = None,
        framed: bool = True,
    ) -> None:
        """`items`, `orders` and `returns` replace the templated replies (the `llm` brain's
        replies hand records to a model instead of words to the customer). `framed` False
        leaves answers without the voice's greeting and closing (the `llm` brain's drafts)."""
        self._framed = framed
        self._faults = faults
        self._client = client
        self._catalogue = catalogue
        self._phrases = phrases
        self._items = items or ItemReplies(phrases, faults)
        self._orders = orders or OrderReplies(phrases, faults, today=utc_today)
        self._returns = returns or ReturnReplies(phrases, faults)
        self._handlers: dict[Intent, _Handler] = {
            Intent.STOCK: self._item_question,
            Intent.QUANTITY: self._item_question,
            Intent.ORDER_STATUS: self._order_question,
            Intent.DELIVERY: self._order_question,
            Intent.TRACKING: self._order_question,
            Intent.RETURN_STATUS: self._return_question,
            Intent.REFUND: self._return_question,
            Intent.GREETING: self._greeting,
            Intent.RECOMMEND: self._recommend,
        }

    async def answer(self, text: str, customer: str | None, memory: Memory) -> Answer:
        answer = await self._answer(text, customer, memory)
        if not self._framed:
            return answer
        return Answer(self._phrases.voice.frame(answer.text, text), answer.memory)

    async def _answer(self, text: str, customer: str | None, memory: Memory) -> Answer:
        try:
            index = await self._catalogue.index()
            parsed = await self._parse(text, index)
            intent = _intent(parsed, memory)
            memory = _remember(memory, parsed, intent)
            if intent is None:
                return Answer(self._phrases.say("deflect", text), memory)
            turn = Turn(text, customer, parsed, memory, index)
            return await self._handlers[intent](turn)
        except ShopUnavailable:
            return Answer(self._phrases.say("shop_down", text), memory)

    async def recall(self, texts: Sequence[str]) -> Memory:
        """The memory a conversation's earlier user messages leave behind.

        Only the catalogue's names are consulted: nothing about the earlier subjects is re-read.
        """
        memory = Memory()
        if not texts:
            return memory
        try:
            index = await self._catalogue.index()
        except ShopUnavailable:
            return memory  # the question itself will get the apology
        for text in texts:
            parsed = parse(text, index)
            memory = _remember(memory, parsed, _intent(parsed, memory))
        return memory

    async def _parse(self, text: str, index: CatalogueIndex) -> Parsed:
        parsed = parse(text, index)
        if isinstance(parsed.item, Unknown) and parsed.intent in _ITEM_INTENTS:
            # The name may be newer than the index: ask the shop's search before saying no.
            grown = await self._catalogue.find(parsed.item.mention)
            if grown is not None:
                parsed = parse(text, grown)
        return parsed

    async def _greeting(self, turn: Turn) -> Answer:
        return Answer(self._phrases.say("greeting", turn.text), turn.memory)

    async def _item_question(self, turn: Turn) -> Answer:
        parsed, memory = turn.parsed, turn.memory
        quantity = memory.intent is Intent.QUANTITY
        if isinstance(parsed.item, Ambiguous):
            names = [f"{turn.index.name_of(sku)} ({sku})" for sku in parsed.item.skus]
            return Answer(self._items.ambiguous(turn.text, parsed.item.mention, names), memory)
        if isinstance(parsed.item, Unknown):
            return Answer(self._items.unknown(turn.text, parsed.item.mention, quantity), memory)
        sku = parsed.sku or (parsed.item.sku if isinstance(parsed.item, Resolved) else None)
        sku = sku or memory.item
        if sku is None:
            return Answer(self._phrases.say("item.missing", turn.text), memory)
        memory = replace(memory, item=sku)
        claimed = pushed_back(turn.text) if self._faults.caves_on_pushback else None
        if self._faults.wrong_item and not quantity:
            sku = turn.index.lookalike(sku) or sku
        item = await self._client.item(sku)
        if item is None:
            return Answer(self._items.unknown(turn.text, sku, quantity), memory)
        if quantity:
            return Answer(self._items.quantity(turn.text, item), memory)
        if claimed is not None:
            return Answer(self._items.agree(turn.text, item, in_stock=claimed), memory)
        return Answer(self._items.availability(turn.text, item), memory)

    async def _recommend(self, turn: Turn) -> Answer:
        noun = wanted_noun(turn.text, turn.index)
        if noun is None:
            return Answer(self._phrases.say("item.missing", turn.text), turn.memory)
        found = await self._client.items_named(noun)
        items = [i for i in found if noun in tokens(str(i["name"]))]
        return Answer(self._items.recommend(turn.text, noun, items), turn.memory)

    async def _order_question(self, turn: Turn) -> Answer:
        order_id = turn.memory.order_id
        if turn.customer is None:
            return Answer(self._phrases.say("sign_in", turn.text), turn.memory)
        if order_id is None:
            return Answer(self._phrases.say("order.missing", turn.text), turn.memory)
        order = await self._client.order(order_id, turn.customer)
        if order is None and self._faults.leaks_in_words:
            other = await self._client.order_as_staff(order_id)
            if other is not None:
                return Answer(self._orders.described(turn.text, other), turn.memory)
        if order is None:
            refusal = self._phrases.say("order.not_found", turn.text, order_id=order_id)
            return Answer(refusal, turn.memory)
        intent = turn.memory.intent
        if intent is Intent.DELIVERY:
            return Answer(self._orders.delivery(turn.text, order), turn.memory)
        if intent is Intent.TRACKING:
            return Answer(self._orders.tracking(turn.text, order), turn.memory)
        return Answer(self._orders.status(turn.text, order), turn.memory)

    async def _return_question(self, turn: Turn) -> Answer:
        memory = turn.memory
        if turn.customer is None:
            return Answer(self._phrases.say("sign_in", turn.text), memory)
        returns = await self._returns_asked_about(turn)
        if isinstance(returns, str):
            return Answer(returns, memory)
        if len(returns) == 1:
            memory = replace(memory, return_id=str(returns[0]["id"]))
        refund = memory.intent is Intent.REFUND
        return Answer(self._returns.describe(turn.text, returns, refund=refund), memory)

    async def _returns_asked_about(self, turn: Turn) -> list[Json] | str:
        """The returns a question is about, or the reply to give when there are none."""
        customer, memory, text = turn.customer or "", turn.memory, turn.text
        if memory.return_id is not None:
            found = await self._client.return_(memory.return_id, customer)
            if found is None:
                return self._phrases.say("return.not_found", text, return_id=memory.return_id)
            return [found]
        if memory.order_id is None:
            return self._phrases.say("return.missing", text)
        if await self._client.order(memory.order_id, customer) is None:
            return self._phrases.say("order.not_found", text, order_id=memory.order_id)
        returns = await self._client.returns_for_order(memory.order_id, customer)
        if not returns:
            return self._phrases.say("return.none_for_order", text, order_id=memory.order_id)
        return returns


def _intent(parsed: Parsed, memory: Memory) -> Intent | None:
    """The question's intent, or the previous one when a follow-up only names a new subject."""
    if parsed.intent is not None:
        return parsed.intent
    if parsed.return_id is not None:
        return memory.intent if memory.intent in _RETURN_INTENTS else Intent.RETURN_STATUS
    if parsed.order_id is not None:
        if memory.intent in _ORDER_INTENTS or memory.intent in _RETURN_INTENTS:
            return memory.intent
        return Intent.ORDER_STATUS
    if parsed.sku is not None or isinstance(parsed.item, Resolved | Ambiguous):
        return memory.intent if memory.intent is Intent.QUANTITY else Intent.STOCK
    return None


def _remember(memory: Memory, parsed: Parsed, intent: Intent | None) -> Memory:
    item = parsed.sku or (parsed.item.sku if isinstance(parsed.item, Resolved) else None)
    return_id = parsed.return_id
    if return_id is None and parsed.order_id is None:
        return_id = memory.return_id
    return Memory(
        item=item or memory.item,
        order_id=parsed.order_id or memory.order_id,
        return_id=return_id,
        intent=intent or memory.intent,
    )
