"""`auditor explore` on a real terminal (a pty): type, read, switch customer, save, leave.

prompt_toolkit asks the terminal where its cursor is; pexpect's pty does not answer, so
`PROMPT_TOOLKIT_NO_CPR=1` tells it not to ask (as it would for any terminal without CPR).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pexpect
import pytest
from typer.testing import CliRunner

from auditor._anchors._toml import toml_tables
from auditor._cli import _ask  # noqa: F401  (registers `ask` and `explore`)
from auditor._cli._app import app
from auditor._probes import load_suites
from auditor.reference._demo import STAFF_TOKEN_ENV, demo_config
from auditor.reference._world import World, running_world
from tests.e2e._terminal import AUDITOR, COLUMNS, ROWS, terminal_env
from tests.e2e._terminal import until as _until

#: The last line of every answer's view.
DONE = r"\d+ agree · \d+ contradict · \d+ cannot judge|no claims found in the answer"


#: The prompt, drawn again after each reply: only then does the editor read keys (Ctrl-D
#: sent earlier would reach the terminal's line discipline instead, and be lost).
PROMPT = r"\n[^\n]* as [^\n]* › *$"


@pytest.fixture(scope="module")
def world() -> Iterator[World]:
    with running_world(seed=7, items=60) as world:
        yield world


@pytest.fixture
def config(tmp_path: Path, world: World) -> Path:
    data = demo_config(
        shop_url=world.shop_url,
        assistant_url=world.assistant_url,
        seed=7,
        max_probes=10,
        suites=["stock"],
    ).model_dump(mode="json", exclude_none=True)
    path = tmp_path / "audit.toml"
    path.write_text(toml_tables(data), encoding="utf-8")
    return path


def _env(world: World) -> dict[str, str]:
    return terminal_env(**{STAFF_TOKEN_ENV: world.staff_token, "PROMPT_TOOLKIT_NO_CPR": "1"})


def _spawn(world: World, *args: str) -> Any:
    child = pexpect.spawn(
        AUDITOR[0],
        [*AUDITOR[1:], "explore", *args],
        env=_env(world),
        encoding="utf-8",
        dimensions=(ROWS, COLUMNS),
        timeout=60,
    )
    _until(child, PROMPT)
    return child


def _question(child: Any, line: str) -> str:
    child.sendline(line)
    return _until(child, rf"({DONE})[\s\S]*{PROMPT}")


def _command(child: Any, line: str, reply: str) -> str:
    child.sendline(line)
    return _until(child, rf"{reply}[\s\S]*{PROMPT}")


def _order(world: World) -> tuple[str, str, str, str]:
    orders = sorted(world.shop.state.orders.values(), key=lambda o: o.order_id)
    order = next(o for o in orders if o.status == "delivered")
    stranger = next(o.customer_id for o in orders if o.customer_id != order.customer_id)
    return order.order_id, order.customer_id, stranger, order.status


def test_a_session(tmp_path: Path, world: World, config: Path) -> None:
    history, suite = tmp_path / "history", tmp_path / "probes.local.toml"
    child = _spawn(world, "-c", str(config), "--history", str(history), "--suite-file", str(suite))

    screen = _question(child, "Is the blue kettle in stock?")
    assert re.search(r"Blue Kettle \((KT-\d+)\) is in stock", screen)
    assert re.search(r"availability\s+in_stock\s+KT-\d+\s+no\s+in_stock\s+agree", screen)
    assert re.search(r"KT-\d+\s+stock\s+name\s+name=Blue Kettle\s+availability=in_stock", screen)

    assert "sms" in _command(child, ":channels", r"\* +web +openai")

    order_id, owner, stranger, status = _order(world)
    _command(child, f":as {owner}", f"asking as {owner}")
    screen = _question(child, f"Where is my order {order_id}?")
    assert f"Your order {order_id} was {status}" in screen
    assert re.search(rf"order_status\s+{status}\s+{order_id}\s+no\s+{status}\s+agree", screen)

    _command(child, f":as {stranger}", f"asking as {stranger}")
    screen = _question(child, f"Where is my order {order_id}?")
    assert f"can't share details of order {order_id}" in screen
    assert f"customer_id={owner}" in screen and f"(not {stranger}'s)" in screen

    _command(child, ":save order.status order_delivered", "saved to")
    (plan,) = load_suites([], [suite])
    assert (plan.kind, plan.phrasings, dict(plan.weights)) == (
        "order.status",
        ("Where is my order {id}?",),
        {"order_delivered": 2},
    )

    assert "unknown command" in _command(child, ":frobnicate", "unknown command")
    child.sendcontrol("d")
    child.expect(pexpect.EOF)
    # After the terminal closes the process may still be finishing: wait, never kill.
    assert child.wait() == 0
    child.close()
    typed = history.read_text(encoding="utf-8")
    assert "+Is the blue kettle in stock?" in typed and f"+:as {stranger}" in typed


def test_ctrl_c_leaves_cleanly(world: World, config: Path, tmp_path: Path) -> None:
    child = _spawn(world, "-c", str(config), "--history", str(tmp_path / "history"))
    child.sendintr()
    child.expect(pexpect.EOF)
    assert child.wait() == 0
    child.close()
    assert "bye" in child.before


def test_lines_from_a_pipe(world: World, config: Path, tmp_path: Path) -> None:
    """Without a terminal, explore reads plain lines: scripts and CI logs can use it."""
    result = CliRunner().invoke(
        app,
        [
            "explore",
            "-c",
            str(config),
            "--channel",
            "sms",
            "--as",
            "C-001",
            "--suite-file",
            str(tmp_path / "s.toml"),
        ],
        input="Is the blue kettle in stock?\n:save nonsense.kind\n:quit\n",
        env={STAFF_TOKEN_ENV: world.staff_token, "COLUMNS": "200"},
    )
    assert result.exit_code == 0, result.output
    assert re.search(r"on sms as C-001 · \d+ ms", result.stdout)
    assert re.search(r"Blue Kettle \(KT-\d+\) is in stock", result.stdout)
    assert "unknown probe kind 'nonsense.kind'" in result.stdout
    assert not (tmp_path / "s.toml").exists()
