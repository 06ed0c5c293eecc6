"""A small catalogue and a stand-in assistant for the shrink phase's pure tests.

`judged(probe, fails)` is what the runner's judge would return for an assistant that says "in
stock" exactly where `fails(probe)` holds: the search sees nothing but such results.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from auditor._facts import Availability, Snapshot, StockFact, availability_of
from auditor._probes import Probe, load_suites
from auditor._results import ClaimRecord, ProbeResult, TruthRecord, fact_to_json
from auditor._verdict import Verdict

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
SUITES = {plan.kind: plan for plan in load_suites(["stock", "consistency"])}


def item(n: int, name: str, status: Availability | None, on_hand: int) -> StockFact:
    return StockFact(f"KT-{n:04d}", name, availability_of(status, on_hand), on_hand, NOW)


def shop() -> Snapshot:
    items = [item(i, f"Plain Item {i}", None, 20) for i in range(1, 16)]
    empty = [
        "Empty Shelf Kettle",
        "Cup",
        "Spoon Rest",
        "Crème Brûlée Torch",
        "Tea Tin",
        "Big Blue Teapot",
        "Jar",
        "Øresund Mug",
        "Salt Mill",
        "Pepper Mill Deluxe",
    ]
    items += [item(20 + i, name, None, 0) for i, name in enumerate(empty)]
    items += [
        item(44, "Old Toaster", Availability.DISCONTINUED, 0),
        item(45, "Later Mixer", Availability.BACKORDER, 0),
        item(46, "Lonely Mug", None, 1),
        item(47, "Blue Kettle", None, 8),
        item(48, "Blue Kettle Pro", None, 8),
    ]
    return Snapshot.of(NOW, stock=items)


def judged(snapshot: Snapshot, probe: Probe, fails: bool) -> ProbeResult:
    """The judge's result for an assistant calling the item in stock (fails) or answering true."""
    fact = snapshot.stock.get(probe.subject)
    truth = "not_carried" if fact is None else fact.availability.value
    said = "in_stock" if fails else truth
    return ProbeResult(
        probe=probe.to_json(),
        verdict=Verdict.FAIL if fails else Verdict.PASS,
        reason="judged by the test",
        answer=f"It is {said}.",
        claims=[ClaimRecord(kind="availability", value=said, span=(6, 6 + len(said)))],
        judged=[0],
        accepted=[truth],
        truth_before=TruthRecord(
            fact=None if fact is None else fact_to_json(fact), read_at=NOW, source="snapshot"
        ),
        attempts=1,
        started_at=NOW,
        finished_at=NOW,
    )


def asker(
    snapshot: Snapshot, fails: Callable[[Probe], bool], asked: list[Probe]
) -> Callable[[Probe, float], ProbeResult | None]:
    """An `AskFn` over the stand-in assistant; every probe asked is appended to `asked`."""

    def ask(probe: Probe, _timeout: float) -> ProbeResult | None:
        asked.append(probe)
        return judged(snapshot, probe, fails(probe))

    return ask
