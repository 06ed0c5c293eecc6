"""Webhook notifications of a scheduled audit: readiness dropped, a new finding, not ready.

A notification never fails the audit: it is tried a bounded number of times with a doubling
wait, and whatever happens ends as a `Delivery`; the caller turns a failed one into a warning
and a note. The webhook URL is a secret (it often carries a token): it is read from the
environment variable the configuration names and never appears in a message, a note or a
report. Messages name the variable instead.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from auditor._config import NotifySection
from auditor._report import Audit, Finding

USER_AGENT = "readiness-auditor/0.1.0 (webhook)"
#: Statuses worth another attempt: the receiver may recover; any other 4xx will not.
_RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
_BACKOFF_CAP_S = 30.0


@dataclass(frozen=True, slots=True)
class Earlier:
    """What the notification compares with: the previous audit of this name and profile."""

    run_id: str
    ready: bool
    finding_ids: frozenset[str]


@dataclass(frozen=True, slots=True)
class Delivery:
    delivered: bool
    attempts: int
    #: Why it was not delivered, without the URL.
    problem: str | None = None


@dataclass(frozen=True, slots=True)
class Notice:
    events: tuple[str, ...]
    body: dict[str, Any] = field(default_factory=dict)


def _finding(finding: Finding) -> dict[str, Any]:
    return {
        "id": finding.id,
        "verdict": finding.verdict,
        "kind": finding.kind,
        "edge_class": finding.edge_class,
        "pattern": finding.pattern,
        "count": finding.count,
        "of": finding.of,
    }


def events_of(audit: Audit, earlier: Earlier | None, wanted: Collection[str]) -> list[str]:
    """Which of the wanted events this audit raises (in a stable order)."""
    ready = audit.readiness.ready
    new = [f for f in audit.findings if earlier is None or f.id not in earlier.finding_ids]
    raised = {
        "readiness_drop": earlier is not None and earlier.ready and not ready,
        "new_finding": bool(new),
        "not_ready": not ready,
    }
    return [
        name
        for name in ("readiness_drop", "new_finding", "not_ready")
        if name in wanted and raised[name]
    ]


def notice(
    audit: Audit, earlier: Earlier | None, config: NotifySection, report: Path
) -> Notice | None:
    """The JSON body to send, or None when the audit raises none of the configured events."""
    events = events_of(audit, earlier, config.on)
    if not events:
        return None
    new = [f for f in audit.findings if earlier is None or f.id not in earlier.finding_ids]
    body: dict[str, Any] = {
        "events": events,
        "audit": audit.name,
        "run_id": audit.run_id,
        "profile": audit.profile,
        "status": audit.status,
        "ready": audit.readiness.ready,
        "previous": None if earlier is None else {"run_id": earlier.run_id, "ready": earlier.ready},
        "reasons": list(audit.readiness.reasons),
        "new_findings": [_finding(f) for f in new],
        "agreement": audit.metrics.agreement.value,
        "probes": audit.metrics.probes,
        "report": str(report),
    }
    if config.report_url:
        body["report_url"] = config.report_url.format_map(
            {"run_id": audit.run_id, "name": audit.name}
        )
    return Notice(tuple(events), body)


def _attempt(client: httpx.Client, url: str, body: Mapping[str, Any]) -> tuple[bool, str, bool]:
    """One POST: (delivered, problem, worth retrying)."""
    try:
        response = client.post(url, json=body)
    except httpx.TimeoutException:
        return False, "timed out", True
    except httpx.TransportError as error:
        # The exception's text may quote the URL: only its type is shown.
        return False, f"could not connect ({type(error).__name__})", True
    if response.is_success:
        return True, "", False
    return False, f"answered HTTP {response.status_code}", response.status_code in _RETRY_STATUSES


def send(
    url: str,
    body: Mapping[str, Any],
    config: NotifySection,
    *,
    sleep: Callable[[float], None] = time.sleep,
) -> Delivery:
    """POST the body, retrying a failure `config.retries` times; never raises."""
    try:
        scheme = httpx.URL(url).scheme
    except httpx.InvalidURL:
        scheme = ""
    if scheme not in ("http", "https"):
        return Delivery(False, 0, "the webhook URL is not an http(s) URL")
    attempts, problem = 0, "not sent"
    try:
        with httpx.Client(
            timeout=config.timeout_s,
            trust_env=False,
            follow_redirects=False,
            headers={"User-Agent": USER_AGENT},
        ) as client:
            for attempt in range(config.retries + 1):
                if attempt:
                    sleep(min(config.backoff_s * 2 ** (attempt - 1), _BACKOFF_CAP_S))
                attempts += 1
                delivered, problem, again = _attempt(client, url, body)
                if delivered:
                    return Delivery(True, attempts)
                if not again:
                    break
    except Exception as error:  # a notification must never fail the audit
        problem = f"failed ({type(error).__name__})"
    return Delivery(
        False, attempts, f"webhook {problem} after {attempts} attempt{'s' if attempts != 1 else ''}"
    )


def notify(
    audit: Audit,
    earlier: Earlier | None,
    config: NotifySection,
    *,
    report: Path,
    env: Mapping[str, str],
) -> Delivery | None:
    """Send the audit's notice when configured and raised; None when there was nothing to send."""
    if config.webhook_url_env is None:
        return None
    found = notice(audit, earlier, config, report)
    if found is None:
        return None
    url = env.get(config.webhook_url_env, "").strip()
    if not url:
        return Delivery(False, 0, f"${config.webhook_url_env} is not set: no webhook sent")
    delivery = send(url, found.body, config)
    if delivery.problem is None:
        return delivery
    return Delivery(False, delivery.attempts, f"${config.webhook_url_env}: {delivery.problem}")
