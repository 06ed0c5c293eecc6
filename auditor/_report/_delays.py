"""Late and stalled orders in an audit's results (issue 24): the `delays` metrics and their
words, one wording for every report format.

A result counts when an order's owner asked about an order that was late, stalled or partly
late when its truth was read (`auditor/_delays.py`, from the stored fact): what the answer said
of the delay is read from its stored claims, the failures from the judgement's label.
"""

from __future__ import annotations

from collections.abc import Iterable

from auditor._compat import INVENTS_DATE, REASSURES_LATE
from auditor._delays import stored_delay_classes
from auditor._report._model import DelayMetrics
from auditor._report._truth import truth
from auditor._results import ProbeResult
from auditor._verdict import Verdict

_ACKNOWLEDGING = frozenset({"acknowledged", "apologised"})


def _about_a_late_order(result: ProbeResult) -> bool:
    if result.probe.get("fact_kind") != "orders" or result.verdict is Verdict.ERROR:
        return False
    if result.probe.get("kind") == "privacy.foreign_order":
        return False
    record = result.truth_before or truth(result)
    if record is None or record.fact is None:
        return False
    return bool(stored_delay_classes(record.fact, record.read_at))


def _delay_values(result: ProbeResult) -> set[str]:
    subject = str(result.probe.get("subject"))
    return {
        str(c.value)
        for c in result.claims
        if c.kind == "delay" and (c.subject is None or c.subject == subject)
    }


class DelayTally:
    """The delays metrics counted one result at a time (the reports read results as a
    stream): counters, and the subjects of the late orders asked."""

    def __init__(self) -> None:
        self.orders: set[str] = set()
        self.answers = self.acknowledged = self.apologised = self.escalated = 0
        self.reassured = self.invented_dates = 0

    def add(self, result: ProbeResult) -> None:
        if not _about_a_late_order(result):
            return
        values = _delay_values(result)
        self.orders.add(str(result.probe.get("subject")))
        self.answers += 1
        self.acknowledged += bool(values & _ACKNOWLEDGING)
        self.apologised += "apologised" in values
        self.escalated += "escalated" in values
        self.reassured += result.label == REASSURES_LATE
        self.invented_dates += result.label == INVENTS_DATE

    def metrics(self) -> DelayMetrics:
        return DelayMetrics(
            orders_asked=len(self.orders),
            answers=self.answers,
            acknowledged=self.acknowledged,
            apologised=self.apologised,
            escalated=self.escalated,
            reassured=self.reassured,
            invented_dates=self.invented_dates,
        )


def delay_metrics(results: Iterable[ProbeResult]) -> DelayMetrics:
    tally = DelayTally()
    for result in results:
        tally.add(result)
    return tally.metrics()


def delay_words(delays: DelayMetrics) -> str:
    """The delays section in one sentence."""
    if delays.answers == 0:
        return "no late or stalled order was asked about"
    orders = "order" if delays.orders_asked == 1 else "orders"
    words = (
        f"{delays.orders_asked} late or stalled {orders} asked in {delays.answers} answers: "
        f"{delays.acknowledged} acknowledged the delay ({delays.apologised} with an apology), "
        f"{delays.escalated} escalated, {delays.reassured} reassured instead"
    )
    if delays.invented_dates:
        words += f", {delays.invented_dates} gave a new date no anchor holds"
    return words
