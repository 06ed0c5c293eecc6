"""A claim read through a field label's canonical name keeps the answer's own label as its
evidence (`_markdown.LABEL_SYNONYMS`, `_extract._from_whole_labels`)."""

from __future__ import annotations

import pytest

from auditor._claims import ExtractionContext, extract

CONTEXT = ExtractionContext(items={"KT-1000": "Blue Kettle"})


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("**Blue Kettle**\n- **Where it's at:** shipped\n", "Where it's at:** shipped"),
        ("ORD-10024\n**Current stage:** Delivered", "Current stage:** Delivered"),
        # A canonical label, and prose, are untouched.
        ("ORD-10024\n**Status:** Delivered", "Status:** Delivered"),
    ],
)
def test_the_evidence_opens_at_the_answers_own_label(text, evidence):
    (claim,) = [c for c in extract(text, context=CONTEXT) if c.kind.value == "order_status"]
    assert text[claim.span[0] : claim.span[1]] == evidence


def test_a_value_after_the_label_keeps_its_own_span():
    text = "Order ORD-10024\n\n**Money back:** £12.50 refunded to your card"
    spans = {c.kind.value: text[c.span[0] : c.span[1]] for c in extract(text, context=CONTEXT)}
    assert spans["refund_amount"] == "£12.50"
