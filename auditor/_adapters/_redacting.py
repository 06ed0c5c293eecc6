"""An assistant whose answers and errors are cleaned of the audit's secrets as they arrive.

Redacting where the text enters, before any claim is extracted, keeps every claim's span true
to the stored answer; `auditor/_redact.py` says what is redacted.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from auditor._adapters._base import AdapterError, Answer, Assistant, Conversation


class RedactingAssistant:
    def __init__(self, inner: Assistant, redact: Callable[[str], str]) -> None:
        self.name = inner.name
        self._inner = inner
        self._redact = redact

    async def ask(self, conversation: Conversation) -> Answer:
        try:
            answer = await self._inner.ask(conversation)
        except AdapterError as error:
            raise AdapterError(self._redact(str(error)), attempts=error.attempts) from None
        return dataclasses.replace(
            answer,
            text=self._redact(answer.text),
            turns=tuple(self._redact(turn) for turn in answer.turns),
        )

    async def aclose(self) -> None:
        await self._inner.aclose()
