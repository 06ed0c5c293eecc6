"""The pytest face of an audit: its planned probes as test items, and fixtures for custom tests.

Imported only when `--audit-config` is given (see `auditor.pytest_plugin`), so a test run
without it never opens a socket, imports the engine, or sees these fixture names.

A probe item asks in `setup` and judges in `call`, so that the audit's verdicts map onto
pytest's outcomes: `pass` passes; `fail` and `unanswered` fail with the question, answer,
claims and truth in the message; `indeterminate` (the truth moved while the probe ran) and
`unread` (the auditor could not read the answer: its own limit, not the assistant's) skip;
`error` (the assistant or an anchor could not be reached) is an error at setup.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from auditor._config import AuditConfig
from auditor._explore._edge_cases import EdgeCases
from auditor._explore._facades import AnchorsFacade, AssistantFacade
from auditor._explore._runtime import AuditRuntime
from auditor._explore._safe import one_line
from auditor._explore._session import SessionError
from auditor._facts import Snapshot
from auditor._probes import Probe
from auditor._results import ProbeResult, TruthRecord
from auditor._verdict import Verdict

COLLECTOR_NAME = "audit"


class ProbeFailed(Exception):
    """A probe's verdict is `fail` or `unanswered`; the message is the whole evidence."""


class ProbeErrored(Exception):
    """A probe could not be judged (`error` verdict): the assistant or an anchor failed."""


class AuditUnavailable(Exception):
    """The anchors or assistants of the audit could not be opened."""


def item_name(probe: Probe, seen: Counter[str]) -> str:
    """`kind[subject]::channel`, with `#2`, `#3` … when the plan asks the same again."""
    name = f"{probe.kind}[{probe.subject}]::{probe.channel or 'default'}"
    seen[name] += 1
    return name if seen[name] == 1 else f"{name}#{seen[name]}"


#: Characters of an answer a failure message shows; the rest is counted, not printed.
ANSWER_LIMIT = 4000


def _shortened(answer: str) -> str:
    shown = one_line(answer[:ANSWER_LIMIT])
    left = len(answer) - ANSWER_LIMIT
    return shown if left <= 0 else f"{shown} … [{left:,} more characters]"


def _truth_line(label: str, record: TruthRecord | None) -> str | None:
    if record is None:
        return None
    fact = record.fact
    shown = (
        "does not exist"
        if fact is None
        else "  ".join(
            f"{k}={one_line(str(v))}"
            for k, v in fact.items()
            if v is not None and k not in ("read_at", "lines")
        )
    )
    return f"{label} ({record.source}, {record.read_at:%H:%M:%S}): {shown}"


def failure_message(probe: Probe, result: ProbeResult) -> str:
    """Everything needed to judge the judgement without opening a report."""
    who = f" · as {probe.customer_id}" if probe.customer_id else ""
    edge = f" ({probe.edge_class})" if probe.edge_class else ""
    lines = [
        f"{probe.kind} · {probe.subject}{edge} · channel {probe.channel}{who}",
        f"verdict: {result.verdict.value}: {one_line(result.reason)}",
        f"question: {one_line(' / '.join(probe.turns))}",
        "answer: " + ("(none)" if result.answer is None else _shortened(result.answer)),
    ]
    judged = set(result.judged)
    if result.claims:
        lines.append("claims:")
        for i, claim in enumerate(result.claims):
            about = f" about {claim.subject}" if claim.subject else ""
            hedged = " (hedged)" if claim.hedged else ""
            mark = "  judged" if i in judged else ""
            lines.append(f"  {claim.kind} = {one_line(str(claim.value))}{about}{hedged}{mark}")
    else:
        lines.append("claims: none found in the answer")
    lines += [
        line
        for line in (
            _truth_line("truth before", result.truth_before),
            _truth_line("truth after", result.truth_after),
        )
        if line
    ]
    if result.accepted:
        lines.append(f"would agree: {', '.join(result.accepted)}")
    return "\n".join(lines)


class AuditItem(pytest.Item):
    def __init__(self, *, probe: Probe, plugin: AuditPlugin, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.probe = probe
        self._plugin = plugin
        self._result: ProbeResult | None = None
        self.user_properties.append(("probe_id", probe.id))

    def setup(self) -> None:
        result = self._plugin.runtime().run_probe(self.probe)
        self._result = result
        self.user_properties.append(("verdict", result.verdict.value))
        if result.verdict is Verdict.ERROR:
            raise ProbeErrored(failure_message(self.probe, result))

    def runtest(self) -> None:
        result = self._result
        assert result is not None, "setup judges the probe"
        if result.verdict is Verdict.INDETERMINATE:
            pytest.skip(f"indeterminate: {one_line(result.reason)}")
        if result.verdict is Verdict.UNREAD:
            answer = _shortened(result.answer or "")[:500]
            pytest.skip(f"unread: {one_line(result.reason)}; answer: {answer}")
        if result.verdict in (Verdict.FAIL, Verdict.UNANSWERED):
            raise ProbeFailed(failure_message(self.probe, result))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        if isinstance(excinfo.value, ProbeFailed | ProbeErrored | AuditUnavailable):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self._plugin.config_path, None, f"audit::{self.name}"


class AuditCollector(pytest.Collector):
    def __init__(self, *, plugin: AuditPlugin, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._plugin = plugin

    def collect(self) -> Iterator[AuditItem]:
        try:
            plan = self._plugin.runtime().plan()
        except AuditUnavailable as error:
            raise self.CollectError(str(error)) from None
        seen: Counter[str] = Counter()
        for probe in plan:
            yield AuditItem.from_parent(
                self, name=item_name(probe, seen), probe=probe, plugin=self._plugin
            )


class _SkippingEdgeCases(EdgeCases):
    def empty(self, name: str) -> Any:
        pytest.skip(f"the snapshot has no subject of edge class {name!r}")


class AuditPlugin:
    """The audit of one test session: its configuration and, once opened, its runtime.

    Kept in `config.stash` by `auditor.pytest_plugin` when `--audit-config` is given; the hooks
    and fixtures below, registered with it, find it there.
    """

    def __init__(self, config_path: Path, audit: AuditConfig, *, collect_probes: bool) -> None:
        self.config_path = config_path
        self.audit = audit
        self.collect_probes = collect_probes
        self._runtime: AuditRuntime | None = None
        self._failed: str | None = None

    def runtime(self) -> AuditRuntime:
        """The audit's anchors and assistants, opened on first use and kept for the session."""
        if self._failed is not None:
            raise AuditUnavailable(self._failed)
        if self._runtime is None:
            try:
                self._runtime = AuditRuntime(
                    self.audit, env=dict(os.environ), base_dir=self.config_path.resolve().parent
                )
            except SessionError as error:
                self._failed = f"audit {self.config_path}: {one_line(str(error))}"
                raise AuditUnavailable(self._failed) from None
        return self._runtime

    def close(self) -> None:
        if self._runtime is not None:
            self._runtime.close()
            self._runtime = None


STATE = pytest.StashKey[AuditPlugin]()


def _state(config: pytest.Config) -> AuditPlugin:
    return config.stash[STATE]


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(
    session: pytest.Session, config: pytest.Config, items: list[pytest.Item]
) -> None:
    # First, so that -k and -m select among the probes too.
    plugin = _state(config)
    if plugin.collect_probes:
        collector = AuditCollector.from_parent(
            session, name=COLLECTOR_NAME, nodeid=COLLECTOR_NAME, plugin=plugin
        )
        items.extend(session.genitems(collector))


def pytest_report_header(config: pytest.Config) -> str:
    plugin = _state(config)
    return f"readiness-auditor: {plugin.config_path} ({plugin.audit.audit.name})"


@pytest.fixture(scope="session")
def audit_config(request: pytest.FixtureRequest) -> AuditConfig:
    """The audit's configuration, as `--audit-config` gave it."""
    return _state(request.config).audit


@pytest.fixture(scope="session")
def snapshot(request: pytest.FixtureRequest) -> Snapshot:
    """Every fact of every anchor, read once for the session (the plan's snapshot)."""
    return _state(request.config).runtime().snapshot


@pytest.fixture(scope="session")
def assistant(request: pytest.FixtureRequest) -> AssistantFacade:
    """`assistant.ask("…", customer=..., channel=...)`, `check(...)`, and their async forms."""
    return AssistantFacade(_state(request.config).runtime())


@pytest.fixture(scope="session")
def anchors(request: pytest.FixtureRequest) -> AnchorsFacade:
    """`anchors.read(fact_kind, subject)`: a fresh read on every call."""
    return AnchorsFacade(_state(request.config).runtime())


@pytest.fixture(scope="session")
def edge_cases(request: pytest.FixtureRequest) -> EdgeCases:
    """`edge_cases.strategy(name)`: facts of an edge class, for `@given` tests."""
    return _SkippingEdgeCases(_state(request.config).runtime().snapshot)
