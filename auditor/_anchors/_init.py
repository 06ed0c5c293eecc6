"""`auditor init`: a starter `audit.toml` guessed from the shop's OpenAPI documents.

Each document becomes one anchor. Every guess the guesser was unsure of carries a TOML comment,
and whatever it could not find is listed as a comment to fill in by hand. The text is checked
against the configuration model before it is returned, so a starter file always loads.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from auditor._anchors._guess import Guess, KindGuess, guess_kind, leaves, response_schema
from auditor._anchors._spec import Operation, Spec
from auditor._anchors._toml import toml_key, toml_value
from auditor._anchors._words import norm

DEFAULT_BASE_URL = "http://127.0.0.1:9000"
_PAGE = ("page", "pagenumber", "pageno", "p")
_SIZE = ("pagesize", "perpage", "size", "limit", "count", "pagelimit", "maxresults")
_OFFSET = ("offset", "skip", "start")
_LIMIT = ("limit", "count", "take", "size")
_CURSOR = ("cursor", "after", "pagetoken", "nexttoken", "continuation", "startingafter", "next")
_NEXT = ("nextcursor", "nextpagetoken", "nexttoken", "cursor", "next", "continuation")


@dataclass(slots=True)
class Lines:
    """TOML lines under construction, with trailing comments for unsure guesses."""

    out: list[str] = field(default_factory=list)

    def table(self, name: str) -> None:
        self.out.extend(["", f"[{name}]"])

    def set(self, key: str, value: Any, note: str = "") -> None:
        line = f"{toml_key(key)} = {toml_value(value)}"
        self.out.append(f"{line}  # {note}" if note else line)

    def guess(self, key: str, guess: Guess) -> None:
        self.set(key, guess.value, guess.note if not guess.sure else "")

    def comment(self, text: str) -> None:
        self.out.append(f"# {text}")

    def text(self) -> str:
        return "\n".join(self.out).strip() + "\n"


def anchor_name(spec: Spec, taken: set[str]) -> str:
    stem = Path(urlsplit(spec.source).path).stem or "anchor"
    name = re.sub(r"[^a-z0-9_]+", "_", stem.lower()).strip("_") or "anchor"
    unique, n = name, 2
    while unique in taken:
        unique, n = f"{name}_{n}", n + 1
    taken.add(unique)
    return unique


def _query_params(op: Operation) -> dict[str, Any]:
    return {norm(p.name): p for p in op.parameters if p.location == "query"}


def _first(params: Mapping[str, Any], names: tuple[str, ...]) -> Any:
    return next((params[n] for n in names if n in params), None)


def guess_pagination(spec: Spec, op: Operation) -> tuple[dict[str, Any], list[str]]:
    """The pagination table for a list operation, and notes on what was unsure."""
    params = _query_params(op)
    size = _first(params, _SIZE)
    table: dict[str, Any] = {}
    cursor = _first(params, _CURSOR)
    if cursor is not None:
        table = {"style": "cursor", "cursor_param": cursor.name}
        path = _cursor_path(spec, op)
        if path:
            table["next_cursor_path"] = path
    elif _documents_link(spec, op):
        table = {"style": "link"}
    elif (page := _first(params, _PAGE)) is not None:
        table = {"style": "page", "page_param": page.name}
    elif (offset := _first(params, _OFFSET)) is not None:
        limit = _first(params, _LIMIT)
        table = {"style": "offset", "offset_param": offset.name}
        if limit is not None:
            table["limit_param"] = limit.name
            table["size"] = _size(limit)
        return table, []
    else:
        return {"style": "none"}, ["no pagination parameters found: one response is read"]
    table["size_param"] = size.name if size is not None else None
    notes = [] if size is not None else ["no page-size parameter found"]
    if size is not None:
        table["size"] = _size(size)
    if table["style"] == "cursor" and "next_cursor_path" not in table:
        notes.append("set `next_cursor_path` to where the response carries the next cursor")
    return table, notes


def _size(param: Any) -> int:
    maximum = param.schema.get("maximum")
    return int(min(maximum, 500)) if isinstance(maximum, int | float) else 100


def _documents_link(spec: Spec, op: Operation) -> bool:
    for status in ("200", "2XX", "default"):
        headers = spec.resolve(op.responses.get(status, {})).get("headers", {})
        if any(name.lower() == "link" for name in headers):
            return True
    return False


def _cursor_path(spec: Spec, op: Operation) -> str | None:
    schema = response_schema(spec, op) or {}

    for leaf in leaves(spec, schema):
        if norm(leaf.parts[-1]) in _NEXT and "array" not in str(leaf.schema.get("type")):
            return leaf.path
    return None


def guess_auth(spec: Spec, ops: list[Operation], anchor: str) -> tuple[dict[str, str], str]:
    """The auth table from the document's security schemes; env var names are invented."""
    schemes = spec.data.get("components", {}).get("securitySchemes", {})
    required = [n for req in spec.data.get("security", []) for n in req]
    name = next(iter(required), next(iter(schemes), None))
    if name is None:
        return {}, ""
    scheme = spec.resolve(schemes[name])
    env = anchor.upper()
    if scheme.get("type") == "http" and str(scheme.get("scheme", "")).lower() == "bearer":
        return {"bearer_env": f"{env}_TOKEN"}, f"set {env}_TOKEN before running"
    if scheme.get("type") == "http" and str(scheme.get("scheme", "")).lower() == "basic":
        auth = {"basic_user_env": f"{env}_USER", "basic_password_env": f"{env}_PASSWORD"}
        return auth, f"set {env}_USER and {env}_PASSWORD before running"
    if scheme.get("type") == "apiKey" and scheme.get("in") in ("header", "query"):
        where = str(scheme["in"])
        auth = {where: str(scheme["name"]), f"{where}_env": f"{env}_API_KEY"}
        return auth, f"set {env}_API_KEY before running"
    return {}, f"security scheme `{name}` is not supported: configure `auth` by hand"


def _base_url(spec: Spec, given: str | None) -> tuple[str, str]:
    if given:
        return given, ""
    servers = spec.data.get("servers") or []
    url = str(servers[0].get("url", "")) if servers else ""
    parts = urlsplit(url)
    if parts.scheme in ("http", "https") and parts.hostname in ("127.0.0.1", "localhost", "::1"):
        return f"{parts.scheme}://{parts.netloc}", ""
    return DEFAULT_BASE_URL, "guessed: set the shop's base URL (or pass --base-url)"


@dataclass(frozen=True, slots=True)
class SpecInput:
    spec: Spec
    #: How the config should name the document: a path relative to the config, or a URL.
    reference: str


def spec_reference(source: str, out_dir: Path) -> str:
    if urlsplit(source).scheme in ("http", "https"):
        return source
    try:
        return os.path.relpath(Path(source).resolve(), out_dir.resolve())
    except ValueError:  # another drive
        return str(Path(source).resolve())


def _kind_lines(lines: Lines, prefix: str, g: KindGuess, pagination: dict[str, Any] | None) -> None:
    lines.table(f"{prefix}.{g.kind}")
    if g.list_op is not None:
        lines.set("list", g.list_op.operation_id)
    if g.get_op is not None:
        lines.set("get", g.get_op.operation_id)
        params = g.get_op.path_parameters()
        if len(params) == 1:
            lines.set("get_param", params[0])
    if g.items_path is not None:
        lines.guess("items_path", g.items_path)
    for note in g.notes:
        lines.comment(note)
    if pagination is not None:
        _pagination_lines(lines, f"{prefix}.{g.kind}.pagination", pagination)
    lines.table(f"{prefix}.{g.kind}.fields")
    for name, guess in g.fields.items():
        lines.guess(name, guess)
    for name in g.missing:
        lines.comment(f'{name} = "$.…"  # not found in the document: map it by hand')
    for name, table in g.values.items():
        lines.table(f"{prefix}.{g.kind}.values.{name}")
        for word, guess in table.items():
            lines.guess(word, guess)
        for word in g.unmatched.get(name, []):
            lines.comment(f'{toml_key(word)} = "…"  # no canonical word found: map it by hand')


def _pagination_lines(lines: Lines, table: str, pagination: dict[str, Any]) -> None:
    notes = pagination.pop("_notes", [])
    lines.table(table)
    for key, value in pagination.items():
        if value is not None:
            lines.set(key, value)
        else:
            lines.comment(f"{key}: none found (the server's default page size applies)")
    for note in notes:
        lines.comment(note)


def _anchor_lines(lines: Lines, name: str, item: SpecInput, base_url: str | None) -> None:
    spec = item.spec
    guesses = [g for kind in ("stock", "orders", "returns") if (g := guess_kind(spec, kind))]
    prefix = f"anchors.{name}"
    lines.table(prefix)
    lines.comment(f"{spec.title or name} (OpenAPI {spec.version})")
    lines.set("spec", item.reference)
    url, note = _base_url(spec, base_url)
    lines.set("base_url", url, note)
    ops = [op for g in guesses for op in (g.list_op, g.get_op) if op is not None]
    auth, auth_note = guess_auth(spec, ops, name)
    if auth:
        lines.set("auth", auth, auth_note)
    elif auth_note:
        lines.comment(auth_note)
    if not guesses:
        lines.comment("no operation looked like stock, orders or returns: map one by hand")
        lines.comment('stock = { list = "…", fields = { sku = "$.…" } }')
        return
    for g in guesses:
        pagination = None
        if g.list_op is not None:
            table, notes = guess_pagination(spec, g.list_op)
            pagination = {**table, "_notes": notes}
        _kind_lines(lines, prefix, g, pagination)


def _header(lines: Lines, assistant_url: str) -> None:
    lines.comment("Starter configuration written by `auditor init`.")
    lines.comment("Lines marked `guessed` were guesses; check them against the shop's data.")
    lines.table("audit")
    lines.set("name", "audit")
    lines.set("profile", "ci", "ci | production (read-only) | explore")
    lines.out.extend(
        ["", "# Placeholder: point this at the assistant under audit.", "[[assistant]]"]
    )
    lines.set("name", "web")
    lines.set("kind", "openai")
    lines.set("base_url", assistant_url)
    lines.set("model", "shop-assistant")
    lines.comment('api_key_env = "ASSISTANT_API_KEY"')


def starter_config(
    specs: list[SpecInput], *, base_url: str | None, assistant_url: str = "http://127.0.0.1:8000/v1"
) -> str:
    """The text of a starter `audit.toml` for `specs`; it always passes `parse_config`."""
    from auditor._config import parse_config

    lines = Lines()
    _header(lines, assistant_url)
    taken: set[str] = set()
    names = [anchor_name(item.spec, taken) for item in specs]
    for name, item in zip(names, specs, strict=True):
        _anchor_lines(lines, name, item, base_url)
    text = lines.text()
    parse_config(tomllib.loads(text), source="auditor init")
    return text


def unsure_lines(text: str) -> Iterator[str]:
    """The lines of a starter config that carry a comment (for tests and the CLI summary)."""
    for line in text.splitlines():
        if "#" in line and not line.lstrip().startswith("#"):
            yield line
