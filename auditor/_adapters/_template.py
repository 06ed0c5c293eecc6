"""`{{question}}`-style templates for the templated HTTP adapter.

Variables: `{{question}}`, `{{session_id}}`, `{{customer_id}}`, `{{customer.NAME}}` (a test
customer's own `variables`, see `[[customers]]`) and `{{env.NAME}}` (the value of an
environment variable, so that secrets stay out of the configuration file). A string that is
nothing but one placeholder whose value is missing becomes JSON null, not the text "None".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from auditor._adapters._base import AdapterError, AdapterSettings
from auditor._validators import PLACEHOLDER as _PLACEHOLDER

#: Applied to every substituted value, e.g. percent-encoding inside a URL.
Escape = Callable[[str], str]


def _same(text: str) -> str:
    return text


def fill(
    value: Any,
    variables: Mapping[str, str | None],
    env: Mapping[str, str],
    escape: Escape = _same,
) -> Any:
    """Substitute placeholders in every string inside `value` (dicts and lists too)."""
    if isinstance(value, str):
        return _fill_str(value, variables, env, escape)
    if isinstance(value, dict):
        return {k: fill(v, variables, env, escape) for k, v in value.items()}
    if isinstance(value, list):
        return [fill(v, variables, env, escape) for v in value]
    return value


def placeholders(value: Any) -> set[str]:
    """Every variable name `value` uses, to check a template before the first request."""
    if isinstance(value, str):
        return set(_PLACEHOLDER.findall(value))
    if isinstance(value, dict):
        return set().union(*(placeholders(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(placeholders(v) for v in value))
    return set()


#: A test customer's own variables (`{{customer.email}}`): empty for a question asked as nobody.
_CUSTOMER = "customer."


def _absent(name: str, variables: Mapping[str, str | None]) -> bool:
    if name in variables:
        return variables[name] is None
    return name.startswith(_CUSTOMER)


def _fill_str(
    text: str, variables: Mapping[str, str | None], env: Mapping[str, str], escape: Escape
) -> Any:
    if "{{" not in text:
        return text
    whole = _PLACEHOLDER.fullmatch(text)
    if whole and _absent(whole.group(1), variables):
        return None

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name.startswith("env."):
            var = name[4:]
            if var not in env:
                raise AdapterError(f"environment variable {var} is not set")
            return escape(env[var])
        if name not in variables and not name.startswith(_CUSTOMER):
            raise AdapterError(f"unknown template variable {{{{{name}}}}}")
        return escape(variables.get(name) or "")

    return _PLACEHOLDER.sub(replace, text)


def customer_headers(
    settings: AdapterSettings,
    channel: str,
    customer_id: str | None,
    variables: Mapping[str, str | None],
) -> dict[str, str]:
    """The headers a test customer adds on `channel` (`[[customers]] headers`), filled in."""
    identity = settings.identity(customer_id)
    if identity is None:
        return {}
    own = identity.headers.get(channel, {})
    return {k: str(fill(v, variables, settings.env)) for k, v in own.items()}
