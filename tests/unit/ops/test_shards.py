"""Shards: every probe in exactly one shard, consistency groups whole, slices balanced."""

from __future__ import annotations

from collections import Counter
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor._probes import Probe, load_suites, plan_probes
from auditor._shards import Shard, ShardError, plan_digest, unit_of
from tests.unit.ops._shop import small_shop

SUITES = load_suites(["stock", "consistency", "conversations"])


@cache
def plan(budget: int, seed: int) -> tuple[Probe, ...]:
    return tuple(
        plan_probes(small_shop(), SUITES, max_probes=budget, seed=seed, channels=["web", "sms"])
    )


@pytest.mark.parametrize(
    ("text", "expected"), [("1/2", (1, 2)), (" 3 / 3 ", (3, 3)), ("1/1", (1, 1))]
)
def test_k_of_n(text, expected):
    shard = Shard.parse(text)
    assert (shard.index, shard.count) == expected
    assert str(shard) == f"{expected[0]}/{expected[1]}"


@pytest.mark.parametrize("text", ["0/2", "3/2", "1/0", "2", "a/b", "1/2/3", "-1/2"])
def test_bad_k_of_n_is_refused(text):
    with pytest.raises(ShardError):
        Shard.parse(text)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.nested_given])
@given(budget=st.sampled_from([7, 40]), seed=st.integers(0, 1), count=st.integers(1, 5))
def test_shards_partition_the_plan_and_keep_groups_whole(budget, seed, count):
    whole = plan(budget, seed)
    slices = [Shard(k, count).select(whole) for k in range(1, count + 1)]
    positions = [p for _, mark in slices for p in mark["positions"]]
    assert sorted(positions) == list(range(len(whole))), "each probe in exactly one shard"
    home: dict[str, int] = {}
    for k, (probes, mark) in enumerate(slices):
        assert mark["plan_digest"] == plan_digest(whole)
        assert [whole[i] for i in mark["positions"]] == probes, "slices keep the plan's order"
        for probe in probes:
            assert home.setdefault(unit_of(probe), k) == k, "a consistency group was split"
    units = Counter(home.values())
    sizes = [units.get(k, 0) for k in range(count)]
    assert max(sizes) - min(sizes) <= 1, f"unbalanced shards: {sizes} units"


def test_the_plan_has_groups_to_keep_whole():
    grouped = [p for p in plan(40, 0) if p.param("group") is not None]
    assert len({p.param("group") for p in grouped}) >= 2
    assert len(grouped) > len({p.param("group") for p in grouped})


def test_the_plan_has_recontacts_to_keep_whole():
    # A re-contact's attempts are reckoned together (`metrics.recontact`): split over shards,
    # each shard's report would count a deflected first attempt with no second one.
    attempts = [p for p in plan(40, 0) if p.param("recontact") is not None]
    groups = {p.param("recontact") for p in attempts}
    assert groups and len(attempts) > len(groups)
    for count in (2, 3):
        for k in range(1, count + 1):
            probes, _ = Shard(k, count).select(plan(40, 0))
            mine = {p.param("recontact") for p in probes} - {None}
            for group in mine:
                assert sum(p.param("recontact") == group for p in probes) == sum(
                    p.param("recontact") == group for p in attempts
                ), f"re-contact {group} split over shards"


def test_same_plan_same_slices():
    first = Shard(2, 3).select(plan(40, 1))
    again = Shard(2, 3).select(list(plan(40, 1)))
    assert first == again
