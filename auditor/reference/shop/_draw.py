"""Cheap draws from a seeded `random.Random`.

`randint` and `choice` cost about twenty times what `random()` does, which made seeding a
100,000-item shop take seconds; these derive the same kinds of draws from `random()` alone.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TypeVar

_T = TypeVar("_T")


def between(rng: random.Random, low: int, high: int) -> int:
    """An integer in [low, high], both ends included."""
    return low + int(rng.random() * (high - low + 1))


def pick(rng: random.Random, choices: Sequence[_T]) -> _T:
    return choices[int(rng.random() * len(choices))]


def shuffled(rng: random.Random, values: list[_T]) -> list[_T]:
    keys = [rng.random() for _ in values]
    return [values[i] for i in sorted(range(len(values)), key=keys.__getitem__)]


def distinct(rng: random.Random, choices: Sequence[_T], count: int) -> list[_T]:
    """`count` different elements (by position) of a sequence much longer than `count`."""
    positions: list[int] = []
    while len(positions) < count:
        position = int(rng.random() * len(choices))
        if position not in positions:
            positions.append(position)
    return [choices[p] for p in positions]
