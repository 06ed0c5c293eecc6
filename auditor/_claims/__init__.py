"""Claims: what an answer asserts, as typed values with the span they came from.

Extraction is deterministic and needs no language model: phrase tables, negation and hedging
rules, dates resolved against an explicit clock. `fixtures/claims/README.md` documents how an
answer is read; the labelled sets there measure how well.
"""

from auditor._claims._context import ExtractionContext
from auditor._claims._extract import extract
from auditor._claims._model import (
    CATEGORICAL_VALUES,
    Claim,
    ClaimKind,
    ClaimValue,
    Deflection,
    Delay,
)
from auditor._claims._vocabulary import Vocabulary

__all__ = [
    "CATEGORICAL_VALUES",
    "Claim",
    "ClaimKind",
    "ClaimValue",
    "Deflection",
    "Delay",
    "ExtractionContext",
    "Vocabulary",
    "extract",
]
