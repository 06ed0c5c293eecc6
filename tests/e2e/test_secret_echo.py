"""An assistant that echoes its secrets: they reach no file and no terminal (issue 19, item 2).

The audit runs against the session shop and `tests/apps/echo_bot.py`, which quotes the keys it
is sent in its answers and in 401 bodies (raw, URL-encoded, base64). Afterwards no file of the
audit directory, no line of the GitHub step summary and nothing printed holds any form of any
value, and `[redacted: NAME]` stands where they were.
"""

from __future__ import annotations

import base64
import secrets
from urllib.parse import quote

from auditor._serve import serve_in_thread
from tests.apps.echo_bot import create_echo_bot


def _secret(label: str) -> str:
    # `/` and `+` make the URL-encoded form differ from the raw one.
    return f"{label}-{secrets.token_urlsafe(18)}/+{secrets.token_hex(4)}"


def _forms(value: str) -> list[str]:
    return [value, quote(value, safe=""), base64.b64encode(value.encode()).decode().rstrip("=")]


def test_secrets_the_assistant_echoes_are_redacted_everywhere(shop, tmp_path, capsys):
    from auditor._cli._run import execute
    from auditor._config import parse_config
    from auditor.reference._audit_config import reference_anchors

    key, header, token = _secret("sk"), _secret("hdr"), shop.staff_token
    env = {
        "ECHO_BOT_KEY": key,
        "ECHO_BOT_HEADER": header,
        "ECHO_SHOP_TOKEN": token,
        "GITHUB_STEP_SUMMARY": str(tmp_path / "step.md"),
    }
    anchors = reference_anchors(shop.url, "ECHO_SHOP_TOKEN")
    with serve_in_thread(create_echo_bot()) as url:
        config = parse_config(
            {
                "audit": {"name": "echo", "seed": 2, "max_probes": 18, "retries": 0},
                "assistant": [
                    {
                        "name": "web",
                        "kind": "openai",
                        "base_url": f"{url}/v1",
                        "api_key_env": "ECHO_BOT_KEY",
                    },
                    {
                        "name": "sms",
                        "kind": "http",
                        "url": f"{url}/message",
                        "headers": {"X-Api-Key": "{{env.ECHO_BOT_HEADER}}"},
                        "body": {"text": "{{question}}"},
                        "answer_path": "$.reply.text",
                    },
                ],
                "anchors": {name: anchor.model_dump() for name, anchor in anchors.items()},
                "probes": {"suites": ["stock"]},
            }
        )
        directory = tmp_path / "audit"
        code = execute(config, directory, base_dir=tmp_path, env=env, resume=False, quiet=False)
    assert code == 1  # it says everything is in stock
    printed = capsys.readouterr()
    files = [p for p in directory.rglob("*") if p.is_file()] + [tmp_path / "step.md"]
    assert {"audit.json", "summary.md", "junit.xml", "report.html", "meta.json"} <= {
        p.name for p in files
    }
    texts = {str(p): p.read_bytes().decode("utf-8", "replace") for p in files}
    texts |= {"stdout": printed.out, "stderr": printed.err}
    for value in (key, header, token):
        for form in _forms(value):
            leaks = [where for where, text in texts.items() if form in text]
            assert not leaks, f"{form[:6]}… leaked into {leaks}"
    results = texts[str(directory / "results.jsonl")]
    assert "[redacted: ECHO_BOT_KEY]" in results and "[redacted: ECHO_BOT_HEADER]" in results
    assert '"verdict":"error"' in results.replace(" ", "")  # the 401s, with their bodies
    assert "bad credentials: Bearer [redacted: ECHO_BOT_KEY]" in results
    for name in ("summary.md", "report.html", "junit.xml", "audit.json"):
        assert "[redacted: ECHO_BOT_" in texts[str(directory / name)], name
    assert "[redacted: ECHO_BOT_" in texts[str(tmp_path / "step.md")]
