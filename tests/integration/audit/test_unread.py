"""An answer nobody can read is `unread`: in the results, in all four reports, and the gate.

The assistant is the faultless reference assistant behind an in-process front
(`tests/apps/mumbling_bot.py`) that mumbles for some questions: those answers carry no claim and
no deflection, so the auditor must say it could not read them, list them with their text in
every format (escaped), and refuse READY while fewer than 95 % of the answers were read.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any
from xml.etree import ElementTree as ET

import pytest

from auditor._audit import AuditOptions, run_audit
from auditor._config import PythonAssistant
from auditor._verdict import Verdict
from auditor.reference._demo import STAFF_TOKEN_ENV, demo_config
from tests.apps import mumbling_bot


@pytest.mark.slow
def test_unread_answers_are_reported_everywhere_and_the_audit_is_not_ready(
    tmp_path, shop: Any, assistant_url: str, monkeypatch
):
    monkeypatch.setattr(mumbling_bot, "UPSTREAM", assistant_url)
    config = demo_config(
        shop_url=shop.url, assistant_url=assistant_url, seed=5, max_probes=24, suites=["stock"]
    )
    front = PythonAssistant(kind="python", name="web", target="tests.apps.mumbling_bot:answer")
    config = config.model_copy(update={"assistant": [front]})
    directory = tmp_path / "audit"
    options = AuditOptions(
        directory=directory, env={STAFF_TOKEN_ENV: shop.staff_token}, base_dir=tmp_path
    )
    audit = asyncio.run(run_audit(config, options)).audit

    unread = [r for r in audit.results if r.verdict is Verdict.UNREAD]
    mumbled = [r for r in audit.results if r.answer == mumbling_bot.MUMBLE]
    # Every mumble is unread (the reference assistant's own answers may add a few the reader
    # does not know yet, e.g. its "which one do you mean?").
    assert mumbled and {r.probe_id for r in mumbled} <= {r.probe_id for r in unread}
    assert all(r.reason.startswith("could not read a ") for r in unread)
    # The read rate counts them; agreement and deflection do not.
    rate = audit.metrics.read_rate
    assert (rate.denominator - rate.numerator, rate.denominator) == (len(unread), 24)
    assert audit.metrics.agreement.denominator == 24 - len(unread)
    assert audit.metrics.deflection.denominator <= 24 - len(unread)

    # The gate: inconclusive, never READY, and it says what to do.
    assert not audit.readiness.ready
    (check,) = [c for c in audit.readiness.checks if c.name == "min_read_rate"]
    assert not check.passed and "inconclusive" in check.reason
    assert "[vocabulary]" in check.reason and "--rejudge" in check.reason

    # audit.json: the verdict, the reason and the answer, whole.
    stored = json.loads((directory / "audit.json").read_text(encoding="utf-8"))
    listed = [r for r in stored["results"] if r["verdict"] == "unread"]
    assert len(listed) == len(unread)
    assert sum(r["answer"] == mumbling_bot.MUMBLE for r in listed) == len(mumbled)
    assert stored["metrics"]["read_rate"]["numerator"] == rate.numerator

    # junit.xml: each unread answer a skipped testcase with its reason and the answer.
    root = ET.fromstring((directory / "junit.xml").read_text(encoding="utf-8"))
    skipped = [s for s in root.iter("skipped") if s.get("type") == "unread"]
    assert len(skipped) == len(unread)
    assert sum(mumbling_bot.MUMBLE in (s.text or "") for s in skipped) == len(mumbled)
    assert all((s.get("message") or "").startswith("could not read a ") for s in skipped)

    # summary.md: a section listing them, the answer inside a code span.
    summary = (directory / "summary.md").read_text(encoding="utf-8")
    assert f"## Unread answers ({len(unread)})" in summary
    assert f"`{mumbling_bot.MUMBLE}`" in summary

    # report.html: a section listing them, the answer escaped.
    html = (directory / "report.html").read_text(encoding="utf-8")
    section = html[html.index('<section id="unread">') :]
    section = section[: section.index("</section>")]
    assert section.count("Blorp &lt;b&gt;fizzle&lt;/b&gt; wump") == len(mumbled)
    assert "<b>fizzle</b>" not in html
