"""`auditor ask` as a developer runs it: on a real terminal (a pty), and with `--json`.

A reference world is started here. The terminal test runs the CLI as a process of its own on a
pty; the rest invoke the same Typer app in-process (Click's runner), which spares the second
or two every `auditor` process spends importing.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pexpect
import pytest
from click.testing import Result
from typer.testing import CliRunner

from auditor._anchors._toml import toml_tables
from auditor._cli import _ask  # noqa: F401  (registers `ask` and `explore`)
from auditor._cli._app import app
from auditor.reference._demo import STAFF_TOKEN_ENV, demo_config
from auditor.reference._world import World, running_world

REPO = Path(__file__).resolve().parents[2]
AUDITOR = [sys.executable, "-c", "from auditor._cli import main; main()"]
ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[()][A-Z0-9]|\x1b[=>]|\r")

HOSTILE = "\x1b]0;PWNED\x07Yes, \x1b[31mit\x1b[0m is in stock! [bold red]pwned[/] \x1b[2J\u202edone"


def hostile_answer(question: str, **_: Any) -> str:
    """An assistant (python adapter) whose answers try to drive the terminal."""
    return HOSTILE


@pytest.fixture(scope="module")
def world() -> Iterator[World]:
    with running_world(seed=7, items=60) as world:
        yield world


def _write_config(directory: Path, world: World, **replace: Any) -> Path:
    config = demo_config(
        shop_url=world.shop_url,
        assistant_url=world.assistant_url,
        seed=7,
        max_probes=10,
        suites=["stock"],
    )
    data = config.model_dump(mode="json", exclude_none=True)
    data.update(replace)
    path = directory / "audit.toml"
    path.write_text(toml_tables(data), encoding="utf-8")
    return path


def _env(world: World) -> dict[str, str]:
    return {
        **os.environ,
        STAFF_TOKEN_ENV: world.staff_token,
        "PYTHONPATH": str(REPO),
        "COLUMNS": "200",
        "PROMPT_TOOLKIT_NO_CPR": "1",
    }


def _run(args: list[str], world: World) -> Result:
    return CliRunner().invoke(app, args, env={STAFF_TOKEN_ENV: world.staff_token})


def _on_terminal(args: list[str], world: World) -> tuple[str, int]:
    child = pexpect.spawn(
        AUDITOR[0],
        [*AUDITOR[1:], *args],
        env=_env(world),
        encoding="utf-8",
        dimensions=(60, 200),
        timeout=60,
    )
    child.expect(pexpect.EOF)
    output, status = child.before, child.wait()
    child.close()
    return output, status


def _out_of_stock(world: World) -> tuple[str, str]:
    items = world.shop.state.items.values()
    item = next(i for i in items if i.status == "active" and i.available == 0)
    return item.sku, item.name


def test_ask_on_a_terminal_shows_answer_claims_and_truth(tmp_path: Path, world: World) -> None:
    config = _write_config(tmp_path, world)
    sku, name = _out_of_stock(world)
    raw, status = _on_terminal(["ask", "-c", str(config), f"Is the {name} in stock?"], world)
    assert status == 0, raw
    assert "\x1b[" in raw  # a real terminal: rich styles the claims
    screen = ANSI.sub("", raw)
    assert f"Q Is the {name} in stock?" in screen
    assert re.search(
        rf"{re.escape(name)} \({sku}\) is (currently )?(sold out|out of stock)", screen
    )
    assert re.search(rf"availability\s+out_of_stock\s+{sku}\s+no\s+out_of_stock\s+agree", screen)
    assert "truth (read after the answer)" in screen
    assert re.search(
        rf"{sku}\s+stock\s+name\s+name={re.escape(name)}\s+"
        r"availability=out_of_stock\s+on_hand=0",
        screen,
    )
    assert re.search(r"\d+ agree · 0 contradict · \d+ cannot judge", screen)


def _owner_and_stranger(world: World) -> tuple[str, str, str, str]:
    orders = sorted(world.shop.state.orders.values(), key=lambda o: o.order_id)
    order = orders[0]
    stranger = next(o.customer_id for o in orders if o.customer_id != order.customer_id)
    return order.order_id, str(order.status), order.customer_id, stranger


def test_ask_json_as_the_owner_and_as_a_stranger(tmp_path: Path, world: World) -> None:
    config = _write_config(tmp_path, world)
    order_id, status, owner, stranger = _owner_and_stranger(world)
    question = f"Where is my order {order_id}?"
    as_owner = _run(["ask", "-c", str(config), question, "--as", owner, "--json"], world)
    assert as_owner.exit_code == 0, as_owner.output
    data = json.loads(as_owner.stdout)
    assert (data["question"], data["channel"], data["customer"]) == (question, "web", owner)
    assert data["subjects"] == [
        {"fact_kind": "orders", "id": order_id, "span": [18, 18 + len(order_id)], "mention": "id"}
    ]
    (check,) = [c for c in data["claims"] if c["claim"]["kind"] == "order_status"]
    assert check["claim"]["value"] == status
    assert check["agreement"] == "agree"
    assert data["truth"][0]["fact"]["customer_id"] == owner

    as_stranger = _run(
        ["ask", "-c", str(config), question, "--as", stranger, "--json", "--channel", "sms"], world
    )
    data = json.loads(as_stranger.stdout)
    assert data["channel"] == "sms"
    assert "can't share" in data["answer"]
    assert not [c for c in data["claims"] if c["claim"]["kind"] == "order_status"]


def test_a_hostile_answer_cannot_drive_the_terminal(tmp_path: Path, world: World) -> None:
    config = _write_config(
        tmp_path,
        world,
        assistant=[{"name": "bot", "kind": "python", "target": f"{__name__}:hostile_answer"}],
    )
    # FORCE_COLOR makes rich style its output as on a terminal, as the pty test above shows.
    result = CliRunner().invoke(
        app,
        ["ask", "-c", str(config), "Is KT-1715 in stock?"],
        env={STAFF_TOKEN_ENV: world.staff_token, "FORCE_COLOR": "1", "COLUMNS": "200"},
    )
    assert result.exit_code == 0, result.output
    assert "\x1b[1m" in result.stdout  # styled as on a terminal
    for payload in ("\x1b]0;PWNED", "\x1b[2J", "\u202e", "\x1b[31mit"):
        assert payload not in result.stdout
    assert "[bold red]pwned[/]" in ANSI.sub("", result.stdout)


def test_exit_codes(tmp_path: Path, world: World) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[audit]\nseed = 'x'\n", encoding="utf-8")
    result = _run(["ask", "-c", str(bad), "hi"], world)
    assert result.exit_code == 2 and "audit.seed" in result.stderr

    config = _write_config(tmp_path, world)
    result = _run(["ask", "-c", str(config), "hi", "--channel", "fax"], world)
    assert result.exit_code == 2 and "no channel 'fax'" in result.stderr

    config = _write_config(
        tmp_path,
        world,
        assistant=[{"name": "web", "kind": "openai", "base_url": "http://127.0.0.1:9/v1"}],
        audit={"retries": 0, "timeout_s": 5},
    )
    result = _run(["ask", "-c", str(config), "hi"], world)
    assert result.exit_code == 3, result.output
    assert "channel web" in result.stderr


def test_a_python_assistant_beside_the_configuration_is_imported(
    tmp_path: Path, world: World
) -> None:
    # The user's bot lives next to audit.toml, not on sys.path: the folder is added for it.
    (tmp_path / "bot_beside_the_config.py").write_text(
        "def answer(question, **_):\n    return 'Beside the config: ' + question\n",
        encoding="utf-8",
    )
    target = "bot_beside_the_config:answer"
    config = _write_config(
        tmp_path, world, assistant=[{"name": "bot", "kind": "python", "target": target}]
    )
    result = _run(["ask", "-c", str(config), "Is KT-1715 in stock?", "--json"], world)
    assert result.exit_code == 0, result.output
    assert "Beside the config: Is KT-1715 in stock?" in result.stdout
