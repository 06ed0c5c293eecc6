"""Nothing secret is written down: credentials become a keyed hash, never themselves."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from auditor._tap import Exchange, OperationIndex, TapRecorder, load_specs
from auditor._tap._redact import auth_of, identity_of, split_query
from auditor.reference._audit_config import reference_anchors

SHOP = "http://127.0.0.1:8123"
KEY = b"k" * 32


def _jwt(payload: dict[str, object]) -> str:
    def part(data: dict[str, object]) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()

    return f"{part({'alg': 'HS256'})}.{part(payload)}.c2lnbmF0dXJl"


def test_a_jwt_names_its_owner_in_the_open():
    seen = auth_of({"authorization": f"Bearer {_jwt({'sub': 'C-007'})}"}, KEY)
    assert seen is not None and seen.scheme == "bearer" and seen.owner == "C-007"


def test_an_opaque_token_has_no_owner_and_the_same_fingerprint_each_time():
    first = auth_of({"authorization": "Bearer staff-abc"}, KEY)
    again = auth_of({"authorization": "Bearer staff-abc"}, KEY)
    other = auth_of({"authorization": "Bearer staff-abd"}, KEY)
    another_key = auth_of({"authorization": "Bearer staff-abc"}, b"x" * 32)
    assert first is not None and first.owner is None
    assert first == again
    assert other is not None and another_key is not None
    assert first.fingerprint != other.fingerprint != another_key.fingerprint
    assert auth_of({}, KEY) is None


def test_the_identity_is_the_first_identity_header_present():
    headers = {"x-customer-id": "C-2", "x-on-behalf-of": "C-1"}
    assert identity_of(headers, ["X-On-Behalf-Of", "X-Customer-Id"]) == "C-1"
    assert identity_of(headers, ["X-Customer-Id"]) == "C-2"
    assert identity_of({"x-on-behalf-of": "bad\x1b[31m"}, ["X-On-Behalf-Of"]) is None


def test_only_declared_query_parameters_keep_their_values():
    kept, others = split_query(
        "order_id=ORD-1&api_key=s3cret&page=2&api_key=again", {"order_id", "page"}
    )
    assert kept == {"order_id": ["ORD-1"], "page": ["2"]}
    assert others == ["api_key"]


def _recorder() -> TapRecorder:
    anchors = reference_anchors(SHOP, "TOKEN")
    specs = load_specs(anchors, Path.cwd())
    index = OperationIndex.build({n: (anchors[n], specs[n]) for n in anchors})
    return TapRecorder(None, index)


RECORDER = _recorder()
SECRETS = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_",
    min_size=20,
    max_size=60,
)


@given(token=SECRETS, key=SECRETS, cookie=SECRETS)
def test_a_recorded_call_never_holds_a_credential(token, key, cookie):
    exchange = Exchange(
        upstream=SHOP,
        method="GET",
        path="/returns/returns",
        query_string=f"api_key={key}",
        headers={
            "authorization": f"Bearer {token}",
            "cookie": f"session={cookie}",
            "x-api-key": key,
            "x-on-behalf-of": "C-003",
        },
        started_at=datetime.now(UTC),
        duration_ms=1.0,
        ttfb_ms=0.5,
        status=200,
        request_bytes=0,
        response_bytes=10,
    )
    line = RECORDER.record(exchange).model_dump_json()
    assert token not in line and key not in line and cookie not in line
    assert '"identity":"C-003"' in line and '"undeclared_query":["api_key"]' in line
