"""An in-process assistant (the `python` adapter) that nobody can read, for some questions.

It forwards each question to a real assistant (`UPSTREAM`, the reference assistant's plain
JSON endpoint, set by the test) and passes its answer on, except for the questions whose stable
hash falls in `MUMBLE_SHARE`: those get `MUMBLE`, an answer with no claim and no deflection in
it, so the auditor must call it `unread`. The markup in it proves every report escapes it.
"""

from __future__ import annotations

import hashlib
from typing import Any

import httpx

#: The reference assistant's base URL; set by the test before the audit runs.
UPSTREAM = ""
#: Out of 10: how many questions get the mumble.
MUMBLE_SHARE = 4
MUMBLE = "Blorp <b>fizzle</b> wump, the teapot hums at dawn & dusk."


def mumbles(question: str) -> bool:
    return hashlib.sha256(question.encode()).digest()[0] % 10 < MUMBLE_SHARE


def answer(
    question: str,
    *,
    customer_id: str | None = None,
    session_id: str | None = None,
    **_: Any,
) -> str:
    if mumbles(question):
        return MUMBLE
    body = {"text": question, "customer": customer_id, "session": session_id}
    body = {k: v for k, v in body.items() if v is not None}
    with httpx.Client(timeout=30, trust_env=False) as client:
        reply = client.post(f"{UPSTREAM}/message", json=body)
    reply.raise_for_status()
    text: str = reply.json()["reply"]["text"]
    return text
