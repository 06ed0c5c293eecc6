"""`auditor reference shop` as a person runs it: banner, credentials that work, Ctrl-C."""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import httpx
import pytest

STARTUP_S = 60.0
BANNER_END = re.compile(r"^\s+C-012\s")  # the default shop has twelve customers


def auditor() -> list[str]:
    script = Path(sys.executable).with_name("auditor")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from auditor._cli import main; main()"]


class RunningShop:
    """`auditor reference shop --port 0 ...` in a subprocess, its stdout read by a thread."""

    def __init__(self, *args: str, env: Mapping[str, str]) -> None:
        self.process = subprocess.Popen(
            [*auditor(), "reference", "shop", "--port", "0", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, **env},
        )
        self._lines: queue.Queue[str] = queue.Queue()
        self._stderr: str | None = None
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self._lines.put(line.rstrip("\n"))

    def banner(self) -> list[str]:
        """Lines printed until the last customer, with a deadline instead of a blind wait."""
        lines: list[str] = []
        deadline = time.monotonic() + STARTUP_S
        while not (lines and BANNER_END.match(lines[-1])):
            try:
                lines.append(self._lines.get(timeout=max(0.0, deadline - time.monotonic())))
            except queue.Empty:
                pytest.fail(f"no banner in time (exit code {self.process.poll()}): {lines}")
        return lines

    def interrupt(self) -> int:
        self.process.send_signal(signal.SIGINT)
        return self.process.wait(timeout=30)

    def finish(self) -> str:
        """Wait for the process to end (killing it if needed); its stderr. Idempotent."""
        if self._stderr is None:
            if self.process.poll() is None:
                self.process.kill()
            self.process.wait(timeout=30)
            self._reader.join(timeout=30)
            assert self.process.stdout is not None and self.process.stderr is not None
            self.process.stdout.close()
            with self.process.stderr as stderr:
                self._stderr = stderr.read()
        return self._stderr


StartShop = Callable[..., RunningShop]


@pytest.fixture
def run_shop() -> Iterator[StartShop]:
    started: list[RunningShop] = []

    def start(*args: str, env: Mapping[str, str] | None = None) -> RunningShop:
        started.append(RunningShop(*args, env=env or {}))
        return started[-1]

    yield start
    for shop in started:
        shop.finish()


def test_the_banner_names_everything_needed_and_ctrl_c_stops(run_shop: StartShop) -> None:
    shop = run_shop()
    banner = shop.banner()
    url = re.match(r"^reference shop on (http://127\.0\.0\.1:\d+)$", banner[0])
    assert url is not None, banner
    base = url.group(1)
    for service, path in [("inventory", "/inventory"), ("orders", "/orders"),
                          ("returns", "/returns"), ("sandbox", "/_sandbox")]:  # fmt: skip
        assert any(line.split() == [f"{service}:", base + path] for line in banner), banner
    staff = next(line for line in banner if "staff token (generated):" in line).split()[-1]
    customers = dict(line.split() for line in banner if re.match(r"^\s+C-\d{3}\s", line))
    assert len(customers) == 12
    with httpx.Client(base_url=base, timeout=10) as client:
        everything = client.get("/orders/orders", headers={"Authorization": f"Bearer {staff}"})
        assert everything.json()["total"] == 46  # 40 drawn, 6 late or stalled (issue 24)
        token = customers["C-001"]
        own = client.get("/orders/orders", headers={"Authorization": f"Bearer {token}"}).json()
        assert own["orders"] and {o["customer_id"] for o in own["orders"]} == {"C-001"}
    assert shop.interrupt() == 0


def test_a_staff_token_from_the_environment_is_not_printed(run_shop: StartShop) -> None:
    secret = "staff-from-env-0123456789"
    shop = run_shop("--staff-token-env", "SHOP_TOKEN", env={"SHOP_TOKEN": secret})
    banner = shop.banner()
    assert "  staff token: from $SHOP_TOKEN" in banner
    assert not any(secret in line for line in banner)
    base = banner[0].split()[-1]
    response = httpx.post(
        f"{base}/_sandbox/reset", headers={"Authorization": f"Bearer {secret}"}, timeout=10
    )
    assert response.status_code == 200
    assert shop.interrupt() == 0


@pytest.mark.parametrize(
    ("args", "env", "reason"),
    [
        (["--host", "0.0.0.0"], {}, "--allow-public"),
        (["--staff-token-env", "NO_SUCH_VAR_FOR_SHOP"], {}, "NO_SUCH_VAR_FOR_SHOP"),
        (["--items", "3"], {}, "items must be between"),
    ],
)
def test_bad_options_exit_2_with_a_reason(
    run_shop: StartShop, args: list[str], env: dict[str, str], reason: str
) -> None:
    shop = run_shop(*args, env=env)
    assert shop.process.wait(timeout=STARTUP_S) == 2
    assert reason in shop.finish()


def test_the_assistant_command_the_banner_prints_works_as_printed(run_shop: StartShop) -> None:
    """The README's two steps: start the shop, then paste the command its banner prints."""
    from tests.e2e.test_reference_assistant_cli import _lines, _read_until, _wait_healthy

    banner = run_shop().banner()
    printed = banner[banner.index("  start the reference assistant against it:") + 1].split()
    assignment, command = printed[0], printed[1:]
    name, token = assignment.split("=", 1)
    assert name == "SHOP_STAFF_TOKEN" and command[:3] == ["auditor", "reference", "assistant"]
    assistant = subprocess.Popen(
        [*auditor(), *command[1:], "--port", "0"],
        env={**os.environ, name: token},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        lines = _lines(assistant.stdout)
        first = _read_until(lines, r"faults:", time.monotonic() + STARTUP_S)
        match = re.search(r"http://127\.0\.0\.1:\d+", first[0])
        assert match is not None, first
        url = match.group(0)
        _wait_healthy(url)
        reply = httpx.post(
            f"{url}/message", json={"text": "Is the Blue Kettle in stock?"}, trust_env=False
        )
        assert reply.status_code == 200 and "Blue Kettle" in reply.json()["reply"]["text"]
    finally:
        assistant.kill()
        assistant.wait(timeout=30)
        assert assistant.stdout is not None and assistant.stderr is not None
        assistant.stdout.close()
        assistant.stderr.close()
