"""`auditor init`: a starter `audit.toml` guessed from the shop's OpenAPI documents.

Each document becomes one anchor. A fact kind is written as a mapping only when the guess is
complete enough to load and to list records (a list operation and every required field);
otherwise it is written as a commented-out table under a `# TODO` that says what is missing and
which operations and fields were seen, so that the file always loads and a user finishes it by
hand. Only the probe suites whose facts are mapped are enabled. The text is checked against the
configuration model before it is returned.
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

from pydantic import ValidationError

from auditor._anchors._config import OWNER_FIELD, REQUIRED_FIELDS, FactMapping
from auditor._anchors._errors import AnchorError
from auditor._anchors._guess import Guess, KindGuess, guess_kind, leaves, response_schema
from auditor._anchors._spec import Operation, Spec
from auditor._anchors._toml import toml_key, toml_value
from auditor._anchors._words import norm

DEFAULT_BASE_URL = "http://127.0.0.1:9000"
FACT_KINDS = ("stock", "orders", "returns")
#: The order suites are written in; a suite not listed here comes after, by name.
SUITE_ORDER = ("stock", "orders", "returns", "safety", "consistency")
_SHOWN = 8
_PAGE = ("page", "pagenumber", "pageno", "p")
_SIZE = ("pagesize", "perpage", "size", "limit", "count", "pagelimit", "maxresults")
_OFFSET = ("offset", "skip", "start")
_LIMIT = ("limit", "count", "take", "size")
_CURSOR = ("cursor", "after", "pagetoken", "nexttoken", "continuation", "startingafter", "next")
_NEXT = ("nextcursor", "nextpagetoken", "nexttoken", "cursor", "next", "continuation")
#: What guessing may meet in a document that is valid in shape but odd in content; each one
#: becomes a TODO for the fact kind, never a failure of the whole command.
_GUESS_ERRORS = (AnchorError, KeyError, TypeError, ValueError, AttributeError, RecursionError)


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

    def blank(self) -> None:
        self.out.append("")

    def extend_commented(self, other: Lines) -> None:
        """`other`'s lines, commented out (comment lines stay as they are)."""
        for line in other.out:
            if not line or line.startswith("#"):
                self.out.append(line)
            else:
                self.out.append(f"# {line}")

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
    if isinstance(maximum, int | float) and not isinstance(maximum, bool) and maximum >= 1:
        return int(min(maximum, 500))
    return 100


def _documents_link(spec: Spec, op: Operation) -> bool:
    for status in ("200", "2XX", "default"):
        response = spec.resolve(op.responses.get(status, {}))
        headers = response.get("headers") if isinstance(response, Mapping) else None
        if isinstance(headers, Mapping) and any(str(n).lower() == "link" for n in headers):
            return True
    return False


def _cursor_path(spec: Spec, op: Operation) -> str | None:
    schema = response_schema(spec, op) or {}

    for leaf in leaves(spec, schema):
        if norm(leaf.parts[-1]) in _NEXT and "array" not in str(leaf.schema.get("type")):
            return leaf.path
    return None


def guess_auth(spec: Spec, anchor: str) -> tuple[dict[str, str], str]:
    """The auth table from the document's security schemes; env var names are invented."""
    components = spec.data.get("components")
    schemes = components.get("securitySchemes") if isinstance(components, Mapping) else None
    schemes = schemes if isinstance(schemes, Mapping) else {}
    security = spec.data.get("security")
    required = [
        n
        for req in (security if isinstance(security, list) else [])
        if isinstance(req, Mapping)
        for n in req
    ]
    name = next((n for n in required if n in schemes), next(iter(schemes), None))
    if name is None:
        return {}, ""
    scheme = spec.resolve(schemes[name])
    if not isinstance(scheme, Mapping):
        return {}, f"security scheme `{name}` is not readable: configure `auth` by hand"
    env = re.sub(r"[^A-Z0-9_]", "_", anchor.upper())
    kind, http = scheme.get("type"), str(scheme.get("scheme", "")).lower()
    if kind == "http" and http == "bearer":
        return {"bearer_env": f"{env}_TOKEN"}, f"set {env}_TOKEN before running"
    if kind == "http" and http == "basic":
        auth = {"basic_user_env": f"{env}_USER", "basic_password_env": f"{env}_PASSWORD"}
        return auth, f"set {env}_USER and {env}_PASSWORD before running"
    if kind == "apiKey" and scheme.get("in") in ("header", "query") and scheme.get("name"):
        where = str(scheme["in"])
        auth = {where: str(scheme["name"]), f"{where}_env": f"{env}_API_KEY"}
        return auth, f"set {env}_API_KEY before running"
    return {}, f"security scheme `{name}` ({kind}) is not supported: configure `auth` by hand"


def _base_url(spec: Spec, given: str | None) -> tuple[str, str]:
    if given:
        return given, ""
    parts = urlsplit(spec.server_url)
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


@dataclass(slots=True)
class KindDraft:
    """One fact kind as guessed from one document: mapped when `todo` is empty."""

    kind: str
    guess: KindGuess | None
    todo: list[str] = field(default_factory=list)

    @property
    def mapped(self) -> bool:
        return not self.todo

    @property
    def strength(self) -> int:
        """How much of the kind the guess maps (to choose between documents)."""
        if self.guess is None:
            return -1
        return len(self.guess.fields) + (10 if self.mapped else 0)


def _mapping_table(g: KindGuess) -> dict[str, Any]:
    table: dict[str, Any] = {}
    if g.list_op is not None:
        table["list"] = g.list_op.operation_id
    if g.get_op is not None:
        table["get"] = g.get_op.operation_id
    if g.items_path is not None:
        table["items_path"] = g.items_path.value
    if g.record_path != "$":
        table["record_path"] = g.record_path
    table["fields"] = {name: guess.value for name, guess in g.fields.items()}
    table["values"] = {
        name: {word: guess.value for word, guess in words.items()}
        for name, words in g.values.items()
        if words
    }
    return table


def _todo(g: KindGuess) -> list[str]:
    """What keeps the guess from being a mapping the audit can read records with."""
    if g.list_op is None and g.nested:
        return [
            f"{g.kind} are listed only under another record ({_op_label(g.nested[0])}): "
            "the configuration cannot read nested collections yet"
        ]
    if g.list_op is None:
        return [f"no operation lists {g.kind} (the audit draws its subjects from a list)"]
    try:
        mapping = FactMapping.model_validate(_mapping_table(g))
    except ValidationError as error:
        return [e["msg"] for e in error.errors(include_url=False)]
    todo = list(mapping.problems(g.kind))
    # The owner may come from the reading customer's credentials, but the starter file has no
    # [[customers]] to read with: without the field (or a parent to inherit it from) the
    # written anchor would be refused, so it stays a TODO that says both ways out.
    if mapping.needs_owner(g.kind):
        todo.append(
            f"{g.kind}: map `{OWNER_FIELD}` (whose record it is), or read this anchor per "
            "customer ([[customers]] entries with credentials for it)"
        )
    return todo


def draft_kind(spec: Spec, kind: str) -> KindDraft:
    try:
        guess = guess_kind(spec, kind)
    except _GUESS_ERRORS as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        return KindDraft(kind, None, [f"the document could not be read for {kind}: {reason}"])
    if guess is None:
        return KindDraft(kind, None, [f"no GET operation looks like {kind}"])
    return KindDraft(kind, guess, _todo(guess))


def _op_label(op: Operation) -> str:
    route = f"{op.method} {op.path}"
    return route if op.operation_id == route else f"{route} ({op.operation_id})"


def _operation_lines(lines: Lines, g: KindGuess) -> None:
    if g.list_op is not None:
        lines.set("list", g.list_op.operation_id)
    if g.get_op is not None:
        lines.set("get", g.get_op.operation_id)
        lines.set("get_param", g.get_op.path_parameters()[0])


def _kind_lines(lines: Lines, prefix: str, g: KindGuess, pagination: dict[str, Any] | None) -> None:
    lines.table(f"{prefix}.{g.kind}")
    _operation_lines(lines, g)
    if g.items_path is not None:
        lines.guess("items_path", g.items_path)
    if g.record_path != "$":
        lines.set("record_path", g.record_path)
    for note in g.notes:
        lines.comment(note)
    for op in g.nested[:_SHOWN]:
        lines.comment(
            f"nested under another record: {_op_label(op)} (a mapping cannot walk nested "
            "collections yet: read it by hand)"
        )
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


def _guess_lines(spec: Spec, prefix: str, g: KindGuess) -> Lines:
    lines = Lines()
    pagination = None
    if g.list_op is not None:
        table, notes = guess_pagination(spec, g.list_op)
        pagination = {**table, "_notes": notes}
    _kind_lines(lines, prefix, g, pagination)
    return lines


def _todo_lines(lines: Lines, spec: Spec, prefix: str, draft: KindDraft, why: str = "") -> None:
    lines.blank()
    reasons = why or "; ".join(draft.todo)
    lines.comment(f"TODO {draft.kind}: not mapped: {reasons}")
    g = draft.guess
    if g is None:
        return
    if g.candidates:
        shown = ", ".join(_op_label(op) for op in g.candidates[:_SHOWN])
        more = f" and {len(g.candidates) - _SHOWN} more" if len(g.candidates) > _SHOWN else ""
        lines.comment(f"  operations seen: {shown}{more}")
    missing = [n for n in REQUIRED_FIELDS[draft.kind] if n not in g.fields]
    if g.seen and missing:
        shown = ", ".join(leaf.describe() for leaf in g.seen[: _SHOWN * 2])
        more = f" and {len(g.seen) - _SHOWN * 2} more" if len(g.seen) > _SHOWN * 2 else ""
        lines.comment(f"  fields seen: {shown}{more}")
    lines.comment("  the table below is the guess so far: finish it, then remove the `# `")
    lines.extend_commented(_guess_lines(spec, prefix, g))


@dataclass(slots=True)
class AnchorDraft:
    name: str
    item: SpecInput
    kinds: dict[str, KindDraft]
    #: The kinds this anchor maps in the written file (one anchor per kind).
    chosen: set[str] = field(default_factory=set)


def _server_lines(lines: Lines, spec: Spec, url: str) -> None:
    server = spec.server_path
    if not server:
        lines.comment("base path: none (the document's servers[0].url has no path)")
        return
    lines.comment(f"base path: requests go to base_url + {server} (the document's servers[0].url);")
    lines.comment(f"  a base_url that already ends with {server} is used as it is, never doubled")


def _anchor_lines(lines: Lines, draft: AnchorDraft, base_url: str | None) -> None:
    spec, name = draft.item.spec, draft.name
    prefix = f"anchors.{name}"
    body = Lines()
    body.table(prefix)
    body.comment(f"{spec.title or name} (OpenAPI {spec.version})")
    body.set("spec", draft.item.reference)
    url, note = _base_url(spec, base_url)
    body.set("base_url", url, note)
    _server_lines(body, spec, url)
    auth, auth_note = guess_auth(spec, name)
    if auth:
        body.set("auth", auth, auth_note)
    elif auth_note:
        body.comment(auth_note)
    for kind in FACT_KINDS:
        if kind in draft.chosen:
            g = draft.kinds[kind].guess
            assert g is not None
            body.out.extend(_guess_lines(spec, prefix, g).out)
    if draft.chosen:
        lines.out.extend(body.out)
    else:
        lines.blank()
        lines.comment(f"TODO anchor `{name}`: it maps no fact yet, so it is commented out")
        lines.extend_commented(body)
    for kind in FACT_KINDS:
        d = draft.kinds[kind]
        if kind in draft.chosen or d.guess is None:
            continue
        why = "" if not d.mapped else "another document maps it (see above)"
        _todo_lines(lines, spec, prefix, d, why)


def _header(lines: Lines, assistant_url: str, sources: list[str], summary: Starter) -> None:
    lines.comment(f"Starter configuration written by `auditor init` from: {', '.join(sources)}")
    mapped = ", ".join(f"{k} ({a})" for k, a in summary.mapped.items()) or "nothing"
    lines.comment(f"Mapped: {mapped}. Left to do: {', '.join(summary.todo) or 'nothing'}.")
    lines.comment("Lines marked `guessed` were guesses; check them against the shop's data.")
    lines.comment("Check the file offline with `auditor validate -c <this file>`.")
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


def _suite_lines(lines: Lines, mapped: set[str]) -> None:
    from auditor._probes._suites import shipped_suites, suite_facts

    names = sorted(
        shipped_suites(),
        key=lambda n: (SUITE_ORDER.index(n) if n in SUITE_ORDER else len(SUITE_ORDER), n),
    )
    needs = {n: suite_facts(n) for n in names}
    enabled = [n for n in names if needs[n] and needs[n] <= mapped]
    lines.table("probes")
    if enabled:
        lines.set("suites", enabled)
    else:
        lines.comment("suites: none can run until a fact is mapped (the TODOs above)")
        lines.comment('suites = ["stock"]')
    for n in names:
        if n not in enabled:
            lacking = ", ".join(sorted(needs[n] - mapped))
            lines.comment(f"suite `{n}` is off: it asks about {lacking}, which no anchor maps yet")


def _gate_lines(lines: Lines) -> None:
    from auditor._config import GateSection

    lines.table("gate")
    for key, value in GateSection().model_dump().items():
        if value is None:
            lines.comment(f"{key} = …  (not gated)")
        else:
            lines.set(key, value)


def _customer_lines(lines: Lines) -> None:
    lines.blank()
    lines.comment("Test customers: whom order, return and privacy probes are asked as.")
    lines.comment("Not read yet (a coming release adds `[[customers]]`): kept as comments so that")
    lines.comment("this file loads. Credentials are environment variable names, never values.")
    lines.comment("[[customers]]")
    lines.comment('id = "C-001"                                  # the customer id in the shop')
    lines.comment('credentials = { orders = "ORDERS_TOKEN_C001" }  # per anchor: env var names')
    lines.comment("[[customers]]")
    lines.comment('id = "C-002"')
    lines.comment('credentials = { orders = "ORDERS_TOKEN_C002" }')


@dataclass(slots=True)
class Starter:
    """A starter configuration and what it maps: `mapped` is fact kind -> anchor name."""

    text: str = ""
    mapped: dict[str, str] = field(default_factory=dict)
    todo: list[str] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)
    #: TODO comments written (one per fact kind or anchor left to do).
    todo_comments: int = 0


def _choose(drafts: list[AnchorDraft]) -> dict[str, str]:
    """Fact kind -> the anchor that maps it: the strongest complete guess, first on a tie."""
    chosen: dict[str, str] = {}
    for kind in FACT_KINDS:
        best = max(drafts, key=lambda d: d.kinds[kind].strength, default=None)
        if best is not None and best.kinds[kind].mapped:
            chosen[kind] = best.name
            best.chosen.add(kind)
    return chosen


def build_starter(
    specs: list[SpecInput], *, base_url: str | None, assistant_url: str = "http://127.0.0.1:8000/v1"
) -> Starter:
    """The starter `audit.toml` for `specs` and its summary; the text always passes
    `parse_config`, whatever the documents hold."""
    from auditor._config import parse_config

    taken: set[str] = set()
    drafts = [
        AnchorDraft(
            anchor_name(item.spec, taken),
            item,
            {kind: draft_kind(item.spec, kind) for kind in FACT_KINDS},
        )
        for item in specs
    ]
    summary = Starter(mapped=_choose(drafts), anchors=[d.name for d in drafts if d.chosen])
    summary.todo = [k for k in FACT_KINDS if k not in summary.mapped]
    lines = Lines()
    _header(lines, assistant_url, [s.reference for s in specs], summary)
    if not summary.mapped:
        lines.table("anchors")
        lines.comment("no fact could be mapped yet: every anchor below is commented out")
    for draft in drafts:
        _anchor_lines(lines, draft, base_url)
    for kind in summary.todo:
        if all(d.kinds[kind].guess is None for d in drafts):
            lines.blank()
            lines.comment(f"TODO {kind}: no document has an operation that looks like {kind}:")
            lines.comment(f"  map one by hand, e.g. [anchors.NAME.{kind}] with `list` and")
            lines.comment(f"  `fields` for {', '.join(REQUIRED_FIELDS[kind])}")
    _suite_lines(lines, set(summary.mapped))
    _gate_lines(lines)
    _customer_lines(lines)
    summary.text = lines.text()
    summary.todo_comments = sum(1 for line in lines.out if line.startswith("# TODO "))
    parse_config(tomllib.loads(summary.text), source="auditor init")
    return summary


def starter_config(
    specs: list[SpecInput], *, base_url: str | None, assistant_url: str = "http://127.0.0.1:8000/v1"
) -> str:
    """The text of a starter `audit.toml` for `specs`; it always passes `parse_config`."""
    return build_starter(specs, base_url=base_url, assistant_url=assistant_url).text


def unsure_lines(text: str) -> Iterator[str]:
    """The lines of a starter config that carry a comment (for tests and the CLI summary)."""
    for line in text.splitlines():
        if "#" in line and not line.lstrip().startswith("#"):
            yield line
