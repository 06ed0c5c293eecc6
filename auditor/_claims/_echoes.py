"""The customer's own words, echoed back: never a claim.

An assistant repeats what it was asked ("I searched for "kettle in stock" but found nothing",
"anything called *Blue Kettle available*", "you mentioned the 'sold out' banner"). The words
inside the echo are the customer's or a page's, not the assistant's: read as prose, "in stock"
there would be a claim. Quoted text is an echo wherever it stands; emphasised text is one after
a word that introduces a name or a question ("called", "named", "anything like", "you asked
about"), since elsewhere emphasis only stresses the assistant's own words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

from auditor._claims._compiled import compile_pattern
from auditor._claims._dates import find_dates
from auditor._claims._screen import reported
from auditor._claims._text import Segment, normalise

#: `"…"` (curly quotes are straight after `_text.normalise`), or `'…'` opened after a blank and
#: closed before one: an apostrophe inside a word ("don't") neither opens nor closes, nor does
#: an inch mark ("the 12" skillet").
_QUOTED = compile_pattern(
    r"(?<![\w\"])\"(?=\S)[^\"\n]{1,80}(?<=\S)\"(?!\w)"
    r"|(?<![\w'])'(?!(?:em|til|cause|cos|fraid|bout|round|tis|twas|n|s|d|ll|re|ve)\b)(?=\w)"
    r"[^\n]{1,80}?(?<=[\w.!?)])'(?!\w)"
)
#: A quote after these reports what a system or page shows ("it's marked as "shipped""): the
#: assistant says it, so it is no echo.
_REPORTING = compile_pattern(
    r"\b(?:shows?|showing|shown|reads?|says?|listed|marked|flagged|set|status(?: of| is)?"
    r"|updated to|changed to|moved to"
    # A carrier's update pasted in: "Latest carrier update: "Delivered to parcel locker"", "it's
    # in the system as 'in transit'".
    r"|update|scan|event|(?:in|on) (?:the |our |their )?(?:system|tracking|screen))"
    r"(?: as| to)?\s*:?\s*$"
    # The value of a record's field told in a sentence: "the latest event for ORD-1 is "…"".
    r"|\b(?:update|scan|event|status|entry)\s+(?:for|of|on)\s+[\w-]+\s+(?:is|was|reads|says)\s*$"
)
#: A table row: a cell's quoted text is a record's value (a carrier's update, a status), not
#: the customer's words.
_TABLE_ROW = compile_pattern(r"[^\S\n]*\|")
_QUOTE_MARKS = ('"', "'")
#: What introduces an echoed name or question, just before emphasis.
_INTRODUCER = compile_pattern(
    r"(?:\b(?:called|named|titled|labell?ed|like|for|about|whether|if|mentioned|said|wrote"
    r"|searched|asked|term|phrase|query|words?)\s*[:,]?\s*(?:a |an |the )?)$"
)
_LOOK_BACK = 24
#: "a code (WELCOME15) for **10% off**", "available for **pre-order**": what a code or voucher
#: is for, or what an item is open to, is the assistant's own word, no echo.
_OFFERED_FOR = compile_pattern(
    r"\b(?:(?:code|voucher|coupon|discount|credit|promo)s?(?:\s+[*_`]*[\w-]+[*_`]*)?"
    r"|available|open|ready|eligible)\s+for\s*$"
)
#: An amount or a percentage alone ("**15% off**"), which the customer's words are not.
_FIGURE = compile_pattern(
    r"\W*(?:[€$£]|eur|usd|gbp)?\s?\d[\d.,]*\s?(?:%|€|eur|usd|gbp)?(?:\s?off)?\W*"
)
#: What introduces a name searched for, not found: "anything called", "a product named".
_SEARCH = compile_pattern(
    r"\b(?:called|named|titled|like|searched for|search for|looked for|look for|matching)"
    r"\s*:?\s*(?:a |an |the )?\W*$"
)
#: A mention: a tuple that opens on its start and end.
M = TypeVar("M", bound=tuple[int, int, str, object, bool, bool])


def find_echoes(
    norm: str, emphasis: Sequence[Segment] = (), quoted: Sequence[int] = ()
) -> list[Segment]:
    """Where `norm` (normalised) echoes words it was given: quotes with their marks, and
    emphasis after an introducing word, in order and apart. A quote that opens a blockquote's
    line (`quoted`: where those lines start) is a record pasted in ("> *"Delivered — left in
    porch"* · Sat 5 Dec"), not the customer's words, unless an introducing word leads to it
    ("You asked:")."""
    found: list[Segment] = list(_mail_quotes(norm, quoted, emphasis))
    if any(map(norm.__contains__, _QUOTE_MARKS)):
        for match in _QUOTED.finditer(norm):
            if _STAMPED.match(norm, match.end()):
                continue  # a carrier's event with its time stamp (dates8)
            if not _a_record_quoted(norm, match.start(), quoted):
                found.append(Segment(match.start(), match.end()))
    for start, end in emphasis:
        window = norm[max(0, start - _LOOK_BACK) : start].rstrip(" *_")
        offered = norm[max(0, start - 2 * _LOOK_BACK) : start].rstrip(" *_")
        if _FIGURE.fullmatch(norm, start, end):
            continue  # "it went through for **$12.99**": a figure stressed, not words quoted
        if _a_day(norm, start, end):
            continue  # "now showing delivery for **Friday**": a day stressed (dates8)
        if _INTRODUCER.search(window + " ") and not _OFFERED_FOR.search(offered + " "):
            found.append(Segment(start, end))
    if len(found) < 2:
        return found
    found.sort()
    apart = [found[0]]
    for segment in found[1:]:
        if segment.start >= apart[-1].end:
            apart.append(segment)
    return apart


#: An e-mail's subject line when it answers the customer's ("Subject: Re: is it in stock?"):
#: the customer's words, kept as their subject.
_REPLY_SUBJECT = compile_pattern(
    r"(?m)^[^\S\n]*subject[^\S\n]*:[^\S\n]*(?:re|fwd?|aw)[^\S\n]*:[^\n]*"
)
#: The line that hands a quoted block to the customer: "You wrote:", "On 9 Dec, Sam wrote:",
#: "Your message:", "you asked:".
_ATTRIBUTION = compile_pattern(
    r"\b(?:wrote|writes|asked|said|message|question|e-?mail|enquiry|inquiry|query)\s*:\s*$"
)
#: What may stand above an e-mail's quote of the question: a subject line, a salutation
#: ("Dear Customer,", "Hello,", "Hi Sam,", "Good day,") and a thanks for writing.
_MAIL_HEAD = compile_pattern(
    r"subject\s*:[^\n]*"
    r"|(?:dear|hello|hi|hey|good (?:morning|afternoon|evening|day)|greetings)\b[^\n]{0,40},"
    r"|(?:(?:many )?thanks|thank you)\b[^\n]{0,60}[.!]"
)
#: How a customer's message reads, not the shop's: a question, the customer's "I", "my", "me",
#: or the shop addressed ("your website").
_CUSTOMER_VOICE = compile_pattern(
    r"\?|\b(?:i|i'm|i've|i'd|i'll|my|me|mine)\b|\byour (?:site|website|web site|page|app|shop"
    r"|store|listing|e-?mail|message|team|bot)\b"
)
#: A record's field in a line of its own ("status: shipped"): the assistant's, not a quote.
_LABEL = compile_pattern(r"(?m)^[^\w\n]*[a-z][a-z ]{1,20}:")
_MAIL_SALUTATION = compile_pattern(
    r"(?:dear|hello|hi|hey|good (?:morning|afternoon|evening|day)|greetings)\b[^\n]{0,40},"
)


def _mail_quotes(
    norm: str, quoted: Sequence[int], emphasis: Sequence[Segment] = ()
) -> list[Segment]:
    """The customer's words an e-mail quotes back: a reply's subject line, and a block of
    "> " lines that a line such as "You wrote:" hands to the customer, or that opens the
    e-mail under nothing but its subject, salutation and thanks and is written as a customer
    writes (a question, "I", "my", "your website"; no emphasis, no "Status:" label). A
    blockquote elsewhere (a note, a record's status pasted in) stays the assistant's own."""
    found = []
    if "subject" in norm:
        found += [Segment(m.start(), m.end()) for m in _REPLY_SUBJECT.finditer(norm)]
    if not quoted and ">" not in norm:
        return found
    starts = sorted({norm.rfind("\n", 0, q) + 1 for q in quoted})
    starts += [m.start() for m in re.finditer(r"(?m)^[^\S\n]*>", norm)]
    lines = sorted(set(starts))
    index = 0
    while index < len(lines):
        first = last = lines[index]
        while index + 1 < len(lines) and lines[index + 1] == _line_end(norm, last) + 1:
            index += 1
            last = lines[index]
        index += 1
        end = _line_end(norm, last)
        above = [line.strip(" *_") for line in norm[:first].split("\n") if line.strip(" *_")]
        attributed = bool(above) and _ATTRIBUTION.search(above[-1]) is not None
        opening = (
            any(_MAIL_SALUTATION.fullmatch(line) for line in above)
            and all(_MAIL_HEAD.fullmatch(line) for line in above)
            and not any(first <= start < end for start, _ in emphasis)
            and _LABEL.search(norm, first, end) is None
            and _CUSTOMER_VOICE.search(norm, first, end) is not None
        )
        if attributed or opening:
            found.append(Segment(first, end))
    return found


def _line_end(norm: str, start: int) -> int:
    end = norm.find("\n", start)
    return len(norm) if end < 0 else end


def _a_day(norm: str, start: int, end: int) -> bool:
    """The emphasis is a day and nothing else ("**Friday**", "**12 December**")."""
    text = norm[start:end].strip(" *_`")
    dates = find_dates(text)
    return len(dates) == 1 and dates[0].start == 0 and dates[0].end == len(text)


#: A time stamp right after a quote: a carrier's event pasted with its time ("\"delivered, left
#: at front door\" 12:05 today"), which the customer's words do not carry (dates8).
_STAMPED = compile_pattern(
    r"[\s*_]*(?:\d{1,2}[:/.]\d{2}|\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep"
    r"|oct|nov|dec)\b)"
)


def _a_record_quoted(norm: str, start: int, quoted: Sequence[int]) -> bool:
    """The quote at `start` gives a record's own words, not the customer's: after reporting
    words ("the tracking says"), a system's label an agent quotes off a screen, a table's
    cell, or a blockquote's line pasted in."""
    if _REPORTING.search(norm, max(0, start - 2 * _LOOK_BACK), start) is not None:
        return True
    if reported(norm, start):
        return True
    if "|" in norm and _TABLE_ROW.match(norm, norm.rfind("\n", 0, start) + 1):
        return True
    return bool(quoted) and _pasted(norm, start, quoted)


#: What may stand between a blockquote's marks and a quote that opens its line: blanks left by
#: markup, an emoji or a pin.
_LINE_LEAD = compile_pattern(r"[^\w\n\"']*")


def _pasted(norm: str, start: int, quoted: Sequence[int]) -> bool:
    line = norm.rfind("\n", 0, start) + 1
    lead = next((q for q in quoted if line <= q <= start), None)
    if lead is None or not _LINE_LEAD.fullmatch(norm, lead, start):
        return False
    window = norm[max(0, line - _LOOK_BACK) : line].rstrip(" *_\n")
    return _INTRODUCER.search(window + " ") is None


def keep_mentions(norm: str, echoes: Sequence[Segment], mentions: Sequence[M]) -> list[M]:
    """`mentions` but those inside a searched-for echo that says more than the name: in
    "anything called 'Blue Kettle Max'" or "searched for *Blue Kettle available*" the customer
    named no item of ours, while "you asked about "Blue Kettle"" names one."""
    kept = []
    for mention in mentions:
        echo = next((e for e in echoes if e.start <= mention[0] < e.end), None)
        if echo is None or not _searched(norm, echo, mention):
            kept.append(mention)
    return kept


def _searched(norm: str, echo: Segment, mention: M) -> bool:
    rest = norm[echo.start : echo.end].replace(norm[mention[0] : mention[1]], "")
    if not rest.strip(" \"'.,!?*_"):
        return False
    return _SEARCH.search(norm, max(0, echo.start - _LOOK_BACK), echo.start) is not None


def blank(text: str, echoes: Sequence[Segment], keep: Sequence[tuple[int, int]] = ()) -> str:
    """`text` with every echo blanked but for the stretches in `keep` (item names, ids)."""
    chars = list(text)
    for start, end in echoes:
        for position in range(start, end):
            if chars[position] != "\n":
                chars[position] = " "
    for start, end in keep:
        chars[start:end] = text[start:end]
    return "".join(chars)


#: A word of a question or an answer, as `normalise` leaves it.
_WORD = compile_pattern(r"[^\W_]+")


def _words(norm: str) -> list[re.Match[str]]:
    return list(_WORD.finditer(norm))


def echoes_question(answer: str, questions: Sequence[str]) -> bool:
    """The answer is one of the customer's turns given back ("RMA-1010 - did it arrive?"
    answered "RMA-1010 - did it arrive?"): the same words in the same order, ending as that
    turn ends (a question still a question, the customer's statement still theirs).

    Such an answer says nothing: the words in it are the customer's, so whatever they name
    ("Kettle Pro: available?") is no claim, and the answer is a non-answer. The question's
    words made a statement ("Grainte Hand Blender 2798: available.") are an answer.

    A word the customer misspelt may come back spelt right ("tell the custmoer …: available?"
    given back as "tell the customer …: available?", llm10): a word of four letters or more
    one edit from the question's is the same word."""
    norm = normalise(answer).strip()
    said = [word.group() for word in _words(norm)]
    if not said:
        return False
    for question in questions:
        asked = normalise(question).strip()
        words = [word.group() for word in _words(asked)]
        if (
            asked[-1:] == norm[-1:]
            and len(said) == len(words)
            and all(a == b or _spelt_right(a, b) for a, b in zip(said, words, strict=True))
        ):
            return True
    return False


def _spelt_right(said: str, asked: str) -> bool:
    """`said` is the customer's word `asked` with a misspelling put right (or made): words
    of letters, four or more, one edit apart."""
    return min(len(said), len(asked)) >= 4 and said.isalpha() and one_edit(asked, said)


#: What a reply adds to the customer's words when it only turns the question round ("Can I
#: get tracking for ORD-10046?" -> "Yes, you can get tracking for ORD-10046."): a yes or no,
#: the other side's pronouns, and the auxiliaries the inversion moves.
_TURNING = """
    yes yeah sure certainly course of no not nope you your yours i me my mine we us our ours
    it its can could will would do does did is are was were has have had be been
"""
_TURNING_WORDS = frozenset(_TURNING.split())
#: A restatement keeps at least this many of the question's own words.
_RESTATED_MIN = 3


def restates_question(answer: str, question: str) -> bool:
    """The answer is the question turned round and nothing more: every word of it is the
    question's, or a yes, a no, a pronoun or an auxiliary ("Can I get tracking for
    ORD-10046?" answered "Yes, you can get tracking for ORD-10046."), keeping at least three
    of the question's other words.

    Such an answer adds nothing the question did not hold, so it cannot give a value the
    question asks for (a tracking number, a date); to a yes-or-no question its yes or no may
    be the answer, which is the judge's to weigh (`auditor._scope.restates_value_question`)."""
    asked = {word.group() for word in _words(normalise(question))}
    said = [word.group() for word in _words(normalise(answer))]
    kept = [word for word in said if word not in _TURNING_WORDS]
    return len(kept) >= _RESTATED_MIN and all(word in asked for word in kept)


def one_edit(typed: str, word: str) -> bool:
    """`typed` is `word` with one letter dropped, added, changed, or two neighbours swapped."""
    if typed == word or abs(len(typed) - len(word)) > 1:
        return False
    if len(typed) == len(word):
        diff = [i for i, (a, b) in enumerate(zip(typed, word, strict=True)) if a != b]
        if len(diff) == 1:
            return True
        first, second = diff[0], diff[-1]
        return (
            len(diff) == 2
            and second == first + 1
            and (typed[first], typed[second]) == (word[second], word[first])
        )
    short, long = sorted((typed, word), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def misspelt_name(question: str, name: str) -> tuple[str, ...] | None:
    """The item's name as the question typed it, when it typed it with a misspelling: the
    question's words that are the name's, each the same or one edit away, one at least
    misspelt; None when the question has the name right or not at all."""
    want = [word.group() for word in _words(normalise(name))]
    have = [word.group() for word in _words(normalise(question))]
    for start in range(len(have) - len(want) + 1):
        run = have[start : start + len(want)]
        same = [typed == word for typed, word in zip(run, want, strict=True)]
        if all(same):
            return None
        if all(s or one_edit(t, w) for s, t, w in zip(same, run, want, strict=True)):
            return tuple(run)
    return None


def find_words(text: str, words: Sequence[str]) -> Segment | None:
    """Where `text` holds `words` one after the other (normalised), as a span of `text`."""
    found = _words(normalise(text))
    size = len(words)
    for start in range(len(found) - size + 1):
        if all(found[start + i].group() == word for i, word in enumerate(words)):
            return Segment(found[start].start(), found[start + size - 1].end())
    return None
