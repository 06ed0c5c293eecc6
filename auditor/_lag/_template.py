"""`{{name}}` templates for sandbox actions and lag questions.

A string that is nothing but one placeholder becomes the value itself, so `"{{on_hand}}"` sends
the number 7 and not the text "7"; anywhere else the value is written into the text. In URLs the
values are percent-encoded. `{{env.NAME}}` reads an environment variable, so that a secret a
body needs stays out of the configuration file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import quote

_PLACEHOLDER = re.compile(r"\{\{\s*([\w.]+)\s*\}\}")

Variables = Mapping[str, str | int | None]


class TemplateError(ValueError):
    """A placeholder names a variable the scenario does not have."""


def _same(text: str) -> str:
    return text


def url_escape(text: str) -> str:
    return quote(text, safe="")


def _lookup(name: str, variables: Variables, env: Mapping[str, str]) -> str | int | None:
    if name.startswith("env."):
        var = name[4:]
        if var not in env:
            raise TemplateError(f"environment variable {var} is not set")
        return env[var]
    if name not in variables:
        known = ", ".join(sorted(variables)) or "none"
        raise TemplateError(f"unknown placeholder {{{{{name}}}}} (this scenario has: {known})")
    return variables[name]


def fill_text(
    text: str, variables: Variables, env: Mapping[str, str], escape: Callable[[str], str] = _same
) -> str:
    """Every placeholder of `text` written in as text (missing values as the empty string)."""

    def replace(match: re.Match[str]) -> str:
        value = _lookup(match.group(1), variables, env)
        return escape("" if value is None else str(value))

    return _PLACEHOLDER.sub(replace, text)


def fill(value: Any, variables: Variables, env: Mapping[str, str]) -> Any:
    """Fill every string inside `value` (dicts and lists too), keeping lone values' types."""
    if isinstance(value, str):
        whole = _PLACEHOLDER.fullmatch(value)
        if whole is not None:
            return _lookup(whole.group(1), variables, env)
        return fill_text(value, variables, env)
    if isinstance(value, dict):
        return {k: fill(v, variables, env) for k, v in value.items()}
    if isinstance(value, list):
        return [fill(v, variables, env) for v in value]
    return value
