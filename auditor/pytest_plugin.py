"""pytest plugin: `pytest --audit-config audit.toml` runs the audit's probes as tests.

Installed with the package (entry point `pytest11`), so it loads in every pytest run; without
`--audit-config` it only adds its options, and imports nothing else. With it, the audit's
planned probes are collected as `audit::KIND[SUBJECT]::CHANNEL` items, and the fixtures
`audit_config`, `snapshot`, `assistant`, `anchors` and `edge_cases` are available to a team's
own tests. See docs/pytest.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest

_PLUGIN_NAME = "readiness-auditor-audit"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("readiness-auditor", "readiness-auditor: audit a chatbot")
    group.addoption(
        "--audit-config",
        metavar="PATH",
        default=None,
        help="audit.toml (or pyproject.toml with [tool.auditor]): collect its probes as tests "
        "and provide the audit fixtures; without it this plugin does nothing",
    )
    group.addoption(
        "--audit-probes",
        choices=("plan", "none"),
        default="plan",
        help="'plan' (default) collects every planned probe as a test item; 'none' provides "
        "the fixtures only",
    )


def pytest_configure(config: pytest.Config) -> None:
    path = config.getoption("audit_config", None)
    if path is None:
        return
    from auditor._config import ConfigError, load_config
    from auditor._explore import _pytest

    config_path = Path(path)
    try:
        audit = load_config(config_path)
    except ConfigError as error:
        problems = "\n  ".join(error.problems)
        raise pytest.UsageError(f"--audit-config {path}: cannot be used:\n  {problems}") from None
    config.stash[_pytest.STATE] = _pytest.AuditPlugin(
        config_path, audit, collect_probes=config.getoption("audit_probes") == "plan"
    )
    # The hooks and fixtures live in a module of their own, registered only now, so that
    # runs without --audit-config never see fixture names such as `assistant` or `snapshot`.
    config.pluginmanager.register(_pytest, _PLUGIN_NAME)


def pytest_unconfigure(config: pytest.Config) -> None:
    if config.pluginmanager.get_plugin(_PLUGIN_NAME) is None:
        return
    from auditor._explore import _pytest

    plugin = config.stash.get(_pytest.STATE, None)
    if plugin is not None:
        plugin.close()
