"""Contract over the probe-kind registry: every kind declares what it needs, and truly."""

import dataclasses

import pytest

from auditor._claims import ClaimKind
from auditor._edges import EDGE_CLASSES
from auditor._facts import OrderFact, ReturnFact, StockFact
from auditor._probes import PROBE_KINDS, load_suites
from auditor._probes._planted import KIND as PLANTED
from auditor._resources import data_dir

FACTS = {"stock": StockFact, "orders": OrderFact, "returns": ReturnFact}
KINDS = list(PROBE_KINDS)
SHIPPED = load_suites(sorted(p.stem for p in data_dir("probes").glob("*.toml")))


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_every_kind_declares_its_contract(kind):
    assert kind.fact_kind in FACTS
    assert kind.claim_kinds and all(isinstance(c, ClaimKind) for c in kind.claim_kinds)
    assert kind.edge_classes
    for edge in kind.edge_classes:
        assert edge in EDGE_CLASSES, f"{kind.name}: unknown edge class {edge}"
        assert EDGE_CLASSES[edge].fact_kind == kind.fact_kind
    assert kind.description.endswith(".") and "\n" not in kind.description
    assert len(kind.description) <= 100
    fields = {f.name for f in dataclasses.fields(FACTS[kind.fact_kind])}
    assert kind.truth_field in fields
    assert kind.identity in ("none", "owner", "stranger")
    if kind.identity != "none":
        assert "customer_id" in fields


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_every_kind_is_asked_by_a_shipped_suite(kind):
    if kind.name == PLANTED:  # planned by the sandbox phase, never drawn from a suite
        assert kind.name not in {plan.kind for plan in SHIPPED}
        return
    assert kind.name in {plan.kind for plan in SHIPPED}


def test_every_edge_class_is_drawn_by_some_kind():
    drawn = {edge for kind in KINDS for edge in kind.edge_classes}
    assert set(EDGE_CLASSES) <= drawn, set(EDGE_CLASSES) - drawn


def test_registering_twice_is_refused():
    kind = KINDS[0]
    with pytest.raises(ValueError, match="twice"):
        PROBE_KINDS.register(
            kind.name,
            fact_kind=kind.fact_kind,
            claim_kinds=kind.claim_kinds,
            edge_classes=kind.edge_classes,
            description="x.",
        )(kind.accepts)


def test_unknown_kind_lists_the_known_ones():
    with pytest.raises(KeyError, match=r"stock\.availability"):
        PROBE_KINDS["stock.availibility"]
