"""The model's replies kept in the audit directory (`reader_cache.jsonl`, append-only), keyed
by (answer, probe kind, subject, model, prompt version).

A repeated answer costs no request, a resumed audit asks nothing twice, and `auditor report
--rejudge` reads the cache alone, offline. The reply is kept as the model wrote it, before
grounding: grounding is deterministic, so the same reply always gives the same claims, and a
better grounding rule applies to old replies too. Failures are not kept (a server down today
may answer tomorrow). A torn last line is skipped, as in `results.jsonl`.
"""

from __future__ import annotations

import hashlib
import json
import threading
from pathlib import Path
from typing import Any

from auditor._jsonl import complete_lines
from auditor._reader._prompt import PROMPT_VERSION

CACHE_FILE = "reader_cache.jsonl"


def cache_key(answer: str, probe_kind: str, subject: str, model: str) -> str:
    parts = [answer, probe_kind, subject, model, PROMPT_VERSION]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


class ReplyCache:
    """Replies by key, read once from disk and appended to as new ones come."""

    def __init__(self, directory: Path | None) -> None:
        self.path = None if directory is None else directory / CACHE_FILE
        self._entries: dict[str, dict[str, Any]] = {}
        self._lock = threading.Lock()
        if self.path is not None:
            for line in complete_lines(self.path):
                key = line.get("key")
                if isinstance(key, str) and isinstance(line.get("reply"), str):
                    self._entries[key] = line

    def get(self, key: str) -> dict[str, Any] | None:
        return self._entries.get(key)

    def put(self, key: str, reply: str, tokens: int, seconds: float) -> None:
        entry = {"key": key, "reply": reply, "tokens": tokens, "seconds": round(seconds, 3)}
        with self._lock:
            if key in self._entries:
                return
            self._entries[key] = entry
            if self.path is not None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                with self.path.open("a", encoding="utf-8") as file:
                    file.write(json.dumps(entry, ensure_ascii=False) + "\n")
