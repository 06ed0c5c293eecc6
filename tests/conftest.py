"""Shared fixtures: real reference servers on loopback, one module per concern."""

from __future__ import annotations

import os
import shutil
import signal
import tempfile

import pytest
from hypothesis import HealthCheck, settings

# No test may depend on wall-clock timing: Hypothesis's per-example deadline (200 ms) and its
# "too slow" health check both do, and failed on a loaded 2-core machine. Every property test
# runs without them; a test's own @settings still sets its other options.
settings.register_profile(
    "auditor", deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.load_profile("auditor")

pytest_plugins = [
    "tests._fixtures.shop",
    "tests._fixtures.assistant",
    "tests._fixtures.kestrel",
]


_STASH = pytest.StashKey[str]()


def pytest_configure(config: pytest.Config) -> None:
    # The auditor remembers checked documents (and `explore`'s history) under
    # $XDG_CACHE_HOME; the suite and every `auditor` it starts get a cache of their own, so a
    # test run never writes into the user's home nor reads what an earlier run left there.
    cache = tempfile.mkdtemp(prefix="auditor-test-cache-")
    config.stash[_STASH] = cache
    os.environ["XDG_CACHE_HOME"] = cache
    # A suite started in the background by a non-interactive shell (`make test &`, `nohup`,
    # some CI runners) inherits SIGINT ignored, and so would every `auditor` it starts: the
    # Ctrl-C tests would wait for an exit that never comes. With Python's own handler here,
    # the children start with the default one, as they would from a terminal.
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def pytest_unconfigure(config: pytest.Config) -> None:
    cache = config.stash.get(_STASH, None)
    if cache is not None:
        shutil.rmtree(cache, ignore_errors=True)
