"""Answers that talk in a non-answer's form, with no word of what was asked (pure).

Issue 16 keeps an answer with no claim of the asked kind `unread` unless a non-answer is
recognised in it, because a right answer in words no rule reads has the same shape ("RMA-1011
is with our warehouse team"). `auditor._elsewhere` recognises one kind of non-answer by what
the reader read in it (a claim of another topic). This module recognises three by their *form*,
whatever their words, where a careful reader sees that the answer cannot hold the fact:

* **News announced, none given.** The answer announces news of the subject and gives none
  ("A recent update on return RMA-1005 has been reported.", "No news on your order yet."), or
  gives news that is not of the asked topic ("The latest update to ORD-10018 is a patch that
  has been released by the manufacturer of the device."): the frame "the latest / a recent /
  no news or update on …" promises news, and the answer holds no word that news of the asked
  topic could be told in.
* **A place that is no place.** The answer puts the subject in a place that is the record
  itself ("The order is currently in the Order-10018.", "… in the Order-10007 store.") or a
  section or page of a website or store ("… located at the "Sales" section of the website"):
  where a parcel is would say something of its status (at the depot, in the van, at your
  door), but neither of these is anywhere a parcel, a return or a refund can be.

And a third, whose words are the customer's own: **the question given back in part** ("quick
question: harbor frying pan 3708 - in stock or not?" answered "Quick question: 3708 - in stock
or not?"), still a question, as the question given back whole (`auditor._scope`) is.

A fourth is the asked return's own (llm10): **a return said to be in a state no return has.**
To "what's happening with RMA-1015?", the answer says the return "has been delayed", that it
"returns to the original order after 28 days", that it "is no longer available" or "has been
discontinued", or that it is held at the record itself ("being held at the RMA-1012"). A
return is requested, approved, received, refunded or rejected; none of these says which, so
a careful reader calls it a non-answer. Its guard is narrower than the topic's vocabulary
(which holds "delay", "held" and every digit, and would keep each of these `unread`): the
answer holds no word of a return's stages (`_RETURN_STAGES`: received, approved, refunded,
rejected, pending, label, back, inspected …, or a date, which may date a stage), so "the
return was delayed but has now arrived" stays as the rules read it. It is asked only when
the question is about the return's status (not its refund: "the refund has been delayed"
says it is not paid).

Two more have their own guard in the same way (llm10). **A product release as news of an
order** ("The latest update to the ORD-10023 is a new version of the 5.6.4.8 release"): the
record is taken for a product, and no order is released; no word of an order's stages may be
in the answer (`_ORDER_STAGES`); with the same guard, **an order said to be on sale in a
region** ("The ORD-10044 is currently available in the US, but it's not yet available in
Europe."). **A price offer where a count was asked** ("I'm currently
running a 10% discount on my Espresso Cup, which is a great example of how small changes can
have significant impacts." to "what's your current stock?"): a discount is no count; no word
of how many are left may be in the answer (`_COUNT_WORDS`: "a 10% discount on the last 3"
stays as the rules read it).

The first two forms are read only when the answer holds no word of the asked topic's vocabulary
(`auditor._elsewhere.VOCABULARY`, record ids aside), the guard `_elsewhere` keeps: a word of it
means a claim of the asked kind may be there in words no rule reads (a wrong one too), and the
answer stays `unread`. The judge asks this last, after every claim, non-answer and
`_elsewhere`, so it can only turn an `unread` into `unanswered`; never a `pass`, never a
`fail`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from types import MappingProxyType

from auditor._claims import ClaimKind
from auditor._claims._text import normalise
from auditor._elsewhere import VOCABULARY, asked_topic

#: A record's id as an answer writes it, replaced by one token so the forms can name it.
_RECORD_ID = re.compile(r"\b[a-z]{2,6}-?\d{2,}\b")
_ID = "recordref"
_NEWS_WORDS = r"(?:update|updates|news|development|developments)"
_ON = r"(?:on|to|from|about|for|regarding|re|with|of)"
#: The forms, by the reason each gives.
_NEWS = re.compile(
    # "the latest update to …", "a recent update on …", "the newest news from …"
    rf"\b(?:latest|last|recent|most recent|newest|new) {_NEWS_WORDS} {_ON}\b"
    # "no news on …", "no update yet on …"
    rf"|(?:^|[.!?:] |\bthere is |\bthere's |\bi have |\bwe have )no {_NEWS_WORDS}"
    rf"(?: yet)? {_ON}\b"
)
FORMS: Mapping[str, re.Pattern[str]] = MappingProxyType(
    {
        "announces news of it and gives none of its": _NEWS,
        "puts it in a place that is no place, and says nothing of its": re.compile(
            r"\b(?:is|are|was|were|'s) (?:currently |now |still |presently )?(?:located |sitting"
            r" |kept |held |stored |listed )?(?:in|at|on) (?:the |our |your |a )?"
            rf"(?:{_ID}\b"
            r'|"?[\w -]{1,30}"? (?:section|page|tab|category|department|area|part) of (?:the |our'
            r' |your |a |an )?(?:"?[\w -]{1,30}"? )?(?:website|web site|site|online store|store'
            r"|online shop|shop|app|catalog|catalogue|marketplace)\b)"
        ),
    }
)
#: Words of a return's stages and what moves it between them: any of them keeps an answer
#: about a return from `_NO_STAGE` ("delayed, but it has arrived back with us").
_RETURN_STAGES = re.compile(
    r"\b(?:receiv|reciev|arriv|approv|accept|authori|reject|declin|denied|deny|refus|refund"
    r"|reimburs|paid|pay|credit|money|inspect|assess|check|process|pending|request|label|back"
    r"|complet|clos|open|transit|await|wait|review|cancel|expir|eligib|track|deliver|drop"
    r"|collect|warehouse|returned|sent|posted|courier|stage|status|logged|on its way"
    # A day it happened on: "no longer available as of 2026-12-04" may date a stage.
    r"|as of|since|today|yesterday|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday)|[£$€]|\d{4}-\d\d-\d\d|\b(?:january|february|march|april|may|june|july|august"
    r"|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b"
)
#: What the answer says of the return in place of a stage (see the module doc).
_NO_STAGE = re.compile(
    # "The return RMA-1 has been delayed", "the return of RMA-1 is being held up".
    rf"\b(?:return|{_ID})(?: of {_ID})? (?:has been|have been|was|is|'s been|is being|got)"
    r" (?:delayed|held up)\b"
    # "RMA-1 returns to the original order after 28 days".
    rf"|\b{_ID} returns to (?:the|your) (?:original )?order\b"
    # "RMA-1 is no longer available (in the UK)", "RMA-1 has been discontinued".
    rf"|\b{_ID} (?:is|has been|was) (?:no longer|not) available\b"
    rf"|\b{_ID} (?:has been|was|is) discontinued\b"
    # Held at the record itself: "… is currently being held at the RMA-1 Return RMA-1".
    r"|\b(?:is|are) (?:currently |now |still )?(?:being )?(?:held|kept|stored) (?:at|in)"
    rf" (?:the )?{_ID}\b"
)
#: The reason of a return said to be in a state no return has.
NO_STAGE = "says the return is in a state no return has, and nothing of its status"

#: News of the record that is a software or product release ("The latest update to ORD-1 is a
#: new version of the 2.7.3 release"): the record is taken for a product, and no order is
#: released. The frame names the record itself.
_RELEASE_NEWS = re.compile(
    rf"\b(?:latest|last|recent|most recent|newest|new) {_NEWS_WORDS} {_ON} (?:the |your )?"
    rf"{_ID} (?:is|was) (?:a|the) (?:new|newer|latest) (?:version|release|patch|build"
    r"|firmware|edition|model)\b"
)
#: Words of an order's stages and where a parcel is: any keeps an answer from
#: `_RELEASE_NEWS` ("… is a new version of your delivery slot: it ships Monday").
_ORDER_STAGES = re.compile(
    r"\b(?:ship|dispatch|deliver|arriv|transit|courier|carrier|driver|van|parcel|package"
    r"|track|cancel|pack|picked|warehouse|depot|door|on its way|on the way|pending|processing"
    r"|processed"
    r"|confirm|placed|refund|return|eta|due)"
)
#: The reason of news of the record that is a release.
RELEASE_NEWS = "announces a product release as news of it, and nothing of its"

#: The order said to be on sale in a region ("The ORD-10044 is currently available in the US,
#: but it's not yet available in Europe."): the record is taken for a product, and where a
#: product is sold says nothing of where a parcel is.
_ON_SALE_IN = re.compile(
    rf"\b{_ID} is (?:currently |now |still )?(?:not |no longer )?(?:yet )?available (?:in|across"
    r"|throughout) (?:the )?(?:us|usa|uk|eu|europe|united states|united kingdom|north america"
    r"|america|asia|australia|canada|ireland|market)\b"
    rf"|\b{_ID} is (?:currently |now |still )?(?:not |no longer )?(?:yet )?available"
    r" (?:internationally|worldwide|abroad|overseas)\b"
)
#: The reason of an order said to be on sale in a region.
ON_SALE = "takes it for a product on sale in a region, and says nothing of its"

#: A price offer where a count was asked ("I'm currently running a 10% discount on my
#: Espresso Cup"): a discount is no count, and says nothing of how many are left.
_PRICE_TALK = re.compile(
    r"\b(?:running|offering|having|doing|holding|got) (?:a |an )?(?:\d+ ?% |\w+ )?"
    r"(?:discount|sale|promotion|promo|deal|markdown|price cut) (?:on|for)\b"
)
#: Words of how many are left: any keeps an answer from `_PRICE_TALK` ("a 10% discount on
#: the last 3 units").
_COUNT_WORDS = re.compile(
    r"\b(?:stock|avail|left|remain|unit|piece|suppl|sold|carr(?:y|ie)|backorder|discontinu"
    r"|restock|inventor|on hand|shel(?:f|ves)|only|few|none|no more|out of|last|plenty|lots"
    r"|many|dozen|couple|handful|\d+ (?:of them|in)\b)"
)
#: The reason of a price offer given for a count.
PRICE_TALK = "talks of a price offer instead of a count, and nothing of its"

#: The forms with their own guard, narrower than the topic's vocabulary (which holds every
#: digit and "have"): by the asked kind's first claim kind, each form, the words that keep an
#: answer from it, and its reason.
_ORDER_FORMS = (
    (_RELEASE_NEWS, _ORDER_STAGES, RELEASE_NEWS),
    (_ON_SALE_IN, _ORDER_STAGES, ON_SALE),
)
_OWN_FORMS: Mapping[ClaimKind, tuple[tuple[re.Pattern[str], re.Pattern[str], str], ...]] = (
    MappingProxyType(
        {
            ClaimKind.RETURN_STATUS: ((_NO_STAGE, _RETURN_STAGES, NO_STAGE),),
            ClaimKind.ORDER_STATUS: _ORDER_FORMS,
            ClaimKind.DELIVERY_DATE: _ORDER_FORMS,
            ClaimKind.TRACKING: _ORDER_FORMS,
            ClaimKind.QUANTITY: ((_PRICE_TALK, _COUNT_WORDS, PRICE_TALK),),
        }
    )
)

#: How the asked fact is named in a reason, by the asked kind's first claim kind.
_FACT_WORDS: Mapping[ClaimKind, str] = MappingProxyType(
    {
        ClaimKind.AVAILABILITY: "stock",
        ClaimKind.QUANTITY: "stock",
        ClaimKind.ORDER_STATUS: "status",
        ClaimKind.DELIVERY_DATE: "delivery date",
        ClaimKind.TRACKING: "tracking",
        ClaimKind.DELAY: "delay",
        ClaimKind.RETURN_STATUS: "status",
        ClaimKind.REFUND: "refund",
        ClaimKind.REFUND_AMOUNT: "refund",
        ClaimKind.DISCOUNT: "price",
    }
)


#: What news announced goes on to say ("… is that …", "… is …", "…: …"): its first words.
_NEWS_BODY = re.compile(
    r"\b(?:is|was|are|were)(?: that)? (?P<head>[\w'-]+)(?: (?P<next>[\w'-]+))?"
    r"|: ?(?P<colon>[\w'-]+)(?: (?P<colon_next>[\w'-]+))?"
)
#: Words that make the news the subject's own ("… is that it's been binned", "… is that your
#: order …", "…: the parcel …"): whatever words follow may be a status no rule reads.
_PRONOUN_WORDS = (
    "it it's its itself they they're their them this these those you we we've we're i i'm"
)
_RECORD_NOUN_WORDS = """
    order orders return returns refund refunds item items parcel parcels package packages
    shipment delivery purchase goods product products stock money
"""
_DETERMINER_WORDS = "the a an your yours our my this that these those"
_PRONOUNS = frozenset(_PRONOUN_WORDS.split())
_RECORD_NOUNS = frozenset(_RECORD_NOUN_WORDS.split()) | {_ID}
_DETERMINERS = frozenset(_DETERMINER_WORDS.split())
#: The record topics, whose subject is a record the news frame names by id or pronoun.
_RECORD_TOPICS = frozenset({"orders", "returns"})


def _news_of_the_subject(words: str, topic: str, frame: re.Match[str]) -> bool:
    """The news announced goes on to tell something of the subject itself, or of anything
    when the subject is an item (whose name, which no rule knows, may be that thing): then
    the answer may hold the fact in words no rule reads, and it is not idle talk."""
    body = _NEWS_BODY.search(words, frame.end(), frame.end() + 80)
    if body is None:
        return False
    if topic not in _RECORD_TOPICS:
        return True
    head = body.group("head") or body.group("colon") or ""
    after = body.group("next") or body.group("colon_next") or ""
    if head in _PRONOUNS or head in _RECORD_NOUNS:
        return True
    return head in _DETERMINERS and after in _RECORD_NOUNS


#: The reason of an answer that is a question of the customer's, given back shortened.
GIVEN_BACK_IN_PART = "the question given back in part instead of an answer"
#: A question given back in part keeps at least this many of its words.
_IN_PART_MIN = 3
_WORD = re.compile(r"[^\W_]+")


def gives_back_in_part(text: str, questions: Sequence[str]) -> bool:
    """The answer is one of the customer's questions with words left out, still a question
    ("quick question: harbor frying pan 3708 - in stock or not?" answered "Quick question:
    3708 - in stock or not?"): its words, at least three, are the question's in the same
    order, and fewer. Like the question given back whole (`auditor._scope`), its words are
    the customer's, and it asks what it should answer; a statement made of them ("Chef Knife -
    in stock.") is an answer, and is not this."""
    said = normalise(text).strip()
    if not said.endswith("?"):
        return False
    words = _WORD.findall(said)
    if len(words) < _IN_PART_MIN:
        return False
    for question in questions:
        asked = normalise(question).strip()
        if not asked.endswith("?"):
            continue
        asked_words = iter(_WORD.findall(asked))
        if len(words) < len(_WORD.findall(asked)) and all(w in asked_words for w in words):
            return True
    return False


def _own_form(kind: ClaimKind, words: str) -> str | None:
    """The reason of a form with its own guard for the asked kind (`_OWN_FORMS`), when the
    answer is in it and holds none of its guard's words; `words` has the record ids replaced
    by `_ID`."""
    for form, guard, reason in _OWN_FORMS.get(kind, ()):
        if form.search(words) is None or guard.search(words.replace(_ID, " ")):
            continue
        return reason if reason is NO_STAGE else f"{reason} {_FACT_WORDS.get(kind, 'fact')}"
    return None


def idle_form(
    claim_kinds: Sequence[ClaimKind], text: str, questions: Sequence[str] = ()
) -> str | None:
    """The reason of the answer's non-answer form: a question given back in part, a return in
    a state no return has, or news announced or a place that is no place when the answer
    holds no word of the asked topic (see the module doc); None otherwise."""
    if gives_back_in_part(text, questions):
        return GIVEN_BACK_IN_PART
    topic = asked_topic(claim_kinds)
    if topic is None or not text:
        return None
    words = _RECORD_ID.sub(_ID, normalise(text))
    own = _own_form(claim_kinds[0], words)
    if own is not None:
        return own
    if VOCABULARY[topic].search(words.replace(_ID, " ")):
        return None
    for reason, form in FORMS.items():
        found = form.search(words)
        if found is None or (form is _NEWS and _news_of_the_subject(words, topic, found)):
            continue
        return f"{reason} {_FACT_WORDS.get(claim_kinds[0], topic)}"
    return None
