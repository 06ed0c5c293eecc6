"""`metrics.prom`: the audit as OpenMetrics, read back with the Prometheus client's own parser.

The values are checked against the report model they come from, the names against the table
in docs/metrics.md and the examples in examples/ that Grafana and Prometheus would load.
"""

from __future__ import annotations

import base64
import json
import math
import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import prometheus_client
import pytest
import yaml
from prometheus_client.openmetrics.parser import text_string_to_metric_families
from prometheus_client.samples import Sample

from auditor._config import GateSection, NotifySection
from auditor._lag import LagRecord, summarise_lag
from auditor._push import shown_url, target
from auditor._report import Audit, write_reports
from auditor._report._metrics import percentile
from auditor._report._prometheus import (
    MAX_LABEL_LENGTH,
    metric_families,
    push_groups,
    render_metrics,
)
from auditor._verdict import Verdict
from tests.unit.report.conftest import NOW, audit, mixed_results, result

ROOT = Path(__file__).parents[3]
EXAMPLES = ROOT / "examples"


def samples(text: str) -> list[Sample]:
    return [s for family in text_string_to_metric_families(text) for s in family.samples]


def value(text: str, name: str, **labels: str) -> float:
    found = [
        s.value
        for s in samples(text)
        if s.name == name and all(s.labels.get(k) == v for k, v in labels.items())
    ]
    assert len(found) == 1, (name, labels, found)
    return found[0]


def lag_record(kind: str, n: int, status: str = "reflected", lag: float = 1.0) -> LagRecord:
    return LagRecord(
        scenario=f"{kind}#{n}",
        kind=kind,
        status=status,  # type: ignore[arg-type]
        subject=f"S-{n}",
        lag_s=lag if status == "reflected" else None,
        deadline_s=60.0,
        started_at=NOW,
        finished_at=NOW + timedelta(seconds=1),
    )


def full_audit() -> Audit:
    """Every family has samples: two channels, streaming latencies, and a lag phase."""
    results = [*mixed_results(), result(7, ttft_ms=40.0, latency_ms=900.0)]
    lag = summarise_lag(
        [
            lag_record("stock_out", 0, lag=2.0),
            lag_record("stock_out", 1, lag=30.0),
            lag_record("order_shipped", 2, "not_reflected"),
        ]
    )
    return audit(results).model_copy(update={"lag": lag})


def test_the_file_is_openmetrics_and_its_values_are_the_models(tmp_path):
    a = full_audit()
    write_reports(tmp_path, a)
    text = (tmp_path / "metrics.prom").read_text(encoding="utf-8")
    assert text.endswith("# EOF\n")
    base = {"audit": "acme-assistant", "profile": "ci"}
    assert value(text, "auditor_ready", **base) == float(a.readiness.ready) == 0.0
    assert value(text, "auditor_inconclusive", **base) == 0.0
    for check in a.readiness.checks:
        assert value(text, "auditor_gate_threshold", check=check.name) == check.threshold
        assert value(text, "auditor_gate_passed", check=check.name) == float(check.passed)
        measured = value(text, "auditor_gate_measured", check=check.name, unit=check.unit)
        assert measured == check.measured or (check.measured is None and math.isnan(measured))
    verdicts = [s for s in samples(text) if s.name == "auditor_probe_verdicts"]
    assert sum(s.value for s in verdicts) == len(a.results)
    by_channel = {
        c: sum(s.value for s in verdicts if s.labels["channel"] == c and s.labels["verdict"] == v)
        for c, v in [("web", "fail"), ("sms", "pass")]
    }
    assert by_channel == {"web": 2.0, "sms": 1.0}
    web = [r.latency_ms / 1000 for r in a.results if r.latency_ms and r.probe["channel"] == "web"]
    for q in ("0.5", "0.95"):
        got = value(text, "auditor_answer_latency_seconds", channel="web", quantile=q)
        assert got == percentile(web, float(q))
    assert value(text, "auditor_answer_latency_seconds_count", channel="web") == len(web)
    assert value(text, "auditor_first_token_seconds", channel="web", quantile="0.5") == 0.04
    assert value(text, "auditor_lag_seconds", scenario_kind="stock_out", quantile="1") == 30.0
    assert value(text, "auditor_lag_seconds_count", scenario_kind="stock_out") == 2
    shipped = {"scenario_kind": "order_shipped", "status": "not_reflected"}
    assert value(text, "auditor_lag_scenarios", **shipped) == 1
    assert value(text, "auditor_finished_timestamp_seconds") == a.finished_at.timestamp()


def test_every_series_names_the_audit_and_profile_and_channel_series_their_channel():
    text = render_metrics(full_audit())
    for s in samples(text):
        assert s.labels["audit"] == "acme-assistant" and s.labels["profile"] == "ci", s
        if s.name.startswith(("auditor_probe_verdicts", "auditor_answer_latency")):
            assert s.labels["channel"] in ("web", "sms"), s


def test_an_audit_that_could_not_conclude_is_inconclusive_and_never_ready():
    unread = [result(n, verdict=Verdict.UNREAD, said=None) for n in range(4)]
    text = render_metrics(audit(unread))
    assert value(text, "auditor_ready") == 0.0
    assert value(text, "auditor_inconclusive") == 1.0
    assert value(text, "auditor_could_not_run") == 0.0
    outage = audit([result(0)]).model_copy(
        update={
            "readiness": audit([result(0)]).readiness.model_copy(
                update={"ready": False, "could_not_run": "the assistant did not answer"}
            )
        }
    )
    text = render_metrics(outage)
    assert value(text, "auditor_could_not_run") == value(text, "auditor_inconclusive") == 1.0
    interrupted = audit([result(0)]).model_copy(update={"status": "interrupted"})
    assert value(render_metrics(interrupted), "auditor_inconclusive") == 1.0
    ready = audit([result(n) for n in range(3)], gate=GateSection(max_deflection_rate=None))
    assert ready.readiness.ready
    text = render_metrics(ready)
    assert value(text, "auditor_ready") == 1.0 and value(text, "auditor_inconclusive") == 0.0


def test_label_values_are_bounded_and_stay_parseable():
    name = 'acme "prod"\n\x1b[31m\\' + "x" * 500
    text = render_metrics(audit([result(0)], name=name))
    labels = {s.labels["audit"] for s in samples(text)}
    assert len(labels) == 1
    (shown,) = labels
    assert len(shown) == MAX_LABEL_LENGTH and "\n" not in shown and "\x1b" not in shown
    assert shown.startswith('acme "prod"')


def test_the_global_registry_is_never_used():
    before = {m.name for m in prometheus_client.REGISTRY.collect()}
    render_metrics(full_audit())
    push_groups(full_audit())
    after = {m.name for m in prometheus_client.REGISTRY.collect()}
    assert after == before and not any(n.startswith("auditor_") for n in after)


def test_rendering_is_deterministic():
    assert render_metrics(full_audit()) == render_metrics(full_audit())


def test_each_push_group_holds_exactly_the_series_its_labels_agree_with():
    a = full_audit()
    groups = push_groups(a)
    keys = [key for key, _ in groups]
    assert keys == [
        {"audit": "acme-assistant", "profile": "ci"},
        {"audit": "acme-assistant", "profile": "ci", "channel": "sms"},
        {"audit": "acme-assistant", "profile": "ci", "channel": "web"},
    ]
    pushed = []
    for key, registry in groups:
        for family in registry.collect():
            for s in family.samples:
                assert {k: s.labels.get(k) for k in ("audit", "profile", "channel")} == {
                    "channel": None,
                    **key,
                }
                pushed.append(s)
    every = [s for f in metric_families(a) for s in f.samples]
    assert sorted(map(repr, pushed)) == sorted(map(repr, every))


# The names are a contract: docs/metrics.md lists them, dashboards and alerts use them.

_ROW = re.compile(r"^\| `(auditor_[a-z0-9_]+)` \| (\w+) \| ([\w, ]+) \|", re.MULTILINE)


def emitted() -> dict[str, tuple[str, set[str]]]:
    """Exposed name -> (type, label names) over every family of the fullest audit."""
    out = {}
    for family in metric_families(full_audit()):
        name = family.name + "_info" if family.type == "info" else family.name
        labels = {k for s in family.samples for k in s.labels}
        out[name] = (family.type, labels)
    return out


def test_the_documented_table_is_exactly_what_is_emitted():
    table = {
        name: (typ, {label.strip() for label in labels.split(",")})
        for name, typ, labels in _ROW.findall((ROOT / "docs" / "metrics.md").read_text())
    }
    assert table == emitted()


def _exprs(node: Any) -> list[str]:
    """Every PromQL expression in a dashboard or a rule file (`expr` and variable queries)."""
    if isinstance(node, dict):
        found = [v for k, v in node.items() if k in ("expr", "definition") and isinstance(v, str)]
        return found + [e for v in node.values() for e in _exprs(v)]
    if isinstance(node, list):
        return [e for v in node for e in _exprs(v)]
    return []


def _referenced(exprs: list[str]) -> set[str]:
    return {m for e in exprs for m in re.findall(r"(?<![\w])auditor_[a-z0-9_]+", e)}


@pytest.mark.parametrize("example", ["grafana-dashboard.json", "prometheus-alerts.yaml"])
def test_every_metric_the_examples_use_is_in_a_real_metrics_file(example, tmp_path):
    write_reports(tmp_path, full_audit())
    names = {s.name for s in samples((tmp_path / "metrics.prom").read_text(encoding="utf-8"))}
    raw = (EXAMPLES / example).read_text(encoding="utf-8")
    data = json.loads(raw) if example.endswith(".json") else yaml.safe_load(raw)
    exprs = _exprs(data)
    assert len(exprs) >= 8, example
    used = _referenced(exprs)
    assert used, example
    assert used <= names, f"{example} uses metrics never emitted: {sorted(used - names)}"
    assert _referenced([raw]) == used, "a metric name outside any expression"


def test_the_alert_rules_are_well_formed():
    rules = yaml.safe_load((EXAMPLES / "prometheus-alerts.yaml").read_text())
    (group,) = rules["groups"]
    alerts = [r["alert"] for r in group["rules"]]
    assert len(alerts) == len(set(alerts)) >= 5
    for rule in group["rules"]:
        assert set(rule) <= {"alert", "expr", "for", "labels", "annotations"}
        assert rule["annotations"]["summary"]


# The gateway URL: credentials from the environment only, never shown.


def test_a_written_password_is_refused_without_being_repeated():
    with pytest.raises(ValueError) as refused:
        NotifySection(pushgateway="http://me:hunter2-secret@push.example:9091")
    assert "hunter2-secret" not in str(refused.value).split("input_value")[0]
    assert "{{env.NAME}}" in str(refused.value)
    for bad in ("ftp://push.example", "http://{{question}}@h", "http://h/{{env.X"):
        with pytest.raises(ValueError):
            NotifySection(pushgateway=bad)


def test_credentials_are_filled_from_the_environment_and_left_out_of_messages():
    template = "https://{{env.PUSH_USER}}:{{env.PUSH_PASSWORD}}@push.example:9091/base"
    config = NotifySection(pushgateway=template)
    assert config.pushgateway == template
    url, auth = target(template, {"PUSH_USER": "ops", "PUSH_PASSWORD": "p@ss/w%41rd:"})
    assert url == "https://push.example:9091/base"
    assert auth is not None
    request = httpx.Request("PUT", url)
    sent = next(auth.auth_flow(request)).headers["Authorization"]
    assert base64.b64decode(sent.split()[1]) == b"ops:p@ss/w%41rd:"
    assert shown_url(template) == "https://push.example:9091/base"
    assert target("http://push.example", {}) == ("http://push.example", None)
