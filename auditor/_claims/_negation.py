"""Negation and hedging: whether a phrase is denied, and whether it is asserted softly.

Negation is sought in a short window before the phrase and inside it, never across a clause
break ("No, it's in stock" is not a denial). Hedges come in two kinds: modals scoped to their
clause ("it should be in stock — we have 14") and framing verbs that colour the rest of their
sentence ("I think the kettle is in stock but the toaster is sold out").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from auditor._claims._compiled import compile_pattern
from auditor._claims._document import Document
from auditor._claims._needles import fewest, needles
from auditor._claims._text import Clause

#: "no.9" is a house number, one word, not the negator "no".
_WORD = compile_pattern(r"no\.\s?\d+|[a-z0-9]+(?:'[a-z]+)?")
_WINDOW = 6
_NEGATORS = frozenset(
    [
        "not",
        "no",
        "never",
        "cannot",
        "nor",
        "dont",
        "doesnt",
        "isnt",
        "cant",
        "wont",
        "arent",
        "wasnt",
        "werent",
        "havent",
        "hasnt",
        "didnt",
        "couldnt",
        "shouldnt",
        "wouldnt",
        "aint",
        "hadnt",
        # Chat spelling of "not" ("nt shipped yet").
        "nt",
        # Negative quantifiers deny what follows them: "we've none of it on the shelf",
        # "nothing's been refunded", "nobody's reviewed it".
        "none",
        "nothing",
        "nobody",
        # (markdown9) Of two, neither: "Neither has arrived yet".
        "neither",
    ]
)
#: A negator followed by one of these denies something else ("not only", "no problem").
_NOT_DENIALS = frozenset(
    [
        "only",
        "just",
        "sure",
        "certain",
        "worry",
        "worries",
        "problem",
        "problems",
        "doubt",
        "matter",
        "hesitate",
        "longer",
        "need",
        "wonder",
        # A limit, not a denial: "no later than Tuesday".
        "later",
        "sooner",
        "earlier",
    ]
)
#: Words that open a new predicate inside a clause ("… yet its still being packed").
_RESTARTS = frozenset(["it's", "its", "they're", "we're"])
_FRAME_VERBS = frozenset(
    ["think", "believe", "expect", "suppose", "say", "sure", "certain", "know", "guess", "reckon",
     "that", "if", "whether", "seem", "seems", "mean"]
)  # fmt: skip
#: Every negator is one of these strings, or ends with "n't": a clause without any denies
#: nothing. One search finds them all; no word boundaries, so it finds every negator word.
_NEGATOR_TEXT = compile_pattern("|".join(sorted([*_NEGATORS, "n't"])))
#: "Not yet" in its other words: "not approved at this time", "still not issued", "so far".
_YET = compile_pattern(
    r"\b(?:yet|still|so far|at this (?:time|point|stage)|at the moment|as of (?:now|today))\b"
)

_MODALS = frozenset(
    [
        "should",
        "might",
        "may",
        "could",
        "probably",
        "possibly",
        "likely",
        "unlikely",
        "perhaps",
        "maybe",
        "hopefully",
        "presumably",
        "shud",
    ]
)
_MONTH_CONTEXT = frozenset(
    ["in", "of", "on", "since", "until", "by", "mid", "early", "late", "end", "from"]
)
_FRAMES = compile_pattern(
    r"\b(?:i (?:think|believe|guess|suspect|reckon|assume|expect)|i don't think|i do not think"
    r"|i'd say|i would say|as far as i (?:know|can tell|can see)|(?:it )?seems|(?:it )?looks like"
    r"|apparently|if i'm not mistaken|i'm not (?:sure|certain)|not sure)\b"
)
_SHORT_TAIL = 4
#: Substrings one of which every frame contains.
_FRAME_NEEDLES = needles(_FRAMES)
#: Those and the modals, none holding another: an answer without any hedges no claim.
_HEDGE_NEEDLES = None if _FRAME_NEEDLES is None else fewest(_FRAME_NEEDLES | _MODALS)


def _is_negator(token: str) -> bool:
    return token in _NEGATORS or token.endswith("n't") or _bare(token) in _NEGATORS


def _bare(token: str) -> str:
    """The word without a clitic: "nothing's" is "nothing"."""
    return token.partition("'")[0]


def _since_restart(before: list[str]) -> list[str]:
    """The words after the last new subject: in "hasn't shipped yet its still being packed"
    the negator denied "shipped", and "its" opens a new predicate it does not reach. A subject
    after a verb of thinking ("I don't think it's …") is that verb's object, still denied."""
    for i in range(len(before) - 1, 0, -1):
        if before[i] in _RESTARTS and before[i - 1] not in _FRAME_VERBS:
            return before[i:]
    return before


def negated(doc: Document, clause: Clause, start: int, end: int) -> bool:
    """A negator shortly before the phrase or inside it, denying it."""
    if _NEGATOR_TEXT.search(doc.masked, clause.start, end) is None:
        return False  # the usual case: not even a negator's letters in the clause so far
    # A spaced slash sets a chat line's statements apart ("item: not back yet / refund: after
    # it lands"): a negator before it denies its own statement only.
    left = max(clause.start, doc.masked.rfind(" / ", clause.start, start))
    before = _since_restart(_WORD.findall(doc.masked, left, start)[-_WINDOW:])
    tokens = [*before, *_WORD.findall(doc.masked, start, end)]
    if _NEGATORS.isdisjoint(map(_bare, tokens)) and doc.masked.find("n't", clause.start, end) < 0:
        return False  # the letters are inside other words ("now")
    for i, token in enumerate(tokens):
        if _is_negator(token) and not (i + 1 < len(tokens) and tokens[i + 1] in _NOT_DENIALS):
            return True
    return False


def has_yet(doc: Document, clause: Clause) -> bool:
    return _YET.search(doc.masked, clause.start, clause.end) is not None


def _is_modal(words: list[str], i: int) -> bool:
    word = words[i]
    if word not in _MODALS:
        return False
    after = words[i + 1] if i + 1 < len(words) else ""
    before = words[i - 1] if i > 0 else ""
    if word == "may":  # or the month
        return not (after[:1].isdigit() or before[:1].isdigit() or before in _MONTH_CONTEXT)
    if word in ("could", "should"):
        return after not in ("you", "not")
    return True


def _modal_in(doc: Document, clause: Clause) -> bool:
    words = _WORD.findall(doc.masked, clause.start, clause.end)
    if _MODALS.isdisjoint(words):
        return False
    return any(_is_modal(words, i) for i in range(len(words)))


def _tail_frame(doc: Document, clause: Clause) -> bool:
    """The sentence closes on a bare frame: "It's in stock, I think." """
    index = doc.clause_index(clause)
    last = index
    while last + 1 < len(doc.clauses) and doc.clauses[last + 1].sentence == clause.sentence:
        last += 1
    if last == index:  # the clause closes its sentence itself
        return False
    text = doc.clause_text(doc.clauses[last])
    return len(_WORD.findall(text)) <= _SHORT_TAIL and _FRAMES.search(text) is not None


@dataclass(slots=True)
class _Hedges:
    """What hedging an answer allows, worked out once per answer and clause.

    Most answers have no modal and no frame anywhere: a substring test over the whole answer
    settles every claim of those at once (a match always contains one of the substrings).
    """

    possible: bool
    #: Per clause start: a modal in it, where a frame first opens its sentence, a tail frame.
    clauses: dict[int, tuple[bool, int | None, bool]] = field(default_factory=dict)


def _hedges(doc: Document) -> _Hedges:
    text = doc.masked
    possible = _HEDGE_NEEDLES is None or any(map(text.__contains__, _HEDGE_NEEDLES))
    fresh = _Hedges(possible)
    doc.memo["hedges"] = fresh
    return fresh


def hedged(doc: Document, clause: Clause, start: int) -> bool:
    hedges = doc.memo.get("hedges")
    if not isinstance(hedges, _Hedges):  # once per answer: asked for every phrase found
        hedges = _hedges(doc)
    if not hedges.possible:
        return False
    known = hedges.clauses.get(clause.start)
    if known is None:
        sentence = doc.sentences[clause.sentence]
        frame = _FRAMES.search(doc.masked, sentence.start, sentence.end)
        known = (
            _modal_in(doc, clause),
            frame.start() if frame else None,
            _tail_frame(doc, clause),
        )
        hedges.clauses[clause.start] = known
    modal, frame_at, tail = known
    return modal or (frame_at is not None and frame_at < max(start, clause.end)) or tail
