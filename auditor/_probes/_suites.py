"""Probe suites as data: TOML files of phrasing templates and edge-class weights per kind."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from auditor._probes._kinds import PROBE_KINDS
from auditor._resources import data_dir


class SuiteError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class KindPlan:
    """What a suite asks of one probe kind."""

    kind: str
    phrasings: tuple[str, ...]
    weights: Mapping[str, int]
    #: The turns that follow the first question in a conversation kind (`followup`,
    #: `pushback`): one is chosen per probe, as the phrasing is.
    followups: tuple[str, ...] = ()


def _parse(path: Path) -> list[KindPlan]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise SuiteError(f"{path}: {error}") from None
    plans = []
    for i, entry in enumerate(data.get("kind", [])):
        name = entry.get("name")
        if name not in PROBE_KINDS:
            raise SuiteError(f"{path}: kind[{i}].name: unknown probe kind {name!r}")
        phrasings = entry.get("phrasings") or []
        if not phrasings or not all(isinstance(p, str) and p.strip() for p in phrasings):
            raise SuiteError(f"{path}: kind[{i}].phrasings: give at least one non-empty string")
        weights = entry.get("weights", {})
        if not all(isinstance(w, int) and w >= 0 for w in weights.values()):
            raise SuiteError(f"{path}: kind[{i}].weights: weights are whole numbers >= 0")
        followups = entry.get("followups") or []
        if not all(isinstance(p, str) and p.strip() for p in followups):
            raise SuiteError(f"{path}: kind[{i}].followups: give non-empty strings")
        plans.append(KindPlan(name, tuple(phrasings), dict(weights), tuple(followups)))
    return plans


def load_suites(names: Iterable[str], files: Iterable[Path] = ()) -> list[KindPlan]:
    """The shipped suites by name plus the user's own files; later entries extend earlier ones."""
    merged: dict[str, KindPlan] = {}
    shipped = data_dir("probes")
    paths = [shipped / f"{name}.toml" for name in names]
    for path in paths:
        if not path.is_file():
            known = ", ".join(sorted(p.stem for p in shipped.glob("*.toml")))
            raise SuiteError(f"unknown probe suite {path.stem!r}; shipped suites: {known}")
    for plan in (p for path in [*paths, *files] for p in _parse(path)):
        old = merged.get(plan.kind)
        if old is None:
            merged[plan.kind] = plan
        else:
            phrasings = old.phrasings + tuple(p for p in plan.phrasings if p not in old.phrasings)
            followups = old.followups + tuple(p for p in plan.followups if p not in old.followups)
            merged[plan.kind] = KindPlan(
                plan.kind, phrasings, {**old.weights, **plan.weights}, followups
            )
    for plan in merged.values():
        if PROBE_KINDS[plan.kind].conversation in ("followup", "pushback") and not plan.followups:
            raise SuiteError(f"kind {plan.kind!r}: give its follow-up turns in `followups`")
    return list(merged.values())


def shipped_suites() -> list[str]:
    """The names of the suites shipped in `probes/`."""
    return sorted(p.stem for p in data_dir("probes").glob("*.toml"))


def facts_asked(plans: Iterable[KindPlan]) -> dict[str, frozenset[str]]:
    """Probe kind -> the fact kinds it draws its subjects from (`stock`, `orders`, `returns`).

    A kind whose facts no anchor maps gets no subject, so its probes would silently vanish:
    `auditor init` enables only the suites whose facts are mapped, and `auditor validate`
    names the kinds that ask for facts nobody maps.
    """
    return {plan.kind: frozenset({PROBE_KINDS[plan.kind].fact_kind}) for plan in plans}


def suite_facts(name: str) -> frozenset[str]:
    """The fact kinds a shipped suite's probes draw their subjects from."""
    asked = facts_asked(load_suites([name]))
    return frozenset().union(*asked.values()) if asked else frozenset()
