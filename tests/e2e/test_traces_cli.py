"""`auditor run --traces` and `auditor demo --traces` as a person runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from auditor._anchors._toml import toml_tables
from auditor._serve import bind_socket, serve_in_thread
from auditor.reference._audit_config import reference_anchors
from auditor.reference.assistant import Faults, create_assistant

AUDITOR = [sys.executable, "-c", "from auditor._cli import main; main()"]
TOKEN_ENV = "E2E_SHOP_STAFF_TOKEN"

pytestmark = pytest.mark.slow


def test_run_with_traces_maps_a_users_assistant_exporting_to_the_fixed_port(tmp_path, shop):
    spare = bind_socket()
    port = spare.getsockname()[1]
    spare.close()  # the receiver takes this port when the run starts
    assistant = create_assistant(
        shop_url=shop.url,
        staff_token=shop.staff_token,
        faults=Faults(blind_to_returns=True),
        otlp_endpoint=f"http://127.0.0.1:{port}",
    )
    with serve_in_thread(assistant) as assistant_url:
        anchors = {
            n: a.model_dump(exclude_none=True)
            for n, a in reference_anchors(shop.url, TOKEN_ENV).items()
        }
        config = tmp_path / "audit.toml"
        config.write_text(
            toml_tables(
                {
                    "audit": {"name": "e2e-run-traces", "max_probes": 12, "shrink_budget": 0},
                    "assistant": [
                        {"name": "web", "kind": "openai", "base_url": f"{assistant_url}/v1"}
                    ],
                    "anchors": anchors,
                    "probes": {"suites": ["returns"]},
                    "traces": {"port": port, "tracestate": "auditor=e2e"},
                }
            ),
            encoding="utf-8",
        )
        result = subprocess.run(
            [
                *AUDITOR,
                "run",
                "-c",
                str(config),
                "--traces",
                "--no-history",
                "-q",
                "--out",
                str(tmp_path / "reports"),
            ],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
            env={**os.environ, TOKEN_ENV: shop.staff_token, "COLUMNS": "300"},
        )
    assert result.returncode == 1, result.stderr  # blind to returns: not ready
    assert f"OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:{port}" in result.stderr
    assert "Traceback" not in result.stderr
    (directory,) = (tmp_path / "reports").iterdir()
    audit = json.loads((directory / "audit.json").read_text(encoding="utf-8"))
    omap = audit["orchestration"]
    assert omap["source"] == "traces" and omap["ambiguous"] == 0
    flags = [f["message"] for f in omap["flags"] if f["flag"] == "not_consulted"]
    assert any("return.status questions without calling the returns API" in m for m in flags)
    assert all(r["trace_id"] for r in audit["results"])


def test_demo_with_traces_shows_the_map_in_the_html_report(tmp_path):
    out = tmp_path / "reports"
    result = subprocess.run(
        [*AUDITOR, "demo", "--traces", "--max-probes", "12", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=tmp_path,
        env={**os.environ, "COLUMNS": "300"},
    )
    assert result.returncode == 0, result.stderr
    assert "OTLP receiver on http://127.0.0.1:" in result.stderr
    (directory,) = [p for p in out.iterdir() if p.is_dir()]
    assert (directory / "traces.jsonl").exists() and not (directory / "tap.jsonl").exists()
    html = (directory / "report.html").read_text(encoding="utf-8")
    assert 'id="orchestration-figure"' in html and "Source: traces" in html
