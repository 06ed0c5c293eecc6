"""Recording what the proxies forwarded: one JSON line per exchange, flushed as it ends.

The proxies run in their own threads (one event loop each), so the recorder is the one object
they share, guarded by a lock; the file is appended to, so a resumed audit keeps what an
earlier run of it recorded.
"""

from __future__ import annotations

import json
import secrets
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import IO

from pydantic import ValidationError

from auditor._tap._model import TapCall
from auditor._tap._operations import OperationIndex
from auditor._tap._redact import auth_of, identity_of, split_query
from auditor._tracecontext import parse_traceparent

TAP_FILE = "tap.jsonl"


@dataclass(frozen=True, slots=True)
class Exchange:
    """One forwarded request and its answer, as the proxy saw them (headers lower-cased)."""

    upstream: str
    method: str
    path: str
    query_string: str
    headers: Mapping[str, str]
    started_at: datetime
    duration_ms: float
    ttfb_ms: float | None
    status: int
    request_bytes: int
    response_bytes: int
    error: str | None = None


def _trace_id(headers: Mapping[str, str]) -> str | None:
    context = parse_traceparent(headers.get("traceparent"))
    return None if context is None else context.trace_id


class TapRecorder:
    """Turns exchanges into `TapCall`s, keeps them, and appends them to `path` (if given)."""

    def __init__(
        self,
        path: Path | None,
        index: OperationIndex,
        identity_headers: Sequence[str] = ("X-On-Behalf-Of",),
        key: bytes | None = None,
    ) -> None:
        self.path = path
        self._index = index
        self._identity = list(identity_headers)
        self._key = key if key is not None else secrets.token_bytes(32)
        self._lock = threading.Lock()
        self._calls: list[TapCall] = []
        self._file: IO[str] | None = None

    def __enter__(self) -> TapRecorder:
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._file = self.path.open("a", encoding="utf-8")
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        with self._lock:
            if self._file is not None:
                self._file.close()
                self._file = None

    @property
    def calls(self) -> list[TapCall]:
        with self._lock:
            return list(self._calls)

    def record(self, exchange: Exchange) -> TapCall:
        matched = self._index.match(exchange.upstream, exchange.method, exchange.path)
        declared = matched.declared_query if matched is not None else frozenset()
        query, undeclared = split_query(exchange.query_string, declared)
        with self._lock:
            call = TapCall(
                seq=len(self._calls) + 1,
                started_at=exchange.started_at,
                duration_ms=round(exchange.duration_ms, 3),
                ttfb_ms=None if exchange.ttfb_ms is None else round(exchange.ttfb_ms, 3),
                method=exchange.method,
                path=exchange.path,
                upstream=exchange.upstream,
                anchor=matched.anchor if matched else None,
                operation_id=matched.operation_id if matched else None,
                fact_kind=matched.fact_kind if matched else None,
                path_params=matched.path_params if matched else {},
                query=query,
                undeclared_query=undeclared,
                status=exchange.status,
                identity=identity_of(exchange.headers, self._identity),
                auth=auth_of(exchange.headers, self._key),
                request_bytes=exchange.request_bytes,
                response_bytes=exchange.response_bytes,
                error=exchange.error,
                trace_id=_trace_id(exchange.headers),
            )
            self._calls.append(call)
            if self._file is not None:
                self._file.write(call.model_dump_json() + "\n")
                self._file.flush()
        return call


def read_calls(path: Path) -> list[TapCall] | None:
    """Every whole call in a recording; None when there is no recording at all."""
    if not path.exists():
        return None
    calls: list[TapCall] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.endswith("\n"):
                break  # torn by a crash mid-write
            try:
                calls.append(TapCall.model_validate(json.loads(line)))
            except (ValueError, ValidationError):
                continue
    return calls
