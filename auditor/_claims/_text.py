"""Normalising an answer and cutting it into sentences and clauses, keeping offsets exact.

Every transformation maps one character to one character, so a position in the normalised
text is the same position in the answer and a claim's span can be cut from the original.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from itertools import pairwise
from typing import NamedTuple

from auditor._claims._compiled import compile_pattern
from auditor._claims._lexicon import REFUND_NOUN

_CHAR_MAP: dict[str, str] = {
    "\u2018": "'",
    "\u2019": "'",
    "\u02bc": "'",
    "`": "'",
    "\u00b4": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2212": "-",
    "\u2013": "\u2014",
    "\u2015": "\u2014",
    "\u2026": ".",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\t": " ",
    "\r": "\n",
    # Markdown emphasis and headings carry no meaning for claims.
    "*": " ",
    "_": " ",
    "#": " ",
}
_SPECIAL = compile_pattern("[" + re.escape("".join(_CHAR_MAP)) + "]")
#: The characters to change in ASCII text, the usual answer: a few substring tests rule them
#: out faster than the regex, which tests every character against the whole class.
_ASCII_SPECIAL = tuple(ch for ch in _CHAR_MAP if ch.isascii())
_ASCII_MAP = str.maketrans({ch: _CHAR_MAP[ch] for ch in _ASCII_SPECIAL})


def normalise(text: str) -> str:
    """Lower-case `text` and unify quotes, dashes and spaces, one character for one."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few letters lower-case to two characters (İ)
        lowered = "".join(ch if len(low := ch.lower()) != 1 else low for ch in text)
    if lowered.isascii():
        if any(map(lowered.__contains__, _ASCII_SPECIAL)):
            return lowered.translate(_ASCII_MAP)
        return lowered
    # `str.translate` is slow on non-ASCII text; the characters to change are few.
    return _SPECIAL.sub(_replace, lowered)


def _replace(match: re.Match[str]) -> str:
    return _CHAR_MAP[match.group()]


class Segment(NamedTuple):
    start: int
    end: int


class Clause(NamedTuple):
    """A stretch of a sentence that negation and hedging do not cross.

    A named tuple rather than a dataclass: an answer has dozens and they are made per call.
    """

    start: int
    end: int
    sentence: int
    #: Inside a question ("Is it in stock?"): nothing is asserted.
    question: bool = False
    #: Inside a question echoed back ("You asked whether …"): nothing is asserted.
    echo: bool = False
    #: A condition ("if …", "once …"): nothing is asserted.
    conditional: bool = False


_ABBREVIATIONS = frozenset(
    [
        "e.g",
        "i.e",
        "approx",
        "no",
        "nr",
        "etc",
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "vs",
        "incl",
        "ref",
        "tel",
        "ca",
        "fig",
        "est",
        "min",
        "max",
        # "at 2:14 p.m. today", "del. to mailbox" (chat shorthand for delivered)
        "a.m",
        "p.m",
        "del",
    ]
)
#: `[.!?]+(?=["')\]]*(?:\s|$))|\n+`, spelt to open on one character class: the regex engine
#: then skips straight to the candidates instead of trying every position (2.5× faster).
_SENTENCE_END = compile_pattern(r"[.!?\n](?:(?<=[.!?])[.!?]*(?=[\"')\]]*(?:\s|$))|(?<=\n)\n*)")
_SENTENCE_END_PIPE = compile_pattern(r"[.!?]+(?=[\"')\]]*(?:\s|$))|\n+|\s\|\s")
_WORD_BEFORE = compile_pattern(r"([a-z](?:\.?[a-z])*)$")
#: `[,;:\u2014]|\s-\s`, spelt to open on one character class, as `_SENTENCE_END` is.
_CLAUSE_MARK = compile_pattern(r"[,;:\u2014\s](?:(?<=\s)-\s|(?<!\s)(?!(?<=\d:)\d))")
#: `_CLAUSE_MARK` in a text without "-": the class without blanks is not tried at every blank.
_CLAUSE_PUNCTUATION = compile_pattern(r"[,;:\u2014](?!(?<=\d:)\d)")
#: Words that open a new clause; the conditional ones open a clause that asserts nothing.
_CLAUSE_WORDS = frozenset(
    [
        "and",
        "but",
        "however",
        "although",
        "though",
        "whereas",
        "while",
        "so",
        "because",
        "if",
        "unless",
        "once",
        "when",
        "whenever",
        "until",
        "whether",
    ]
)
_CONDITIONAL_WORDS = frozenset(["if", "unless", "once", "when", "whenever", "until", "whether"])
#: The main clause after a condition of time with no comma between them ("once it's back with
#: us the refund'll go back on your card"): the money, with its verb, ends the condition. What
#: follows an "if" stays a hypothesis ("if it hasn't come I'll pass you to the team").
_MAIN_AFTER_CONDITION = compile_pattern(
    rf" (?=(?:(?:the|your|ur|yr) )?(?:{REFUND_NOUN[3:-1]}|money)(?:'ll| will| goes| go| should"
    r"| gets)\b"
    # Or the shop promising what it will do then: "once it's scanned we'll start on your
    # refund"; as chat runs it on, unspelt (sms8): "once the hose is back w us well sort it".
    r"|(?:we|i)(?:'ll| will)\b|(?:well|ill) (?:sort|send|refund|process|issue|pay|pop|put"
    rf"|credit|arrange|release|reverse|get (?:the|your|ur) (?:{REFUND_NOUN[3:-1]}|money))\b)"
)
_TIME_CONDITIONS = ("once", "when", "as soon as")
_CONDITION_STOP = compile_pattern(r"[,;:.!?\n\u2014]")
_CONDITIONAL_PHRASES = ("as soon as", "in case")
#: Substrings of every conditional opener ("whenever" holds "when").
_CONDITION_OPENERS = (*sorted(_CONDITIONAL_WORDS - {"whenever"}), *_CONDITIONAL_PHRASES)
#: Two-word openers, found through their first word.
_CLAUSE_PHRASES = {"as": ("as soon as", True), "in": ("in case", True)}
#: (voice10) "so" of degree, not the conjunction: "no refund has been issued so far", "I'm so
#: sorry it's late", "so many left" open no clause.
_SO_DEGREE = compile_pattern(
    r"so (?:far|much|many|long|sorry|glad|happy|pleased|quickly|soon|late|fast|little|few)\b"
)
#: (voice10b) "as"/"since" of cause, before a subject and its verb, opens a clause: "no tracking
#: yet as the order is yet to be shipped" (not "as soon as it is", "since 2nd Dec", "as per").
_CAUSAL = compile_pattern(
    r"(?<!soon )(?<!long )(?<!far )(?<!well )(?<!same )(?<!much )(?<!such )"
    r"(?:as|since) (?:(?:the|your|our|this|that) )?[\w-]+(?: [\w-]+)? (?:is|are|was|were|has|have"
    r"|had|got|stands|isn't|aren't|wasn't|hasn't|haven't)\b"
)
#: "between 1pm and 3pm" is one range, not two clauses.
_BETWEEN = compile_pattern(r"\bbetween\s+\S+(?:\s+\S+)?\s*$")
_STRONG_BREAK = compile_pattern(r"[;:\u2014]|\s-\s")
_QUESTION_START = compile_pattern(
    r"[;:\u2014]|\s-\s|,\s*(?=(?:would|shall|should|do|does|did|can|could|want|may|is|are|"
    r"how|what|when|which|who|why|where|have|has|will|shall|any)\b)"
)
_OPENER = compile_pattern(
    r"(?:\W|\b(?:so|ok|okay|yes|sure|right|well|and|hi|hello|thanks|thank you|great|now)\b)*"
)
_ECHO = compile_pattern(
    r"\byou (?:asked|were asking|are asking|'re asking|wanted to know|want to know|"
    r"'d like to know|would like to know|were wondering|enquired|inquired)\b"
    r"|\byour question (?:was|is|about|regarding)\b"
)


def _is_sentence_end(norm: str, match: re.Match[str]) -> bool:
    if not match.group().startswith("."):
        return True
    before = _WORD_BEFORE.search(norm, max(0, match.start() - 12), match.start())
    if before is None:
        return True
    word = before.group(1)
    if word in _MONTH_ABBREVIATIONS and _DAY_AFTER.match(norm, match.end()):
        return False  # "delivered on Dec. 10": a month's stop before its day
    return not (len(word) == 1 or word in _ABBREVIATIONS)


#: Months as American style abbreviates them with a stop ("Dec. 10", "Sept. 3").
_MONTH_ABBREVIATIONS = frozenset(
    ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
)
_DAY_AFTER = compile_pattern(r" {1,2}\d{1,2}\b")


def sentences(norm: str) -> tuple[Segment, ...]:
    """Sentences of the normalised text, in order, covering every non-blank character."""
    found: list[Segment] = []
    start = 0
    ends = _SENTENCE_END_PIPE if "|" in norm else _SENTENCE_END
    for match in ends.finditer(norm):
        end = match.end()
        # A mark at the very end closes the last sentence whether it ends one or not.
        if end < len(norm) and not _is_sentence_end(norm, match):
            continue
        if norm[start:end].strip():
            found.append(Segment(start, end))
        start = end
    if norm[start:].strip():
        found.append(Segment(start, len(norm)))
    return tuple(found)


def _word_cuts(norm: str, words: Mapping[str, Sequence[int]]) -> dict[int, bool]:
    """Where a clause word opens a clause, and whether that clause is a condition."""
    cuts: dict[int, bool] = {}
    for word in words.keys() & _CLAUSE_WORDS:
        for start in words[word]:
            cuts[start] = word in _CONDITIONAL_WORDS
    for word, (phrase, conditional) in _CLAUSE_PHRASES.items():
        for start in words.get(word, ()):
            if norm.startswith(phrase, start):
                cuts[start] = conditional
    _causal_cuts(norm, words, cuts)
    if "between" in norm:
        for start in [s for s in cuts if _BETWEEN.search(norm, max(0, s - 40), s)]:
            del cuts[start]
    for start in words.get("so", ()):
        if _SO_DEGREE.match(norm, start):
            cuts.pop(start, None)
    if "if" in words:
        _after_your_act(norm, words["if"], cuts)
    # The main clause found is the money's (the refund in any of its words, syn10).
    if "refund" in norm or "money" in norm or "reimburs" in norm:
        _after_a_time(norm, cuts)
    return cuts


def _causal_cuts(norm: str, words: Mapping[str, Sequence[int]], cuts: dict[int, bool]) -> None:
    """(voice10b) "as"/"since" of cause before a subject and its verb opens a clause."""
    for word in ("as", "since"):
        for start in words.get(word, ()):
            if start not in cuts and _CAUSAL.match(norm, start):
                cuts[start] = False


def _after_a_time(norm: str, cuts: dict[int, bool]) -> None:
    """The main clause after a condition of time with no comma (`_MAIN_AFTER_CONDITION`)."""
    for start in [s for s, conditional in cuts.items() if conditional]:
        if not norm.startswith(_TIME_CONDITIONS, start):
            continue
        main = _MAIN_AFTER_CONDITION.search(norm, start + 4, _condition_end(norm, start))
        if main is not None:
            cuts[main.end()] = False


#: (formal9) The customer's own act as the condition ("if you pop into the Leeds shop", "if you
#: use the code …", "if you order it"), then, with no comma, the shop's main clause opened by
#: its subject and verb: "… they've got the Tool Box on the shelf", "… you'll get 10% off",
#: "… we'll send it when it comes in". A comma there would have cut it just so.
_YOUR_ACT = compile_pattern(
    r"if you (?:pop|go|head|nip|drop|come|visit|call in|use|enter|apply|add|order|buy|place"
    r"|reserve|pre-order|preorder)\b"
)
_MAIN_AFTER_YOUR_ACT = compile_pattern(
    r" (?=(?:they|we|you|there)(?:'ve|'ll|'re|'s| have| will| can| are| is| do)\b)"
)


def _after_your_act(norm: str, starts: Sequence[int], cuts: dict[int, bool]) -> None:
    for start in starts:
        if not cuts.get(start) or _YOUR_ACT.match(norm, start) is None:
            continue
        main = _MAIN_AFTER_YOUR_ACT.search(norm, start + 8, _condition_end(norm, start))
        if main is not None:
            cuts[main.end()] = False


def _condition_end(norm: str, start: int) -> int:
    """Where the condition opening at `start` ends at the latest: the next mark."""
    mark = _CONDITION_STOP.search(norm, start)
    return len(norm) if mark is None else mark.start()


def _question_start(norm: str, sentence: Segment) -> int | None:
    if not norm[sentence.start : sentence.end].rstrip(" \n\"')]").endswith("?"):
        return None
    start = sentence.start
    for match in _QUESTION_START.finditer(norm, sentence.start, sentence.end):
        start = match.end()
    return start


def _opens_sentence(norm: str, sentence: Segment, position: int) -> bool:
    """Nothing but a greeting or a strong break before `position` in its sentence."""
    breaks = list(_STRONG_BREAK.finditer(norm, sentence.start, position))
    start = breaks[-1].end() if breaks else sentence.start
    return _OPENER.fullmatch(norm, start, position) is not None


def _echo_scopes(norm: str, sentence: Segment) -> list[Segment]:
    scopes: list[Segment] = []
    if "you" not in norm[sentence.start : sentence.end]:
        return scopes
    for match in _ECHO.finditer(norm, sentence.start, sentence.end):
        if not _opens_sentence(norm, sentence, match.start()):
            continue
        stop = _STRONG_BREAK.search(norm, match.end(), sentence.end)
        scopes.append(Segment(match.start(), stop.start() if stop else sentence.end))
    return scopes


def clauses(
    norm: str, found: tuple[Segment, ...], words: Mapping[str, Sequence[int]]
) -> tuple[Clause, ...]:
    """The clauses of every sentence, each flagged when it asserts nothing.

    `words` maps each word of `norm` to where it starts (see `_dispatch.WordIndex`).
    """
    word_cuts = _word_cuts(norm, words)
    marks = _CLAUSE_MARK if "-" in norm else _CLAUSE_PUNCTUATION
    cuts = sorted({*[m.end() for m in marks.finditer(norm)], *word_cuts})
    # Most answers ask nothing, echo no question and set no condition: a test each over the
    # whole answer settles that for all its sentences and clauses.
    asks = "?" in norm
    echoing = "you" in norm
    conditions = any(map(norm.__contains__, _CONDITION_OPENERS))
    out: list[Clause] = []
    position = 0
    for index, sentence in enumerate(found):
        while position < len(cuts) and cuts[position] <= sentence.start:
            position += 1
        bounds = [sentence.start]
        while position < len(cuts) and cuts[position] < sentence.end:
            bounds.append(cuts[position])
            position += 1
        bounds.append(sentence.end)
        question = _question_start(norm, sentence) if asks else None
        echoes = _echo_scopes(norm, sentence) if echoing else []
        _sentence_clauses(norm, index, bounds, question, echoes, word_cuts, conditions, out)
    return tuple(out)


def _sentence_clauses(
    norm: str,
    index: int,
    bounds: list[int],
    question: int | None,
    echoes: list[Segment],
    conditional: dict[int, bool],
    conditions: bool,
    out: list[Clause],
) -> None:
    """Add the clauses of sentence `index`, cut at `bounds`, to `out`; without `conditions`
    the answer has no conditional word, and no clause opens on one."""
    for start, end in pairwise(bounds):
        if not norm[start:end].strip():
            continue
        out.append(
            Clause(
                start,
                end,
                index,
                question is not None and end > question,
                bool(echoes) and any(s.start < end and start < s.end for s in echoes),
                conditional.get(start, False)
                or (conditions and _opens_with_condition(norm, start, end)),
            )
        )


def _opens_with_condition(norm: str, start: int, end: int) -> bool:
    """A clause cut at punctuation may still open on a condition (", if you like")."""
    head = norm[start : min(end, start + 16)].lstrip()
    first = head.split(" ", 1)[0]
    return first in _CONDITIONAL_WORDS or head.startswith(_CONDITIONAL_PHRASES)
