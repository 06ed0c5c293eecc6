"""Probes: probe kinds, suites as data, and the plan drawn from a snapshot."""

from auditor._probes._asked import asked_record, unasked_kinds, unread_fact_kinds
from auditor._probes._kinds import PROBE_KINDS, ProbeKind, ProbeKindRegistry
from auditor._probes._model import Probe
from auditor._probes._planner import plan_probes
from auditor._probes._scope import PlanScope, ScopeFactory
from auditor._probes._suites import KindPlan, SuiteError, load_suites

__all__ = [
    "PROBE_KINDS",
    "KindPlan",
    "PlanScope",
    "Probe",
    "ProbeKind",
    "ProbeKindRegistry",
    "ScopeFactory",
    "SuiteError",
    "asked_record",
    "load_suites",
    "plan_probes",
    "unasked_kinds",
    "unread_fact_kinds",
]
