"""The stale_cache fault's time-shifted view, on an explicit clock."""

from hypothesis import given
from hypothesis import strategies as st

from auditor.reference.assistant._stale import TimeShiftedView


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_no_lag_passes_reads_through_and_keeps_nothing():
    view: TimeShiftedView[int] = TimeShiftedView(0, clock=Clock())
    assert [view.observe("k", value) for value in (1, 2, 3)] == [1, 2, 3]
    assert len(view) == 0


def test_a_change_shows_after_the_lag_not_before():
    clock = Clock()
    view: TimeShiftedView[str] = TimeShiftedView(10, clock=clock)
    assert view.observe("KT-1", "before") == "before"
    clock.now = 3.0  # the shop changes here; every read from now on sees "after"
    seen = {}
    for tick in range(3, 30):
        clock.now = float(tick)
        seen[tick] = view.observe("KT-1", "after")
    assert all(seen[t] == "before" for t in range(3, 13))
    assert all(seen[t] == "after" for t in range(13, 30))


def test_keys_are_independent_and_the_least_recent_are_forgotten():
    clock = Clock()
    view: TimeShiftedView[int] = TimeShiftedView(5, clock=clock, max_keys=2)
    view.observe("a", 1)
    view.observe("b", 1)
    view.observe("a", 2)  # "a" is now the most recent
    view.observe("c", 1)  # forgets "b"
    assert len(view) == 2
    assert view.observe("b", 9) == 9  # a fresh history: nothing older to show


@given(
    lag=st.floats(min_value=0.1, max_value=20),
    reads=st.lists(
        st.tuples(st.floats(min_value=0, max_value=8), st.integers(0, 5)), min_size=1, max_size=40
    ),
)
def test_shows_the_newest_read_at_least_lag_old_or_else_the_first(lag, reads):
    clock = Clock()
    view: TimeShiftedView[int] = TimeShiftedView(lag, clock=clock)
    history: list[tuple[float, int]] = []
    for step, (gap, value) in enumerate(reads):
        clock.now += gap
        history.append((clock.now, (step, value)))
        shown = view.observe("key", (step, value))
        old_enough = [v for t, v in history if clock.now - t >= lag]
        assert shown == (old_enough[-1] if old_enough else history[0][1])
