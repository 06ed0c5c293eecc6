"""openapi-core glue: every request and response checked against its document, server-side.

openapi-core ships no adapter for a request whose body was already read and a response that
is still only bytes, so the two small classes below implement its `protocols` directly. The
documents' `servers` url is the mount path, and Starlette keeps the full path in the URL, so
the adapters hand openapi-core the path exactly as the client sent it.

Validating a 500-item page with jsonschema costs far more than rendering it, so `Contract`
hooks into openapi-core's schema validation (through its documented `schema_validators_factory`
setting) where it follows a `$ref` to a component schema. With jsonschema-rs installed, a
compiled pre-check of that component vouches for valid objects (see `_precheck`); without it,
a memo remembers objects already found valid, keyed by a digest of their canonical JSON, so
any change to a record is validated afresh. Either way the hook only skips work: an object not
vouched for is walked by openapi-core as usual, and every error comes from openapi-core.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from jsonschema.validators import extend  # type: ignore[import-untyped,unused-ignore]
from jsonschema_path import SchemaPath
from openapi_core import Config, OpenAPI
from openapi_core.datatypes import Parameters, RequestParameters
from openapi_core.exceptions import OpenAPIError
from openapi_core.templating.paths.exceptions import OperationNotFound, PathNotFound
from openapi_core.validation.request.exceptions import (
    ParameterValidationError,
    RequestBodyValidationError,
    SecurityValidationError,
)
from openapi_core.validation.response.exceptions import DataValidationError
from openapi_core.validation.schemas.factories import DialectSchemaValidatorsFactory
from openapi_schema_validator import OAS31_BASE_DIALECT_ID, OAS30ReadValidator, OAS31Validator
from starlette.datastructures import Headers
from starlette.requests import Request

from auditor.reference.shop import _precheck
from auditor.reference.shop._precheck import PreCheck

#: jsonschema's validator classes (jsonschema ships no type information).
Validator = Any

_HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")
_MAX_SCHEMA_ERRORS = 3
_MAX_DETAIL = 160


class OpenAPIRequest:
    """A Starlette request, with its body already read, as openapi-core's `Request`."""

    __slots__ = ("_body", "_request", "parameters")

    def __init__(self, request: Request, body: bytes | None) -> None:
        self._request = request
        self._body = body
        self.parameters = RequestParameters(
            query=request.query_params, header=request.headers, cookie=request.cookies
        )

    @property
    def host_url(self) -> str:
        return f"{self._request.url.scheme}://{self._request.url.netloc}"

    @property
    def path(self) -> str:
        return self._request.url.path

    @property
    def method(self) -> str:
        return self._request.method.lower()

    @property
    def body(self) -> bytes | None:
        return self._body

    @property
    def content_type(self) -> str:
        return self._request.headers.get("content-type", "application/octet-stream").lower()


@dataclass(frozen=True, slots=True)
class OpenAPIResponse:
    """A response that is still only bytes, as openapi-core's `Response`."""

    status_code: int
    data: bytes
    content_type: str = "application/json"

    @property
    def headers(self) -> Headers:
        return Headers({"content-type": self.content_type})


class ValidationMemo:
    """Digests of objects already found valid, per component schema, bounded in size."""

    __slots__ = ("_limit", "_seen")

    def __init__(self, limit: int = 200_000) -> None:
        self._seen: set[bytes] = set()
        self._limit = limit

    @staticmethod
    def key(ref: str, instance: Mapping[str, Any]) -> bytes:
        text = json.dumps(instance, sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.blake2b(f"{ref}\n{text}".encode(), digest_size=16).digest()

    def __contains__(self, key: bytes) -> bool:
        return key in self._seen

    def __len__(self) -> int:
        return len(self._seen)

    def add(self, key: bytes) -> None:
        if len(self._seen) >= self._limit:
            self._seen.clear()
        self._seen.add(key)


def _memoising(
    base: type[Validator], memo: ValidationMemo, precheck: PreCheck | None
) -> type[Validator]:
    original = base.VALIDATORS["$ref"]

    def ref(validator: Validator, target: str, instance: Any, schema: Any) -> Iterator[Any]:
        if not isinstance(instance, dict):
            yield from original(validator, target, instance, schema)
            return
        if precheck is not None:
            if not precheck(target, instance):
                yield from original(validator, target, instance, schema)
            return
        key = memo.key(target, instance)
        if key in memo:
            return
        errors = list(original(validator, target, instance, schema))
        if not errors:
            memo.add(key)
        yield from errors

    extended: type[Validator] = extend(base, validators={"$ref": ref})
    return extended


class _MemoisingValidators(DialectSchemaValidatorsFactory):
    """openapi-core's OAS 3.1 schema validation, with `$ref` targets pre-checked or memoised."""

    def __init__(self, memo: ValidationMemo, precheck: PreCheck | None) -> None:
        super().__init__(
            OAS31Validator, OAS31_BASE_DIALECT_ID, format_checker=OAS30ReadValidator.FORMAT_CHECKER
        )
        self._memo = memo
        self._precheck = precheck
        self._classes: dict[type[Validator], type[Validator]] = {}

    def get_validator_cls(self, spec: SchemaPath, schema: SchemaPath) -> type[Validator]:
        base = super().get_validator_cls(spec, schema)
        if base not in self._classes:
            self._classes[base] = _memoising(base, self._memo, self._precheck)
        return self._classes[base]


@dataclass(frozen=True, slots=True)
class Operation:
    operation_id: str
    method: str
    path: str
    statuses: frozenset[int]


@dataclass(frozen=True, slots=True)
class RequestCheck:
    """A request's verdict: `status` 0 when it keeps the document, else the status to answer."""

    status: int
    message: str
    parameters: Parameters
    body: Any
    bearer: str | None


def _clip(text: str) -> str:
    return text if len(text) <= _MAX_DETAIL else text[: _MAX_DETAIL - 1] + "…"


def _subject(error: BaseException) -> str:
    if isinstance(error, ParameterValidationError):
        return f"{error.location} parameter {error.name}"
    if isinstance(error, RequestBodyValidationError):
        return "request body"
    if isinstance(error, DataValidationError):
        return "response body"
    if isinstance(error, SecurityValidationError):
        return "no bearer token in the Authorization header"
    return str(error) or type(error).__name__


def _detail(schema_error: Any, echo_values: bool) -> str:
    where = "" if schema_error.json_path == "$" else f"{schema_error.json_path} "
    if echo_values:
        return where + _clip(schema_error.message)
    # A response's own values stay out of the message: the client must never see them.
    return f"{where}breaks {schema_error.validator}: {_clip(repr(schema_error.validator_value))}"


def describe(error: BaseException, *, echo_values: bool = True) -> str:
    """One line naming what broke and where, without echoing a whole page back."""
    subject = _subject(error)
    cause = error.__cause__
    schema_errors: tuple[Any, ...] = getattr(cause, "schema_errors", ()) or ()
    details = [_detail(e, echo_values) for e in schema_errors[:_MAX_SCHEMA_ERRORS]]
    if not details and cause is not None and not isinstance(error, SecurityValidationError):
        details = [_clip(str(cause))]
    return f"{subject}: {'; '.join(details)}" if details else subject


def _request_status(errors: Iterable[OpenAPIError]) -> int:
    if any(isinstance(e, SecurityValidationError) for e in errors):
        return 401
    if any(isinstance(e, OperationNotFound) for e in errors):
        return 405
    if any(isinstance(e, PathNotFound) for e in errors):
        return 404
    return 400


class Contract:
    """One document of the reference shop and openapi-core's validators for it."""

    __slots__ = ("_openapi", "base_path", "memo", "name", "operations", "prechecked")

    def __init__(self, name: str, path: Path, *, precheck: bool | None = None) -> None:
        """`precheck`: use jsonschema-rs (True), don't (False), or use it if installed (None)."""
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
        self.name = name
        self.base_path: str = document["servers"][0]["url"]
        self.operations = _operations(document)
        self.memo = ValidationMemo()
        self.prechecked = _precheck.available() if precheck is None else precheck
        fast = _precheck.compile_precheck(document) if self.prechecked else None
        # The documents are checked once by a test; re-checking each at start-up costs more
        # than building the rest of a small shop.
        config = Config(
            spec_validator_cls=None,
            schema_validators_factory=_MemoisingValidators(self.memo, fast),
        )
        self._openapi = OpenAPI(SchemaPath.from_dict(document), config=config)

    def check_request(self, request: OpenAPIRequest) -> RequestCheck:
        result = self._openapi.unmarshal_request(request)
        bearer = (result.security or {}).get("bearer")
        errors = list(result.errors)
        if errors:
            status = _request_status(errors)
            message = "; ".join(describe(e) for e in errors)
            return RequestCheck(status, message, result.parameters, None, bearer)
        return RequestCheck(0, "", result.parameters, result.body, bearer)

    def check_response(self, request: OpenAPIRequest, response: OpenAPIResponse) -> str | None:
        """None if the response keeps the document, else what breaks it."""
        try:
            self._openapi.validate_response(request, response)
        except OpenAPIError as error:
            return describe(error, echo_values=False)
        return None


def _operations(document: Mapping[str, Any]) -> dict[str, tuple[Operation, ...]]:
    """Path template -> the operations the document defines on it."""
    table: dict[str, tuple[Operation, ...]] = {}
    for template, item in document["paths"].items():
        table[template] = tuple(
            Operation(
                item[method]["operationId"],
                method,
                template,
                frozenset(int(code) for code in item[method]["responses"] if code.isdigit()),
            )
            for method in _HTTP_METHODS
            if method in item
        )
    return table
