"""`Retry-After` in both of its forms, and credentials named by variable only."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditor._anchors import AnchorError, AuthConfig
from auditor._anchors._auth import credentials
from auditor._anchors._client import retry_after_s

NOW = datetime(2030, 1, 1, 12, 0, tzinfo=UTC)


def _response(value: str) -> httpx.Response:
    return httpx.Response(503, headers={"Retry-After": value})


@given(st.integers(0, 86_400))
def test_delta_seconds(seconds: int) -> None:
    assert retry_after_s(_response(str(seconds)), now=NOW) == seconds


@given(st.integers(0, 3_600))
def test_http_dates(seconds: int) -> None:
    when = format_datetime(NOW + timedelta(seconds=seconds), usegmt=True)
    assert retry_after_s(_response(when), now=NOW) == seconds


def test_past_dates_mean_now_and_garbage_means_unknown() -> None:
    assert retry_after_s(_response("Wed, 21 Oct 2015 07:28:00 GMT"), now=NOW) == 0
    assert retry_after_s(_response("soon"), now=NOW) is None
    assert retry_after_s(httpx.Response(503), now=NOW) is None


def test_a_missing_variable_is_named_and_no_value_is_shown() -> None:
    with pytest.raises(AnchorError, match="ORDERS_TOKEN") as caught:
        credentials(AuthConfig(bearer_env="ORDERS_TOKEN"), {"OTHER": "s3cret"}, anchor="orders")
    assert "s3cret" not in str(caught.value)


def test_each_kind_of_credential_lands_where_it_belongs() -> None:
    env = {"T": "tok", "K": "key", "Q": "qk", "U": "u", "P": "p"}
    creds = credentials(
        AuthConfig(
            bearer_env="T",
            header="X-Api-Key",
            header_env="K",
            query="api_key",
            query_env="Q",
            basic_user_env="U",
            basic_password_env="P",
        ),
        env,
        anchor="a",
    )
    assert creds.headers == {"Authorization": "Bearer tok", "X-Api-Key": "key"}
    assert creds.params == {"api_key": "qk"}
    assert creds.auth is not None
    assert creds.secret_params == {"api_key"}
