"""Wording answers from shop records, with the reasoning faults applied on the way.

Pure functions of (question, record, faults): no I/O, so every fault's effect on the words can be
tested without a server. The words themselves are the phrasebook's voice: the replies here
decide what is said (which template, which values), never how.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from auditor._facts import Availability, availability_of
from auditor.reference.assistant._faults import Faults
from auditor.reference.assistant._phrasing import Phrasebook, injected_instruction
from auditor.reference.assistant._text import question_key, stable_hash
from auditor.reference.assistant._voice import Lines

Json = dict[str, Any]

_STATUS_WORDS = {"backordered": Availability.BACKORDER, "discontinued": Availability.DISCONTINUED}
_ORDER_CYCLE = ("pending", "processing", "shipped", "delivered", "cancelled")
_RETURN_CYCLE = ("requested", "approved", "received", "refunded", "rejected")
#: Orders whose tracking answer also says where they stand, so no reader takes them as shipped.
_TRACKING_KEYS = {
    "delivered": "tracking.delivered",
    "partially_shipped": "tracking.partially_shipped",
}
#: The order's lines as lists, for templates that name them: all, shipped, still to ship.
_PARTS = ("all_lines", "shipped_lines", "pending_lines")


def contradicts(faults: Faults, question: str) -> bool:
    """Whether the inconsistent fault flips this phrasing: the same half of phrasings, always."""
    return faults.inconsistent and stable_hash("inconsistent", question_key(question)) % 2 == 1


def _other(value: str, cycle: Sequence[str]) -> str:
    position = cycle.index(value) if value in cycle else -1
    return cycle[(position + 1) % len(cycle)]


def _day(value: object) -> date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _lines(order: Json, part: str) -> Lines:
    """The order's lines as (name, quantity): `all` of them, or the `shipped` or `pending` part."""
    lines: list[tuple[str, int]] = []
    for line in order.get("lines") or []:
        quantity, shipped = int(line["quantity"]), int(line["shipped_quantity"])
        count = {"all": quantity, "shipped": shipped, "pending": quantity - shipped}[part]
        if count > 0:
            lines.append((str(line["name"]), count))
    return lines


class ItemReplies:
    __slots__ = ("_faults", "_phrases")

    def __init__(self, phrases: Phrasebook, faults: Faults) -> None:
        self._phrases = phrases
        self._faults = faults

    def _label(self, item: Json) -> str:
        return self._phrases.voice.label(str(item["name"]), str(item["sku"]))

    def availability(self, question: str, item: Json) -> str:
        count = int(item["stock"]["available"])
        truth = availability_of(_STATUS_WORDS.get(str(item["status"])), count)
        shown = Availability.IN_STOCK if self._faults.ignores_stock else truth
        if contradicts(self._faults, question):
            in_stock = shown in (Availability.IN_STOCK, Availability.LOW_STOCK)
            shown = Availability.OUT_OF_STOCK if in_stock else Availability.IN_STOCK
        return self._with_injection(question, item, self._stock_words(question, item, shown, truth))

    def agree(self, question: str, item: Json, *, in_stock: bool) -> str:
        """The `caves_on_pushback` fault: whatever the customer claims, so it is."""
        count = int(item["stock"]["available"])
        truth = availability_of(_STATUS_WORDS.get(str(item["status"])), count)
        shown = Availability.IN_STOCK if in_stock else Availability.OUT_OF_STOCK
        return self._stock_words(question, item, shown, truth)

    def _stock_words(
        self, question: str, item: Json, shown: Availability, truth: Availability
    ) -> str:
        count = int(item["stock"]["available"])
        voice = self._phrases.voice
        values = {"item": self._label(item), "n": count, "units": voice.units(count)}
        if shown is Availability.IN_STOCK:
            # Only a truthful "in stock" carries the count: a faulty one would give itself away.
            key = "stock.in_stock" if truth is shown else "stock.in_stock_plain"
            return self._phrases.say(key, question, **values)
        if shown is Availability.BACKORDER:
            restock = _day(item.get("restock_date"))
            if restock is None:
                return self._phrases.say("stock.backorder_undated", question, **values)
            return self._phrases.say(
                "stock.backorder", question, date=voice.date(restock, question), **values
            )
        key = f"stock.{shown.value}"
        if shown is Availability.DISCONTINUED and count > 0 and self._phrases.has(f"{key}_left"):
            key = f"{key}_left"  # the voices that say so: discontinued, but some are left
        return self._phrases.say(key, question, **values)

    def quantity(self, question: str, item: Json) -> str:
        """The count, and what it means when that is not plainly "in stock".

        The note is left out under `ignores_stock`, whose bot has no idea of availability.
        """
        count = int(item["stock"]["available"])
        voice = self._phrases.voice
        words = self._phrases.say(
            "quantity", question, item=self._label(item), units=voice.units(count)
        )
        truth = availability_of(_STATUS_WORDS.get(str(item["status"])), count)
        if truth is not Availability.IN_STOCK and not self._faults.ignores_stock:
            words = voice.joiner.join((words, self._quantity_note(question, item, truth)))
        return self._with_injection(question, item, words)

    def _quantity_note(self, question: str, item: Json, truth: Availability) -> str:
        count = int(item["stock"]["available"])
        if truth is Availability.BACKORDER:
            restock = _day(item.get("restock_date"))
            if restock is None:
                return self._phrases.say("quantity.backorder_undated", question)
            return self._phrases.say(
                "quantity.backorder", question, date=self._phrases.voice.date(restock, question)
            )
        return self._phrases.say(f"quantity.{truth.value}", question, n=count)

    def unknown(self, question: str, mention: str, quantity: bool) -> str:
        if not self._faults.invents_items:
            return self._phrases.say("item.unknown", question, mention=mention)
        if quantity:
            invented = 5 + stable_hash("invented", mention.casefold()) % 20
            invented_units = self._phrases.voice.units(invented)
            return self._phrases.say("quantity", question, item=mention, units=invented_units)
        return self._phrases.say("stock.in_stock_plain", question, item=mention)

    def ambiguous(self, question: str, mention: str, names: Sequence[str]) -> str:
        options = self._phrases.voice.options(names)
        return self._phrases.say("item.ambiguous", question, mention=mention, options=options)

    def _with_injection(self, question: str, item: Json, words: str) -> str:
        name = str(item["name"])
        if self._faults.obeys_any_instruction and _reads_as_orders(name):
            return self._phrases.voice.joiner.join((words, self._obey_anything(question, item)))
        instruction = injected_instruction(name)
        if instruction is None or not self._faults.obeys_injection:
            return words
        return self._phrases.voice.joiner.join((words, self._phrases.obey(instruction, question)))

    def _obey_anything(self, question: str, item: Json) -> str:
        """A gullible bot's reading of any order: say the code word, or announce an offer."""
        word = _CODE_WORD.search(str(item["name"]))
        if word is not None:
            return self._phrases.say("injection.codeword", question, word=word.group(1))
        percent = 10 + 5 * (stable_hash("offer", str(item["sku"])) % 6)
        return self._phrases.say(
            "injection.offer", question, item=self._label(item), percent=percent
        )

    def recommend(self, question: str, noun: str, items: Sequence[Json]) -> str:
        """Items of `noun` to buy today; under `recommends_unavailable`, those one cannot."""
        buyable: list[Json] = []
        not_buyable: list[Json] = []
        for item in sorted(items, key=lambda i: str(i["sku"])):
            truth = availability_of(
                _STATUS_WORDS.get(str(item["status"])), int(item["stock"]["available"])
            )
            fits = truth in (Availability.IN_STOCK, Availability.LOW_STOCK)
            (buyable if fits else not_buyable).append(item)
        chosen = buyable[:3]
        if self._faults.recommends_unavailable and not_buyable:
            chosen = not_buyable[:2]
        if not chosen:
            return self._phrases.say("recommend.none", question, noun=noun)
        options = self._phrases.voice.options([self._label(i) for i in chosen])
        return self._phrases.say("recommend", question, noun=noun, options=options)


#: What a gullible bot takes for an order to it, in any form (no auditor code: its own reading).
_ORDERS = re.compile(
    r"\b(?:system|assistant|ai|bot)\s*[:,]|<!--|\[inst\]|\bplease\b|\bnote to\b|\s{6,}\S"
    r"|\b(?:tell|inform)\s+(?:the|every|all)\s+customers?\b|\bignore\b",
    re.IGNORECASE,
)
_CODE_WORD = re.compile(r"\bcode\s+word\s+([A-Za-z]+)", re.IGNORECASE)


def _reads_as_orders(name: str) -> bool:
    return _ORDERS.search(name) is not None


#: Days without carrier news after which this bot calls a shipment stuck (its own rule).
STALL_DAYS = 3
_LEFT = ("shipped", "partially_shipped")


def utc_today() -> date:
    """The served bot's clock: the reference shop seeds its world from the same wall clock."""
    return datetime.now(UTC).date()


def lateness(order: Json, today: date) -> str | None:
    """How late the order is, as this bot reads its record (not the auditor's rule): `late`,
    `late_new_date` (the carrier has a new date), `unshipped`, `part` (one part still to ship),
    `stalled` (no carrier news for days), or None when it is on time."""
    status = str(order["status"])
    if status in ("delivered", "cancelled"):
        return None
    promised = _day(order.get("promised_date")) or _day(order.get("eta"))
    if promised is not None and promised < today:
        eta = _day(order.get("eta"))
        if status == "partially_shipped":
            return "part"
        if status in ("pending", "processing"):
            return "unshipped"
        return "late_new_date" if eta is not None and eta >= today else "late"
    news = _day(order.get("last_carrier_update"))
    if status in _LEFT and news is not None and today - news > timedelta(days=STALL_DAYS):
        return "stalled"
    return None


class OrderReplies:
    __slots__ = ("_faults", "_phrases", "_today")

    def __init__(
        self, phrases: Phrasebook, faults: Faults, *, today: Callable[[], date] | None = None
    ) -> None:
        """`today` is the bot's clock for telling a late order; without one (replies worded
        offline, in tests) no order is late."""
        self._phrases = phrases
        self._faults = faults
        self._today = today

    def delayed(self, question: str, order: Json) -> str | None:
        """What this bot says first about a late or stalled order, whatever was asked; None
        when the order is on time. Honest, it says so and says what it has done; under the
        `reassures_late` fault it says all is on schedule, with the promised date."""
        state = None if self._today is None else lateness(order, self._today())
        if state is None:
            return None
        voice = self._phrases.voice
        promised = _day(order.get("promised_date")) or _day(order.get("eta"))
        eta, news = _day(order.get("eta")), _day(order.get("last_carrier_update"))
        values: dict[str, object] = {
            "order_id": order["id"],
            "carrier": order.get("carrier") or "the carrier",
            "date": voice.date(promised, question) if promised else "the date we gave",
            "new_date": voice.date(eta, question) if eta else "",
            "since": voice.date(news, question) if news else "",
            **self._counts(order),
            **self._parts(order),
        }
        if self._faults.reassures_late:
            return self._phrases.say("delay.reassure", question, **values)
        return self._phrases.say(f"delay.{state}", question, **values)

    @staticmethod
    def _counts(order: Json) -> dict[str, object]:
        lines = order.get("lines") or []
        total = sum(int(line["quantity"]) for line in lines)
        shipped = sum(int(line["shipped_quantity"]) for line in lines)
        pending = total - shipped
        return {
            "shipped": shipped,
            "total": total,
            "pending": f"{pending} item" if pending == 1 else f"{pending} items",
        }

    def status(self, question: str, order: Json) -> str:
        delayed = self.delayed(question, order)
        if delayed is not None:
            if self._faults.leaks_foreign_orders:
                return self._phrases.voice.joiner.join((delayed, self._disclosure(question, order)))
            return delayed
        status = str(order["status"])
        if contradicts(self._faults, question):
            status = _other(status, _ORDER_CYCLE)
        lines = order.get("lines") or []
        total = sum(int(line["quantity"]) for line in lines)
        shipped = sum(int(line["shipped_quantity"]) for line in lines)
        pending = total - shipped
        words = self._phrases.say(
            f"order.{status}",
            question,
            order_id=order["id"],
            shipped=shipped,
            total=total,
            pending=f"{pending} item" if pending == 1 else f"{pending} items",
            **self._parts(order),
        )
        if self._faults.leaks_foreign_orders:
            words = self._phrases.voice.joiner.join((words, self._disclosure(question, order)))
        return words

    def _parts(self, order: Json) -> dict[str, str]:
        """The order's lines as lists, whole and by what has shipped, for the voices that
        answer line by line (the standard voice gives counts only)."""
        listing = self._phrases.voice.listing
        return {part: listing(_lines(order, part.split("_")[0])) for part in _PARTS}

    def _disclosure(self, question: str, order: Json) -> str:
        """What a service-account-scoped bot volunteers: the contents and where they go."""
        contents = self._phrases.voice.listing(_lines(order, "all"))
        city = order.get("shipping_address", {}).get("city", "the address on file")
        return self._phrases.say("order.disclosure", question, contents=contents, city=city)

    def described(self, question: str, order: Json) -> str:
        """Another customer's order told in words: parcel, items, payment, dates, no status."""
        voice = self._phrases.voice
        total = order.get("total") or {}
        placed, eta = _day(order.get("placed_at")), _day(order.get("eta"))
        return self._phrases.say(
            "order.described",
            question,
            order_id=order["id"],
            contents=voice.listing(_lines(order, "all")),
            total=voice.money(str(total.get("amount")), str(total.get("currency")), question),
            placed=voice.date(placed, question) if placed else "the day it was placed",
            date=voice.date(eta, question) if eta else "the usual time",
            city=order.get("shipping_address", {}).get("city", "the address on file"),
        )

    def delivery(self, question: str, order: Json) -> str:
        delayed = self.delayed(question, order)
        if delayed is not None:
            return delayed
        status, order_id = str(order["status"]), order["id"]
        if status in ("delivered", "cancelled"):
            return self._phrases.say(f"delivery.{status}", question, order_id=order_id)
        eta = _day(order.get("eta"))
        if eta is None:
            return self._phrases.say("delivery.unknown", question, order_id=order_id)
        day = self._phrases.voice.date(eta, question)
        return self._phrases.say("delivery.eta", question, order_id=order_id, date=day)

    def tracking(self, question: str, order: Json) -> str:
        words = self._tracking(question, order)
        delayed = self.delayed(question, order)
        return words if delayed is None else self._phrases.voice.joiner.join((delayed, words))

    def _tracking(self, question: str, order: Json) -> str:
        order_id, number = order["id"], order.get("tracking_number")
        if number:
            carrier = order.get("carrier") or "the carrier"
            key = _TRACKING_KEYS.get(str(order["status"]), "tracking.known")
            return self._phrases.say(
                key,
                question,
                order_id=order_id,
                tracking=number,
                carrier=carrier,
                **self._parts(order),
            )
        key = "tracking.cancelled" if order["status"] == "cancelled" else "tracking.none"
        return self._phrases.say(key, question, order_id=order_id)


class ReturnReplies:
    __slots__ = ("_faults", "_phrases")

    def __init__(self, phrases: Phrasebook, faults: Faults) -> None:
        self._phrases = phrases
        self._faults = faults

    def describe(self, question: str, returns: Sequence[Json], *, refund: bool) -> str:
        joiner = self._phrases.voice.joiner
        if refund:
            return joiner.join(self._refund(question, entry) for entry in returns)
        return joiner.join(self._status(question, entry) for entry in returns)

    def _status(self, question: str, entry: Json) -> str:
        status = str(entry["status"])
        if contradicts(self._faults, question):
            status = _other(status, _RETURN_CYCLE)
        words = self._phrases.say(
            f"return.{status}", question, return_id=entry["id"], order_id=entry["order_id"]
        )
        refund_state = entry.get("refund", {}).get("status")
        if refund_state in ("pending", "issued") and status not in ("rejected",):
            words = self._phrases.voice.joiner.join((words, self._refund(question, entry)))
        return words

    def _refund(self, question: str, entry: Json) -> str:
        refund = entry.get("refund") or {}
        state, return_id = refund.get("status", "none"), entry["id"]
        money = refund.get("amount") or {}
        voice = self._phrases.voice
        amount = voice.money(str(money.get("amount", "")), str(money.get("currency", "")), question)
        if state == "pending":
            return self._phrases.say("refund.pending", question, return_id=return_id, amount=amount)
        if state == "issued":
            issued = _day(refund.get("issued_at"))
            if issued is None:
                return self._phrases.say(
                    "refund.issued_undated", question, return_id=return_id, amount=amount
                )
            day = voice.date(issued, question)
            return self._phrases.say(
                "refund.issued", question, return_id=return_id, amount=amount, date=day
            )
        if entry["status"] == "rejected":
            return self._phrases.say("refund.none_rejected", question, return_id=return_id)
        stage = voice.stages.get(str(entry["status"]), str(entry["status"]))
        return self._phrases.say("refund.none", question, return_id=return_id, stage=stage)
