"""Tracking numbers: carrier formats, or the token a "tracking number" phrase introduces.

Order, return and item ids are masked before the patterns run, so they are never taken for a
tracking number; the value is cut from the original answer, keeping its case.
"""

from __future__ import annotations

from auditor._claims._compiled import compile_pattern
from auditor._claims._document import Document
from auditor._claims._lexicon import CARRIERS
from auditor._claims._model import Claim, ClaimKind
from auditor._claims._registry import EXTRACTORS
from auditor._claims._resolve import resolve
from auditor._claims._scan import silent

_FORMATS = compile_pattern(
    # A UPS number as UPS prints it, in groups ("1Z 999 AA1 01 2345 6784"), is the one number.
    r"(?<![\w-])(?:1z(?: ?[0-9a-z]){16}|j?jd\d{10,20}|trk-[a-z0-9]+(?:-[a-z0-9]+)*)(?![\w-])"
)
_INTRODUCED = compile_pattern(
    # (voice10b) An air waybill's number, as a desk names it: "AWB no. 1492230056781".
    r"\b(?:track(?:ing)?|trk|awb(?=\s+(?:number|no\.?|num|#)))"
    r"(?:\s+(?:number|no\.?|num|nr|code|id|ref(?:erence)?|#))?"
    # "for order R100047515 is …": the reference after "order" is the order's, not the code.
    r"(?:\s+(?:is|was|for|of|on)(?:\s+(?:your|the|this|that))?(?:\s+(?:(?:order|parcel|package"
    r"|shipment)(?:\s+#?[a-z]{0,3}\d[a-z0-9-]*)?|xx+)){0,2})*\s*(?:is\b|was\b|:|#|-|=|\|)?\s*#?\s*"
    r"(?P<token>[a-z0-9][a-z0-9-]{5,}[a-z0-9])(?![\w-])"
)
_DIGIT = compile_pattern(r"\d")
#: A carrier's name beside a long code names that code as its tracking number, whatever the
#: carrier's own format: "DPD 05396663822625", "1Z0072764 (UPS)", "3S0421615 via PostNL".
#: Codes are found among the answer's words (a word of 8 characters or more with 6 digits or
#: more), then the carrier is sought right before or right after the word.
_CODE = compile_pattern(r"[a-z0-9][a-z0-9-]{6,}[a-z0-9]")
_CARRIER_BEFORE = compile_pattern(
    rf"\b{CARRIERS}\s*(?:,\s*)?(?:(?:parcel|tracking|consignment|ref(?:erence)?|no\.?|number|num)"
    r"\s*)*(?:[:#-]\s*)?$"
)
#: A carrier's or a tracking site's link, the code at the end of its path or in its query:
#: "dpd.co.uk/p/15501234567890", "track.example.com/?id=…" (issue 16: tracking in links).
_LINK_BEFORE = compile_pattern(
    r"(?:\b|https?://)(?:[\w-]+\.)*(?:dhl|ups|usps|dpd|fedex|royalmail|parcelforce|evri|hermes"
    r"|yodel|gls|postnl|ontrac|canadapost|track\w*|parcel\w*)[\w.-]*\.[a-z]{2,}(?:/[^\s/]*)*"
    r"[/=#]$"
)
_LINK_WINDOW = 80
#: A Markdown link's target, blanked in the masked text but kept, at the same place, in the
#: answer: "[track parcel](https://www.evri.com/track/parcel/H00A1B2C3D4E5F67)".
_LINK_TARGET = compile_pattern(r"\]\((?P<url>[^)\s]+)\)")
#: A link to a carrier or a tracking page.
_TRACKING_LINK = compile_pattern(
    r"(?:dhl|ups|usps|dpd|fedex|royalmail|parcelforce|evri|hermes|yodel|gls|postnl|ontrac"
    r"|canadapost|track|parcel)"
)
#: The international postal format (UPU S10): two letters, nine digits, two letters
#: ("KD123456785GB"), which Royal Mail, USPS and most posts use.
_S10 = compile_pattern(r"[a-z]{2}\d{9}[a-z]{2}")
_S10_LENGTH = 13
_CARRIER_AFTER = compile_pattern(rf"\s*(?:\(\s*|(?:via|with|by) ){CARRIERS}\b")
#: "order R100047515 with Royal Mail": the reference after "order" is the order's own.
_ORDER_BEFORE = compile_pattern(r"\b(?:order|return|rma)\s*(?:no\.?|number|ref|#)?\s*#?\s*$")
_CARRIED_DIGITS = 6
_BEFORE_WINDOW = 40
_HINTS = ("1z", "jd", "trk", "track", "awb")
#: The words one of which every carrier's name holds (the answer's words are indexed).
_CARRIER_WORDS = frozenset(
    ["dhl", "ups", "usps", "dpd", "fedex", "royal", "parcelforce", "evri", "hermes", "yodel",
     "gls", "postnl", "courier", "carrier", "ontrac", "post", "postman", "postie", "driver",
     "amazon", "canada", "track", "tracking", "royalmail"]
)  # fmt: skip


def _carried(doc: Document, spans: dict[int, int]) -> None:
    text = doc.masked
    for word, starts in doc.words.by_word.items():
        if len(word) < _CARRIED_DIGITS + 2 or sum(map(str.isdigit, word)) < _CARRIED_DIGITS:
            continue
        for start in starts:
            code = _CODE.match(text, start)
            if code is None or any(s <= start < e for s, e in spans.items()):
                continue
            end = code.end()
            if start and text[start - 1] == "-":  # the tail of a longer reference
                continue
            if _ORDER_BEFORE.search(text, max(0, start - 20), start):
                continue
            if (
                _CARRIER_AFTER.match(text, end)
                or _CARRIER_BEFORE.search(text, max(0, start - _BEFORE_WINDOW), start)
                or _LINK_BEFORE.search(text, max(0, start - _LINK_WINDOW), start)
            ):
                spans[start] = end


def _linked(doc: Document, spans: dict[int, int]) -> None:
    """The code at the end of a tracking link's target, where Markdown hid the link."""
    for link in _LINK_TARGET.finditer(doc.text):
        url = link.group("url").lower()
        if not _TRACKING_LINK.search(url):
            continue
        codes = [
            c for c in _CODE.finditer(url) if sum(map(str.isdigit, c.group())) >= _CARRIED_DIGITS
        ]
        if codes:
            start = link.start("url") + codes[-1].start()
            if not any(s <= start < e for s, e in spans.items()):
                spans[start] = link.start("url") + codes[-1].end()


def _postal(doc: Document, spans: dict[int, int]) -> None:
    """Codes in the international postal format, whatever words stand around them."""
    for word, starts in doc.words.by_word.items():
        if len(word) != _S10_LENGTH or not _S10.fullmatch(word):
            continue
        for start in starts:
            if not any(s <= start < e for s, e in spans.items()):
                spans[start] = start + _S10_LENGTH


def _spans(doc: Document) -> dict[int, int]:
    text = doc.masked
    spans: dict[int, int] = {}
    if any(map(text.__contains__, _HINTS)):
        spans = {m.start(): m.end() for m in _FORMATS.finditer(text)}
        for match in _INTRODUCED.finditer(text):
            start, end = match.span("token")
            token = match.group("token")
            if _DIGIT.search(token) and not any(s <= start < e for s, e in spans.items()):
                spans[start] = end
    if not _CARRIER_WORDS.isdisjoint(doc.words.word_set):
        _carried(doc, spans)
    _postal(doc, spans)
    if "](" in doc.text:
        _linked(doc, spans)
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
