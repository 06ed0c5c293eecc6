"""An answer analysed once for every extractor: normalised, masked, segmented, subjects found."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from auditor._claims._context import ExtractionContext
from auditor._claims._dispatch import WordIndex
from auditor._claims._subjects import Mention, SubjectType, find_mentions, mask
from auditor._claims._text import Clause, Segment, clauses, normalise, sentences

_ORDER_WORDS = re.compile(
    r"(?<!-)\b(?:orders?|parcels?|packages?|shipments?|deliver(?:y|ies)|couriers?|tracking|purchases?)\b"
)
_RETURN_WORDS = re.compile(
    r"\b(?:returns?|returned|returning|rma|(?:sent|sending|send|posted|posting)\b[\w\s]{0,30}\bback"
    r"|(?:got|received|have) (?:\w+ ){1,2}back)\b"
)


@dataclass(frozen=True, slots=True)
class Document:
    text: str
    #: `text` normalised (see `_text.normalise`), same length.
    norm: str
    #: `norm` with ids and item names blanked, what the phrase patterns read.
    masked: str
    sentences: tuple[Segment, ...]
    clauses: tuple[Clause, ...]
    #: Where each word of `masked` starts, for the phrase dispatch.
    words: WordIndex
    mentions: tuple[Mention, ...]
    context: ExtractionContext
    #: The answer talks about an order or a return somewhere: ambiguous phrases such as
    #: "on its way" or "approved" are read as order or return claims only then.
    order_context: bool
    return_context: bool
    _clause_starts: tuple[int, ...]
    _sentence_starts: tuple[int, ...]
    #: Results shared by several extractors of this one answer (e.g. stock counts).
    memo: dict[str, object] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, text: str, context: ExtractionContext) -> Document:
        norm = normalise(text)
        mentions = find_mentions(norm, context.index)
        masked = mask(norm, mentions)
        words = WordIndex.of(masked)
        found = sentences(masked)
        parts = clauses(masked, found, words.by_word)
        types = {m.type for m in mentions}
        return cls(
            text=text,
            norm=norm,
            masked=masked,
            sentences=found,
            clauses=parts,
            words=words,
            mentions=mentions,
            context=context,
            order_context=SubjectType.ORDER in types or bool(_ORDER_WORDS.search(norm)),
            return_context=SubjectType.RETURN in types or bool(_RETURN_WORDS.search(norm)),
            _clause_starts=tuple(c.start for c in parts),
            _sentence_starts=tuple(s.start for s in found),
        )

    def clause_at(self, position: int) -> Clause:
        index = max(bisect.bisect_right(self._clause_starts, position) - 1, 0)
        return self.clauses[index]

    def sentence_at(self, position: int) -> Segment:
        index = max(bisect.bisect_right(self._sentence_starts, position) - 1, 0)
        return self.sentences[index]

    def clause_text(self, clause: Clause | Segment) -> str:
        return self.masked[clause.start : clause.end]

    def labelled_clause_text(self, clause: Clause) -> str:
        """The clause with the label before it, when it is a field value ("ETA: Friday")."""
        index = bisect.bisect_left(self._clause_starts, clause.start)
        if index > 0:
            previous = self.clauses[index - 1]
            if previous.sentence == clause.sentence and self.clause_text(
                previous
            ).rstrip().endswith(":"):
                return self.masked[previous.start : clause.end]
        return self.clause_text(clause)
