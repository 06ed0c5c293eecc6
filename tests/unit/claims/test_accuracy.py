"""Per-kind accuracy of the extractor on the labelled sets (fixtures/claims/README.md).

`labelled.jsonl` is the development set (the bar is 95 % per kind); `holdout.jsonl` was
written before the extractor and is never tuned against (the bar is 85 % per kind). Run with
`-s` to see the per-kind tables.
"""

from __future__ import annotations

import pytest

from auditor._claims import ClaimKind
from tests.unit.claims._scoring import load, score, table

_BARS = {"labelled.jsonl": 0.95, "holdout.jsonl": 0.85}
_HEDGE_BAR = 0.9
#: Kinds added after these sets were written: the corpus in other voices measures them.
_NEWER_THAN_THE_SETS = frozenset({ClaimKind.CLARIFICATION})
#: Kinds these sets do not label at all: a text read as one is not a miss here (the delays
#: corpus, fixtures/claims/corpus/delays, measures `delay`).
_NOT_LABELLED_THERE = frozenset({ClaimKind.DELAY})


@pytest.fixture(scope="module", params=sorted(_BARS))
def scored(request: pytest.FixtureRequest) -> tuple[str, dict[ClaimKind, object]]:
    name = request.param
    scores = score(load(name))
    print(f"\n{name}\n{table(scores)}")
    return name, scores


def test_every_kind_meets_its_bar(scored):
    name, scores = scored
    failing = {
        kind.value: f"{s.correct}/{s.n}"
        for kind, s in scores.items()
        if s.accuracy < _BARS[name] and kind not in _NOT_LABELLED_THERE
    }
    misses = [
        m
        for kind, s in scores.items()
        if s.accuracy < _BARS[name] and kind not in _NOT_LABELLED_THERE
        for m in s.misses
    ]
    assert not failing, f"{name}: below {_BARS[name]:.0%}: {failing}\n" + "\n".join(misses)


def test_every_kind_is_measured(scored):
    name, scores = scored
    newer = _NEWER_THAN_THE_SETS | _NOT_LABELLED_THERE
    assert all(s.n > 0 for kind, s in scores.items() if kind not in newer), name


def test_hedging_agrees(scored):
    name, scores = scored
    pairs = sum(s.hedge_pairs for s in scores.values())
    agree = sum(s.hedge_agree for s in scores.values())
    assert agree / pairs >= _HEDGE_BAR, f"{name}: hedged flag agrees on {agree}/{pairs} claims"
