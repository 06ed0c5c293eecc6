"""Edge classes and probes as Hypothesis strategies over a snapshot.

The same strategies serve both phases of an audit: the plan draws from them (seeded, no
database), and the shrink phase lets Hypothesis search them for the simplest failing case.
Members are ordered simplest first (short names, plain ASCII), because Hypothesis shrinks
`sampled_from` towards its first element.
"""

from __future__ import annotations

import dataclasses
import hashlib
import random
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from auditor._edges import edge_class_members, injected_skus
from auditor._facts import Snapshot, StockFact
from auditor._instructions import DEFAULT_RULES, InstructionRules
from auditor._probes._kinds import ProbeKind
from auditor._probes._scope import PlanScope
from auditor._probes._suites import KindPlan

if TYPE_CHECKING:
    from hypothesis import strategies as st

_DIGITS = re.compile(r"\d+")
#: How a question names an item (the draw's form), simplest first.
MENTIONS = ("name", "sku", "lower", "partial", "typo")
#: The mention style each form is recorded as (`params["mention"]`, read by the judge and the
#: per-style metrics): the name in full, a part of it, or a misspelling.
MENTION_STYLES = {
    "name": "exact",
    "sku": "exact",
    "lower": "exact",
    "id": "exact",
    "partial": "partial",
    "typo": "typo",
}
#: Words after the head noun that name a variant rather than the thing ("Kettle Pro").
_VARIANT_WORDS = frozenset({"pro", "plus", "max", "mini", "lite", "xl", "xxl", "xs", "slim"})
#: Longer names are sentences more than names (an instruction hidden in one): no partial.
_PARTIAL_MAX_WORDS = 5
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


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
    classes: Mapping[str, list[str]] | None = None,
) -> list[str]:
    """Members of an edge class that the kind can ask about (within `scope`), simplest first.

    `rules` add the configured patterns and subjects to the `injected_name` class. `classes`
    is `edge_class_members(snapshot)` when the caller has it already (the plan asks for every
    bucket: reckoning every class again each time cost most of a plan's CPU)."""
    if edge_class == "injected_name":
        members = injected_skus(snapshot, rules)
    else:
        classes = edge_class_members(snapshot) if classes is None else classes
        members = classes.get(edge_class, [])
    table = getattr(snapshot, kind.fact_kind)
    usable = [m for m in members if m in table and kind.applies(table[m])]
    if scope is not None:
        usable = [m for m in usable if _in_scope(scope, kind, m, table[m])]
    if kind.one_draw_per_subject and edge_class != "injected_name":
        usable = _to_rarest(usable, kind, edge_class, classes or {})
    return sorted(usable, key=lambda m: _simplicity(snapshot, kind.fact_kind, m))


def _to_rarest(
    usable: list[str], kind: ProbeKind, edge_class: str, classes: Mapping[str, list[str]]
) -> list[str]:
    """A kind that asks each subject once (`one_draw_per_subject`) asks a subject in two of its
    classes under the rarer one: a partly late order is also late, and drawn first as
    `late_order` it would leave `late_part` with nothing to ask and the class uncovered. A
    class keeps its shared subjects when it would otherwise have none."""
    size = {c: len(classes.get(c, ())) for c in kind.edge_classes}
    rarer = [
        set(classes.get(c, ()))
        for c in kind.edge_classes
        if c != edge_class and 0 < size[c] < size.get(edge_class, 0)
    ]
    own = [m for m in usable if not any(m in members for members in rarer)]
    return own or usable


def _in_scope(scope: PlanScope, kind: ProbeKind, subject: str, fact: object) -> bool:
    if not scope.allows(kind.fact_kind, subject):
        return False
    # Asked as a customer (owner or stranger), the subject must belong to an allowed customer.
    return kind.identity == "none" or scope.allows_customer(getattr(fact, "customer_id", None))


def sku_templates(snapshot: Snapshot) -> tuple[str, ...]:
    """The SKUs whose format unknown ones are drawn in (digits redrawn)."""
    return tuple(sorted(snapshot.stock)[:500] or ["SKU-0000"])


def unknown_skus(snapshot: Snapshot) -> st.SearchStrategy[str]:
    """SKUs in the shop's own format (letters kept, digits redrawn) that the shop lacks."""
    return _unknown(sku_templates(snapshot), snapshot.stock)


def _unknown(templates: tuple[str, ...], known: Collection[str]) -> st.SearchStrategy[str]:
    from hypothesis import strategies as st

    def redraw(template: str, draws: st.DataObject) -> str:
        return _DIGITS.sub(
            lambda m: draws.draw(st.text("0123456789", min_size=len(m[0]), max_size=len(m[0]))),
            template,
        )

    return (
        st.tuples(st.sampled_from(templates), st.data())
        .map(lambda pair: redraw(*pair))
        .filter(lambda sku: sku not in known)
    )


@dataclass(frozen=True, slots=True)
class Draw:
    """One drawn probe before it becomes a `Probe`: subject, wording and identity."""

    subject: str
    phrasing: int
    mention: str
    customer_id: str | None = None


def _phrasing_of(subject: str, count: int) -> int:
    """A phrasing fixed by the subject, so that distinct draws are distinct subjects."""
    return int.from_bytes(hashlib.sha256(subject.encode()).digest()[:4], "big") % count


def _customers(snapshot: Snapshot, scope: PlanScope | None = None) -> list[str]:
    found = {f.customer_id for f in snapshot.orders.values()}
    return sorted(c for c in found if scope is None or scope.allows_customer(c))


#: Tries at a draw that a filter may refuse (an unknown SKU that happens to exist, a stranger
#: who is the owner) before the bucket is taken to have nothing more.
_REDRAWS = 50


@dataclass(frozen=True, slots=True)
class DrawSpace:
    """What one bucket can ask: the one description both phases read.

    The plan draws from it with a seeded `random.Random` (`draw`); the shrink phase searches
    its Hypothesis strategy (`strategy`) for the simplest failing case. The plan once drew
    through Hypothesis too, but its engine cost 5-6 ms of CPU per planned probe (a loaded
    machine), and Hypothesis (6.170 here) mixes constants read from the source of every local,
    non-site-packages module loaded into its draws: with that switched off, one seed's plan of
    the reference shop came out different, so the plan depended on the install (editable or
    wheel) and on what the process had imported before.
    """

    #: The subjects to draw from, simplest first; None for SKUs the shop lacks.
    subjects: tuple[str, ...] | None
    phrasings: int
    mentions: tuple[str, ...]
    #: Of `identity == "owner"`/`"stranger"` kinds: each subject's owner.
    owners: Mapping[str, str | None] | None = None
    #: Of `identity == "stranger"` kinds: the customers asking about someone else's subject.
    strangers: tuple[str, ...] = ()
    #: For unknown SKUs: the shop's SKUs to take the format of, and every SKU it has.
    templates: tuple[str, ...] = ()
    known: Collection[str] = ()
    #: `ProbeKind.one_draw_per_subject`: the phrasing is the subject's own, so that distinct
    #: draws are distinct subjects (a small class is asked whole before any subject twice).
    fixed_phrasing: bool = False

    def draw(self, rng: random.Random, subject: str | None = None) -> Draw | None:
        """One draw, uniform over each part (about `subject` when given); None when a filter
        refused every try."""
        chosen = subject
        for _ in range(_REDRAWS):
            subject = chosen if chosen is not None else self._subject(rng)
            phrasing = (
                _phrasing_of(subject, self.phrasings)
                if self.fixed_phrasing and subject is not None
                else rng.randrange(self.phrasings)
            )
            mention = self.mentions[rng.randrange(len(self.mentions))]
            if subject is None:
                continue
            if self.owners is None:
                return Draw(subject, phrasing, mention)
            owner = self.owners[subject]
            if not self.strangers:
                return Draw(subject, phrasing, mention, owner)
            customer = self.strangers[rng.randrange(len(self.strangers))]
            if customer != owner:
                return Draw(subject, phrasing, mention, customer)
        return None

    def _subject(self, rng: random.Random) -> str | None:
        if self.subjects is not None:
            return self.subjects[rng.randrange(len(self.subjects))]
        template = self.templates[rng.randrange(len(self.templates))]
        sku = _DIGITS.sub(lambda m: "".join(rng.choices("0123456789", k=len(m[0]))), template)
        return None if sku in self.known else sku

    def strategy(self) -> st.SearchStrategy[Draw]:
        # Imported here: the plan draws without Hypothesis, and importing it costs a few
        # tenths of a second before the first question; the shrink phase needs it.
        from hypothesis import strategies as st

        mention = st.sampled_from(self.mentions)
        subject = (
            st.sampled_from(self.subjects)
            if self.subjects is not None
            else _unknown(self.templates, self.known)
        )
        base = st.builds(Draw, subject, st.integers(0, self.phrasings - 1), mention)
        if self.fixed_phrasing:
            count = self.phrasings
            base = st.builds(Draw, subject, st.just(0), mention).map(
                lambda d: Draw(d.subject, _phrasing_of(d.subject, count), d.mention)
            )
        owners = self.owners
        if owners is None:
            return base
        if not self.strangers:
            return base.map(lambda d: Draw(d.subject, d.phrasing, d.mention, owners[d.subject]))
        return (
            st.tuples(base, st.sampled_from(self.strangers))
            .filter(lambda pair: pair[1] != owners[pair[0].subject])
            .map(lambda pair: Draw(pair[0].subject, pair[0].phrasing, pair[0].mention, pair[1]))
        )


def draw_space(
    snapshot: Snapshot,
    plan: KindPlan,
    kind: ProbeKind,
    edge_class: str,
    scope: PlanScope | None = None,
    rules: InstructionRules = DEFAULT_RULES,
    classes: Mapping[str, list[str]] | None = None,
) -> DrawSpace | None:
    """What one bucket can ask (within `scope`), or None when the data has no subject for it.

    `classes`: `edge_class_members(snapshot)`, when the caller has it (see `subjects`)."""
    mentions = MENTIONS if kind.fact_kind == "stock" else ("id",)
    templates: tuple[str, ...] = ()
    subjects_: tuple[str, ...] | None
    if kind.drawn_from is not None:
        nouns = kind.drawn_from(snapshot)
        if not nouns:
            return None
        subjects_, mentions = tuple(nouns), ("noun",)
    elif kind.subject_exists:
        members = subjects(snapshot, kind, edge_class, scope, rules, classes)
        if not members:
            return None
        subjects_ = tuple(members)
    else:
        subjects_, templates = None, sku_templates(snapshot)
    space = DrawSpace(
        subjects_,
        len(plan.phrasings),
        mentions,
        templates=templates,
        known=snapshot.stock,
        fixed_phrasing=kind.one_draw_per_subject,
    )
    if kind.identity == "none":
        return space
    table = getattr(snapshot, kind.fact_kind)
    owners = {s: table[s].customer_id for s in subjects_ or ()}
    if kind.identity == "owner":
        return dataclasses.replace(space, owners=owners)
    customers = _customers(snapshot, scope)
    if len(customers) < 2:
        return None
    return dataclasses.replace(space, owners=owners, strangers=tuple(customers))


def draws(
    snapshot: Snapshot,
    plan: KindPlan,
    kind: ProbeKind,
    edge_class: str,
    scope: PlanScope | None = None,
    rules: InstructionRules = DEFAULT_RULES,
) -> st.SearchStrategy[Draw] | None:
    """What one bucket can ask (within `scope`) as a Hypothesis strategy, or None when the data
    has no subject for it."""
    space = draw_space(snapshot, plan, kind, edge_class, scope, rules)
    return None if space is None else space.strategy()


class NameIndex:
    """Item names by their lower-case words: which names hold a run of words, in one lookup.

    Built once per plan; a partial name is checked against every catalogued name by whole
    words, so "cup" never matches inside "cupboard".
    """

    __slots__ = ("_postings", "_words")

    def __init__(self, snapshot: Snapshot) -> None:
        self._words: dict[str, tuple[str, ...]] = {}
        self._postings: dict[str, set[str]] = {}
        for sku, fact in snapshot.stock.items():
            words = tuple(w.lower() for w in fact.name.split())
            self._words[sku] = words
            for word in set(words):
                self._postings.setdefault(word, set()).add(sku)

    def holding(self, phrase: tuple[str, ...]) -> set[str]:
        """SKUs whose name holds `phrase` (lower-case words) as a run of whole words."""
        if not phrase:
            return set()
        found = set.intersection(*(self._postings.get(w, set()) for w in phrase))
        n = len(phrase)
        return {
            sku
            for sku in found
            if any(self._words[sku][i : i + n] == phrase for i in range(len(self._words[sku])))
        }

    def words(self) -> set[str]:
        return set(self._postings)


def catalogue_blob(snapshot: Snapshot) -> NameIndex:
    """The plan's index of item names (for unique partial names and typos that name no word)."""
    return NameIndex(snapshot)


def mention_of(snapshot: Snapshot, subject: str, style: str, catalogue: NameIndex) -> str:
    """How a question names an item: its name, SKU, lower case, a partial name or a typo.

    A partial name or typo that cannot be made fairly falls back to the full name; the style
    recorded on the probe (`written_style`) is then `exact`.
    """
    return written(snapshot, subject, style, catalogue)[0]


def written(snapshot: Snapshot, subject: str, form: str, catalogue: NameIndex) -> tuple[str, str]:
    """The mention and the style it is actually written in (`exact`, `partial`, `typo`)."""
    fact = snapshot.stock.get(subject)
    if not isinstance(fact, StockFact) or form == "sku":
        return subject, "exact"
    if form == "lower":
        return fact.name.lower(), "exact"
    if form == "partial":
        partial = partial_name(fact.name, subject, catalogue)
        return (partial, "partial") if partial else (fact.name, "exact")
    if form == "typo":
        typo = typo_of(fact.name, catalogue)
        return (typo, "typo") if typo else (fact.name, "exact")
    return fact.name, "exact"


def head_noun(words: list[str]) -> int | None:
    """The index of the name's head noun: its last plain word that is not a variant word.

    "Blue Kettle Pro" → Kettle, "Chef Knife 20cm" → Knife, "Café Grinder Ø60" → Grinder.
    """
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if _WORD.fullmatch(word) and len(word) >= 3 and word.lower() not in _VARIANT_WORDS:
            return i
    return None


def partial_name(name: str, subject: str, catalogue: NameIndex) -> str | None:
    """The fewest words of the name a person would use that identify exactly this item.

    The words are a run around the head noun (a modifier before it first, then a variant word
    after it): "Kettle Pro" for "Blue Kettle Pro" when "Blue Kettle" is another item, "Burr
    Grinder" for "Nordic Burr Grinder 0412" if no other item holds those words. None when no
    shorter run is unique, or the name is too long to be a name.
    """
    words = name.split()
    head = head_noun(words)
    if head is None or len(words) > _PARTIAL_MAX_WORDS:
        return None
    runs = [
        (start, end)
        for start in range(head + 1)
        for end in range(head + 1, len(words) + 1)
        if end - start < len(words)
    ]
    # Fewest words first; among equals, a modifier before the head before a word after it.
    runs.sort(key=lambda r: (r[1] - r[0], r[1] - head - 1, -r[0]))
    for start, end in runs:
        phrase = tuple(w.lower() for w in words[start:end])
        if catalogue.holding(phrase) == {subject}:
            return " ".join(words[start:end])
    return None


def _one_edit(word: str) -> list[str]:
    """Slips of the finger, one edit each: a doubled letter typed once, two letters swapped."""
    slips = [word[:i] + word[i + 1 :] for i in range(1, len(word)) if word[i] == word[i - 1]]
    middle = len(word) // 2
    for i in sorted(range(1, len(word) - 1), key=lambda i: (abs(i - middle), i)):
        if word[i] != word[i + 1]:
            slips.append(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
    return slips


def typo_of(name: str, catalogue: NameIndex) -> str | None:
    """The name with one edit in its longest plain word: a doubled letter typed once, else
    two neighbouring letters swapped. The misspelt word is never a word of any catalogued
    name, so the question still names this item. None when no word is long enough."""
    words = name.split()
    plain = [i for i, w in enumerate(words) if _WORD.fullmatch(w) and len(w) >= 5]
    known = catalogue.words()
    for index in sorted(plain, key=lambda i: (-len(words[i]), i)):
        for slip in _one_edit(words[index]):
            if slip.lower() not in known:
                return " ".join([*words[:index], slip, *words[index + 1 :]])
    return None
