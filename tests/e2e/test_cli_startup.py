"""`auditor` starting up: registering the commands loads no engine; `--version`; `--help`.

Every command, even `--help`, pays for what registering the commands imports, so the command
modules import the engine inside their commands. A fresh interpreter is the only place where
`sys.modules` says what registering alone loads.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import auditor as auditor_package

AUDITOR = Path(sys.executable).with_name("auditor")

#: What the commands import when they run, and registering them must not.
HEAVY = (
    "aiohttp",
    "asyncio",
    "httpx",
    "hypothesis",
    "jinja2",
    "openapi_core",
    "pydantic",
    "sqlite3",
    "auditor._adapters",
    "auditor._anchors",
    "auditor._audit",
    "auditor._claims",
    "auditor._cli._ops",
    "auditor._cli._outcome",
    "auditor._cli._progress",
    "auditor._config",
    "auditor._explore",
    "auditor._history",
    "auditor._probes",
    "auditor._report",
    "auditor._runner",
    "auditor._shards",
    "auditor._shrink",
    "auditor._store",
    "auditor._tap",
    "auditor._teach",
    "tomlkit",
)

#: Registers the commands as `main()` does, notes what is loaded, then loads what the
#: commands import when they run (the history, the reports and openapi-core's adapter load
#: after an audit's questions or when a document is checked, so they are named): every name
#: of HEAVY must then be there (no misspelt name passes by never being loaded at all).
_PROBE = """
import importlib, json, sys
import auditor._cli
auditor._cli.register()
commands = len(auditor._cli.app.registered_commands) + len(auditor._cli.app.registered_groups)
registered = sorted(sys.modules)
for name in ("auditor._cli._ops", "auditor._cli._outcome", "auditor._cli._progress",
             "auditor._audit", "auditor._explore", "auditor._shrink", "auditor._shards",
             "auditor._teach", "auditor._history._db", "auditor._report._write",
             "auditor._anchors._openapi_httpx"):
    importlib.import_module(name)
print(json.dumps({"commands": commands, "registered": registered, "run": sorted(sys.modules)}))
"""

#: Every command `auditor --help` lists; a module that fails to register drops its own.
COMMANDS = (
    "anchors",
    "init",
    "validate",
    "ask",
    "explore",
    "tap",
    "run",
    "report",
    "demo",
    "extract",
    "history",
    "diff",
    "merge",
    "replay",
    "review",
    "reference",
)


def auditor(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    return subprocess.run(
        [str(AUDITOR), *args], capture_output=True, text=True, timeout=60, check=False, env=env
    )


def test_registering_the_commands_loads_no_engine():
    result = subprocess.run(
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    modules = json.loads(result.stdout)
    assert modules["commands"] == len(COMMANDS)
    loaded = set(modules["registered"])
    assert [name for name in HEAVY if name in loaded] == []
    assert [name for name in HEAVY if name not in modules["run"]] == []


def test_version_prints_the_version_the_package_was_installed_with():
    result = auditor("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"auditor {auditor_package.__version__}\n"
    assert auditor_package.__version__ == version("readiness-auditor")
    assert result.stderr == ""


def test_help_lists_every_command_and_the_version_option():
    result = auditor("--help")
    assert result.returncode == 0, result.stderr
    commands = result.stdout.split("Commands")[1]
    listed = re.findall(r"^│ ([a-z]+) ", commands, flags=re.MULTILINE)
    assert listed == list(COMMANDS)
    assert re.search(r"--version\s.*Print the version and exit\.", result.stdout)


def test_help_shows_config_section_names_in_brackets():
    # Typer renders help as rich markup, where an unescaped "[audit]" is a tag and vanishes.
    run_help = auditor("run", "--help").stdout
    assert "override [audit] profile" in run_help
    assert "proxies ([tap] ports)" in run_help
    history_help = auditor("history", "--help").stdout
    assert "only audits of this [audit] name" in history_help
    assert "audit.toml whose [history] path to read" in history_help


#: Imports the command modules one at a time, noting which commands each one registers.
_TABLE_PROBE = """
import importlib, json
import auditor._cli as cli
from auditor._cli._app import app
seen = {}
for module in dict.fromkeys(cli.COMMAND_MODULES.values()):
    commands, groups = len(app.registered_commands), len(app.registered_groups)
    importlib.import_module(f"auditor._cli.{module}")
    for info in app.registered_commands[commands:]:
        seen[info.name or info.callback.__name__] = module
    for group in app.registered_groups[groups:]:
        seen[group.name] = module
print(json.dumps(seen))
"""


def test_main_registers_each_command_from_the_module_the_table_names():
    result = subprocess.run(
        [sys.executable, "-c", _TABLE_PROBE],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    from auditor._cli import COMMAND_MODULES

    assert json.loads(result.stdout) == COMMAND_MODULES
    assert sorted(COMMAND_MODULES) == sorted(COMMANDS)


def test_a_misspelt_command_is_named_among_every_command():
    result = auditor("rnu")
    assert result.returncode == 2
    assert "No such command" in result.stderr and "rnu" in result.stderr
