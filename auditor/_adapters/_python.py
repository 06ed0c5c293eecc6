"""An in-process assistant: a sync or async callable named by `package.module:callable`.

The callable is called as `fn(question, customer_id=..., session_id=..., history=[...])` where
`history` holds the earlier (question, answer) pairs of the conversation, and returns the answer
text (or an awaitable of it). Each turn gets `timeout_s`. A callable that declares a `traceparent`
(and `tracestate`) keyword gets the probe's W3C trace context there, to start its spans in the
probe's trace (`opentelemetry.propagate.extract({"traceparent": traceparent})`).

A sync callable runs in a daemon thread of its own, so that a slow one does not stall the other
probes and a hung one can neither outlive its timeout as far as the audit is concerned nor keep
the process from exiting. It must therefore be thread-safe; an async callable runs on the
audit's event loop and need not be.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import inspect
import threading
import time
from collections.abc import Callable
from typing import Any

from auditor._adapters._base import AdapterError, AdapterSettings, Answer, Conversation
from auditor._adapters._registry import ADAPTERS
from auditor._config import PythonAssistant


def load_target(target: str) -> Callable[..., Any]:
    module_name, _, attribute = target.partition(":")
    try:
        obj: Any = importlib.import_module(module_name)
        for part in attribute.split("."):
            obj = getattr(obj, part)
    except (ImportError, AttributeError) as error:
        raise AdapterError(f"cannot load {target}: {error}") from None
    if not callable(obj):
        raise AdapterError(f"{target} is not callable")
    return obj  # type: ignore[no-any-return]


def _in_daemon_thread(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> asyncio.Future[Any]:
    loop = asyncio.get_running_loop()
    future: asyncio.Future[Any] = loop.create_future()

    def settle(outcome: Any, error: Exception | None) -> None:
        if future.done():
            return  # the turn timed out or was cancelled meanwhile
        if error is None:
            future.set_result(outcome)
        else:
            future.set_exception(error)

    def run() -> None:
        try:
            outcome, error = fn(*args, **kwargs), None
        except Exception as caught:  # handed to the awaiting coroutine, not lost
            outcome, error = None, caught
        with contextlib.suppress(RuntimeError):  # the loop has closed: nobody waits any more
            loop.call_soon_threadsafe(settle, outcome, error)

    threading.Thread(target=run, name="auditor-python-assistant", daemon=True).start()
    return future


def _trace_keywords(fn: Callable[..., Any]) -> frozenset[str]:
    """Which of `traceparent`, `tracestate` the callable takes by name: only those are passed,
    so callables written before trace context keep their signature."""
    try:
        parameters = inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return frozenset()
    return frozenset(name for name in ("traceparent", "tracestate") if name in parameters)


class PythonAdapter:
    def __init__(self, config: PythonAssistant, settings: AdapterSettings) -> None:
        self.name = config.name
        self._fn = load_target(config.target)
        self._is_async = inspect.iscoroutinefunction(self._fn) or inspect.iscoroutinefunction(
            getattr(self._fn, "__call__", None)  # noqa: B004 (an async __call__ method)
        )
        self._settings = settings
        self._trace_keywords = _trace_keywords(self._fn)

    async def aclose(self) -> None:
        return None

    async def ask(self, conversation: Conversation) -> Answer:
        if not conversation.turns:
            raise AdapterError("a conversation needs at least one turn")
        history: list[tuple[str, str]] = []
        latency = 0.0
        for turn in conversation.turns:
            await conversation.pace()  # not the assistant's time: not in the latency
            started = time.perf_counter()
            history.append((turn, await self._turn(turn, conversation, list(history))))
            latency += (time.perf_counter() - started) * 1000
        return Answer(history[-1][1], tuple(a for _, a in history), latency, None, len(history))

    async def _turn(
        self, turn: str, conversation: Conversation, history: list[tuple[str, str]]
    ) -> str:
        kwargs = {
            "customer_id": conversation.customer_id,
            "session_id": conversation.session_id,
            "history": history,
        }
        if conversation.trace is not None:
            carried = conversation.trace.headers()
            kwargs.update({k: v for k, v in carried.items() if k in self._trace_keywords})
        limit = self._settings.timeout_s
        try:
            async with asyncio.timeout(limit):
                if self._is_async:
                    result = await self._fn(turn, **kwargs)
                else:
                    result = await _in_daemon_thread(self._fn, turn, **kwargs)
                    if inspect.isawaitable(result):
                        result = await result
        except TimeoutError:
            raise AdapterError(f"no answer within {limit:g} s") from None
        except Exception as error:
            raise AdapterError(f"the callable raised {type(error).__name__}: {error}") from None
        if not isinstance(result, str):
            raise AdapterError(f"the callable returned {type(result).__name__}, not str")
        if len(result.encode()) > self._settings.max_answer_bytes:
            raise AdapterError(f"answer exceeds the {self._settings.max_answer_bytes}-byte cap")
        return result


@ADAPTERS.register("python")
def _make(config: PythonAssistant, settings: AdapterSettings) -> PythonAdapter:
    return PythonAdapter(config, settings)
