"""The teach loop as a user runs it: an assistant with a house phrase the auditor cannot read,
`auditor review` to see the answers and write the phrase, `auditor report --rejudge` to judge
the stored answers again — with the assistant and the shop stopped, so nothing can be asked.

The audit runs once in this process (module scope) against `tests/apps/house_bot.py` in front
of a reference world; every command after it is a subprocess, run once the servers are gone.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from auditor._anchors._toml import toml_tables
from auditor._cli._run import execute
from auditor._config import load_config
from auditor._serve import serve_in_thread
from auditor.reference._demo import STAFF_TOKEN_ENV, demo_config
from auditor.reference._world import running_world
from tests.apps.house_bot import HOUSE_PHRASE, create_house_bot

pytestmark = pytest.mark.slow

AUDITOR = [sys.executable, "-c", "from auditor._cli import main; main()"]
PHRASE = "{item}: ready to roll"
HEADER = "# the shop's audit: this comment and the layout below must survive `review --write`\n"


@dataclass(frozen=True, slots=True)
class Audited:
    directory: Path
    config: Path
    #: Questions the house bot received during the audit, and after every server stopped.
    asked_during_audit: int
    requests: list[str]


def auditor(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*AUDITOR, *args], capture_output=True, text=True, timeout=120, check=False, env=os.environ
    )


def results(path: Path) -> dict[str, dict[str, Any]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return {row["probe"]["id"]: row for row in rows}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def audited(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Audited]:
    folder = tmp_path_factory.mktemp("teach")
    with running_world(items=30, seed=7) as world:
        bot = create_house_bot(world.assistant_url, world.shop_url)
        with serve_in_thread(bot.app) as bot_url:
            plan = {"seed": 3, "max_probes": 20, "suites": ["stock"]}
            data = demo_config(
                shop_url=world.shop_url, assistant_url=world.assistant_url, **plan
            ).model_dump(mode="json", exclude_none=True)
            data["assistant"] = [
                {
                    "name": "house",
                    "kind": "http",
                    "url": f"{bot_url}/message",
                    "body": {"text": "{{question}}", "session": "{{session_id}}"},
                    "answer_path": "$.reply.text",
                }
            ]
            path = folder / "audit.toml"
            path.write_text(HEADER + toml_tables(data), encoding="utf-8")
            directory = folder / "audit"
            env = {STAFF_TOKEN_ENV: world.staff_token}
            code = execute(
                load_config(path), directory, base_dir=folder, env=env, resume=False, quiet=True
            )
            assert code == 1  # answers it could not read are not an answer
        asked = len(bot.requests)
    # Both servers are stopped from here on: nothing that follows can ask them anything.
    yield Audited(directory, path, asked, bot.requests)


def unread_ids(rows: dict[str, dict[str, Any]]) -> set[str]:
    """Unread answers: `unread`, or `unanswered` with no deflection recognised (before the
    verdict `unread` existed)."""
    return {
        probe_id
        for probe_id, row in rows.items()
        if row["verdict"] == "unread"
        or (
            row["verdict"] == "unanswered"
            and not any(c["kind"] in ("deflection", "refusal") for c in row["claims"])
        )
    }


def test_the_house_phrase_is_unread_and_review_groups_it(audited: Audited):
    rows = results(audited.directory / "results.jsonl")
    house = {i for i, row in rows.items() if (row["answer"] or "").endswith(HOUSE_PHRASE)}
    assert house, "the plan asked about no item in stock"
    assert unread_ids(rows) >= house
    review = auditor("review", str(audited.directory), "--json")
    assert review.returncode == 0, review.stderr
    groups = json.loads(review.stdout)["groups"]
    first = groups[0]  # the most frequent shape
    assert first["shape"] == "{item} ready to roll"
    assert first["probe_kind"] == "stock.availability"
    assert first["claim_kind"] == "availability"
    assert "in_stock" in first["values"]
    assert set(first["probe_ids"]) == house and first["count"] == len(house)
    assert first["example"]["answer"].endswith(": ready to roll")
    assert first["phrase"] == PHRASE


def test_write_then_rejudge_reads_the_phrase_without_asking(audited: Audited):
    evidence = digest(audited.directory / "results.jsonl")
    before = results(audited.directory / "results.jsonl")
    house = {i for i, row in before.items() if (row["answer"] or "").endswith(HOUSE_PHRASE)}

    written = auditor(
        "review",
        str(audited.directory),
        "--write",
        f"availability=in_stock:{PHRASE}",
        "-c",
        str(audited.config),
    )
    assert written.returncode == 0, written.stderr
    assert f"--rejudge -c {audited.config}" in written.stderr
    text = audited.config.read_text(encoding="utf-8")
    assert text.startswith(HEADER)  # the rest of the file is kept
    assert load_config(audited.config).vocabulary == {"availability": {"in_stock": [PHRASE]}}

    rejudged = auditor("report", str(audited.directory), "--rejudge", "-c", str(audited.config))
    assert rejudged.returncode == 0, rejudged.stdout + rejudged.stderr  # READY: every answer read
    assert "nothing was asked" in rejudged.stderr
    again = results(audited.directory / "results.rejudged.jsonl")
    assert {again[i]["verdict"] for i in house} == {"pass"}
    assert all(again[i]["claims"][0]["subject"] == before[i]["probe"]["subject"] for i in house)
    assert not unread_ids(again)
    # The evidence is untouched, and neither server was asked anything after the audit.
    assert digest(audited.directory / "results.jsonl") == evidence
    assert len(audited.requests) == audited.asked_during_audit

    record = json.loads((audited.directory / "rejudged.json").read_text(encoding="utf-8"))
    assert record["config_source"] == str(audited.config)
    assert record["changed"] >= len(house)
    audit = json.loads((audited.directory / "audit.json").read_text(encoding="utf-8"))
    assert audit["rejudged"]["config_digest"] == record["config_digest"]
    assert audit["rejudged"]["config_digest"] != audit["config_digest"]  # a new vocabulary
    assert audit["readiness"]["ready"] is True

    # Rendering again shows the same re-judged verdicts; review has nothing left to show.
    rendered = auditor("report", str(audited.directory))
    assert rendered.returncode == 0, rendered.stderr
    audit_again = json.loads((audited.directory / "audit.json").read_text(encoding="utf-8"))
    verdicts = {r["probe"]["id"]: r["verdict"] for r in audit["results"]}
    assert {r["probe"]["id"]: r["verdict"] for r in audit_again["results"]} == verdicts
    review = auditor("review", str(audited.directory), "--json")
    assert json.loads(review.stdout)["groups"] == []
