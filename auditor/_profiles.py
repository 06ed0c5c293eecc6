"""Profiles: how the release gate (`ci`), the scheduled audit (`production`) and `explore` differ.

`ci` is the audit as configured: the whole plan, the configured budget and gate, sandbox
scenarios where configured. `explore` only lowers the budget (default 20 probes) and prints
every probe. `production` runs against live systems, so it is safe by construction rather than
by configuration:

* the anchors are opened read-only (GET and HEAD only; `auditor._audit` does it by profile);
* nothing that changes the shop's data runs: sandbox and information-lag scenarios are skipped,
  with a note, and so is the shrink phase (its extra questions are load the budget did not
  plan, and it draws subjects without the scope below);
* a small load when not configured otherwise (`PRODUCTION_DEFAULTS`);
* questions asked as a customer (orders, returns, privacy) only ever use the configured
  `[production] test_customers`; without them those probe kinds are skipped;
* subjects rotate across runs (`rotate`), so a small budget covers the catalogue over time.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from auditor._config import AuditConfig
from auditor._facts import Snapshot
from auditor._probes import PROBE_KINDS, KindPlan, PlanScope, ScopeFactory
from auditor._probes._strategies import draws, subjects

#: `[audit]` values of the production profile when the configuration does not set them.
PRODUCTION_DEFAULTS: Mapping[str, Any] = {"max_probes": 60, "rate_limit": 2.0, "concurrency": 2}
#: `[audit]` values of the explore profile when the configuration does not set them.
EXPLORE_DEFAULTS: Mapping[str, Any] = {"max_probes": 20}
#: Configuration sections that change the shop's data (lag scenarios through its sandbox).
SANDBOX_SECTIONS = ("sandbox", "lag")
#: The fact kinds a rotation covers.
FACT_KINDS = ("stock", "orders", "returns")

#: Subjects probed by one earlier run, per fact kind (newest run first in a sequence).
ProbedSubjects = Mapping[str, frozenset[str]]


@dataclass(frozen=True, slots=True)
class ProfiledConfig:
    """The configuration with its profile applied, and what the profile changed."""

    config: AuditConfig
    notes: tuple[str, ...]
    #: Print every probe as it finishes (`explore`).
    verbose: bool = False


def apply_profile(config: AuditConfig) -> ProfiledConfig:
    """Fill the profile's defaults into what the configuration left unset; refuse nothing."""
    profile = config.audit.profile
    if profile == "production":
        return _production(config)
    if profile == "explore":
        return ProfiledConfig(_defaults(config, EXPLORE_DEFAULTS), (), verbose=True)
    return ProfiledConfig(config, ())


def _defaults(config: AuditConfig, defaults: Mapping[str, Any]) -> AuditConfig:
    unset = {k: v for k, v in defaults.items() if k not in config.audit.model_fields_set}
    return config.model_copy(update={"audit": config.audit.model_copy(update=unset)})


def _production(config: AuditConfig) -> ProfiledConfig:
    notes: list[str] = []
    config = _defaults(config, PRODUCTION_DEFAULTS)
    if config.audit.shrink_budget:
        if "shrink_budget" in config.audit.model_fields_set:
            notes.append("shrink phase skipped: the production profile asks only planned probes")
        audit = config.audit.model_copy(update={"shrink_budget": 0})
        config = config.model_copy(update={"audit": audit})
    # A configuration that says `profile = "production"` cannot enable these (it is refused
    # when read); one made production by `--profile` is brought back to their defaults here.
    for name in SANDBOX_SECTIONS:
        field = type(config).model_fields.get(name)
        if field is None:
            continue
        default = field.get_default(call_default_factory=True)
        if getattr(config, name) != default:
            config = config.model_copy(update={name: default})
            notes.append(f"[{name}] skipped: the production profile never changes the shop's data")
    if not config.production.test_customers:
        notes.append(
            "no [production] test_customers: order, return and privacy probes are skipped "
            "(they would be asked as real customers)"
        )
    return ProfiledConfig(config, tuple(notes))


def rotate(
    universe: Mapping[str, frozenset[str]], recent: Sequence[ProbedSubjects]
) -> tuple[dict[str, frozenset[str]], dict[str, Any]]:
    """Per fact kind, the subjects resting this run; the others are the rotation's next slice.

    Walking back from the newest run, each run's subjects are set to rest until resting one
    more run would leave nothing to probe; what is left was probed longest ago or never. So a
    subject is probed again only once all the others have been, whatever each run managed to
    cover, and a catalogue that changes is followed without any stored cursor. Returns the
    resting subjects and a summary of the state they came from (for meta.json).
    """
    resting: dict[str, frozenset[str]] = {}
    state: dict[str, Any] = {"history_runs": len(recent)}
    for kind, members in sorted(universe.items()):
        rest: frozenset[str] = frozenset()
        window = 0
        for run in recent:
            more = rest | (run.get(kind, frozenset()) & members)
            if more >= members:
                break
            rest, window = more, window + 1
        resting[kind] = rest
        state[kind] = {"subjects": len(members), "resting": len(rest), "window_runs": window}
    return resting, state


def _compact(
    universe: Mapping[str, frozenset[str]], resting: Mapping[str, frozenset[str]]
) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """Each kind's slice as the shorter of "only these" and "all but these" (meta.json size)."""
    only: dict[str, frozenset[str]] = {}
    excluded: dict[str, frozenset[str]] = {}
    for kind, members in universe.items():
        allowed = members - resting.get(kind, frozenset())
        if len(allowed) <= len(resting.get(kind, frozenset())):
            only[kind] = allowed
        elif resting.get(kind):
            excluded[kind] = resting[kind]
    return only, excluded


def probeable(
    snapshot: Snapshot, suites: Sequence[KindPlan], scope: PlanScope
) -> dict[str, frozenset[str]]:
    """Per fact kind, every existing subject some bucket of the suites could draw within scope."""
    found: dict[str, set[str]] = {kind: set() for kind in FACT_KINDS}
    for plan in suites:
        kind = PROBE_KINDS[plan.kind]
        if not kind.subject_exists:
            continue
        for edge_class in kind.edge_classes:
            if not plan.weights.get(edge_class, 1):
                continue
            # `draws` also knows when a bucket cannot be asked at all (a lone stranger).
            if draws(snapshot, plan, kind, edge_class, scope) is not None:
                found.setdefault(kind.fact_kind, set()).update(
                    subjects(snapshot, kind, edge_class, scope)
                )
    return {kind: frozenset(members) for kind, members in found.items()}


def _identity_notes(
    snapshot: Snapshot, suites: Sequence[KindPlan], customers: frozenset[str]
) -> list[str]:
    if not customers:
        return []
    notes = []
    owners = {f.customer_id for f in snapshot.orders.values()}
    missing = sorted(customers - owners)
    if missing:
        notes.append(f"test customers without orders in the snapshot: {', '.join(missing)}")
    strangers = [p.kind for p in suites if PROBE_KINDS[p.kind].identity == "stranger"]
    if strangers and len(customers & owners) < 2:
        notes.append(
            f"{', '.join(strangers)} skipped: it needs two test customers with orders "
            "(one asks about the other's)"
        )
    return notes


def production_scope(config: AuditConfig, recent: Sequence[ProbedSubjects]) -> ScopeFactory:
    """The production plan's scope: test customers only, and the next slice of the rotation.

    `recent` is what earlier production runs of this audit probed, newest first (from the
    history database); the scope, rotation state included, is stored in meta.json.
    """
    customers = frozenset(config.production.test_customers)

    def scope(snapshot: Snapshot, suites: Sequence[KindPlan]) -> PlanScope:
        universe = probeable(snapshot, suites, PlanScope(customers=customers))
        resting, state = rotate(universe, recent) if config.production.rotate else ({}, {})
        only, excluded = _compact(universe, resting)
        return PlanScope(
            only=only,
            excluded=excluded,
            customers=customers,
            notes=tuple(_identity_notes(snapshot, suites, customers)),
            origin={"profile": "production", "rotation": state},
        )

    return scope
