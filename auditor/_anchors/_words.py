"""What shops call things: the vocabulary `auditor init` guesses a mapping from.

Names are compared after normalising (lower case, letters and digits only), so `qtyOnHand`,
`qty_on_hand` and `qty-on-hand` are one word. Lists are in order of preference.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_SPLIT = re.compile(r"[^A-Za-z0-9]+")


def tokens(text: str) -> list[str]:
    """`getOrderByNumber` -> [get, order, by, number]; `/orders/{id}` -> [orders, id]."""
    return [t.lower() for t in _SPLIT.split(_CAMEL.sub(" ", text)) if t]


def norm(text: str) -> str:
    return "".join(tokens(text))


def singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


#: Words that say which fact kind an operation serves.
KIND_WORDS: Mapping[str, frozenset[str]] = {
    "stock": frozenset(
        {"item", "product", "inventory", "stock", "sku", "catalog", "catalogue", "article"}
    ),
    "orders": frozenset({"order", "purchase", "sale"}),
    "returns": frozenset({"return", "rma", "refund"}),
}

_SKU = ("sku", "productcode", "itemcode", "productid", "itemid", "articlenumber", "partnumber")
_CUSTOMER = (
    "customerid",
    "customerref",
    "customerreference",
    "customernumber",
    "customer",
    "buyerid",
    "accountid",
    "userid",
)

#: Canonical field -> normalised names a shop may give it.
FIELD_NAMES: Mapping[str, Mapping[str, tuple[str, ...]]] = {
    "stock": {
        "sku": (*_SKU, "code", "id"),
        "name": ("name", "displayname", "title", "productname", "itemname"),
        "on_hand": (
            "onhand",
            "totalonhand",
            "countonhand",
            "qtyonhand",
            "quantityonhand",
            "stockonhand",
            "stockavailable",
            "available",
            "qtyavailable",
            "quantityavailable",
            "availablequantity",
            "unitsavailable",
            "stocklevel",
            "instock",
            "stock",
            "quantity",
            "qty",
        ),
        "status": ("status", "stockstatus", "availability", "availabilitystatus", "state"),
        "restock_date": (
            "restockdate",
            "restockon",
            "restockat",
            "nextrestock",
            "expectedrestock",
            "backinstockdate",
            "availablefrom",
            "restock",
        ),
    },
    "orders": {
        "order_id": ("id", "orderid", "ordernumber", "orderno", "number"),
        "customer_id": _CUSTOMER,
        "status": ("status", "orderstatus", "state", "fulfilmentstatus", "fulfillmentstatus"),
        "eta": (
            "eta",
            "estimateddelivery",
            "expecteddelivery",
            "estimateddeliverydate",
            "expecteddeliverydate",
            "deliverydate",
            "estimatedarrival",
        ),
        "tracking_number": (
            "trackingnumber",
            "trackingcode",
            "trackingid",
            "tracking",
            "shipmenttrackingcode",
            "shipmenttrackingnumber",
        ),
        "carrier": ("carrier", "carriername", "shippingcarrier", "courier", "shipmentcarriername"),
        "promised_date": (
            "promiseddate",
            "promiseddeliverydate",
            "promisedby",
            "promisedon",
            "deliverypromise",
            "deliverby",
            "committeddeliverydate",
            "guaranteeddeliverydate",
            "originaleta",
            "originaldeliverydate",
        ),
        "delivered": ("delivered", "isdelivered", "deliveryconfirmed"),
        "delivered_at": (
            "deliveredat",
            "deliveredon",
            "delivereddate",
            "actualdeliverydate",
            "actualdelivery",
            "deliverytimestamp",
        ),
        "last_update": (
            "lastupdate",
            "lastcarrierupdate",
            "lasttrackingupdate",
            "lasttrackingevent",
            "lasttrackingeventat",
            "lastscan",
            "lastscanat",
            "lastscanned",
            "lasteventat",
            "lastcheckpoint",
            "lastcheckpointat",
            "carrierupdatedat",
            "trackingupdatedat",
        ),
        "lines": ("lines", "items", "orderlines", "lineitems", "products", "entries"),
    },
    "lines": {
        "sku": (*_SKU, "code"),
        "name": ("name", "title", "productname", "displayname", "description"),
        "quantity": ("quantity", "qty", "qtyordered", "quantityordered", "ordered", "count"),
        "shipped_quantity": (
            "shippedquantity",
            "quantityshipped",
            "qtyshipped",
            "shipped",
            "fulfilledquantity",
            "qtyfulfilled",
        ),
    },
    "returns": {
        "return_id": ("id", "returnid", "rmanumber", "rmaid", "rma", "returnnumber"),
        "order_id": ("orderid", "ordernumber", "orderref", "order"),
        "customer_id": _CUSTOMER,
        "status": ("status", "returnstatus", "state"),
        "created_at": (
            "createdat",
            "created",
            "openedat",
            "requestedat",
            "filedat",
            "submittedat",
            "createddate",
        ),
        "sku": (*_SKU, "code"),
        "refund_state": ("refundstatus", "refundstate", "creditstate", "creditstatus"),
        "refund_amount": (
            "refundamountamount",
            "refundamount",
            "refundamountvalue",
            "creditamount",
            "amountrefunded",
            "refundtotal",
        ),
    },
}

#: Canonical word -> normalised shop words that mean it.
WORDS: Mapping[str, Mapping[str, tuple[str, ...]]] = {
    "availability": {
        "in_stock": ("instock", "active", "available", "onsale", "sellable"),
        "low_stock": ("lowstock", "low", "limited", "fewleft"),
        "out_of_stock": ("outofstock", "oos", "soldout", "unavailable", "nostock"),
        "backorder": ("backorder", "backordered", "onbackorder", "preorder"),
        "discontinued": ("discontinued", "eol", "endoflife", "retired", "inactive", "delisted"),
    },
    "order_status": {
        "pending": ("pending", "new", "created", "placed", "open", "awaitingpayment"),
        "processing": ("processing", "picking", "packing", "inprogress", "confirmed", "paid"),
        "shipped": ("shipped", "dispatched", "sent", "intransit", "fulfilled"),
        "partially_shipped": ("partiallyshipped", "partial", "partiallyfulfilled", "split"),
        "delivered": ("delivered", "completed", "complete", "done"),
        "cancelled": ("cancelled", "canceled", "voided", "void", "aborted"),
    },
    "return_status": {
        "requested": ("requested", "open", "new", "pending", "submitted", "initiated"),
        "approved": ("approved", "authorized", "authorised", "accepted"),
        "received": ("received", "inspected", "arrived", "returned"),
        "refunded": ("refunded", "credited", "closed", "completed", "complete"),
        "rejected": ("rejected", "denied", "declined", "refused"),
    },
    "refund_state": {
        "none": ("none", "notstarted", "na", "notapplicable"),
        "pending": ("pending", "processing", "inprogress", "initiated", "requested"),
        "issued": ("issued", "paid", "completed", "complete", "refunded", "sent", "done"),
    },
}

#: (fact kind, canonical field) -> the vocabulary of its words.
ENUM_FIELDS: Mapping[tuple[str, str], str] = {
    ("stock", "status"): "availability",
    ("orders", "status"): "order_status",
    ("returns", "status"): "return_status",
    ("returns", "refund_state"): "refund_state",
}


def canonical_word(vocabulary: str, shop_word: str) -> tuple[str | None, bool]:
    """The canonical word for `shop_word` and whether it is the same word (a sure guess)."""
    word = norm(shop_word)
    for canonical in WORDS[vocabulary]:
        if word == norm(canonical):
            return canonical, True
    for canonical, synonyms in WORDS[vocabulary].items():
        if word in synonyms:
            return canonical, False
    return None, False
