"""A shop's own order reference after "order" is the order's, never the tracking code."""

from __future__ import annotations

import pytest

from auditor._claims import ClaimKind, extract


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The tracking number for order R100047515 is KX00060GB.", "KX00060GB"),
        ("Tracking code for your order #A77123: 1Z999AA10123456784", "1Z999AA10123456784"),
        ("tracking no. for your parcel is JD0123456789", "JD0123456789"),
        ("You can track order R100047515 with Royal Mail: tracking number KX00060GB.", "KX00060GB"),
        ("DPD 05396663822625 is on its way", "05396663822625"),
    ],
)
def test_the_code_is_read_and_not_the_order_reference(text, code):
    assert [c.value for c in extract(text, [ClaimKind.TRACKING])] == [code]
