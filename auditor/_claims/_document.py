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
from auditor._claims._lexicon import CARRIERS, REFUND_NOUN
from auditor._claims._markdown import Layout, layout
from auditor._claims._numbers import SMALL_COUNT, SMALL_COUNT_WORDS
from auditor._claims._records import with_records
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
#: (syn10) The refund in any of its words ("reimbursement"; `_lexicon.REFUND_WORDS`).
_REFUND_STEM = rf"(?:{REFUND_NOUN[3:-1]}|reimburs)"
_BACK_WITH_US = compile_pattern(
    rf"\b(?:{_WITH_US}[^.!?]*\b{_REFUND_STEM}|{_REFUND_STEM}[^.!?]*\b{_WITH_US})"
)
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


#: What a clause is about, by its head words (issue 23: a claim read from a clause about
#: something else is a false `fail` on a correct assistant). Data: topic -> the words that make
#: a clause about it. Order and return ids, and item names, are found as mentions instead.
def _after(*lead: str) -> str:
    """A lookbehind for each of `lead` followed by a blank: the topic word is keyed on the noun
    itself ("your account" is found at "account"), so only words that may open a topic are
    tried (`_TOPIC_START`)."""
    return "(?:" + "|".join(f"(?<={word} )" for word in lead) + ")"


_YOUR = ("your", "ur", "yr")
TOPIC_WORDS: dict[str, str] = {
    "stock": (
        _after("back", "in", "into", "out of") + r"stock|oos|sold out|back-?order\w*|re-?stock\w*"
        r"|discontinued|shelf|shelves"
        # Said of goods, not of a person or a time ("the next available associate").
        r"|(?:un)?available(?! (?:associate|agent|advis[eo]r|colleague|team|person|rep|slot"
        r"|time|date|appointment|for (?:refund|collection|delivery|pickup)))"
        # A count of what is left: "we only have 2 xxx left", "three left, so be quick".
        rf"|{SMALL_COUNT} (?:\w+ ){{0,3}}left(?=\s*(?:[^\w\s]|$)|\s+(?:in stock|so|but|and|of"
        r"|at the mo\w*|now|right now|rn)\b)"
    ),
    # Where a refund goes ("should land in your account"), not a payment still awaited ("the
    # bank to confirm payment" is an order's pending state).
    "money": (
        r"refunds?|refunded|money|credit\w*|reimburs\w*"
        + "|"
        + _after(*_YOUR, "the", "bank")
        + "account|"
        + _after(*(f"{to} {your}" for to in ("in", "into", "to") for your in _YOUR))
        + "bank|"
        + _after(*(f"{on} {your}" for on in ("on", "to") for your in (*_YOUR, "the")))
        + "card"
    ),
    "order": "|".join(_ORDER_NOUNS),
    # The noun only: "returned + cancelled" says what happened to an order, and "it should
    # return around the 20th" what happens to stock.
    "return": _after("the", *_YOUR, "a", "this", "that", "its", "their")
    + r"returns?|returns?(?= (?:label|request|team|department|cent(?:re|er)|desk|parcel"
    r"|package)\b)|rma",
}
_TOPIC = compile_pattern(
    "|".join(rf"(?P<{topic}>\b(?:{words})\b)" for topic, words in TOPIC_WORDS.items())
)
#: The words a match of `TOPIC_WORDS` may open on: only where they stand is `_TOPIC` tried.
_TOPIC_START = compile_pattern(
    r"(?:stock|oos|sold|back|re|discontinued|shel|(?:un)?available|\d|refund|money|credit"
    r"|account|bank|card|rma|" + "|".join(_ORDER_NOUNS) + "|" + "|".join(SMALL_COUNT_WORDS) + ")"
)
#: Substrings every match of a topic's words holds: an answer holding none of a topic's (and
#: no mention of its kind) is not about it anywhere, and no clause need be read for it.
TOPIC_NEEDLES: dict[str, tuple[str, ...]] = {
    "stock": ("stock", "oos", "sold", "order", "discontinued", "shel", "left", "available"),
    "money": ("refund", "money", "credit", "reimburs", "account", "bank", "card"),
    "order": _ORDER_NOUNS,
    "return": ("return", "rma"),
}
_MENTION_TOPICS = {
    SubjectType.ORDER: "order",
    SubjectType.RETURN: "return",
    SubjectType.ITEM: "item",
}
#: Kind -> (the topics that let it read in a clause, the topics that stop it there): a clause
#: with a stopping topic and no letting one is about something else. The words said before
#: the phrase count, and for a kind whose phrases name their own topic ("oos", "in stock"),
#: listed in `THROUGH_THE_PHRASE`, the phrase's words too. Order claims are not
#: read from a stock sentence ("in stock and ships within one business day"), nor from a
#: refund's ("should land in your account by Wednesday"), nor from a return's.
READS_IN: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    kind: (frozenset({"order"}), frozenset({"stock", "money", "return"}))
    for kind in ("order_status", "delivery_date", "tracking")
} | {
    # Something free in a clause about stock is what the item comes with ("in stock, and it
    # comes with a free scoop"), not an offer to this customer.
    "discount:free": (frozenset({"money", "return"}), frozenset({"stock"})),
    # An item a return brought back ("we received the Saddle back on Friday") is no restock.
    "availability": (frozenset({"stock"}), frozenset({"return"})),
}
THROUGH_THE_PHRASE = frozenset({"availability"})
#: Kinds the assistant says of itself (a non-answer): not read in a clause whose subject is
#: someone else ("the driver couldn't access your building") or a record's past event
#: ("RMA-1 was logged on December 1").
SAID_BY_THE_ASSISTANT = frozenset({"deflection"})
#: A carrier as the subject of what the phrase says, its last words before it: "the driver
#: couldn't access", "the carrier's driver was unable to"; not "ring DPD on 0121 …", nor a
#: carrier's tool the assistant reads.
_THIRD_PARTY = compile_pattern(
    r"(?:^\s*|\b(?:the|a|an|our|your|their|ur|yr)\s+)(?:[\w-]+'s\s+)?"
    rf"(?:{CARRIERS}s?|rider|delivery (?:person|partner|guy))(?:'s)?"
    # Their tools are what the assistant reads: "the courier portal doesn't show me …".
    r"(?!\s+(?:portal|system|site|website|app|tracking|page|tool|feed|data|info))"
    r"(?:\s+[\w']+){0,2}\s*$"
)
#: The assistant as the subject: "the courier's tracking is down, so I can't see it".
_FIRST_PERSON = compile_pattern(
    r"\b(?:i|i'm|i've|im|ive|we|we're|we've|(?:my|our) (?:system|screen|tools?|end|side))\b"
)
_RECORD_EVENT = compile_pattern(
    r"(?:\b(?:" + "|".join((*_ORDER_NOUNS, *_RETURN_NOUNS)) + r")\b|xx+)[^,;:]*?"
    r"\b(?:was|were|been|got)\s*$"
)


_TOPICS = "clause topics"
_RETURN_ONLY = frozenset({"return"})
_CHECKS = "reads checks"


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
        records = context.record_index
        if records.active:
            mentions = records.canonical(norm, mentions)
            mentions = with_records(mentions, records.find(norm, pieces[1::2]))
        echoes = find_echoes(
            norm, *(() if structure is None else (structure.emphasis, structure.quoted))
        )
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

    def topics(
        self, clause: Clause, before: int | None = None
    ) -> tuple[frozenset[str], frozenset[str]]:
        """What `clause` is about: the topics of its head words and mentions that start before
        `before` (its subject, said before its verb; the whole clause when None), else (a
        clause of its sentence with none there, "… and ships within two days", "ORD-1 —
        cancelled") the topics of the clause before it; and, for topics so taken, every topic of
        the sentence (empty for the clause's own)."""
        own, inherited = self._topic_table()
        index = self.clause_index(clause)
        limit = clause.end if before is None else before
        topics = frozenset(topic for at, topic in own[index] if at < limit)
        if topics:
            return topics, frozenset()
        return inherited[index], self._sentence_topics(clause, own)

    def _topic_table(self) -> tuple[list[list[tuple[int, str]]], list[frozenset[str]]]:
        """`_topics`, worked out once per answer, on the first clause asked about."""
        found = self.memo.get(_TOPICS)
        if not isinstance(found, tuple):
            found = self.memo[_TOPICS] = self._topics()
        return found

    def _topics(self) -> tuple[list[list[tuple[int, str]]], list[frozenset[str]]]:
        """Each clause's topic words (where each starts, its topic), and the topics each
        clause takes from the clauses before it in its sentence; a list item's first clause
        takes those of the text that leads into the list ("The Throw is in stock 🎉 / - comes
        with a free cushion": the item goes on with its lead)."""
        own: list[list[tuple[int, str]]] = [[] for _ in self.clauses]
        masked = self.masked
        for word, starts in self.words.by_word.items():
            if _TOPIC_START.match(word) is None:
                continue
            for start in starts:
                if (match := _TOPIC.match(masked, start)) is not None:
                    own[self._index_at(start)].append((start, match.lastgroup or ""))
        for mention in self.mentions:
            own[self._index_at(mention.start)].append(
                (mention.start, _MENTION_TOPICS[mention.type])
            )
        inherited: list[frozenset[str]] = []
        #: The topics of the last sentence outside a list that had any, and of the one now.
        lead: frozenset[str] = frozenset()
        current: set[str] = set()
        listed = self.layout is not None and bool(self.layout.items)
        for index, clause in enumerate(self.clauses):
            in_item = listed and self.layout is not None and self.layout.item_at(clause.start)
            if index and self.clauses[index - 1].sentence == clause.sentence:
                previous = frozenset(topic for _, topic in own[index - 1])
                inherited.append(previous or inherited[-1])
            elif in_item:
                inherited.append(frozenset(current) or lead)
            else:
                inherited.append(frozenset())
                if current:
                    lead, current = frozenset(current), set()
            if not in_item:
                current.update(topic for _, topic in own[index])
        return own, inherited

    def _sentence_topics(self, clause: Clause, own: list[list[tuple[int, str]]]) -> frozenset[str]:
        """Every topic of the sentence `clause` stands in (`own` as `_topics` gives it)."""
        sentence = self.sentences[clause.sentence]
        first = self._index_at(sentence.start)
        last = self._index_at(max(sentence.end - 1, sentence.start))
        return frozenset(topic for index in range(first, last + 1) for _, topic in own[index])

    def checks(self, kind: str) -> bool:
        """Whether `reads` may refuse any phrase of `kind` in this answer: the kind is said by
        the assistant, or the answer may hold a topic that stops it. Asked once per kind and
        answer, so that most answers read no clause for topics."""
        key = (_CHECKS, kind)
        found = self.memo.get(key)
        if found is None:
            rule = READS_IN.get(kind)
            found = self.memo[key] = kind in SAID_BY_THE_ASSISTANT or (
                rule is not None and self._may_hold(rule[1])
            )
        return found is True

    def _may_hold(self, topics: frozenset[str]) -> bool:
        """Whether the answer may speak of one of `topics` anywhere (`TOPIC_NEEDLES`): most
        answers hold none of the topics that stop a kind, and are never read for topics."""
        if topics == _RETURN_ONLY:
            # The return nouns and ids are what `return_context` was found from.
            return self.return_context
        masked = self.masked
        for topic in topics:
            if any(map(masked.__contains__, TOPIC_NEEDLES[topic])):
                return True
        return any(_MENTION_TOPICS[m.type] in topics for m in self.mentions)

    def sentence_reads(self, kind: str, clause: Clause) -> bool:
        """Whether the sentence of `clause` may be about what `kind` speaks of: no sentence
        about stock alone ("The kettle is on backorder until the 18th.") is a part of an
        order waiting to leave."""
        rule = READS_IN.get(kind)
        if rule is None:
            return True
        topics = self._sentence_topics(clause, self._topic_table()[0])
        return topics.isdisjoint(rule[1]) or not topics.isdisjoint(rule[0])

    def _index_at(self, position: int) -> int:
        return max(bisect_right(self._clause_starts, position) - 1, 0)

    def reads(self, kind: str, clause: Clause, start: int, end: int | None = None) -> bool:
        """Whether a phrase of `kind` at `start` (to `end`) in `clause` may be read as its
        claim: the clause, up to the phrase's end, is about what the kind speaks of
        (`READS_IN`), and a non-answer is the assistant's own (`SAID_BY_THE_ASSISTANT`)."""
        if not self.checks(kind):
            return True
        rule = READS_IN.get(kind)
        if rule is not None and self._may_hold(rule[1]):
            through = end is not None and kind in THROUGH_THE_PHRASE
            topics, sentence = self.topics(clause, end if through and end is not None else start)
            # A topic taken from the clause before stops the kind only where its whole
            # sentence has none that lets it ("the kettle was sent but the toaster's on
            # backorder, so that'll come separately" is about the order).
            if (
                not topics.isdisjoint(rule[1])
                and topics.isdisjoint(rule[0])
                and sentence.isdisjoint(rule[0])
            ):
                return False
        if kind in SAID_BY_THE_ASSISTANT:
            before = self.masked[clause.start : start]
            said = self.masked[clause.start : start if end is None else end]  # "… I can see"
            if _THIRD_PARTY.search(before) and not _FIRST_PERSON.search(said):
                return False
            if _RECORD_EVENT.search(before):
                return False
        return True

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
