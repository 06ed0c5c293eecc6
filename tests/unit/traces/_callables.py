"""In-process assistants for the python adapter's trace-context test."""

from __future__ import annotations


def with_trace(
    question: str,
    *,
    customer_id: str | None = None,
    session_id: str | None = None,
    history: list[tuple[str, str]] | None = None,
    traceparent: str | None = None,
    tracestate: str | None = None,
) -> str:
    return f"{traceparent}|{tracestate}"


def without_trace(
    question: str,
    *,
    customer_id: str | None = None,
    session_id: str | None = None,
    history: list[tuple[str, str]] | None = None,
) -> str:
    return "no trace keywords, and none were passed"
