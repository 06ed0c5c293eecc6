"""Push an audit's metrics to a Prometheus Pushgateway (`[notify] pushgateway`).

A scheduled audit is a batch job: Prometheus cannot scrape it, so its metrics are pushed where
Prometheus scrapes them. The series are those of `metrics.prom` (`_report/_prometheus.py`),
pushed with the Prometheus client's `push_to_gateway` (a PUT: each group is replaced whole) in
one group for the audit-wide series and one per channel, under `[notify] pushgateway_job`.

Like the webhook, a push never fails the audit: whatever happens ends as a `Pushed`, which the
caller turns into a warning and a note; the exit code is the gate's. The URL may carry Basic
credentials, written as `{{env.NAME}}` (the configuration check refuses a written password):
they are filled in here, sent as an `Authorization` header, and never shown. Messages show the
URL as configured, without its credentials.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

import httpx
from prometheus_client.exposition import push_to_gateway

from auditor._config import NotifySection
from auditor._report import Audit, terminal_safe
from auditor._report._prometheus import push_groups
from auditor._validators import PLACEHOLDER

USER_AGENT = "readiness-auditor/0.1.0 (pushgateway)"
_SHOWN_BODY = 200


@dataclass(frozen=True, slots=True)
class Pushed:
    pushed: bool
    #: Groups the gateway accepted.
    groups: int
    #: Why not every group was pushed, without credentials.
    problem: str | None = None


class PushError(Exception):
    """The gateway refused a push, or could not be reached (the message holds no URL)."""


def _split(template: str) -> tuple[str, str | None, str | None]:
    """The URL without its credentials, and the user and password templates."""
    parts = urlsplit(template)
    host, at, _ = parts.netloc.rpartition("@")
    if not at:
        return template, None, None
    user, colon, password = host.partition(":")
    bare = urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))
    return bare, user, password if colon else None


def shown_url(template: str) -> str:
    """The configured URL as messages show it: placeholders unfilled, credentials left out."""
    return _split(template)[0]


def _fill(template: str, env: Mapping[str, str]) -> str:
    def value(match: re.Match[str]) -> str:
        name = match.group(1).removeprefix("env.")
        if not env.get(name):
            raise PushError(f"${name} is not set")
        return env[name]

    return PLACEHOLDER.sub(value, template)


def target(template: str, env: Mapping[str, str]) -> tuple[str, httpx.BasicAuth | None]:
    """The URL to push to and its Basic credentials, filled from `env` (PushError if unset)."""
    bare, user, password = _split(template)
    url = _fill(bare, env)
    if user is None:
        return url, None
    # Filled values are the variables' own, taken as they are (not URL-decoded).
    return url, httpx.BasicAuth(_fill(user, env), _fill(password or "", env))


Handler = Callable[..., Callable[[], None]]


def _handler(auth: httpx.BasicAuth | None) -> Handler:
    """A `push_to_gateway` handler over httpx: no proxies from the environment, no redirects
    (a redirect could carry the credentials elsewhere), errors without the URL."""

    def handler(
        url: str,
        method: str,
        timeout: float | None,
        headers: Sequence[tuple[str, str]],
        data: bytes,
    ) -> Callable[[], None]:
        def send() -> None:
            try:
                with httpx.Client(
                    timeout=timeout, trust_env=False, follow_redirects=False, auth=auth
                ) as client:
                    response = client.request(
                        method,
                        url,
                        content=data,
                        headers=[*headers, ("User-Agent", USER_AGENT)],
                    )
            except httpx.TimeoutException:
                raise PushError("timed out") from None
            except httpx.HTTPError as error:
                # The exception's text may quote the URL (and so a filled-in credential).
                raise PushError(f"could not connect ({type(error).__name__})") from None
            if not response.is_success:
                said = terminal_safe(response.text.strip().splitlines()[0] if response.text else "")
                raise PushError(
                    f"answered HTTP {response.status_code}"
                    + (f": {said[:_SHOWN_BODY]}" if said else "")
                )

        return send

    return handler


def push_metrics(audit: Audit, config: NotifySection, env: Mapping[str, str]) -> Pushed | None:
    """Push the audit's metrics when `[notify] pushgateway` is set; never raises.

    None when no gateway is configured."""
    if config.pushgateway is None:
        return None
    where = f"pushgateway {shown_url(config.pushgateway)}"
    pushed = 0
    try:
        url, auth = target(config.pushgateway, env)
        for grouping, registry in push_groups(audit):
            push_to_gateway(
                url,
                job=config.pushgateway_job,
                registry=registry,
                grouping_key=grouping,
                timeout=config.timeout_s,
                handler=_handler(auth),
            )
            pushed += 1
    except PushError as error:
        return Pushed(False, pushed, f"{where}: {error}")
    except Exception as error:  # a push must never fail the audit
        return Pushed(False, pushed, f"{where}: failed ({type(error).__name__})")
    return Pushed(True, pushed)
