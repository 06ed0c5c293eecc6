"""Claims: what an answer asserts, as typed values with the span they came from.

Extraction is deterministic and needs no language model: phrase tables, negation and hedging
rules, dates resolved against an explicit clock. `fixtures/claims/README.md` documents how an
answer is read; the labelled sets there measure how well.

The names are imported on first use (`auditor._lazy`): the run path needs the claim model and
the vocabulary before its first question, but the rule modules under `extract` (their phrase
tables and regexes compiled at import, a quarter of the CPU to the first question) only once
an answer is back to read (issue 20).
"""

from typing import TYPE_CHECKING

from auditor._lazy import lazy_exports

if TYPE_CHECKING:
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

#: Imported on first use (`auditor._lazy`): the same names as above.
_EXPORTS = {
    "auditor._claims._context": ("ExtractionContext",),
    "auditor._claims._extract": ("extract",),
    "auditor._claims._model": (
        "CATEGORICAL_VALUES",
        "Claim",
        "ClaimKind",
        "ClaimValue",
        "Deflection",
        "Delay",
    ),
    "auditor._claims._vocabulary": ("Vocabulary",),
}

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

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
