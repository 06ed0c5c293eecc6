"""The claim model shared by the extractor and the verdicts."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType

from auditor._facts import Availability, OrderStatus, RefundState, ReturnStatus


class ClaimKind(enum.StrEnum):
    AVAILABILITY = "availability"
    QUANTITY = "quantity"
    ORDER_STATUS = "order_status"
    DELIVERY_DATE = "delivery_date"
    TRACKING = "tracking"
    RETURN_STATUS = "return_status"
    REFUND = "refund"
    REFUND_AMOUNT = "refund_amount"
    DEFLECTION = "deflection"
    REFUSAL = "refusal"
    DISCOUNT = "discount"
    #: The assistant asks which item or order is meant ("Which kettle do you mean?").
    CLARIFICATION = "clarification"
    #: What the answer says of an order's lateness (`Delay`): issue 24.
    DELAY = "delay"


class Deflection(enum.StrEnum):
    """Why an answer does not answer: each calls for a different fix in the assistant."""

    CANNOT_CHECK = "cannot_check"
    CONTACT_SUPPORT = "contact_support"
    SIGN_IN = "sign_in"
    OTHER = "other"


class Delay(enum.StrEnum):
    """What an answer says of an order's lateness: the first three are honest about a late
    order; `on_time` is the reassurance that must not be given for one."""

    ACKNOWLEDGED = "acknowledged"
    APOLOGISED = "apologised"
    ESCALATED = "escalated"
    ON_TIME = "on_time"


#: An order status an answer may give that no order is in: "it hasn't shipped (yet)", said with
#: no state before shipping named. True of a pending, processing or cancelled order
#: (`auditor/_compat.py`), so a correct answer of that shape is read rather than left unread.
NOT_SHIPPED = "not_shipped"
#: A return status an answer may give that no return is in: "we haven't received your return
#: yet", said with no stage named. True of a requested or approved return (`auditor/_compat.py`),
#: so a correct answer of that shape is read rather than left unread (llm10).
NOT_RECEIVED = "not_received"

#: A claim's value is JSON-native so that results round-trip through JSONL unchanged:
#: enum values and ISO dates as strings, quantities as integers.
ClaimValue = str | int | None

#: The closed set of values each categorical kind may take. Kinds missing here carry a
#: computed value (an integer, a date, a tracking number, an amount, a percentage).
CATEGORICAL_VALUES: Mapping[ClaimKind, frozenset[str]] = MappingProxyType(
    {
        ClaimKind.AVAILABILITY: frozenset(Availability),
        ClaimKind.ORDER_STATUS: frozenset({*OrderStatus, NOT_SHIPPED}),
        ClaimKind.RETURN_STATUS: frozenset({*ReturnStatus, NOT_RECEIVED}),
        ClaimKind.REFUND: frozenset(RefundState),
        ClaimKind.DEFLECTION: frozenset(Deflection),
        ClaimKind.REFUSAL: frozenset({"privacy"}),
        ClaimKind.CLARIFICATION: frozenset({"which_one"}),
        ClaimKind.DELAY: frozenset(Delay),
    }
)


@dataclass(frozen=True, slots=True)
class Claim:
    kind: ClaimKind
    value: ClaimValue
    #: `text[start:end]` is the phrase the claim was read from.
    span: tuple[int, int]
    #: The SKU, order id or return id the claim is about, when the answer names one.
    subject: str | None = None
    #: The answer softens the claim ("should be", "I think"): a verdict may weigh it less.
    hedged: bool = False

    def to_json(self) -> dict[str, object]:
        """The claim as JSON-native data, the shape the CLI and the results store write."""
        return {
            "kind": self.kind.value,
            "value": self.value,
            "span": [self.span[0], self.span[1]],
            "subject": self.subject,
            "hedged": self.hedged,
        }


def respanned(claims: Iterable[Claim], position: Callable[[int, bool], int]) -> list[Claim]:
    """`claims` read from a rewritten answer (shorthand spelt out, emphasis taken off), their
    spans taken back to the answer's own offsets by `position(offset, is_end)`."""
    return [
        replace(claim, span=(position(claim.span[0], False), position(claim.span[1], True)))
        for claim in claims
    ]
