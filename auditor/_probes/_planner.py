"""The plan: which probes an audit sends, drawn deterministically from the snapshot.

Each bucket (a probe kind and one of its edge classes present in the data) is a Hypothesis
strategy (`_strategies.py`); the plan draws a quota of examples from each with a seeded run
and no example database, then interleaves the buckets in a weighted round-robin so that every
edge class present gets probes early even under a small `max_probes`. Same seed and same anchor
data give the same plan, so the plan can be stored, sharded and resumed.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import seed as hypothesis_seed
from hypothesis import strategies as st

from auditor._facts import Snapshot
from auditor._probes._kinds import PROBE_KINDS, ProbeKind
from auditor._probes._model import Probe
from auditor._probes._scope import PlanScope
from auditor._probes._strategies import Draw, catalogue_blob, draws, mention_of
from auditor._probes._suites import KindPlan

#: Phrasings of one consistency group (each sent on every channel).
CONSISTENCY_PHRASINGS = 3


@dataclass(slots=True)
class _Bucket:
    plan: KindPlan
    kind: ProbeKind
    edge_class: str
    weight: int
    strategy: st.SearchStrategy[Draw]


def sample(strategy: st.SearchStrategy[Draw], count: int, run_seed: int) -> list[Draw]:
    """Up to `count` distinct examples of a strategy, deterministic for the seed."""
    found: dict[Draw, None] = {}

    @hypothesis_seed(run_seed)
    @settings(
        max_examples=count * 3,
        database=None,
        phases=[Phase.generate],
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def collect(draw: Draw) -> None:
        if len(found) < count:
            found[draw] = None

    collect()
    # Hypothesis tries the simplest example first; shuffling keeps the plan from opening
    # every bucket with the same phrasing while staying deterministic.
    drawn = list(found)
    random.Random(run_seed).shuffle(drawn)
    return drawn


def _seed_for(run_seed: int, *parts: str) -> int:
    digest = hashlib.sha256("|".join([str(run_seed), *parts]).encode()).digest()
    return int.from_bytes(digest[:8], "big")


def _buckets(
    snapshot: Snapshot, suites: Sequence[KindPlan], scope: PlanScope | None = None
) -> list[_Bucket]:
    buckets = []
    for plan in suites:
        kind = PROBE_KINDS[plan.kind]
        for edge_class in kind.edge_classes:
            weight = plan.weights.get(edge_class, 1)
            strategy = draws(snapshot, plan, kind, edge_class, scope) if weight else None
            if strategy is not None:
                buckets.append(_Bucket(plan, kind, edge_class, weight, strategy))
    return buckets


def askable(snapshot: Snapshot, plan: KindPlan, scope: PlanScope | None = None) -> bool:
    """True when some edge class of the suite's kind has a subject to draw (within `scope`)."""
    return bool(_buckets(snapshot, [plan], scope))


class _Builder:
    """Turns draws into probes: renders questions and expands consistency groups."""

    def __init__(self, snapshot: Snapshot, channels: Sequence[str]) -> None:
        self.snapshot = snapshot
        self.channels = list(channels)
        self.catalogue = catalogue_blob(snapshot)
        self.count = 0
        self.seen: set[tuple[str, str, str | None, str | None]] = set()

    def add_next(
        self, bucket: _Bucket, queue: Iterator[Draw], probes: list[Probe], limit: int
    ) -> bool:
        """Add the bucket's next draw that yields a new question; False when it has none."""
        for draw in queue:
            before = len(probes)
            for probe in self.probes(bucket, draw):
                key = (probe.kind, probe.turns[0], probe.customer_id, probe.channel)
                if key not in self.seen and len(probes) < limit:
                    self.seen.add(key)
                    probes.append(probe)
            if len(probes) > before:
                return True
        return False

    def render(self, template: str, draw: Draw) -> str:
        item = mention_of(self.snapshot, draw.subject, draw.mention, self.catalogue)
        fact = self.snapshot.stock.get(draw.subject)
        name = fact.name if fact is not None else draw.subject
        return template.format_map(
            {
                "item": item,
                "name": name,
                "name_lower": name.lower(),
                "sku": draw.subject,
                "id": draw.subject,
            }
        )

    def probes(self, bucket: _Bucket, draw: Draw) -> Iterator[Probe]:
        kind, plan = bucket.kind, bucket.plan
        params: tuple[tuple[str, str], ...] = (("mention", draw.mention),)
        if kind.identity == "stranger":
            owner = getattr(self.snapshot, kind.fact_kind)[draw.subject].customer_id
            params += (("owner", owner),)
        if kind.name == "consistency":
            group = f"{draw.subject}:{draw.mention}"
            count = min(CONSISTENCY_PHRASINGS, len(plan.phrasings))
            indices = [(draw.phrasing + i) % len(plan.phrasings) for i in range(count)]
            for index in indices:
                for channel in self.channels:
                    yield self._probe(bucket, draw, index, channel, (*params, ("group", group)))
            return
        channel = self.channels[self.count % len(self.channels)]
        yield self._probe(bucket, draw, draw.phrasing, channel, params)

    def _probe(
        self,
        bucket: _Bucket,
        draw: Draw,
        index: int,
        channel: str,
        params: tuple[tuple[str, str], ...],
    ) -> Probe:
        self.count += 1
        return Probe(
            kind=bucket.kind.name,
            subject=draw.subject,
            fact_kind=bucket.kind.fact_kind,
            turns=(self.render(bucket.plan.phrasings[index], draw),),
            edge_class=bucket.edge_class,
            customer_id=draw.customer_id,
            channel=channel,
            phrasing=f"{bucket.kind.name}#{index}",
            params=tuple(sorted(params)),
        )


class DrawRenderer:
    """The probe one bucket's draw becomes, on one channel: the unit the shrink phase asks.

    It is the plan's own builder, so a shrunk probe is worded exactly as the plan words it; a
    consistency draw becomes the first probe of its group.
    """

    def __init__(
        self, snapshot: Snapshot, plan: KindPlan, kind: ProbeKind, edge_class: str, channel: str
    ) -> None:
        self._builder = _Builder(snapshot, [channel])
        self._bucket = _Bucket(plan, kind, edge_class, 1, st.nothing())

    def probe(self, draw: Draw) -> Probe:
        return next(iter(self._builder.probes(self._bucket, draw)))


def plan_probes(
    snapshot: Snapshot,
    suites: Sequence[KindPlan],
    *,
    max_probes: int,
    seed: int,
    channels: Sequence[str],
    scope: PlanScope | None = None,
) -> list[Probe]:
    """`scope` narrows the subjects and customers drawn (the production profile)."""
    buckets = _buckets(snapshot, suites, scope)
    if not buckets:
        return []
    total_weight = sum(b.weight for b in buckets)
    queues = {
        id(b): iter(
            sample(
                b.strategy,
                max(2, -(-max_probes * b.weight // total_weight)) + 2,
                _seed_for(seed, b.kind.name, b.edge_class),
            )
        )
        for b in buckets
    }
    builder = _Builder(snapshot, channels)
    probes: list[Probe] = []
    live = _first_round_order(buckets)
    round_ = 0
    while live and len(probes) < max_probes:
        for bucket in list(live):
            # One draw from every bucket before any weight counts, so that a small budget
            # still reaches every edge class present.
            for _ in range(1 if round_ == 0 else bucket.weight):
                if not builder.add_next(bucket, queues[id(bucket)], probes, max_probes):
                    live.remove(bucket)
                    break
        round_ += 1
    return probes


def _first_round_order(buckets: list[_Bucket]) -> list[_Bucket]:
    """Buckets of an edge class not seen yet come first; the rest keep their order."""
    seen: set[str] = set()
    fresh: list[_Bucket] = []
    repeat: list[_Bucket] = []
    for bucket in buckets:
        (repeat if bucket.edge_class in seen else fresh).append(bucket)
        seen.add(bucket.edge_class)
    return fresh + repeat
