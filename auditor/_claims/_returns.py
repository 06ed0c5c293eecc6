"""Return status: requested, approved, received, refunded, rejected.

Words like "approved" or "received" are return statuses only when the answer is about a
return and the clause is not about a refund, a payment or an order ("your refund was
approved" is a refund claim). "Your return has been refunded" is a return status; "we've
refunded you" is a refund claim — decided by what the clause is about.
"""

from __future__ import annotations

from auditor._claims import _status_codes
from auditor._claims._compiled import compile_pattern
from auditor._claims._dispatch import RuleSet
from auditor._claims._document import Document
from auditor._claims._lexicon import (
    APPROVED,
    APPROVING,
    ARRIVING,
    ASSESSING,
    CANNOT,
    LANDED,
    RETURNS_PLACE,
    STAFF,
    TEAM,
    WAREHOUSE,
    WITH_CHAT,
    forms,
    ing,
    past,
    separable,
)
from auditor._claims._model import NOT_RECEIVED, Claim, ClaimKind
from auditor._claims._negation import negated
from auditor._claims._refine import later_beats_earlier, supersede
from auditor._claims._registry import EXTRACTORS
from auditor._claims._resolve import claims_of, resolve
from auditor._claims._rules import rules
from auditor._claims._scan import Hit, scan
from auditor._claims._steps import to_do
from auditor._claims._subjects import SubjectType
from auditor._claims._tables import in_header_row, step_not_done, ticked_cells
from auditor._claims._text import Clause

_REQUESTED = "requested"
_APPROVED = "approved"
_RECEIVED = "received"
_REFUNDED = "refunded"
_REJECTED = "rejected"
#: The return's id, and its order's in brackets after it ("RMA-1 (order ORD-2)").
_ID = r"(?: \(?xx+\)?)?(?: \((?:for )?(?:order )?xx+\))?"
_NOT_THE_ORDER = r"(?!order|payment|request|message|email|details)"
#: Who looks a returned item over once it is back: the return is received.
_ASSESSED = (
    r"(?:assessed|inspected|checked|checked over|tested|evaluated|looked at|examined|reviewed"
    r" by (?:our|the) (?:technician|quality|returns))"
)
#: Verbs that put a return request on record: "I've logged/initiated/set up a return".
_LOGGED = ("log", "raise", "open", "create", "submit", "register", "initiate", "start", "set up")
#: Approval said as an idiom: cleared, given the green light, okayed.
_GO_AHEAD = r"(?:go-?ahead|green light|thumbs up|ok|okay|all clear|nod|all-clear)"
#: Who decides on a return, and what they are to do: "with the team to approve".
_TO_DECIDE = (
    rf"(?:for|to) (?:review|approval|a decision|sign-?off|decide|{forms(*APPROVING)[3:-1]})"
)
#: Whoever is looking a returned item over, and the item: "the team are checking it".
_ASSESSOR = (
    rf"(?:they're|they are|we're|we are|(?:{STAFF}|technician|technicians|{WAREHOUSE}) (?:is|are))"
)
_ASSESSED_THING = r"(?:it|them|its \w+|their \w+|the \w+|your \w+|xx+)"
#: The places that take returns in, as the subject of a verb: "the warehouse got it".
_HOLDER = (
    rf"(?:{WAREHOUSE}|facility|depot|returns? (?:{TEAM[3:-1]}|cent(?:re|er))"
    rf"|(?:inspections?|qc) {TEAM})"
)
#: A return's label, by any of its names: "label", "returns label", "QR code".
_LABEL = (
    r"(?:(?:return|returns|shipping|postage|prepaid) )?(?:label|qr code"
    # The code a parcel shop scans instead of a label: "drop-off code", "return code".
    r"|(?:drop-?off|drop off|return|returns) code)"
)

_TABLE = RuleSet.of(
    _status_codes.RETURN_APPROVED,
    _status_codes.RETURN_RECEIVED,
    _status_codes.RETURN_REFUNDED,
    _status_codes.RETURN_REQUESTED,
    rules(
        _REQUESTED,
        rf"return request{_ID} (?:has been |was |is |'s been )?(?:received|logged|submitted"
        r"|created|registered|opened|open|pending|noted)",
        rf"return{_ID} (?:has been |was |is |'s been )?(?:logged|submitted|created|registered"
        r"|opened)",
        # As a field: "**Return request:** logged on 2 December".
        rf"return request{_ID}:\W{{0,6}}(?:received|logged|submitted|created|registered|opened"
        r"|noted)\b",
        # With what it is for between: "the return for your kettle has been logged".
        rf"return (?:request |req )?(?:for|on|of) (?:your |the |my )?(?:xx+|\w+) (?:has been |was"
        rf" |is |'s been )?{past(*_LOGGED)}",
        # Curt: "RMA-1 logged, team will review".
        rf"xx+,? (?:now )?{past(*_LOGGED)}(?! (?:with|to|by) (?:\w+ )?{STAFF})",
        # The request gone in: "return req in for ORD-1", "your return request came through".
        r"return (?:request|req)(?: (?:has |have |'s )?(?:come|came|gone|went|been put|is))?"
        r" (?:through|in)(?!\w)",
        rf"{forms('put')} (?:a |the |your )?return (?:request|req) in",
        r"(?:in|on) (?:the|our) (?:review|approval|returns) queue|review queue",
        rf"(?:need|needs) (?:approval|reviewing|to be reviewed|{ing(*APPROVING)[3:-1]}"
        rf"|to be {APPROVED})",
        r"(?:awaiting|pending) (?:a |an )?(?:approval|review|authori[sz]ation|decision)",
        # (voice10b) "pending for approval", as a desk writes it.
        r"(?:under|in|pending)(?: for)? (?:review|approval)",
        r"being reviewed",
        r"(?:status|return|xx+)\W{1,3}requested",
        r"(?:has been|was|'s been|have been) requested",
        r"(?:logged|received|registered|got|have) your return request",
        rf"{past(*_LOGGED)} (?:a|the|your) return"
        r"(?: request| req)?",
        # The return named by its id: "just logged RMA-1 for you".
        rf"{past(*_LOGGED)} xx+",
        # (voice10b) And named with its order: "return request RMA-1 against order ORD-1 is
        # raised".
        rf"return (?:request|req)(?: xx+)?(?: (?:for|on|against) (?:the |your )?(?:order )?xx+)?"
        rf" (?:has been |was |is |'s been )?{past(*_LOGGED, 'receive')}",
        r"waiting (?:for |on )?(?:a )?(?:decision|approval|review|authori[sz]ation|sign-off)",
        rf"waiting (?:for|on) (?:the |a |its )?{_GO_AHEAD}",
        rf"waiting (?:for|on) (?:\w+ ){{1,4}}to (?:review|sign it off|ok"
        rf"|{forms(*APPROVING)[3:-1]})",
        rf"waiting to be (?:reviewed|looked at|{APPROVED[3:-1]})",
        # With someone who will decide: "is with the team for review".
        rf"(?:is|'s|are|'re) (?:now )?with (?:us|(?:our|the) (?:\w+ )?{TEAM})"
        rf" {_TO_DECIDE}",
        r"(?:status|return|xx+)\W{1,6}requested",
    ),
    rules(
        _REQUESTED,
        r"(?:hasn't|has not|haven't|have not) (?:yet )?been (?:reviewed|looked at) yet",
        # (voice10b) "yet to be reviewed / approved", as a desk writes it.
        rf"yet to be (?:reviewed|looked at|{APPROVED[3:-1]})",
        r"(?:hasn't|has not|haven't|have not) (?:yet )?been (?:reviewed|looked at)",
        # Nobody has reviewed it: a negative subject or a bare "not" says the same.
        r"(?:hasn't|has not|haven't|have not|nobody's|nobody has|no one has|no one's|not)"
        r" (?:yet )?(?:reviewed|looked at)",
        negation=False,
    ),
    rules(
        _APPROVED,
        APPROVED[3:-1],
        r"cleared(?: for return)?|green-?lit",
        rf"(?:has been|have been|was|were|is|'s been|been) {past(*APPROVING)}",
        rf"{forms('give', 'get', 'have')} (?:it |the return |your return |that )?(?:the |a )?"
        rf"{_GO_AHEAD}",
        rf"{forms('say yes to')}",
        rf"(?:happy|agreed|able|glad|pleased) to (?:{forms(*APPROVING)}|take (?:it|them|xx+|the \w+"
        r"|your \w+) back)",
        negated=_REJECTED,
        negated_yet=_REQUESTED,
    ),
    # The way back given: a return label (or code) sent, attached or in the inbox is the
    # return approved ("I've emailed a prepaid UPS return label", "label sent to ur email").
    rules(
        _APPROVED,
        rf"{_LABEL}(?: for (?:xx+|(?:your|the|ur) (?:return|\w+)))?"
        r"(?:'s| is| has been| was| been| now)*(?: now)? (?:sent|emailed|e-mailed|attached"
        r"|in your (?:inbox|email)|in ur (?:inbox|email)|on its way|created|issued)",
        r"(?:i've|we've|i have|we have|i|we|i've just|we've just) (?:emailed|sent|attached"
        rf"|e-mailed|created|issued)(?: you)? (?:a |the |your |ur )?(?:[\w-]+ ){{0,3}}{_LABEL}",
        rf"(?:sent|emailed|e-mailed) (?:you )?(?:a |the |your |ur )?(?:[\w-]+ ){{0,3}}{_LABEL}",
        rf"{_LABEL} (?:sent|emailed|e-mailed|attached|created|issued)",
        # As a field or after its noun: "**Drop-off code:** emailed to you", "the QR code
        # we've emailed you".
        rf"{_LABEL}\W{{1,6}}(?:sent|emailed|e-mailed|attached)\b",
        rf"{_LABEL} (?:that |which )?(?:we've|we have|i've|i have|we|i)(?: just)? (?:sent|emailed"
        r"|e-mailed|attached)",
        # An agent's ways (agent7): the label sent again ("I've reissued the label for RMA-1"),
        # or the carrier booked to take it back ("booked the courier to collect the Blender").
        rf"(?:re-?issued|re-?sent|resent|re-?generated|re-?done) (?:you )?(?:a |the |your |ur )?"
        rf"(?:new )?(?:[\w-]+ ){{0,2}}?{_LABEL}",
        r"(?:booked|arranged|scheduled|organi[sz]ed) (?:in )?(?:a |the |your )?(?:courier|driver"
        r"|collection|pick-?up)(?: \w+){0,2}? (?:to (?:collect|pick up)|for)\b",
    ),
    # Not back with us yet, no stage named (llm10): "I haven't received a return order RMA-1
    # yet", "we haven't got your returned parcel".
    rules(
        NOT_RECEIVED,
        r"(?:we|i)(?: still)? (?:haven't|have not|havent|didn't|did not|don't|do not)(?: yet)?"
        r" (?:received|recieved|got|gotten) (?:your|the|a|ur|any)(?: returned)? (?:return"
        r"(?! req| label| request| form| slip)|parcel|package)(?: order| parcel| package)?"
        r"(?: xx+)?(?: back)?(?: yet)?\b",
        negation=False,
    ),
    rules(
        _REJECTED,
        rf"(?:{CANNOT[3:-1]}|won't|will not|weren't able to|wasn't able to) {forms(*APPROVING)}",
        # Back, but not in a state to take: "it's failed inspection".
        r"failed (?:the |its |our )?(?:inspection|checks?|quality (?:check|control)|qc)",
        r"(?:didn't|did not|didnt|hasn't|has not|hasnt|failed to) pass (?:the |its |our )?"
        r"(?:inspection|checks?|quality (?:check"
        r"|control)|qc)",
        rf"(?:isn't|is not|won't|will not|not) (?:going to )?be {APPROVED}",
        negation=False,
    ),
    rules(
        _RECEIVED,
        r"(?:we've|we have|we|i've|i have) (?:now )?(?:received|recieved|receieved|got|now have)"
        rf" (?:your|the) {_NOT_THE_ORDER}(?:returned \w+|return(?! req)|item|parcel|package|xx+"
        r"|\w+(?! req))"
        r"(?: back)?",
        r"(?:return|returns|item|parcel|package|it|its|xx+\)?)(?: (?!request|req\b)\w+)?"
        r" (?:was|has been|is|'s been|have been|were|been) (?:received|recieved|rcvd|rec'd|recd)"
        r"(?: back)?",
        # Terse: "item rcvd back", "parcel received back".
        r"(?:item|items|parcel|package|xx+) (?:received|rcvd|rec'd|recd) back",
        rf"{LANDED} (?:back )?(?:at|in) our (?:{WAREHOUSE}|returns centre|returns center)",
        rf"{LANDED} back",
        r"awaiting inspection|being inspected",
        r"under (?:inspection|assessment|examination)",
        # (voice10b) A desk's quality check: "it is under quality check", "QC is in progress";
        # "we have received back the product".
        r"under (?:quality check|qc|quality inspection)\b",
        r"(?:quality check|qc|inspection) (?:is |'s )?(?:in progress|under way|underway|going on)",
        r"(?:we've|we have|we|i've|i have) (?:now )?received back (?:your|the) "
        r"(?:returned \w+|product|item|parcel|package|xx+)",
        # With whoever inspects: "Status: With our inspection team".
        rf"{WITH_CHAT} (?:our|the) (?:returns? )?(?:inspection|qc|quality|testing|assessment)"
        r" (?:team|department|dept|crew|bods|lot|people)",
        # Recorded as back: "logged RMA-1 as delivered", "scanned it in as received".
        r"(?:logged|marked|scanned|recorded|checked)(?: in)? (?:xx+|it|them|your \w+)(?: in)? as"
        r" (?:delivered|received|arrived|back)",
        r"(?:was|has been|'s been|is|were|have been) (?:logged|marked|scanned|recorded|checked)"
        r"(?: in)? as (?:delivered|received|arrived|back)",
        # Shown so on the system: "RMA-1 is showing as received at the warehouse".
        r"(?:showing|shown|listed|marked) as (?:received|delivered|arrived|back)",
        # Looked over, in the passive past: "Your return RMA-1 was inspected".
        rf"(?:was|were|has been|have been) (?:now |already |fully )?{past(*ASSESSING)}",
        # Received at a place of the shop's: "it's been received at our warehouse".
        r"(?:been|was|were) (?:safely |now |just )?received (?:at|by|into|in) (?:our|the)"
        rf" (?:[\w-]+ )?(?:{WAREHOUSE}|returns?|depot|facility|{TEAM[3:-1]}|cent(?:re|er)|hub)\b",
        # A line whose label is the state and whose value a tick: "- Received: ✅ Nov 28".
        r"(?:received|arrived|inspected|back with us)\s*[:|]\s*(?:\u2705|\u2714|yes\b)",
        # The tick right after the state, or the day it happened as the label's value: "-
        # Received ✅ 3 December", "**Received:** December 3".
        r"(?:received|arrived back|inspected|back with us)\s*(?:\u2705|\u2714)",
        r"(?:received|arrived back|back with us)\s*:\s*(?:on\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+"
        r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|(?:jan|feb|mar|apr|may|jun|jul|aug"
        r"|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b)",
        # The return had or got: "we've had your return", "got ORD-1's return back".
        r"(?:we've|we have|we|i've|they've|they have) (?:now |just )?(?:had|got) (?:your|the|ur"
        r"|xx+'s) return(?! request| req| label| form| slip)",
        r"got (?:your|the|ur|xx+'s) return back",
        # Received said of the return's id, or the place holding the item: "we've received
        # RMA-1" (an id the return's: `_keep`), "the warehouse has your kettle".
        r"(?:we've|we have|we|i've|i have|they've|they have) (?:now |just )?(?:received|got) xx+",
        rf"(?:(?:our |the )?(?:{WAREHOUSE}|returns? {TEAM}|returns? cent(?:re|er)|facility|depot)"
        r"|we) (?:now |already )?(?:has|have|'s got|has got|'ve got) (?:your|the|ur)"
        r" (?:returned \w+|xx+|item|items|parcel|package|return)",
        # Told by the id or the returned thing arriving: "RMA-1 arrived yesterday", "returned
        # item arrived", "Package received on Nov 29".
        rf"xx+ (?:has |have |just |finally |now )*{LANDED}",
        rf"returned (?:item|items|parcel|package|box|\w+) (?:has |have |just |now )*{LANDED}",
        r"(?:parcel|package|box|item|items) (?:received|rcvd|rec'd|recd)"
        r"(?= on\b| at\b| by\b|[^\S\n]*(?:[\n,;.!)\u2013\u2014-]|$))",
        r"return received|we have your return",
        # (sms9) "RMA-1 + RMA-2 both recvd".
        r"(?:status|return|xx+)\W{1,6}(?:(?:both|all|each) )?(?:received|recvd|rcvd|rec'd|recd)",
        rf"(?:it's|it has|has|have|'s) {LANDED}(?! (?:at|with) (?:you|your))",
        r"(?:has been|was|have been|were) returned to us",
        rf"(?:is|are|'s) (?:now )?back (?:with us|at our {WAREHOUSE}|in our {WAREHOUSE})",
        # Curt: "RMA-1 back w/ us".
        rf"(?:xx+|item|items|parcel|return) (?:now )?back {WITH_CHAT} us",
        r"(?:has|have|'s) (?:now )?come back (?:to|with) us",
        r"came back (?:to|with) us",
        # The item as the subject, no "to us": "the Candle came back unused", "it came back
        # with ink in it".
        r"(?:xx+|it|they|the (?:item|items|parcel|package|goods)) (?:has |have )?(?:came|come)"
        r" back\b(?! to\b)",
        # (Not money: "u got ur money back" is the refund's, sms8.)
        r"got (?:it|them|the (?!money\b|cash\b|refund\b)\w+|(?:your|ur) (?!money\b|cash\b"
        r"|refund\b|funds\b)\w+(?: \w+)?|xx+|the xx+)(?: \(xx+\))? back",
        # Had back, British: "we've had your Cake Stand back".
        r"(?:we've|we have|we've now|we have now|we've just|they've|they have) had (?:it|them"
        r"|the \w+|(?:your|ur) \w+(?: \w+)?|xx+|the xx+|(?:your|ur|the) xx+) back",
        # Its auxiliary shared with the verb before: "was logged on December 1 and received at
        # our warehouse on December 3".
        r"and (?:then |later |now )?(?:received|recieved|rcvd|checked in|scanned in|booked in)"
        rf" (?:at|in|by|into) (?:our |the )?(?:\w+ )?(?:{WAREHOUSE}|facility|returns? cent(?:re|er)"
        r"|depot|returns? team|returns? department)",
        rf"(?:came|come|made it|got|arrives|{LANDED[3:-1]}) back (?:to|at|in|with) (?:us|our \w+)",
        rf"(?:came|come|made it|got|arrives|{LANDED[3:-1]}) back (?:in)?to {RETURNS_PLACE}",
        rf"(?:came|come) into {RETURNS_PLACE}",
        # Checked and found fit, which happens only once it is back: "passed inspection".
        r"passed (?:the |its |our )?(?:inspection|qc|quality control|quality checks?|checks)",
        # Through the checks (agent7): "RMA-1 has been through QC and passed".
        r"(?:been|gone|went) through (?:the |its |our )?(?:inspection|qc|quality control|quality"
        r" checks?|checks|testing)\b",
        rf"(?:being|getting|been) {_ASSESSED}",
        rf"(?:being|getting|been) {past(*ASSESSING)}",
        rf"(?:is|'s|are|'re) (?:now )?with (?:us|(?:our|the) (?:\w+ )?{TEAM})"
        rf"(?! {_TO_DECIDE})",
        # Back at the shop, said by how it came: "turned up back at ours", "got to us".
        rf"{past(*ARRIVING)} (?:back )?(?:at|in|to|into|{WITH_CHAT}) {RETURNS_PLACE}",
        rf"{past('get')} to {RETURNS_PLACE}",
        # Booked in where returns arrive: "was logged in at our returns facility".
        rf"(?:was|were|been|got) (?:logged|scanned|booked|checked) in (?:at|to|by) {RETURNS_PLACE}",
        # Booked in by the carrier's scan (agent7): "the courier scanned RMA-1 into our returns
        # centre this morning".
        r"(?:scanned|booked|checked|logged)(?: (?:xx+|it|them|your \w+))? (?:into|in at|in to)"
        rf" {RETURNS_PLACE}",
        # Here is the shop, in the shop's voice: "RMA-1 got here Tuesday", "landed here".
        rf"{past(*ARRIVING, 'get')} here\b",
        # The place that holds returns had it: "the warehouse got it Monday".
        rf"{_HOLDER} (?:now |just |finally )?(?:got|received|had|has had|have had|took in)"
        rf" {_ASSESSED_THING}",
        # Brought to the shop by the carrier: "got delivered to our warehouse yesterday".
        rf"(?:was|were|got|been|has been|have been) delivered (?:back )?(?:to|at) {RETURNS_PLACE}",
        rf"{past('reach')} {RETURNS_PLACE}",
        # Terse, with its verb left out: "RMA-614 delivered to us, refund done".
        r"delivered (?:back )?to us\b",
        # Someone looking it over now: "the team are giving it a once-over".
        rf"{_ASSESSOR} (?:now |currently |still |just )?{ing(*ASSESSING)} {_ASSESSED_THING}",
        rf"{forms('give')} (?:it|them) (?:a|the) (?:once-over|once over|look over|check)",
        r"(?:being|been|getting) given (?:a|the) (?:once-over|once over|look over|check)",
        r"(?:in|with|at) (?:qc|quality control|inspection|the inspection queue)",
        # An agent's screen: "pending QC", "awaiting QC", "QC pending".
        r"(?:pending|awaiting|waiting on|waiting for|queued for) (?:qc|quality control)\b",
        r"qc (?:pending|in progress|underway|queue)",
        # Received said with "'s" joined to the noun: "your return's been received".
        r"(?:return|item|parcel|package|xx+)'s (?:now |just )?(?:been )?(?:received|recieved|rcvd"
        r"|rec'd|recd)(?: back)?",
        # The return came in, said of the return itself: "the return came in on Friday".
        r"(?:the|your|ur|this|that) return (?:has |have |just |finally |now )*(?:came|come|landed"
        r"|turned up|got here|arrived)(?: in| back)?\b(?! (?:to|at) (?:you|your)\b)",
        r"(?:have|got) (?:your |the )?returned \w+|in hand",
        # Where it is now, with no verb: "RMA-1 at warehouse, checking now".
        rf"xx+(?: is|'s)? (?:now )?(?:at|in) {RETURNS_PLACE}",
        r"(?:item|items|parcel|package|return|xx+) (?:received|rcvd|rec'd|recd) (?:at|in|by)"
        r" (?:our|the)",
        r"(?:we've|we have|we|i've) (?:had|got) (?:it|them|the \w+|your \w+|xx+)(?: \w+)?"
        r" back",
        r"(?:we've|we have|they've|they have) had (?:it|them) since",
        r"we got (?:it|them) (?:on |last )?(?:mon|tues|wednes|thurs|fri|satur|sun)day",
        rf"(?:{LANDED[3:-1]}|reached|got to|made it to) (?:at |in )?(?:the|our)"
        rf" (?:{WAREHOUSE}|returns)",
        r"(?:waiting|queued|in the queue) (?:to be |for )(?:inspect\w*|assess\w*|check\w*)",
    ),
    rules(
        _REFUNDED,
        r"(?:has been|was|is|'s been|been|were|have been)(?: \w+,)*(?: \w+ and)? refunded",
        r"(?:status|return|xx+)\W{1,6}refunded",
        r"refunded",
    ),
    rules(_REJECTED, forms("reject", "decline", "deny", "refuse", "turn down", "knock back")),
    rules(_REJECTED, separable("turn", "down"), separable("knock", "back"), "binned"),
    rules(_REJECTED, r"no go|no-go", rf"{forms('knock')} on the head", negation=False),
    # (sms9) A return said to be a no, as the refund's is (`_refunds`): "return's a no, sorry",
    # "RMA-1 - nope, it's been worn".
    rules(
        _REJECTED,
        r"(?:return|xx+)(?:'s| is|(?: status)? ?[:=\u2013\u2014-]) (?:a )?(?:no|nope|nah)"
        r"(?=\s*(?:[,.;!)\n]|$|sorry|sry|soz|i'm afraid|im afraid|unfortunately))",
        negation=False,
    ),
    # (sms9) The return's id or the return with whoever takes returns in, its verb left out:
    # "RMA-1 w the returns team now".
    rules(
        _RECEIVED,
        rf"(?:xx+|return's|return is) (?:now |currently )?{WITH_CHAT} (?:our|the) returns?"
        rf" (?:team|department|dept|desk|cent(?:re|er)|{WAREHOUSE}|bods|lot)\b",
    ),
    # Not taken back: "so we can't take RMA-1 back".
    rules(
        _REJECTED,
        rf"(?:{CANNOT[3:-1]}|won't|will not)"
        r" (?:take|accept) (?:it|them|xx+|the \w+|your \w+|this|that)(?: one)? back",
        negation=False,
    ),
    # Closed with the money paid: "closed with a full refund", "Closed — refund issued".
    rules(
        _REFUNDED,
        r"closed (?:with|and) (?:a )?(?:full |partial )?refund(?:ed)?",
        r"closed\W{1,4}(?:(?:a |the )?(?:full |partial )?refund (?:issued|paid|sent|processed"
        r"|complete|completed|done)|refunded)",
    ),
    # Waiting on the customer to send it is a return given the go-ahead: "waiting on u to
    # post it", "we're waiting for you to drop it off".
    rules(
        _APPROVED,
        r"waiting (?:on|for) (?:you|u|ya) to (?:post|send|ship|drop|return|bring|pop)",
    ),
    rules(_REJECTED, forms("say no to"), negation=False),
    # Returned, said as the state the item is in (llm6): "the item has been returned to the
    # manufacturer", "RMA-1 has been returned". Back with the shop; never "returned to you"
    # (sent back to the customer) or to its sender, nor the past tense that gives a reason
    # ("was returned without its attachments").
    rules(
        _RECEIVED,
        r"(?:has been|have been|'s been) returned"
        r"(?! to (?:you|u|ya|your|ur|the customer|the sender|sender)\b)"
        r"(?! (?:for|with|without|because|as|since|after) \w)",
    ),
    rules(_REJECTED, r"(?:isn't|is not|not) eligible for (?:a )?return", negation=False),
    rules(
        None,
        rf"(?:will|should|'ll|to|can|could|may|might) be (?:{APPROVED[3:-1]}|received|refunded"
        r"|rejected|declined)",
        # An item back with us in stock is a restock, whatever else the answer returns; a
        # customer who came back to us wrote again.
        r"(?:is|are|'s) (?:now )?back with us (?:in stock|on the shelves?)",
        r"(?:you|you've|you have) (?:now )?(?:come|came) back (?:to|with) us",
        # Still to come back: "needs to come back to us first".
        r"(?:need|needs|needed|has|have|had|should|must|going|got) to (?:come|get|go"
        r"|make it|be sent|be posted) back(?: (?:to|with|at) (?:us|ours|our \w+))?",
        # Approval of the money, not of the return: "approved for a refund".
        rf"(?:{APPROVED[3:-1]}|cleared) for (?:a |the |your )?(?:full |partial )?refund",
    ),
)
_SENT_BACK = compile_pattern(r"\b(?:sent|sending|send|posted|posting)\b[\w\s]{0,30}\bback\b")
_STAGES = later_beats_earlier((_REQUESTED, _APPROVED, _RECEIVED, _REFUNDED))
#: Turned down is where a return ends, whatever stage it was turned down at ("we've had it
#: back but it failed inspection").
_STAGES[_REJECTED] = frozenset((_REQUESTED, _APPROVED, _RECEIVED))
#: "Not received yet" beside a stage before the item is back (or its rejection) is that stage,
#: told in more words ("approved, but we haven't received the parcel yet").
for _stage in (_REQUESTED, _APPROVED, _REJECTED):
    _STAGES[_stage] = _STAGES.get(_stage, frozenset()) | {NOT_RECEIVED}
_NOUNS = compile_pattern(
    r"\b(?:returns?|rma|refunds?|reimbursements?|orders?|payments?|cards?|you|we|i|it|this|that"
    r"|items?|parcel|package|money|status|thats|xx+)\b"
)
_NOT_A_RETURN = frozenset(
    {"refund", "refunds", "order", "orders", "payment", "payments", "card", "cards"}
    | {"reimbursement", "reimbursements"}
)
#: The noun nearest before a state word: "your refund for ORD-1 has been declined" and
#: "RMA-1's refund was approved" speak of the refund, whatever opened the clause.
_MONEY_NOUNS = compile_pattern(r"\b(?:refunds?|reimbursements?|payments?|money|cards?)\b")
_PRONOUNS = frozenset({"it", "this", "that", "thats"})
#: The state verb's object is money: "approved a refund", "declined the payment".
#: On its line: the next paragraph's "Your refund …" is no object ("Status: Approved").
_MONEY_OBJECT = compile_pattern(
    r"[^\S\n]+(?:a|the|your|ur)(?:[^\S\n]+full|[^\S\n]+partial)?[^\S\n]+(?:refund|payment)\b"
)
#: How far back, in characters, a pronoun's noun is sought.
_LOOK_BACK = 120
_ANY_NOUN = compile_pattern(
    r"\b(?:returns?|rma|refunds?|reimbursements?|payments?|money|cards?|items?|parcel|package)\b"
)


def clause_topic(doc: Document, hit_start: int) -> str | None:
    """The first noun of the hit's clause, else of its field label, else of the nearest clause
    before it in its sentence: in "Your kettle return is complete: it has been refunded" the
    clause's "it" speaks first."""
    clause = doc.clause_at(hit_start)
    label = doc.labelled_clause_text(clause)
    start = clause.end - len(label)
    for begin, end in ((clause.start, hit_start), (start, hit_start)):
        if (word := _first_noun(doc, begin, end)) is not None:
            return word
    # The clauses before it in the sentence, nearest first; a pronoun there stands for a noun
    # further back ("ORD-1 was returned to us, so it's been cancelled and refunded").
    pronoun = None
    for begin, end in (*_clauses_back(doc, clause), table_row(doc, hit_start)):
        word = _first_noun(doc, begin, end)
        if word in _PRONOUNS:
            pronoun = pronoun or word
        elif word is not None:
            return word
    return pronoun


def _first_noun(doc: Document, begin: int, end: int) -> str | None:
    match = _NOUNS.search(doc.masked, begin, end)
    if match is None:
        return None
    word = match.group()
    if word.startswith("xx"):
        mention = next((m for m in doc.mentions if m.start == match.start()), None)
        return {SubjectType.RETURN: "rma", SubjectType.ORDER: "order"}.get(
            mention.type if mention else SubjectType.ITEM, "item"
        )
    return word


def _clauses_back(doc: Document, clause: Clause) -> list[tuple[int, int]]:
    """The clauses of the sentence before `clause`, nearest first: a clause with no noun of
    its own goes on with the one before it ("…, and the return for the Iron, RMA-1, has been
    received"; "I've looked into it: RMA-1 is all done, refunded"), not with the sentence's
    first noun."""
    index = doc.clauses.index(clause)
    back = []
    for before in reversed(doc.clauses[:index]):
        if before.sentence != clause.sentence:
            break
        back.append((before.start, before.end))
    return back


def table_row(doc: Document, position: int) -> tuple[int, int]:
    """The table row before `position` when it stands in a Markdown table ("| Status |
    Refunded |": each "|" ends a sentence, and the label is the cell before), else nothing."""
    line = doc.masked.rfind("\n", 0, position) + 1
    if doc.masked.find("|", line, position) < 0:
        return (position, position)
    return (line, position)


#: The line under a Markdown table's header row: "|---|:---:|".
_RULE_LINE = compile_pattern(r"[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*")


def column_header(doc: Document, position: int) -> str:
    """The header cell over the Markdown table cell holding `position` ("| Return | Refund |"
    over "| RMA-1 | £10.00, issued |" gives "refund"), or "" outside a table body."""
    text = doc.masked
    line = text.rfind("\n", 0, position) + 1
    if text.find("|", line, position) < 0:
        return ""
    column = text.count("|", line, position) - (text[line:position].lstrip().startswith("|"))
    # Up the table: the rule line, and the header row just above it.
    end = line - 1
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        if _RULE_LINE.fullmatch(text, start, end):
            head_end = start - 1
            head_start = text.rfind("\n", 0, max(head_end, 0)) + 1
            cells = text[head_start:head_end].strip().strip("|").split("|")
            return cells[column].strip() if 0 <= column < len(cells) else ""
        if "|" not in text[start:end]:
            return ""
        end = start - 1
    return ""


#: (sms9) A sum just before "refunded": the money went back ("RMA-1 - £39 refunded in full").
_SUM_BEFORE = compile_pattern(r"[\u00a3$\u20ac]\s?\d[\d.,]*\s+$")


def refunded_is_return_status(doc: Document, hit_start: int) -> bool:
    """ "… has been refunded" speaks of the return when the return is what the clause is about,
    and not when a sum is what was refunded ("RMA-1: £23 refunded 2 ur amex")."""
    if _SUM_BEFORE.search(doc.masked[max(0, hit_start - 16) : hit_start]):
        return False
    topic = clause_topic(doc, hit_start)
    if topic in ("return", "returns", "rma", "status"):
        return True
    return topic in ("it", "this", "that", "thats") and doc.return_context


def _pronoun_of_money(doc: Document, hit: Hit) -> bool:
    """The clause's topic is a pronoun whose nearest noun before it is money: in "the refund
    on RMA-1 has not been issued yet; it is pending approval" the approval is the refund's."""
    if clause_topic(doc, hit.start) not in _PRONOUNS:
        return False
    nouns = _ANY_NOUN.findall(doc.masked, max(0, hit.clause.start - _LOOK_BACK), hit.clause.start)
    return bool(nouns) and _MONEY_NOUNS.fullmatch(nouns[-1]) is not None


#: What says by itself that it is the return which arrived: its id or "returned …".
_ARRIVER = ("xx", "returned ")
#: A phrase whose return is told by an id alone: the id must be a return's.
_BY_ID = compile_pattern(rf"xx+ .*{LANDED}|.* (?:received|got) xx+")
#: A phrase that ends on the arriving: "it's landed".
_LANDED_LAST = compile_pattern(rf"{LANDED}$")


#: A field label that names no topic of its own ("Status:"): the heading above it does.
_BARE_STATUS = compile_pattern(r"[^\S\n]*(?:status|state|current status)\W*")
_REFUND_HEADING = compile_pattern(r"\b(?:refund|rfnd|reimburs)")
_RETURN_HEADING = compile_pattern(r"\b(?:return|rma)")


def _refund_section_field(doc: Document, hit: Hit) -> bool:
    """The hit is the value of a bare "Status:" line under a heading about the refund and not
    the return ("## Refund update / Status: Pending approval"): the refund's state."""
    if doc.layout is None or not doc.layout.headings:
        return False
    line = doc.masked.rfind("\n", 0, hit.start) + 1
    colon = doc.masked.find(":", line, hit.start)
    if colon < 0 or not _BARE_STATUS.fullmatch(doc.masked, line, colon + 1):
        return False
    above = [h for h in doc.layout.headings if h.end <= line]
    if not above:
        return False
    heading = doc.masked[above[-1].start : above[-1].end]
    return bool(_REFUND_HEADING.search(heading)) and not _RETURN_HEADING.search(heading)


def _keep(doc: Document, hit: Hit) -> bool:
    phrase = doc.masked[hit.start : hit.end]
    if _refund_section_field(doc, hit):
        return False
    if "\n" in phrase and _FIELD_LINE.match(doc.masked, hit.start + phrase.index("\n") + 1):
        return False  # "Return: RMA-1\nRequested amount: £36": two fields, not one phrase
    if hit.value == _RECEIVED and _BY_ID.fullmatch(phrase):
        # An item that arrived is the customer's delivery; the return's id is the return.
        at = hit.start + phrase.index("xx")
        mention = next((m for m in doc.mentions if m.start == at), None)
        if mention is None or mention.type is not SubjectType.RETURN:
            return False
    elif hit.value == _RECEIVED and _LANDED_LAST.search(phrase) and not phrase.startswith(_ARRIVER):
        return _SENT_BACK.search(doc.clause_text(doc.sentence_at(hit.start))) is not None
    if hit.value == _REFUNDED:
        word = doc.masked.rfind("refunded", hit.start, hit.end)
        return refunded_is_return_status(doc, max(word, hit.start))
    if clause_topic(doc, hit.start) in _NOT_A_RETURN or _MONEY_OBJECT.match(doc.masked, hit.end):
        return False  # "we have approved a refund of $36": the money's approval
    nouns = _ANY_NOUN.findall(doc.masked, doc.clause_at(hit.start).start, hit.start)
    if nouns and _MONEY_NOUNS.fullmatch(nouns[-1]):
        return False
    return hit.value == _REFUNDED or not _pronoun_of_money(doc, hit)


#: A line that opens on a field's label ("**Requested amount:** £36.00").
_FIELD_LINE = compile_pattern(r"[^\w\n]*\w[\w' -]{0,30}:")


@EXTRACTORS.register(ClaimKind.RETURN_STATUS)
def extract_return_status(doc: Document) -> list[Claim]:
    if not doc.return_context:
        return []
    table = (_TABLE, doc.context.vocabulary.rules_for(ClaimKind.RETURN_STATUS))
    hits = [
        hit
        for hit in scan(doc, *table)
        if _keep(doc, hit)
        and not ("|" in doc.masked and step_not_done(doc.masked, hit.start, hit.end))
        and not (doc.layout is not None and to_do(doc, hit.start))
    ]
    claims = claims_of(doc, ClaimKind.RETURN_STATUS, hits)
    if "|" in doc.masked:
        claims = _ticked(doc, claims)
    if _CLOSED.search(doc.masked):
        claims += _closed_and_refunded(doc)
    # A later stage told anywhere in the answer is where the return stands now ("1. The
    # parcel came back to us ✅ 2. We refunded £55 ✅").
    return supersede(claims, _STAGES)


#: (markdown9) A status board's column named by a return's state: its ticked cells.
_STATE_COLUMNS = {
    "received": "received",
    "back with us": "received",
    "inspected": "received",
    "approved": "approved",
    "label sent": "approved",
    "refunded": "refunded",
}


def _ticked(doc: Document, claims: list[Claim]) -> list[Claim]:
    """A table whose columns name states ("| Return | Received | Refund |"): a header claims
    nothing, and each row's tick under a state's column is that row's return's state."""
    kept = [c for c in claims if not in_header_row(doc.masked, c.span[0])]
    for start, end, value in ticked_cells(doc.masked, _STATE_COLUMNS):
        for subject in resolve(doc, ClaimKind.RETURN_STATUS, start, end):
            kept.append(Claim(ClaimKind.RETURN_STATUS, value, (start, end), subject))
    return kept


#: A return said to be over, as a whole: "Status: Closed", "RMA-1: closed ✅", "is complete".
_CLOSED = compile_pattern(r"\b(?:closed|complete|completed|finished|wrapped up|resolved)\b")
#: What the closed word is said of, on its line before it: the return by name or id, or (for
#: "closed" alone: a refund "completes", a case "closes") a bare state label.
_OF_A_RETURN = compile_pattern(r"\b(?:returns?|xx+)\b")
_STATE_LABEL = compile_pattern(r"\b(?:status|state)\b")
_CLOSED_NOUN = compile_pattern(r"\b(?:returns?|refunds?|reimbursements?|payments?|money|xx+)\b")


def _closed_and_refunded(doc: Document) -> list[Claim]:
    """A return said closed or complete, in an answer that tells its refund issued, has been
    refunded ("Return RMA-1: closed ✅ — we refunded the full £34.99", "> Status: Closed /
    > Resolution: Refund issued"): the close is the refund's (closed without one is not)."""
    issued = {c.subject for c in EXTRACTORS[ClaimKind.REFUND](doc) if c.value == "issued"}
    found: list[Claim] = []
    for match in _CLOSED.finditer(doc.masked) if issued else ():
        start, end = match.span()
        line = doc.masked.rfind("\n", 0, start) + 1
        clause = doc.clause_at(start)
        nouns = _CLOSED_NOUN.findall(doc.masked, line, start)
        if nouns and _MONEY_NOUNS.fullmatch(nouns[-1]):
            continue  # "RMA-1: refund completed": the refund's close, not the return's
        said_of = _OF_A_RETURN.search(doc.masked, line, start) or (
            match.group() == "closed" and _STATE_LABEL.search(doc.masked, line, start)
        )
        if not said_of or negated(doc, clause, start, end):
            continue
        for subject in resolve(doc, ClaimKind.RETURN_STATUS, start, end):
            if subject in issued:
                found.append(Claim(ClaimKind.RETURN_STATUS, _REFUNDED, (start, end), subject))
    return found
