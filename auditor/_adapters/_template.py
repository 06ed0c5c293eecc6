"""`{{question}}`-style templates for the templated HTTP adapter."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from auditor._adapters._base import AdapterError

_PLACEHOLDER = re.compile(r"\{\{\s*([\w.]+)\s*\}\}")


def fill(value: Any, variables: Mapping[str, str | None], env: Mapping[str, str]) -> Any:
    """Substitute placeholders in every string inside `value` (dicts and lists too)."""
    if isinstance(value, str):
        return _fill_str(value, variables, env)
    if isinstance(value, dict):
        return {k: fill(v, variables, env) for k, v in value.items()}
    if isinstance(value, list):
        return [fill(v, variables, env) for v in value]
    return value


def _fill_str(text: str, variables: Mapping[str, str | None], env: Mapping[str, str]) -> Any:
    whole = _PLACEHOLDER.fullmatch(text)
    if whole and whole.group(1) in variables and variables[whole.group(1)] is None:
        return None  # a lone placeholder with no value becomes JSON null, not "None"

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name.startswith("env."):
            var = name[4:]
            if var not in env:
                raise AdapterError(f"environment variable {var} is not set")
            return env[var]
        if name not in variables:
            raise AdapterError(f"unknown template variable {{{{{name}}}}}")
        return variables[name] or ""

    return _PLACEHOLDER.sub(replace, text)
