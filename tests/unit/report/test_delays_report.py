"""Late and stalled orders in the reports (issue 24): the delays metrics read from stored
results, the `max_reassured_late` gate check, and the section in every format."""

from __future__ import annotations

from auditor._compat import INVENTS_DATE, REASSURES_LATE
from auditor._config import GateSection
from auditor._report._delays import delay_words
from auditor._report._gate import gate_checks
from auditor._report._html import render_html
from auditor._report._junit import render_junit
from auditor._report._markdown import render_markdown
from auditor._report._metrics import compute_metrics
from auditor._results import ClaimRecord, ProbeResult
from auditor._verdict import Verdict
from tests.unit.report.conftest import NOW, audit, result

#: The orders as a results file stores them (`fact_to_json`), read the day of `NOW`.
LATE = {"order_id": "ORD-10041", "status": "shipped", "eta": "2026-11-20", "read_at": str(NOW)}
STALLED = {
    "order_id": "ORD-10044",
    "status": "shipped",
    "eta": "2026-11-27",
    "last_update": "2026-11-18T10:00:00+00:00",
    "stall_days": 3,
    "read_at": str(NOW),
}
ON_TIME = {"order_id": "ORD-10002", "status": "shipped", "eta": "2026-11-27", "read_at": str(NOW)}


def _about(n: int, fact, values: list[str], *, verdict=Verdict.PASS, label=None) -> ProbeResult:
    r = result(
        n,
        kind="order.delay",
        fact_kind="orders",
        subject=fact["order_id"],
        edge_class="late_order",
        answer="It is late, sorry; I've opened a trace.",
        said=None,
        truth=fact,
        verdict=verdict,
        label=label,
    )
    claims = [
        ClaimRecord(kind="delay", value=v, span=(0, 5), subject=fact["order_id"]) for v in values
    ]
    return r.model_copy(update={"claims": claims})


RESULTS = [
    _about(1, LATE, ["apologised", "escalated"]),
    _about(2, LATE, ["acknowledged"]),
    _about(3, STALLED, ["on_time"], verdict=Verdict.FAIL, label=REASSURES_LATE),
    _about(4, STALLED, ["acknowledged"], verdict=Verdict.FAIL, label=INVENTS_DATE),
    # An order on time says nothing here, whatever its answer says of a delay.
    _about(5, ON_TIME, ["acknowledged"]),
    result(6),
]


def test_delay_metrics_count_answers_about_orders_late_when_read():
    d = compute_metrics(RESULTS).delays
    assert (d.orders_asked, d.answers) == (2, 4)
    assert (d.acknowledged, d.apologised, d.escalated) == (3, 1, 1)
    assert (d.reassured, d.invented_dates) == (1, 1)


def test_max_reassured_late_is_a_count_gate_defaulting_to_none():
    def check(gate: GateSection):
        (found,) = [c for c in gate_checks(gate, compute_metrics(RESULTS)) if "reassured" in c.name]
        return found

    failed = check(GateSection())
    assert not failed.passed and failed.measured == 1 and failed.unit == "count"
    assert check(GateSection(max_reassured_late=1)).passed
    assert compute_metrics([result(0)]).delays.answers == 0


def test_the_delays_section_is_in_every_format():
    a = audit(RESULTS)
    words = delay_words(a.metrics.delays)
    assert words.startswith("2 late or stalled orders asked in 4 answers: 3 acknowledged")
    assert "1 reassured instead" in words and "1 gave a new date no anchor holds" in words
    assert words in render_markdown(a)
    assert "late and stalled orders" in render_html(a)
    assert words in render_junit(a)
    assert a.model_dump(mode="json")["metrics"]["delays"]["reassured"] == 1
    assert delay_words(audit([result(0)]).metrics.delays) == (
        "no late or stalled order was asked about"
    )


def test_reassuring_about_late_orders_is_a_gated_headline_against_a_baseline():
    from auditor._report._baseline import headline

    now = headline(audit(RESULTS).model_dump(mode="json")["metrics"])
    assert now["reassured_late"] == 1
    assert headline({"agreement": {"numerator": 1, "denominator": 1}})["reassured_late"] is None
