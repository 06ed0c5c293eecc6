"""A chatbot that fails on purpose, one way per path: the faults the runner must survive.

A raw asyncio HTTP/1.1 server (no framework in the way, so it can break the protocol exactly:
reset a connection mid-body, send a body of 50 MB, keep an event stream open forever). It
speaks OpenAI chat completions under `/<behaviour>/v1/chat/completions`, so an `openai` adapter
with `base_url = f"{url}/<behaviour>/v1"` meets that behaviour and nothing else:

    ok                    a chat completion saying `ANSWER`
    slow                  answers after `SLOW_S` seconds
    status-503            always 503, with a JSON error body
    429-then-ok           429 with `Retry-After: 1` to the first request, then ok
    retry-after-long      always 429 with `Retry-After: 3600`
    reset-mid-body        promises 2,000 bytes, sends 100, then resets the connection (RST)
    reset-once            resets mid-body the first time, then ok
    hang-up               closes the connection without a response
    malformed             200 with a truncated JSON body
    huge                  200 with a 50 MB body and its Content-Length
    huge-chunked          200 with a 50 MB chunked body, no Content-Length
    sse-ok                a proper event stream in three pieces, then [DONE]
    sse-endless           an event stream that keeps sending a piece every 20 ms, forever
    sse-silent            an event stream that sends its headers, then nothing
    echo                  any method and path below it: the request as JSON (method, target,
                          headers, body as text), two reply parts and a session id

`serve_faulty_bot()` runs it on loopback in a thread of its own (its own event loop, so that
its timing does not depend on the client's) and yields a `FaultyBot` that counts requests.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import struct
import threading
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

ANSWER = "Yes, Blue Kettle (KT-0001) is in stock: we have 12 units available."
SLOW_S = 30.0
HUGE_BYTES = 50 * 1024 * 1024
_PIECES = ("Yes, Blue Kettle (KT-0001) ", "is in stock: ", "we have 12 units available.")


@dataclass
class FaultyBot:
    url: str
    #: Requests received, by behaviour.
    requests: Counter[str] = field(default_factory=Counter)
    #: Every request's body, parsed as JSON when it is JSON, by behaviour.
    bodies: dict[str, list[Any]] = field(default_factory=dict)
    #: Every request's headers (names in lower case), by behaviour.
    headers: dict[str, list[dict[str, str]]] = field(default_factory=dict)

    def base_url(self, behaviour: str) -> str:
        return f"{self.url}/{behaviour}/v1"


def completion(text: str) -> bytes:
    message = {"role": "assistant", "content": text}
    return json.dumps(
        {"object": "chat.completion", "choices": [{"index": 0, "message": message}]}
    ).encode()


def _chunk(text: str) -> bytes:
    delta = {"choices": [{"index": 0, "delta": {"content": text}}]}
    return f"data: {json.dumps(delta)}\n\n".encode()


def _head(status: str, headers: dict[str, str]) -> bytes:
    lines = [f"HTTP/1.1 {status}", *(f"{k}: {v}" for k, v in headers.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def _json(status: str, body: bytes, **extra: str) -> bytes:
    headers = {"content-type": "application/json", "content-length": str(len(body)), **extra}
    return _head(status, headers) + body


_SSE_HEAD = _head("200 OK", {"content-type": "text/event-stream", "transfer-encoding": "chunked"})


def _chunked(data: bytes) -> bytes:
    return f"{len(data):x}\r\n".encode() + data + b"\r\n"


def _reset(writer: asyncio.StreamWriter) -> None:
    """Abort with a TCP RST rather than a clean close."""
    sock = writer.get_extra_info("socket")
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()


Behaviour = Callable[[asyncio.StreamWriter, int], Awaitable[bool]]


async def _ok(writer: asyncio.StreamWriter, seen: int) -> bool:
    writer.write(_json("200 OK", completion(ANSWER)))
    return True


async def _slow(writer: asyncio.StreamWriter, seen: int) -> bool:
    await asyncio.sleep(SLOW_S)
    return await _ok(writer, seen)


async def _status_503(writer: asyncio.StreamWriter, seen: int) -> bool:
    writer.write(_json("503 Service Unavailable", b'{"error": "overloaded"}'))
    return True


async def _429_then_ok(writer: asyncio.StreamWriter, seen: int) -> bool:
    if seen == 1:
        writer.write(
            _json("429 Too Many Requests", b'{"error": "slow down"}', **{"retry-after": "1"})
        )
        return True
    return await _ok(writer, seen)


async def _retry_after_long(writer: asyncio.StreamWriter, seen: int) -> bool:
    writer.write(
        _json("429 Too Many Requests", b'{"error": "come back later"}', **{"retry-after": "3600"})
    )
    return True


async def _reset_mid_body(writer: asyncio.StreamWriter, seen: int) -> bool:
    writer.write(_head("200 OK", {"content-type": "application/json", "content-length": "2000"}))
    writer.write(completion(ANSWER)[:100])
    await writer.drain()
    await asyncio.sleep(0.05)
    _reset(writer)
    return False


async def _reset_once(writer: asyncio.StreamWriter, seen: int) -> bool:
    return await (_reset_mid_body if seen == 1 else _ok)(writer, seen)


async def _hang_up(writer: asyncio.StreamWriter, seen: int) -> bool:
    writer.close()
    return False


async def _malformed(writer: asyncio.StreamWriter, seen: int) -> bool:
    writer.write(_json("200 OK", completion(ANSWER)[:60]))
    return True


async def _huge(writer: asyncio.StreamWriter, seen: int) -> bool:
    writer.write(
        _head("200 OK", {"content-type": "application/json", "content-length": str(HUGE_BYTES)})
    )
    block = b" " * (1024 * 1024)
    for _ in range(HUGE_BYTES // len(block)):
        writer.write(block)
        await writer.drain()
    return True


async def _huge_chunked(writer: asyncio.StreamWriter, seen: int) -> bool:
    writer.write(
        _head("200 OK", {"content-type": "application/json", "transfer-encoding": "chunked"})
    )
    block = _chunked(b" " * (1024 * 1024))
    for _ in range(HUGE_BYTES // (1024 * 1024)):
        writer.write(block)
        await writer.drain()
    writer.write(b"0\r\n\r\n")
    return True


async def _sse_ok(writer: asyncio.StreamWriter, seen: int) -> bool:
    writer.write(_SSE_HEAD)
    for piece in _PIECES:
        await asyncio.sleep(0.02)
        writer.write(_chunked(_chunk(piece)))
        await writer.drain()
    writer.write(_chunked(b"data: [DONE]\n\n") + b"0\r\n\r\n")
    return True


async def _sse_endless(writer: asyncio.StreamWriter, seen: int) -> bool:
    writer.write(_SSE_HEAD)
    while True:
        writer.write(_chunked(_chunk(" la")))
        await writer.drain()
        await asyncio.sleep(0.02)


async def _sse_silent(writer: asyncio.StreamWriter, seen: int) -> bool:
    writer.write(_SSE_HEAD)
    await writer.drain()
    await asyncio.sleep(SLOW_S * 10)
    return False


BEHAVIOURS: dict[str, Behaviour] = {
    "ok": _ok,
    "slow": _slow,
    "status-503": _status_503,
    "429-then-ok": _429_then_ok,
    "retry-after-long": _retry_after_long,
    "reset-mid-body": _reset_mid_body,
    "reset-once": _reset_once,
    "hang-up": _hang_up,
    "malformed": _malformed,
    "huge": _huge,
    "huge-chunked": _huge_chunked,
    "sse-ok": _sse_ok,
    "sse-endless": _sse_endless,
    "sse-silent": _sse_silent,
}


@dataclass(frozen=True)
class Request:
    method: str
    target: str
    headers: dict[str, str]
    body: bytes


async def _read_request(reader: asyncio.StreamReader) -> Request | None:
    """The next request on the connection; None when the client has gone."""
    try:
        head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1")
    except (asyncio.IncompleteReadError, ConnectionError):
        return None
    lines = head.split("\r\n")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.strip():
            headers[name.strip().lower()] = value.strip()
    body = await reader.readexactly(int(headers.get("content-length", "0")))
    method, target, _ = lines[0].split(" ", 2)
    return Request(method, target, headers, body)


def _echo(request: Request, seen: int) -> bytes:
    body = request.body.decode("utf-8", "replace")
    echoed = {
        "method": request.method,
        "target": request.target,
        "headers": request.headers,
        "body": body,
        "reply": {"parts": ["one", "two"]},
        "session": f"s-{seen}",
    }
    return _json("200 OK", json.dumps(echoed).encode())


def _parsed(body: bytes) -> Any:
    try:
        return json.loads(body)
    except ValueError:
        return body.decode("utf-8", "replace")


class _Server:
    def __init__(self, bot: FaultyBot) -> None:
        self.bot = bot
        self.tasks: set[asyncio.Task[None]] = set()

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self.tasks.add(task)
        try:
            while (request := await _read_request(reader)) is not None:
                name = request.target.strip("/").split("/", 1)[0].split("?", 1)[0]
                self.bot.requests[name] += 1
                self.bot.bodies.setdefault(name, []).append(_parsed(request.body))
                self.bot.headers.setdefault(name, []).append(request.headers)
                behaviour = BEHAVIOURS.get(name)
                if name == "echo":
                    writer.write(_echo(request, self.bot.requests[name]))
                elif behaviour is None:
                    writer.write(_json("404 Not Found", b'{"error": "no such behaviour"}'))
                elif not await behaviour(writer, self.bot.requests[name]):
                    return
                await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError):
            pass  # the client went away: exactly what several behaviours provoke
        except asyncio.CancelledError:
            pass  # the server is stopping; ending quietly keeps asyncio from logging it
        finally:
            self.tasks.discard(task)
            if not writer.is_closing():
                writer.close()


@contextlib.contextmanager
def serve_faulty_bot() -> Iterator[FaultyBot]:
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, name="faulty-bot", daemon=True)
    thread.start()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.bind(("127.0.0.1", 0))
    bot = FaultyBot(f"http://127.0.0.1:{sock.getsockname()[1]}")
    state = _Server(bot)

    async def start() -> asyncio.Server:
        return await asyncio.start_server(state.handle, sock=sock)

    server = asyncio.run_coroutine_threadsafe(start(), loop).result(timeout=10)

    async def stop() -> None:
        server.close()
        for task in list(state.tasks):
            task.cancel()
        await asyncio.gather(*state.tasks, return_exceptions=True)

    try:
        yield bot
    finally:
        asyncio.run_coroutine_threadsafe(stop(), loop).result(timeout=10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)
        loop.close()
