"""In-process assistants for the `python` adapter: test data, called by dotted path."""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

ANSWER = "Yes, Blue Kettle (KT-0001) is in stock: we have 12 units available."

#: Every call, as (question, customer_id, session_id, history, monotonic time, thread name).
CALLS: list[tuple[str, str | None, str | None, list[tuple[str, str]], float, str]] = []


def _record(
    question: str, customer_id: str | None, session_id: str | None, history: list[tuple[str, str]]
) -> None:
    CALLS.append(
        (
            question,
            customer_id,
            session_id,
            history,
            time.monotonic(),
            threading.current_thread().name,
        )
    )


def answer(
    question: str,
    *,
    customer_id: str | None = None,
    session_id: str | None = None,
    history: list[tuple[str, str]] | None = None,
    **_: Any,
) -> str:
    _record(question, customer_id, session_id, history or [])
    if "many" in question and history:
        return "We have 12 units of Blue Kettle (KT-0001)."
    return ANSWER


async def answer_async(question: str, **kwargs: Any) -> str:
    await asyncio.sleep(0)
    return answer(question, **kwargs)


async def hears_then_answers(question: str, **kwargs: Any) -> str:
    """Takes the question at once and answers later, as a server over a socket does."""
    text = answer(question, **kwargs)
    await asyncio.sleep(0.01)
    return text


def no_then_sorry(question: str, *, history: list[tuple[str, str]] | None = None, **_: Any) -> str:
    """A bare "No." to the first question, then a reply to the pushback that claims nothing:
    only the first question gives that "No." its meaning."""
    return "Our website is updated every night." if history else "No."


def sleepy(question: str, **_: Any) -> str:
    time.sleep(5)  # a sync assistant that hangs: it must not stall the event loop
    return ANSWER


async def sleepy_async(question: str, **_: Any) -> str:
    await asyncio.sleep(5)
    return ANSWER


def broken(question: str, **_: Any) -> str:
    raise RuntimeError("the model server is down")


def not_text(question: str, **_: Any) -> object:
    return {"answer": ANSWER}


def huge(question: str, **_: Any) -> str:
    return "x" * 2_000_000
