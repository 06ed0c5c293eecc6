"""The redactor: which variables a configuration names, and which forms of their values go."""

from __future__ import annotations

import base64
from urllib.parse import quote

from auditor._config import parse_config
from auditor._redact import Redactor, secret_names
from tests.unit.core._broken import valid_config


def _config():
    data = valid_config()
    data["assistant"][0]["api_key_env"] = "BOT_KEY"
    data["assistant"][1]["headers"] = {"X-Key": "{{ env.HEADER_KEY }}"}
    data["anchors"]["inventory"]["auth"] = {
        "basic_user_env": "SHOP_USER",
        "basic_password_env": "SHOP_PASS",
    }
    data["notify"] = {"webhook_url_env": "HOOK_URL"}
    return parse_config(data)


def test_one_walk_finds_every_variable_the_configuration_names():
    names, pairs = secret_names(_config())
    assert set(names) == {"BOT_KEY", "HEADER_KEY", "SHOP_USER", "SHOP_PASS", "HOOK_URL"}
    assert pairs == [("SHOP_USER", "SHOP_PASS")]


def test_every_usual_encoding_of_a_value_is_redacted_by_name():
    env = {"BOT_KEY": "sk-a/b+c=d-123456", "SHOP_USER": "shopbot", "SHOP_PASS": "hunter22x"}
    redactor = Redactor.from_config(_config(), env)
    key = env["BOT_KEY"]
    basic = base64.b64encode(b"shopbot:hunter22x").decode()
    text = (
        f"Bearer {key} | {quote(key, safe='')} | {base64.b64encode(key.encode()).decode()} "
        f"| Basic {basic} | json {key!r}"
    )
    out = redactor.text(text)
    assert key not in out and quote(key, safe="") not in out and basic.rstrip("=") not in out
    assert out.startswith("Bearer [redacted: BOT_KEY] | [redacted: BOT_KEY] | [redacted: BOT_KEY]")
    assert "Basic [redacted: SHOP_PASS]" in out


def test_short_values_go_as_whole_tokens_only_and_tiny_ones_not_at_all():
    redactor = Redactor.of({"PIN": "4711", "ONE": "7"})
    assert (
        redactor.text("pin 4711, order 47110, 7 left") == "pin [redacted: PIN], order 47110, 7 left"
    )
    assert not Redactor.of({})
    assert Redactor.of({}).text("anything") == "anything"


def test_json_data_is_redacted_in_keys_and_values():
    redactor = Redactor.of({"K": "secret-value-1"})
    data = {"a": ["x secret-value-1"], "secret-value-1": 3}
    assert redactor.data(data) == {"a": ["x [redacted: K]"], "[redacted: K]": 3}
