"""An event loop in a background thread, so synchronous code can drive async clients.

The anchors' and adapters' clients belong to the loop they were opened on; pytest tests (and
Hypothesis inside them) are synchronous and may run their own loops. One loop owned by a
thread, for the whole test session, keeps every client on its own loop whoever calls.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from concurrent.futures import Future
from typing import Any, TypeVar

T = TypeVar("T")

_STOP_TIMEOUT_S = 10.0


class LoopThread:
    def __init__(self, name: str = "auditor-loop") -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._serve, name=name, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        asyncio.set_event_loop(self._loop)
        try:
            self._loop.run_forever()
        finally:
            self._loop.run_until_complete(self._loop.shutdown_asyncgens())
            self._loop.close()

    @property
    def running(self) -> bool:
        return self._thread.is_alive() and not self._loop.is_closed()

    def submit(self, coroutine: Coroutine[Any, Any, T]) -> Future[T]:
        if not self.running:
            coroutine.close()
            raise RuntimeError("the background event loop is closed")
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop)

    def run(self, coroutine: Coroutine[Any, Any, T], timeout: float | None = None) -> T:
        """Run `coroutine` on the loop and wait for its result (or its exception)."""
        if threading.current_thread() is self._thread:
            coroutine.close()
            raise RuntimeError("LoopThread.run called from its own loop: it would deadlock")
        return self.submit(coroutine).result(timeout)

    async def run_async(self, coroutine: Coroutine[Any, Any, T]) -> T:
        """Await `coroutine` on the background loop from another running loop."""
        return await asyncio.wrap_future(self.submit(coroutine))

    def close(self) -> None:
        if not self._thread.is_alive():
            return
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(_STOP_TIMEOUT_S)
