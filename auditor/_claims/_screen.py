"""What an agent reads off a screen: a system's label quoted after the words that report it.

A contact-centre agent pastes or repeats what their screen, the warehouse system or the
carrier's portal shows: "the tracking went to 'Delivered' on Saturday", "the portal has
ORD-1 as 'Delivered to neighbour'", "it's been sat in 'awaiting payment' since Thursday",
"showing the Walking Poles as 'Available - 2-3 days'". The quoted words are the system's
state told by the agent, not the customer's words echoed back (`_echoes`), so they are read.

`_echoes._REPORTING` knows a reporting word right before the quote ("shows", "marked as");
an agent puts more between them: a record ("has ORD-1 as"), a move ("went to", "flipped
to"), a queue the order sits in ("sat in"), or the item the label is about ("showing the
Walking Poles (pair) as"). Kept apart from `_echoes` because it is the agent voice's way of
reporting; the patterns open on rare words and run only where a quote opens.
"""

from __future__ import annotations

from auditor._claims._compiled import compile_pattern

#: How far before a quote its reporting words may stand ("showing the Walking Poles (pair) as").
LOOK_BACK = 72

#: A record as an agent names it: its id ("ORD-1", "RMA-8") or an order by its number ("order
#: #81472", whose "#" is a blank once normalised).
_RECORD = r"(?:[a-z]{2,5}-\d{2,}|ord(?:er)?\.?(?: (?:no\.?|number))?[ (:]{1,3}\d{4,9})"
#: The words before a quote that say a system shows it, in an agent's ways.
REPORTED = compile_pattern(
    # A move of the record: "went to 'Delivered'", "flipped ORD-1 to", "has just gone to".
    r"\b(?:went|gone|goes|going|flipped|flips|switched|changed|moved|updated|jumped|dropped)"
    r"(?: [\w-]+){0,2}? (?:over )?to\s*:?\s*$"
    # A record held as a label, its thing between them: "has ORD-1 as", "got it down as",
    # "showing the Walking Poles (pair) as", "it's logged as", "booked in as".
    r"|\b(?:has|have|had|got|gets|showing|shows|shown|show|listed|lists|logged|marked|flagged"
    r"|booked|coded|scanned|reads|reading|down)\b[^\"'.!?\n]{0,50}\bas\s*:?\s*$"
    # A queue or state the order sits in: "sat in 'awaiting payment'", "stuck at 'exception'".
    r"|\b(?:sat|sitting|sits|stuck|parked|waiting|held|sitting there) (?:in|at|on|under)\s*$"
    # The record itself, then its label (agent8): "ORD-1 is still in 'Awaiting Payment'",
    # "RMA-8 is at 'Refund Processed'", "ORD-2: 'Received at depot'", "status on ORD-3 is".
    rf"|\b{_RECORD}(?:'s| is| are| was| has been)?(?: still| now| currently| just)?"
    r"(?: in| at| on| under| set to| showing)?\s*:?\s*$"
    rf"|\bstatus(?: on| for| of)?(?: {_RECORD})? (?:is|was|reads|says|shows)\s*:?\s*$"
    # What a search brings back: "comes up as 'Pre-order'".
    r"|\b(?:comes?|coming|came) up (?:as|with)\s*:?\s*$"
)


def reported(norm: str, start: int) -> bool:
    """The quote opening at `start` of `norm` (normalised) follows an agent's reporting words."""
    return REPORTED.search(norm, max(0, start - LOOK_BACK), start) is not None
