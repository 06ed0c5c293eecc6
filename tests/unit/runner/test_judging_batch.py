"""How many waiting answers the judging task takes per turn of the event loop."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from auditor._runner import BACKLOG, judging_batch


@given(st.integers(min_value=1, max_value=100_000))
def test_at_least_one_and_never_more_than_wait(waiting: int) -> None:
    assert 1 <= judging_batch(waiting) <= waiting


@given(st.integers(min_value=1, max_value=100_000))
def test_more_waiting_never_means_a_smaller_batch(waiting: int) -> None:
    assert judging_batch(waiting + 1) >= judging_batch(waiting)


def test_a_quarter_while_the_loop_keeps_up_all_once_it_falls_behind() -> None:
    assert BACKLOG == 16
    assert [judging_batch(n) for n in (1, 3, 4, 8, 15, 16, 32)] == [1, 1, 1, 2, 3, 16, 32]
