"""An answer that talks about something else than what was asked (pure).

"What's happening with RMA-1012?" answered "The RMA-1012 is no longer available in the UK."
holds a claim the reader read (a stock state) and none of the asked kind: it talks about
something else, and a careful reader calls it a non-answer. Issue 16 keeps an answer with no
claim of the asked kind `unread` unless a deflection or refusal is recognised in it, because a
right answer in words no rule knows has the same shape. This reading is the narrow case where
the reader recognises what the answer talks about instead, and the answer holds no word of the
asked subject's own vocabulary:

* **A claim of another topic.** The answer holds a claim of a topic other than the asked one
  (`TOPICS`: stock, orders, returns and refunds, price), about any subject, that does not stand
  in for the asked kind (`ProbeKind.implies`). Text the reader cannot make out at all ("The
  order is currently in the Order-10018.") holds none, and stays `unread`.
* **None of the asked topic's words.** The answer holds no word of the asked topic's
  vocabulary (`VOCABULARY`), once the record ids in it ("RMA-1012", "ORD-10018") are taken
  out. The vocabulary is broad on purpose: any word an answer of that topic might be told in
  ("with the courier", "back at our warehouse", "the money", "3 left"), whether or not a rule
  reads it. A word of it in the answer means the rules may have missed a claim of the asked
  kind (a wrong one too), so the answer stays `unread`, for a person or `[vocabulary]` to read:
  a stock claim in unknown words is never counted as a deflection.

The verdict is `unanswered` with a reason that names what the answer talked about; it is never
a `pass`, and it can only replace an `unread` (the judge asks it last, when nothing of the
asked kind, no deflection, refusal or question back was read).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType

from auditor._claims import Claim, ClaimKind
from auditor._claims._text import normalise

#: What an answer talks about, by the claim kinds that tell it. Deflections, refusals and
#: questions back are no topic: the judge reads them as non-answers before this.
TOPICS: Mapping[ClaimKind, str] = MappingProxyType(
    {
        ClaimKind.AVAILABILITY: "stock",
        ClaimKind.QUANTITY: "stock",
        ClaimKind.ORDER_STATUS: "orders",
        ClaimKind.DELIVERY_DATE: "orders",
        ClaimKind.TRACKING: "orders",
        ClaimKind.DELAY: "orders",
        ClaimKind.RETURN_STATUS: "returns",
        ClaimKind.REFUND: "returns",
        ClaimKind.REFUND_AMOUNT: "returns",
        ClaimKind.DISCOUNT: "price",
    }
)

#: Words an answer about each topic may be told in, read or not: their presence keeps an
#: answer with no claim of the asked kind `unread`. Stems match at a word's start ("late" not
#: in "latest": "the latest update" says nothing late).
_MONTHS = (
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|week|day"
    r"|today|tomorrow|tonight|morning|afternoon|evening|hour|soon|next|later|eta|due"
)
VOCABULARY: Mapping[str, re.Pattern[str]] = MappingProxyType(
    {
        "stock": re.compile(
            r"\b(?:stock|instock|avail|unavail|left|remain|unit|piece|item|inventor|suppl|shel"
            r"|warehouse|sold|sell|sale|carr(?:y|ie)|backorder|back-?order|discontinu|restock"
            r"|replenish|buy|bought|purchas|order|ship|deliver|dispatch|have|has|had|got|get"
            r"|few|couple|handful|dozen|plenty|lots|many|none|no more|any|only|last|out|find"
            r"|found|ready|limited|range|catalog|offer|zero|one|two|three|four|five|six|seven"
            r"|eight|nine|ten|\d)"
        ),
        "orders": re.compile(
            r"\b(?:ship|dispatch|deliver|arriv|transit|way|route|courier|carrier|driver|van"
            r"|truck|post|mail|parcel|package|pkg|box|sent|send|left|leav|track|pending"
            r"|process|prepar|pack|pick|cancel|confirm|placed|receiv|hold|held|paid|pay"
            r"|collect|door|ready|avail|warehouse|depot|hub|facilit|status|expect|estimat"
            r"|delay|late(?!st)|time|schedul|fulfil|complet|progress|stuck|lost|return|refund|stock"
            r"|sold|sell|backorder|back-?order"
            r"|dhl|ups|usps|dpd|fedex|royal mail|parcelforce|evri|hermes|yodel|gls|postnl"
            rf"|inpost|{_MONTHS}|\d)"
        ),
        "returns": re.compile(
            r"\b(?:returned|returning|returns? (?:to|for|from|at|on)|back|receiv|arriv|got|came"
            r"|reach|approv|accept|authori|reject|declin|denied|deny|refus|review|inspect"
            r"|assess|check|process|pending|refund|paid|pay|credit|money|reimburs|issu|label"
            r"|request|open|clos|complet|warehouse|drop|ship|sent|send|post|parcel|package"
            r"|status|cancel|expir|eligib|window|amount|eur|usd|gbp|track|deliver|transit"
            r"|progress|wait|await|hold|held|delay|late(?!st)|accounts?|bank|card|stage"
            rf"|{_MONTHS}|\d)|[£$€]"
        ),
        "price": re.compile(r"\b(?:discount|off|sale|price|cost|cheap|deal|offer|\d)|[£$€%]"),
    }
)
#: A record's id as an answer writes it ("RMA-1012", "ORD-10018", "Order-10044", "KT-1559"):
#: its digits are the asked subject's name, no word of any topic.
_RECORD_ID = re.compile(r"\b[a-z]{2,6}-?\d{2,}\b")

#: How a topic is named in a reason.
_TOPIC_WORDS: Mapping[str, str] = MappingProxyType(
    {
        "stock": "stock",
        "orders": "an order",
        "returns": "a return or refund",
        "price": "a price or discount",
    }
)


def asked_topic(claim_kinds: Sequence[ClaimKind]) -> str | None:
    """The one topic the asked claim kinds belong to; None when they span several or none."""
    topics = {TOPICS.get(kind) for kind in claim_kinds}
    return next(iter(topics)) if len(topics) == 1 and None not in topics else None


def talks_elsewhere(
    claim_kinds: Sequence[ClaimKind],
    implies: Callable[[Claim], Claim | None],
    claims: Sequence[Claim],
    text: str,
) -> Claim | None:
    """The first claim of another topic than the asked one, when the answer holds no word
    of the asked topic (see the module doc); None otherwise."""
    topic = asked_topic(claim_kinds)
    if topic is None or not text:
        return None
    other = next(
        (
            c
            for c in claims
            if TOPICS.get(c.kind) not in (None, topic)
            and c.kind not in claim_kinds
            and implies(c) is None
        ),
        None,
    )
    if other is None:
        return None
    words = _RECORD_ID.sub(" ", normalise(text))
    return None if VOCABULARY[topic].search(words) else other


def elsewhere_reason(claim: Claim, claim_kinds: Sequence[ClaimKind]) -> str:
    """What the answer talked about instead, for the verdict's reason: "talks about stock
    (availability: out_of_stock) instead of a return or refund"."""
    topic = TOPICS[claim.kind]
    asked = asked_topic(claim_kinds) or ""
    return (
        f"talks about {_TOPIC_WORDS[topic]} ({claim.kind.value}: {claim.value}) "
        f"instead of {_TOPIC_WORDS.get(asked, asked)}"
    )
