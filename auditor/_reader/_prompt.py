"""The words sent to the model: short and literal, because a small model follows examples
better than instructions. Changing them changes `PROMPT_VERSION`, which is part of the cache's
key, so that an old reading is never served for a new question."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from auditor._claims import CATEGORICAL_VALUES, ClaimKind

PROMPT_VERSION = "2"

_MEANINGS: dict[ClaimKind, str] = {
    ClaimKind.AVAILABILITY: "whether the item can be bought now",
    ClaimKind.QUANTITY: "how many units are in stock (a whole number)",
    ClaimKind.ORDER_STATUS: "where the order is",
    ClaimKind.DELIVERY_DATE: "when the order arrives (YYYY-MM-DD)",
    ClaimKind.TRACKING: "the parcel's tracking number",
    ClaimKind.RETURN_STATUS: "where the return is",
    ClaimKind.REFUND: "where the refund is",
    ClaimKind.REFUND_AMOUNT: "how much is refunded",
    ClaimKind.DEFLECTION: "the answer does not answer and sends the customer elsewhere",
    ClaimKind.REFUSAL: "the answer refuses to share another customer's data",
    ClaimKind.CLARIFICATION: "the answer asks which item or order is meant",
    ClaimKind.DISCOUNT: "a discount offered (percent)",
}

SYSTEM = (
    "You read a shop assistant's answer and list the facts it states, as JSON. "
    "Only list what the answer itself says; for each fact copy the exact words of the answer "
    'that say it into "quote". If the answer states none of the facts, return {"claims": []}.'
)


def _kind_line(kind: ClaimKind) -> str:
    values = CATEGORICAL_VALUES.get(kind)
    shown = f" values: {', '.join(sorted(str(v) for v in values))}" if values else ""
    return f"- {kind.value}: {_MEANINGS.get(kind, kind.value)}.{shown}"


#: One worked example, as a turn of the chat: a small model copies a shape it has seen.
_EXAMPLE_ANSWER = "Sorry, the Oak Board is sold out right now, we have 0 left."
_EXAMPLE_KINDS = (ClaimKind.AVAILABILITY, ClaimKind.QUANTITY, ClaimKind.DEFLECTION)
_EXAMPLE_REPLY = json.dumps(
    {
        "claims": [
            {"quote": "sold out", "kind": "availability", "value": "out_of_stock", "hedged": False},
            {"quote": "0 left", "kind": "quantity", "value": 0, "hedged": False},
        ]
    }
)


def _ask(answer: str, question: str, subject: str, kinds: Sequence[ClaimKind]) -> str:
    lines = "\n".join(_kind_line(kind) for kind in kinds)
    return (
        f"Facts to look for (kind: meaning):\n{lines}\n\n"
        f"The customer asked about {subject}: {question}\n\n"
        f"The assistant answered:\n<<<\n{answer}\n>>>\n\n"
        'Reply with JSON: {"claims": [{"quote": ..., "kind": ..., "value": ..., "hedged": false}]}'
    )


def messages(
    answer: str, question: str, subject: str, kinds: Sequence[ClaimKind]
) -> list[dict[str, Any]]:
    """The chat: the worked example, then the kinds to look for, the question asked, and the
    answer to read."""
    example = _ask(_EXAMPLE_ANSWER, "Is the Oak Board in stock?", "Oak Board", _EXAMPLE_KINDS)
    return [
        {"role": "system", "content": SYSTEM},
        {"role": "user", "content": example},
        {"role": "assistant", "content": _EXAMPLE_REPLY},
        {"role": "user", "content": _ask(answer, question, subject, kinds)},
    ]


def retry_message(problem: str) -> dict[str, Any]:
    """The one retry after a reply that was not the JSON asked for."""
    return {
        "role": "user",
        "content": f"That reply was not valid ({problem}). Reply again with the JSON only.",
    }
