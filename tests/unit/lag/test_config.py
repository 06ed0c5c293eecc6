"""The [sandbox] and [lag] tables: refused where they must be, before any request."""

from __future__ import annotations

from typing import Any

import pytest

from auditor._config import ConfigError, parse_config
from auditor._lag import SandboxRefused, check_allowed
from auditor.reference._audit_config import reference_anchors
from auditor.reference._lag_config import reference_scenarios

SHOP = "http://127.0.0.1:9"
TOKEN_ENV = "SHOP_TOKEN"


def _config(**tables: Any) -> dict[str, Any]:
    anchors = reference_anchors(SHOP, TOKEN_ENV)
    return {
        "assistant": [{"name": "web", "kind": "openai", "base_url": "http://127.0.0.1:9/v1"}],
        "anchors": {name: a.model_dump() for name, a in anchors.items()},
        **reference_scenarios(SHOP, TOKEN_ENV),
        **tables,
    }


def _problems(data: dict[str, Any]) -> str:
    with pytest.raises(ConfigError) as caught:
        parse_config(data)
    return "\n".join(caught.value.problems)


def test_the_reference_scenarios_are_a_valid_configuration():
    config = parse_config(_config())
    assert config.sandbox.enabled
    assert config.lag is not None
    assert [s.kind for s in config.lag.scenarios] == [
        "stock_out",
        "back_in_stock",
        "order_shipped",
        "return_filed",
        "refund_issued",
    ]


def test_the_production_profile_refuses_the_sandbox():
    problems = _problems(_config(audit={"profile": "production"}))
    assert "sandbox.enabled" in problems and "production" in problems


def test_lag_scenarios_need_the_sandbox_enabled():
    data = _config()
    data["sandbox"] = {"enabled": False}
    assert "[sandbox] enabled = true" in _problems(data)


def test_the_sandbox_is_off_by_default():
    data = _config()
    del data["sandbox"], data["lag"]
    config = parse_config(data)
    assert not config.sandbox.enabled and config.lag is None


def test_a_lag_gate_without_scenarios_is_refused():
    data = _config(gate={"max_lag_s": 5})
    del data["lag"]
    assert "gate.max_lag_s" in _problems(data)


def test_an_action_naming_an_unknown_anchor_is_refused():
    data = _config()
    data["lag"]["scenarios"][0]["action"] = {"method": "PUT", "path": "/x", "anchor": "nope"}
    assert "lag.scenarios.0.action.anchor: no anchor named 'nope'" in _problems(data)


def test_an_unknown_channel_is_refused():
    data = _config()
    data["lag"]["channel"] = "sms"
    assert "lag.channel" in _problems(data)


@pytest.mark.parametrize(
    ("action", "needle"),
    [
        ({"method": "PUT"}, "give `url` or `path`"),
        ({"url": "http://x/a", "path": "/a", "anchor": "orders"}, "give `url` or `path`"),
        ({"path": "/a"}, "name the `anchor`"),
        ({"url": "ftp://x/a"}, "absolute http(s) URL"),
        ({"hook": "not a target"}, "hook"),
    ],
)
def test_malformed_actions_are_refused(action, needle):
    data = _config()
    data["lag"]["scenarios"][0]["action"] = action
    assert needle in _problems(data)


def test_a_filed_return_needs_to_know_where_its_id_is():
    data = _config()
    del data["lag"]["scenarios"][3]["subject_path"]
    assert "subject_path" in _problems(data)


def test_a_hook_may_name_the_new_subject_itself():
    data = _config()
    data["lag"]["scenarios"][3] = {"kind": "return_filed", "action": {"hook": "pkg.mod:file"}}
    assert parse_config(data).lag is not None


def test_the_phase_itself_refuses_production_whatever_was_checked_before():
    config = parse_config(_config())
    with pytest.raises(SandboxRefused, match="production"):
        check_allowed(config.sandbox, "production")
    with pytest.raises(SandboxRefused, match="enabled = true"):
        check_allowed(config.sandbox.model_copy(update={"enabled": False}), "ci")
    check_allowed(config.sandbox, "ci")  # allowed: no exception
