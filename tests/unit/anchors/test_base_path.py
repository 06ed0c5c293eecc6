"""The server's base path: appended to `base_url` once, never twice; the rule is explicit."""

from __future__ import annotations

from typing import Any

import pytest

from auditor._anchors._spec import parse_document


def _spec(servers: Any) -> Any:
    text = f"openapi: 3.1.0\ninfo: {{title: t, version: '1'}}\nservers: {servers}\npaths: {{}}\n"
    return parse_document(text, "inline")


@pytest.mark.parametrize(
    ("servers", "base_url", "expected"),
    [
        ("[{url: 'https://api.example/v2'}]", "http://127.0.0.1:9", "http://127.0.0.1:9/v2"),
        ("[{url: 'https://api.example/v2'}]", "http://127.0.0.1:9/v2", "http://127.0.0.1:9/v2"),
        ("[{url: 'https://api.example/v2'}]", "http://127.0.0.1:9/v2/", "http://127.0.0.1:9/v2"),
        ("[{url: '/v2/'}]", "http://127.0.0.1:9/shop", "http://127.0.0.1:9/shop/v2"),
        ("[{url: '/'}]", "http://127.0.0.1:9/shop/", "http://127.0.0.1:9/shop"),
        ("[]", "http://127.0.0.1:9", "http://127.0.0.1:9"),
        (
            "[{url: 'https://{tenant}.example/api/{version}', variables: "
            "{tenant: {default: demo}, version: {default: v1, enum: [v1, v2]}}}]",
            "http://127.0.0.1:9",
            "http://127.0.0.1:9/api/v1",
        ),
        (
            "[{url: 'https://{tenant}.example/api/{version}', variables: "
            "{tenant: {default: demo}, version: {default: v1}}}]",
            "http://127.0.0.1:9/api/v1",
            "http://127.0.0.1:9/api/v1",
        ),
    ],
)
def test_the_document_server_path_is_appended_unless_base_url_ends_with_it(
    servers: str, base_url: str, expected: str
):
    assert _spec(servers).base_path(base_url) == expected


@pytest.mark.parametrize(
    ("override", "base_url", "expected"),
    [
        ("", "http://127.0.0.1:9", "http://127.0.0.1:9"),
        ("/store/api", "http://127.0.0.1:9", "http://127.0.0.1:9/store/api"),
        ("store/api/", "http://127.0.0.1:9/store/api", "http://127.0.0.1:9/store/api"),
    ],
)
def test_base_path_in_the_configuration_replaces_the_documents(
    override: str, base_url: str, expected: str
):
    assert _spec("[{url: 'https://api.example/v2'}]").base_path(base_url, override) == expected
