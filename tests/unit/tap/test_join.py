"""The join rule: calls go to the probes they name, in whose window they start."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from auditor._tap import join_calls
from tests.unit.tap._build import call, probe


def test_a_call_naming_the_subject_in_its_window_is_direct():
    results = [probe("KT-1", 0, 2), probe("KT-2", 1, 3)]
    joined = join_calls(results, [call(1.5, params={"sku": "KT-2"})])
    assert joined.direct == 1
    assert joined.calls[results[1].probe_id][0][1] == "direct"
    assert joined.calls[results[0].probe_id] == []


def test_an_id_of_the_truth_names_the_probe_too():
    ret = probe(
        "RMA-1",
        0,
        2,
        fact_kind="returns",
        customer="C-1",
        truth={"return_id": "RMA-1", "order_id": "ORD-9", "sku": "KT-1"},
    )
    joined = join_calls(
        [ret],
        [call(1, "getOrder", anchor="orders", fact_kind="orders", params={"order_id": "ORD-9"})],
    )
    assert joined.calls[ret.probe_id][0][1] == "direct"


def test_the_same_subject_asked_twice_at_once_is_shared_unless_the_identity_tells():
    owner = probe("ORD-1", 0, 2, fact_kind="orders", customer="C-1")
    stranger = probe("ORD-1", 0, 2, fact_kind="orders", customer="C-2", channel="sms")
    by_identity = call(
        1,
        "getOrder",
        anchor="orders",
        fact_kind="orders",
        params={"order_id": "ORD-1"},
        identity="C-2",
    )
    anonymous = call(
        1, "getOrder", anchor="orders", fact_kind="orders", params={"order_id": "ORD-1"}
    )
    joined = join_calls([owner, stranger], [by_identity, anonymous])
    assert (joined.direct, joined.shared) == (1, 1)
    assert [m for _, m in joined.calls[stranger.probe_id]] == ["direct", "shared"]
    assert [m for _, m in joined.calls[owner.probe_id]] == ["shared"]


def test_a_call_naming_no_probe_is_ambiguous_among_probes_of_its_kind():
    stock = [probe("KT-1", 0, 2), probe("KT-2", 0, 2)]
    order = probe("ORD-1", 0, 2, fact_kind="orders", customer="C-1")
    joined = join_calls([*stock, order], [call(1, "listItems", query={"q": ["kettle"]})])
    assert joined.ambiguous == 1
    assert all(joined.calls[r.probe_id][0][1] == "ambiguous" for r in stock)
    assert joined.calls[order.probe_id] == []


def test_calls_outside_every_window_are_unattributed():
    joined = join_calls([probe("KT-1", 5, 6)], [call(1, params={"sku": "KT-1"}), call(7)])
    assert joined.unattributed == 2 and joined.direct == 0


WINDOWS = st.lists(
    st.tuples(st.sampled_from(["KT-1", "KT-2", "KT-3"]), st.floats(0, 50), st.floats(0, 10)),
    max_size=8,
)
CALLS = st.lists(
    st.tuples(st.floats(-5, 65), st.sampled_from([None, "KT-1", "KT-2", "KT-9"])),
    max_size=12,
)


@given(WINDOWS, CALLS)
def test_every_call_is_counted_once_and_only_given_to_probes_holding_it(windows, calls):
    results = [
        probe(subject, start, start + length, channel=f"c{i}")
        for i, (subject, start, length) in enumerate(windows)
    ]
    recorded = [
        call(start, params={"sku": sku} if sku else {}, seq=i)
        for i, (start, sku) in enumerate(calls)
    ]
    joined = join_calls(results, recorded)
    assert joined.direct + joined.shared + joined.ambiguous + joined.unattributed == len(calls)
    by_id = {r.probe_id: r for r in results}
    for probe_id, attributed in joined.calls.items():
        result = by_id[probe_id]
        for tapped, mode in attributed:
            assert result.started_at <= tapped.started_at <= result.finished_at
            if mode == "direct":
                owners = [p for p, a in joined.calls.items() if any(c is tapped for c, _ in a)]
                assert owners == [probe_id]
                assert result.probe["subject"] in tapped.values()


def test_a_lookup_of_a_subject_belongs_to_its_question_not_to_an_order_containing_it():
    stock = probe("KT-1", 0, 2)
    order = probe(
        "ORD-1",
        0,
        2,
        fact_kind="orders",
        customer="C-1",
        truth={"order_id": "ORD-1", "lines": [{"sku": "KT-1"}]},
    )
    joined = join_calls([stock, order], [call(1, params={"sku": "KT-1"})])
    assert joined.direct == 1
    assert joined.calls[stock.probe_id][0][1] == "direct" and joined.calls[order.probe_id] == []
