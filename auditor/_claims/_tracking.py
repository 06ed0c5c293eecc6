"""Tracking numbers: carrier formats, or the token a "tracking number" phrase introduces.

Order, return and item ids are masked before the patterns run, so they are never taken for a
tracking number; the value is cut from the original answer, keeping its case.
"""

from __future__ import annotations

import re

from auditor._claims._document import Document
from auditor._claims._model import Claim, ClaimKind
from auditor._claims._registry import EXTRACTORS
from auditor._claims._resolve import resolve
from auditor._claims._scan import silent

_FORMATS = re.compile(
    r"(?<![\w-])(?:1z[0-9a-z]{16}|j?jd\d{10,20}|trk-[a-z0-9]+(?:-[a-z0-9]+)*)(?![\w-])"
)
_INTRODUCED = re.compile(
    r"\btrack(?:ing)?(?:\s+(?:number|no\.?|num|nr|code|id|ref(?:erence)?|#))?"
    r"(?:\s+(?:is|was|for|of|on)(?:\s+(?:your|the|this|that))?(?:\s+(?:order|parcel|package"
    r"|shipment|xx+)){0,2})*\s*(?:is\b|was\b|:|#|-|=)?\s*#?\s*"
    r"(?P<token>[a-z0-9][a-z0-9-]{5,}[a-z0-9])(?![\w-])"
)
_DIGIT = re.compile(r"\d")
_HINTS = ("1z", "jd", "trk-", "track")


def _spans(doc: Document) -> dict[int, int]:
    if not any(map(doc.masked.__contains__, _HINTS)):
        return {}
    spans = {m.start(): m.end() for m in _FORMATS.finditer(doc.masked)}
    for match in _INTRODUCED.finditer(doc.masked):
        start, end = match.span("token")
        token = match.group("token")
        if _DIGIT.search(token) and not any(s <= start < e for s, e in spans.items()):
            spans[start] = end
    return spans


@EXTRACTORS.register(ClaimKind.TRACKING)
def extract_tracking(doc: Document) -> list[Claim]:
    claims = []
    for start, end in sorted(_spans(doc).items()):
        if silent(doc.clause_at(start)):
            continue
        value = doc.text[start:end]
        for subject in resolve(doc, ClaimKind.TRACKING, start, end):
            claims.append(Claim(ClaimKind.TRACKING, value, (start, end), subject))
    return claims
