"""Clarification: the assistant asks which item, order or return the customer means.

Asked by naming the candidates ("the 2 Slice or the 4 Slice?", "do you mean the Large?"), by
"which" ("which order's this about?", "tell me which kettle you mean") or by asking for the id
("please share the RMA number"), also when the question or the request is laid out as a list
under a lead-in ending with a colon ("are you asking about:" / "- the Mixer, or" / "- the Mixer
Pro?"). It asserts nothing about the shop, so it has no subject and
is never hedged; an answer that clarifies is neither a claim of the asked kind nor a deflection.
"""

from __future__ import annotations

import re

from auditor._claims._compiled import compile_pattern
from auditor._claims._document import Document
from auditor._claims._lexicon import CANNOT
from auditor._claims._model import Claim, ClaimKind
from auditor._claims._registry import EXTRACTORS
from auditor._claims._text import Segment

_VALUE = "which_one"
#: "which" asking, not relating: "the kettle, which is in stock" and "which we sell" relate.
_WHICH = compile_pattern(
    r"\bwhich\b(?!\s+(?:is|are|was|were|has|have|had|will|would|means|should|can|may"
    r"|might|we|i|it|they)\b)"
)
#: Not knowing which is not asking which: "I can't tell which bits have gone out yet".
_CANNOT_TELL = compile_pattern(
    rf"\b(?:{CANNOT[3:-1]}|don't|dont|do not)\s+"
    r"(?:really\s+|actually\s+)?(?:tell|say|know|see|check)\s+(?:(?:you|u)\s+)?which\b"
)
#: Verbs after which "which" asks even in a sentence that is not a question.
_ASKING = compile_pattern(
    r"\b(?:know|tell|confirm|clarify|specify|say|check|sure|mean|meant|advise|share|which)\b"
)
#: "which" choosing between offers rather than records: "let me know which you'd prefer",
#: "which one you'd like!" closing the answer ("which would you like me to check?" still asks).
_PREFERENCE = compile_pattern(
    r"(?:\s+(?:one|option))?\s+(?:(?:you'd|you would|you|u'd|u)\s+(?:prefer|rather|like best"
    r"|(?:like|want|fancy)(?=[\s!.?]*(?:\n|$)))|(?:works|suits|sounds) (?:best|better))"
)
#: "you" in chat spellings too: "u mean the pro?", "do ya mean".
#: The assistant looking something up itself ("I'll check which warehouse has it", "let me
#: see which one we have"): a step it takes, not a question to the customer.
_SELF_LOOKUP = compile_pattern(
    r"\b(?:i'll|i will|ill|let me|lemme|we'll|we will|i can|i'm going to|i am going to"
    r"|i'm gonna|im gonna|i'll just|i just need to|i need to)(?: \w+)?"
    r" (?:check|see|find out|look up|look into|confirm)\s+which\b"
)
_YOU = r"(?:you|u|ya)"
_MEANING = compile_pattern(
    rf"\b(?:do|did) {_YOU}(?: perhaps| maybe| possibly| actually| by any chance)? mean\b"
    r"|\byou meant?\b"
    r"|\b(?:were|are) you (?:after|thinking of|asking about|looking for|referring to|on about)\b"
    r"|\bis (?:it|this|that) (?:the|for the|about)\b"
)
#: A chat question that opens on "u mean" and a candidate: "u mean the mixer pro?".
_U_MEAN = compile_pattern(r"[\W_]*u mean (?:the|ur|your|a|an)\b")
#: "which … do you mean", said without a question mark ("which return do u mean").
_MEANT_AFTER = compile_pattern(
    rf"\b(?:{_YOU} mean|{_YOU} meant|{_YOU} (?:are|r) (?:after|asking about))\b"
)
#: The id that settles which. Blanks are runs: Markdown emphasis leaves several.
_ID_NOUN = (
    r"(?:(?:(?:order|ord|return|rma|item|product|tracking|reference|ref)\s+)?(?:number|no\b\.?|num"
    r"|id|ref|reference|sku|#)(?!\w)|name(?=\s+of\s+(?:the|that|this)\s+(?:item|product))"
    # What a model asks for to find an item: "the product code", "the product link".
    r"|(?:product|item)\s+(?:code|link|page link|url)\b"
    r"|(?:order|return|rma|ref)(?=\s{2,}(?:pls|please|plz|thx|thanks|ta\b|1st\b|first\b|[?.!,]|$))"
    # (sms8) An id's own name asked for: "what's the RMA?", "ur ref?".
    r"|(?:rma|ref)(?=\s*\?))"
)
#: Asking for that id: "please share the RMA number", "could you pop the order number over".
_ID_REQUEST = compile_pattern(
    r"\b(?:share|send|give|provide|tell|confirm|paste|let me know|what's|whats|what is"
    r"|(?:could|can|may|might) (?:i|we) (?:get|have|ask for|take|grab)|need|pop|drop|pass"
    r"|(?:have|do) (?:you|u) (?:got|have)|(?:you|u) got)"
    rf"(?:\s+me|\s+us)?(?:\s+with)?\s+(?:the|your|ur|yr)(?:\s+\w+){{0,2}}?\s+{_ID_NOUN}"
)
#: Asking the customer to check the id they gave and send it again: "could you double-check
#: the RMA number and send it again?" (a question; "could you check the number?" after "no
#: order with that number" only closes a refusal, and "you can check the order number in the
#: email" tells).
_RECHECK = compile_pattern(
    r"\b(?:double[- ]?check|re-?check|check|verify)\s+(?:the|your|ur|yr|that)(?:\s+\w+){0,2}?"
    rf"\s+{_ID_NOUN}(?:\s+[\w,-]+){{0,6}}?\s+(?:and|then|&)\s+(?:re-?send|send|share|give|type"
    r"|pop|paste|drop)\b"
)
#: (markdown9) Asked outright to look at the id again, as a question: "Could you double-check
#: the return number?", "can you re-check that order number for me?". Not "could you check the
#: number?", which after "no order with that number" closes a refusal.
_DOUBLE_CHECK = compile_pattern(
    r"\b(?:double[- ]?check|re-?check|re-?confirm)\s+(?:the|your|ur|yr|that)(?:\s+\w+){0,2}?"
    rf"\s+{_ID_NOUN}"
)
#: A question that is only the id asked for: "order no. pls?", "your order number, please?";
#: not one that goes on about it ("can't find your order number? it's in the email").
_ID_ONLY = compile_pattern(
    # (Or asked whether there is one, as chat asks: "got an order no?".)
    rf"[\W_]*(?:(?:got|have|any)\s+(?:an?\s+)?)?(?:(?:the|your|ur|yr)\s+)?"
    # (sms8) Its "#" blanked by the masked text: "order # pls".
    rf"(?:order|ord|return|rma|reference|ref|tracking)(?:\s+{_ID_NOUN}|(?=\s{{2,}}))"
    # (sms8) Naming what it is for: "got a ref no. for the return?".
    r"(?:[\s.]+for\s+(?:the|your|ur|that|this)\s+(?:order|return|refund|item|parcel))?"
    r"[\s,.]*(?:(?:pls|please|plz|thanks|ta)?[\s.!]*\?|(?:pls|please|plz)[\s.!]*$)"
)
#: Alternatives that are not names: "the one on the 3rd or the one on the 10th", "is this about
#: a return or an exchange", "check on your order or your return". Kinds of record are which
#: one only as what the question is about: "would you like a refund or an exchange?" offers.
_KIND = r"(?:order|return|product|item|exchange|purchase|parcel|delivery)"
_ALTERNATIVES = compile_pattern(
    r"\bor\s+(?:the|your)\s+(?:\w+\s+)?(?:one|other)\b"
    r"|\b(?:about|on|into|is (?:this|it|that)|was (?:this|it|that)|mean|meant)\s+"
    rf"(?:an?|your|the)\s+{_KIND}\s+or\s+(?:an?|your|the)\s+{_KIND}\b"
)
_OR = compile_pattern(r"\bor\b")
#: "What" asking which record or item: "sorry what item?", "what order was that?".
_WHAT = compile_pattern(r"\bwhat (?:item|product|order|return|one|model|size|colou?r|version)\b")
#: A question that is only two choices, one of them a catalogued name ("vacuum or cordless?"):
#: "refund or exchange?" names nothing and is an offer.
_EITHER = compile_pattern(
    r"[\W_]*(?:[\w-]+\s+){0,3}?[\w-]+\s+or\s+(?:[\w-]+\s+){0,3}?[\w-]+[\s.!]*\?[\W_]*"
)
#: An id asked for on another channel or for someone else is part of a hand-off, not a
#: question of which record: "email us your order number", "quote it when you call".
_ELSEWHERE = compile_pattern(
    r"@|\b(?:dm|dms|email|e-mail|emailing|call|calling|ring|ringing|phone|contact|contacting"
    r"|support|helpline|whatsapp|messenger|inbox|team|agent|colleague|them|they)\b"
)


#: An email that is a record, not a channel: where the id is found, what the order was placed
#: with.
_EMAIL_RECORD = compile_pattern(
    r"\b(?:in|from|on|off) (?:the|your|ur|yr|our) (?:[\w-]+ ){0,2}e-?mail\b"
    r"|\bthe e-?mail(?: address)? (?:you|u) (?:ordered|used|signed|registered|paid|bought|placed)\b"
    r"|\be-?mail(?: address)? (?:on|for|of) (?:the|your|ur) (?:account|acct|order)\b"
)


def _elsewhere(text: str, start: int, end: int) -> bool:
    """The sentence sends the id to another channel or person (`_ELSEWHERE`), an email that is
    only where the id is found set aside."""
    records = [m.span() for m in _EMAIL_RECORD.finditer(text, start, end)]
    for match in _ELSEWHERE.finditer(text, start, end):
        if not any(a <= match.start() < b for a, b in records):
            return True
    return False


def _question(doc: Document, sentence: Segment) -> bool:
    return doc.masked[sentence.start : sentence.end].rstrip(" \n\"')]").endswith("?")


def _asks_which(doc: Document, sentence: Segment) -> re.Match[str] | None:
    text, start, end = doc.masked, sentence.start, sentence.end
    question = _question(doc, sentence)
    which = _WHICH.search(text, start, end)
    if which is not None and _PREFERENCE.match(text, which.end(), end):
        which = None  # "let me know which you'd prefer": choosing an offer, not a record
    if which is not None and (
        question
        or (
            _ASKING.search(text, start, which.start())
            and _CANNOT_TELL.search(text, max(start, which.start() - 40), which.end()) is None
            and _SELF_LOOKUP.search(text, max(start, which.start() - 40), which.end()) is None
        )
        or _MEANT_AFTER.search(text, which.end(), end)
    ):
        return which
    if question:
        asked = _asks_in_question(doc, sentence)
        if asked is not None:
            return asked
    only = _ID_ONLY.match(text, start, end)
    if only is not None and only.end() == end and not _elsewhere(text, start, end):
        return only  # "ord no. pls"
    request = _ID_REQUEST.search(text, start, end)
    if request is not None and _elsewhere(text, start, end):
        return None  # "DM us ur order no.", "send your order number to support@…": a hand-off
    return request or _asks_over_list(doc, sentence)


def _asks_in_question(doc: Document, sentence: Segment) -> re.Match[str] | None:
    """What makes `sentence`, a question, ask which one is meant: "did you mean …?", "the 1l
    or the 2l?", "which colour?", an id asked for or asked again."""
    text, start, end = doc.masked, sentence.start, sentence.end
    meaning = _MEANING.search(text, start, end) or _U_MEAN.match(text, start, end)
    if meaning is not None:
        return meaning
    if _OR.search(text, start, end) and _names_several(doc, sentence):
        return _OR.search(text, start, end)
    either = _EITHER.fullmatch(text, start, end)
    if either is not None and _names_any(doc, sentence):
        return either
    either = _last_choice(doc, sentence)
    if either is not None:
        return either
    alternatives = _ALTERNATIVES.search(text, start, end) or _WHAT.search(text, start, end)
    if alternatives is not None:
        return alternatives
    only = _ID_ONLY.match(text, start, end)
    if only is not None and not _elsewhere(text, start, end):
        return only
    again = _RECHECK.search(text, start, end) or _DOUBLE_CHECK.search(text, start, end)
    if again is not None and not _elsewhere(text, start, end):
        return again
    return None


#: Asking for details whose list follows: "I'll need a little more information:".
_NEED_DETAILS = compile_pattern(
    r"\b(?:need|require|ask for|have|share|send|provide)\b(?:\s+[\w-]+){0,4}?\s+(?:information"
    r"|info|details|the following|things?)\b"
)
#: A list item that is an id asked for: "1. Your **RMA number** (starts with RMA-)".
_LISTED_ID = compile_pattern(rf"[\W\d_]*(?:your|ur|yr|the)\s+(?:[\w-]+\s+){{0,2}}?{_ID_NOUN}")


def _listed(doc: Document, index: int) -> list[str]:
    """The sentences after a lead-in that ends with a colon, up to the first that does not
    look like a list item (ends in a full stop or exclamation mark, or opens a new lead-in)."""
    items = []
    for sentence in doc.sentences[index + 1 : index + 8]:
        text = doc.masked[sentence.start : sentence.end].strip()
        items.append(text)
        if not text or text[-1] in ".!:?":
            break
    return items


def _asks_over_list(doc: Document, sentence: Segment) -> re.Match[str] | None:
    """A question or a request for an id laid out as a list under a lead-in ("are you asking
    about:" / "- the Hand Blender, or" / "- the Hand Blender 800W?"; "I'll need a little more
    information:" / "1. Your RMA number")."""
    text, start, end = doc.masked, sentence.start, sentence.end
    if not text[start:end].rstrip().endswith(":"):
        return None
    index = doc.sentences.index(sentence)
    items = _listed(doc, index)
    if items and items[-1].endswith("?"):
        meaning = _MEANING.search(text, start, end) or _WHICH.search(text, start, end)
        if meaning is not None:
            return meaning
    need = _NEED_DETAILS.search(text, start, end)
    if need is not None and any(_LISTED_ID.match(item) for item in items):
        return need
    return None


def _last_choice(doc: Document, sentence: Segment) -> re.Match[str] | None:
    """A question closed by a choice after a comma, one of its words a word of a catalogued
    name: "got 2 sleeping bags, std or xl?" (not "want it in red or blue?")."""
    text, start, end = doc.masked, sentence.start, sentence.end
    comma = text.rfind(", ", start, end)
    if comma < 0:
        return None
    either = _EITHER.fullmatch(text, comma + 1, end)
    if either is None or not _names_any(doc, sentence):
        return None
    parts = doc.context.index.parts
    return either if any(w in parts for w in _WORDS.findall(text, comma + 1, end)) else None


def _names_any(doc: Document, sentence: Segment) -> bool:
    """A subject named in `sentence`, or a word that opens several catalogued names (the head
    of "backpack 25 or 40?" when the shop sells a Backpack 25L and a Backpack 40L)."""
    if any(sentence.start <= m.start < sentence.end for m in doc.mentions):
        return True
    heads = [name.split(" ", 1)[0].lower() for name in doc.context.items.values()]
    shared = {head for head in heads if heads.count(head) > 1}
    words = _WORDS.findall(doc.masked, sentence.start, sentence.end)
    if any(word in shared for word in words):
        return True
    # Or a word that several names hold anywhere: "medium or large bed?" when the shop sells a
    # Dog Bed Medium and a Dog Bed Large.
    parts = doc.context.index.parts
    return any(len(parts.get(word, ())) > 1 for word in words)


_WORDS = compile_pattern(r"[a-z][a-z-]+")


def _names_several(doc: Document, sentence: Segment) -> bool:
    """Two or more subjects named in `sentence`: the candidates of an "or" question."""
    named = {m.subject for m in doc.mentions if sentence.start <= m.start < sentence.end}
    return len(named) >= 2


def find_clarifications(doc: Document) -> list[Claim]:
    """Clarifying questions, at most one per sentence (computed once per answer)."""
    cached = doc.memo.get("clarifications")
    if isinstance(cached, list):
        return cached
    claims = []
    masked = doc.masked
    if (
        "?" in masked
        or "which" in masked
        or "share" in masked
        or " me " in masked
        or "number" in masked
        or " no." in masked
        or " ref" in masked
        or " id" in masked
        or "what" in masked
        # (sms8) "#" for the number, which the masked text blanks: "need the order # 1st".
        or "#" in doc.text
    ):
        for sentence in doc.sentences:
            match = _asks_which(doc, sentence)
            if match is None:
                continue
            clause = doc.clause_at(match.start())
            if clause.echo or (clause.conditional and not _question(doc, sentence)):
                continue
            claims.append(Claim(ClaimKind.CLARIFICATION, _VALUE, match.span()))
    doc.memo["clarifications"] = claims
    return claims


@EXTRACTORS.register(ClaimKind.CLARIFICATION)
def extract_clarification(doc: Document) -> list[Claim]:
    return list(find_clarifications(doc))
