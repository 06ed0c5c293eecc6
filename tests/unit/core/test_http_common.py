import email.utils
from datetime import UTC, datetime, timedelta

import httpx

from auditor._adapters._http_common import backoff_s, retry_after_s


def response(value: str | None) -> httpx.Response:
    headers = {} if value is None else {"Retry-After": value}
    return httpx.Response(429, headers=headers)


def test_retry_after_seconds_dates_and_garbage():
    assert retry_after_s(response("2")) == 2.0
    assert retry_after_s(response(None)) is None
    assert retry_after_s(response("soon")) is None
    assert retry_after_s(response("100000")) == 10.0  # capped
    later = email.utils.format_datetime(datetime.now(UTC) + timedelta(seconds=4), usegmt=True)
    assert 2.0 <= (retry_after_s(response(later)) or 0) <= 4.0


def test_backoff_grows_and_is_bounded():
    assert all(0 < backoff_s(a) <= 10.0 for a in range(1, 30))
    assert max(backoff_s(1) for _ in range(50)) < min(backoff_s(6) for _ in range(50))
