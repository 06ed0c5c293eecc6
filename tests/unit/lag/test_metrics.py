"""Lag metrics: nearest-rank percentiles over what was reflected; the rest counted apart."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given
from hypothesis import strategies as st

from auditor._lag import LagRecord, ResetRecord, percentile, summarise_lag
from tests.unit.lag._facts import NOW

STATUSES = ("reflected", "not_reflected", "inconclusive", "skipped", "error")


def record(kind: str, status: str = "reflected", lag: float | None = 1.0, n: int = 0) -> LagRecord:
    return LagRecord(
        scenario=f"{kind}#{n}",
        kind=kind,
        status=status,
        subject=f"S-{n}",  # type: ignore[arg-type]
        lag_s=lag if status == "reflected" else None,
        deadline_s=60.0,
        started_at=NOW,
        finished_at=NOW + timedelta(seconds=1),
    )


def test_percentiles_are_nearest_rank():
    values = [5.0, 1.0, 4.0, 2.0, 3.0]
    assert percentile(values, 0.5) == 3.0
    assert percentile(values, 0.95) == 5.0
    assert percentile([], 0.5) is None


def test_the_summary_groups_by_kind_and_names_what_never_arrived():
    records = [
        record("stock_out", lag=30.4),
        record("stock_out", lag=31.0, n=1),
        record("order_shipped", "not_reflected", n=2),
        record("refund_issued", "skipped", n=3),
    ]
    summary = summarise_lag(records, ResetRecord(ok=False, reason="409", at=NOW))
    assert summary.by_kind["stock_out"].p50_s == 30.4
    assert summary.by_kind["stock_out"].max_s == 31.0
    assert summary.by_kind["order_shipped"].not_reflected == 1
    assert summary.by_kind["order_shipped"].max_s is None
    assert summary.by_kind["refund_issued"].not_run == 1
    assert summary.never_reflected == ["order_shipped#2 (S-2)"]
    assert summary.overall.scenarios == 4 and summary.overall.reflected == 2
    assert summary.reset_ok is False and summary.reset_reason == "409"


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["stock_out", "order_shipped"]),
            st.sampled_from(STATUSES),
            st.floats(min_value=0, max_value=600, allow_nan=False),
        )
    )
)
def test_the_distribution_is_ordered_and_counts_every_scenario_once(rows):
    records = [record(k, s, lag, i) for i, (k, s, lag) in enumerate(rows)]
    summary = summarise_lag(records)
    for stats in [summary.overall, *summary.by_kind.values()]:
        assert (
            stats.reflected + stats.not_reflected + stats.inconclusive + stats.not_run
            == stats.scenarios
        )
        if stats.reflected:
            assert stats.p50_s is not None and stats.p95_s is not None
            assert stats.max_s is not None
            assert stats.p50_s <= stats.p95_s <= stats.max_s
        else:
            assert stats.p50_s is None and stats.max_s is None
    assert len(summary.never_reflected) == summary.overall.not_reflected
    assert sum(s.scenarios for s in summary.by_kind.values()) == len(records)
