"""The pytest plugin on a sample project: an audit.toml pointing at a reference world started here,
and a team's own `test_custom.py` using the fixtures and `@given` over an edge class.

The sample project runs in-process (`pytester.runpytest`); `-p no:asyncio` keeps our own
pytest-asyncio, which users need not have, out of it.
"""

from __future__ import annotations

import asyncio
import os
import re
import textwrap
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from auditor._anchors import open_anchors
from auditor._anchors._toml import toml_tables
from auditor._audit import plan_for
from auditor._config import AuditConfig
from auditor._explore._pytest import item_name
from auditor._probes import Probe, load_suites
from auditor.reference._demo import STAFF_TOKEN_ENV, demo_config
from auditor.reference._world import World, running_world
from auditor.reference.assistant import Faults

pytest_plugins = ["pytester"]

MAX_PROBES = 16
MOVING_SHOP_ENV = "MOVING_SHOP_URL"
NOT_IN_STOCK = {"catalogued_out_of_stock", "backordered", "discontinued"}
DOC = Path(__file__).resolve().parents[2] / "docs" / "pytest.md"


def _custom_tests() -> str:
    """The sample `test_custom.py` is the example in docs/pytest.md, so the docs run."""
    text = DOC.read_text(encoding="utf-8")
    marker = text.index("is run by tests/integration/test_pytest_plugin.py")
    found = re.search(r"```python\n(.*?)```", text[marker:], re.DOTALL)
    assert found is not None, "docs/pytest.md lost its sample test_custom.py"
    return found[1]


CUSTOM_TESTS = _custom_tests()


@pytest.fixture(scope="module")
def faultless() -> Iterator[World]:
    with running_world(seed=7, items=60) as world:
        yield world


@pytest.fixture(scope="module")
def ignores_stock() -> Iterator[World]:
    with running_world(seed=7, items=60, faults=Faults(ignores_stock=True)) as world:
        yield world


def _config(world: World, **audit: object) -> AuditConfig:
    config = demo_config(
        shop_url=world.shop_url,
        assistant_url=world.assistant_url,
        seed=7,
        max_probes=MAX_PROBES,
        suites=["stock"],
    )
    if audit:
        config = config.model_copy(update={"audit": config.audit.model_copy(update=audit)})
    return config


def _project(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, world: World, config: AuditConfig
) -> Path:
    monkeypatch.setenv(STAFF_TOKEN_ENV, world.staff_token)
    path = pytester.path / "audit.toml"
    path.write_text(
        toml_tables(config.model_dump(mode="json", exclude_none=True)), encoding="utf-8"
    )
    pytester.makepyfile(test_custom=CUSTOM_TESTS)
    return path


def _plan(world: World, config: AuditConfig) -> list[Probe]:
    async def read() -> list[Probe]:
        async with open_anchors(
            config.anchors,
            read_only=True,
            env={STAFF_TOKEN_ENV: world.staff_token},
            base_dir=Path.cwd(),
        ) as anchors:
            snapshot = await anchors.snapshot()
        suites = load_suites(config.probes.suites)
        # The plan `auditor run` draws (`min_per_class` coverage rounds, injection rules).
        return plan_for(config, snapshot, suites, [a.name for a in config.assistant])

    return asyncio.run(read())


def _names(probes: list[Probe]) -> list[str]:
    seen: Counter[str] = Counter()
    return [f"audit::{item_name(p, seen)}" for p in probes]


def test_probes_are_collected_as_items_named_by_kind_subject_and_channel(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, faultless: World
) -> None:
    config = _config(faultless)
    _project(pytester, monkeypatch, faultless, config)
    result = pytester.runpytest(
        "-p", "no:asyncio", "--audit-config", "audit.toml", "--collect-only", "-q"
    )
    collected = [line for line in result.outlines if line.startswith("audit::")]
    assert collected == _names(_plan(faultless, config))
    assert len(collected) == MAX_PROBES
    for name in collected:
        # a SKU, or the head noun a recommendation asks about
        assert re.fullmatch(
            r"audit::[a-z_.]+\[(?:[A-Z]{2}-\d{4}|[a-z]+)\]::(web|sms)(#\d+)?", name
        ), name
    assert "audit::stock.availability[" in "\n".join(collected)
    assert any(line.startswith("test_custom.py::test_fixtures") for line in result.outlines)


def test_a_faultless_assistant_passes(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, faultless: World
) -> None:
    _project(pytester, monkeypatch, faultless, _config(faultless))
    result = pytester.runpytest("-p", "no:asyncio", "--audit-config", "audit.toml")
    result.assert_outcomes(passed=MAX_PROBES + 2)
    assert "readiness-auditor: audit.toml (reference-demo)" in result.stdout.str()


def test_an_assistant_that_ignores_stock_fails_the_out_of_stock_items(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, ignores_stock: World
) -> None:
    config = _config(ignores_stock)
    _project(pytester, monkeypatch, ignores_stock, config)
    result = pytester.runpytest("-p", "no:asyncio", "--audit-config", "audit.toml", "-rfs")
    probes = _plan(ignores_stock, config)
    # A discontinued item with units left is rightly "in stock" (auditor/_compat.py), so only
    # the items that are not to be had are sure failures.
    expected_failures = {
        name
        for name, probe in zip(_names(probes), probes, strict=True)
        if probe.kind == "stock.availability"
        and probe.edge_class in NOT_IN_STOCK - {"discontinued"}
    }
    failed = set(re.findall(r"^FAILED (audit::\S+)", result.stdout.str(), re.MULTILINE))
    assert expected_failures and expected_failures <= failed
    assert "FAILED test_custom.py::test_out_of_stock_items_are_not_sold" in result.stdout.str()
    # The failure message is the evidence: question, the answer as given, claims and truth.
    output = result.stdout.str()
    assert re.search(
        r"^verdict: fail: says in_stock where the truth is out_of_stock$", output, re.MULTILINE
    )
    assert re.search(
        r"^answer: .*\(([A-Z]{2}-\d{4})\) is (in stock|available)", output, re.MULTILINE
    )
    assert re.search(r"^truth before \(snapshot, .*availability=out_of_stock", output, re.MULTILINE)
    outcomes = result.parseoutcomes()
    assert outcomes["failed"] == len(failed) + 1
    # An answer the auditor could not read skips (its own limit, not the assistant's): seed 7's
    # plan asks a stock.quantity question that this assistant answers without a count.
    skipped = re.findall(r"^SKIPPED \[\d+\] .*: (unread|indeterminate): ", output, re.MULTILINE)
    assert outcomes.get("skipped", 0) == len(skipped)
    assert outcomes["passed"] + len(skipped) == MAX_PROBES - len(failed) + 1


def restocking_answer(question: str, **_: object) -> str:
    """An assistant (python adapter) that restocks the item it is asked about, then says so:
    the truth moves while the probe runs."""
    found = re.search(r"[A-Z]{2}-\d{4}", question)
    assert found is not None, question
    response = httpx.put(
        f"{os.environ[MOVING_SHOP_ENV]}/_sandbox/stock/{found[0]}",
        json={"available": 50},
        headers={"Authorization": f"Bearer {os.environ[STAFF_TOKEN_ENV]}"},
    )
    response.raise_for_status()
    return f"Yes, {found[0]} is in stock."


def test_a_truth_that_moves_while_asking_skips_as_indeterminate(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    suite = """
        [[kind]]
        name = "stock.availability"
        phrasings = ["Is {sku} in stock?"]
        [kind.weights]
        in_stock = 0
        discontinued = 0
        backordered = 0
        last_unit = 0
        lookalike_name = 0
        non_ascii_name = 0
    """
    (pytester.path / "moving.toml").write_text(textwrap.dedent(suite), encoding="utf-8")
    with running_world(seed=7, items=60) as world:
        data = _config(world, max_probes=2).model_dump(mode="json")
        data["assistant"] = [
            {"name": "bot", "kind": "python", "target": f"{__name__}:restocking_answer"}
        ]
        data["probes"] = {"suites": [], "files": ["moving.toml"]}
        _project(pytester, monkeypatch, world, AuditConfig.model_validate(data))
        monkeypatch.setenv(MOVING_SHOP_ENV, world.shop_url)
        result = pytester.runpytest(
            "-p", "no:asyncio", "--audit-config", "audit.toml", "-k", "audit", "-rs"
        )
    result.assert_outcomes(skipped=2, deselected=2)
    result.stdout.fnmatch_lines(
        ["*indeterminate: says in_stock: matches the truth after the answer but not before it*"]
    )


def mumbling_answer(question: str, **_: object) -> str:
    return "Blorp fizzle wump."


def test_an_answer_nobody_can_read_skips_as_unread(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, faultless: World
) -> None:
    data = _config(faultless, max_probes=2).model_dump(mode="json")
    data["assistant"] = [{"name": "bot", "kind": "python", "target": f"{__name__}:mumbling_answer"}]
    _project(pytester, monkeypatch, faultless, AuditConfig.model_validate(data))
    result = pytester.runpytest(
        "-p", "no:asyncio", "--audit-config", "audit.toml", "-k", "audit", "-rs"
    )
    result.assert_outcomes(skipped=2, deselected=2)
    result.stdout.fnmatch_lines(
        ["*unread: could not read a availability claim about *; answer: Blorp fizzle wump.*"]
    )


def test_an_unreachable_assistant_is_an_error_of_each_probe(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, faultless: World
) -> None:
    config = _config(faultless, max_probes=3, retries=0, timeout_s=5)
    closed = config.model_copy(
        update={
            "assistant": [
                a.model_copy(update={"base_url": "http://127.0.0.1:9/v1"})
                for a in config.assistant
                if a.kind == "openai"
            ]
        }
    )
    _project(pytester, monkeypatch, faultless, closed)
    result = pytester.runpytest("-p", "no:asyncio", "--audit-config", "audit.toml", "-k", "audit")
    result.assert_outcomes(errors=3, deselected=2)
    assert "verdict: error:" in result.stdout.str()


def test_unreachable_anchors_fail_collection_with_the_reason(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, faultless: World
) -> None:
    config = _config(faultless)
    closed = config.model_copy(
        update={
            "anchors": {
                name: anchor.model_copy(update={"base_url": "http://127.0.0.1:9", "retries": 0})
                for name, anchor in config.anchors.items()
            }
        }
    )
    _project(pytester, monkeypatch, faultless, closed)
    result = pytester.runpytest("-p", "no:asyncio", "--audit-config", "audit.toml")
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.stdout.fnmatch_lines(["*ERROR collecting audit*", "audit audit.toml: anchors:*"])


def test_without_audit_config_the_plugin_does_nothing(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_custom=CUSTOM_TESTS)
    result = pytester.runpytest("-p", "no:asyncio")
    result.assert_outcomes(errors=2)
    result.stdout.fnmatch_lines(["*fixture 'audit_config' not found*"])
    assert "audit::" not in result.stdout.str()
    help_text = pytester.runpytest("-p", "no:asyncio", "--help").stdout.str()
    assert "--audit-config=PATH" in help_text


def test_a_bad_config_is_a_usage_error(pytester: pytest.Pytester) -> None:
    (pytester.path / "audit.toml").write_text("[audit]\nseed = 'x'\n", encoding="utf-8")
    result = pytester.runpytest("-p", "no:asyncio", "--audit-config", "audit.toml")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*--audit-config audit.toml: cannot be used:*", "*audit.seed:*"])
