"""The CI examples parse, and every `auditor` command and flag they run exists."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from auditor._cli import main
from auditor._config import load_config
from auditor._profiles import PRODUCTION_DEFAULTS, apply_profile

EXAMPLES = Path(__file__).parents[3] / "examples"
_INVOCATION = re.compile(r"\bauditor ([a-z]+)((?:\\\n|[^\n;|&])*)")


def help_text(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str
) -> str:
    monkeypatch.setattr(sys, "argv", ["auditor", *args, "--help"])
    monkeypatch.setenv("COLUMNS", "200")
    with pytest.raises(SystemExit) as exited:
        main()
    assert exited.value.code == 0
    return capsys.readouterr().out


@cache
def load(name: str) -> dict[Any, Any]:
    data = yaml.safe_load((EXAMPLES / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def github_commands() -> Iterator[str]:
    for job in load("github-actions.yml")["jobs"].values():
        for step in job["steps"]:
            if "run" in step:
                yield step["run"]


def gitlab_commands() -> Iterator[str]:
    for name, job in load("gitlab-ci.yml").items():
        if isinstance(job, dict) and name not in ("variables",):
            for key in ("before_script", "script", "after_script"):
                yield from job.get(key, [])


def invocations(commands: Iterator[str]) -> list[tuple[str, list[str]]]:
    found = []
    for command in commands:
        for match in _INVOCATION.finditer(command):
            flags = re.findall(r"(?<![\w-])(--[a-z][a-z-]*|-c)\b", match[2])
            found.append((match[1], flags))
    return found


@pytest.mark.parametrize("example", ["github-actions.yml", "gitlab-ci.yml"])
def test_every_auditor_command_and_flag_in_the_examples_exists(example, capsys, monkeypatch):
    commands = github_commands() if example.startswith("github") else gitlab_commands()
    used = invocations(commands)
    assert {name for name, _ in used} >= {"run", "merge"}
    top = help_text(capsys, monkeypatch)
    for name, flags in used:
        assert re.search(rf"│ {name} ", top), f"{example}: `auditor {name}` is not a command"
        options = help_text(capsys, monkeypatch, name)
        for flag in flags:
            assert flag in options, f"{example}: `auditor {name} {flag}` is not an option"


def test_github_runs_two_shards_then_merges_publishes_and_uploads():
    jobs = load("github-actions.yml")["jobs"]
    assert jobs["audit"]["strategy"]["matrix"]["shard"] == [1, 2]
    assert jobs["gate"]["needs"] == "audit"
    runs = " ".join(github_commands())
    assert "--shard ${{ matrix.shard }}/2" in runs and "auditor merge" in runs
    uses = [s.get("uses", "") for s in jobs["gate"]["steps"]]
    assert any(u.startswith("actions/upload-artifact@") for u in uses)
    assert any(u.startswith("EnricoMi/publish-unit-test-result-action@") for u in uses)
    assert any(u.startswith("actions/download-artifact@") for u in uses)


def test_gitlab_shards_in_parallel_and_reports_junit():
    pipeline = load("gitlab-ci.yml")
    assert pipeline["audit"]["parallel"] == 2
    assert "$CI_NODE_INDEX/$CI_NODE_TOTAL" in " ".join(pipeline["audit"]["script"])
    assert pipeline["gate"]["artifacts"]["reports"]["junit"] == "reports/merged/junit.xml"
    assert "--profile production" in " ".join(pipeline["production-audit"]["script"])


def test_the_example_configuration_is_valid_and_small_in_production():
    config = load_config(EXAMPLES / "audit.toml")
    assert config.production.test_customers and config.notify.webhook_url_env
    production = config.model_copy(
        update={"audit": config.audit.model_copy(update={"profile": "production"})}
    )
    audit = apply_profile(production).config.audit
    assert audit.max_probes == PRODUCTION_DEFAULTS["max_probes"]
    assert audit.rate_limit == PRODUCTION_DEFAULTS["rate_limit"]


RECIPES = ["github-actions.yml", "gitlab-ci.yml", "cron.md"]


@pytest.mark.parametrize("example", RECIPES)
def test_every_configuration_a_recipe_names_is_in_the_examples(example):
    text = (EXAMPLES / example).read_text(encoding="utf-8")
    named = set(re.findall(r"(?:-c|--config) ([\w./-]+\.toml)", text))
    assert named, example
    for name in named:
        load_config(EXAMPLES / Path(name).name)  # exists, and is a valid configuration


@pytest.mark.parametrize("example", RECIPES)
def test_the_auditor_is_installed_from_its_repository(example):
    """It is not published on the package index: `pip install readiness-auditor` would fail,
    or install someone else's package."""
    text = (EXAMPLES / example).read_text(encoding="utf-8")
    installs = [line for line in text.splitlines() if "pip install" in line]
    assert installs, example
    for line in installs:
        assert "readiness-auditor @ git+" in line, line


def test_the_production_example_is_the_production_profile():
    config = load_config(EXAMPLES / "audit.production.toml")
    staging = load_config(EXAMPLES / "audit.toml")
    assert config.audit.profile == "production" and config.audit.name == staging.audit.name
    assert all("staging" not in a.base_url for a in config.anchors.values())
