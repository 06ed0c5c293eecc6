"""The anchors package's public surface is pinned: the runner codes against it."""

from __future__ import annotations

import auditor._anchors as anchors


def test_public_names() -> None:
    assert set(anchors.__all__) >= {
        "AnchorConfig",
        "AnchorError",
        "AnchorUnreachable",
        "Anchors",
        "ContractFinding",
        "open_anchors",
    }
    for name in anchors.__all__:
        member = getattr(anchors, name)
        if isinstance(member, type) and member.__module__ != "typing":
            assert member.__module__.startswith("auditor._anchors"), name


def test_unreachable_is_an_anchor_error() -> None:
    assert issubclass(anchors.AnchorUnreachable, anchors.AnchorError)
    assert issubclass(anchors.ReadOnlyViolation, anchors.AnchorError)
    assert {"GET", "HEAD"} == anchors.SAFE_METHODS
