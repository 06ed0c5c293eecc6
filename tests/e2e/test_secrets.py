"""Secrets never reach a report or a log: keys are named by env var and their values stay there.

A whole audit runs with an assistant API key and an anchor token set in the environment (and a
second channel whose key is wrong, so error paths are exercised too); afterwards no file of the
audit directory and nothing printed holds any of the values.
"""

from __future__ import annotations

import base64
import logging
import secrets


def _secret(label: str) -> str:
    return f"{label}-{secrets.token_urlsafe(24)}"


def _forms(value: str) -> list[str]:
    """The value as it could leak: plain, or base64 as in a Basic header."""
    return [value, base64.b64encode(value.encode()).decode().rstrip("=")]


def test_no_secret_in_any_report_file_or_output(world, tmp_path, capsys, caplog):
    from auditor._cli._run import execute
    from auditor._config import parse_config
    from auditor.reference._audit_config import reference_anchors

    key, token, wrong = _secret("assistant-key"), _secret("anchor-token"), _secret("wrong-key")
    running = world(items=30, api_key=key, staff_token=token)
    env = {
        "AUDITOR_TEST_ASSISTANT_KEY": key,
        "AUDITOR_TEST_SHOP_TOKEN": token,
        "AUDITOR_TEST_WRONG_KEY": wrong,
        "GITHUB_STEP_SUMMARY": str(tmp_path / "step.md"),
    }
    anchors = reference_anchors(running.shop_url, "AUDITOR_TEST_SHOP_TOKEN")
    config = parse_config(
        {
            "audit": {
                "name": "secrets",
                "seed": 5,
                "max_probes": 30,
                "concurrency": 4,
                "timeout_s": 10,
                "retries": 0,
            },
            "assistant": [
                {
                    "name": "web",
                    "kind": "openai",
                    "base_url": running.openai_base_url,
                    "api_key_env": "AUDITOR_TEST_ASSISTANT_KEY",
                },
                {
                    "name": "sms",
                    "kind": "http",
                    "url": running.message_url,
                    "body": {"text": "{{question}}"},
                    "answer_path": "$.reply.text",
                    "api_key_env": "AUDITOR_TEST_WRONG_KEY",
                },
            ],
            "anchors": {name: anchor.model_dump() for name, anchor in anchors.items()},
            "probes": {"suites": ["stock"]},
        }
    )
    directory = tmp_path / "audit"
    with caplog.at_level(logging.DEBUG):
        code = execute(config, directory, base_dir=tmp_path, env=env, resume=False, quiet=False)
    assert code in (0, 1, 3)  # one channel's key is wrong: half the probes may error
    files = [p for p in directory.rglob("*") if p.is_file()] + [tmp_path / "step.md"]
    names = {p.name for p in files}
    assert {"audit.json", "summary.md", "junit.xml", "report.html", "results.jsonl"} <= names
    printed = capsys.readouterr()
    assert "probes · agreement" in printed.out  # the outcome was printed, and captured here
    texts = {str(p): p.read_bytes().decode("utf-8", "replace") for p in files}
    texts |= {"stdout": printed.out, "stderr": printed.err, "log": caplog.text}
    verdicts = (directory / "results.jsonl").read_text()
    assert '"verdict":"error"' in verdicts.replace(" ", "")  # the wrong key was used and refused
    for value in (key, token, wrong):
        for form in _forms(value):
            leaks = [where for where, text in texts.items() if form in text]
            assert not leaks, f"a secret leaked into {leaks}"
