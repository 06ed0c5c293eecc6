"""Tracking numbers: carrier formats, or the token a "tracking number" phrase introduces.

Order, return and item ids are masked before the patterns run, so they are never taken for a
tracking number; the value is cut from the original answer, keeping its case.
"""

from __future__ import annotations

import re

from auditor._claims._document import Document
from auditor._claims._lexicon import CARRIERS
from auditor._claims._model import Claim, ClaimKind
from auditor._claims._registry import EXTRACTORS
from auditor._claims._resolve import resolve
from auditor._claims._scan import silent

_FORMATS = re.compile(
    r"(?<![\w-])(?:1z[0-9a-z]{16}|j?jd\d{10,20}|trk-[a-z0-9]+(?:-[a-z0-9]+)*)(?![\w-])"
)
_INTRODUCED = re.compile(
    r"\b(?:track(?:ing)?|trk)(?:\s+(?:number|no\.?|num|nr|code|id|ref(?:erence)?|#))?"
    r"(?:\s+(?:is|was|for|of|on)(?:\s+(?:your|the|this|that))?(?:\s+(?:order|parcel|package"
    r"|shipment|xx+)){0,2})*\s*(?:is\b|was\b|:|#|-|=)?\s*#?\s*"
    r"(?P<token>[a-z0-9][a-z0-9-]{5,}[a-z0-9])(?![\w-])"
)
_DIGIT = re.compile(r"\d")
#: A carrier's name beside a long code names that code as its tracking number, whatever the
#: carrier's own format: "DPD 05396663822625", "1Z0072764 (UPS)", "3S0421615 via PostNL".
_CODE = r"[a-z0-9][a-z0-9-]{6,}[a-z0-9]"
_CARRIED = re.compile(
    rf"\b{CARRIERS}\s*(?:[:#-]\s*)?(?P<token>{_CODE})(?![\w-])"
    rf"|(?<![\w-])(?P<before>{_CODE})\s*(?:\(\s*|(?:via|with|by) ){CARRIERS}\b"
)
#: A carrier's code carries this many digits at least: "DPD tomorrow" names no code.
_CARRIED_DIGITS = 6
_HINTS = ("1z", "jd", "trk", "track")
_CARRIER_HINTS = ("dhl", "ups", "dpd", "fedex", "royal mail", "parcelforce", "evri", "hermes",
                  "yodel", "gls", "postnl", "courier", "carrier", "ontrac", "post")  # fmt: skip


def _carried(doc: Document, spans: dict[int, int]) -> None:
    for match in _CARRIED.finditer(doc.masked):
        group = "token" if match.group("token") is not None else "before"
        start, end = match.span(group)
        if len(_DIGIT.findall(match.group(group))) < _CARRIED_DIGITS:
            continue
        if not any(s <= start < e for s, e in spans.items()):
            spans[start] = end


def _spans(doc: Document) -> dict[int, int]:
    carriers = any(map(doc.masked.__contains__, _CARRIER_HINTS))
    if not carriers and not any(map(doc.masked.__contains__, _HINTS)):
        return {}
    spans = {m.start(): m.end() for m in _FORMATS.finditer(doc.masked)}
    if carriers:
        _carried(doc, spans)
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
