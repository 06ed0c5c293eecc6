"""readiness-auditor: audit a customer-service chatbot against the shop's systems of record."""

from auditor._claims import Claim, ClaimKind
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

__version__ = "0.1.0"

__all__ = [
    "Availability",
    "Claim",
    "ClaimKind",
    "OrderFact",
    "OrderStatus",
    "RefundState",
    "ReturnFact",
    "ReturnStatus",
    "Snapshot",
    "StockFact",
    "__version__",
]
