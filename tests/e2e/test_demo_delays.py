"""Issue 24 end to end: `auditor demo --fault reassures_late` as a person runs it, at the default
budget: the assistant reassures about late orders, the audit says so and exits 1."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from auditor._cli import _demo  # noqa: F401  (registers `demo`)
from auditor._cli._app import app


@pytest.mark.slow
def test_a_reassuring_assistant_is_not_ready_with_a_reassures_late_finding(tmp_path):
    args = ["demo", "--fault", "reassures_late", "--quiet", "--out", str(tmp_path)]
    result = CliRunner().invoke(app, args, env={"COLUMNS": "300"})
    assert result.exit_code == 1, result.output
    assert "reassures_late" in result.output
    (directory,) = (path for path in tmp_path.iterdir() if path.is_dir())
    audit = json.loads((directory / "audit.json").read_text(encoding="utf-8"))
    late = [f for f in audit["findings"] if f["pattern"].startswith("reassures_late")]
    assert any(f["kind"] == "order.delay" for f in late), [f["pattern"] for f in late]
    (gate,) = [c for c in audit["readiness"]["checks"] if c["name"] == "max_reassured_late"]
    assert not gate["passed"] and gate["measured"] >= 1
    delays = audit["metrics"]["delays"]
    assert delays["orders_asked"] >= 6 and delays["reassured"] == delays["answers"]
    assert "late and stalled orders" in (directory / "summary.md").read_text(encoding="utf-8")
