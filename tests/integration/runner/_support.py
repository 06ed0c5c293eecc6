"""What the runner tests share: a one-item truth, the real extractor, a run that collects."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from auditor._adapters import ADAPTERS, AdapterSettings, Assistant
from auditor._audit import _extractor
from auditor._config import OpenAIAssistant
from auditor._events import EventBus, ProbeFinished
from auditor._facts import Availability, Fact, Snapshot, StockFact
from auditor._probes import Probe
from auditor._results import ProbeResult
from auditor._runner import RunSettings, TruthSource, run_probes

#: The item the faulty bot's `ANSWER` is about, in stock as it says.
SKU = "KT-0001"


def snapshot() -> Snapshot:
    now = datetime.now(UTC)
    return Snapshot.of(now, stock=[StockFact(SKU, "Blue Kettle", Availability.IN_STOCK, 12, now)])


class SnapshotTruth:
    """The truth source of tests without a shop: the snapshot, which does not move."""

    def __init__(self, snap: Snapshot) -> None:
        self._snapshot = snap

    async def read(self, fact_kind: str, subject: str) -> Fact | None:
        table: Mapping[str, Fact] = getattr(self._snapshot, fact_kind)
        return table.get(subject)


def probe(channel: str | None = None, n: int = 0, subject: str = SKU) -> Probe:
    return Probe(
        kind="stock.availability",
        subject=subject,
        fact_kind="stock",
        turns=(f"Is the Blue Kettle ({subject}) in stock?",),
        channel=channel,
        params=(("n", str(n)),),
    )


def openai(
    url: str, settings: AdapterSettings, *, name: str = "web", stream: bool = False
) -> Assistant:
    config = OpenAIAssistant(kind="openai", name=name, base_url=url, stream=stream)
    return ADAPTERS.get("openai")(config, settings)


@dataclass(frozen=True)
class Run:
    results: dict[str, ProbeResult]
    completed: bool

    def of(self, probe: Probe) -> ProbeResult:
        return self.results[probe.id]


async def run(
    assistants: Mapping[str, Assistant],
    probes: Iterable[Probe],
    settings: RunSettings,
    snap: Snapshot | None = None,
    *,
    truth: TruthSource | None = None,
) -> Run:
    """Run `probes` with the real runner; closes the assistants afterwards."""
    snap = snap or snapshot()
    finished: list[ProbeResult] = []
    bus = EventBus(lambda e: finished.append(e.result) if isinstance(e, ProbeFinished) else None)
    try:
        completed = await run_probes(
            probes,
            snapshot=snap,
            truth=truth or SnapshotTruth(snap),
            assistants=assistants,
            extractor=_extractor(snap),
            settings=settings,
            bus=bus,
        )
    finally:
        for assistant in assistants.values():
            await assistant.aclose()
    by_id = {r.probe_id: r for r in finished}
    assert len(by_id) == len(finished), "a probe got more than one result"
    return Run(by_id, completed)
