"""The adapters' HTTP client builds JSON requests itself: they must be httpx's, byte for byte."""

from __future__ import annotations

import httpx
from hypothesis import given
from hypothesis import strategies as st

from auditor._adapters import AdapterSettings
from auditor._adapters._transport import HttpClient

_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=8,
)
_NAMES = st.sampled_from(["X-Customer", "Authorization", "content-type", "Host", "Accept"])
_HEADERS = st.dictionaries(_NAMES, st.text(st.characters(min_codepoint=33, max_codepoint=126)))


@given(body=_JSON, headers=_HEADERS)
def test_a_json_request_is_the_one_httpx_would_build(body, headers):
    url = "http://127.0.0.1:8080/v1/chat/completions"
    ours = HttpClient(AdapterSettings()).request("POST", url, headers=headers, json=body)
    theirs = httpx.Request("POST", url, headers=headers, json=body)
    assert (ours.method, ours.url, ours.content) == (theirs.method, theirs.url, theirs.content)
    assert sorted(ours.headers.multi_items()) == sorted(theirs.headers.multi_items())
    assert ours.extensions["timeout"]["read"] == AdapterSettings().timeout_s


def test_a_form_request_is_left_to_httpx():
    request = HttpClient(AdapterSettings()).request(
        "POST", "http://127.0.0.1/x", headers={}, data={"q": "Is it in stock?"}
    )
    assert request.content == b"q=Is+it+in+stock%3F"
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"
