"""Shared fixtures: real reference servers on loopback, one module per concern."""

from __future__ import annotations

import signal

import pytest

pytest_plugins = [
    "tests._fixtures.shop",
    "tests._fixtures.assistant",
    "tests._fixtures.kestrel",
]


def pytest_configure(config: pytest.Config) -> None:
    # A suite started in the background by a non-interactive shell (`make test &`, `nohup`,
    # some CI runners) inherits SIGINT ignored, and so would every `auditor` it starts: the
    # Ctrl-C tests would wait for an exit that never comes. With Python's own handler here,
    # the children start with the default one, as they would from a terminal.
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
