"""Chat shorthand spelt out once, before any rule reads the answer (issue 16, the SMS voice).

A terse assistant writes "kettle oos", "ORD-5120 dlvd yday", "rfnd ✗", "1m n 2m both out",
"shd b w/ u wed". Teaching every claim kind its own SMS variants ("oos", "shpd", "rfnd", "n"
for "and" …) grows every rule and still misses the next abbreviation in the next rule; spelling
the shorthand out once, as data, lets every kind's existing rules read the long form.

The expansion changes the text's length, so it runs before the answer is normalised and keeps
a map back: the claims read from the expanded text get spans cut from the original answer
(`Expansion.restore`). It never changes a word that is not shorthand where it stands: only whole
words (not part of an id, a code, an e-mail address, a hyphenated or slashed name such as
"N-Series"), never a word inside an item name the catalogue holds ("Mug Set (6 pcs)"), one- and
two-letter forms only in lower case and only where their neighbours make them shorthand ("n"
between two words, "b" after a modal, "4" before "u"/"the"/an order). Its cost on an answer
without shorthand (almost every answer not in chat style) is one set test on the words the
document has already split (`may_hold_shorthand`); such an answer is read as it is.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import NamedTuple

from auditor._claims._compiled import compile_pattern
from auditor._claims._lexicon import CARRIER_LIST
from auditor._claims._misspelt import MISSPELT
from auditor._claims._model import Claim, respanned
from auditor._claims._subjects import ItemIndex

#: (voice10b) A claim verb's plain form -> its participle, read so only after an auxiliary.
_PARTICIPLES: Mapping[str, str] = MappingProxyType(
    {
        "deliver": "delivered",
        "send": "sent",
        "dispatch": "dispatched",
        "cancel": "cancelled",
        "receive": "received",
        "approve": "approved",
        "reject": "rejected",
    }
)
#: The auxiliaries after which a plain form is the participle: "has been deliver".
_AUXILIARIES = frozenset(
    ["been", "is", "was", "are", "were", "has", "have", "had", "got", "already", "successfully"]
)
#: Shorthand word (lower case) -> what it stands for. Data: add a form here, not to a rule.
SHORTHAND: Mapping[str, str] = MappingProxyType(
    {
        # stock and counts
        "oos": "out of stock",
        "avail": "available",
        "availble": "available",
        "avl": "available",
        "discontd": "discontinued",
        "discd": "discontinued",
        "disc'd": "discontinued",
        "approx": "approximately",
        "lft": "left",
        "stk": "stock",
        "instock": "in stock",
        "avbl": "available",
        "pcs": "units",
        "pc": "unit",
        # orders and delivery
        "ord": "order",
        "ords": "orders",
        "shpd": "shipped",
        "shipd": "shipped",
        "dispd": "dispatched",
        "dlvd": "delivered",
        "delvd": "delivered",
        "dlvrd": "delivered",
        "dlvry": "delivery",
        "dlvy": "delivery",
        "delivry": "delivery",
        "arrivng": "arriving",
        "pkg": "package",
        "pkgs": "packages",
        "shiped": "shipped",
        "recieved": "received",
        "canx": "cancelled",
        "cancld": "cancelled",
        "cxl": "cancelled",
        "cxld": "cancelled",
        "cxl'd": "cancelled",
        "canc'd": "cancelled",
        "trk": "tracking",
        "pmt": "payment",
        "pymt": "payment",
        "pmnt": "payment",
        # returns and money
        "rfnd": "refund",
        "refnd": "refund",
        "rfnds": "refunds",
        "rfnded": "refunded",
        "rfndd": "refunded",
        "rfnd'd": "refunded",
        "reimb": "reimbursement",
        "refnd'd": "refunded",
        "pd": "paid",
        "em": "them",
        "recvd": "received",
        "rcvd": "received",
        "recd": "received",
        "acct": "account",
        "cc": "credit card",
        "amt": "amount",
        # people, time and talk. "u" is spelt "you" but in a question (`_in_a_question`):
        # many rules were written with "you" alone ("for u", "booked u a call back", "thank
        # u for ur patience" read nothing, `benchmarks/claims_invariance.py` "chat_words"),
        # and spelt out in a question it widened the question rules past the chat forms they
        # were written for. Courtesies ("thx", "sry") stay: they carry no claim, and spelt
        # out they would turn a chat sign-off into an answer of pure filler.
        "pls": "please",
        "plz": "please",
        "u": "you",
        "ur": "your",
        "r": "are",
        "hv": "have",
        "shd": "should",
        "shld": "should",
        "prolly": "probably",
        "abt": "about",
        "thru": "through",
        "tho": "though",
        "w/": "with",
        "w": "with",
        "w/o": "without",
        "w/in": "within",
        "b/c": "because",
        "bc": "because",
        "cuz": "because",
        "b4": "before",
        "nxt": "next",
        "bk": "back",
        "chk": "check",
        "msg": "message",
        "txt": "text",
        "ppl": "people",
        "smth": "something",
        "sth": "something",
        "idk": "I don't know",
        "atm": "at the moment",
        "rn": "right now",
        "tmrw": "tomorrow",
        "tmr": "tomorrow",
        "2moro": "tomorrow",
        "2morrow": "tomorrow",
        "2day": "today",
        "tdy": "today",
        # (sms9) "dlvd this am", "shpd this arvo": the time of day ("am" only after "this").
        "am": "morning",
        "arvo": "afternoon",
        "yday": "yesterday",
        "yest": "yesterday",
        "tmw": "tomorrow",
        "2nite": "tonight",
        "l8r": "later",
        "wk": "week",
        "wks": "weeks",
        "hrs": "hours",
        "hr": "hour",
        "cant": "can't",
        "dont": "don't",
        "wont": "won't",
        "isnt": "isn't",
        "hasnt": "hasn't",
        "havent": "haven't",
        "didnt": "didn't",
        "doesnt": "doesn't",
        "arent": "aren't",
        "wasnt": "wasn't",
        "couldnt": "couldn't",
        # Contractions typed without their apostrophe, as quick chat types them: "weve got 3",
        # "theyll try again tomorrow", "the moneys on its way" (`claims_invariance.py`'s
        # dress found 281 right readings lost without it). Forms that are words of their own
        # ("were", "well", "ill", "id") are left; "its" and "refunds" only before a word that
        # makes them "it's" and "refund's" (`_BEFORE`).
        "hadnt": "hadn't",
        "werent": "weren't",
        "shouldnt": "shouldn't",
        "wouldnt": "wouldn't",
        "mustnt": "mustn't",
        "neednt": "needn't",
        "weve": "we've",
        "youre": "you're",
        "youll": "you'll",
        "youve": "you've",
        "youd": "you'd",
        "theyre": "they're",
        "theyll": "they'll",
        "theyve": "they've",
        "theyd": "they'd",
        "thats": "that's",
        "theres": "there's",
        "heres": "here's",
        "whats": "what's",
        "wheres": "where's",
        "itll": "it'll",
        "ive": "i've",
        "im": "i'm",
        "moneys": "money's",
        "etas": "eta's",
        "its": "it's",
        "refunds": "refund's",
        "refundll": "refund'll",
        "n": "and",
        "b": "be",
        "2": "to",
        "4": "for",
        "ship": "shipping",
        # (voice10b) A verb's plain form where its participle belongs, the slip of one who
        # learnt English second: "has been deliver", "is send from our warehouse" (only after
        # an auxiliary: `_AFTER`).
        **_PARTICIPLES,
    }
)
#: Symbols of chat: a tick and a cross in the forms the rules read, one character for one. (An
#: arrow stays: the rules read it as a hand-off, "warranty → manufacturer".)
SYMBOLS: Mapping[str, str] = MappingProxyType(
    {
        "\u2713": "\u2705",  # ✓
        "\u2714": "\u2705",  # ✔
        "\u2611": "\u2705",  # ☑
        "\u2717": "\u274c",  # ✗
        "\u2718": "\u274c",  # ✘
    }
)
#: Emoji that close a statement in a run-on chat line ("yoga mat 14 left 👍 anything else?"):
#: followed by a question, they end the statement's sentence, so that the question does not
#: swallow the answer before it.
_CLOSING_EMOJI = frozenset(
    ["\U0001f44d", "\U0001f642", "\U0001f60a", "\U0001f64f", "\U0001f44c", "\U0001f600",
     "\U0001f609", "\U0001f603", "\u263a"]
)  # fmt: skip
#: Signs that stand for a word between two spaces: "RMA-1 + RMA-2 both recvd", "@ the depot".
_SPACED: Mapping[str, str] = MappingProxyType({"+": "and", "&": "and", "@": "at"})
#: Forms that are shorthand only in lower case ("U" may be a size or a code, "CC" a copy).
_LOWER_ONLY = frozenset(
    ["n", "r", "u", "b", "2", "4", "cc", "ur", "bc", "bk", "pc", "pd", "em", "w"]
)
#: "its" is "it's" before what follows the verb and never a possessive ("its with Evri",
#: "its not been paid"); the possessive stays, before a noun or before a word that may describe
#: one ("on its way", "its scheduled date", "its due date", "its back panel", "its only unit").
# fmt: off
_AFTER_ITS = frozenset([
    "been", "not", "with", "in", "out", "now", "still", "already", "gone", "just",
    "currently", "showing", "sat", "a", "an", "all", "at", "there", "here", "being", "going",
    "coming", "arriving", "the", "stuck", "waiting", "awaiting", "definitely", "probably",
    "on", "through",
])
#: "refunds" is "refund's" before what follows the verb ("the refunds gone out"), not the
#: plural of a policy ("refunds take 5 days", "refunds in 5 working days").
_AFTER_REFUNDS = frozenset([
    "been", "gone", "already", "still", "sat", "just", "now", "going", "being", "through",
    "pending",
])
# fmt: on
#: Forms that are shorthand only before one of these words ("4 u", "2 ur", "4 the …").
_BEFORE: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        # ("refund 2 follow", "2 go out fri": "to" before a verb of what comes next.)
        "2": frozenset(["u", "you", "ur", "your", "me", "us", "follow", "come", "go"]),
        "its": _AFTER_ITS,
        "refunds": _AFTER_REFUNDS,
        # (sms8) "w" for "with" before whom it is with: "ur order's w the courier", "still w us".
        "w": frozenset(
            [
                "the",
                "us",
                "u",
                "you",
                "ur",
                "your",
                "our",
                "them",
                "em",
                # A carrier, by its name's first word: "w evri", "w royal mail".
                *(name.split()[0] for name in CARRIER_LIST),
                "rm",
                # (sms9) "closed w a full refund", "closed w full refund".
                "a",
                "full",
            ]
        ),
        "4": frozenset(
            [
                "u",
                "you",
                "ur",
                "your",
                "the",
                "that",
                "this",
                "it",
                "ord",
                "order",
                "orders",
                "delivery",
                "dlvry",
                "dlvy",
                "same",
                "collection",
                "pickup",
                "rfnd",
                "refund",
                "ref",
                # A day it is set for: "booked 4 fri", "4 tmrw".
                "mon",
                "tue",
                "tues",
                "wed",
                "thu",
                "thur",
                "thurs",
                "fri",
                "sat",
                "sun",
                "tmrw",
                "tomorrow",
                "2moro",
                "today",
                "tdy",
                # (sms9) What a return or a refund waits for: "waiting 4 approval".
                "approval",
                "review",
                "inspection",
                "qc",
                "sign",
            ]
        ),
    }
)
#: Forms that are shorthand only after one of these words ("shd b", "will b", "free ship").
_AFTER: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "b": frozenset(
            [
                "shd",
                "should",
                "will",
                "wd",
                "would",
                "cd",
                "could",
                "can",
                "cant",
                "can't",
                "to",
                "may",
                "might",
                "must",
                "wont",
                "won't",
                "not",
                "'ll",
                "it'll",
                "u'll",
                "it",
            ]
        ),
        # "free ship over £30" is free shipping, no discount; "we ship free" stays.
        "ship": frozenset(["free"]),
        "am": frozenset(["this"]),
        **dict.fromkeys(_PARTICIPLES, _AUXILIARIES),
    }
)
#: Forms that stand between two words only ("1m n 2m", "packed n ready"); not at an end.
_BETWEEN_WORDS = frozenset(["n", "r", "2", "4", "b"])
#: Forms that are shorthand only after a number ("1 pc left", "15 pcs").
_AFTER_NUMBER = frozenset(["pc", "pcs"])

#: Every form spelt out: the table, and the claim words misspelt as a hurried writer does
#: ("pndng", "refudn": `_misspelt`), the table's own spelling first.
_SPELLING: Mapping[str, str] = MappingProxyType({**MISSPELT, **SHORTHAND})
#: Where a form may stand: a whole word (with an apostrophe's ending or a slash's; not inside a
#: word, an id, a code, an address or a hyphenated or slashed name), or a sign. One pass over
#: the answer's words and a set lookup each, then the form's own pattern where a word is one:
#: one pattern of every form, searched whole, cost every position of every chat answer.
_CANDIDATE = compile_pattern(
    r"(?<![\w@#/.'\u2019-])[a-z0-9]+(?:'[a-z]+)?(?:/(?:o|in|c)?)?|["
    + "".join(SYMBOLS)
    + "]|(?<= )[+&@](?= )|["
    + "".join(sorted(_CLOSING_EMOJI))
    + "](?= [^\\W_])",
    re.IGNORECASE,
)


def _forms_in(text: str) -> list[re.Match[str]]:
    """The shorthand forms and signs of `text`, in order."""
    found: list[re.Match[str]] = []
    for candidate in _CANDIDATE.finditer(text):
        word = candidate.group().lower()
        if not word[0].isalnum():
            found.append(candidate)  # a sign
            continue
        slash = word.find("/")
        for form in (word, word[: slash + 1] if slash > 0 else None):
            if form is not None and form in _SPELLING:
                exact = _form_pattern(form).match(text, candidate.start())
                if exact is not None:
                    found.append(exact)
                    break
    return found


_FORM_PATTERNS: dict[str, re.Pattern[str]] = {}


def _form_pattern(form: str) -> re.Pattern[str]:
    """`form` standing alone, compiled the first time it is met; a form ending in "/" ("w/")
    may touch the next word, but not a letter alone ("w/c 9th" is week commencing, "w/e" a
    week's end)."""
    pattern = _FORM_PATTERNS.get(form)
    if pattern is None:
        pattern = re.compile(
            re.escape(form)
            + (r"(?![a-z](?![a-z]))" if form.endswith("/") else r"(?![\w@/'\u2019-])"),
            re.IGNORECASE,
        )
        _FORM_PATTERNS[form] = pattern
    return pattern


#: Counts written the chat way: a unit glued to its number ("3pcs", "1pc") or a times sign
#: before it ("tent: x12 in stock", "gas canisters x 24 avail"), spelt as the count they are.
#: The sign glued to the number only after a label ("a juicer x95" is a model), spaced after a
#: word; never between numbers ("2 x 3m") nor as a word of an item's name ("the x90").
_COUNT_MARK = compile_pattern(
    r"(?<![\w@#/.'\u2019-])(?P<count>\d{1,4})(?P<unit>pcs?)(?![\w@/'\u2019-])"
    # (sms8) A count said roughly, glued: "40ish" is "40-ish", which the rules read as rough.
    r"|(?<![\w@#/.'\u2019-])(?P<about>\d{1,4})ish(?![\w@/'\u2019-])"
    # (voice10b) A desk's count in numbers ("nos."), spaced or glued: "12 nos. are left", "is
    # 170 nos.", "(12 Nos)"; its dot is the unit's, unless a sentence opens after it.
    r"|(?<![\w@#/.'\u2019-])(?P<ncount>\d{1,4}) ?[Nn][Oo][Ss](?:\.(?!\s+[A-Z]))?(?![\w@/'\u2019-])"
    r"|(?:(?<=[^\W\d_] )x |(?<=[:\u2013\u2014-] )x ?)(?=\d{1,4}(?![\w.,/:%'\u2019-]))"
)
_STOP = compile_pattern(r"[.!?\n]")
_WORD = compile_pattern(r"[\w'\u2019-]+")
_WORD_BACK = compile_pattern(r"([\w'\u2019-]+)\W{0,2}$")


class Expansion(NamedTuple):
    """An answer with its shorthand spelt out, and the way back to the answer's offsets."""

    text: str
    #: Each change as (start in `text`, end in `text`, start in the answer, end in the answer).
    changes: tuple[tuple[int, int, int, int], ...]

    def position(self, pos: int, *, end: bool) -> int:
        """`pos` in `text` as a position in the answer; inside a change, its edge."""
        changes = self.changes
        i = bisect_right(changes, (pos, 1 << 62)) - 1
        if i < 0:
            return pos
        new_start, new_end, old_start, old_end = changes[i]
        if pos >= new_end:
            return pos - new_end + old_end
        if pos == new_start:
            return old_start
        return old_end if end else old_start

    def restore(self, claims: Iterable[Claim]) -> list[Claim]:
        """`claims` read from `text`, with spans valid in the answer."""
        return respanned(claims, lambda pos, end: self.position(pos, end=end))


def _word_before(text: str, start: int) -> str | None:
    found = _WORD_BACK.search(text, max(0, start - 24), start)
    if found is None or text[found.end(1) : start].strip() not in ("", "'"):
        return None
    return found.group(1).lower()


def _word_after(text: str, end: int) -> str | None:
    rest = text[end : end + 1]
    if rest != " ":
        return None
    found = _WORD.match(text, end + 1)
    return None if found is None else found.group().lower()


def _in_name(
    text: str, start: int, end: int, form: str, items: Mapping[str, str], index: ItemIndex
) -> bool:
    """Whether the word at `start:end` is part of an item name written out in the answer."""
    skus = index.parts.get(form)
    if not skus:
        return False
    lowered = text.lower()
    for sku in skus:
        name = items.get(sku)
        if not name:
            continue
        name = name.lower()
        at = lowered.find(name, max(0, start - len(name)))
        while at != -1 and at < end:
            if at + len(name) > start:
                return True
            at = lowered.find(name, at + 1)
    return False


def _keeps(text: str, match: re.Match[str], items: Mapping[str, str], index: ItemIndex) -> bool:
    """Whether the shorthand form at `match` is left as written (not shorthand where it is)."""
    found = match.group()
    form = found.lower()
    start, end = match.span()
    if form in _SPACED:
        before = _word_before(text, start)
        after = _word_after(text, end)
        # "RMA-1 + RMA-2", "@ the depot"; not a sum ("£22 + £4.99") nor a bare sign. "&" is
        # never a sum: "between the 14th & 16th", "on December 2 & was delivered".
        return (
            before is None
            or after is None
            or (form != "&" and (not any(ch.isalpha() for ch in before) or not after[0].isalpha()))
            # A name's own "&" ("Salt & Pepper Mill"), found by the word before it.
            or (form == "&" and _in_name(text, start, end, before.lower(), items, index))
        )
    if found in _CLOSING_EMOJI:
        # Only before a question ("… 14 left 👍 anything else?"): a statement that goes on
        # ("delivered 👍 went to ur porch on the 8th") stays one; "👍 thanks" opening the
        # answer closes nothing.
        stop = _STOP.search(text, end)
        return _word_before(text, start) is None or stop is None or stop.group() != "?"
    if form not in _SPELLING:
        return False  # a tick or a cross
    if (form in _LOWER_ONLY and found != form) or (form == "u" and _in_a_question(text, end)):
        return True
    if form in _BETWEEN_WORDS or form in _BEFORE or form in _AFTER:
        before = _word_before(text, start)
        after = _word_after(text, end)
        if form in _BETWEEN_WORDS and (before is None or after is None):
            return True
        if form in _BEFORE and after not in _BEFORE[form]:
            return True
        if form in _AFTER and before not in _AFTER[form]:
            return True
        if form in ("2", "4") and not any(ch.isalpha() for ch in before or ""):
            return True  # a phone number or a count: "0800 123 456 4 that"
    if form in _AFTER_NUMBER:
        before = _word_before(text, start)
        if before is None or not before.isdigit():
            return True
    return _in_name(text, start, end, form, items, index)


def _in_a_question(text: str, end: int) -> bool:
    """Whether the sentence going on at `end` is a question: "u" there stays as written, the
    question rules having been written for chat's own forms ("can u msg back l8r?" is no
    hand-off, spelt out it would be one)."""
    stop = _STOP.search(text, end)
    return stop is not None and stop.group() == "?"


#: Forms that are also common words, tried only beside their companion ("free ship").
_PAIRED: Mapping[str, str] = MappingProxyType({"ship": "free"})
#: The words of the forms as the document's word index splits them ("w/o" is "w" and "o"):
#: an answer whose words hold none of them holds no shorthand. "2" and "4" stand for "to" and
#: "for" only beside other chat words ("4 u"), which then let the answer in; "in" ("w/in") and
#: "o" are let in by "w".
_TRIGGERS = frozenset(
    word for form in _SPELLING for word in re.findall(r"[a-z0-9]+(?:'[a-z]+)*", form)
) - {"2", "4", "o", "c", "in", *_PAIRED}
#: "4" before a day ("booked 4 fri") lets an answer in on its own; "4 u" and "4 the" do not:
#: they stand beside other chat words, which let it in.
_DAYS = frozenset(
    ["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "tmrw", "2moro"]
)
_SIGNS = (" + ", " & ", " @ ")
_MARKS = (*SYMBOLS, *_CLOSING_EMOJI)


def may_hold_shorthand(text: str, words: frozenset[str]) -> bool:
    """Whether `text`, whose words (lower case, item names and ids masked) are `words`, may
    hold a shorthand form: a set test and a few substring tests, for every answer."""
    return (
        not _TRIGGERS.isdisjoint(words)
        or any(map(text.__contains__, _SIGNS))
        or (not text.isascii() and any(map(text.__contains__, _MARKS)))
        or any(form in words and companion in words for form, companion in _PAIRED.items())
        or _may_hold_count(text)
        or ("2" in words and not _BEFORE["2"].isdisjoint(words))
        or ("4" in words and not _DAYS.isdisjoint(words))
    )


def _spelt_count(match: re.Match[str]) -> str:
    """A chat count as the rules read it: "3pcs" is "3 units", "x12" is "12"."""
    count = match.group("count")
    if match.group("ncount") is not None:
        # After a times sign ("Steam Iron x 2 nos.") it is a line's quantity, told as the sign
        # tells it; alone, a count of units.
        times = match.string.endswith(("x ", "\u00d7 ", "X "), 0, match.start())
        return match.group("ncount") if times else f"{match.group('ncount')} units"
    if match.group("about") is not None:
        return f"{match.group('about')}-ish"
    if count is None:
        return ""
    return f"{count} {'units' if match.group('unit').lower() == 'pcs' else 'unit'}"


_DIGITS = compile_pattern(r" ?\d+")


def _names_a_part(text: str, match: re.Match[str], index: ItemIndex) -> bool:
    """The chat count is a word of some item's name ("Juicer X90": "the x90 is sold out" names
    the item; "Mug Set (6pcs)"), wherever the answer writes it."""
    word = match.group()
    if match.group("about") is not None or match.group("ncount") is not None:
        return False
    if match.group("count") is None:
        digits = _DIGITS.match(text, match.end())
        word = "x" + ("" if digits is None else digits.group().strip())
    return word.lower() in index.parts


def _may_hold_count(text: str) -> bool:
    """Whether `text` may hold a chat count: two substring tests before the pattern ("pc" of a
    glued unit, " x" of a times sign; few words open on an "x")."""
    return (
        "pc" in text or " x" in text or "ish" in text or "os" in text or "OS" in text
    ) and _COUNT_MARK.search(text) is not None


def _tokens(text: str) -> list[re.Match[str]]:
    """The shorthand forms and chat counts of `text`, in order."""
    found = _forms_in(text)
    counts = list(_COUNT_MARK.finditer(text)) if _may_hold_count(text) else []
    if not counts:
        return found
    return sorted([*found, *counts], key=lambda match: match.start())


def expand(text: str, items: Mapping[str, str], index: ItemIndex) -> Expansion | None:
    """`text` with its chat shorthand spelt out, or None when it holds none (the usual case)."""
    if not _forms_in(text) and not _may_hold_count(text):
        return None
    pieces: list[str] = []
    changes: list[tuple[int, int, int, int]] = []
    last = 0
    length = 0
    for match in _tokens(text):
        start, end = match.span()
        if start < last:
            continue  # inside a form already spelt
        if match.re is _COUNT_MARK:
            if _names_a_part(text, match, index):
                continue
            spelt = _spelt_count(match)
        elif _keeps(text, match, items, index):
            continue
        else:
            found = match.group()
            spelt = (
                found + "."
                if found in _CLOSING_EMOJI
                else _SPELLING.get(found.lower()) or _SPACED.get(found) or SYMBOLS[found]
            )
        if match.group().endswith("/") and text[end : end + 1].isalnum():
            spelt += " "  # "w/evri" is "with evri"
        pieces.append(text[last:start])
        length += start - last
        pieces.append(spelt)
        changes.append((length, length + len(spelt), start, end))
        length += len(spelt)
        last = end
    if not changes:
        return None
    pieces.append(text[last:])
    return Expansion("".join(pieces), tuple(changes))
