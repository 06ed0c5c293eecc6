"""Confidence intervals of the audit's rates: pure functions, no dependency beyond the stdlib.

Every share an audit reports (agreement, read rate, deflection, conflicts, errors) is a count of
successes out of `n` answers, so its uncertainty is that of a binomial proportion. We use the
Wilson score interval:

* unlike the textbook Wald interval (p ± z·√(p(1-p)/n)), it keeps close to its nominal coverage
  at small `n` and near 0 and 1, exactly where an audit lives (40 answers, 0 or 1 failures);
  Wald collapses to a zero-width [1, 1] for 40 passes out of 40, which would let a gate decide
  on no evidence at all;
* unlike the exact Clopper–Pearson interval it is not conservative by construction: at the same
  confidence it is narrower, so a decision needs fewer answers, while its average coverage
  stays near the nominal level (Brown, Cai & DasGupta, "Interval Estimation for a Binomial
  Proportion", Statistical Science 16(2), 2001, recommend it for small n);
* it is a closed form: no scipy on the run path (the tests compare it with
  `scipy.stats.binomtest(...).proportion_ci(method="wilson")`).
"""

from __future__ import annotations

import math
from functools import cache
from statistics import NormalDist
from typing import Literal

#: The confidence of the interval every report shows beside a rate.
REPORT_CONFIDENCE = 0.95
#: The most answers `answers_needed` looks ahead before it says "not within reach".
_HORIZON = 1_000_000


@cache
def z_score(confidence: float) -> float:
    """The two-sided normal quantile of `confidence` (1.96 for 0.95)."""
    if not 0.0 < confidence < 1.0:
        raise ValueError(f"confidence must be between 0 and 1, got {confidence!r}")
    return NormalDist().inv_cdf(0.5 + confidence / 2)


def wilson(
    successes: int, n: int, confidence: float = REPORT_CONFIDENCE
) -> tuple[float, float] | None:
    """The Wilson score interval of `successes` out of `n`; None when `n` is 0 (no data)."""
    if n <= 0:
        return None
    if not 0 <= successes <= n:
        raise ValueError(f"successes must be between 0 and n ({n}), got {successes}")
    low, high = _wilson_real(successes, n, confidence)
    # Exact at the ends: rounding may put a bound a hair inside [0, 1] at p = 0 or 1.
    return (0.0 if successes == 0 else low), (1.0 if successes == n else high)


Side = Literal["at_least", "at_most"]
Decision = Literal["pass", "fail", "undecided"]


def side_of(interval: tuple[float, float], threshold: float, side: Side) -> Decision:
    """Where the interval lies against a threshold the rate must be `side` of.

    `pass`: all of it on the right side (a threshold on the bound counts as met, like the
    point gate's ≥ and ≤); `fail`: all of it on the wrong side; else `undecided`."""
    low, high = interval
    if side == "at_least":
        return "pass" if low >= threshold else "fail" if high < threshold else "undecided"
    return "pass" if high <= threshold else "fail" if low > threshold else "undecided"


def answers_needed(
    successes: int, n: int, threshold: float, side: Side, confidence: float
) -> int | None:
    """Further answers likely needed to decide, or None when no number of them would.

    The estimate: were the rate to stay where it is (`successes / n`), the least total `n'` at
    which the Wilson interval around it lies wholly on one side of the threshold, less `n`.
    A rate exactly on the threshold never leaves it (None), nor one with no data yet (None:
    nothing to extrapolate from). It is an expectation, not a promise: the rate moves.
    """
    if n <= 0:
        return None
    rate = successes / n

    def decided(total: int) -> bool:
        k = rate * total  # the same rate at a larger sample: a fractional count is fine here
        interval = _wilson_real(k, total, confidence)
        return side_of(interval, threshold, side) != "undecided"

    if decided(n):
        return 0
    high = n
    while not decided(high):
        if high >= _HORIZON:
            return None
        high = min(high * 2, _HORIZON)
    low = max(n, high // 2)  # undecided at `low` (or it is `n`, undecided above)
    while high - low > 1:
        mid = (low + high) // 2
        if decided(mid):
            high = mid
        else:
            low = mid
    return high - n


def _wilson_real(k: float, n: int, confidence: float) -> tuple[float, float]:
    """`wilson` for a real-valued count (the extrapolation of `answers_needed`)."""
    z = z_score(confidence)
    p = k / n
    z2n = z * z / n
    centre = (p + z2n / 2) / (1 + z2n)
    half = z * math.sqrt(max(0.0, p * (1 - p)) / n + z2n / (4 * n)) / (1 + z2n)
    return max(0.0, centre - half), min(1.0, centre + half)


def show_interval(interval: tuple[float, float] | None) -> str:
    """An interval as people read it: "95% CI 84.2–98.7%"; "" without data."""
    if interval is None:
        return ""
    low, high = interval
    return f"95% CI {low:.1%}–{high:.1%}"
