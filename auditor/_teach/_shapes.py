"""Unread answers grouped by shape, so that one house phrase is taught once, not per answer.

An assistant says the same thing the same way about every item ("Blue Kettle: ready to roll",
"Red Toaster: ready to roll"). The shape of an answer is its text with what changes from probe
to probe taken out: item names and SKUs become `{item}`, order and return ids `{id}`, dates
`DATE`, other numbers `N`; lower case, punctuation folded into blanks. Answers of one shape are
one group; the most frequent groups come first, as they teach the most.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from auditor._claims import CATEGORICAL_VALUES, ClaimKind
from auditor._claims._dates import _DATE
from auditor._claims._subjects import (
    EMPTY_INDEX,
    ItemIndex,
    Mention,
    SubjectType,
    find_mentions,
)
from auditor._claims._text import normalise, sentences
from auditor._claims._vocabulary import phrase_problem, placeholder_types
from auditor._probes import PROBE_KINDS
from auditor._results import ProbeResult
from auditor._verdict import Verdict

_NON_ANSWERS = frozenset({ClaimKind.DEFLECTION.value, ClaimKind.REFUSAL.value})
_PLACEHOLDER_OF = {
    SubjectType.ITEM: "item",
    SubjectType.ORDER: "id",
    SubjectType.RETURN: "id",
}
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
#: Punctuation (anything but letters, digits, blanks and a placeholder's braces).
_PUNCTUATION = re.compile(r"[^\w\s{}]|_")
_BLANKS = re.compile(r"\s+")
_REPEATED = re.compile(r"(\{item\}|\{id\})(?: \1)+")
#: What a phrase need not end with.
_SENTENCE_TAIL = " \t\n.!?…"
#: A computed kind an unread answer is best taught through: "sold out" answers "how many?".
_TAUGHT_THROUGH = {ClaimKind.QUANTITY: ClaimKind.AVAILABILITY}


def is_unread(result: ProbeResult) -> bool:
    """The auditor could not read the answer: `unread`, or (audits written before that verdict
    existed) `unanswered` without a deflection or refusal recognised in it."""
    if result.verdict is Verdict.UNREAD:
        return True
    return result.verdict is Verdict.UNANSWERED and not any(
        c.kind in _NON_ANSWERS for c in result.claims
    )


def _placeholder(mention: Mention) -> str:
    return "{" + _PLACEHOLDER_OF[mention.type] + "}"


def _fold(text: str) -> str:
    text = _DATE.sub(" DATE ", text)
    text = _NUMBER.sub(" N ", text)
    return _PUNCTUATION.sub(" ", text)


def shape(text: str, index: ItemIndex = EMPTY_INDEX) -> str:
    """`text` with what varies between probes taken out (see the module's docstring)."""
    norm = normalise(text)
    pieces = []
    position = 0
    for mention in find_mentions(norm, index):
        pieces.append(_fold(norm[position : mention.start]))
        pieces.append(f" {_placeholder(mention)} ")
        position = mention.end
    pieces.append(_fold(norm[position:]))
    folded = _BLANKS.sub(" ", "".join(pieces)).strip()
    return _REPEATED.sub(r"\1", folded)


def teachable_kind(probe_kind: str) -> ClaimKind | None:
    """The claim kind a `[vocabulary]` entry for this probe kind's answers would be of.

    Privacy probes are taught refusals; a count is taught through availability; dates and
    tracking numbers are read from the text and cannot be taught a phrase (None).
    """
    if probe_kind not in PROBE_KINDS:
        return None
    kind = PROBE_KINDS[probe_kind]
    if kind.absence_passes:
        return ClaimKind.REFUSAL
    for claim_kind in kind.claim_kinds:
        claim_kind = _TAUGHT_THROUGH.get(claim_kind, claim_kind)
        if claim_kind in CATEGORICAL_VALUES or claim_kind is ClaimKind.DISCOUNT:
            return claim_kind
    return None


def _with_placeholders(
    text: str, start: int, end: int, mentions: Sequence[Mention], kind: ClaimKind
) -> str:
    """`text[start:end]` with the mentions a phrase of `kind` may hold as placeholders."""
    usable = placeholder_types(kind)
    pieces = []
    position = start
    for mention in mentions:
        if not (start <= mention.start and mention.end <= end):
            continue
        name = _PLACEHOLDER_OF[mention.type]
        if mention.type not in usable.get(name, frozenset()):
            continue
        pieces.append(text[position : mention.start])
        pieces.append("{" + name + "}")
        position = mention.end
    pieces.append(text[position:end])
    return _REPEATED.sub(r"\1", _BLANKS.sub(" ", "".join(pieces)))


def suggest_phrase(
    text: str, subject: str | None, kind: ClaimKind, index: ItemIndex = EMPTY_INDEX
) -> str | None:
    """A phrase to teach from one answer: the sentence that names the probe's subject (else
    the first that names any, else the first), with its mentions as placeholders; None when
    that is no usable phrase (only a placeholder, say)."""
    norm = normalise(text)
    mentions = find_mentions(norm, index)
    found = sentences(norm) or ()
    if not found:
        return None

    def names(segment: Any, wanted: str | None) -> bool:
        return any(
            segment.start <= m.start < segment.end
            and (wanted is None or m.subject.casefold() == wanted)
            for m in mentions
        )

    chosen = next(
        (s for s in found if subject is not None and names(s, subject.casefold())),
        next((s for s in found if names(s, None)), found[0]),
    )
    phrase = _with_placeholders(text, chosen.start, chosen.end, mentions, kind)
    phrase = phrase.strip().rstrip(_SENTENCE_TAIL).strip()
    if not phrase or phrase_problem(kind, phrase) is not None:
        return None
    return phrase


@dataclass(frozen=True, slots=True)
class Example:
    probe_id: str
    subject: str
    question: str
    answer: str


@dataclass(frozen=True, slots=True)
class UnreadGroup:
    """Unread answers of one shape to one probe kind."""

    shape: str
    probe_kind: str
    #: What a vocabulary entry for these answers would be of; None: nothing to teach.
    claim_kind: ClaimKind | None
    probe_ids: tuple[str, ...]
    example: Example
    #: The phrase offered by default (`suggest_phrase` of the example); None: none fits.
    phrase: str | None

    @property
    def count(self) -> int:
        return len(self.probe_ids)

    @property
    def values(self) -> tuple[str, ...]:
        """The claim values an entry may map the phrase onto."""
        if self.claim_kind is None:
            return ()
        if self.claim_kind is ClaimKind.DISCOUNT:
            return ("free", "unspecified")
        return tuple(sorted(CATEGORICAL_VALUES.get(self.claim_kind, ())))

    def to_json(self) -> dict[str, Any]:
        return {
            "shape": self.shape,
            "probe_kind": self.probe_kind,
            "claim_kind": None if self.claim_kind is None else self.claim_kind.value,
            "values": list(self.values),
            "count": self.count,
            "probe_ids": list(self.probe_ids),
            "example": {
                "probe_id": self.example.probe_id,
                "subject": self.example.subject,
                "question": self.example.question,
                "answer": self.example.answer,
            },
            "phrase": self.phrase,
        }


def _question(probe: Mapping[str, Any]) -> str:
    turns = probe.get("turns") or []
    return str(turns[-1]) if isinstance(turns, list) and turns else ""


def group_unread(
    results: Iterable[ProbeResult], items: Mapping[str, str] | None = None
) -> list[UnreadGroup]:
    """The unread answers of `results`, grouped by probe kind and shape, most frequent first
    (then by shape, so the order is stable); `items` (SKU -> name) are the names to take out."""
    index = ItemIndex.build(items) if items else EMPTY_INDEX
    grouped: dict[tuple[str, str], list[ProbeResult]] = {}
    for result in results:
        if result.answer is None or not is_unread(result):
            continue
        key = (str(result.probe.get("kind", "")), shape(result.answer, index))
        grouped.setdefault(key, []).append(result)
    groups = []
    for (probe_kind, answer_shape), members in grouped.items():
        members.sort(key=lambda r: (r.started_at, r.probe_id))  # the first asked is the example
        first = members[0]
        subject = str(first.probe.get("subject", ""))
        kind = teachable_kind(probe_kind)
        answer = first.answer or ""
        groups.append(
            UnreadGroup(
                shape=answer_shape,
                probe_kind=probe_kind,
                claim_kind=kind,
                probe_ids=tuple(r.probe_id for r in members),
                example=Example(first.probe_id, subject, _question(first.probe), answer),
                phrase=None if kind is None else suggest_phrase(answer, subject, kind, index),
            )
        )
    groups.sort(key=lambda g: (-g.count, g.probe_kind, g.shape))
    return groups
