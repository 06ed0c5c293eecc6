"""Data anchors: the shop's systems of record, read through their OpenAPI documents.

Configuration maps each shop's names onto canonical facts; every response is checked against its
document, and breaches are collected as contract findings while reading goes on.
"""

from auditor._anchors._client import SAFE_METHODS, ReadOnlyTransport, RetryRecord
from auditor._anchors._config import AnchorConfig, AuthConfig, FactMapping, PaginationConfig
from auditor._anchors._contract import ContractFinding
from auditor._anchors._errors import (
    AnchorConfigError,
    AnchorError,
    AnchorUnreachable,
    ReadOnlyViolation,
)
from auditor._anchors._snapshot import FACT_KINDS, Anchors, FactKind, open_anchors

__all__ = [
    "FACT_KINDS",
    "SAFE_METHODS",
    "AnchorConfig",
    "AnchorConfigError",
    "AnchorError",
    "AnchorUnreachable",
    "Anchors",
    "AuthConfig",
    "ContractFinding",
    "FactKind",
    "FactMapping",
    "PaginationConfig",
    "ReadOnlyTransport",
    "ReadOnlyViolation",
    "RetryRecord",
    "open_anchors",
]
