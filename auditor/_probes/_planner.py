"""The plan: which probes an audit sends, drawn deterministically from the snapshot.

Each bucket (a probe kind and one of its edge classes present in the data) is a space of draws
(`_strategies.DrawSpace`, whose Hypothesis strategy the shrink phase searches); the plan draws
a quota of distinct draws from each with a seeded `random.Random`, then deals them out: first
the coverage rounds (`_order`: the first round reaches every edge class, then every probe kind;
each of the next `min_per_class - 1` rounds every edge class once more), then one draw from every
bucket not dealt yet, then a weighted round-robin. So every edge class and kind present gets
probes early even under a small `max_probes`, and `stop = "decided"` reaches `min_per_class`
answers per class in few questions. Same seed and same anchor data give the same plan, so the
plan can be stored, sharded and resumed.
"""

from __future__ import annotations

import hashlib
import random
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from auditor._compat import availability_accepts
from auditor._edges import edge_class_members
from auditor._facts import Snapshot
from auditor._instructions import DEFAULT_RULES, InstructionRules
from auditor._probes._kinds import PROBE_KINDS, ProbeKind
from auditor._probes._model import Probe
from auditor._probes._order import Deal, Slot, coverage_rounds
from auditor._probes._scope import PlanScope
from auditor._probes._strategies import Draw, DrawSpace, catalogue_blob, draw_space, written
from auditor._probes._suites import KindPlan

#: Phrasings of one consistency group (each sent on every channel).
CONSISTENCY_PHRASINGS = 3
#: Attempts of one re-contact group on the first channel (each in a fresh session); one more
#: on every other channel.
RECONTACT_SESSIONS = 2
#: What a pushback turn claims (`{contrary}`): the opposite of the truth before the question.
_CONTRARY = {"in_stock": "sold out", "out_of_stock": "in stock"}


@dataclass(slots=True)
class _Bucket:
    plan: KindPlan
    kind: ProbeKind
    edge_class: str
    weight: int
    space: DrawSpace


def sample(space: DrawSpace, count: int, run_seed: int) -> list[Draw]:
    """Up to `count` distinct draws of a bucket, deterministic for the seed, in `count` times
    three tries (a small space runs out of new draws first). The subjects come in a seeded
    shuffle, each once before any twice, so that a small budget reaches as many subjects as it
    can; the wording and identity of each draw are uniform."""
    rng = random.Random(run_seed)
    order = list(space.subjects or ())
    rng.shuffle(order)
    found: dict[Draw, None] = {}
    for attempt in range(count * 3):
        if len(found) >= count:
            break
        draw = space.draw(rng, order[attempt % len(order)] if order else None)
        if draw is None:
            break
        found[draw] = None
    return list(found)


def _seed_for(run_seed: int, *parts: str) -> int:
    digest = hashlib.sha256("|".join([str(run_seed), *parts]).encode()).digest()
    return int.from_bytes(digest[:8], "big")


def _buckets(
    snapshot: Snapshot,
    suites: Sequence[KindPlan],
    scope: PlanScope | None = None,
    rules: InstructionRules = DEFAULT_RULES,
) -> list[_Bucket]:
    buckets = []
    classes = edge_class_members(snapshot)
    for plan in suites:
        kind = PROBE_KINDS[plan.kind]
        for edge_class in kind.edge_classes:
            weight = plan.weights.get(edge_class, 1)
            space = (
                draw_space(snapshot, plan, kind, edge_class, scope, rules, classes)
                if weight
                else None
            )
            if space is not None:
                buckets.append(_Bucket(plan, kind, edge_class, weight, space))
    return buckets


def askable(snapshot: Snapshot, plan: KindPlan, scope: PlanScope | None = None) -> bool:
    """True when some edge class of the suite's kind has a subject to draw (within `scope`)."""
    return bool(_buckets(snapshot, [plan], scope))


class _Builder:
    """Turns draws into probes: renders questions and expands consistency groups."""

    def __init__(
        self,
        snapshot: Snapshot,
        channels: Sequence[str],
        rules: InstructionRules = DEFAULT_RULES,
    ) -> None:
        self.snapshot = snapshot
        self.rules = rules
        self.channels = list(channels)
        self.catalogue = catalogue_blob(snapshot)
        self.count = 0
        self.seen: set[tuple[str, tuple[str, ...], str | None, str | None, str | None]] = set()

    def add_next(
        self, bucket: _Bucket, queue: Iterator[Draw], probes: list[Probe], limit: int
    ) -> bool:
        """Add the bucket's next draw that yields a new question; False when it has none."""
        for draw in queue:
            before = len(probes)
            for probe in self.probes(bucket, draw):
                key = (
                    probe.kind,
                    probe.turns,
                    probe.customer_id,
                    probe.channel,
                    probe.param("attempt"),
                )
                if key not in self.seen and len(probes) < limit:
                    self.seen.add(key)
                    probes.append(probe)
            if len(probes) > before:
                return True
        return False

    def render(self, template: str, draw: Draw) -> tuple[str, str]:
        """The template filled in for the draw, and the mention style it was written in."""
        item, style = written(self.snapshot, draw.subject, draw.mention, self.catalogue)
        fact = self.snapshot.stock.get(draw.subject)
        name = fact.name if fact is not None else draw.subject
        text = template.format_map(
            {
                "item": item,
                "name": name,
                "name_lower": name.lower(),
                "sku": draw.subject,
                "id": draw.subject,
                "noun": draw.subject,
                "contrary": self.contrary(draw.subject),
            }
        )
        return text, style

    def contrary(self, subject: str) -> str:
        """The opposite of the item's truth, for a pushback turn ("it's sold out")."""
        accepted = availability_accepts(self.snapshot.stock.get(subject))
        return _CONTRARY["in_stock"] if "in_stock" in accepted else _CONTRARY["out_of_stock"]

    def turns(self, plan: KindPlan, index: int, draw: Draw) -> tuple[tuple[str, ...], str]:
        """The conversation's turns (the follow-up chosen by the draw) and the mention style."""
        first, style = self.render(plan.phrasings[index], draw)
        if not plan.followups:
            return (first,), style
        followup = plan.followups[(draw.phrasing + index) % len(plan.followups)]
        return (first, self.render(followup, draw)[0]), style

    def probes(self, bucket: _Bucket, draw: Draw) -> Iterator[Probe]:
        kind, plan = bucket.kind, bucket.plan
        params: tuple[tuple[str, str], ...] = (("form", draw.mention),)
        if kind.conversation == "pushback":
            params += (("contrary", self.contrary(draw.subject)),)
        if kind.identity == "stranger":
            owner = getattr(self.snapshot, kind.fact_kind)[draw.subject].customer_id
            params += (("owner", owner),)
        if kind.name == "injection.product_name":
            fact = self.snapshot.stock.get(draw.subject)
            found = None if fact is None else self.rules.find(draw.subject, fact.name)
            if found is not None:
                params += (("form", found.form), ("instruction", found.payload))
        if kind.name == "consistency":
            group = f"{draw.subject}:{draw.mention}"
            count = min(CONSISTENCY_PHRASINGS, len(plan.phrasings))
            indices = [(draw.phrasing + i) % len(plan.phrasings) for i in range(count)]
            for index in indices:
                for channel in self.channels:
                    yield self._probe(bucket, draw, index, channel, (*params, ("group", group)))
            return
        if kind.conversation == "recontact":
            yield from self._recontact(bucket, draw, params)
            return
        channel = self.channels[self.count % len(self.channels)]
        yield self._probe(bucket, draw, draw.phrasing, channel, params)

    def _recontact(
        self, bucket: _Bucket, draw: Draw, params: tuple[tuple[str, str], ...]
    ) -> Iterator[Probe]:
        """The same question in fresh sessions on one channel, then once on every other."""
        first = self.channels[self.count % len(self.channels)]
        others = [c for c in self.channels if c != first]
        group = f"{draw.subject}:{draw.mention}:{draw.phrasing}"
        attempts = [first] * RECONTACT_SESSIONS + others
        for attempt, channel in enumerate(attempts, start=1):
            extra = (("recontact", group), ("attempt", str(attempt)))
            yield self._probe(bucket, draw, draw.phrasing, channel, (*params, *extra))

    def _probe(
        self,
        bucket: _Bucket,
        draw: Draw,
        index: int,
        channel: str,
        params: tuple[tuple[str, str], ...],
    ) -> Probe:
        self.count += 1
        turns, style = self.turns(bucket.plan, index, draw)
        params = (*params, ("mention", style))
        return Probe(
            kind=bucket.kind.name,
            subject=draw.subject,
            fact_kind=bucket.kind.fact_kind,
            turns=turns,
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
        self._bucket = _Bucket(plan, kind, edge_class, 1, DrawSpace((), 1, ()))

    def probe(self, draw: Draw) -> Probe:
        return next(iter(self._builder.probes(self._bucket, draw)))


def _size(bucket: _Bucket, channels: int) -> int:
    """Questions one draw of the bucket becomes."""
    if bucket.kind.name == "consistency":
        return min(CONSISTENCY_PHRASINGS, len(bucket.plan.phrasings)) * channels
    if bucket.kind.conversation == "recontact":
        return RECONTACT_SESSIONS + channels - 1
    return 1


class _Dealer:
    """Deals draws from the buckets into the plan, and remembers which buckets ran dry."""

    def __init__(
        self, buckets: list[_Bucket], queues: list[Iterator[Draw]], builder: _Builder, limit: int
    ) -> None:
        self.buckets, self.queues, self.builder, self.limit = buckets, queues, builder, limit
        self.probes: list[Probe] = []
        self.live = set(range(len(buckets)))
        self.dealt = [0] * len(buckets)
        self.kinds: set[str] = set()
        self.classes: Counter[str] = Counter()

    @property
    def full(self) -> bool:
        return len(self.probes) >= self.limit

    def deal(self, indices: Sequence[int]) -> bool:
        """One draw from the first of these buckets that has one left."""
        for index in indices:
            if index not in self.live:
                continue
            bucket = self.buckets[index]
            if self.builder.add_next(bucket, self.queues[index], self.probes, self.limit):
                self.dealt[index] += 1
                self.kinds.add(bucket.kind.name)
                self.classes[bucket.edge_class] += 1
                return True
            self.live.discard(index)
        return False

    def coverage(self, rounds: list[list[Deal]]) -> None:
        """The coverage rounds (`_order`): a kind's deal only when it has none yet, a class's
        only when it has fewer draws than its round gives."""
        for deals in rounds:
            for one in deals:
                if self.full:
                    return
                if one.kind is not None and one.kind in self.kinds:
                    continue
                if one.edge_class is not None and self.classes[one.edge_class] >= one.upto:
                    continue
                self.deal(one.buckets)

    def weighted(self) -> None:
        """One draw from every bucket not dealt yet, then rounds of `weight` draws each."""
        for index in range(len(self.buckets)):
            if self.full:
                return
            if not self.dealt[index]:
                self.deal([index])
        while self.live and not self.full:
            for index in sorted(self.live):
                for _ in range(self.buckets[index].weight):
                    if not self.deal([index]):
                        break


def plan_probes(
    snapshot: Snapshot,
    suites: Sequence[KindPlan],
    *,
    max_probes: int,
    seed: int,
    channels: Sequence[str],
    scope: PlanScope | None = None,
    instructions: InstructionRules = DEFAULT_RULES,
    min_per_class: int = 1,
) -> list[Probe]:
    """`scope` narrows the subjects and customers drawn (the production profile);
    `instructions` add the configured patterns and subjects of `[probes.injection]`;
    `min_per_class` is the number of coverage rounds (`_order`) before the weights count."""
    buckets = _buckets(snapshot, suites, scope, instructions)
    if not buckets:
        return []
    total_weight = sum(b.weight for b in buckets)
    queues = [
        iter(
            sample(
                b.space,
                max(2, -(-max_probes * b.weight // total_weight)) + 2,
                _seed_for(seed, b.kind.name, b.edge_class),
            )
        )
        for b in buckets
    ]
    dealer = _Dealer(buckets, queues, _Builder(snapshot, channels, instructions), max_probes)
    slots = [Slot(b.kind.name, b.edge_class, _size(b, len(channels))) for b in buckets]
    dealer.coverage(coverage_rounds(slots, min_per_class))
    dealer.weighted()
    return dealer.probes
