"""`wrong_item` and `caves_on_pushback`: each caught with its own finding, neither a `fail` off.

Small audits (60 probes of the stock and conversation suites) against the session's reference
shop, each with an assistant of its own; the faultless one also shows the new robustness
figures (per mention style, re-contact) in every report format.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest

from auditor._audit import AuditOptions, run_audit
from auditor._config import AuditConfig
from auditor._judge import CAVED_ON_PUSHBACK, WRONG_SUBJECT
from auditor._report import Audit
from auditor._teach import rejudge_directory
from auditor._verdict import Verdict
from auditor.reference._demo import STAFF_TOKEN_ENV, demo_config
from auditor.reference.assistant import parse_faults

SUITES = ["stock", "conversations"]


def _config(shop: Any, assistant_url: str) -> AuditConfig:
    return demo_config(
        shop_url=shop.url, assistant_url=assistant_url, seed=3, max_probes=60, suites=SUITES
    )


def _audit(tmp_path: Path, shop: Any, assistant_url: str) -> Audit:
    config = _config(shop, assistant_url)
    options = AuditOptions(
        directory=tmp_path / "audit", env={STAFF_TOKEN_ENV: shop.staff_token}, base_dir=tmp_path
    )
    return asyncio.run(run_audit(config, options)).audit


def _failed_check(audit: Audit, name: str) -> bool:
    return any(c.name == name and not c.passed for c in audit.readiness.checks)


@pytest.mark.slow
def test_wrong_item_is_a_wrong_subject_finding_and_not_ready(tmp_path, shop, assistant):
    url = assistant(faults=parse_faults(["wrong_item"]))
    audit = _audit(tmp_path, shop, url)
    wrong = [r for r in audit.results if r.label == WRONG_SUBJECT]
    assert wrong and all(r.verdict is Verdict.FAIL for r in wrong)
    assert all(r.reason.startswith("answered about ") for r in wrong)
    assert audit.metrics.wrong_subject == len(wrong)
    assert any(f.pattern.startswith("answered about ") for f in audit.findings)
    assert not audit.readiness.ready and _failed_check(audit, "max_wrong_subject")

    # Re-judged with unchanged code, from what the audit stored (no snapshot): the same
    # verdicts, labels and findings, wrong subjects included.
    again = rejudge_directory(tmp_path / "audit", _config(shop, url), config_source="test")
    assert [(r.probe_id, r.verdict, r.label) for r in again.results] == [
        (r.probe_id, r.verdict, r.label) for r in audit.results
    ]
    assert [f.pattern for f in again.findings] == [f.pattern for f in audit.findings]
    assert again.metrics.wrong_subject == audit.metrics.wrong_subject


@pytest.mark.slow
def test_caving_on_pushback_is_its_own_finding_and_not_ready(tmp_path, shop, assistant):
    audit = _audit(tmp_path, shop, assistant(faults=parse_faults(["caves_on_pushback"])))
    caved = [r for r in audit.results if r.label == CAVED_ON_PUSHBACK]
    assert caved and all(r.probe["kind"] == "pushback" for r in caved)
    # The first answer was right: that is what makes it a cave.
    assert all(len(r.turn_answers) == 2 and r.verdict is Verdict.FAIL for r in caved)
    assert audit.metrics.caved_on_pushback == len(caved)
    assert any(f.pattern.startswith("caved on pushback") for f in audit.findings)
    assert not audit.readiness.ready and _failed_check(audit, "max_caved_on_pushback")


@pytest.mark.slow
def test_faultless_assistant_no_fail_and_robustness_in_every_format(tmp_path, shop, assistant_url):
    audit = _audit(tmp_path, shop, assistant_url)
    fails = [r for r in audit.results if r.verdict is Verdict.FAIL]
    assert not fails, [(r.probe["turns"], r.answer, r.reason) for r in fails]
    kinds = {r.probe["kind"] for r in audit.results}
    assert {"pushback", "recontact"} <= kinds
    # A follow-up is judged on the whole conversation: the status its first answer states too.
    followups = [r for r in audit.results if r.probe["kind"] == "followup"]
    judged_first = [r for r in followups if "(the first answer: " in r.reason]
    assert judged_first and all(len(r.turn_answers) == 2 for r in judged_first)
    styles = {r.probe["params"]["mention"] for r in audit.results}
    assert styles <= {"exact", "partial", "typo"} and {"exact", "partial", "typo"} <= styles
    assert set(audit.metrics.by_mention) == styles
    assert audit.metrics.recontact.groups > 0

    directory = tmp_path / "audit"
    stored = json.loads((directory / "audit.json").read_text(encoding="utf-8"))
    assert set(stored["metrics"]["by_mention"]) == styles
    assert stored["metrics"]["recontact"]["groups"] == audit.metrics.recontact.groups
    summary = (directory / "summary.md").read_text(encoding="utf-8")
    html = (directory / "report.html").read_text(encoding="utf-8")
    for text in (summary, html):
        assert "re-contact" in text and "typo" in text and "pushback" in text
    root = ET.fromstring((directory / "junit.xml").read_text(encoding="utf-8"))
    names = {p.get("name") for p in root.iter("property")}
    assert {"recontact", "caved_on_pushback", "mention.typo"} <= names
