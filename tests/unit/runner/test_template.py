"""Templates of the `http` adapter: URL values are encoded, mistakes are caught before asking."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditor._adapters import AdapterError
from auditor._adapters._http import _url_escape, check_templates
from auditor._adapters._template import fill, placeholders
from auditor._config import HttpAssistant


@given(st.text(max_size=80))
def test_a_question_in_a_url_arrives_unchanged(question):
    url = fill(
        "http://127.0.0.1/ask?q={{question}}&lang=en", {"question": question}, {}, _url_escape
    )
    query = parse_qs(urlsplit(url).query, keep_blank_values=True)
    assert query["q"] == [question] and query["lang"] == ["en"]


def test_placeholders_are_found_everywhere():
    template = {"a": "{{question}}", "b": ["x {{ env.TOKEN }}", {"c": "{{session_id}}"}], "n": 1}
    assert placeholders(template) == {"question", "env.TOKEN", "session_id"}


def http(**options) -> HttpAssistant:
    """Built without the file's checks, to test the adapter's own second line of defence."""
    return HttpAssistant.model_construct(
        **{"kind": "http", "url": "http://127.0.0.1/m", "headers": {}, **options}
    )


def test_unknown_variables_and_unset_env_are_refused_before_any_request():
    with pytest.raises(AdapterError, match=r"unknown template variables \['questoin'\]"):
        check_templates(http(body={"text": "{{questoin}}"}), {})
    with pytest.raises(AdapterError, match="environment variables not set: BOT_KEY"):
        check_templates(http(headers={"X-Key": "{{env.BOT_KEY}}"}), {})
    check_templates(
        http(headers={"X-Key": "{{env.BOT_KEY}}"}, form={"q": "{{question}}"}), {"BOT_KEY": "k"}
    )


def test_a_customers_own_variables_fill_in_and_are_empty_for_nobody():
    body = {"text": "{{question}}", "email": "{{customer.email}}", "who": "id {{customer.email}}"}
    asked = fill(body, {"question": "q", "customer.email": "a@example.test"}, {})
    assert asked == {"text": "q", "email": "a@example.test", "who": "id a@example.test"}
    anonymous = fill(body, {"question": "q"}, {})
    assert anonymous == {"text": "q", "email": None, "who": "id "}


def test_customer_variables_pass_the_template_check():
    config = HttpAssistant(
        kind="http", url="http://127.0.0.1/{{customer.account}}", body={"q": "{{question}}"}
    )
    check_templates(config, {})
