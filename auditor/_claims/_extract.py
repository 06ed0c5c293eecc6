"""The entry point: read every claim an answer makes, deterministically, without a model."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from operator import attrgetter

# The family modules register their extractors on import; importing them here, explicitly,
# is what makes the registry complete (a contract test checks it).
from auditor._claims import (  # noqa: F401
    _availability,
    _clarification,
    _deflection,
    _delay,
    _delivery,
    _discount,
    _orders,
    _quantity,
    _refunds,
    _returns,
    _tracking,
)
from auditor._claims._bullets import dashed
from auditor._claims._compiled import compile_pattern
from auditor._claims._context import ExtractionContext
from auditor._claims._currency import with_signs
from auditor._claims._deflection import SAYS_NOTHING
from auditor._claims._document import Document
from auditor._claims._hyphens import unhyphenated
from auditor._claims._model import Claim, ClaimKind
from auditor._claims._registry import EXTRACTORS
from auditor._claims._shorthand import expand, may_hold_shorthand
from auditor._claims._subjects import SubjectType
from auditor._claims._text import Segment
from auditor._claims._ticks import unticked
from auditor._claims._unbold import unbolded
from auditor._claims._unwrap import unwrapped

_DEFAULT_CONTEXT = ExtractionContext()
#: Every extractor in `ClaimKind` order, looked up once rather than per answer. A kind the
#: judge knows before any reader does (a newly added one) is simply never extracted.
_ALL = tuple((kind, EXTRACTORS[kind]) for kind in ClaimKind if kind in EXTRACTORS)


_SPAN = attrgetter("span")
#: Every space but the plain one that a writer's tools put between words, one for one.
_WIDE_SPACES = str.maketrans(
    dict.fromkeys(
        "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000",
        " ",
    )
)


def _one_per_assertion(claims: list[Claim]) -> list[Claim]:
    """An answer repeating itself makes one claim: the first occurrence stands.

    `claims` come kind by kind in `ClaimKind` order, so a stable sort by span alone orders
    claims of one span by kind.
    """
    if len(claims) < 2:
        return claims
    seen: set[tuple[ClaimKind, object, str | None]] = set()
    kept = []
    for claim in sorted(claims, key=_SPAN):
        key = (claim.kind, claim.value, claim.subject)
        if key not in seen:
            seen.add(key)
            kept.append(claim)
    return kept


def extract(
    text: str,
    kinds: Collection[ClaimKind] | None = None,
    context: ExtractionContext | None = None,
) -> list[Claim]:
    """The claims `text` makes, of `kinds` (all when None), sorted by where they start.

    Never raises on any string; spans are valid `text[start:end]` slices.
    """
    wanted = None if kinds is None else {ClaimKind(k) for k in kinds}
    context = context or _DEFAULT_CONTEXT
    # Lines ended "\r\n" (e-mail, Windows back ends) ended as every rule expects, prose
    # hard-wrapped by a gateway read as written (`_unwrap`), and phrases written with hyphens
    # ("out-of-stock") read spaced (`_hyphens`): one character for one, so every span below is
    # a span of `text` as given.
    if "\r" in text:
        text = text.replace("\r\n", " \n").replace("\r", "\n")
    # Spaces a typographic locale or a rich-text editor sets (no-break, thin …) made plain
    # before anything reads the answer's structure (a list's "-\u202f", a label's words).
    # A line opening on a bullet character ("• Status: Issued") read as a Markdown list's
    # ("- "), one character for one (`_bullets`).
    if not text.isascii():
        text = text.translate(_WIDE_SPACES)
        text = dashed(text) or text
    # A code in backticks (`ORD-1234`) read as the code (`_ticks`), and a sum written with its
    # currency's code or word ("GBP 12.50", "12.50 GBP", "12 pounds") or a share in words ("20
    # percent") read with its sign (`_currency`); the answer read again, the claims' spans
    # taken back (each rewrite leaves nothing for itself to find, so this ends).
    rewritten = unticked(text) or with_signs(text)
    if rewritten is not None:
        return rewritten.restore(extract(rewritten.text, wanted, context))
    text = unwrapped(text) or text
    text = unhyphenated(text) or text
    doc = Document.of(text, context)
    # Emphasis around a name taken off, and the answer read again (`_unbold`); spans mapped
    # back to `text`.
    plain = unbolded(text, doc)
    if plain is not None:
        return plain.restore(_spelt(plain.text, Document.of(plain.text, context), wanted))
    return _spelt(text, doc, wanted)


def _spelt(text: str, doc: Document, wanted: set[ClaimKind] | None) -> list[Claim]:
    # Chat shorthand spelt out once for every kind's rules, only where its words occur (the
    # document's word index tells, at no cost); spans mapped back to `text`.
    if may_hold_shorthand(text, doc.words.word_set):
        spelt = expand(text, doc.context.items, doc.context.index)
        if spelt is not None:
            return spelt.restore(_read(Document.of(spelt.text, doc.context), wanted))
    return _read(doc, wanted)


def _read(doc: Document, wanted: set[ClaimKind] | None) -> list[Claim]:
    if not doc.clauses:
        return []
    claims: list[Claim] = []
    for kind, extractor in _ALL:
        if wanted is None or kind in wanted:
            claims.extend(extractor(doc))
    if doc.layout is not None and doc.layout.relabelled:
        claims = _from_whole_labels(claims, doc.layout.relabelled)
    if SAYS_NOTHING in doc.memo:
        claims = _said_something(claims, doc.memo[SAYS_NOTHING])
    claims = _stock_arriving(claims, doc)
    return _one_per_assertion(claims)


def _said_something(claims: list[Claim], empty: object) -> list[Claim]:
    """The non-answer `_deflection._says_nothing` read (filler, and questions it passes over)
    dropped when the answer holds a claim of another kind: a question can carry a fact ("Hi,
    thanks for getting in touch! ORD-90155 isn't coming up under your email, are you sure it's
    yours?" refuses; "yep got 12, want 1?" is stock)."""
    if all(claim.kind is ClaimKind.DEFLECTION for claim in claims):
        return claims
    return [c for c in claims if not (c.kind is ClaimKind.DEFLECTION and c.span == empty)]


#: Stock not on the shelf: a date told beside it, of no order, is when stock comes in.
_NOT_HERE = frozenset({"out_of_stock", "backorder", "discontinued"})
#: The customer's own parcel spoken of, though no order is named by its id.
_YOURS = compile_pattern(
    r"\b(?:your|ur|yr|you(?:'ll| will) (?:get|receive|have))\b[\w\s]{0,20}"
    r"\b(?:order|parcel|package|delivery|shipment|it|them|one)\b"
)


def _stock_arriving(claims: list[Claim], doc: Document) -> list[Claim]:
    """A delivery date of no order dropped when the answer tells an item's stock as not on
    the shelf and speaks of no order of the customer's: the date is the stock's ("on back
    order, due in around the 15th", "none in, nxt delivery fri", "a replenishment shipment is
    scheduled to arrive on December 16"), a restock however it is worded, which the rules of
    delivery cannot all list."""
    if not any(c.kind is ClaimKind.DELIVERY_DATE and c.subject is None for c in claims):
        return claims
    if not any(c.kind is ClaimKind.AVAILABILITY and c.value in _NOT_HERE for c in claims):
        return claims
    if any(m.type is not SubjectType.ITEM for m in doc.mentions) or _YOURS.search(doc.norm):
        return claims
    return [c for c in claims if not (c.kind is ClaimKind.DELIVERY_DATE and c.subject is None)]


def _from_whole_labels(claims: list[Claim], labels: tuple[Segment, ...]) -> list[Claim]:
    """Claims read from a canonical label written over the answer's own ("status" over
    "Where it's at"), their spans opening at the answer's label: the evidence a report shows
    is "Where it's at: shipped", not "t's at: shipped"."""
    moved = []
    for claim in claims:
        start, end = claim.span
        label = next((s for s in labels if s.start < start < s.end), None)
        moved.append(claim if label is None else replace(claim, span=(label.start, end)))
    return moved
