"""Which audits raise a notification, and what its JSON body says."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor._config import NotifySection
from auditor._notify import Earlier, events_of, notice, notify
from auditor._verdict import Verdict
from tests.unit.report.conftest import audit, result

READY = audit([result(0)])
NOT_READY = audit(
    [
        result(0),
        result(1, verdict=Verdict.FAIL, truth="out_of_stock", edge_class="catalogued_out_of_stock"),
    ]
)
EVERYTHING = ("readiness_drop", "new_finding", "not_ready")


def earlier(ready: bool, findings: frozenset[str] = frozenset()) -> Earlier:
    return Earlier("run-0", ready, findings)


@pytest.mark.parametrize(
    ("current", "before", "expected"),
    [
        (NOT_READY, earlier(True), ["readiness_drop", "new_finding", "not_ready"]),
        (NOT_READY, earlier(False), ["new_finding", "not_ready"]),
        (NOT_READY, None, ["new_finding", "not_ready"]),
        (READY, earlier(False), []),
        (READY, None, []),
    ],
)
def test_events(current, before, expected):
    assert events_of(current, before, EVERYTHING) == expected


def test_a_known_finding_is_not_new_and_only_configured_events_count():
    known = earlier(False, frozenset(f.id for f in NOT_READY.findings))
    assert events_of(NOT_READY, known, EVERYTHING) == ["not_ready"]
    assert events_of(NOT_READY, known, ["readiness_drop", "new_finding"]) == []


def test_the_body_names_the_audit_the_drop_and_the_new_findings(tmp_path):
    config = NotifySection(webhook_url_env="HOOK", report_url="https://ci.example/{name}/{run_id}")
    found = notice(NOT_READY, earlier(True), config, tmp_path / "report.html")
    assert found is not None
    body = found.body
    assert body["events"] == ["readiness_drop", "new_finding"]
    assert (body["audit"], body["run_id"], body["ready"]) == (
        NOT_READY.name,
        NOT_READY.run_id,
        False,
    )
    assert body["previous"] == {"run_id": "run-0", "ready": True}
    assert body["reasons"] == NOT_READY.readiness.reasons and body["reasons"]
    assert [f["id"] for f in body["new_findings"]] == [f.id for f in NOT_READY.findings]
    assert body["report"] == str(tmp_path / "report.html")
    assert body["report_url"] == f"https://ci.example/{NOT_READY.name}/{NOT_READY.run_id}"
    assert notice(READY, earlier(True), config, tmp_path) is None


def test_nothing_is_sent_without_a_webhook_or_without_its_variable():
    unset = NotifySection()
    assert notify(NOT_READY, None, unset, report=Path("r.html"), env={}) is None
    config = NotifySection(webhook_url_env="AUDIT_WEBHOOK_URL")
    missing = notify(NOT_READY, None, config, report=Path("r.html"), env={})
    assert missing is not None and not missing.delivered and missing.attempts == 0
    assert "$AUDIT_WEBHOOK_URL is not set" in (missing.problem or "")
    secret = "ftp://hooks.example/T0KEN-s3cret"
    wrong = notify(
        NOT_READY, None, config, report=Path("r.html"), env={"AUDIT_WEBHOOK_URL": secret}
    )
    assert wrong is not None and not wrong.delivered and wrong.attempts == 0
    assert "s3cret" not in (wrong.problem or "") and "not an http(s) URL" in (wrong.problem or "")
