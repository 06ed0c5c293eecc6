"""How one shop's API maps onto canonical facts: configuration only, no code.

These models are the `[anchors.NAME]` tables of `audit.toml`; their shape is a public contract.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from auditor._facts import Availability, OrderStatus, RefundState, ReturnStatus
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

#: Fields without which a record cannot become a fact at all.
REQUIRED_FIELDS: Mapping[str, tuple[str, ...]] = {
    "stock": ("sku",),
    "orders": ("order_id", "customer_id", "status"),
    "returns": ("return_id", "order_id", "customer_id", "status"),
}

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


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AuthConfig(_Strict):
    """Credentials are named by environment variable; the file never holds a secret."""

    bearer_env: str | None = None
    header: str | None = Field(default=None, description="header name, with `header_env`")
    header_env: str | None = None
    basic_user_env: str | None = None
    basic_password_env: str | None = None
    query: str | None = Field(default=None, description="query parameter name, with `query_env`")
    query_env: str | None = None

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

    style: Literal["page", "offset", "cursor", "link", "none"] = "page"
    page_param: str = "page"
    #: None: send no page size (the server's default applies).
    size_param: str | None = "page_size"
    offset_param: str = "offset"
    limit_param: str = "limit"
    cursor_param: str = "cursor"
    #: JSONPath of the next cursor in the response body (cursor style).
    next_cursor_path: str = "$.next_cursor"
    size: Annotated[int, Field(ge=1, le=10_000)] = 200
    first_page: int = 1
    #: A guard against a server that never says "last page".
    max_pages: Annotated[int, Field(ge=1)] = 100_000


class FactMapping(_Strict):
    """One canonical fact kind read from one anchor."""

    list: str | None = Field(default=None, description="operationId listing the facts")
    get: str | None = Field(default=None, description="operationId reading one fact by id")
    #: Path parameter of `get` that takes the subject id; guessed from the document when unset.
    get_param: str | None = None
    #: JSONPath of the records inside a list response.
    items_path: str = "$[*]"
    #: JSONPath of the record inside a `get` response.
    record_path: str = "$"
    #: Canonical field -> JSONPath into one record. Order lines: `lines` selects the line
    #: records (e.g. `$.lines[*]`), and `lines.sku`, `lines.name`, `lines.quantity`,
    #: `lines.shipped_quantity` are JSONPaths relative to one line.
    fields: dict[str, str] = Field(default_factory=dict)
    #: Canonical field -> {shop word: canonical word}.
    values: dict[str, dict[str, str]] = Field(default_factory=dict)
    #: Extra fixed query parameters and headers for every call of this mapping.
    params: dict[str, str] = Field(default_factory=dict)
    headers: dict[str, str] = Field(default_factory=dict)
    #: This mapping's own pagination, when its list walks differently from the anchor's.
    pagination: PaginationConfig | None = None

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
    def _paths_parse(cls, fields: dict[str, str]) -> dict[str, str]:
        for name, path in fields.items():
            try:
                check_jsonpath(path)
            except ValueError as error:
                raise ValueError(f"`{name}`: {error}") from None
        return fields

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
            if name not in self.fields:
                yield f"{kind}: map the required field `{name}`"
        if kind == "stock" and "on_hand" not in self.fields and "status" not in self.fields:
            yield "stock: map `on_hand` or `status` (availability needs one of them)"
        if any(n.startswith("lines.") for n in self.fields) and "lines" not in self.fields:
            yield f"{kind}: `lines.*` fields need `lines`, the path of the line records"
        elif "lines" in self.fields:
            for name in ("lines.sku", "lines.quantity"):
                if name not in self.fields:
                    yield f"{kind}: map `{name}` (relative to one line) along with `lines`"

    def _word_problems(self, kind: str) -> Iterable[str]:
        words = CANONICAL_WORDS[kind]
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
    spec: str = Field(description="path (relative to the config file) or URL of the document")
    base_url: str
    auth: AuthConfig = Field(default_factory=AuthConfig)
    timeout_s: Annotated[float, Field(gt=0, le=600)] = 10.0
    retries: Annotated[int, Field(ge=0, le=10)] = 3
    #: First wait before a retry; doubles each time (a `Retry-After` header takes precedence).
    backoff_s: Annotated[float, Field(ge=0, le=60)] = 0.1
    #: Longest `Retry-After` honoured; a longer one is cut to this.
    max_retry_after_s: Annotated[float, Field(ge=0, le=3600)] = 30.0
    #: Response bodies are always validated; `auto` uses jsonschema-rs when it is installed
    #: (fast enough for 100,000 records) and openapi-core otherwise.
    validator: Literal["auto", "openapi-core", "jsonschema-rs"] = "auto"
    pagination: PaginationConfig = Field(default_factory=PaginationConfig)
    stock: FactMapping | None = None
    orders: FactMapping | None = None
    returns: FactMapping | None = None

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
        if problems:
            raise ValueError("; ".join(problems))
        return self
