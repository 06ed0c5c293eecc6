"""Data anchors: the shop's systems of record, read through their OpenAPI documents.

Configuration maps each shop's names onto canonical facts; every response is checked against its
document, and breaches are collected as contract findings while reading goes on.
"""

from typing import TYPE_CHECKING

from auditor._lazy import lazy_exports

if TYPE_CHECKING:
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

#: Imported on first use (`auditor._lazy`): the same names as above.
_EXPORTS = {
    "auditor._anchors._client": (
        "SAFE_METHODS",
        "ReadOnlyTransport",
        "RetryRecord",
    ),
    "auditor._anchors._config": (
        "AnchorConfig",
        "AuthConfig",
        "FactMapping",
        "PaginationConfig",
    ),
    "auditor._anchors._contract": ("ContractFinding",),
    "auditor._anchors._errors": (
        "AnchorConfigError",
        "AnchorError",
        "AnchorUnreachable",
        "ReadOnlyViolation",
    ),
    "auditor._anchors._snapshot": (
        "FACT_KINDS",
        "Anchors",
        "FactKind",
        "open_anchors",
    ),
}
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

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
