"""Run an ASGI app under uvicorn on a loopback port, in a background thread.

Shared by the reference servers and the engine's recording tap proxy.

The socket is bound before the server starts, so port 0 gives a free port with no race, and
the caller gets the URL only once the server accepts connections.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

_STARTUP_TIMEOUT_S = 30.0


def is_loopback(host: str) -> bool:
    """The reference servers refuse other hosts: they print credentials and have no hardening."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def bind_socket(host: str = "127.0.0.1", port: int = 0) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # An explicit IPPROTO_TCP lets asyncio set TCP_NODELAY on accepted connections (it checks
    # `sock.proto`); without it every small response waits ~40 ms for a delayed ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        # Listening at once: whoever reads the printed address and connects before the server
        # has started waits in the backlog instead of being refused (uvicorn's default backlog).
        sock.listen(2048)
    except OSError:
        sock.close()  # a port that is taken leaves no socket behind
        raise
    sock.set_inheritable(True)
    return sock


def url_of(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


@contextmanager
def serve_in_thread(
    app: Any, *, host: str = "127.0.0.1", port: int = 0, **options: Any
) -> Iterator[str]:
    """Serve `app` until the block ends; yields its base URL (no trailing slash).

    `options` go to `uvicorn.Config` (e.g. `server_header=False` for a proxy).
    """
    sock = bind_socket(host, port)
    import uvicorn  # here: `is_loopback` is read by the configuration, before any server

    config = uvicorn.Config(app, log_level="warning", lifespan="on", access_log=False, **options)
    server = uvicorn.Server(config)
    ready = threading.Event()
    failed: list[BaseException] = []

    def run() -> None:
        try:
            server.run(sockets=[sock])
        except BaseException as exc:  # reported to the caller below
            failed.append(exc)
        finally:
            ready.set()

    original_startup = server.startup

    async def startup(sockets: list[socket.socket] | None = None) -> None:
        await original_startup(sockets=sockets)
        ready.set()

    server.startup = startup  # type: ignore[method-assign]
    thread = threading.Thread(target=run, name=f"uvicorn-{url_of(sock)}", daemon=True)
    thread.start()
    if not ready.wait(_STARTUP_TIMEOUT_S) or failed or not server.started:
        server.should_exit = True
        raise RuntimeError(f"server on {url_of(sock)} did not start: {failed or 'timeout'}")
    try:
        yield url_of(sock)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
