"""The socket a server is handed (`auditor._serve.bind_socket`) listens from the start.

A command prints the address it serves on before its server has started; whoever reads it and
connects at once must wait in the backlog, not be refused (`auditor reference shop`'s banner
was followed by "connection refused" on a busy machine).
"""

from __future__ import annotations

import socket

from auditor._serve import bind_socket


def test_a_bound_socket_takes_connections_before_any_server_runs():
    server = bind_socket()
    try:
        address = server.getsockname()[:2]
        with socket.create_connection(address, timeout=5) as client:
            assert client.getpeername()[:2] == address
            accepted, _ = server.accept()  # queued by the kernel until someone accepts
            accepted.close()
    finally:
        server.close()
