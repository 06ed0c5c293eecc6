"""Assistant adapters: how the auditor reaches the chatbot on each channel.

Built-in kinds: `openai` (chat completions, streamed or not), `http` (a templated request, the
answer read by JSONPath) and `python` (an in-process callable). Other packages add kinds through
the `readiness_auditor.adapters` entry-point group (see `_registry.py`).
"""

from auditor._adapters import _http, _openai, _python  # noqa: F401  (register the built-ins)
from auditor._adapters._base import (
    AdapterError,
    AdapterSettings,
    Answer,
    Assistant,
    Conversation,
    Pace,
    TransportName,
    no_pace,
)
from auditor._adapters._http_common import MAX_BACKOFF_S
from auditor._adapters._pacing import RateLimiter
from auditor._adapters._registry import (
    ADAPTERS,
    ENTRY_POINT_GROUP,
    AdapterFactory,
    AdapterRegistry,
)

__all__ = [
    "ADAPTERS",
    "ENTRY_POINT_GROUP",
    "MAX_BACKOFF_S",
    "AdapterError",
    "AdapterFactory",
    "AdapterRegistry",
    "AdapterSettings",
    "Answer",
    "Assistant",
    "Conversation",
    "Pace",
    "RateLimiter",
    "TransportName",
    "no_pace",
]
