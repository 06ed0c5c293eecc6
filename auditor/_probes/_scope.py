"""What a plan may draw from: every subject and customer, or only some of them.

The production profile narrows the plan twice: questions asked as a customer may only use the
shop's test customers (real customers must never be impersonated), and subjects rotate through
the catalogue across runs. Both are a filter on the planner's members, never a smaller snapshot:
the planner still sees the whole catalogue, so a partial name it writes stays unambiguous and an
"unknown" SKU it generates is unknown to the whole shop, not only to the slice.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from auditor._facts import Snapshot
from auditor._probes._suites import KindPlan


@dataclass(frozen=True, slots=True)
class PlanScope:
    #: Per fact kind ("stock", "orders", "returns"), the only subjects that may be drawn; a
    #: fact kind absent from the mapping is not narrowed this way.
    only: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: Per fact kind, subjects that must not be drawn (whichever of the two is smaller is kept).
    excluded: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: The only customers a probe may be asked as (owners and strangers); None: any.
    customers: frozenset[str] | None = None
    #: Why the scope is what it is, for meta.json and the terminal.
    notes: tuple[str, ...] = ()
    #: What produced the scope (e.g. the rotation state), stored with it in meta.json.
    origin: Mapping[str, Any] = field(default_factory=dict)

    def allows(self, fact_kind: str, subject: str) -> bool:
        only = self.only.get(fact_kind)
        if only is not None and subject not in only:
            return False
        return subject not in self.excluded.get(fact_kind, frozenset())

    def allows_customer(self, customer_id: str | None) -> bool:
        return self.customers is None or customer_id in self.customers

    def to_json(self) -> dict[str, Any]:
        """Self-contained: with the same data and seed, `from_json` of this plans the same."""
        return {
            "only": {k: sorted(v) for k, v in sorted(self.only.items())},
            "excluded": {k: sorted(v) for k, v in sorted(self.excluded.items())},
            "customers": None if self.customers is None else sorted(self.customers),
            "notes": list(self.notes),
            "origin": dict(self.origin),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> PlanScope:
        customers = data.get("customers")
        return cls(
            only={str(k): frozenset(map(str, v)) for k, v in (data.get("only") or {}).items()},
            excluded={
                str(k): frozenset(map(str, v)) for k, v in (data.get("excluded") or {}).items()
            },
            customers=None if customers is None else frozenset(map(str, customers)),
            notes=tuple(map(str, data.get("notes") or ())),
            origin=dict(data.get("origin") or {}),
        )


#: (snapshot, suites) -> the scope of the plan about to be drawn.
ScopeFactory = Callable[[Snapshot, Sequence[KindPlan]], PlanScope]
