"""readiness-auditor: audit a customer-service chatbot against the shop's systems of record.

The public API is re-exported here and loaded on first use, so that `import auditor` (and
every `auditor` command's start-up) does not pay for openapi-core, Hypothesis and the claim
patterns until they are needed.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: Public name -> the private module that defines it.
_EXPORTS: dict[str, str] = {
    # configuration
    "AuditConfig": "auditor._config",
    "ConfigError": "auditor._config",
    "load_config": "auditor._config",
    "parse_config": "auditor._config",
    # running an audit
    "AuditOptions": "auditor._audit",
    "AuditOutcome": "auditor._audit",
    "AuditCouldNotRun": "auditor._audit",
    "run_audit": "auditor._audit",
    # facts and edge classes
    "Availability": "auditor._facts",
    "OrderFact": "auditor._facts",
    "OrderStatus": "auditor._facts",
    "RefundState": "auditor._facts",
    "ReturnFact": "auditor._facts",
    "ReturnStatus": "auditor._facts",
    "Snapshot": "auditor._facts",
    "StockFact": "auditor._facts",
    "EDGE_CLASSES": "auditor._edges",
    # anchors
    "Anchors": "auditor._anchors",
    "AnchorConfig": "auditor._anchors",
    "AnchorError": "auditor._anchors",
    "ContractFinding": "auditor._anchors",
    "open_anchors": "auditor._anchors",
    # claims
    "Claim": "auditor._claims",
    "ClaimKind": "auditor._claims",
    "ExtractionContext": "auditor._claims",
    "Vocabulary": "auditor._claims",
    "extract": "auditor._claims",
    # probes and verdicts
    "PROBE_KINDS": "auditor._probes",
    "Probe": "auditor._probes",
    "ProbeKind": "auditor._probes",
    "Verdict": "auditor._verdict",
    "ProbeResult": "auditor._results",
    # assistant adapters (for plugin authors)
    "ADAPTERS": "auditor._adapters",
    "AdapterError": "auditor._adapters",
    "AdapterSettings": "auditor._adapters",
    "Answer": "auditor._adapters",
    "Conversation": "auditor._adapters",
    # reports
    "Audit": "auditor._report",
    "metrics_registry": "auditor._report._prometheus",
}

__all__ = [
    "ADAPTERS",
    "EDGE_CLASSES",
    "PROBE_KINDS",
    "AdapterError",
    "AdapterSettings",
    "AnchorConfig",
    "AnchorError",
    "Anchors",
    "Answer",
    "Audit",
    "AuditConfig",
    "AuditCouldNotRun",
    "AuditOptions",
    "AuditOutcome",
    "Availability",
    "Claim",
    "ClaimKind",
    "ConfigError",
    "ContractFinding",
    "Conversation",
    "ExtractionContext",
    "OrderFact",
    "OrderStatus",
    "Probe",
    "ProbeKind",
    "ProbeResult",
    "RefundState",
    "ReturnFact",
    "ReturnStatus",
    "Snapshot",
    "StockFact",
    "Verdict",
    "Vocabulary",
    "__version__",
    "extract",
    "load_config",
    "metrics_registry",
    "open_anchors",
    "parse_config",
    "run_audit",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'auditor' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__


if TYPE_CHECKING:
    from auditor._adapters import ADAPTERS, AdapterError, AdapterSettings, Answer, Conversation
    from auditor._anchors import AnchorConfig, AnchorError, Anchors, ContractFinding, open_anchors
    from auditor._audit import AuditCouldNotRun, AuditOptions, AuditOutcome, run_audit
    from auditor._claims import Claim, ClaimKind, ExtractionContext, Vocabulary, extract
    from auditor._config import AuditConfig, ConfigError, load_config, parse_config
    from auditor._edges import EDGE_CLASSES
    from auditor._facts import (
        Availability,
        OrderFact,
        OrderStatus,
        RefundState,
        ReturnFact,
        ReturnStatus,
        Snapshot,
        StockFact,
    )
    from auditor._probes import PROBE_KINDS, Probe, ProbeKind
    from auditor._report import Audit
    from auditor._report._prometheus import metrics_registry
    from auditor._results import ProbeResult
    from auditor._verdict import Verdict
