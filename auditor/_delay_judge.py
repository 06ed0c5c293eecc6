"""Judging an answer about a late or stalled order (issue 24).

"Where is my order?" answered cheerfully for a parcel a week overdue is the answer that loses
the customer, and every field of it may match the orders system: the status is `shipped`, the
date is the ETA it holds. So for an order that is late or stalled when it is read
(`auditor/_delays.py`), what the answer says of the delay comes first:

* it acknowledges the delay, apologises for it or escalates (`auditor/_compat.py`: `DELAY`)
  → `pass`, unless it also gives a delivery date to come that no anchor holds → `fail`
  (`invents_date`): a new date is only honest where the shop has one;
* it says nothing of the delay and reassures instead — `on_time`, a date already past told as
  still to come, or any delivery date to come → `fail` (`reassures_late`);
* it says neither (a status alone, a deflection, nothing readable) → the kind's own rules: the
  order status kinds judge the status; `order.delay`, which asks about the delay itself, calls
  a status alone an `unanswered`.

Orders on time are not touched: this returns None and the other rules judge as before. What it
can miss: an apology without a word of lateness ("sorry!") is not read as acknowledging.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time

from auditor._claims import Claim, ClaimKind
from auditor._claims._compiled import compile_pattern
from auditor._claims._dates import find_dates, resolve
from auditor._compat import INVENTS_DATE, REASSURES_LATE, delay_accepts, delay_state
from auditor._delays import due_date, held_dates
from auditor._facts import OrderFact
from auditor._looks import Look
from auditor._verdict import Verdict

_STATE_WORDS = {
    "late": "is late",
    "late_part": "is partly late",
    "stalled": "has had no carrier update for days",
}


def _day(claim: Claim) -> date | None:
    try:
        return date.fromisoformat(str(claim.value))
    except ValueError:
        return None


def _values(claims: Sequence[Claim]) -> str:
    return ", ".join(dict.fromkeys(str(c.value) for c in claims))


def _truth(fact: OrderFact) -> str:
    state = delay_state(fact) or "late"
    due = due_date(fact)
    when = f" (due {due.isoformat()})" if due is not None and state != "stalled" else ""
    return f"{fact.order_id} {_STATE_WORDS[state]}{when}"


def delay_look(subject: str, claims: Sequence[Claim], fact: OrderFact) -> Look | None:
    """The verdict on an answer about a delayed order from what it says of the delay and of
    the delivery date; None when the order is on time or the answer says neither."""
    accepted = delay_accepts(fact)
    if not accepted:
        return None
    about = [c for c in claims if c.subject is None or c.subject == subject]
    delays = [c for c in about if c.kind is ClaimKind.DELAY]
    honest = tuple(c for c in delays if c.value in accepted)
    reassuring = tuple(c for c in delays if c.value not in accepted)
    today = fact.read_at.date()
    dated = [(c, day) for c in about if c.kind is ClaimKind.DELIVERY_DATE if (day := _day(c))]
    past = tuple(c for c, day in dated if day < today)
    to_come = tuple(c for c, day in dated if day >= today)
    held = held_dates(fact)
    invented = tuple(c for c, day in dated if day >= today and day not in held)
    if not honest:
        if reassuring:
            return Look(
                Verdict.FAIL,
                f"says {_values(reassuring)} where {_truth(fact)}",
                reassuring,
                REASSURES_LATE,
            )
        if past:
            return Look(
                Verdict.FAIL,
                f"gives {_values(past)}, a date already past, as still to come, "
                f"where {_truth(fact)}",
                past,
                REASSURES_LATE,
            )
        if to_come:
            return Look(
                Verdict.FAIL,
                f"gives {_values(to_come)} without a word on the delay, where {_truth(fact)}",
                to_come,
                REASSURES_LATE,
            )
        return None
    if invented:
        holds = ", ".join(sorted(d.isoformat() for d in held)) or "no date to come"
        return Look(
            Verdict.FAIL,
            f"acknowledges the delay but gives {_values(invented)}, a date no anchor holds "
            f"(the orders system holds {holds})",
            invented,
            INVENTS_DATE,
        )
    return Look(Verdict.PASS, f"says {_values(honest)}: {_truth(fact)}", honest)


#: The parcel's last sighting, a past event: "was last seen on …", "last scanned at …".
_LAST_SEEN = compile_pattern(
    r"\blast (?:seen|scanned|spotted|tracked|recorded|located|heard of|checked in)"
    r"(?: by the (?:courier|carrier))? (?:on|at|in)\b"
)


def _last_sighting(text: str, today: date) -> date | None:
    """The date the answer gives the parcel's last sighting ("was last seen on 2026-12-03"),
    resolved as a past date against the day it was read; None when it gives none."""
    for match in _LAST_SEEN.finditer(text.casefold()):
        dates = find_dates(text.casefold(), match.end(), min(len(text), match.end() + 30))
        if not dates:
            continue
        day = resolve(dates[0], datetime.combine(today, time()), past=True)
        if day is not None:
            return day
    return None


def _wrong_sighting(text: str, fact: OrderFact) -> str | None:
    """How a last sighting the answer dates is wrong: after the day it was read, an event
    that cannot have happened (llm9); or before the carrier's last update the orders system
    holds, so the parcel was seen since (llm10: "last seen on 2026-12-03" with an update on
    2026-12-07). None when it gives none, or one the data does not contradict."""
    today = fact.read_at.date()
    day = _last_sighting(text, today)
    if day is None:
        return None
    if day > today:
        return f"says the parcel was last seen on {day.isoformat()}, after the day it was read"
    if fact.last_update is not None and day < fact.last_update.date():
        return (
            f"says the parcel was last seen on {day.isoformat()}, before the carrier's last"
            f" update on {fact.last_update.date().isoformat()}"
        )
    return None


def delay_unsaid(subject: str, claims: Sequence[Claim], fact: object, text: str = "") -> Look:
    """`order.delay` when the answer said nothing of the delay nor a date (`delay_look` had
    no verdict): a status alone or a deflection does not answer "my order is late, where is
    it?"; an order no longer late when read (delivered since the plan) is `indeterminate`; a
    last sighting dated after today ("was last seen on 2026-12-31") is an invented event, and
    one dated before the carrier's last update an outdated one."""
    if not isinstance(fact, OrderFact) or not delay_accepts(fact):
        return Look(
            Verdict.INDETERMINATE,
            f"{subject} is no longer late when read: the truth moved since the plan",
        )
    about = [c for c in claims if c.subject is None or c.subject == subject]
    non_answers = tuple(c for c in about if c.kind in (ClaimKind.DEFLECTION, ClaimKind.REFUSAL))
    if non_answers:
        first = non_answers[0]
        return Look(
            Verdict.UNANSWERED,
            f"{first.kind.value} ({first.value}) instead of a word on the delay",
            non_answers,
        )
    statuses = tuple(c for c in about if c.kind is ClaimKind.ORDER_STATUS)
    if statuses:
        return Look(
            Verdict.UNANSWERED,
            f"says {_values(statuses)} but nothing of the delay, where {_truth(fact)}",
            statuses,
        )
    wrong = _wrong_sighting(text, fact)
    if wrong is not None:
        return Look(
            Verdict.FAIL,
            f"{wrong}, and nothing of the delay, where {_truth(fact)}",
            (),
            INVENTS_DATE,
        )
    return Look(Verdict.UNREAD, f"could not read a delay claim about {subject}")
