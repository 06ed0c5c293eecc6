"""What is kept of a received span (`traces.jsonl`): what the map needs, nothing secret.

Like the tap's call records (`auditor/_tap/_model.py`), a span record holds the operation it
called and the values of that operation's declared parameters, only the names of undeclared
query parameters (an API key in a URL is one), no headers and no free-form attributes. The
record turns into a `TapCall` (`as_call`), so the orchestration map is built the same way from
either source.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from auditor._tap._model import TapCall

#: `http`: an HTTP client call; `db`: a database call; `tool`: a tool call (GenAI
#: `execute_tool`); `other`: any other span (kept for the join: ids, name, status only).
Category = Literal["http", "db", "tool", "other"]

TRACES_FILE = "traces.jsonl"


class SpanRecord(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    entry_type: Literal["span"] = "span"
    trace_id: str
    span_id: str
    parent_span_id: str | None = None
    name: str
    kind: str
    service: str | None = None
    started_at: datetime
    duration_ms: float
    #: The span's status: `error` is what failed inside.
    status: Literal["unset", "ok", "error"] = "unset"
    status_message: str | None = None
    category: Category = "other"
    method: str | None = None
    #: `scheme://host[:port]` of the URL called, when the span says it.
    origin: str | None = None
    path: str | None = None
    #: `url.template` / `http.route`: the path with its parameters as placeholders.
    template: str | None = None
    status_code: int | None = None
    anchor: str | None = None
    operation_id: str | None = None
    fact_kind: str | None = None
    path_params: dict[str, str] = Field(default_factory=dict)
    query: dict[str, list[str]] = Field(default_factory=dict)
    undeclared_query: list[str] = Field(default_factory=list)
    #: Database spans: `db.system.name`, the operation and the collection (table).
    db_system: str | None = None
    db_operation: str | None = None
    db_collection: str | None = None
    #: Tool-call spans: `gen_ai.tool.name`.
    tool: str | None = None

    def _operation(self) -> tuple[str | None, str]:
        """The map's (anchor, operation) for this span."""
        if self.category == "db":
            words = [w for w in (self.db_operation, self.db_collection) if w]
            return f"db:{self.db_system or 'unknown'}", " ".join(words) or self.name
        if self.category == "tool":
            return "tool", self.tool or self.name
        label = self.operation_id or f"{self.method} {self.template or self.path or '?'}"
        return self.anchor, label

    def as_call(self, seq: int) -> TapCall | None:
        """The span as a call of the orchestration map; None for spans that call nothing."""
        if self.category == "other":
            return None
        anchor, operation = self._operation()
        failed = None
        if self.status == "error":
            failed = f"span status error: {self.status_message or self.name}"
        return TapCall(
            seq=seq,
            started_at=self.started_at,
            duration_ms=self.duration_ms,
            method=self.method or "",
            path=self.path or self.template or "",
            upstream=self.origin or "",
            anchor=anchor,
            operation_id=operation if self.category != "http" or self.operation_id else None,
            fact_kind=self.fact_kind,
            path_params=self.path_params,
            query=self.query,
            undeclared_query=self.undeclared_query,
            status=self.status_code or 0,
            error=failed,
            trace_id=self.trace_id,
        )
