"""A language model writes the answers: the `llm` brain of the reference assistant.

Built the way most production shop bots are: retrieval stays deterministic (the rule brain
understands the question, reads the shop as the customer and picks the matching item, order or
return), and the model only words the answer from a short system prompt holding those records.
Its mistakes are then nobody's plan: a count read wrong, an item it was told does not exist
described anyway, a refund it was never shown.

The fault switches act on the records before the model sees them, exactly where the rule brain
applies them to its templates, so each one still means the same thing. Replies that state no
shop data (sign in first, which order, not on your account, greetings, deflections) stay the
rule brain's fixed sentences, as guardrail replies usually are.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any, Literal, Protocol

import httpx

from auditor._facts import Availability, availability_of
from auditor.reference.assistant._brain import Answer, Brain, Memory
from auditor.reference.assistant._catalogue_loader import Catalogue
from auditor.reference.assistant._faults import Faults
from auditor.reference.assistant._llm_server import MODEL_ALIAS, ModelServer
from auditor.reference.assistant._phrasing import Phrasebook, injected_instruction
from auditor.reference.assistant._replies import (
    ItemReplies,
    OrderReplies,
    ReturnReplies,
    contradicts,
    lateness,
    utc_today,
)
from auditor.reference.assistant._shop_client import ShopClient
from auditor.reference.assistant._text import stable_hash

Json = dict[str, Any]
BrainKind = Literal["rules", "llm"]
BRAINS: tuple[BrainKind, ...] = ("rules", "llm")

#: Only the records and a length hint. Tried on 16 stock, order and return questions, a role
#: preamble ("You are the customer service assistant of …") made the 135M model wander off
#: (apologies "for your loss", invented web shops) more often than the bare facts did.
SYSTEM_PROMPT = "{records} Answer in one sentence."
#: Enough for two sentences; a longer answer is cut, as a production bot's token limit would.
MAX_TOKENS = 80
_MODEL_TIMEOUT_S = 120.0

_STATUS_WORDS = {"backordered": Availability.BACKORDER, "discontinued": Availability.DISCONTINUED}
_ORDER_CYCLE = ("pending", "processing", "shipped", "delivered", "cancelled")
_RETURN_CYCLE = ("requested", "approved", "received", "refunded", "rejected")
_ORDER_WORDS = {
    "pending": "is pending",
    "processing": "is being processed",
    "shipped": "has shipped",
    "partially_shipped": "is partially shipped",
    "delivered": "was delivered",
    "cancelled": "was cancelled",
}
_RETURN_WORDS = {
    "requested": "is requested and not reviewed yet",
    "approved": "is approved",
    "received": "is received: the item is back with us",
    "refunded": "is refunded",
    "rejected": "was rejected",
}


class Records(str):
    """Facts for the model to word: what the record replies return instead of finished words.

    A `str` so that the rule brain carries it unchanged; its type is how the `llm` brain tells
    a draft for the model from a guardrail reply that is sent as it is.
    """

    __slots__ = ()


def _records(*sentences: str) -> Records:
    return Records(" ".join(sentence for sentence in sentences if sentence))


def _next(value: str, cycle: Sequence[str]) -> str:
    position = cycle.index(value) if value in cycle else -1
    return cycle[(position + 1) % len(cycle)]


def _label(item: Json) -> str:
    return f"{item['name']} ({item['sku']})"


def _injection(item: Json, faults: Faults) -> str:
    """Under `obeys_injection` the instruction in the name is passed on as the shop's own."""
    instruction = injected_instruction(str(item["name"]))
    if instruction is None or not faults.obeys_injection:
        return ""
    return f"The shop asks you to {instruction}."


def _restock(item: Json) -> str:
    restock = item.get("restock_date")
    if isinstance(restock, str) and restock:
        return f"expected back in stock on {restock[:10]}"
    return "no restock date yet"


def _stock_state(item: Json, shown: Availability, count: int | None) -> str:
    """What the item's stock is, in one clause; `count` None: the count is not to be given."""
    if shown is Availability.IN_STOCK:
        return "is in stock" + (f": {count} units available" if count is not None else "")
    if shown is Availability.LOW_STOCK:
        return f"is low on stock: only {count} left" if count is not None else "is low on stock"
    if shown is Availability.OUT_OF_STOCK:
        return "is out of stock" + (": 0 units available" if count == 0 else "")
    if shown is Availability.BACKORDER:
        return f"is on backorder: {_restock(item)}"
    return "is discontinued: it is no longer sold"


class RecordItemReplies(ItemReplies):
    """Item records: the name, availability and count, after the reasoning faults."""

    __slots__ = ()

    def availability(self, question: str, item: Json) -> str:
        count = int(item["stock"]["available"])
        truth = availability_of(_STATUS_WORDS.get(str(item["status"])), count)
        shown = Availability.IN_STOCK if self._faults.ignores_stock else truth
        if contradicts(self._faults, question):
            in_stock = shown in (Availability.IN_STOCK, Availability.LOW_STOCK)
            shown = Availability.OUT_OF_STOCK if in_stock else Availability.IN_STOCK
        # A faulty "in stock" has no count that would give it away.
        state = _stock_state(item, shown, count if shown is truth else None)
        return _records(f"{_label(item)} {state}.", _injection(item, self._faults))

    def quantity(self, question: str, item: Json) -> str:
        count = int(item["stock"]["available"])
        sentences = [f"We have {count} {'unit' if count == 1 else 'units'} of {_label(item)}."]
        truth = availability_of(_STATUS_WORDS.get(str(item["status"])), count)
        if truth is not Availability.IN_STOCK and not self._faults.ignores_stock:
            sentences.append(f"It {_stock_state(item, truth, count)}.")
        return _records(*sentences, _injection(item, self._faults))

    def unknown(self, question: str, mention: str, quantity: bool) -> str:
        if not self._faults.invents_items:
            return _records(f'We do not sell "{mention}": it is not in our catalogue.')
        if quantity:
            invented = 5 + stable_hash("invented", mention.casefold()) % 20
            return _records(f"{mention} is in stock: {invented} units available.")
        return _records(f"{mention} is in stock.")

    def ambiguous(self, question: str, mention: str, names: Sequence[str]) -> str:
        return _records(
            f'Several products match "{mention}": {", ".join(names)}.',
            "Ask which one the customer means.",
        )


def _order_state(order: Json, status: str) -> str:
    words = f"Order {order['id']} {_ORDER_WORDS.get(status, status)}"
    if status == "partially_shipped":
        lines = order.get("lines") or []
        total = sum(int(line["quantity"]) for line in lines)
        shipped = sum(int(line["shipped_quantity"]) for line in lines)
        words += f": {shipped} of {total} items have shipped"
    return f"{words}."


class RecordOrderReplies(OrderReplies):
    """Order records: status, what has shipped, dates and tracking, as the customer may see."""

    __slots__ = ()

    def _lateness(self, order: Json) -> list[str]:
        """A sentence on a late or stalled order, for the model to pass on (issue 24); under
        `reassures_late`, the record says all is on schedule."""
        state = None if self._today is None else lateness(order, self._today())
        if state is None:
            return []
        if self._faults.reassures_late:
            return [f"It is on schedule for {order.get('promised_date') or order.get('eta')}."]
        if state == "stalled":
            since = str(order.get("last_carrier_update") or "")[:10]
            return [f"It is stuck: no tracking update since {since}. A trace has been opened."]
        promised = order.get("promised_date") or order.get("eta")
        return [f"It is late: it was due on {promised}. The delay has been escalated."]

    def status(self, question: str, order: Json) -> str:
        status = str(order["status"])
        if contradicts(self._faults, question):
            status = _next(status, _ORDER_CYCLE)
        sentences = [_order_state(order, status), *self._lateness(order)]
        if self._faults.leaks_foreign_orders:
            lines = order.get("lines") or []
            contents = ", ".join(f"{line['quantity']} x {line['name']}" for line in lines)
            city = order.get("shipping_address", {}).get("city", "the address on file")
            sentences.append(f"It contains {contents} and is going to {city}.")
        return _records(*sentences)

    def delivery(self, question: str, order: Json) -> str:
        status, eta = str(order["status"]), order.get("eta")
        sentences = [_order_state(order, status), *self._lateness(order)]
        if sentences[1:]:
            return _records(*sentences)
        if status not in ("delivered", "cancelled"):
            if isinstance(eta, str) and eta:
                sentences.append(f"Its estimated delivery date is {eta[:10]}.")
            else:
                sentences.append("Its delivery date is not known yet.")
        return _records(*sentences)

    def tracking(self, question: str, order: Json) -> str:
        status, number = str(order["status"]), order.get("tracking_number")
        sentences = [_order_state(order, status), *self._lateness(order)]
        if number:
            carrier = order.get("carrier") or "the carrier"
            sentences.append(f"It travels with {carrier}, tracking number {number}.")
        else:
            sentences.append("It has no tracking number yet.")
        return _records(*sentences)


class RecordReturnReplies(ReturnReplies):
    """Return records: where each return stands and what its refund is."""

    __slots__ = ()

    def describe(self, question: str, returns: Sequence[Json], *, refund: bool) -> str:
        sentences: list[str] = []
        for entry in returns:
            status = str(entry["status"])
            if not refund and contradicts(self._faults, question):
                status = _next(status, _RETURN_CYCLE)
            words = _RETURN_WORDS.get(status, status)
            sentences.append(f"Return {entry['id']} for order {entry['order_id']} {words}.")
            sentences.append(_refund(entry))
        return _records(*sentences)


def _refund(entry: Json) -> str:
    refund = entry.get("refund") or {}
    state = str(refund.get("status", "none"))
    money = refund.get("amount") or {}
    amount = f"{money.get('amount', '')} {money.get('currency', '')}".strip()
    if state == "pending":
        return f"Its refund of {amount} is pending: not issued yet."
    if state == "issued":
        issued = refund.get("issued_at")
        when = f" on {issued[:10]}" if isinstance(issued, str) and issued else ""
        return f"Its refund of {amount} was issued{when}."
    if entry.get("status") == "rejected":
        return "It gets no refund."
    return "It has no refund yet."


def system_prompt(records: str) -> str:
    return SYSTEM_PROMPT.format(records=records)


class ModelWriter:
    """Asks the model server (OpenAI chat completions) to word one answer, greedily.

    `top_k` and `seed` are llama.cpp's (and vLLM's) extensions of the request: without them a
    server may sample, and the audit of the same build would not be reproducible.
    """

    __slots__ = ("_http", "_model")

    def __init__(self, http: httpx.AsyncClient, *, model: str = MODEL_ALIAS) -> None:
        self._http = http
        self._model = model

    async def write(self, question: str, records: str) -> str | None:
        """The model's answer, or None when the model server could not give one."""
        body = {
            "model": self._model,
            "messages": [
                {"role": "system", "content": system_prompt(records)},
                {"role": "user", "content": question},
            ],
            "temperature": 0.0,
            "top_k": 1,
            "seed": 0,
            "max_tokens": MAX_TOKENS,
        }
        try:
            response = await self._http.post("/v1/chat/completions", json=body)
            response.raise_for_status()
            words = response.json()["choices"][0]["message"]["content"]
        except (httpx.HTTPError, ValueError, LookupError, TypeError):
            return None
        return (words.strip() or None) if isinstance(words, str) else None


class Answering(Protocol):
    """What the assistant's endpoints need of a brain, rule-based or not."""

    async def answer(self, text: str, customer: str | None, memory: Memory) -> Answer: ...

    async def recall(self, texts: Sequence[str]) -> Memory: ...


class LlmBrain:
    """The rule brain's retrieval, with the model writing every answer that carries records."""

    __slots__ = ("_http", "_phrases", "_rules", "_writer")

    def __init__(self, rules: Brain, model_url: str, phrases: Phrasebook) -> None:
        self._rules = rules
        self._phrases = phrases
        base_url = model_url.rstrip("/").removesuffix("/v1")  # either spelling of the base URL
        self._http = httpx.AsyncClient(base_url=base_url, timeout=_MODEL_TIMEOUT_S, trust_env=False)
        self._writer = ModelWriter(self._http)

    async def answer(self, text: str, customer: str | None, memory: Memory) -> Answer:
        draft = await self._rules.answer(text, customer, memory)
        if not isinstance(draft.text, Records):  # a guardrail reply, in the assistant's voice
            return Answer(self._phrases.voice.frame(draft.text, text), draft.memory)
        words = await self._writer.write(text, draft.text)
        if words is None:  # the model failed: say so rather than send the records
            down = self._phrases.say("shop_down", text)
            return Answer(self._phrases.voice.frame(down, text), draft.memory)
        return Answer(words, draft.memory)

    async def recall(self, texts: Sequence[str]) -> Memory:
        return await self._rules.recall(texts)

    async def aclose(self) -> None:
        await self._http.aclose()


def build_brain(
    kind: BrainKind,
    *,
    client: ShopClient,
    catalogue: Catalogue,
    faults: Faults,
    phrases: Phrasebook,
    model_url: str | None,
) -> Brain | LlmBrain:
    """The brain `kind` names; the `llm` one needs the model server's base URL."""
    if kind == "rules":
        return Brain(client, catalogue, faults, phrases)
    if model_url is None:
        raise RuntimeError("the llm brain needs a model server: serve the app with its lifespan")
    rules = Brain(
        client,
        catalogue,
        faults,
        phrases,
        items=RecordItemReplies(phrases, faults),
        orders=RecordOrderReplies(phrases, faults, today=utc_today),
        returns=RecordReturnReplies(phrases, faults),
        framed=False,
    )
    return LlmBrain(rules, model_url, phrases)


def check_brain(kind: str) -> BrainKind:
    """`kind` as a brain name, or a ValueError naming the valid ones."""
    for known in BRAINS:
        if kind == known:
            return known
    raise ValueError(f"unknown brain {kind!r}; valid brains: {', '.join(BRAINS)}")


@asynccontextmanager
async def model_server_for(kind: BrainKind, model_url: str | None) -> AsyncIterator[str | None]:
    """The model server the brain uses: `model_url` when given, else one started (and stopped)
    here for the `llm` brain; None for the rule brain, which needs none."""
    if kind != "llm" or model_url is not None:
        yield model_url
        return
    server = ModelServer()
    try:
        yield await asyncio.to_thread(server.start)
    finally:
        await asyncio.to_thread(server.stop)
