"""A re-read that finds nothing for a record the snapshot had is an error, never a truth.

Read with the wrong customer's credentials, a shop answers "no such order": judged as a truth,
that made every claim a false "hallucination" ("says cancelled where the truth is ").
"""

from __future__ import annotations

from datetime import UTC, datetime

from auditor._adapters import ADAPTERS, AdapterSettings
from auditor._config import PythonAssistant
from auditor._facts import Availability, Fact, Snapshot, StockFact
from auditor._runner import RunSettings
from tests.integration.runner._support import SKU, probe, run


class EmptyTruth:
    """A truth source that finds nothing, as a shop does for a record read with the wrong key."""

    def __init__(self) -> None:
        self.reads: list[tuple[str, str]] = []

    async def read(self, fact_kind: str, subject: str) -> Fact | None:
        self.reads.append((fact_kind, subject))
        return None


def _bot() -> object:
    config = PythonAssistant(
        kind="python", name="py", target="tests.integration.runner._bots:answer"
    )
    return ADAPTERS.get("python")(config, AdapterSettings(timeout_s=5))


async def test_an_empty_re_read_of_a_known_record_is_an_error_not_a_fail():
    now = datetime.now(UTC)
    # The snapshot says out of stock; the bot says in stock: the runner reads the truth again.
    snap = Snapshot.of(
        now, stock=[StockFact(SKU, "Blue Kettle", Availability.OUT_OF_STOCK, 0, now)]
    )
    truth = EmptyTruth()
    p = probe("py")
    outcome = await run({"py": _bot()}, [p], RunSettings(), snap, truth=truth)  # type: ignore[dict-item]
    result = outcome.of(p)
    assert truth.reads == [("stock", SKU)]
    assert result.verdict.value == "error"
    assert "could not re-read KT-0001" in (result.reason or "")
    assert result.answer is not None and result.truth_before is not None


async def test_a_stale_snapshot_re_read_that_finds_nothing_is_an_error_too():
    now = datetime.now(UTC)
    snap = Snapshot.of(now, stock=[StockFact(SKU, "Blue Kettle", Availability.IN_STOCK, 12, now)])
    p = probe("py")
    outcome = await run(
        {"py": _bot()},  # type: ignore[dict-item]
        [p],
        RunSettings(truth_fresh_s=-1),
        snap,
        truth=EmptyTruth(),
    )
    result = outcome.of(p)
    assert result.verdict.value == "error"
    assert result.reason == (
        "truth unavailable before asking: could not re-read KT-0001: the anchor returned "
        "nothing for a record the snapshot had"
    )


async def test_nothing_for_a_subject_the_snapshot_never_had_is_still_judged():
    """An unknown SKU is not in the snapshot: "nothing" is its truth, and it is judged."""
    now = datetime.now(UTC)
    snap = Snapshot.of(now, stock=[])
    p = probe("py", subject="KT-0001")
    truth = EmptyTruth()
    outcome = await run({"py": _bot()}, [p], RunSettings(), snap, truth=truth)  # type: ignore[dict-item]
    result = outcome.of(p)
    assert truth.reads == [("stock", "KT-0001")]
    assert (result.verdict.value, result.reason) == (
        "fail",
        "says in_stock where the truth is not_carried",
    )
