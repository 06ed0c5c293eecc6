"""Per-session memory for the plain-JSON channel, bounded so a long audit cannot grow it forever."""

from __future__ import annotations

import uuid
from collections import OrderedDict

from auditor.reference.assistant._brain import Memory

_MAX_SESSIONS = 1_000
_MAX_ID_CHARS = 128


class Sessions:
    """The last item, order and return each session talked about; oldest sessions forgotten."""

    __slots__ = ("_max", "_memories")

    def __init__(self, max_sessions: int = _MAX_SESSIONS) -> None:
        self._max = max_sessions
        self._memories: OrderedDict[str, Memory] = OrderedDict()

    @staticmethod
    def new_id() -> str:
        return uuid.uuid4().hex

    @staticmethod
    def valid_id(session: str) -> bool:
        return 0 < len(session) <= _MAX_ID_CHARS and session.isprintable()

    def recall(self, session: str) -> Memory:
        memory = self._memories.get(session)
        if memory is None:
            return Memory()
        self._memories.move_to_end(session)
        return memory

    def keep(self, session: str, memory: Memory) -> None:
        self._memories[session] = memory
        self._memories.move_to_end(session)
        while len(self._memories) > self._max:
            self._memories.popitem(last=False)

    def __len__(self) -> int:
        return len(self._memories)
