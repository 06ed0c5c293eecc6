"""An answer analysed once for every extractor: normalised, masked, segmented, subjects found."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Hashable
from dataclasses import dataclass, field
from operator import itemgetter

from auditor._claims._compiled import compile_pattern
from auditor._claims._context import ExtractionContext
from auditor._claims._dispatch import WordIndex
from auditor._claims._echoes import blank, find_echoes, keep_mentions
from auditor._claims._markdown import Layout, layout
from auditor._claims._subjects import Mention, SubjectType, find_mentions, mask, split_words
from auditor._claims._text import Clause, Segment, clauses, normalise, sentences

_ORDER_NOUNS = (
    "order",
    "orders",
    "parcel",
    "parcels",
    "package",
    "packages",
    "shipment",
    "shipments",
    "delivery",
    "deliveries",
    "courier",
    "couriers",
    "tracking",
    "purchase",
    "purchases",
)
_ORDER_WORDS = compile_pattern(r"(?<!-)\b(?:" + "|".join(_ORDER_NOUNS) + r")\b")
_RETURN_NOUNS = ("return", "returns", "returned", "returning", "rma")
#: "sent it back", "got the parcel back": the verbs that make a return with "back".
_SENDING = ("sent", "sending", "send", "posted", "posting")
_HAVING = ("got", "received", "have", "had")
_RETURN_WORDS = compile_pattern(
    r"\b(?:" + "|".join(_RETURN_NOUNS) + "|(?:" + "|".join(_SENDING) + r")\b[\w\s]{0,30}\bback"
    r"|(?:" + "|".join(_HAVING) + r") (?:\w+ ){1,2}back)\b"
)
#: An item "back with us" is a return when its sentence speaks of a refund ("The item is back
#: with us, but it's not yet available for refund."); alone it may be a restock, and "get back
#: to us" is a customer writing again.
_WITH_US = r"(?:back with us|c[ao]me back to us)\b"
_BACK_WITH_US = compile_pattern(rf"\b(?:{_WITH_US}[^.!?]*\brefund|refund[^.!?]*\b{_WITH_US})")
_ORDER_NOUN_SET = frozenset(_ORDER_NOUNS)
_RETURN_NOUN_SET = frozenset(_RETURN_NOUNS)
_BACK_VERBS = frozenset(_SENDING + _HAVING)
#: A label opening a line ("status:", "availability —"): a few words and a colon or a dash.
_LABEL = compile_pattern(r"\s*[\w'&/()-]+(?: [\w'&/()-]+){0,3}\s*(?::|\u2014|\s-)\s*")
#: A value that denies its label ("In stock: No", "Available: ❌").
_DENYING_VALUE = compile_pattern(
    r"\s*(?:no|nope|none|nil|n/a|0|zero|not (?:yet|currently|at the moment)|\u274c|\u2717|\u2718"
    r"|\u2716|\u26d4|\U0001f6ab)\W*"
)
#: The start of a clause or a sentence.
_START = itemgetter(0)


def _about_orders(norm: str, words: list[str]) -> bool:
    """`_ORDER_WORDS` in `norm`, whose words are `words`: a match is one of them, whole."""
    return not _ORDER_NOUN_SET.isdisjoint(words) and _ORDER_WORDS.search(norm) is not None


def _about_returns(norm: str, words: list[str]) -> bool:
    """`_RETURN_WORDS` or `_BACK_WITH_US` in `norm`, whose words are `words`: a match of the
    first opens on one of them, whole, and the phrases of a verb end on the whole word "back"."""
    if _RETURN_NOUN_SET.isdisjoint(words):
        if "back" not in words:
            return False
        if _BACK_VERBS.isdisjoint(words):
            return _BACK_WITH_US.search(norm) is not None
    return _RETURN_WORDS.search(norm) is not None or _BACK_WITH_US.search(norm) is not None


# Not frozen, though nothing changes it once built: a frozen dataclass sets each field with a
# call, and one is built per answer.
@dataclass(slots=True)
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
    #: The answer's Markdown structure (blocks, list items, emphasis), None for plain prose.
    layout: Layout | None
    _clause_starts: tuple[int, ...]
    _sentence_starts: tuple[int, ...]
    #: Results shared by several extractors of this one answer (e.g. stock counts).
    memo: dict[Hashable, object] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, text: str, context: ExtractionContext) -> Document:
        structure = layout(text)
        norm = normalise(text if structure is None else structure.plain)
        pieces = split_words(norm)
        mentions = find_mentions(norm, context.index, pieces)
        echoes = find_echoes(norm, () if structure is None else structure.emphasis)
        if echoes:
            mentions = tuple(keep_mentions(norm, echoes, mentions))
        masked = mask(norm, mentions)
        if echoes:
            masked = blank(masked, echoes, [(m.start, m.end) for m in mentions])
        words = WordIndex.of(masked)
        found = sentences(masked)
        parts = clauses(masked, found, words.by_word)
        types = [m.type for m in mentions]
        norm_words = pieces[1::2]
        about_orders = SubjectType.ORDER in types or _about_orders(norm, norm_words)
        about_returns = SubjectType.RETURN in types or _about_returns(norm, norm_words)
        return cls(
            text=text,
            norm=norm,
            masked=masked,
            sentences=found,
            clauses=parts,
            words=words,
            mentions=mentions,
            context=context,
            order_context=about_orders,
            return_context=about_returns,
            layout=structure,
            _clause_starts=tuple(map(_START, parts)),
            _sentence_starts=tuple(map(_START, found)),
        )

    def clause_index(self, clause: Clause) -> int:
        """Where `clause`, one of `clauses`, stands among them."""
        return bisect_left(self._clause_starts, clause.start)

    def clause_at(self, position: int) -> Clause:
        index = max(bisect_right(self._clause_starts, position) - 1, 0)
        return self.clauses[index]

    def sentence_at(self, position: int) -> Segment:
        index = max(bisect_right(self._sentence_starts, position) - 1, 0)
        return self.sentences[index]

    def clause_text(self, clause: Clause | Segment) -> str:
        return self.masked[clause.start : clause.end]

    def is_label(self, clause: Clause) -> bool:
        """`clause` is the label of a "Label: value" line ("**Status:** Shipped", "In stock: 3").

        A label opens its line and is a few words; the line's value follows it.
        """
        sentence = self.sentences[clause.sentence]
        if clause.start != sentence.start or clause.end >= sentence.end:
            return False
        before = self.masked[: sentence.start].rstrip(" \t")
        if before and not before.endswith("\n"):
            return False
        return _LABEL.fullmatch(self.masked, clause.start, clause.end) is not None

    def value_of(self, clause: Clause) -> Segment | None:
        """What the label `clause` labels: the rest of its line; None when it is no label."""
        if not self.is_label(clause):
            return None
        return Segment(clause.end, self.sentences[clause.sentence].end)

    def denied_by_value(self, clause: Clause) -> bool:
        """The label `clause` says a thing its value denies: "In stock: No"."""
        value = self.value_of(clause)
        if value is None:
            return False
        return _DENYING_VALUE.fullmatch(self.masked, value.start, value.end) is not None

    def crosses_block(self, start: int, end: int) -> bool:
        """A phrase at `start:end` runs from one Markdown block (a list item, a heading, a
        paragraph) into the next: it is no phrase of either."""
        if self.layout is None:
            return False
        block = self.layout.block_at(start)
        return block is not None and end > block.end

    def labelled_clause_text(self, clause: Clause) -> str:
        """The clause with the label before it, when it is a field value ("ETA: Friday")."""
        index = bisect_left(self._clause_starts, clause.start)
        if index > 0:
            previous = self.clauses[index - 1]
            if previous.sentence == clause.sentence and self.clause_text(
                previous
            ).rstrip().endswith(":"):
                return self.masked[previous.start : clause.end]
        return self.clause_text(clause)
