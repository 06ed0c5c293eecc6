"""The plan's order before the weights count (`_probes/_order.py`): the first round reaches every
edge class, then every probe kind; the next rounds give every class `min_per_class` draws. Pure:
the rule on made-up buckets, then on a plan of the test shop; no servers."""

from collections import Counter

from auditor._probes import load_suites, plan_probes
from auditor._probes._order import Slot, coverage_rounds
from auditor._report._decision import answer_unit
from tests.unit.core.test_planner import shop

ALL_SUITES = load_suites(["stock", "safety", "consistency", "conversations"])


def firsts(slots, rounds):
    """The bucket each deal of the rounds would take, every bucket having draws to spare."""
    return [[slots[deal.buckets[0]] for deal in deals] for deals in rounds]


def test_the_first_round_matches_kinds_to_classes_where_a_greedy_pick_would_not():
    # Taking `a`'s first bucket (class x) for x would leave kind `b` without a class of its
    # own: a maximum matching gives x to b and y to a, so two deals reach both classes and
    # both kinds.
    slots = [Slot("a", "x"), Slot("a", "y"), Slot("b", "x")]
    (first,) = coverage_rounds(slots, 1)
    dealt = [slots[deal.buckets[0]] for deal in first if deal.kind is None]
    assert {(s.kind, s.edge_class) for s in dealt} == {("b", "x"), ("a", "y")}
    # The kinds' own deals follow, to be skipped by the planner when the kind was dealt.
    assert [deal.kind for deal in first if deal.kind is not None] == ["a", "b"]


def test_single_questions_come_before_group_draws_and_classes_stay_distinct():
    slots = [
        Slot("consistency", "in_stock", 6),
        Slot("stock.availability", "in_stock"),
        Slot("stock.availability", "discontinued"),
        Slot("recontact", "discontinued", 3),
        Slot("pushback", "backordered"),
    ]
    (first, second) = firsts(slots, coverage_rounds(slots, 2))
    # One deal per class, from single questions where the class has them; the kinds left
    # (consistency) after.
    classes = [s.edge_class for s in first[:3]]
    assert classes == ["in_stock", "discontinued", "backordered"]
    assert [s.size for s in first[:3]] == [1, 1, 1]
    # Every kind is reached in the first round: three classes, four kinds.
    assert {s.kind for s in first} == {s.kind for s in slots}
    # The second round deals each class again, from its next bucket (the cheapest first).
    again = {s.edge_class: s for s in second}
    assert set(again) == set(classes)
    assert again["in_stock"] == Slot("consistency", "in_stock", 6)
    assert again["discontinued"] == Slot("recontact", "discontinued", 3)
    assert again["backordered"] == Slot("pushback", "backordered")  # its only bucket
    assert [s.size for s in second] == sorted(s.size for s in second)


def test_a_small_budget_reaches_every_edge_class_and_then_every_kind():
    snap = shop()
    whole = plan_probes(snap, ALL_SUITES, max_probes=300, seed=4, channels=["web", "sms"])
    classes = {p.edge_class for p in whole}
    kinds = {p.kind for p in whole}
    assert len(classes) >= 8 and len(kinds) >= 6
    small = plan_probes(snap, ALL_SUITES, max_probes=len(classes), seed=4, channels=["web"])
    assert len({p.edge_class for p in small}) == len(small) == len(classes)
    # The first round: one deal per class, then one per kind still missing; a deal is one
    # question, or a group's (consistency: 3 phrasings × 2 channels, re-contact: 3 sessions).
    first_seen: dict[str, int] = {}
    for at, probe in enumerate(whole, start=1):
        first_seen.setdefault(probe.kind, at)
    group = {"consistency": 6, "recontact": 3}
    first_round = len(classes) + len(kinds) + sum(n - 1 for k, n in group.items() if k in kinds)
    assert max(first_seen.values()) <= first_round, first_seen
    # and the weighted rounds come only after it.
    assert len({p.kind for p in whole[:first_round]}) == len(kinds)


def units_in_order(plan):
    """Per planned draw (a group's questions once): its class, and the question it starts at."""
    seen: set[str] = set()
    for at, probe in enumerate(plan, start=1):
        unit = answer_unit(probe) or probe.id
        if unit not in seen:
            seen.add(unit)
            yield probe.edge_class or "", at


def test_no_class_gets_more_than_min_per_class_draws_while_another_is_short():
    plan = plan_probes(
        shop(), ALL_SUITES, max_probes=300, seed=11, channels=["web", "sms"], min_per_class=3
    )
    held = Counter(edge_class for edge_class, _ in units_in_order(plan))
    needed = {c: min(3, n) for c, n in held.items()}
    count: Counter[str] = Counter()
    for edge_class, _ in units_in_order(plan):
        if all(count[c] >= n for c, n in needed.items()):
            break
        assert count[edge_class] < needed[edge_class], (edge_class, dict(count))
        count[edge_class] += 1
    assert all(count[c] >= n for c, n in needed.items())


def test_the_coverage_rounds_cost_fewer_questions_than_the_weighted_rounds_did():
    """`min_per_class = 3` in every class as early as the classes allow: each class's draws
    (a group's questions once) in about three questions per class, where a round-robin of
    one draw per bucket, then by weight, needs several rounds of every bucket."""
    snap = shop()
    channels = ["web", "sms"]

    def reached(plan):
        held = Counter(edge_class for edge_class, _ in units_in_order(plan))
        needed = {c: min(3, n) for c, n in held.items()}
        count: Counter[str] = Counter()
        for edge_class, at in units_in_order(plan):
            count[edge_class] += 1
            if all(count[c] >= n for c, n in needed.items()):
                return at, len(needed)
        return None, len(needed)

    ordered = plan_probes(
        snap, ALL_SUITES, max_probes=300, seed=2, channels=channels, min_per_class=3
    )
    plain = plan_probes(snap, ALL_SUITES, max_probes=300, seed=2, channels=channels)
    at, classes = reached(ordered)
    before, _ = reached(plain)
    assert at is not None and before is not None
    # Three draws per class, a group's draw being up to six questions.
    assert at <= 3 * classes + 2 * (6 - 1) + 2 * (3 - 1)
    assert at < before
