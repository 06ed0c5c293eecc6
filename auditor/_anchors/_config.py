"""How one shop's API maps onto canonical facts: configuration only, no code.

These models are the `[anchors.NAME]` tables of `audit.toml`; their shape is a public contract.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from auditor._facts import (
    DEFAULT_STALL_DAYS,
    Availability,
    OrderStatus,
    RefundState,
    ReturnStatus,
)
from auditor._validators import check_jsonpath as check_jsonpath
from auditor._validators import check_url

#: The canonical fields of each fact kind, in the order reports list them.
CANONICAL_FIELDS: Mapping[str, tuple[str, ...]] = {
    "stock": ("sku", "name", "on_hand", "status", "restock_date"),
    "orders": (
        "order_id",
        "customer_id",
        "status",
        "eta",
        "tracking_number",
        "carrier",
        "promised_date",
        "delivered",
        "delivered_at",
        "last_update",
        "lines",
        "lines.sku",
        "lines.name",
        "lines.quantity",
        "lines.shipped_quantity",
    ),
    "returns": (
        "return_id",
        "order_id",
        "customer_id",
        "status",
        "created_at",
        "sku",
        "refund_state",
        "refund_amount",
    ),
}

#: Fields without which a record cannot become a fact at all. `customer_id` may instead come
#: from the customer whose credentials read the record (an anchor read per customer), and a
#: nested return's `order_id` from the order it was listed under (`parent`).
REQUIRED_FIELDS: Mapping[str, tuple[str, ...]] = {
    "stock": ("sku",),
    "orders": ("order_id", "customer_id", "status"),
    "returns": ("return_id", "order_id", "customer_id", "status"),
}
#: Required fields another source may fill: the reading customer, or the parent record.
OWNER_FIELD = "customer_id"
#: Key of a `values` table that maps every other word (one that is not a canonical word).
ANY_WORD = "*"

#: Canonical fields whose values are words of a canonical enum, and those words.
CANONICAL_WORDS: Mapping[str, Mapping[str, frozenset[str]]] = {
    "stock": {
        "status": frozenset(a.value for a in Availability if a is not Availability.NOT_CARRIED)
    },
    "orders": {"status": frozenset(s.value for s in OrderStatus)},
    "returns": {
        "status": frozenset(s.value for s in ReturnStatus),
        "refund_state": frozenset(s.value for s in RefundState),
    },
}


#: HTTP methods an operation reference of the form `METHOD /path` may name.
_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE")


def check_operation_ref(reference: str) -> str:
    """An operationId, or `METHOD /path` for a document whose operations have none.

    Whether the operation exists is checked against the document (`auditor validate`, and when
    the anchor is opened); here only the form: `GET /api/v3/store/products`.
    """
    if not reference.strip() or reference != reference.strip():
        raise ValueError(f"not an operation reference: {reference!r} (empty or padded)")
    method, space, path = reference.partition(" ")
    malformed = method != method.upper() or not path.startswith("/")
    if space and method.upper() in _METHODS and (malformed or any(c.isspace() for c in path)):
        raise ValueError(
            f"not an operation reference: {reference!r} (write `GET /path`, as the "
            "document spells the path)"
        )
    return reference


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Scalar = str | int | float | bool


class StateRule(_Strict):
    """One row of a state table over an array's values (`each`); the first row that holds wins.

    `all`: every value is one of these words (and there is at least one value); `any`: at least
    one value is.
    """

    all: list[str] | None = Field(
        None, description="The rule holds when every value is one of these words (one at least)."
    )
    any: list[str] | None = Field(
        None, description="The rule holds when at least one value is one of these words."
    )
    then: Scalar = Field(description="The field's value when the rule holds.")

    @model_validator(mode="after")
    def _one_test(self) -> StateRule:
        if (self.all is None) == (self.any is None):
            raise ValueError("a rule tests `all` or `any` (one of them)")
        return self


class DerivedField(_Strict):
    """A canonical field computed from a record instead of read at one path.

    Exactly one source: `path` (a JSONPath, or a list of them: the first with a value wins),
    `present` (`then` when the path has a non-null value, else `else`), `count` (how many
    matches), `sum` (their total) or `each` (the matched values, judged by the `rules` table:
    `empty` when there are none, `else` when no rule holds). `default` stands in for a missing
    or null result. The result then goes through `values` like any shop word.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    path: str | list[str] | None = Field(
        None, description="A JSONPath, or several: the first with a value wins."
    )
    present: str | None = Field(
        None, description="A JSONPath: `then` when it has a non-null value, else `else`."
    )
    count: str | None = Field(None, description="A JSONPath: how many values it matches.")
    sum: str | None = Field(None, description="A JSONPath: the total of the values it matches.")
    each: str | None = Field(
        None, description="A JSONPath whose values the `rules` table judges (first row wins)."
    )
    rules: list[StateRule] = Field(
        default_factory=list, description="The state table over `each`'s values."
    )
    then: Scalar | None = Field(None, description="With `present`: the value when present.")
    otherwise: Scalar | None = Field(
        default=None,
        alias="else",
        description="With `present`: the value when absent; with `each`: when no rule holds.",
    )
    empty: Scalar | None = Field(None, description="With `each`: the value when it matches none.")
    default: Scalar | None = Field(None, description="Stands in for a missing or null result.")

    def sources(self) -> dict[str, str | list[str]]:
        named = {
            "path": self.path,
            "present": self.present,
            "count": self.count,
            "sum": self.sum,
            "each": self.each,
        }
        return {k: v for k, v in named.items() if v is not None}

    def paths(self) -> list[str]:
        return [p for v in self.sources().values() for p in ([v] if isinstance(v, str) else v)]

    def literals(self) -> list[Scalar]:
        """Every value this derivation can give without reading it from the record."""
        found = [self.then, self.otherwise, self.empty, self.default]
        found += [rule.then for rule in self.rules]
        return [v for v in found if v is not None]

    @model_validator(mode="after")
    def _one_source(self) -> DerivedField:
        sources = self.sources()
        if len(sources) != 1:
            raise ValueError(
                "a derived field takes exactly one of `path`, `present`, `count`, `sum`, `each`"
                f" (got: {', '.join(sources) or 'none'})"
            )
        source = next(iter(sources))
        if source == "present" and self.then is None:
            raise ValueError("`present` needs `then` (and may take `else`)")
        if source != "present" and self.then is not None:
            raise ValueError("`then` goes with `present`")
        if source == "each" and not self.rules and self.otherwise is None:
            raise ValueError("`each` needs `rules` (and may take `else` and `empty`)")
        if source != "each" and (self.rules or self.empty is not None):
            raise ValueError("`rules` and `empty` go with `each`")
        if source not in ("present", "each") and self.otherwise is not None:
            raise ValueError("`else` goes with `present` or `each`")
        if isinstance(self.path, list) and not self.path:
            raise ValueError("`path` needs at least one JSONPath")
        for path in self.paths():
            check_jsonpath(path)
        return self


FieldSpec = str | DerivedField


def describe_field(spec: FieldSpec) -> str:
    """One line for the dependency map: the path, or the derivation in its TOML words."""
    if isinstance(spec, str):
        return spec
    parts = [f"{k} = {v!r}" for k, v in spec.sources().items()]
    if spec.rules:
        parts.append(f"rules = {len(spec.rules)}")
    for name, value in (("then", spec.then), ("else", spec.otherwise), ("empty", spec.empty)):
        if value is not None:
            parts.append(f"{name} = {value!r}")
    if spec.default is not None:
        parts.append(f"default = {spec.default!r}")
    return "{ " + ", ".join(parts) + " }"


class AuthConfig(_Strict):
    """Credentials are named by environment variable; the file never holds a secret."""

    bearer_env: str | None = Field(None, description="Environment variable holding a bearer token.")
    header: str | None = Field(
        default=None,
        description="Header name that carries the key in `header_env`.",
    )
    header_env: str | None = Field(
        None,
        description="Environment variable holding the value of `header`.",
    )
    basic_user_env: str | None = Field(
        None,
        description="Environment variable holding the HTTP Basic user (with `basic_password_env`).",
    )
    basic_password_env: str | None = Field(
        None,
        description="Environment variable holding the HTTP Basic password (with `basic_user_env`).",
    )
    query: str | None = Field(
        default=None,
        description="Query parameter name that carries the key in `query_env`.",
    )
    query_env: str | None = Field(
        None,
        description="Environment variable holding the value of `query`.",
    )

    @model_validator(mode="after")
    def _pairs_complete(self) -> AuthConfig:
        for name, env in (("header", "header_env"), ("query", "query_env")):
            if (getattr(self, name) is None) != (getattr(self, env) is None):
                raise ValueError(f"`{name}` and `{env}` go together")
        if (self.basic_user_env is None) != (self.basic_password_env is None):
            raise ValueError("`basic_user_env` and `basic_password_env` go together")
        return self


class PaginationConfig(_Strict):
    """How a list operation is walked to its end.

    `page` sends `page_param` and `size_param` and stops at a short or empty page; `offset`
    sends `offset_param` and `limit_param` likewise; `cursor` sends `size_param` and, after the
    first page, `cursor_param` set to the value at `next_cursor_path` until that is missing,
    null or empty; `link` sends `size_param` once and then follows the `Link: <…>; rel="next"`
    header (same origin only); `none` reads one response.
    """

    style: Literal["page", "offset", "cursor", "link", "none"] = Field(
        "page",
        description="How the list is walked: page, offset, cursor, link or none (see above).",
    )
    page_param: str = Field("page", description="Query parameter of the page number (page style).")
    size_param: str | None = Field(
        "page_size",
        description=(
            "Query parameter of the page size; unset: none is sent (the server's default applies)."
        ),
    )
    offset_param: str = Field("offset", description="Query parameter of the offset (offset style).")
    limit_param: str = Field(
        "limit",
        description="Query parameter of the page size (offset style).",
    )
    cursor_param: str = Field(
        "cursor",
        description="Query parameter that sends the next cursor (cursor style).",
    )
    next_cursor_path: str = Field(
        "$.next_cursor",
        description="JSONPath of the next cursor in the response body (cursor style).",
    )
    size: Annotated[int, Field(ge=1, le=10_000)] = Field(200, description="Records asked per page.")
    first_page: int = Field(1, description="Number of the first page (page style).")
    max_pages: Annotated[int, Field(ge=1)] = Field(
        100_000,
        description='A guard against a server that never says "last page".',
    )


class FactMapping(_Strict):
    """One canonical fact kind read from one anchor."""

    list: str | None = Field(
        default=None,
        description=(
            "operationId (or `GET /path`) listing the facts (read page by page for the snapshot)."
        ),
    )
    get: str | None = Field(
        default=None,
        description=(
            "operationId (or `GET /path/{id}`) reading one fact by id (re-reads after an answer)."
        ),
    )
    get_param: str | None = Field(
        None,
        description=(
            "Path parameter of `get` that takes the subject id; "
            "guessed from the document when unset."
        ),
    )
    items_path: str = Field("$[*]", description="JSONPath of the records inside a list response.")
    record_path: str = Field("$", description="JSONPath of the record inside a `get` response.")
    fields: dict[str, FieldSpec] = Field(
        default_factory=dict,
        description=(
            "Canonical field → JSONPath into one record, or a derivation (`DerivedField`). Order "
            "lines: `lines` selects the line records (e.g. `$.lines[*]`), and `lines.sku`, "
            "`lines.name`, `lines.quantity`, `lines.shipped_quantity` are relative to one line."
        ),
    )
    values: dict[str, dict[str, str]] = Field(
        default_factory=dict,
        description=(
            "Canonical field → {shop word: canonical word}, e.g. "
            '`status = { OOS = "out_of_stock" }`; the key `"*"` maps every other word that is '
            "not a canonical word already."
        ),
    )
    jsonapi: bool = Field(
        False,
        description=(
            "Records in JSON:API documents: each resource's `attributes` are read as top-level "
            "fields and each relationship as a field holding the `included` resource(s) it "
            "names; `items_path` then defaults to `$.data[*]` and `record_path` to `$.data`."
        ),
    )
    parent: Literal["orders"] | None = Field(
        None,
        description=(
            "A list nested under another record: `list` is called once per parent fact (`orders`"
            " of the same anchor, read with the same credentials); unmapped `order_id` and "
            "`customer_id` come from the parent."
        ),
    )
    parent_params: dict[str, str] = Field(
        default_factory=dict,
        description=(
            "Path parameter of the nested `list` → the parent's canonical field (by default its "
            "one path parameter takes the parent's id)."
        ),
    )
    params: dict[str, str] = Field(
        default_factory=dict,
        description="Extra fixed query parameters for every call of this mapping.",
    )
    headers: dict[str, str] = Field(
        default_factory=dict,
        description="Extra fixed headers for every call of this mapping.",
    )
    pagination: PaginationConfig | None = Field(
        None,
        description=(
            "This mapping's own pagination, when its list walks differently from the anchor's."
        ),
    )
    stall_days: int = Field(
        DEFAULT_STALL_DAYS,
        ge=1,
        description=(
            "Orders: days without a carrier update (`last_update`) after which a shipped order "
            "counts as stalled (edge class `stalled_shipment`)."
        ),
    )

    @field_validator("list", "get")
    @classmethod
    def _reference_form(cls, reference: str | None) -> str | None:
        return None if reference is None else check_operation_ref(reference)

    @field_validator("items_path", "record_path")
    @classmethod
    def _path_parses(cls, path: str) -> str:
        return check_jsonpath(path)

    @field_validator("list", "get", "get_param")
    @classmethod
    def _names_something(cls, name: str | None) -> str | None:
        if name is not None and not name.strip():
            raise ValueError("an empty reference: name an operationId (or leave the key out)")
        return name

    @field_validator("fields")
    @classmethod
    def _paths_parse(cls, fields: dict[str, FieldSpec]) -> dict[str, FieldSpec]:
        for name, spec in fields.items():
            for path in [spec] if isinstance(spec, str) else spec.paths():
                try:
                    check_jsonpath(path)
                except ValueError as error:
                    raise ValueError(f"`{name}`: {error}") from None
        return fields

    def items_jsonpath(self) -> str:
        if self.jsonapi and "items_path" not in self.model_fields_set:
            return "$.data[*]"
        return self.items_path

    def record_jsonpath(self) -> str:
        if self.jsonapi and "record_path" not in self.model_fields_set:
            return "$.data"
        return self.record_path

    def needs_owner(self, kind: str) -> bool:
        """The records do not say whose they are (no `customer_id`, no parent to inherit it
        from): only a reading customer's credentials can tell (`owner_problems`)."""
        return (
            OWNER_FIELD in REQUIRED_FIELDS[kind]
            and OWNER_FIELD not in self.fields
            and self.parent is None
        )

    def problems(self, kind: str) -> Iterable[str]:
        """What does not fit the canonical `kind` (unknown fields, words, missing ids)."""
        yield from self._field_problems(kind)
        yield from self._word_problems(kind)

    def _field_problems(self, kind: str) -> Iterable[str]:
        known = CANONICAL_FIELDS[kind]
        for name in self.fields:
            if name not in known:
                yield f"{kind}: unknown field `{name}` (known: {', '.join(known)})"
        for name in REQUIRED_FIELDS[kind]:
            if name == OWNER_FIELD or (name == "order_id" and self.parent == "orders"):
                continue  # the reading customer or the parent may give it (`owner_problems`)
            if name not in self.fields:
                yield f"{kind}: map the required field `{name}`"
        yield from self._parent_problems(kind)
        if kind == "stock" and "on_hand" not in self.fields and "status" not in self.fields:
            yield "stock: map `on_hand` or `status` (availability needs one of them)"
        if any(n.startswith("lines.") for n in self.fields) and "lines" not in self.fields:
            yield f"{kind}: `lines.*` fields need `lines`, the path of the line records"
        elif "lines" in self.fields:
            if not isinstance(self.fields["lines"], str):
                yield f"{kind}: `lines` is the JSONPath of the line records, not a derivation"
            for name in ("lines.sku", "lines.quantity"):
                if name not in self.fields:
                    yield f"{kind}: map `{name}` (relative to one line) along with `lines`"

    def _parent_problems(self, kind: str) -> Iterable[str]:
        if self.parent is None:
            if self.parent_params:
                yield f"{kind}: `parent_params` goes with `parent`"
            return
        if kind != "returns":
            yield f"{kind}: only `returns` may be listed under a `parent` (orders)"
        if self.list is None:
            yield f"{kind}: `parent` needs `list`, the operation listing the nested records"
        for param, canonical in self.parent_params.items():
            if canonical not in CANONICAL_FIELDS[self.parent]:
                yield f"{kind}: parent_params.{param} = {canonical!r} is not an {self.parent} field"

    def _word_problems(self, kind: str) -> Iterable[str]:
        words = CANONICAL_WORDS[kind]
        for name, spec in self.fields.items():
            if isinstance(spec, str) or name not in words:
                continue
            known = words[name] | set(self.values.get(name, {}))
            for literal in spec.literals():
                if str(literal) not in known:
                    yield (
                        f"{kind}: fields.{name} derives {literal!r}, which is neither one of "
                        f"{', '.join(sorted(words[name]))} nor a word in values.{name}"
                    )
        for name, table in self.values.items():
            if name not in words:
                yield f"{kind}: `values` for `{name}`, which takes no enum words"
                continue
            for shop_word, canonical in table.items():
                if canonical not in words[name]:
                    yield (
                        f"{kind}: values.{name}.{shop_word} = {canonical!r} is not one of "
                        f"{', '.join(sorted(words[name]))}"
                    )

    @model_validator(mode="after")
    def _reads_something(self) -> FactMapping:
        if self.list is None and self.get is None:
            raise ValueError("name at least one operationId, `list` or `get`")
        return self


class AnchorConfig(_Strict):
    spec: str = Field(
        description="The OpenAPI document: a path (relative to the config file) or a URL.",
    )
    base_url: str = Field(description="Where the API is served; operation paths are appended.")
    base_path: str | None = Field(
        None,
        description=(
            "Where operation paths start under `base_url`. Unset: the path of the document's "
            "first server URL (`servers[0].url`, variables at their defaults), appended to "
            '`base_url` unless `base_url` already ends with it; "" appends nothing.'
        ),
    )
    auth: AuthConfig = Field(
        default_factory=AuthConfig,
        description="Credentials, named by environment variable.",
    )
    timeout_s: Annotated[float, Field(gt=0, le=600)] = Field(
        10.0,
        description="Bound on one request to the anchor.",
    )
    retries: Annotated[int, Field(ge=0, le=10)] = Field(
        3,
        description="Further attempts after a connection failure, a 5xx or a 429.",
    )
    backoff_s: Annotated[float, Field(ge=0, le=60)] = Field(
        0.1,
        description=(
            "First wait before a retry; doubles each time (a "
            "`Retry-After` header takes precedence)."
        ),
    )
    max_retry_after_s: Annotated[float, Field(ge=0, le=3600)] = Field(
        30.0,
        description="Longest `Retry-After` honoured; a longer one is cut to this.",
    )
    validator: Literal["auto", "openapi-core", "jsonschema-rs"] = Field(
        "auto",
        description=(
            "Response bodies are always validated against the document; `auto` uses jsonschema-rs"
            " when installed (fast enough for 100,000 records), openapi-core otherwise."
        ),
    )
    pagination: PaginationConfig = Field(
        default_factory=PaginationConfig,
        description="How this anchor's list operations are walked.",
    )
    stock: FactMapping | None = Field(None, description="The inventory facts this anchor serves.")
    orders: FactMapping | None = Field(None, description="The order facts this anchor serves.")
    returns: FactMapping | None = Field(
        None,
        description="The return and refund facts this anchor serves.",
    )

    @field_validator("base_url")
    @classmethod
    def _base_url_is_one(cls, url: str) -> str:
        return check_url(url, what="base_url")

    @field_validator("spec")
    @classmethod
    def _spec_is_a_path_or_url(cls, spec: str) -> str:
        """A path (relative to the config file) or an http(s) URL; `ftp:`, `file:` are not."""
        if not spec.strip():
            raise ValueError("an empty `spec`: give the OpenAPI document's path or URL")
        if re.match(r"^[A-Za-z][A-Za-z0-9+.-]+:", spec):
            check_url(spec, what="spec")
        return spec

    @field_validator("pagination")
    @classmethod
    def _cursor_path_parses(cls, pagination: PaginationConfig) -> PaginationConfig:
        check_jsonpath(pagination.next_cursor_path)
        return pagination

    def mappings(self) -> dict[str, FactMapping]:
        """The mapped fact kinds, keyed `stock`, `orders`, `returns`."""
        found = {"stock": self.stock, "orders": self.orders, "returns": self.returns}
        return {kind: m for kind, m in found.items() if m is not None}

    @model_validator(mode="after")
    def _maps_a_fact(self) -> AnchorConfig:
        if self.stock is None and self.orders is None and self.returns is None:
            raise ValueError("map at least one fact kind: `stock`, `orders` or `returns`")
        problems = [p for kind, m in self.mappings().items() for p in m.problems(kind)]
        if self.returns is not None and self.returns.parent == "orders" and self.orders is None:
            problems.append('returns: `parent = "orders"` needs `orders` mapped on this anchor')
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def owner_problems(self, *, per_customer: bool) -> Iterable[tuple[str, str]]:
        """(field path, reason) for each order or return mapping that cannot know its owner.

        The owner is the record's `customer_id`, else the customer whose credentials read it
        (`per_customer`), else the parent order's owner."""
        for kind, mapping in self.mappings().items():
            if per_customer or not mapping.needs_owner(kind):
                continue
            yield (
                f"{kind}.fields.{OWNER_FIELD}",
                "map it, or read this anchor per customer (no `auth` of its own, and "
                "credentials for it in every [[customers]] entry)",
            )


#: Customer id -> anchor name -> that customer's credentials for the anchor.
CustomerAuth = Mapping[str, Mapping[str, AuthConfig]]


def per_customer_anchors(anchors: Mapping[str, AnchorConfig], customers: CustomerAuth) -> set[str]:
    """The anchors read once per customer: no credentials of their own, the customers' given."""
    named = {name for auth in customers.values() for name in auth}
    return {name for name, config in anchors.items() if name in named and _no_auth(config.auth)}


def _no_auth(auth: AuthConfig) -> bool:
    return all(value is None for value in auth.model_dump().values())
