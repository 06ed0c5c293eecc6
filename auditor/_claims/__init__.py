"""Claims: what an answer asserts, as typed values with the span they came from."""

from auditor._claims._model import Claim, ClaimKind

__all__ = ["Claim", "ClaimKind"]
