"""A stub assistant for benchmarks: OpenAI-style JSON answers from a catalogue file, fast.

It stands where a real chatbot would, so that the runner's own cost can be measured: a raw
asyncio HTTP/1.1 server (stdlib only, no framework in the way) that answers
`POST /<N>ms/v1/chat/completions` N milliseconds after the request arrived (to within a tenth
of a millisecond or so: the clock starts when the request's bytes come in, not once the stub
has got round to them, and the loop waits with select(2), whose timeout is in microseconds,
not epoll's whole milliseconds) with a chat completion about the SKU named in the last user
message. Its answers read like the reference assistant's, so the real
claim extractor has real work to do; SKUs marked `"lie": true` in the catalogue are said to be
in stock whatever the truth, so that some probes fail and need a second truth read.

Run it as its own process (it prints its URL on the first line of stdout):

    python tests/apps/stub_bot.py --catalogue items.json [--port 0]

The catalogue is `{"SKU": {"name": str, "availability": str, "on_hand": int, "lie": bool}}`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import selectors
import signal
import socket
from collections.abc import Mapping
from typing import Any

_SKU = re.compile(r"\b[A-Z]{2}-\d{4,9}\b")
_PATH = re.compile(rb"^/(\d+)ms/v1/chat/completions$")
_MAX_HEAD = 64 * 1024


def answer_text(question: str, catalogue: Mapping[str, Mapping[str, Any]]) -> str:
    """What the stub says about the SKU in `question` (or that it does not know it)."""
    found = _SKU.search(question)
    item = catalogue.get(found.group()) if found else None
    if found is None or item is None:
        return "Sorry, I couldn't find that item in our catalogue."
    sku, name, on_hand = found.group(), item["name"], item["on_hand"]
    availability = "in_stock" if item.get("lie") else item["availability"]
    if availability == "in_stock":
        return f"Yes, {name} ({sku}) is in stock: we have {max(on_hand, 12)} units available."
    if availability == "low_stock":
        return f"{name} ({sku}) is in stock, but only {on_hand} left."
    if availability == "discontinued":
        return f"{name} ({sku}) is discontinued and won't be restocked."
    if availability == "backorder":
        return f"{name} ({sku}) is on backorder: you can order it now and we'll ship it later."
    return f"I'm afraid {name} ({sku}) is out of stock right now: we have none left."


def completion(text: str) -> bytes:
    return json.dumps(
        {
            "id": "chatcmpl-stub",
            "object": "chat.completion",
            "created": 0,
            "model": "stub",
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": text},
                    "finish_reason": "stop",
                }
            ],
        }
    ).encode()


def _response(status: str, body: bytes, keep_alive: bool) -> bytes:
    head = (
        f"HTTP/1.1 {status}\r\ncontent-type: application/json\r\n"
        f"content-length: {len(body)}\r\n"
        f"connection: {'keep-alive' if keep_alive else 'close'}\r\n\r\n"
    )
    return head.encode() + body


class _Connection(asyncio.Protocol):
    """One client connection; requests are answered in order (no pipelining overlap)."""

    def __init__(self, catalogue: Mapping[str, Mapping[str, Any]]) -> None:
        self._catalogue = catalogue
        self._buffer = b""
        self._transport: asyncio.Transport | None = None
        self._busy = False
        self._arrived = 0.0

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self._transport = transport

    def data_received(self, data: bytes) -> None:
        self._buffer += data
        self._arrived = asyncio.get_running_loop().time()
        if not self._busy:
            self._next()

    def _next(self) -> None:
        end = self._buffer.find(b"\r\n\r\n")
        if end < 0:
            if len(self._buffer) > _MAX_HEAD and self._transport is not None:
                self._transport.close()
            return
        head = self._buffer[:end].decode("latin-1")
        lines = head.split("\r\n")
        headers = {
            k.strip().lower(): v.strip() for k, _, v in (x.partition(":") for x in lines[1:])
        }
        length = int(headers.get("content-length", "0"))
        if len(self._buffer) < end + 4 + length:
            return
        body = self._buffer[end + 4 : end + 4 + length]
        self._buffer = self._buffer[end + 4 + length :]
        keep_alive = headers.get("connection", "").lower() != "close"
        method, path, _ = lines[0].split(" ", 2)
        self._busy = True
        self._answer(method, path.encode(), body, keep_alive)

    def _answer(self, method: str, path: bytes, body: bytes, keep_alive: bool) -> None:
        match = _PATH.match(path)
        if method != "POST" or match is None:
            self._send(_response("404 Not Found", b'{"error":"not found"}', keep_alive), keep_alive)
            return
        try:
            messages = json.loads(body)["messages"]
            question = next(m["content"] for m in reversed(messages) if m["role"] == "user")
        except (ValueError, KeyError, TypeError, StopIteration):
            self._send(_response("400 Bad Request", b'{"error":"bad"}', keep_alive), keep_alive)
            return
        payload = _response(
            "200 OK", completion(answer_text(question, self._catalogue)), keep_alive
        )
        delay = int(match.group(1)) / 1000
        if delay:
            loop = asyncio.get_running_loop()
            loop.call_at(self._arrived + delay, self._send, payload, keep_alive)
        else:
            self._send(payload, keep_alive)

    def _send(self, payload: bytes, keep_alive: bool) -> None:
        if self._transport is None or self._transport.is_closing():
            return
        self._transport.write(payload)
        self._busy = False
        if not keep_alive:
            self._transport.close()
        elif self._buffer:
            self._next()

    def connection_lost(self, exc: Exception | None) -> None:
        self._transport = None


async def serve(catalogue: Mapping[str, Mapping[str, Any]], port: int) -> None:
    loop = asyncio.get_running_loop()
    # IPPROTO_TCP lets asyncio set TCP_NODELAY on accepted sockets (see auditor/_serve.py).
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    server = await loop.create_server(lambda: _Connection(catalogue), sock=sock, backlog=1024)
    host, bound = sock.getsockname()[:2]
    print(f"http://{host}:{bound}", flush=True)
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)
    async with server:
        await stop.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--catalogue", required=True, help="JSON file: SKU -> item")
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    with open(args.catalogue, encoding="utf-8") as file:
        catalogue = json.load(file)
    # select(2) takes its timeout in microseconds, epoll in whole milliseconds rounded up: an
    # answer due after 50 ms would leave up to a millisecond late (select needs fds < 1024:
    # the benchmark opens a few dozen connections).
    with asyncio.Runner(
        loop_factory=lambda: asyncio.SelectorEventLoop(selectors.SelectSelector())
    ) as runner:
        runner.run(serve(catalogue, args.port))


if __name__ == "__main__":
    main()
