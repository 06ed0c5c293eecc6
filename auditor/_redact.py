"""Secrets the configuration names, redacted from everything the audit keeps or shows.

The configuration names secrets by environment variable only, but an assistant or an anchor may
echo one back: an `Authorization` header quoted in a 401 body, a key in an answer. The values of
every variable the configuration names (each field ending in `_env`, every `{{env.NAME}}`
template) are replaced by `[redacted: NAME]`, in their usual encodings too: as sent (`Bearer …`
carries the raw value), URL-encoded, base64 (a Basic header of a `user:password` pair the
configuration builds, or the value alone), JSON- and HTML-escaped.

Short values: a value of 6 characters or more is redacted wherever it occurs; one of 3 to 5
only as a whole token (not inside a longer word or number, which would otherwise garble ordinary
answers, "3 left" for a value "3"); one under 3 characters cannot be told from ordinary text and
is not redacted. The redaction runs where text enters (answers and error reasons of the
assistant, anchor refusals) and again where records are written and printed.
"""

from __future__ import annotations

import base64
import html
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, quote_plus

from pydantic import BaseModel

from auditor._validators import PLACEHOLDER

#: Values at least this long are redacted wherever they occur.
MIN_ANYWHERE = 6
#: Values this long (and shorter than MIN_ANYWHERE) are redacted as whole tokens only.
MIN_TOKEN = 3
#: A field naming a Basic credential's two halves (see `AuthConfig`).
_BASIC_PAIR = ("basic_user_env", "basic_password_env")


def _walk(node: Any) -> Iterator[tuple[str, Any, Any]]:
    """(field name, value, owning model) for every field of every model inside `node`."""
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            value = getattr(node, name)
            yield name, value, node
            yield from _walk(value)
        for name, value in (node.model_extra or {}).items():
            yield name, value, node
            yield from _walk(value)
    elif isinstance(node, Mapping):
        for key, value in node.items():
            yield str(key), value, None
            yield from _walk(value)
    elif isinstance(node, list | tuple):
        for value in node:
            yield "", value, None
            yield from _walk(value)


def secret_names(config: BaseModel) -> tuple[list[str], list[tuple[str, str]]]:
    """Every environment variable the configuration names, and its Basic `user:password` pairs.

    One walk over the model: fields whose name ends in `_env` (holding a name), and
    `{{env.NAME}}` in any string, so a new `…_env` field is covered without a list to update.
    """
    names: dict[str, None] = {}
    pairs: list[tuple[str, str]] = []
    for name, value, owner in _walk(config):
        if name.endswith("_env") and isinstance(value, str) and value:
            names[value] = None
        elif isinstance(value, str):
            for found in PLACEHOLDER.findall(value):
                if found.startswith("env."):
                    names[found[4:]] = None
        if name == _BASIC_PAIR[1] and owner is not None:
            user = getattr(owner, _BASIC_PAIR[0], None)
            if isinstance(user, str) and isinstance(value, str):
                pairs.append((user, value))
    return list(names), pairs


def _b64(text: str) -> list[str]:
    raw = text.encode()
    return [base64.b64encode(raw).decode().rstrip("="), base64.urlsafe_b64encode(raw).decode()]


def _forms(value: str) -> set[str]:
    """The value as it may be echoed: raw, URL-encoded, base64, JSON- and HTML-escaped."""
    forms = {value, quote(value, safe=""), quote_plus(value), json.dumps(value)[1:-1]}
    forms.add(html.escape(value))
    forms.update(f.rstrip("=") for f in _b64(value) if len(f.rstrip("=")) >= MIN_ANYWHERE)
    return forms


@dataclass(frozen=True, slots=True)
class Redactor:
    """Replaces each known secret form by `[redacted: NAME]`; empty, it changes nothing."""

    #: Secret form -> the variable it came from.
    forms: Mapping[str, str] = field(default_factory=dict)
    #: Forms redacted as whole tokens only (short values).
    tokens: Mapping[str, str] = field(default_factory=dict)
    _pattern: re.Pattern[str] | None = None

    @classmethod
    def of(
        cls,
        values: Mapping[str, str],
        pairs: Mapping[tuple[str, str], tuple[str, str]] | None = None,
    ) -> Redactor:
        """From variable name -> value, and (user var, password var) -> (user, password)."""
        forms: dict[str, str] = {}
        tokens: dict[str, str] = {}
        for name, value in values.items():
            if len(value) >= MIN_ANYWHERE:
                forms.update(dict.fromkeys(_forms(value), name))
            elif len(value) >= MIN_TOKEN:
                tokens[value] = name
        for (_, password_var), (user, password) in (pairs or {}).items():
            for form in _b64(f"{user}:{password}"):
                forms[form.rstrip("=")] = password_var
        anywhere = sorted(forms, key=len, reverse=True)
        parts = [re.escape(f) for f in anywhere]
        parts += [rf"(?<!\w){re.escape(t)}(?!\w)" for t in sorted(tokens, key=len, reverse=True)]
        pattern = re.compile("|".join(parts)) if parts else None
        return cls(forms, tokens, pattern)

    @classmethod
    def from_config(cls, config: BaseModel, env: Mapping[str, str]) -> Redactor:
        names, pairs = secret_names(config)
        values = {n: env[n] for n in names if env.get(n)}
        both = {(u, p): (env[u], env[p]) for u, p in pairs if env.get(u) and env.get(p)}
        return cls.of(values, both)

    def __bool__(self) -> bool:
        return self._pattern is not None

    def text(self, text: str) -> str:
        if self._pattern is None or not text:
            return text
        return self._pattern.sub(self._name, text)

    def _name(self, match: re.Match[str]) -> str:
        found = match.group(0)
        return f"[redacted: {self.forms.get(found) or self.tokens.get(found, 'secret')}]"

    def data(self, value: Any) -> Any:
        """Every string inside JSON-like data, redacted (keys too)."""
        if self._pattern is None:
            return value
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, dict):
            return {self.text(str(k)): self.data(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [self.data(v) for v in value]
        return value


NO_REDACTION = Redactor()
