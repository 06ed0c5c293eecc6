"""`auditor anchors` and `auditor init` as a user runs them, against a shop started here."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from auditor._anchors import open_anchors
from auditor._anchors._toml import toml_tables
from auditor._edges import edge_class_members
from auditor._resources import openapi_document
from auditor._serve import bind_socket, serve_in_thread, url_of
from auditor.reference._audit_config import reference_anchors
from auditor.reference.shop import create_shop

AUDITOR = [sys.executable, "-c", "from auditor._cli import main; main()"]
TOKEN_ENV = "E2E_SHOP_STAFF_TOKEN"


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*AUDITOR, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
        check=False,
    )


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[str, str]]:
    shop = create_shop(items=120)
    with serve_in_thread(shop.app) as url:
        yield url, shop.staff_token


def _config(tmp_path: Path, url: str) -> Path:
    anchors = {
        n: a.model_dump(exclude_none=True) for n, a in reference_anchors(url, TOKEN_ENV).items()
    }
    data = {
        "audit": {"name": "e2e"},
        "assistant": [{"name": "web", "kind": "openai", "base_url": "http://127.0.0.1:8000/v1"}],
        "anchors": anchors,
    }
    path = tmp_path / "audit.toml"
    path.write_text(toml_tables(data), encoding="utf-8")
    return path


def _expected_counts(url: str, token: str) -> dict[str, int]:
    async def read() -> dict[str, int]:
        configs = reference_anchors(url, TOKEN_ENV)
        async with open_anchors(
            configs, read_only=True, env={TOKEN_ENV: token}, base_dir=Path()
        ) as a:
            return {k: len(v) for k, v in edge_class_members(await a.snapshot()).items()}

    return asyncio.run(read())


def test_anchors_lists_every_edge_class_with_its_count(
    served: tuple[str, str], tmp_path: Path
) -> None:
    url, token = served
    result = _run("anchors", "-c", str(_config(tmp_path, url)), env={TOKEN_ENV: token})
    assert result.returncode == 0, result.stderr
    for name, count in _expected_counts(url, token).items():
        assert f"{name}: {count} subject" in result.stdout
    assert "listItems" in result.stdout and "no contract findings" in result.stdout


def test_anchors_json_is_one_document(served: tuple[str, str], tmp_path: Path) -> None:
    url, token = served
    result = _run("anchors", "-c", str(_config(tmp_path, url)), "--json", env={TOKEN_ENV: token})
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [a["name"] for a in data["anchors"]] == ["inventory", "orders", "returns"]
    counts = {e["name"]: e["count"] for e in data["edge_classes"]}
    assert counts == _expected_counts(url, token)
    assert all(a["error"] is None and a["latency_ms"] is not None for a in data["anchors"])


def test_a_bad_config_exits_2_with_its_problems(tmp_path: Path) -> None:
    path = tmp_path / "audit.toml"
    path.write_text('[audit]\nname = "x"\n[anchors.a]\nspec = "s.yaml"\n', encoding="utf-8")
    result = _run("anchors", "-c", str(path))
    assert result.returncode == 2
    assert "assistant" in result.stderr and "anchors.a.base_url" in result.stderr


def test_a_missing_token_exits_2_naming_the_variable(
    served: tuple[str, str], tmp_path: Path
) -> None:
    url, _ = served
    env = {k: v for k, v in os.environ.items() if k != TOKEN_ENV}
    result = subprocess.run(
        [*AUDITOR, "anchors", "-c", str(_config(tmp_path, url))],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert result.returncode == 2
    assert TOKEN_ENV in result.stderr


def test_an_unreachable_anchor_exits_3(tmp_path: Path) -> None:
    sock = bind_socket()
    url = url_of(sock)
    sock.close()
    result = _run("anchors", "-c", str(_config(tmp_path, url)), env={TOKEN_ENV: "t"})
    assert result.returncode == 3
    assert "ConnectError" in result.stderr


def test_init_writes_a_starter_and_refuses_to_overwrite(
    served: tuple[str, str], tmp_path: Path
) -> None:
    url, token = served
    out = tmp_path / "conf" / "audit.toml"
    out.parent.mkdir()
    specs = [
        a
        for name in ("inventory", "orders", "returns")
        for a in ("--spec", str(openapi_document(name)))
    ]
    first = _run("init", *specs, "--base-url", url, "-o", str(out))
    assert first.returncode == 0, first.stderr
    assert "wrote" in first.stdout
    again = _run("init", *specs, "-o", str(out))
    assert again.returncode == 2 and "--force" in again.stderr
    forced = _run("init", *specs, "--base-url", url, "-o", str(out), "--force")
    assert forced.returncode == 0
    env = {"ORDERS_TOKEN": token, "RETURNS_TOKEN": token}
    mapped = _run("anchors", "-c", str(out), "--json", env=env)
    assert mapped.returncode == 0, mapped.stderr
    assert json.loads(mapped.stdout)["anchors"][0]["facts"][0]["missing"] == []
