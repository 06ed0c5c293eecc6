"""Every anchor response is held to its document; breaches are collected, never raised.

Two engines give the same verdicts. openapi-core (through the httpx adapter) is the reference:
it checks status, media type, headers and body. It costs about 140 ms for a 500-record page
(measured on the reference inventory), too slow for a 100,000-item shop, so when jsonschema-rs is
installed the body schema of each (operation, status, media type) is compiled once into a
jsonschema-rs validator over the same document (about 3 ms a page). Both engines report every
breach with its path into the body.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import quote

import httpx

from auditor._anchors._checked import is_checked, remember_checked
from auditor._anchors._errors import AnchorError
from auditor._anchors._spec import Operation, Spec

if TYPE_CHECKING:
    # openapi-core (0.75 s of CPU to import) is loaded only to check a document not checked
    # before (`_checked.py`) or when it is the engine asked for.
    from openapi_core import OpenAPI


@dataclass(frozen=True, slots=True)
class Breach:
    """One way a response breaks its document; `parts` is the path into the body."""

    parts: tuple[str | int, ...]
    keyword: str  # the JSON Schema keyword, or `status` / `content-type` / `header` / `body`
    message: str
    instance: Any = None


class Engine(Protocol):
    name: str

    def check(
        self, op: Operation, response: httpx.Response, body: Any, *, path_pattern: str
    ) -> list[Breach]: ...


def have_jsonschema_rs() -> bool:
    return importlib.util.find_spec("jsonschema_rs") is not None


def make_engine(spec: Spec, choice: str) -> Engine:
    """The engine for `choice` (`auto`, `openapi-core`, `jsonschema-rs`); checks the document."""
    check_document(spec)
    if choice == "jsonschema-rs" or (choice == "auto" and have_jsonschema_rs()):
        if not have_jsonschema_rs():
            raise AnchorError(
                "validator `jsonschema-rs` is not installed (pip install jsonschema-rs)"
            )
        return JsonschemaRsEngine(spec)
    return OpenAPICoreEngine(_openapi_app(spec))


#: Checked documents (by the digest of what `OpenAPI.from_dict` is given) -> their app, for the
#: openapi-core engine; `check_document` needs only the verdict (`_VALID`, `_checked.py`).
_APPS: dict[str, OpenAPI] = {}


def check_document(spec: Spec) -> None:
    """Raise AnchorError when openapi-core refuses the document; a document found valid
    before (in this process or, by its digest, in an earlier run) is not checked again."""
    key = _digest(_app_data(spec))
    if key in _VALID or is_checked(key):
        _VALID.add(key)
        return
    _openapi_app(spec)
    _VALID.add(key)
    if _self_contained(spec.data):
        remember_checked(key)


def _self_contained(node: Any) -> bool:
    """Whether every `$ref` points into the document itself: the verdict on one that refers
    to another file or URL depends on that one too, which the digest does not cover."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and not ref.startswith("#"):
            return False
        return all(_self_contained(v) for v in node.values())
    if isinstance(node, list):
        return all(_self_contained(v) for v in node)
    return True


#: Digests of the documents found valid in this process.
_VALID: set[str] = set()


def _app_data(spec: Spec) -> dict[str, Any]:
    # The configured base URL replaces the document's host, so the server becomes relative.
    return {**spec.data, "servers": [{"url": spec.server_path or "/"}]}


def _digest(data: Mapping[str, Any]) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=repr).encode()).hexdigest()


def _openapi_app(spec: Spec) -> OpenAPI:
    from openapi_core import OpenAPI

    data = _app_data(spec)
    key = _digest(data)
    app = _APPS.get(key)
    if app is not None:
        return app
    try:
        app = _APPS[key] = OpenAPI.from_dict(data)
    except Exception as error:  # openapi-spec-validator raises a family of types
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise AnchorError(f"{spec.source}: not a valid OpenAPI document: {reason}") from None
    return app


class OpenAPICoreEngine:
    name = "openapi-core"

    def __init__(self, app: OpenAPI) -> None:
        self.app = app

    def check(
        self, op: Operation, response: httpx.Response, body: Any, *, path_pattern: str
    ) -> list[Breach]:
        from auditor._anchors._openapi_httpx import HttpxOpenAPIRequest, HttpxOpenAPIResponse

        request = HttpxOpenAPIRequest(response.request, path_pattern=path_pattern)
        errors = self.app.iter_response_errors(request, HttpxOpenAPIResponse(response))
        return [b for error in errors for b in _core_breaches(error)]


def _core_breaches(error: Exception) -> Iterator[Breach]:
    cause = error.__cause__
    schema_errors = getattr(cause, "schema_errors", None)
    if schema_errors is None:
        yield Breach((), _core_keyword(error), str(error) or type(error).__name__)
        return
    for e in schema_errors:
        parts = tuple(e.absolute_path)
        if e.validator == "required":
            missing = _quoted_name(e.message)
            parts = (*parts, missing) if missing else parts
            yield Breach(parts, "required", "field is missing", e.instance)
        else:
            yield Breach(parts, str(e.validator), e.message, e.instance)


def _core_keyword(error: Exception) -> str:
    name = type(error).__name__
    if "Response" in name:
        return "status"
    if "MediaType" in name:
        return "content-type"
    if "Header" in name:
        return "header"
    return "body"


def _quoted_name(message: str) -> str | None:
    # jsonschema's message is "'name' is a required property"; jsonschema-rs's uses double quotes
    quote = message[:1]
    end = message.find(quote, 1)
    return message[1:end] if quote in ("'", '"') and end > 0 else None


class JsonschemaRsEngine:
    name = "jsonschema-rs"

    def __init__(self, spec: Spec) -> None:
        self.spec = spec
        self._root = _as_json_schema(spec)
        self._validators: dict[tuple[str, str, str], Any] = {}

    def check(
        self, op: Operation, response: httpx.Response, body: Any, *, path_pattern: str
    ) -> list[Breach]:
        found = _find_response(op, response.status_code)
        if found is None:
            return [Breach((), "status", f"status {response.status_code} is not documented")]
        status_key, documented = found
        content = self.spec.resolve(documented).get("content")
        if not content:
            return []
        media = _media_type(response)
        key = _match_media(media, content)
        if key is None:
            return [Breach((), "content-type", f"content type {media!r} is not documented")]
        if body is _NOT_JSON:
            return [Breach((), "body", "body is not valid JSON")]
        validator = self._validator(op, status_key, key)
        if validator is None:
            return []
        return [_rs_breach(e) for e in validator.iter_errors(body)]

    def _validator(self, op: Operation, status_key: str, media: str) -> Any:
        cache_key = (op.operation_id, status_key, media)
        if cache_key not in self._validators:
            self._validators[cache_key] = self._compile(op, status_key, media)
        return self._validators[cache_key]

    def _compile(self, op: Operation, status_key: str, media: str) -> Any:
        import jsonschema_rs

        documented = op.responses[status_key]
        if "$ref" in documented:
            pointer = str(documented["$ref"])[1:]
        else:
            pointer = "/" + "/".join(
                _escape(p) for p in ("paths", op.path, op.method.lower(), "responses", status_key)
            )
        content = self.spec.resolve(documented)["content"][media]
        if "schema" not in content:
            return None
        fragment = quote(f"{pointer}/content/{_escape(media)}/schema", safe="/~")
        schema = {**self._root, "$ref": f"#{fragment}"}
        cls = (
            jsonschema_rs.Draft202012Validator if self.spec.is_31 else jsonschema_rs.Draft4Validator
        )
        return cls(schema, validate_formats=True)


_NOT_JSON = object()
NOT_JSON: Any = _NOT_JSON


def _escape(part: str) -> str:
    return part.replace("~", "~0").replace("/", "~1")


def _rs_breach(error: Any) -> Breach:
    parts = tuple(error.instance_path)
    kind = type(error.kind).__name__
    if kind == "Required":
        return Breach(
            (*parts, str(error.kind.property)), "required", "field is missing", error.instance
        )
    keyword = {"Type": "type", "Enum": "enum", "Format": "format", "Pattern": "pattern"}.get(
        kind, kind[:1].lower() + kind[1:]
    )
    return Breach(parts, keyword, str(error.message), error.instance)


def _find_response(op: Operation, status: int) -> tuple[str, Mapping[str, Any]] | None:
    for key in (str(status), f"{status // 100}XX", f"{status // 100}xx", "default"):
        if key in op.responses:
            return key, op.responses[key]
    return None


def _media_type(response: httpx.Response) -> str:
    return str(response.headers.get("Content-Type", "")).split(";")[0].strip().lower()


def _match_media(media: str, content: Mapping[str, Any]) -> str | None:
    if media in content:
        return media
    major = media.split("/")[0]
    for key in (f"{major}/*", "*/*"):
        if key in content:
            return key
    if media.endswith("+json") and "application/json" in content:
        return "application/json"
    return None


def _as_json_schema(spec: Spec) -> dict[str, Any]:
    """The document as a schema root; OpenAPI 3.0's `nullable` becomes a JSON Schema type.

    As OpenAPI 3.0.3 specifies (and openapi-core enforces), `nullable` only has an effect next
    to an explicit `type`.
    """
    data: dict[str, Any] = dict(spec.data)
    return data if spec.is_31 else _denull(data)


def _denull(node: Any) -> Any:
    if isinstance(node, list):
        return [_denull(v) for v in node]
    if not isinstance(node, dict):
        return node
    out = {k: _denull(v) for k, v in node.items()}
    if out.get("nullable") is True:
        del out["nullable"]
        kind = out.get("type")
        if isinstance(kind, str):
            out["type"] = [kind, "null"]
            if isinstance(out.get("enum"), list) and None not in out["enum"]:
                out["enum"] = [*out["enum"], None]
    return out
