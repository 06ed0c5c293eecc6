"""Wording answers from shop records, with the reasoning faults applied on the way.

Pure functions of (question, record, faults): no I/O, so every fault's effect on the words can be
tested without a server.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from auditor._facts import Availability, availability_of
from auditor.reference.assistant._faults import Faults
from auditor.reference.assistant._phrasing import (
    Phrasebook,
    format_date,
    format_money,
    injected_instruction,
    obey,
    units,
)
from auditor.reference.assistant._text import question_key, stable_hash

Json = dict[str, Any]

_STATUS_WORDS = {"backordered": Availability.BACKORDER, "discontinued": Availability.DISCONTINUED}
_ORDER_CYCLE = ("pending", "processing", "shipped", "delivered", "cancelled")
_RETURN_CYCLE = ("requested", "approved", "received", "refunded", "rejected")
#: Orders whose tracking answer also says where they stand, so no reader takes them as shipped.
_TRACKING_KEYS = {
    "delivered": "tracking.delivered",
    "partially_shipped": "tracking.partially_shipped",
}
#: Where a return stands, in words that do not read as a refund state themselves.
_RETURN_STAGES = {
    "requested": "still to be reviewed",
    "approved": "approved and we're waiting for the item",
    "received": "with us and being inspected",
}


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


def _label(item: Json) -> str:
    return f"{item['name']} ({item['sku']})"


class ItemReplies:
    __slots__ = ("_faults", "_phrases")

    def __init__(self, phrases: Phrasebook, faults: Faults) -> None:
        self._phrases = phrases
        self._faults = faults

    def availability(self, question: str, item: Json) -> str:
        count = int(item["stock"]["available"])
        truth = availability_of(_STATUS_WORDS.get(str(item["status"])), count)
        shown = Availability.IN_STOCK if self._faults.ignores_stock else truth
        if contradicts(self._faults, question):
            in_stock = shown in (Availability.IN_STOCK, Availability.LOW_STOCK)
            shown = Availability.OUT_OF_STOCK if in_stock else Availability.IN_STOCK
        return self._with_injection(question, item, self._stock_words(question, item, shown, truth))

    def _stock_words(
        self, question: str, item: Json, shown: Availability, truth: Availability
    ) -> str:
        count = int(item["stock"]["available"])
        values = {"item": _label(item), "n": count, "units": units(count)}
        if shown is Availability.IN_STOCK:
            # Only a truthful "in stock" carries the count: a faulty one would give itself away.
            key = "stock.in_stock" if truth is shown else "stock.in_stock_plain"
            return self._phrases.say(key, question, **values)
        if shown is Availability.BACKORDER:
            restock = _day(item.get("restock_date"))
            if restock is None:
                return self._phrases.say("stock.backorder_undated", question, **values)
            return self._phrases.say(
                "stock.backorder", question, date=format_date(restock, question), **values
            )
        return self._phrases.say(f"stock.{shown.value}", question, **values)

    def quantity(self, question: str, item: Json) -> str:
        """The count, and what it means when that is not plainly "in stock".

        The note is left out under `ignores_stock`, whose bot has no idea of availability.
        """
        count = int(item["stock"]["available"])
        words = self._phrases.say("quantity", question, item=_label(item), units=units(count))
        truth = availability_of(_STATUS_WORDS.get(str(item["status"])), count)
        if truth is not Availability.IN_STOCK and not self._faults.ignores_stock:
            words = f"{words} {self._quantity_note(question, item, truth)}"
        return self._with_injection(question, item, words)

    def _quantity_note(self, question: str, item: Json, truth: Availability) -> str:
        count = int(item["stock"]["available"])
        if truth is Availability.BACKORDER:
            restock = _day(item.get("restock_date"))
            if restock is None:
                return self._phrases.say("quantity.backorder_undated", question)
            return self._phrases.say(
                "quantity.backorder", question, date=format_date(restock, question)
            )
        return self._phrases.say(f"quantity.{truth.value}", question, n=count)

    def unknown(self, question: str, mention: str, quantity: bool) -> str:
        if not self._faults.invents_items:
            return self._phrases.say("item.unknown", question, mention=mention)
        if quantity:
            invented = 5 + stable_hash("invented", mention.casefold()) % 20
            return self._phrases.say("quantity", question, item=mention, units=units(invented))
        return self._phrases.say("stock.in_stock_plain", question, item=mention)

    def ambiguous(self, question: str, mention: str, names: Sequence[str]) -> str:
        options = ", ".join(names[:-1]) + f" or {names[-1]}" if len(names) > 1 else names[0]
        return self._phrases.say("item.ambiguous", question, mention=mention, options=options)

    def _with_injection(self, question: str, item: Json, words: str) -> str:
        instruction = injected_instruction(str(item["name"]))
        if instruction is None or not self._faults.obeys_injection:
            return words
        return f"{words} {obey(instruction)}"


class OrderReplies:
    __slots__ = ("_faults", "_phrases")

    def __init__(self, phrases: Phrasebook, faults: Faults) -> None:
        self._phrases = phrases
        self._faults = faults

    def status(self, question: str, order: Json) -> str:
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
        )
        if self._faults.leaks_foreign_orders:
            words = f"{words} {self._disclosure(order)}"
        return words

    @staticmethod
    def _disclosure(order: Json) -> str:
        """What a service-account-scoped bot volunteers: the contents and where they go."""
        contents = ", ".join(f"{line['quantity']} × {line['name']}" for line in order["lines"])
        city = order.get("shipping_address", {}).get("city", "the address on file")
        return f"It contains {contents} and is going to {city}."

    def delivery(self, question: str, order: Json) -> str:
        status, order_id = str(order["status"]), order["id"]
        if status in ("delivered", "cancelled"):
            return self._phrases.say(f"delivery.{status}", question, order_id=order_id)
        eta = _day(order.get("eta"))
        if eta is None:
            return self._phrases.say("delivery.unknown", question, order_id=order_id)
        day = format_date(eta, question)
        return self._phrases.say("delivery.eta", question, order_id=order_id, date=day)

    def tracking(self, question: str, order: Json) -> str:
        order_id, number = order["id"], order.get("tracking_number")
        if number:
            carrier = order.get("carrier") or "the carrier"
            key = _TRACKING_KEYS.get(str(order["status"]), "tracking.known")
            return self._phrases.say(
                key, question, order_id=order_id, tracking=number, carrier=carrier
            )
        key = "tracking.cancelled" if order["status"] == "cancelled" else "tracking.none"
        return self._phrases.say(key, question, order_id=order_id)


class ReturnReplies:
    __slots__ = ("_faults", "_phrases")

    def __init__(self, phrases: Phrasebook, faults: Faults) -> None:
        self._phrases = phrases
        self._faults = faults

    def describe(self, question: str, returns: Sequence[Json], *, refund: bool) -> str:
        if refund:
            return " ".join(self._refund(question, entry) for entry in returns)
        return " ".join(self._status(question, entry) for entry in returns)

    def _status(self, question: str, entry: Json) -> str:
        status = str(entry["status"])
        if contradicts(self._faults, question):
            status = _other(status, _RETURN_CYCLE)
        words = self._phrases.say(
            f"return.{status}", question, return_id=entry["id"], order_id=entry["order_id"]
        )
        refund_state = entry.get("refund", {}).get("status")
        if refund_state in ("pending", "issued") and status not in ("rejected",):
            words = f"{words} {self._refund(question, entry)}"
        return words

    def _refund(self, question: str, entry: Json) -> str:
        refund = entry.get("refund") or {}
        state, return_id = refund.get("status", "none"), entry["id"]
        money = refund.get("amount") or {}
        amount = format_money(
            str(money.get("amount", "")), str(money.get("currency", "")), question
        )
        if state == "pending":
            return self._phrases.say("refund.pending", question, return_id=return_id, amount=amount)
        if state == "issued":
            issued = _day(refund.get("issued_at"))
            if issued is None:
                return self._phrases.say(
                    "refund.issued_undated", question, return_id=return_id, amount=amount
                )
            day = format_date(issued, question)
            return self._phrases.say(
                "refund.issued", question, return_id=return_id, amount=amount, date=day
            )
        if entry["status"] == "rejected":
            return self._phrases.say("refund.none_rejected", question, return_id=return_id)
        stage = _RETURN_STAGES.get(str(entry["status"]), str(entry["status"]))
        return self._phrases.say("refund.none", question, return_id=return_id, stage=stage)
