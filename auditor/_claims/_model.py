"""The claim model shared by the extractor and the verdicts."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class ClaimKind(enum.StrEnum):
    AVAILABILITY = "availability"
    QUANTITY = "quantity"
    ORDER_STATUS = "order_status"
    DELIVERY_DATE = "delivery_date"
    TRACKING = "tracking"
    RETURN_STATUS = "return_status"
    REFUND = "refund"
    DEFLECTION = "deflection"
    REFUSAL = "refusal"


#: A claim's value is JSON-native so that results round-trip through JSONL unchanged:
#: enum values and ISO dates as strings, quantities as integers.
ClaimValue = str | int | None


@dataclass(frozen=True, slots=True)
class Claim:
    kind: ClaimKind
    value: ClaimValue
    span: tuple[int, int]
    #: The SKU, name, order or return id the claim is about, when the answer names one.
    subject: str | None = None
