"""Before its first question, `auditor run` loads none of what only later phases need.

The time from launch to the first question was mostly imports (issue 20, item 4): the reports,
the history database, the document checker (openapi-core) and what they pull in. A fresh
`auditor run` process against the reference shop asks an in-process assistant whose first
answer notes `sys.modules` and ends the process there: that list is what the run path loaded
before its first question. The first launch checks the reference documents (openapi-core is
then imported: the probe would notice the checker); the second finds them remembered
(`auditor/_anchors/_checked.py`) and must not load it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from auditor._anchors._toml import toml_tables
from auditor.reference._audit_config import reference_anchors
from auditor.reference._demo import STAFF_TOKEN_ENV

AUDITOR = [sys.executable, "-c", "from auditor._cli import main; main()"]

#: Loaded only after the questions (reports, history, shrink, lag, tap, traces export), only
#: to check a document not checked before
#: (openapi-core and everything under it), or never by `run` (the reference servers, the line
#: editor, the TOML writer).
NOT_BEFORE_THE_FIRST_QUESTION = (
    "auditor._explore",
    "auditor._history._db",
    "auditor._lag._phase",
    "auditor._lag._records",
    "auditor._report._build",
    "auditor._report._html",
    "auditor._report._model",
    "auditor._shrink",
    "auditor._tap._model",
    "auditor._tap._recorder",
    "auditor._teach",
    "auditor._traces._model",
    "auditor._traces._receiver",
    "google.protobuf",
    "hypothesis",
    "jinja2",
    "jsonschema",
    "jsonschema_path",
    "openapi_core",
    "openapi_spec_validator",
    "opentelemetry",
    "prometheus_client",
    "prompt_toolkit",
    "pygal",
    "requests",
    "sqlite3",
    "starlette",
    "tomlkit",
    "uvicorn",
    "werkzeug",
)

#: The assistant: its first answer writes what is loaded, then ends the audit's process.
_PROBE_MODULE = """
import json, os, sys

async def answer(question, **kwargs):
    with open(os.environ["LAUNCH_PROBE_OUT"], "w", encoding="utf-8") as out:
        json.dump(sorted(sys.modules), out)
    os._exit(0)
"""


def _loaded(modules: list[str], names: tuple[str, ...]) -> list[str]:
    return [n for n in names if any(m == n or m.startswith(n + ".") for m in modules)]


def _config(folder: Path, shop_url: str) -> Path:
    (folder / "launch_probe.py").write_text(_PROBE_MODULE, encoding="utf-8")
    anchors = reference_anchors(shop_url, STAFF_TOKEN_ENV)
    data: dict[str, Any] = {
        "audit": {"name": "launch", "seed": 3, "max_probes": 20},
        "assistant": [{"name": "py", "kind": "python", "target": "launch_probe:answer"}],
        "anchors": {
            name: anchor.model_dump(mode="json", exclude_none=True)
            for name, anchor in anchors.items()
        },
        "probes": {"suites": ["stock"]},
    }
    path = folder / "audit.toml"
    path.write_text(toml_tables(data), encoding="utf-8")
    return path


def _first_question(config: Path, folder: Path, env: dict[str, str], n: int) -> list[str]:
    out = folder / f"modules-{n}.json"
    done = subprocess.run(
        [*AUDITOR, "run", "-c", str(config), "--out", str(folder / f"out-{n}"), "--no-history"],
        env={**env, "LAUNCH_PROBE_OUT": str(out)},
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0 and out.exists(), done.stderr
    modules: list[str] = json.loads(out.read_text(encoding="utf-8"))
    return modules


@pytest.mark.slow
def test_the_run_path_loads_no_later_phase_before_its_first_question(
    shop: Any, tmp_path: Path
) -> None:
    config = _config(tmp_path, shop.url)
    env = {
        **os.environ,
        STAFF_TOKEN_ENV: shop.staff_token,
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "HYPOTHESIS_STORAGE_DIRECTORY": str(tmp_path / "hypothesis"),
    }
    env.pop("AUDITOR_NO_CACHE", None)
    cold = _first_question(config, tmp_path, env, 1)
    assert "openapi_core" in cold  # the documents were checked: the probe sees the checker
    assert "auditor._audit" in cold and "aiohttp" in cold  # and sees the run path itself
    warm = _first_question(config, tmp_path, env, 2)
    assert _loaded(warm, NOT_BEFORE_THE_FIRST_QUESTION) == []
    remembered = tmp_path / "cache" / "readiness-auditor" / "checked-documents"
    assert len(list(remembered.iterdir())) == 3  # the three reference documents
