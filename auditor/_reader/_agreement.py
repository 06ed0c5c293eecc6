"""How often the rules and the model read an answer alike, per claim kind (pure).

For one answer and one kind, the two readings agree when they hold the same values of that
kind (both none counts only when the other reader also read none: such answers are left out,
so that a kind neither reader saw does not flatter the figure). Subjects are not compared: the
model reads about the asked subject only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

#: One answer's two readings: (kinds asked, the rules' (kind, value)s, the model's).
Pair = tuple[Sequence[str], Iterable[tuple[str, object]], Iterable[tuple[str, object]]]


@dataclass(frozen=True, slots=True)
class KindAgreement:
    kind: str
    #: Answers where both readers read the same values of this kind.
    agree: int
    #: Answers where either reader read a claim of this kind.
    of: int

    @property
    def rate(self) -> float | None:
        return None if self.of == 0 else self.agree / self.of


def agreement(pairs: Iterable[Pair]) -> list[KindAgreement]:
    """Per kind asked, in name order; kinds neither reader ever read are left out."""
    agree: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for kinds, rules, model in pairs:
        ruled = list(rules)
        modelled = list(model)
        for kind in kinds:
            a = {str(v) for k, v in ruled if k == kind}
            b = {str(v) for k, v in modelled if k == kind}
            if not a and not b:
                continue
            seen[kind] += 1
            agree[kind] += a == b
    return [KindAgreement(kind, agree[kind], seen[kind]) for kind in sorted(seen)]
