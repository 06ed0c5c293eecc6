"""Checks a configuration value must pass when the file is read, long before it is used.

A URL, a JSONPath or a `{{question}}` template that cannot work is refused with the field path
and a one-line reason (exit 2) instead of surfacing later as a traceback, or as an `error`
verdict on every probe. Pure functions raising `ValueError`, so pydantic validators can use them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

#: A well-formed template placeholder: `{{question}}`, `{{ env.NAME }}`.
PLACEHOLDER = re.compile(r"\{\{\s*([\w.]+)\s*\}\}")
#: What the templated HTTP adapter fills in besides `{{env.NAME}}`.
TEMPLATE_VARIABLES = frozenset({"question", "session_id", "customer_id"})
_ENV_NAME = re.compile(r"^env\.[A-Za-z_][A-Za-z0-9_]*$")
#: `{{customer.email}}`: a variable of the probe's customer (`[[customers]] variables`); that
#: every customer gives it is checked with the customers (`auditor/_customers.py`).
_CUSTOMER_NAME = re.compile(r"^customer\.[A-Za-z_][A-Za-z0-9_]*$")
_URL_SCHEMES = ("http", "https")


def check_url(url: str, *, what: str = "URL") -> str:
    """An absolute http(s) URL with a host and a valid port; templates are checked elsewhere."""
    bare = PLACEHOLDER.sub("x", url)
    if not bare or bare != bare.strip() or any(c.isspace() or ord(c) < 32 for c in bare):
        raise ValueError(f"{what} {url!r} is empty or holds spaces or control characters")
    try:
        parts = urlsplit(bare)
        parts.port  # noqa: B018 - raises ValueError for a port that is not 0..65535
    except ValueError as error:
        raise ValueError(f"{what} {url!r} is not a URL: {error}") from None
    if parts.scheme not in _URL_SCHEMES:
        shown = f"`{parts.scheme}`" if parts.scheme else "none"
        raise ValueError(f"{what} {url!r} must start with http:// or https:// (scheme: {shown})")
    if not parts.hostname:
        raise ValueError(f"{what} {url!r} names no host")
    return url


@functools.lru_cache(maxsize=1024)
def _jsonpath_problem(path: str) -> str | None:
    if not path.strip():
        return "an empty JSONPath selects nothing (the whole document is `$`)"
    from auditor._anchors._jsonpath import parse_jsonpath  # the anchors parse the same paths

    try:
        parse_jsonpath(path)
    except Exception as error:  # jsonpath-ng raises several unrelated types
        return f"not a JSONPath: {path!r} ({error})"
    return None


def check_jsonpath(path: str) -> str:
    problem = _jsonpath_problem(path)
    if problem is not None:
        raise ValueError(problem)
    return path


def strings(value: Any) -> Iterable[str]:
    """Every string inside a value (dict values and list items, recursively)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def template_problems(value: Any, variables: frozenset[str] = TEMPLATE_VARIABLES) -> list[str]:
    """Placeholders that are malformed (`{{question}`) or unknown (`{{qestion}}`)."""
    problems: list[str] = []
    known = ", ".join(f"{{{{{v}}}}}" for v in [*sorted(variables), "env.NAME", "customer.NAME"])
    for text in strings(value):
        for name in PLACEHOLDER.findall(text):
            if name not in variables and not (_ENV_NAME.match(name) or _CUSTOMER_NAME.match(name)):
                problems.append(f"unknown placeholder {{{{{name}}}}} in {text!r} (known: {known})")
        rest = PLACEHOLDER.sub("", text)
        if "{{" in rest or "}}" in rest:
            problems.append(
                f"an unclosed or malformed placeholder in {text!r} (write {{{{name}}}})"
            )
        elif re.search(r"\{\s*(" + "|".join(sorted(variables)) + r")\s*\}", rest):
            problems.append(f"{text!r}: placeholders take two braces, `{{{{question}}}}`")
    return problems


def uses_placeholder(value: Any, name: str) -> bool:
    return any(name in PLACEHOLDER.findall(text) for text in strings(value))


def _userinfo(url: str) -> tuple[str, str | None] | None:
    """The `user[:password]` of an `http://user:password@host` URL, or None without one."""
    rest = url.split("://", 1)[1] if "://" in url else url
    netloc = re.split(r"[/?#]", rest, maxsplit=1)[0]
    if "@" not in netloc:
        return None
    user, colon, password = netloc.rsplit("@", 1)[0].partition(":")
    return user, password if colon else None


def check_secret_url(url: str, *, what: str = "URL") -> str:
    """An http(s) URL whose only placeholders are `{{env.NAME}}`, and whose password, if any,
    is one: a password written into the file would be kept with the audit (meta.json) and
    could not be redacted. The message never repeats a URL that holds a written password."""
    found = _userinfo(url)
    if found is not None and found[1] is not None and not PLACEHOLDER.fullmatch(found[1]):
        raise ValueError(
            f"{what} holds a password: write it as {{{{env.NAME}}}} (an environment variable) "
            "so that it stays out of the configuration and the reports"
        )
    for name in PLACEHOLDER.findall(url):
        if not _ENV_NAME.match(name):
            raise ValueError(f"{what} {url!r}: only {{{{env.NAME}}}} placeholders are filled in")
    rest = PLACEHOLDER.sub("", url)
    if "{{" in rest or "}}" in rest:
        raise ValueError(f"{what} {url!r}: an unclosed or malformed placeholder")
    return check_url(url, what=what)
