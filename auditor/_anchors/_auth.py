"""Credentials for an anchor, read from the environment at the moment the anchor is opened.

The configuration names variables, never secrets; an error names the missing variable and never
prints a value.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import httpx

from auditor._anchors._config import AuthConfig
from auditor._anchors._errors import AnchorError


@dataclass(frozen=True, slots=True)
class Credentials:
    headers: dict[str, str] = field(default_factory=dict)
    params: dict[str, str] = field(default_factory=dict)
    auth: httpx.BasicAuth | None = None
    #: Query parameter names that carry a secret, to be blanked in anything shown.
    secret_params: frozenset[str] = frozenset()


def _need(env: Mapping[str, str], name: str, anchor: str) -> str:
    value = env.get(name)
    if not value:
        raise AnchorError(f"anchor `{anchor}`: environment variable {name} is not set")
    return value


def credentials(config: AuthConfig, env: Mapping[str, str], *, anchor: str) -> Credentials:
    headers: dict[str, str] = {}
    params: dict[str, str] = {}
    basic = None
    if config.bearer_env:
        headers["Authorization"] = f"Bearer {_need(env, config.bearer_env, anchor)}"
    if config.header and config.header_env:
        headers[config.header] = _need(env, config.header_env, anchor)
    if config.query and config.query_env:
        params[config.query] = _need(env, config.query_env, anchor)
    if config.basic_user_env and config.basic_password_env:
        basic = httpx.BasicAuth(
            _need(env, config.basic_user_env, anchor), _need(env, config.basic_password_env, anchor)
        )
    secret = frozenset({config.query} if config.query else ())
    return Credentials(headers=headers, params=params, auth=basic, secret_params=secret)
