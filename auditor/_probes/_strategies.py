"""Edge classes and probes as Hypothesis strategies over a snapshot.

The same strategies serve both phases of an audit: the plan draws from them (seeded, no
database), and the shrink phase lets Hypothesis search them for the simplest failing case.
Members are ordered simplest first (short names, plain ASCII), because Hypothesis shrinks
`sampled_from` towards its first element.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hypothesis import strategies as st

from auditor._edges import edge_class_members, injected_skus
from auditor._facts import Snapshot, StockFact
from auditor._instructions import DEFAULT_RULES, InstructionRules
from auditor._probes._kinds import ProbeKind
from auditor._probes._scope import PlanScope
from auditor._probes._suites import KindPlan

_DIGITS = re.compile(r"\d+")
MENTIONS = ("name", "sku", "lower", "partial", "typo")


def _simplicity(snapshot: Snapshot, fact_kind: str, subject: str) -> tuple[int, int, str]:
    fact = snapshot.stock.get(subject) if fact_kind == "stock" else None
    name = fact.name if isinstance(fact, StockFact) else subject
    return (0 if name.isascii() else 1, len(name), subject)


def subjects(
    snapshot: Snapshot,
    kind: ProbeKind,
    edge_class: str,
    scope: PlanScope | None = None,
    rules: InstructionRules = DEFAULT_RULES,
) -> list[str]:
    """Members of an edge class that the kind can ask about (within `scope`), simplest first.

    `rules` add the configured patterns and subjects to the `injected_name` class."""
    if edge_class == "injected_name":
        members = injected_skus(snapshot, rules)
    else:
        members = edge_class_members(snapshot).get(edge_class, [])
    table = getattr(snapshot, kind.fact_kind)
    usable = [m for m in members if m in table and kind.applies(table[m])]
    if scope is not None:
        usable = [m for m in usable if _in_scope(scope, kind, m, table[m])]
    return sorted(usable, key=lambda m: _simplicity(snapshot, kind.fact_kind, m))


def _in_scope(scope: PlanScope, kind: ProbeKind, subject: str, fact: object) -> bool:
    if not scope.allows(kind.fact_kind, subject):
        return False
    # Asked as a customer (owner or stranger), the subject must belong to an allowed customer.
    return kind.identity == "none" or scope.allows_customer(getattr(fact, "customer_id", None))


def unknown_skus(snapshot: Snapshot) -> st.SearchStrategy[str]:
    """SKUs in the shop's own format (letters kept, digits redrawn) that the shop lacks."""
    templates = sorted(snapshot.stock)[:500] or ["SKU-0000"]

    def redraw(template: str, draws: st.DataObject) -> str:
        return _DIGITS.sub(
            lambda m: draws.draw(st.text("0123456789", min_size=len(m[0]), max_size=len(m[0]))),
            template,
        )

    return (
        st.tuples(st.sampled_from(templates), st.data())
        .map(lambda pair: redraw(*pair))
        .filter(lambda sku: sku not in snapshot.stock)
    )


@dataclass(frozen=True, slots=True)
class Draw:
    """One drawn probe before it becomes a `Probe`: subject, wording and identity."""

    subject: str
    phrasing: int
    mention: str
    customer_id: str | None = None


def _customers(snapshot: Snapshot, scope: PlanScope | None = None) -> list[str]:
    found = {f.customer_id for f in snapshot.orders.values()}
    return sorted(c for c in found if scope is None or scope.allows_customer(c))


def draws(
    snapshot: Snapshot,
    plan: KindPlan,
    kind: ProbeKind,
    edge_class: str,
    scope: PlanScope | None = None,
    rules: InstructionRules = DEFAULT_RULES,
) -> st.SearchStrategy[Draw] | None:
    """What one bucket can ask (within `scope`), or None when the data has no subject for it."""
    mention = st.sampled_from(MENTIONS) if kind.fact_kind == "stock" else st.just("id")
    if kind.drawn_from is not None:
        nouns = kind.drawn_from(snapshot)
        if not nouns:
            return None
        subject: st.SearchStrategy[str] = st.sampled_from(nouns)
        mention = st.just("noun")
    elif kind.subject_exists:
        members = subjects(snapshot, kind, edge_class, scope, rules)
        if not members:
            return None
        subject = st.sampled_from(members)
    else:
        subject = unknown_skus(snapshot)
    phrasing = st.integers(0, len(plan.phrasings) - 1)
    base = st.builds(Draw, subject, phrasing, mention)
    if kind.identity == "none":
        return base
    table = getattr(snapshot, kind.fact_kind)
    if kind.identity == "owner":
        return base.map(
            lambda d: Draw(d.subject, d.phrasing, d.mention, table[d.subject].customer_id)
        )
    customers = _customers(snapshot, scope)
    if len(customers) < 2:
        return None
    return (
        st.tuples(base, st.sampled_from(customers))
        .filter(lambda pair: pair[1] != table[pair[0].subject].customer_id)
        .map(lambda pair: Draw(pair[0].subject, pair[0].phrasing, pair[0].mention, pair[1]))
    )


def catalogue_blob(snapshot: Snapshot) -> str:
    """Every item name, lower case, one per line: uniqueness checks become one `str.count`."""
    return "\n".join(f.name.lower() for f in snapshot.stock.values())


def mention_of(snapshot: Snapshot, subject: str, style: str, catalogue: str) -> str:
    """How a question names an item: its name, SKU, lower case, a partial name or a typo."""
    fact = snapshot.stock.get(subject)
    if not isinstance(fact, StockFact) or style == "sku":
        return subject
    if style == "lower":
        return fact.name.lower()
    if style == "partial":
        return _partial(fact.name, catalogue) or fact.name
    if style == "typo":
        return _typo(fact.name)
    return fact.name


def _partial(name: str, catalogue: str) -> str | None:
    """The shortest leading words of the name that no other item's name contains."""
    words = name.split()
    for n in range(1, len(words)):
        candidate = " ".join(words[:n])
        if len(candidate) >= 4 and catalogue.count(candidate.lower()) == 1:
            return candidate
    return None


def _typo(name: str) -> str:
    """Swap two letters inside the longest word: one small, deterministic slip of the finger."""
    words = name.split()
    longest = max(range(len(words)), key=lambda i: (len(words[i]), -i)) if words else 0
    word = words[longest] if words else name
    if len(word) < 5 or not word.isalpha():
        return name
    i = len(word) // 2
    words[longest] = word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]
    return " ".join(words)
