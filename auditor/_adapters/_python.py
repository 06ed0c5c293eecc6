"""An in-process assistant: a sync or async callable named by dotted path.

The callable is called as `fn(question, customer_id=..., session_id=..., history=[...])` where
`history` holds the earlier (question, answer) pairs of the conversation, and returns the
answer text (or an awaitable of it).
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
from collections.abc import Callable
from typing import Any

from auditor._adapters._base import ADAPTERS, AdapterError, AdapterSettings, Answer, Conversation
from auditor._adapters._http_common import Stopwatch
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


class PythonAdapter:
    def __init__(self, config: PythonAssistant, settings: AdapterSettings) -> None:
        self.name = config.name
        self._fn = load_target(config.target)
        self._settings = settings

    async def aclose(self) -> None:
        return None

    async def ask(self, conversation: Conversation) -> Answer:
        history: list[tuple[str, str]] = []
        watch = Stopwatch()
        for turn in conversation.turns:
            watch = Stopwatch()
            try:
                result = self._fn(
                    turn,
                    customer_id=conversation.customer_id,
                    session_id=conversation.session_id,
                    history=list(history),
                )
                if inspect.isawaitable(result):
                    result = await result
            except asyncio.CancelledError:
                raise
            except Exception as error:
                raise AdapterError(f"{type(error).__name__}: {error}") from None
            if not isinstance(result, str):
                raise AdapterError(f"callable returned {type(result).__name__}, not str")
            if len(result.encode()) > self._settings.max_answer_bytes:
                raise AdapterError(
                    f"answer exceeds the {self._settings.max_answer_bytes}-byte cap"
                )
            history.append((turn, result))
        return Answer(history[-1][1], tuple(a for _, a in history), watch.ms())


@ADAPTERS.register("python")
def _make(config: PythonAssistant, settings: AdapterSettings) -> PythonAdapter:
    return PythonAdapter(config, settings)
