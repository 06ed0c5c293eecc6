"""The checks `auditor reference assistant` makes before serving, and session memory bounds."""

import pytest

from auditor.reference.assistant import Faults
from auditor.reference.assistant._brain import Memory
from auditor.reference.assistant._cli import ServeOptions, UsageError, is_loopback, resolve
from auditor.reference.assistant._sessions import Sessions


def options(**changes):
    base = {
        "shop_url": "http://127.0.0.1:9000", "staff_token_env": "SHOP_STAFF_TOKEN",
        "faults": (), "api_key_env": None, "host": "127.0.0.1", "port": 0,
        "allow_public": False,
    }  # fmt: skip
    return ServeOptions(**(base | changes))


ENV = {"SHOP_STAFF_TOKEN": "staff-secret"}


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "[::1]", "127.8.9.10"])
def test_loopback_hosts(host):
    assert is_loopback(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.2", "example.org", "::"])
def test_public_hosts_are_refused_unless_allowed(host):
    assert not is_loopback(host)
    with pytest.raises(UsageError, match="--allow-public"):
        resolve(options(host=host), ENV)
    assert resolve(options(host=host, allow_public=True), ENV)[0] == "staff-secret"


def test_secrets_come_from_the_environment_only():
    with pytest.raises(UsageError, match="SHOP_STAFF_TOKEN is not set") as caught:
        resolve(options(), {})
    assert "staff-secret" not in str(caught.value)
    with pytest.raises(UsageError, match="KEY_VAR is not set"):
        resolve(options(api_key_env="KEY_VAR"), ENV)
    assert resolve(options(api_key_env="KEY_VAR"), ENV | {"KEY_VAR": "k"})[2] == "k"


def test_faults_combine_the_environment_and_the_options():
    env = ENV | {"REFERENCE_ASSISTANT_FAULTS": "ignores_stock,slow=10"}
    _, faults, _ = resolve(options(faults=("slow=20", "invents_items")), env)
    assert faults == Faults(ignores_stock=True, slow=20, invents_items=True)
    with pytest.raises(UsageError, match="unknown fault"):
        resolve(options(faults=("nonsense",)), ENV)


def test_sessions_forget_the_least_recently_used():
    sessions = Sessions(max_sessions=2)
    sessions.keep("a", Memory(item="KT-0001"))
    sessions.keep("b", Memory(order_id="ORD-10001"))
    assert sessions.recall("a").item == "KT-0001"  # "a" is now the most recent
    sessions.keep("c", Memory())
    assert len(sessions) == 2
    assert sessions.recall("b") == Memory()
    assert sessions.recall("a").item == "KT-0001"


def test_session_ids():
    assert Sessions.new_id() != Sessions.new_id()
    assert Sessions.valid_id("abc")
    assert not Sessions.valid_id("")
    assert not Sessions.valid_id("x" * 129)
    assert not Sessions.valid_id("bad\nid")


def test_an_unknown_voice_is_refused_before_serving():
    with pytest.raises(UsageError, match="unknown voice 'welsh'; valid voices: standard, british"):
        resolve(options(voice="welsh"), ENV)
    assert resolve(options(voice="markdown"), ENV)[0] == "staff-secret"


def test_an_otlp_endpoint_must_be_a_url():
    with pytest.raises(UsageError, match="--otlp-endpoint"):
        resolve(options(otlp_endpoint="collector:4318"), ENV)
    assert resolve(options(otlp_endpoint="http://127.0.0.1:4318"), ENV)[0] == "staff-secret"
