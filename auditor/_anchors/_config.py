"""How one shop's API maps onto canonical facts: configuration only, no code.

These models are the `[anchors.NAME]` tables of `audit.toml`; their shape is a public contract.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Annotated, Literal

from jsonpath_ng.ext.parser import parse as parse_jsonpath
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from auditor._facts import Availability, OrderStatus, RefundState, ReturnStatus

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


def check_jsonpath(path: str) -> str:
    try:
        parse_jsonpath(path)
    except Exception as error:  # jsonpath-ng raises several unrelated types
        raise ValueError(f"not a JSONPath: {path!r} ({error})") from None
    return path


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
    fields: dict[str, str] = Field(
        default_factory=dict,
        description=(
            "Canonical field → JSONPath into one record. Order lines: `lines` selects the line "
            "records (e.g. `$.lines[*]`), and `lines.sku`, `lines.name`, `lines.quantity`, "
            "`lines.shipped_quantity` are JSONPaths relative to one line."
        ),
    )
    values: dict[str, dict[str, str]] = Field(
        default_factory=dict,
        description=(
            "Canonical field → {shop word: canonical word}, e.g. "
            '`status = { OOS = "out_of_stock" }`.'
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

    @field_validator("list", "get")
    @classmethod
    def _reference_form(cls, reference: str | None) -> str | None:
        return None if reference is None else check_operation_ref(reference)

    @field_validator("items_path", "record_path")
    @classmethod
    def _path_parses(cls, path: str) -> str:
        return check_jsonpath(path)

    @field_validator("fields")
    @classmethod
    def _paths_parse(cls, fields: dict[str, str]) -> dict[str, str]:
        for path in fields.values():
            check_jsonpath(path)
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
    spec: str = Field(
        description="The OpenAPI document: a path (relative to the config file) or a URL.",
    )
    base_url: str = Field(description="Where the API is served; operation paths are appended.")
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
