"""Running a declared sandbox action: one HTTP call, or a Python hook.

This is the only code in the auditor that writes to a shop, so it is reached only from the lag
phase, which refuses to start unless the sandbox is enabled outside the `production` profile.
The anchors' own clients stay read-only: actions have a client of their own.
"""

from __future__ import annotations

import importlib
import inspect
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

import httpx

from auditor._anchors import AnchorConfig, AnchorError, AuthConfig
from auditor._anchors._auth import credentials
from auditor._lag._config import Action, HookAction, HttpAction
from auditor._lag._template import TemplateError, Variables, fill, fill_text, url_escape

Phase = Literal["change", "restore", "reset"]

_EXCERPT = 200


class ActionError(Exception):
    """A sandbox action failed; the message names the call and never a credential."""


@dataclass(frozen=True, slots=True)
class HookCall:
    """What a Python hook is given: which change, on which subject."""

    scenario: str
    kind: str
    phase: Phase
    variables: Variables
    env: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class ActionEnv:
    """What every action of one lag phase shares."""

    client: httpx.AsyncClient
    anchors: Mapping[str, AnchorConfig]
    default_auth: AuthConfig
    env: Mapping[str, str]


def _target(action: HttpAction, env: ActionEnv, variables: Variables) -> str:
    if action.url is not None:
        return fill_text(action.url, variables, env.env, url_escape)
    assert action.path is not None and action.anchor is not None  # the config guarantees it
    base = env.anchors[action.anchor].base_url.rstrip("/")
    return base + fill_text(action.path, variables, env.env, url_escape)


def _body_of(response: httpx.Response) -> Any:
    if not response.content:
        return None
    try:
        return json.loads(response.content)
    except ValueError:
        return response.text


async def _http(action: HttpAction, env: ActionEnv, variables: Variables) -> Any:
    url = _target(action, env, variables)
    shown = f"{action.method} {httpx.URL(url).copy_with(query=None)}"
    try:
        creds = credentials(action.auth or env.default_auth, env.env, anchor="sandbox")
    except AnchorError as error:
        raise ActionError(f"{shown}: {error}") from None
    body = fill(action.body, variables, env.env) if action.body is not None else None
    headers = {
        **creds.headers,
        **{k: fill_text(v, variables, env.env) for k, v in action.headers.items()},
    }
    target = httpx.URL(url).copy_merge_params(creds.params)
    try:
        response = await env.client.request(
            action.method,
            target,
            json=body,
            headers=headers,
            auth=creds.auth or httpx.USE_CLIENT_DEFAULT,
        )
    except httpx.HTTPError as error:
        raise ActionError(f"{shown}: {type(error).__name__}") from None
    if not response.is_success:
        raise ActionError(f"{shown} answered {response.status_code}: {response.text[:_EXCERPT]}")
    return _body_of(response)


def load_hook(target: str) -> Any:
    module_name, _, attribute = target.partition(":")
    try:
        found: Any = importlib.import_module(module_name)
        for part in attribute.split("."):
            found = getattr(found, part)
    except (ImportError, AttributeError) as error:
        raise ActionError(f"hook {target}: cannot load it: {error}") from None
    if not callable(found):
        raise ActionError(f"hook {target}: not callable")
    return found


async def _hook(action: HookAction, call: HookCall) -> Any:
    hook = load_hook(action.hook)
    try:
        result = hook(call)
        if inspect.isawaitable(result):
            result = await result
    except Exception as error:  # a user's hook may fail in any way; the scenario reports it
        raise ActionError(f"hook {action.hook}: {type(error).__name__}: {error}") from None
    return result


async def perform(action: Action, env: ActionEnv, call: HookCall) -> Any:
    """Run `action`; returns what it answered (a JSON value, a hook's return value, or None)."""
    try:
        if isinstance(action, HookAction):
            return await _hook(action, call)
        return await _http(action, env, call.variables)
    except TemplateError as error:
        raise ActionError(f"{call.phase} action of {call.scenario}: {error}") from None
