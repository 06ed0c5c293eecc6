"""The public surface of `auditor._report`: every exported name is defined in the package."""

from __future__ import annotations

import auditor._report as report


def test_public_names_come_from_the_package():
    assert sorted(report.__all__) == sorted(set(report.__all__))
    for name in report.__all__:
        member = getattr(report, name)
        module = getattr(member, "__module__", "auditor._report")
        if module != "typing":  # type aliases such as FailOn
            assert module.startswith("auditor._report"), name


def test_the_entry_points_of_other_layers_are_exported():
    for name in (
        "Audit",
        "build_audit",
        "write_reports",
        "read_baseline",
        "store_baseline",
        "read_stored_baseline",
        "decide",
        "compute_metrics",
        "terminal_safe",
    ):
        assert name in report.__all__
