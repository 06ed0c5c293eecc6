"""Never a false READY (issue 19, items 1 and 4), against the reference shop on loopback.

A mapping that reads nothing is a configuration error before any question is asked; an edge
class or a probe kind the data cannot serve is shown as not covered and holds readiness back;
an assistant that cannot be reached makes the audit "could not run" (exit 3), not "not ready".
"""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

import pytest
import typer

from auditor._cli._run import execute
from auditor._config import AuditConfig, parse_config
from auditor.reference._audit_config import reference_anchors
from auditor.reference.assistant import parse_faults

TOKEN_ENV = "HONESTY_SHOP_TOKEN"


def _config(
    shop_url: str, assistant_url: str, stock: dict[str, Any] | None = None, **audit: Any
) -> AuditConfig:
    anchors = {n: a.model_dump() for n, a in reference_anchors(shop_url, TOKEN_ENV).items()}
    anchors["inventory"]["stock"].update(stock or {})
    return parse_config(
        {
            "audit": {"name": "honesty", "seed": 3, "max_probes": 24, "timeout_s": 10, **audit},
            "assistant": [{"name": "web", "kind": "openai", "base_url": f"{assistant_url}/v1"}],
            "anchors": anchors,
            "probes": {"suites": ["stock"]},
        }
    )


def _run(config: AuditConfig, directory: Path, shop: Any) -> int:
    env = {TOKEN_ENV: shop.staff_token}
    return execute(config, directory, base_dir=directory.parent, env=env, resume=False, quiet=True)


def test_a_mapping_that_reads_nothing_is_a_configuration_error_before_any_question(
    shop, assistant, tmp_path, capsys
):
    # The assistant says everything is in stock: with the stock probes gone, it used to pass.
    url = assistant(faults=parse_faults(["ignores_stock"]))
    config = _config(shop.url, url, {"items_path": "$.itemz[*]"})
    with pytest.raises(typer.Exit) as exited:
        _run(config, tmp_path / "audit", shop)
    assert exited.value.exit_code == 2
    said = " ".join(capsys.readouterr().err.split())
    for part in ("anchor `inventory`", "`listItems`", "$.itemz[*]", "items (a list of"):
        assert part in said, said
    assert not (tmp_path / "audit" / "results.jsonl").exists()  # nothing was asked


def test_what_the_data_cannot_serve_is_not_covered_in_every_format_and_not_ready(
    shop, assistant_url, tmp_path, capsys
):
    # Without `on_hand`, no item has a count: `stock.quantity` has no subject, and neither have
    # the classes defined by the count (catalogued_out_of_stock, last_unit).
    fields = {"sku": "$.sku", "name": "$.name", "status": "$.status"}
    config = _config(shop.url, assistant_url, {"fields": fields})
    directory = tmp_path / "audit"
    assert _run(config, directory, shop) == 1
    printed = capsys.readouterr().out
    audit = json.loads((directory / "audit.json").read_text(encoding="utf-8"))
    edges = audit["metrics"]["coverage"]["edge_classes"]
    assert edges["subjects"]["last_unit"] == 0 and "last_unit" in edges["missing"]
    assert edges["why"]["last_unit"] == "0 subjects"
    kinds = audit["metrics"]["coverage"]["probe_kinds"]
    assert kinds["missing"] == ["stock.quantity"]
    check = next(c for c in audit["readiness"]["checks"] if c["name"] == "probe_kinds_asked")
    assert not check["passed"] and "stock.quantity: no subject in the data" in check["reason"]
    assert not audit["readiness"]["ready"]
    line = "edge class last_unit: not covered: 0 subjects"
    for name in ("summary.md", "report.html"):
        text = (directory / name).read_text(encoding="utf-8")
        assert line in text and "probe kind stock.quantity: not asked" in text, name
    junit = (directory / "junit.xml").read_text(encoding="utf-8")
    assert 'name="edge class last_unit"' in junit
    assert '<skipped message="not covered: 0 subjects"' in junit
    assert line in " ".join(printed.split())


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_an_assistant_that_cannot_be_reached_is_could_not_run_exit_3(shop, tmp_path, capsys):
    url = f"http://127.0.0.1:{_closed_port()}"
    config = _config(shop.url, url, max_probes=12, retries=0, timeout_s=2)
    directory = tmp_path / "audit"
    assert _run(config, directory, shop) == 3
    printed = " ".join(capsys.readouterr().out.split())
    assert "COULD NOT RUN" in printed and "NOT READY" not in printed
    assert "cannot connect to the assistant" in printed
    audit = json.loads((directory / "audit.json").read_text(encoding="utf-8"))
    assert audit["readiness"]["could_not_run"].startswith("12 of 12 probes")
    assert not audit["readiness"]["ready"]
    assert "COULD NOT RUN" in (directory / "summary.md").read_text(encoding="utf-8")
    assert "COULD NOT RUN" in (directory / "report.html").read_text(encoding="utf-8")
    assert 'type="could_not_run"' in (directory / "junit.xml").read_text(encoding="utf-8")
