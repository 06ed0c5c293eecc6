"""The extractor on answers a real language model wrote (`fixtures/claims/llm_answers.jsonl`).

The texts are SmolLM2-135M-Instruct's answers in `auditor demo --brain llm`, unchanged, labelled
by hand by the rules of `fixtures/claims/README.md` (docs/llm.md says how they were collected).
Free model phrasing is harder than the development set, so this set is not held to its 95 % bar:
each kind's count of correct texts is pinned where it stood when the set was labelled, and may
only rise. Run with `-s` to see the table.
"""

from __future__ import annotations

import json

from auditor._claims import ClaimKind
from tests.unit.claims._scoring import FIXTURES, load, score, table

NAME = "llm_answers.jsonl"
#: Correct texts per kind, raised as the extractor learns (when the set was labelled:
#: availability 35 of 45, quantity 4 of 7; then "no longer available in stock" read as one
#: phrase, and years stopped reading as counts: 37 and 5; then "One of the 10 units of X is
#: left" read as 1 and low, "there are no X left" as out of stock, and "available" said of an
#: order, a return, a time slot or a refund no longer read as stock: availability 40 of 42,
#: quantity 6 of 6; then "available in a limited number" read as low stock, an item "back with
#: us" said of a refund as a received return, and "pending" as a preposition no longer as an
#: order status: availability 41 of 42, return_status 6 of 6, order_status 5 of 5; then "has
#: not shipped yet" read as `not_shipped`, relabelled so: order_status 6 of 6). Of n:
#: order_status 6,
#: delivery_date 6, tracking 6, return_status 6, refund 7, refund_amount 1, deflection 7,
#: refusal 1.
_FLOORS = {
    ClaimKind.AVAILABILITY: 41,
    ClaimKind.QUANTITY: 6,
    ClaimKind.ORDER_STATUS: 6,
    ClaimKind.DELIVERY_DATE: 6,
    ClaimKind.TRACKING: 5,
    ClaimKind.RETURN_STATUS: 6,
    ClaimKind.REFUND: 7,
    ClaimKind.REFUND_AMOUNT: 1,
    ClaimKind.DEFLECTION: 7,
    ClaimKind.REFUSAL: 1,
}


def test_the_set_holds_at_least_fifty_model_answers():
    rows = [json.loads(line) for line in (FIXTURES / NAME).read_text("utf-8").splitlines()]
    ids = [row["id"] for row in rows]
    assert len(rows) >= 50 and len(set(ids)) == len(ids)
    assert all(i.startswith("llm-") for i in ids)
    assert len({row["text"] for row in rows}) == len(rows), "every answer once"


def test_no_kind_reads_model_answers_worse_than_when_labelled():
    scores = score(load(NAME))
    print(f"\n{NAME}\n{table(scores)}")
    worse = {
        kind.value: f"{scores[kind].correct} < {floor}"
        for kind, floor in _FLOORS.items()
        if scores[kind].correct < floor
    }
    misses = [m for kind in _FLOORS for m in scores[kind].misses]
    assert not worse, f"{worse}\n" + "\n".join(misses)
