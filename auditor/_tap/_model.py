"""The tap's data: recorded anchor calls (`tap.jsonl`) and the orchestration map built from them.

A call record holds what the join and the map need and nothing secret: the customer named by an
identity header, a keyed hash of the credentials (never the value), the values of the
operation's declared parameters (ids and filters), and only the names of undeclared query
parameters (an API key in the query is one).
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AuthSeen(_Model):
    """The credentials of a call, without them."""

    scheme: str
    #: HMAC-SHA256 under a key made for one recording: equal within it, meaningless outside.
    fingerprint: str
    #: The subject (`sub`) of a JWT bearer token, readable without any key; else None.
    owner: str | None = None


class TapCall(_Model):
    entry_type: Literal["call"] = "call"
    seq: int
    started_at: datetime
    duration_ms: float
    #: Time to the response's headers.
    ttfb_ms: float | None = None
    method: str
    path: str
    #: The origin the call was forwarded to.
    upstream: str
    anchor: str | None = None
    operation_id: str | None = None
    #: The canonical fact kind the operation serves, when the anchor's mapping says so.
    fact_kind: str | None = None
    path_params: dict[str, str] = Field(default_factory=dict)
    #: Query parameters the operation declares, with their values.
    query: dict[str, list[str]] = Field(default_factory=dict)
    #: Query parameters it does not declare: names only.
    undeclared_query: list[str] = Field(default_factory=list)
    status: int
    identity: str | None = None
    auth: AuthSeen | None = None
    request_bytes: int = 0
    response_bytes: int = 0
    #: Why the proxy answered itself (the anchor unreachable: 502), else None.
    error: str | None = None
    #: The W3C trace id of the call's `traceparent`, when the caller propagates one (an
    #: assistant that traces itself); from a span, the span's own.
    trace_id: str | None = None

    def values(self) -> set[str]:
        """Every id or filter value the call names: what the join matches probes by."""
        named = set(self.path_params.values())
        for values in self.query.values():
            named.update(values)
        return {v for v in named if v}


class OperationCount(_Model):
    anchor: str
    operation_id: str
    #: Calls attributed to probes of the kind (direct, shared and ambiguous).
    calls: int
    #: Of those, calls naming the subject of several overlapping probes.
    shared: int
    #: Of those, calls naming none of the probes' entities (given to every overlapping probe).
    ambiguous: int
    #: Probes of the kind with at least one such call.
    probes: int
    #: Calls answered with 404 or a 5xx.
    errors: int
    #: Calls by outcome: the HTTP status (`"200"`, `"404"` …), or for a call with no status
    #: (a database or tool span) `"ok"` or `"error"` (its span's status).
    statuses: dict[str, int] = Field(default_factory=dict)


FlagName = Literal[
    "not_consulted",
    "foreign_identity",
    "no_identity",
    "error_hidden",
    "error_passed_on",
    "nothing_recorded",
    "untraced",
]


class MapFlag(_Model):
    flag: FlagName
    #: `warning`: the answers rest on the wrong thing; `info`: worth knowing, not a fault.
    severity: Literal["warning", "info"] = "warning"
    kind: str | None
    count: int
    of: int
    message: str
    probe_ids: list[str] = Field(default_factory=list)


class KindMap(_Model):
    """One probe kind: what its answers rested on."""

    kind: str
    fact_kind: str
    #: The anchor that holds the truth this kind is judged against.
    truth_anchor: str
    probes: int
    #: Probes that got an answer (any verdict but `error`).
    answered: int
    #: Answered probes with a direct or shared call to the truth anchor (one naming their
    #: subject, or an id of their truth such as a return's order).
    consulted: int
    #: Answered probes whose only calls to the truth anchor were ambiguous.
    maybe_consulted: int
    operations: list[OperationCount]
    foreign_identity: int = 0
    no_identity: int = 0
    errors_hidden: int = 0
    errors_passed_on: int = 0


class AnswerCalls(_Model):
    """One answer and the calls it rested on, in the order they started."""

    probe_id: str
    kind: str
    subject: str
    #: `anchor.operation outcome`, e.g. `returns.getReturn 200`; `(shared)` or `(ambiguous)`
    #: after a call the tap could not give to this probe alone.
    calls: list[str] = Field(default_factory=list)


class OrchestrationMap(_Model):
    """Which anchor operations the assistant called while answering, per probe kind."""

    calls: int
    #: Calls inside a probe's window naming one of its entities (one probe).
    direct: int
    #: Calls naming the subject of several overlapping probes.
    shared: int
    #: Calls inside several probes' windows that could not be told apart.
    ambiguous: int
    #: Calls outside every probe's window, or of no matching kind (background refreshes,
    #: the lag and shrink phases, another client).
    unattributed: int
    #: Recorded calls that matched no operation of any anchor's document.
    unmatched: int
    by_kind: list[KindMap]
    flags: list[MapFlag]
    #: The join rule, as applied.
    rule: str
    #: Where the calls came from: the tap's recording proxies, or the assistant's own spans
    #: received over OTLP (joined by trace id).
    source: Literal["tap", "traces"] = "tap"
    #: Each answered probe's calls (at most 50 each), in the order the probes started.
    answers: list[AnswerCalls] = Field(default_factory=list)
