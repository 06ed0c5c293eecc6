"""The Wilson interval against scipy's and published values; where an interval stands against a
threshold; how many more answers a decision likely needs."""

from __future__ import annotations

import pytest
from scipy import stats as scipy_stats  # dev only: the run path computes Wilson itself

from auditor._report._intervals import answers_needed, side_of, wilson, z_score


@pytest.mark.parametrize(
    ("k", "n"),
    [
        (0, 1),
        (1, 1),
        (0, 10),
        (5, 10),
        (10, 10),
        (38, 40),
        (40, 40),
        (1, 40),
        (81, 263),
        (999, 1000),
    ],
)
@pytest.mark.parametrize("confidence", [0.9, 0.95, 0.99])
def test_wilson_matches_scipy(k, n, confidence):
    expected = scipy_stats.binomtest(k, n).proportion_ci(confidence, method="wilson")
    low, high = wilson(k, n, confidence)
    assert low == pytest.approx(expected.low, abs=1e-12)
    assert high == pytest.approx(expected.high, abs=1e-12)


def test_wilson_matches_published_values():
    # Newcombe (1998), Statistics in Medicine 17, table II: 81/263 -> 0.2553 to 0.3662;
    # 0/10 -> 0 to 0.2775.
    low, high = wilson(81, 263)
    assert (round(low, 4), round(high, 4)) == (0.2553, 0.3662)
    assert tuple(round(b, 4) for b in wilson(0, 10)) == (0.0, 0.2775)
    assert z_score(0.95) == pytest.approx(1.959964, abs=1e-6)


def test_wilson_without_data_or_with_bad_counts():
    assert wilson(0, 0) is None
    with pytest.raises(ValueError, match="between 0 and n"):
        wilson(3, 2)
    with pytest.raises(ValueError, match="confidence"):
        wilson(1, 2, confidence=1.0)


def test_all_passes_is_not_certainty():
    # The Wald interval would be [1, 1]; Wilson keeps room for a failure not yet seen.
    low, high = wilson(40, 40)
    assert high == 1.0 and 0.91 < low < 0.92


@pytest.mark.parametrize(
    ("interval", "threshold", "side", "expected"),
    [
        ((0.96, 0.99), 0.95, "at_least", "pass"),
        ((0.95, 0.99), 0.95, "at_least", "pass"),
        ((0.80, 0.94), 0.95, "at_least", "fail"),
        ((0.90, 0.99), 0.95, "at_least", "undecided"),
        ((0.0, 0.05), 0.05, "at_most", "pass"),
        ((0.06, 0.2), 0.05, "at_most", "fail"),
        ((0.01, 0.2), 0.05, "at_most", "undecided"),
    ],
)
def test_side_of(interval, threshold, side, expected):
    assert side_of(interval, threshold, side) == expected


def test_answers_needed_is_the_n_at_which_the_interval_clears():
    # 20 of 20: lower bound 0.839; at 73 of 73 it is 0.950 (>= 0.95), at 72 it is not.
    assert wilson(72, 72)[0] < 0.95 <= wilson(73, 73)[0]
    assert answers_needed(20, 20, 0.95, "at_least", 0.95) == 73 - 20
    # Already decided: none needed.
    assert answers_needed(73, 73, 0.95, "at_least", 0.95) == 0
    # An error rate of 0 against 5 %: the upper bound drops under 0.05 at n = 73 too.
    assert answers_needed(0, 10, 0.05, "at_most", 0.95) == 63
    # Clearly failing needs only a few more.
    assert answers_needed(5, 10, 0.95, "at_least", 0.95) == 0
    # On the threshold it never clears; with no data there is nothing to go on.
    assert answers_needed(19, 20, 0.95, "at_least", 0.95) is None
    assert answers_needed(0, 0, 0.95, "at_least", 0.95) is None
