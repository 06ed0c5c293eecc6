"""What of a request may be written down: who it is for, yes; what proves it, never.

Credentials (`Authorization`, `Proxy-Authorization`, cookies, API-key headers) are not stored;
`Authorization` becomes its scheme and an HMAC under a key made for one recording, so that two
calls with the same credentials can be told apart from calls with others, and nothing else. The
owner of a bearer token is recorded only when the token says it in the open (a JWT's `sub`).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from urllib.parse import parse_qsl

from auditor._tap._model import AuthSeen

_PRINTABLE = re.compile(r"[!-~][ -~]{0,127}")
_FINGERPRINT_HEX = 16


def _text(value: str) -> str | None:
    value = value.strip()
    return value if _PRINTABLE.fullmatch(value) else None


def identity_of(headers: Mapping[str, str], names: Sequence[str]) -> str | None:
    """The customer the call names, from the first identity header present (printable only)."""
    for name in names:
        value = headers.get(name.lower())
        if value is not None:
            return _text(value)
    return None


def _jwt_subject(token: str) -> str | None:
    parts = token.split(".")
    if len(parts) != 3:
        return None
    padded = parts[1] + "=" * (-len(parts[1]) % 4)
    try:
        payload = json.loads(base64.urlsafe_b64decode(padded))
    except (binascii.Error, ValueError):
        return None
    subject = payload.get("sub") if isinstance(payload, dict) else None
    return _text(subject) if isinstance(subject, str) else None


def auth_of(headers: Mapping[str, str], key: bytes) -> AuthSeen | None:
    value = headers.get("authorization")
    if value is None:
        return None
    scheme, _, token = value.strip().partition(" ")
    digest = hmac.new(key, value.encode("utf-8", "surrogateescape"), hashlib.sha256)
    owner = _jwt_subject(token.strip()) if scheme.lower() == "bearer" else None
    return AuthSeen(
        scheme=scheme.lower() or "unknown",
        fingerprint=digest.hexdigest()[:_FINGERPRINT_HEX],
        owner=owner,
    )


def split_query(
    query_string: str, declared: Iterable[str]
) -> tuple[dict[str, list[str]], list[str]]:
    """Declared parameters with their values; the names of the others, without theirs."""
    allowed = set(declared)
    kept: dict[str, list[str]] = {}
    others: list[str] = []
    for name, value in parse_qsl(query_string, keep_blank_values=True):
        if name in allowed:
            kept.setdefault(name, []).append(value)
        elif name not in others:
            others.append(name)
    return kept, others
