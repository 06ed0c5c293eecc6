"""An audit's folder name is its run id: unique to the millisecond, and within its folder."""

from __future__ import annotations

from datetime import UTC, datetime

from auditor._audit import new_audit_dir


def test_audits_in_the_same_second_get_different_run_ids(tmp_path):
    first = new_audit_dir(tmp_path / "nightly", datetime(2026, 12, 7, 2, 34, 17, 120_000, UTC))
    second = new_audit_dir(tmp_path / "release", datetime(2026, 12, 7, 2, 34, 17, 480_000, UTC))
    assert (first.name, second.name) == ("2026-12-07T02-34-17.120Z", "2026-12-07T02-34-17.480Z")


def test_a_name_taken_in_its_folder_gets_a_suffix(tmp_path):
    now = datetime(2026, 12, 7, 2, 34, 17, 120_000, UTC)
    taken = new_audit_dir(tmp_path, now)
    taken.mkdir()
    again = new_audit_dir(tmp_path, now)
    assert again != taken and again.name.startswith(f"{taken.name}-")
