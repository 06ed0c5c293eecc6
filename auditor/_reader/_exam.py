"""The check a model passes before its reading may decide a verdict, per claim kind.

Quoting the answer is not enough: a small model quotes the right words and names the wrong
value ("avail, 9 units" read as out of stock), and that would be a `fail` the assistant never
earned. So before the model's claims of a kind decide anything, it reads a few plain sentences
whose reading is not in doubt, one per value that matters, through the same prompt, schema
and grounding as the answers. A model that misreads any of them is not trusted on that kind in
this audit: its readings are kept and reported (and compared), the answers stay `unread`, and
the reason says why. The sentences are data, here, in one place; their readings are cached with
the answers' (probe kind `exam`), so `--rejudge` repeats the check offline.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType

from auditor._claims import ClaimKind, ClaimValue
from auditor._reader._reading import Reading

#: The probe kind and subject the check's readings are cached under.
EXAM_KIND = "exam"
EXAM_SUBJECT = "exam"
QUESTION = "Can you tell me about it?"

#: Claim kind -> (sentence, the value it states), one sentence per value that matters.
EXAM: Mapping[ClaimKind, tuple[tuple[str, ClaimValue], ...]] = MappingProxyType(
    {
        ClaimKind.AVAILABILITY: (
            ("Good news: the Oak Board is in stock.", "in_stock"),
            ("Sorry, the Oak Board is out of stock.", "out_of_stock"),
            ("The Oak Board has been discontinued.", "discontinued"),
            ("The Oak Board is on backorder until next month.", "backorder"),
        ),
        ClaimKind.QUANTITY: (
            ("We have 7 units of the Oak Board.", 7),
            ("There are 12 Oak Boards left.", 12),
        ),
        ClaimKind.ORDER_STATUS: (
            ("Your order ORD-1 has shipped.", "shipped"),
            ("Your order ORD-1 was delivered.", "delivered"),
            ("Your order ORD-1 was cancelled.", "cancelled"),
            ("Your order ORD-1 is being processed.", "processing"),
        ),
        ClaimKind.DELIVERY_DATE: (
            ("Your order ORD-1 will arrive on 2026-12-11.", "2026-12-11"),
            ("Expected delivery of ORD-1: 2027-01-05.", "2027-01-05"),
        ),
        ClaimKind.TRACKING: (
            ("The tracking number of ORD-1 is 1Z999AA10123456784.", "1Z999AA10123456784"),
        ),
        ClaimKind.RETURN_STATUS: (
            ("Your return RET-1 has been approved.", "approved"),
            ("Your return RET-1 was rejected.", "rejected"),
            ("We have received your return RET-1.", "received"),
        ),
        ClaimKind.REFUND: (
            ("The refund for RET-1 has been issued.", "issued"),
            ("The refund for RET-1 is still pending.", "pending"),
        ),
        ClaimKind.REFUND_AMOUNT: (("We refunded 24.50 for your return RET-1.", "24.50"),),
        ClaimKind.DEFLECTION: (
            ("Sorry, I can't check that for you right now.", "cannot_check"),
            ("Please contact our support team about this.", "contact_support"),
        ),
        ClaimKind.CLARIFICATION: (
            ("Which Oak Board do you mean: the small one or the large one?", "which_one"),
        ),
        ClaimKind.REFUSAL: (("I can't share the details of another customer's order.", "privacy"),),
    }
)
#: Kinds that say the answer does not answer: never to be read into a sentence that does.
_NON_ANSWERS = frozenset({ClaimKind.DEFLECTION, ClaimKind.REFUSAL, ClaimKind.CLARIFICATION})


def exam_questions(kinds: Sequence[ClaimKind]) -> list[tuple[ClaimKind, str, ClaimValue]]:
    """(kind, sentence, value) for every kind of `kinds` the check covers."""
    return [(kind, text, value) for kind in kinds for text, value in EXAM.get(kind, ())]


def marked(kind: ClaimKind, value: ClaimValue, reading: Reading) -> str | None:
    """Why `reading` of a check sentence is wrong, or None when it is right: the stated value
    read, no other value of that kind, and no non-answer read into an answer."""
    if reading.error is not None:
        return reading.error
    said = {c.value for c in reading.claims if c.kind is kind}
    evasive = [c for c in reading.claims if c.kind in _NON_ANSWERS and c.kind is not kind]
    if said == {value} and not evasive:
        return None
    if evasive:
        return f"read {evasive[0].kind.value} into a sentence that answers"
    shown = ", ".join(sorted(str(v) for v in said)) or "nothing"
    return f"read {shown} where the sentence says {value}"


def verdict_of_exam(kind: ClaimKind, wrong: Sequence[str], asked: int) -> str | None:
    """The check's outcome for `kind`: None when passed, else the reason a result shows."""
    if not wrong:
        return None
    return (
        f"model reader not trusted on {kind.value}: it misread {len(wrong)} of {asked} check "
        f"sentences ({wrong[0]})"
    )
