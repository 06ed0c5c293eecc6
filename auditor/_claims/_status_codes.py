"""The stage names of a warehouse's and a returns desk's systems, as an agent reads them off.

An agent tells an order's or a return's state in the words of the screen in front of them:
the warehouse system's steps ("at pick/pack", "in wave 3", "awaiting allocation", "label
printed", "dropped out of pick on a short"), the carrier's hand-over ("despatch confirmed",
"scanned on to the trailer", "missed the trunk", "went on the 2pm collection", "DPD collected
it"), the returns desk's ("awaiting return", "QC passed", "credited", "refund processed").
They are the same stages the plain words name, so each is read as that stage; the order
families run only where the answer talks about an order (`_orders._AMBIGUOUS`), the return
families where a return is spoken of (`_returns`). Every rule opens on a rare word.
"""

from __future__ import annotations

from auditor._claims._lexicon import CARRIER_NAMES, MONEY_DESK, REFUND_NOUN
from auditor._claims._rules import rules

#: An order being made ready, by the warehouse system's steps.
ORDER_PROCESSING = rules(
    "processing",
    r"pick ?(?:/|and|&|n|-) ?pack\b",
    r"(?:awaiting|waiting for|pending|waiting on) (?:allocation|picking|pick|packing|pack)\b",
    r"wave (?:\d+|one|two|three|four)\b(?! (?:of|in)\b)",
    r"label(?:'s| has| is)? (?:been |now |just )?printed\b",
    r"(?:dropped|fell|come|came) out of (?:the )?(?:pick|picking|pack|packing)\b",
    r"short[- ]?pick(?:ed)?\b",
    r"qc hold\b",
    # On the carrier's list but not yet collected: "manifested, collection at 4".
    r"manifested(?! (?:[\w-]+ ){0,3}?and (?:[\w-]+ ){0,2}?(?:collected|picked up|gone|left"
    r"|shipped|took|taken|has|had|got))\b",
    # Where orders wait for the van: "in the despatch bay".
    r"(?:despatch|dispatch|loading|goods out) (?:bay|dock|cage)\b",
    negated_yet="pending",
)
#: An order in the carrier's hands, by the hand-over's events.
ORDER_SHIPPED = rules(
    "shipped",
    r"(?:despatch|dispatch|shipment|collection) (?:confirmed|scanned|complete)\b",
    r"scanned (?:on ?to|onto|into|on) (?:the |a )?(?:trailer|van|lorry|truck|network)\b",
    r"(?:missed|made|caught) the (?:night |evening )?trunk\b",
    r"trunked\b",
    r"(?:went|gone|left) (?:out )?on (?:the|today's|yesterday's|this morning's|last night's)"
    r" (?:[\w-]+ ){0,2}?(?:collection|pickup|pick-up|trailer|trunk)\b",
    rf"(?:{CARRIER_NAMES[3:-1]}|courier|driver) (?:collected|picked up) (?:it|them|the parcel"
    r"|the order|xx+)\b",
    r"manifested (?:[\w-]+ ){0,3}?and (?:[\w-]+ ){0,2}?(?:collected|picked up|gone|left"
    r"|shipped|took|taken)\b",
    # The carrier took it: "Yodel took it at 7".
    rf"(?:{CARRIER_NAMES[3:-1]}|courier|driver) (?:took|has taken|have taken|took away)"
    r" (?:it|them|the parcel|the order|xx+)\b",
)
#: (agent9) The carrier doing something with the parcel now or before now: it is in their hands
#: ("the van driver scanned ORD-1 on at 7", "the courier is bringing it back to us", "Royal
#: Mail's tracking has it at the Mount Pleasant centre", "it's been quick through the hub", "the
#: driver's on his last drop run"). A collection is the dispatch itself (`ORDER_SHIPPED`); a
#: carrier's promise to come is no stage.
CARRIER_HANDLING = rules(
    "shipped",
    # (Not the carrier moving or booking the day, "DHL have pushed it to Tuesday", "they've got
    # ORD-1 down for Saturday": a date, no stage, d7a-agent-044; nor a return scanned in.)
    rf"(?:{CARRIER_NAMES[3:-1]}|courier|driver)(?:'s| has| have| are| is|'re)?"
    r" (?:bringing|returning|holding) (?:it|them|the parcel|the order|xx+)\b",
    rf"(?:{CARRIER_NAMES[3:-1]}|courier|driver) scanned (?:it|them|the parcel|xx+) on\b",
    r"tracking (?:on xx+ |for xx+ )?(?:has|shows|puts|had) (?:it|them|the parcel|xx+) (?:at|in)\b",
    r"(?:quick|fast|slow|flying) through the (?:hub|depot|sort(?:ing)? cent(?:re|er))\b",
    r"(?:driver|van)(?:'s| is) (?:on|out on) (?:his|her|their|the) (?:[\w-]+ ){0,2}?(?:run|rounds"
    r"|round)\b",
    # On the carrier's network, our own vans, a drop number on today's run, an attempt made.
    # (Not "refused at the door" alone: the order it goes back to is often cancelled in the
    # next words, and a hard-wrapped line then reads the two apart, d3o-br-011.)
    rf"(?:{CARRIER_NAMES[3:-1]}|courier's|carrier's|their|delivery) network\b",
    r"with our own (?:vans?|drivers?|fleet|delivery team)\b",
    r"(?:drop|stop) (?:number )?\d+\b(?! (?:days?|weeks?|hours?|minutes?|mins?|am|pm|percent)\b)",
    r"(?:attempted|tried) (?:it|delivery|xx+) (?:this morning|this afternoon|earlier|yesterday"
    r"|today|at \d)",
)
#: (agent9) An order waiting on stock to come in is being made ready: "it's waiting on stock",
#: "it's waiting on the Air Fryer to come in from the supplier" (more precise than "hasn't
#: left").
WAITING_ON_STOCK = rules(
    "processing",
    r"waiting (?:on|for) (?:stock|more stock|the (?:rest of the )?stock|(?:the |an? )?xx+)"
    r"(?=\s*(?:[,.;!]|$| to (?:come|arrive|land|turn up|be)| which| that| from))",
)
#: (agent9) What people at the shop did to make the order ready: "boxed it up", "still building
#: the wheels for ORD-1".
HANDS_ON = rules(
    "processing",
    r"boxed (?:it |them |xx+ )?up\b",
    r"(?:building|assembling|building up|truing) (?:the )?(?:wheels?|bike|frame|it)\b",
)
#: (agent9) A check the order waits on: "stuck in fraud review", "under a payment check".
HELD_FOR_CHECK = rules(
    "pending",
    r"(?:fraud|risk|payment|security) review\b",
    r"(?:fraud|risk) (?:check|hold)\b",
)
#: (agent9) The driver's photo at the door: delivered ("I can see the driver's photo of ORD-1
#: on your doorstep").
AT_THE_DOOR = rules(
    "delivered",
    r"(?:photo|picture|pic) (?:of (?:it|xx+|the parcel|your parcel) )?(?:on|at|by|in) (?:your"
    r"|the) (?:doorstep|front door|door|porch|step|safe place)\b",
)
#: An order's label quoted off the screen (`_screen`): "'Held - Payment'".
ORDER_PENDING = rules("pending", r"(?:held|hold)\W{1,3}(?:payment|pmt|fraud|address|security)\b")
#: A return's stages on the returns desk's screen.
RETURN_APPROVED = rules(
    "approved", r"awaiting (?:the )?return\b", r"awaiting (?:the )?parcel back\b"
)
RETURN_RECEIVED = rules(
    "received",
    r"qc (?:passed|complete|completed|done|ok)\b",
    r"qc'd\b",
    r"(?:inspected|checked|tested)\W{1,3}(?:ok|passed|pass|fine|good)\b",
    # (agent9) Booked in by the people who receive it, or passed by who checks it: "RMA-1 got
    # booked in by goods-in", "the workshop passed your returned helmet".
    r"(?:booked|checked|signed|scanned) in (?:by|at|this|yesterday|today|on|earlier)\b",
    r"goods[- ]in (?:have|has|got|booked|received|scanned|logged)\b",
    r"passed (?:your|the) returned\b",
)
#: (agent9) A return waiting on the customer's evidence: "it's just waiting on photos from you".
RETURN_REQUESTED = rules(
    "requested",
    r"waiting (?:on|for) (?:photos|pictures|images|a video|more details|more info|proof)\b",
)
#: ("Credited" as the return's label, not the money "credited to your card".)
RETURN_REFUNDED = rules(
    "refunded",
    r"credited(?! (?:to|back|on|onto|into|in|the|your|ur|\w+ to)\b)",
    r"refund processed\b",
)
#: The money with the desk that pays it out, or in its next run: "it's with finance for the
#: refund", "in the finance batch for Friday".
REFUND_PENDING = rules(
    "pending",
    rf"(?:{MONEY_DESK[3:-1]}|refunds?)(?: team| dept| department| desk)? for (?:the|your|a"
    rf"|its) {REFUND_NOUN}\b",
    rf"(?:{MONEY_DESK[3:-1]}|payment|refund|refunds|bacs|pay-?out) (?:batch|run)\b",
    # (agent9) "your refund's been sat at pending since Friday".
    # (The refund's own: an order "sat in pending" is the order's, ag-0133.)
    rf"{REFUND_NOUN}(?:'s| has| is)?(?: been)? (?:sat|sitting|stuck|parked) (?:at|in|on) pending\b",
)
#: (agent9) The money put through by the agent, or in a run already made: "I've pushed the
#: refund of £64.99 through", "finance ran the refunds batch at 2, yours was in it".
REFUND_ISSUED = rules(
    "issued",
    rf"(?:pushed|put|sent) (?:the |your |that )?{REFUND_NOUN} (?:(?:of|for) [^ ]+ )?through\b",
    rf"ran the (?:refunds?|payment|{MONEY_DESK[3:-1]}) (?:batch|run)\b",
)
