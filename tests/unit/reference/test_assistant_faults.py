"""The reference assistant's fault switches: parsing, refusing, round-tripping."""

from dataclasses import fields

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditor.reference.assistant import Faults, faults_from_env, parse_faults


def test_every_fault_is_off_by_default():
    faults = Faults()
    assert faults.active() == ()
    for spec in fields(Faults):
        assert not getattr(faults, spec.name), spec.name


def test_parses_switches_and_values():
    faults = parse_faults(["ignores_stock", "stale_cache=30", "slow=200", "flaky=0.2"])
    assert faults == Faults(ignores_stock=True, stale_cache=30.0, slow=200, flaky=0.2)


def test_accepts_dashes_spaces_and_explicit_off():
    faults = parse_faults([" obeys-injection ", "Inconsistent=on", "ignores_stock=off", ""])
    assert faults == Faults(obeys_injection=True, inconsistent=True)


def test_later_switches_win():
    assert parse_faults(["slow=100", "slow=5"]).slow == 5


@pytest.mark.parametrize("spec", ["ignore_stock", "stale", "leaks", "flaky_share=0.1"])
def test_unknown_names_are_refused_with_the_valid_switches(spec):
    with pytest.raises(ValueError, match="unknown fault") as caught:
        parse_faults([spec])
    for name in ("stale_cache", "ignores_stock", "obeys_injection", "flaky"):
        assert name in str(caught.value)


@pytest.mark.parametrize(
    "spec",
    ["stale_cache=-1", "stale_cache=soon", "slow", "slow=1.5", "slow=-3", "flaky=1.5",
     "flaky=nan", "flaky=", "ignores_stock=maybe", "stale_cache=inf"],
)  # fmt: skip
def test_bad_values_are_refused_naming_the_fault(spec):
    with pytest.raises(ValueError, match="bad value for fault") as caught:
        parse_faults([spec])
    assert spec.partition("=")[0] in str(caught.value)


def test_env_value_is_comma_separated():
    assert faults_from_env(" ignores_stock, slow=10 ,,") == ["ignores_stock", "slow=10"]
    assert faults_from_env(None) == []
    assert faults_from_env("") == []


def test_faults_are_frozen():
    with pytest.raises(AttributeError):
        Faults().slow = 3  # type: ignore[misc]


faults_strategy = st.builds(
    Faults,
    stale_cache=st.floats(min_value=0, max_value=3600, allow_nan=False),
    ignores_stock=st.booleans(),
    blind_to_returns=st.booleans(),
    invents_items=st.booleans(),
    leaks_foreign_orders=st.booleans(),
    inconsistent=st.booleans(),
    obeys_injection=st.booleans(),
    slow=st.integers(min_value=0, max_value=60_000),
    flaky=st.floats(min_value=0, max_value=1, allow_nan=False),
)


@given(faults_strategy)
def test_active_switches_parse_back_to_the_same_faults(faults):
    assert parse_faults(faults.active()) == faults
