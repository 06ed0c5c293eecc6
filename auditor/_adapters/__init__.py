"""Assistant adapters: how the auditor reaches the chatbot on each channel."""

from auditor._adapters import _http, _openai, _python  # noqa: F401  (register the built-ins)
from auditor._adapters._base import (
    ADAPTERS,
    AdapterError,
    AdapterRegistry,
    AdapterSettings,
    Answer,
    Assistant,
    Conversation,
)

__all__ = [
    "ADAPTERS",
    "AdapterError",
    "AdapterRegistry",
    "AdapterSettings",
    "Answer",
    "Assistant",
    "Conversation",
]
