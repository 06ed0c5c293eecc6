"""The order the plan deals its buckets in before the weights count: the coverage rounds.

`stop = "decided"` asks the plan in order and stops as soon as the gate is decided, so what a
prefix of the plan reaches decides how soon: a fault that only one probe kind shows (pushback,
recommend, privacy, injection…) is found only once that kind is asked, and READY needs
`min_per_class` answers in every edge class. The rule, for the buckets (a probe kind × one of
its edge classes) present in the plan:

1. **The first round reaches every edge class and every probe kind, edge classes first.** It
   deals one draw per edge class, in the order the classes first appear, each from a
   single-question bucket when the class has one (a class with only group buckets comes last),
   chosen so that as many as possible also bring a probe kind not dealt yet (a maximum
   matching of kinds to classes); then one draw for each kind still missing (the group kinds,
   consistency and re-contact, among them). So a budget of `k` questions, `k` at most the
   number of edge classes, reaches `k` edge classes (as before) when each class has a
   single-question bucket, and the first round reaches every kind too, most of them within
   the edge classes' deals: it is the fewest single-question deals that reach every class and
   every kind that has single questions (a minimum edge cover of the kind–class graph: its
   maximum matching plus one deal per vertex left out).
2. **Rounds 2 to `min_per_class` deal each edge class once more** (unless a kind's deal of
   the first round already gave it as many), each from the next of its buckets in turn (the
   cheapest first: a consistency draw is six questions, a re-contact draw three), so that
   every class has `min_per_class` draws after as few questions as the classes allow: a class
   with one bucket of weight 1 is no longer left waiting for the weighted rounds.
3. After them the planner deals one draw from every bucket not dealt yet, then its weighted
   round-robin (`_planner.plan_probes`).

A deal that finds its bucket empty falls to the class's next bucket. A consistency or
re-contact draw is one answer for its class however many questions it becomes: its questions
repeat one question about one subject, to compare the answers, and say no more about the class
than one of them (`_report._decision.GateTally` counts them so).

The price: until the weighted rounds, a prefix weighs every class alike, not by the suites'
weights, so a share measured on it (agreement, deflection) leans towards the thin classes. A
fault confined to heavily weighted classes (`ignores_stock`: the out-of-stock classes, a
quarter of the demo's plan, a tenth of its first 50 questions) is decided later than the
weights would have it; benchmarks/README.md ("decide.py") has the figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Slot:
    """What the order needs to know of a bucket."""

    kind: str
    edge_class: str
    #: Questions one draw of the bucket becomes (6 for a consistency group on two channels).
    size: int = 1


def _matching(slots: Sequence[Slot], classes: Sequence[str]) -> dict[str, int]:
    """A maximum matching of kinds to edge classes through the single-question buckets:
    class -> bucket index. Kuhn's augmenting paths, kinds and buckets taken in plan order
    (deterministic). A group's kind (consistency, re-contact) is left to the kinds' deals: as a
    class's first deal it would spend several questions where one reaches the class."""
    by_kind: dict[str, list[int]] = {}
    for index, slot in enumerate(slots):
        if slot.size == 1:
            by_kind.setdefault(slot.kind, []).append(index)
    owner: dict[str, int] = {}  # edge class -> bucket index

    def augment(kind: str, visited: set[str]) -> bool:
        for index in by_kind[kind]:
            edge_class = slots[index].edge_class
            if edge_class in visited:
                continue
            visited.add(edge_class)
            if edge_class not in owner or augment(slots[owner[edge_class]].kind, visited):
                owner[edge_class] = index
                return True
        return False

    for kind in by_kind:
        augment(kind, set())
    return {c: owner[c] for c in classes if c in owner}


@dataclass(frozen=True, slots=True)
class Deal:
    """One draw to deal: from the first of `buckets` (indices) with a draw left. With `kind`
    set, only when no draw of that kind was dealt yet (the first round's kinds still missing)."""

    buckets: tuple[int, ...]
    kind: str | None = None
    #: A class's deal of a coverage round: skipped when the class already has `upto` draws
    #: (a kind's deal of the first round gave it one).
    edge_class: str | None = None
    upto: int = 0


def coverage_rounds(slots: Sequence[Slot], min_per_class: int) -> list[list[Deal]]:
    """The coverage rounds (the module's rules 1 and 2), each a list of deals in order."""
    classes = list(dict.fromkeys(slot.edge_class for slot in slots))
    matched = _matching(slots, classes)
    rotations: dict[str, list[int]] = {}
    for edge_class in classes:
        mine = [i for i, slot in enumerate(slots) if slot.edge_class == edge_class]
        first = matched.get(edge_class, min(mine, key=lambda i: (slots[i].size, i)))
        rest = sorted((i for i in mine if i != first), key=lambda i: (slots[i].size, i))
        rotations[edge_class] = [first, *rest]
    rounds: list[list[Deal]] = []
    for round_ in range(max(1, min_per_class)):
        deals = []
        for edge_class in classes:
            turn = rotations[edge_class]
            start = round_ % len(turn)
            deals.append(Deal((*turn[start:], *turn[:start]), None, edge_class, round_ + 1))
        # A class whose turn is a bigger draw (a consistency group) waits for the single
        # questions of the round: any order of one deal per class keeps the classes distinct.
        deals.sort(key=lambda deal: slots[deal.buckets[0]].size)
        if round_ == 0:
            for kind in dict.fromkeys(slot.kind for slot in slots):
                mine = sorted(
                    (i for i, s in enumerate(slots) if s.kind == kind),
                    key=lambda i: (slots[i].size, i),
                )
                deals.append(Deal(tuple(mine), kind))
        rounds.append(deals)
    return rounds
