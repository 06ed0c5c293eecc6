"""Which subject a claim is about, and turning hits into claims.

The rule, in order: a subject named inside the phrase; the nearest one before it in its
sentence; the first one after it in its clause; the nearest one earlier in the answer; the
only one the answer names (a field list may give the id last). A
coordinated group ("the kettle and the toaster are in stock") gives one claim per member.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from auditor._claims._document import Document
from auditor._claims._markdown import Layout
from auditor._claims._model import Claim, ClaimKind, ClaimValue
from auditor._claims._scan import Hit, silent
from auditor._claims._subjects import KIND_SUBJECTS, Mention, SubjectType

_ELLIPSIS = re.compile(
    r"\s*(?:and|&)\s+(?:so (?:is|are|has|have|was|were)\s+(?:the\s+|your\s+)?\S+"
    r"|(?:the\s+|your\s+)?\S+(?:\s+\S+)?\s+(?:too|as well|also))\s*[.!]*\s*"
)
_ELLIPSIS_HINTS = (" too", "as well", " also", "so is", "so are", "so has", "so have", "so was")
_CONNECTOR = re.compile(r"(?:\s|,|&|/|\band\b|\bor\b|\bplus\b|\bas well as\b|\bthe\b|\bboth\b)*")
#: Every ASCII character `_CONNECTOR` can match: most gaps hold another ("kettle (KT-1)")
#: and are settled without the regex.
_CONNECTOR_CHARS = frozenset(
    [chr(code) for code in range(128) if chr(code).isspace()] + list(",&/andorplusaswelltheboth")
)


def _connects(gap: str) -> bool:
    """Nothing but blanks, punctuation and words that join a list between two mentions."""
    if not gap.strip():
        return False
    if gap.isascii() and not _CONNECTOR_CHARS.issuperset(gap):
        return False
    return _CONNECTOR.fullmatch(gap) is not None


def _group(
    doc: Document, types: frozenset[SubjectType], chosen: Mention, candidates: list[Mention]
) -> tuple[str, ...]:
    """`chosen` and the mentions coordinated with it just before it, among `candidates` (the
    mentions of `types`); worked out once per answer, as several phrases share a subject."""
    key = ("group", types, chosen.start)
    cached = doc.memo.get(key)
    if isinstance(cached, tuple):
        return cached
    members = [chosen]
    index = candidates.index(chosen)
    while index > 0:
        previous = candidates[index - 1]
        gap = doc.masked[previous.end : members[0].start]
        if not _connects(gap):
            break
        members.insert(0, previous)
        index -= 1
    group = tuple(dict.fromkeys(m.subject for m in members))
    doc.memo[key] = group
    return group


def _resolve_tier(
    doc: Document, types: frozenset[SubjectType], start: int, end: int
) -> tuple[str, ...]:
    candidates = [m for m in doc.mentions if m.type in types]
    if not candidates:
        return ()
    for mention in candidates:
        if start <= mention.start and mention.end <= end:
            return (mention.subject,)
    sentence = doc.sentence_at(start)
    before = [m for m in candidates if sentence.start <= m.start and m.end <= start]
    if before:
        return _group(doc, types, before[-1], candidates)
    clause = doc.clause_at(start)
    # A label's subject may stand in its value: "In stock: Blue Kettle".
    value = doc.value_of(clause)
    stop = clause.end if value is None else value.end
    after = [m for m in candidates if end <= m.start and m.end <= stop]
    if after:
        return (after[0].subject,)
    earlier = [m for m in candidates if m.end <= sentence.start]
    if doc.layout is not None and doc.layout.items:
        earlier = _outside_other_items(doc.layout, start, earlier)
    if earlier:
        return _group(doc, types, earlier[-1], candidates)
    named = {m.subject for m in candidates}
    return (named.pop(),) if len(named) == 1 else ()


def _outside_other_items(layout: Layout, start: int, mentions: list[Mention]) -> list[Mention]:
    """`mentions` not inside a list item other than the one holding `start` (or its parents):
    a bullet's claim is not about the item the bullet before it names."""
    own = layout.item_at(start)
    if own is None:
        return mentions
    kept = []
    for mention in mentions:
        item = layout.item_at(mention.start)
        if item is None or item.start <= start < item.end:
            kept.append(mention)
    return kept


_NO_SUBJECT: tuple[str | None, ...] = (None,)


def _sole_subject(
    doc: Document, tiers: tuple[frozenset[SubjectType], ...]
) -> tuple[str | None, ...]:
    """The subjects of every phrase when where it stands cannot matter, else (); once per answer.

    When the first tier with mentions has mentions of one subject only, every rule above
    picks that subject (the usual answer names one item, by its name and its SKU); when no
    tier has any, no phrase has a subject.
    """
    key = ("sole", tiers)
    known = doc.memo.get(key)
    if isinstance(known, tuple):
        return known
    found = _NO_SUBJECT
    for types in tiers:
        subjects = {m.subject for m in doc.mentions if m.type in types}
        if subjects:
            found = (subjects.pop(),) if len(subjects) == 1 else ()
            break
    doc.memo[key] = found
    return found


def resolve(doc: Document, kind: ClaimKind, start: int, end: int) -> tuple[str | None, ...]:
    """The subjects of the phrase at `start:end`, worked out once per answer and span: the
    counts of an answer are read both as quantities and as availability."""
    if not doc.mentions:
        return _NO_SUBJECT
    tiers = KIND_SUBJECTS[kind]
    sole = _sole_subject(doc, tiers)
    if sole:
        return sole
    key = ("subjects", tiers, start, end)
    known = doc.memo.get(key)
    if isinstance(known, tuple):
        return known
    found = _NO_SUBJECT
    for types in tiers:
        subjects = _resolve_tier(doc, types, start, end)
        if subjects:
            found = subjects
            break
    doc.memo[key] = found
    return found


def claims_of(
    doc: Document, kind: ClaimKind, hits: Iterable[Hit], value: ClaimValue | None = None
) -> list[Claim]:
    """One claim per hit and subject; `value` overrides the hits' own when given.

    A hit whose phrase names its subject by a placeholder (a shop's "{item} is on the shelf")
    is about that subject, wherever the rule above would look.
    """
    return [
        Claim(
            kind, hit.value if value is None else value, (hit.start, hit.end), subject, hit.hedged
        )
        for hit in hits
        for subject in (
            resolve(doc, kind, hit.start, hit.end) if hit.subject is None else (hit.subject,)
        )
    ]


def carry_over(doc: Document, kind: ClaimKind, claims: list[Claim]) -> list[Claim]:
    """ "The kettle is sold out, and the toaster too": the last claim, for a new subject."""
    out = list(claims)
    if not claims or not any(map(doc.masked.__contains__, _ELLIPSIS_HINTS)):
        return out
    types = KIND_SUBJECTS[kind][0]
    for clause in doc.clauses:
        if silent(clause) or not _ELLIPSIS.fullmatch(doc.clause_text(clause)):
            continue
        mention = next(
            (m for m in doc.mentions if m.type in types and clause.start <= m.start < clause.end),
            None,
        )
        sentence = doc.sentences[clause.sentence]
        before = [
            c
            for c in claims
            if sentence.start <= c.span[0] < clause.start and c.subject is not None
        ]
        if mention is None or not before:
            continue
        last = before[-1]
        span = (mention.start, mention.end)
        out.append(Claim(kind, last.value, span, mention.subject, last.hedged))
    return out
