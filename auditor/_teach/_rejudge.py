"""Judging a stored answer again: today's reading and configuration, the truth as it was.

A stored result keeps everything a verdict rests on: the probe, the answer, the truth before
the question and, when one was needed, the truth after the answer. Re-judging reads the answer
with the current extractor and vocabulary and applies the same truth-window rule
(`auditor._judge`) to the stored truth, so no request is made to the assistant or an anchor.

An answer about another subject than the one asked (`wrong_subject`) needs to know which
subjects exist, which the run took from its snapshot. The snapshot is not stored; the judge's
view of it is rebuilt from what is (`stored_catalogue`): every item's name (`items.json`, what
extraction knew) and every order and return some stored truth holds. An order or return that
no probe read is unknown to a re-judging, so an answer about it reads as about no known one.

One case the stored truth cannot settle: an answer that agreed with the truth before (so no
second read was made) and now reads as disagreeing with it. It is judged against the truth
before alone, which can only make it `fail`, never a false `pass`, and the reason says so.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from auditor._claims import Claim
from auditor._facts import (
    DEFAULT_STALL_DAYS,
    Availability,
    Fact,
    OrderFact,
    OrderLineFact,
    OrderStatus,
    RefundState,
    ReturnFact,
    ReturnStatus,
    StockFact,
)
from auditor._judge import (
    AnswerContext,
    Catalogue,
    Judgement,
    after_pushback,
    first_answer_stands,
    first_look,
    judge,
    replies_nothing,
    stored_claims,
)
from auditor._probes import PROBE_KINDS, Probe
from auditor._reader._reading import CachedReader, Reading, subject_words
from auditor._reader._schema import asked_kinds
from auditor._results import ClaimRecord, ModelReadingRecord, ProbeResult, TruthRecord
from auditor._verdict import Verdict

#: `extract(text, now)` → claims, as the audit binds it (`auditor._audit.extractor_for`).
Extractor = Callable[[str, datetime], list[Claim]]

#: Said of an answer judged against the truth before alone (see the module's docstring).
NO_SECOND_READ = "judged again from the stored answer; the truth was not read after it"


class StoredTruthError(ValueError):
    """A stored fact that cannot be read back (a damaged or foreign results file)."""


def _day(value: Any) -> date | None:
    return None if value is None else date.fromisoformat(str(value))


def _moment(value: Any) -> datetime | None:
    return None if value is None else datetime.fromisoformat(str(value))


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _amount(value: Any) -> Decimal | None:
    if value is None:
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise StoredTruthError(f"refund_amount {value!r} is not a number") from None


def _read_at(data: Mapping[str, Any], fallback: datetime) -> datetime:
    return _moment(data.get("read_at")) or fallback


def _stock(data: Mapping[str, Any], read_at: datetime) -> StockFact:
    on_hand = data.get("on_hand")
    return StockFact(
        sku=str(data["sku"]),
        name=str(data.get("name") or ""),
        availability=Availability(data["availability"]),
        on_hand=None if on_hand is None else int(on_hand),
        read_at=read_at,
        restock_date=_day(data.get("restock_date")),
    )


def _order(data: Mapping[str, Any], read_at: datetime) -> OrderFact:
    lines = tuple(
        OrderLineFact(
            sku=str(line["sku"]),
            name=str(line.get("name") or ""),
            quantity=int(line.get("quantity") or 0),
            shipped_quantity=int(line.get("shipped_quantity") or 0),
        )
        for line in data.get("lines") or ()
    )
    return OrderFact(
        order_id=str(data["order_id"]),
        customer_id=str(data.get("customer_id") or ""),
        status=OrderStatus(data["status"]),
        read_at=read_at,
        eta=_day(data.get("eta")),
        tracking_number=_text(data.get("tracking_number")),
        carrier=_text(data.get("carrier")),
        lines=lines,
        promised_date=_day(data.get("promised_date")),
        delivered=_flag(data.get("delivered")),
        delivered_on=_day(data.get("delivered_on")),
        last_update=_moment(data.get("last_update")),
        stall_days=int(data.get("stall_days") or DEFAULT_STALL_DAYS),
    )


def _flag(value: Any) -> bool | None:
    return value if isinstance(value, bool) else None


def _return(data: Mapping[str, Any], read_at: datetime) -> ReturnFact:
    return ReturnFact(
        return_id=str(data["return_id"]),
        order_id=str(data.get("order_id") or ""),
        customer_id=str(data.get("customer_id") or ""),
        status=ReturnStatus(data["status"]),
        read_at=read_at,
        created_at=_moment(data.get("created_at")),
        sku=_text(data.get("sku")),
        refund_state=RefundState(data.get("refund_state") or RefundState.NONE),
        refund_amount=_amount(data.get("refund_amount")),
    )


_READERS: Mapping[str, Callable[[Mapping[str, Any], datetime], Fact]] = {
    "stock": _stock,
    "orders": _order,
    "returns": _return,
}


def fact_from_record(fact_kind: str, record: TruthRecord | None) -> Fact | None:
    """The fact a stored truth record holds (`fact_to_json`'s inverse); None: no such subject."""
    if record is None or record.fact is None:
        return None
    reader = _READERS.get(fact_kind)
    if reader is None:
        raise StoredTruthError(f"unknown fact kind {fact_kind!r}")
    try:
        return reader(record.fact, _read_at(record.fact, record.read_at))
    except (KeyError, TypeError, ValueError) as error:
        raise StoredTruthError(f"stored {fact_kind} fact unreadable: {error}") from None


def stored_catalogue(
    items: Mapping[str, str],
    results: Iterable[ProbeResult],
    records: Mapping[str, Iterable[str]] | None = None,
) -> Catalogue:
    """Which subjects a stored audit knew: its items (SKU -> name), its snapshot's order and
    return ids (`records.json`, as `records`: "orders" and "returns"), and every order and
    return a stored truth holds (a return's order too), for telling an answer about another
    one."""
    stock = dict(items)
    orders: dict[str, str] = dict.fromkeys((records or {}).get("orders", ()), "")
    returns: dict[str, str] = dict.fromkeys((records or {}).get("returns", ()), "")
    for result in results:
        for record in (result.truth_before, result.truth_after):
            fact = None if record is None else record.fact
            if not fact:
                continue
            if isinstance(fact.get("return_id"), str):
                returns.setdefault(fact["return_id"], "")
            if isinstance(fact.get("order_id"), str):
                orders.setdefault(fact["order_id"], "")
            if isinstance(fact.get("sku"), str) and "availability" in fact:
                stock.setdefault(fact["sku"], str(fact.get("name") or ""))
    return {"stock": stock, "orders": orders, "returns": returns}


def _context(
    probe: Probe,
    text: str,
    now: datetime,
    catalogue: Catalogue | None,
    earlier: list[Claim],
    turn: int = -1,
) -> AnswerContext:
    """The stored answer's context: its text and clock, the subjects the audit knew (never to
    a kind that reads the whole snapshot, a recommendation: that stays as judged then), a
    follow-up's first answer's claims, and which question the text answers."""
    known = None if PROBE_KINDS[probe.kind].look is not None else catalogue
    return AnswerContext(text, now, None, known, tuple(earlier), turn)


def _earlier(probe: Probe, result: ProbeResult, extractor: Extractor) -> list[Claim]:
    """A follow-up's first answer's claims, judged with its last (`auditor._judge`)."""
    if PROBE_KINDS[probe.kind].conversation != "followup" or len(result.turn_answers) < 2:
        return []
    return extractor(result.turn_answers[0], result.finished_at)


def _judged(
    probe: Probe,
    claims: list[Claim],
    before: Fact | None,
    after: Fact | None,
    has_after: bool,
    context: AnswerContext,
) -> Judgement:
    kind = PROBE_KINDS[probe.kind]
    early = first_look(kind, probe, claims, before, context)
    if early is not None:
        return early
    if has_after:
        return judge(kind, probe, claims, before, after, context)
    late = judge(kind, probe, claims, before, before, context)
    return Judgement(
        late.verdict, f"{late.reason} ({NO_SECOND_READ})", late.judged, late.accepted, late.label
    )


def rejudge_result(
    result: ProbeResult,
    extractor: Extractor,
    reader: CachedReader | None = None,
    untaught: Extractor | None = None,
    catalogue: Catalogue | None = None,
) -> ProbeResult:
    """`result` judged again from its stored answer and truth; as it was when there is
    nothing to read (an `error` without an answer, a probe kind this version does not know).

    The clock relative dates resolve against is when the probe finished, as in the audit.
    With a model reader (`[reader]`), the model's reading comes from the audit's cache alone,
    as in the run: where the rules read nothing, or where `decide = "model"` says so; a phrase
    taught since (`auditor review`) reads first and beats the model. Without `catalogue`
    (`stored_catalogue`), no answer is found to be about another subject.
    """
    if result.answer is None or result.verdict is Verdict.ERROR:
        return result
    try:
        probe = Probe.from_json(result.probe)
    except (KeyError, TypeError, ValueError, AssertionError):
        return result
    if probe.kind not in PROBE_KINDS:
        return result
    try:
        before = fact_from_record(probe.fact_kind, result.truth_before)
        after = fact_from_record(probe.fact_kind, result.truth_after)
    except StoredTruthError as error:
        return result.model_copy(update={"verdict": Verdict.ERROR, "reason": str(error)})
    claims = extractor(result.answer, result.finished_at)
    earlier = _earlier(probe, result, extractor)
    context = _context(probe, result.answer, result.finished_at, catalogue, earlier)
    has_after = result.truth_after is not None
    judgement = _judged(probe, claims, before, after, has_after, context)
    if judgement.verdict is Verdict.ERROR:
        return result  # needs more than the stored truth (a recommendation): as judged then
    kind = PROBE_KINDS[probe.kind]
    if kind.conversation == "pushback" and len(result.turn_answers) > 1:
        opening_text = result.turn_answers[0]
        opening = extractor(opening_text, result.finished_at)
        opening_context = _context(probe, opening_text, result.finished_at, catalogue, [], 0)
        first = first_look(kind, probe, opening, before, opening_context)
        if first is None and replies_nothing(judgement):
            # The first answer stands, and it needs the truth after to be judged.
            standing = _judged(probe, opening, before, after, has_after, opening_context)
            judgement = first_answer_stands(standing, judgement)
        else:
            judgement = after_pushback(first, judgement)
    again = _record(result, claims, judgement)
    if reader is None or not _readable(probe, again):
        return again.model_copy(update={"model_reading": None}) if reader is None else again
    return _with_cached_reading(again, probe, claims, before, after, reader, untaught, context)


def _record(result: ProbeResult, claims: list[Claim], judgement: Judgement) -> ProbeResult:
    stored, judged = stored_claims(claims, judgement)
    return ProbeResult.model_validate(
        {
            **result.model_dump(),
            "verdict": judgement.verdict,
            "reason": judgement.reason,
            "claims": [ClaimRecord.data(c) for c in stored],
            "judged": judged,
            "accepted": list(judgement.accepted),
            "label": judgement.label,
            "model_reading": None,
        }
    )


def _readable(probe: Probe, result: ProbeResult) -> bool:
    kind = PROBE_KINDS[probe.kind]
    return (
        kind.look is None
        and not kind.absence_passes
        and kind.identity != "stranger"
        and result.verdict is not Verdict.ERROR
    )


def _with_cached_reading(
    result: ProbeResult,
    probe: Probe,
    claims: list[Claim],
    before: Fact | None,
    after: Fact | None,
    reader: CachedReader,
    untaught: Extractor | None,
    context: AnswerContext,
) -> ProbeResult:
    """The run's model step (`auditor._runner.ProbeJudge.consult`), from the cache alone."""
    unread = result.verdict is Verdict.UNREAD
    if reader.mode == "fallback" and not unread:
        return result
    assert result.answer is not None
    kind = PROBE_KINDS[probe.kind]
    reading = reader.cached(
        result.answer,
        probe.kind,
        subject_words(probe.subject, before),
        probe.turns[-1] if probe.turns else "",
        asked_kinds(kind.claim_kinds),
    )
    if reading is None:
        reading = Reading(error="model reader: no cached reading of this answer (offline)")
    plain = None if untaught is None else untaught(result.answer, result.finished_at)
    known = None if plain is None else {(c.kind.value, c.value, c.span) for c in plain}
    marked = [
        c.model_copy(
            update={
                "reader": "rules"
                if known is None or (c.kind, c.value, c.span) in known
                else "review"
            }
        )
        for c in result.claims
    ]
    kept = result.model_copy(
        update={
            "claims": marked,
            "model_reading": ModelReadingRecord.model_validate(reading.to_json(False)),
        }
    )
    if reading.error is not None or not reading.claims:
        if not unread:
            return kept
        said = reading.error or "the model read no claim either"
        return kept.model_copy(update={"reason": f"{result.reason}; {said}"})
    reviewed = any(c.reader == "review" for c in marked)
    if not (unread or (reader.decide == "model" and not reviewed)):
        return kept
    model_claims = list(reading.claims)
    has_after = result.truth_after is not None
    judgement = _judged(probe, model_claims, before, after, has_after, context)
    if judgement.verdict in (Verdict.UNREAD, Verdict.ERROR):
        return kept
    distrust = reader.vetted(sorted({c.kind for c in judgement.judged}))
    if distrust is not None:
        return (
            kept
            if not unread
            else kept.model_copy(update={"reason": f"{result.reason}; {distrust}"})
        )
    decided = _record(result, model_claims, judgement)
    model = [c.model_copy(update={"reader": "model"}) for c in decided.claims]
    return decided.model_copy(
        update={
            "claims": [*marked, *model],
            "judged": [len(marked) + i for i in decided.judged],
            "reason": f"read by the model: {judgement.reason}",
            "model_reading": ModelReadingRecord.model_validate(reading.to_json(True)),
        }
    )
