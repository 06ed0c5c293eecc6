"""`{{question}}` templates of the HTTP adapter."""

import pytest

from auditor._adapters import AdapterError
from auditor._adapters._template import fill


def test_fills_nested_values_and_env():
    body = {"text": "{{question}}", "meta": ["{{customer_id}}", {"k": "key {{env.TOKEN}}"}], "n": 3}
    filled = fill(body, {"question": "Is it?", "customer_id": "C-001"}, {"TOKEN": "s3"})
    assert filled == {"text": "Is it?", "meta": ["C-001", {"k": "key s3"}], "n": 3}


def test_lone_missing_value_becomes_null_and_inline_empty():
    assert fill({"s": "{{session_id}}"}, {"session_id": None}, {}) == {"s": None}
    assert fill("id={{session_id}}", {"session_id": None}, {}) == "id="


def test_unknown_variable_and_missing_env_are_clear_errors():
    with pytest.raises(AdapterError, match="unknown template variable"):
        fill("{{nope}}", {}, {})
    with pytest.raises(AdapterError, match="SECRET is not set"):
        fill("{{env.SECRET}}", {}, {})
