"""A python assistant gets the probe's trace context when it asks for it by name."""

from __future__ import annotations

from auditor._adapters import AdapterSettings, Conversation
from auditor._adapters._python import PythonAdapter
from auditor._config import PythonAssistant
from auditor._tracecontext import TraceContext


def _adapter(target: str) -> PythonAdapter:
    config = PythonAssistant(
        name="py", kind="python", target=f"tests.unit.traces._callables:{target}"
    )
    return PythonAdapter(config, AdapterSettings())


async def test_a_callable_that_takes_traceparent_gets_it():
    trace = TraceContext.new("auditor=1")
    answer = await _adapter("with_trace").ask(Conversation(("hi?",), trace=trace))
    assert answer.text == f"{trace.traceparent}|auditor=1"


async def test_a_callable_without_the_keywords_is_called_as_before():
    answer = await _adapter("without_trace").ask(Conversation(("hi?",), trace=TraceContext.new()))
    assert answer.text.startswith("no trace keywords")
