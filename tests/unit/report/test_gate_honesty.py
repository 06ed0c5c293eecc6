"""Readiness that cannot be false: unasked probe kinds, and audits that could not run."""

from __future__ import annotations

from auditor._config import GateSection
from auditor._report._gate import could_not_run
from auditor._results import DEADLINE_REASON
from auditor._verdict import Verdict
from tests.unit.report.conftest import audit, result

REFUSED = "cannot connect to the assistant (ClientConnectorError)"
ASKED = {
    "kinds": ["stock.availability", "stock.quantity"],
    "edge_classes": ["in_stock", "last_unit"],
    "not_planned": {"stock.quantity": {"reason": "no subject in the data", "blocking": True}},
}


def _errors(count: int, start: int = 0, reason: str = REFUSED):
    return [result(start + n, verdict=Verdict.ERROR, reason=reason) for n in range(count)]


def test_errors_from_half_the_probes_make_the_audit_could_not_run():
    assert could_not_run([result(n) for n in range(6)] + _errors(4, 6), 0.5) is None
    said = could_not_run([result(n) for n in range(5)] + _errors(5, 5), 0.5)
    assert said is not None and said.startswith("5 of 10 probes") and REFUSED in said
    # The deadline's cuts were never asked: they are not an outage.
    assert could_not_run([result(0), *_errors(9, 1, DEADLINE_REASON)], 0.5) is None


def test_an_audit_that_could_not_run_is_never_ready_and_says_why():
    a = audit(_errors(3), gate=GateSection(max_error_rate=1.0))
    assert not a.readiness.ready
    assert a.readiness.could_not_run is not None
    assert a.readiness.reasons[0].startswith("could not run: 3 of 3 probes")


def test_a_kind_the_suites_name_and_the_plan_lacks_holds_readiness_back():
    clean = [result(n) for n in range(10)]
    assert audit(clean).readiness.ready  # an audit from before 1.3 records nothing asked
    a = audit(clean, asked=ASKED)
    assert not a.readiness.ready
    check = next(c for c in a.readiness.checks if c.name == "probe_kinds_asked")
    assert check.reason.endswith("(stock.quantity: no subject in the data)")
    coverage = a.metrics.coverage
    assert coverage.probe_kinds is not None and coverage.probe_kinds.missing == ["stock.quantity"]
    assert coverage.edge_classes.why == {"last_unit": "0 subjects"}


def test_a_kind_whose_every_probe_errored_was_not_asked_either():
    asked = {**ASKED, "not_planned": {}}
    results = [result(n) for n in range(19)] + [
        result(19, kind="stock.quantity", verdict=Verdict.ERROR, reason=REFUSED)
    ]
    a = audit(results, asked=asked, gate=GateSection(max_error_rate=1.0))
    assert not a.readiness.ready
    assert "stock.quantity: all 1 of its probes ended in an error" in a.readiness.reasons[0]


def test_a_kind_left_out_by_the_profile_is_listed_but_does_not_block():
    skipped = {"reason": "outside the profile's scope", "blocking": False}
    a = audit(
        [result(n) for n in range(10)], asked={**ASKED, "not_planned": {"stock.quantity": skipped}}
    )
    assert a.readiness.ready
    assert a.metrics.coverage.probe_kinds.why == {"stock.quantity": "outside the profile's scope"}
