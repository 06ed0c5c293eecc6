"""What a clause without a subject of its own is about: the goods or the money.

"It is currently pending with our payment processor", "it goes out in the next payment batch",
"should land within 3–5 working days": a clause whose subject is a pronoun, or left out, goes
on with the last thing the answer named, and when that was a refund, a return or an amount of
money, its "pending", "went out" and "land" are the money's, not the order's (issue 23: no
false alarm on an answer about a refund). An order named as what the money is for ("the refund
for ORD-1", "a return on order ORD-2") modifies the money and is not the thing talked about.
Order status and delivery dates ask this of the clauses they read; a clause that names the
goods ("your parcel", "ORD-1", an item) is never re-read.
"""

from __future__ import annotations

from auditor._claims._compiled import compile_pattern
from auditor._claims._document import Document
from auditor._claims._lexicon import REFUND
from auditor._claims._subjects import SubjectType

#: The goods an answer talks about, as nouns.
_GOODS = compile_pattern(
    r"\b(?:orders?|parcels?|packages?|pkgs?|box(?:es)?|shipments?|deliver(?:y|ies)|items?"
    r"|replacements?|consignments?)\b"
)
#: Money or a return, as nouns, and an amount of money.
_MONEY = compile_pattern(
    rf"\b(?:{REFUND[3:-1]}|refunds|refunded|money|funds|reimbursed|returns?|rma)\b"
    r"|[£$€]\s?\d|\b\d+(?:[.,]\d\d)?\s?(?:eur|usd|gbp)\b"
)
#: A noun that only says what the money is for: "the refund for ORD-1", "on order ORD-2".
_MODIFIER = compile_pattern(r"\b(?:for|on|of|from|under)\s+(?:(?:your|the|this|that|order)\s+)*\Z")
#: The words a clause may open on and still have no subject of its own.
_FILLER = frozenset(
    [
        "it", "it's", "its", "they", "they're", "them", "this", "that", "which", "and", "but",
        "so", "then", "now", "still", "currently", "already", "also", "just", "is", "was", "has",
        "have", "had", "been", "be", "are", "were", "'s", "should", "will", "'ll", "shd", "would",
        "can", "could", "may", "might", "all", "as", "showing", "shown", "marked", "status",
    ]
)  # fmt: skip
_WORD = compile_pattern(r"[a-z0-9']+")
_PRONOUN = compile_pattern(r"\b(?:it|it's|its|they|they're|this|that)\b")
_IDS = frozenset({SubjectType.ORDER, SubjectType.ITEM})
#: How many sentences before the clause's own a pronoun is looked up in.
_REACH = 2


def about_money(doc: Document, clause_start: int, at: int) -> bool:
    """The clause from `clause_start`, read at `at`, names money before `at` and no goods; or
    it has no subject there but a pronoun, and the last thing named before it (in its sentence
    and the two before), or failing that the rest of its sentence, is money or a return."""
    masked = doc.masked
    own = masked[clause_start:at]
    # The goods named anywhere in the clause, before the phrase or after it as its object
    # ("and cancelled the order"): the clause is theirs.
    end = doc.clause_at(at).end
    named = any(clause_start <= m.start < end and m.type in _IDS for m in doc.mentions)
    if named or _GOODS.search(masked, clause_start, end):
        return False
    if _MONEY.search(own):
        return True  # "£11.25 should be back with you by Friday"
    # "the payment log shows it went out": the subject is the pronoun, not what frames it.
    since = max((p.end() for p in _PRONOUN.finditer(own)), default=0)
    if any(w not in _FILLER for w in _WORD.findall(own, since)):
        return False
    sentence = doc.sentence_at(clause_start)
    index = doc.sentences.index(sentence)
    since = doc.sentences[max(index - _REACH, 0)].start
    last = _last_named(doc, since, clause_start)
    if last is not None:
        return last
    rest = masked[at : sentence.end]
    return _MONEY.search(rest) is not None and _GOODS.search(rest) is None


def _last_named(doc: Document, start: int, end: int) -> bool | None:
    """Whether the last thing named in `start:end` is money (True) or goods (False); None when
    nothing is named there."""
    masked = doc.masked
    found: list[tuple[int, bool]] = []
    for match in _GOODS.finditer(masked, start, end):
        if not _MODIFIER.search(masked, max(match.start() - 24, 0), match.start()):
            found.append((match.start(), False))
    found.extend((m.start(), True) for m in _MONEY.finditer(masked, start, end))
    for mention in doc.mentions:
        if not start <= mention.start < end:
            continue
        if mention.type is SubjectType.RETURN:
            found.append((mention.start, True))
        elif mention.type in _IDS and not _MODIFIER.search(
            masked, max(mention.start - 24, 0), mention.start
        ):
            found.append((mention.start, False))
    return max(found)[1] if found else None
