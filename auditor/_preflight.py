"""The offline checks of a configuration: everything that can be told without a request.

`auditor validate` prints them; `run`, `anchors` and `ask` make them before their first request,
so that a configuration that cannot work is exit 2 (usage) at once instead of exit 3 after the
anchors were read. Each problem names its field path.

Severity: an `error` is a configuration that cannot work as written (a document that cannot be
read, an operation or a JSONPath that does not exist, a python assistant that cannot be
imported, a suite asking about facts no anchor lists). A `warning` is something to finish before
an audit can run here, or that cannot be judged offline: an environment variable that is not
set (an error for `run`, which needs it), a document at a URL, a fact kind no anchor maps and no
suite asks about (what `auditor init` leaves as a TODO).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from auditor._anchors._config import AnchorConfig, FactMapping, FieldSpec
from auditor._anchors._errors import AnchorError
from auditor._anchors._guess import response_schema
from auditor._anchors._schema_path import walk
from auditor._anchors._spec import Operation, Spec, is_url, parse_document
from auditor._config import AuditConfig, PythonAssistant

Severity = Literal["error", "warning"]
FACT_KINDS = ("stock", "orders", "returns")
_KNOWN_SHOWN = 10


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    message: str
    severity: Severity = "error"

    def line(self) -> str:
        return f"{self.severity}: {self.path}: {self.message}"

    def to_json(self) -> dict[str, str]:
        return {"severity": self.severity, "path": self.path, "message": self.message}


@dataclass(slots=True)
class Preflight:
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": not self.errors,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "problems": [p.to_json() for p in self.problems],
        }


def read_document(source: str, base_dir: Path) -> Spec:
    """A local document, read and parsed without a request (AnchorError when it cannot be)."""
    path = Path(source)
    if not path.is_absolute():
        path = base_dir / path
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise AnchorError(f"{path}: cannot read the document: {error.strerror}") from None
    except UnicodeDecodeError:
        raise AnchorError(f"{path}: cannot read the document: not UTF-8 text") from None
    return parse_document(text, str(path))


#: Local document (path, modification time, size) -> its verdict: checking a large document
#: takes a second or two, and `init` then `validate` (or `validate` then `run`) ask twice.
_CHECKED: dict[tuple[str, int, int], str | None] = {}


def document_problem(spec: Spec) -> str | None:
    """Why openapi-core refuses the document (as `run` would, when it validates responses)."""
    from auditor._anchors._validate import check_document

    key = None
    if not is_url(spec.source):
        try:
            stat = Path(spec.source).stat()
            key = (str(Path(spec.source).resolve()), stat.st_mtime_ns, stat.st_size)
        except OSError:
            key = None
    if key is not None and key in _CHECKED:
        return _CHECKED[key]
    try:
        check_document(spec)
        problem = None
    except AnchorError as error:
        problem = str(error)
    if key is not None:
        _CHECKED[key] = problem
    return problem


def _operation(spec: Spec, reference: str, at: str, out: list[Problem]) -> Operation | None:
    op = spec.find(reference)
    if op is None:
        known = sorted(spec.operations)
        shown = ", ".join(known[:_KNOWN_SHOWN]) + (
            f", … ({len(known) - _KNOWN_SHOWN} more)" if len(known) > _KNOWN_SHOWN else ""
        )
        out.append(Problem(at, f"no operation `{reference}` in the document (it has: {shown})"))
    return op


def _get_param(op: Operation, named: str | None, at: str, out: list[Problem]) -> None:
    params = op.path_parameters()
    if named is not None and named not in params:
        out.append(
            Problem(
                f"{at}.get_param",
                f"`{op.operation_id}` has no path parameter `{named}` "
                f"(it has: {', '.join(params) or 'none'})",
            )
        )
    elif named is None and len(params) != 1:
        out.append(
            Problem(
                f"{at}.get",
                f"`{op.operation_id}` has {len(params)} path parameters: name the one that "
                "takes the id with `get_param`",
            )
        )


def _path(spec: Spec, schema: dict[str, Any] | None, path: str, at: str, out: list[Problem]) -> Any:
    walked = walk(spec, schema, path)
    if walked.problem is not None:
        out.append(Problem(at, f"{path!r} is not in the response schema: {walked.problem}"))
    return walked.schema


def _mapping_problems(spec: Spec, mapping: FactMapping, at: str) -> Iterator[Problem]:
    out: list[Problem] = []
    list_op = _operation(spec, mapping.list, f"{at}.list", out) if mapping.list else None
    get_op = _operation(spec, mapping.get, f"{at}.get", out) if mapping.get else None
    if get_op is not None:
        _get_param(get_op, mapping.get_param, at, out)
    record: dict[str, Any] | None = None
    if list_op is not None:
        body = response_schema(spec, list_op)
        record = _path(spec, body, mapping.items_path, f"{at}.items_path", out)
        pagination = mapping.pagination
        if pagination is not None and pagination.style == "cursor":
            _path(spec, body, pagination.next_cursor_path, f"{at}.pagination", out)
    elif get_op is not None:
        body = response_schema(spec, get_op)
        record = _path(spec, body, mapping.record_path, f"{at}.record_path", out)
    if not mapping.jsonapi:
        # JSON:API fields are read from the flattened resource (attributes, joined
        # relationships), a shape no response schema describes: only the operations are checked.
        _field_problems(spec, record, mapping, at, out)
    yield from out


def _field_problems(
    spec: Spec, record: dict[str, Any] | None, mapping: FactMapping, at: str, out: list[Problem]
) -> None:
    lines: dict[str, Any] | None = None
    for name, source in mapping.fields.items():
        if name.startswith("lines."):
            continue
        for path in _paths_of(source):
            found = _path(spec, record, path, f"{at}.fields.{name}", out)
            if name == "lines":
                lines = found
    for name, source in mapping.fields.items():
        if name.startswith("lines."):
            for path in _paths_of(source):
                _path(spec, lines, path, f"{at}.fields.{name}", out)


def _paths_of(field: FieldSpec) -> list[str]:
    """The JSONPaths a field is read from: its path, or every source of a derivation."""
    return [field] if isinstance(field, str) else field.paths()


def _anchor_problems(
    name: str, anchor: AnchorConfig, base_dir: Path, check_document: bool
) -> Iterator[Problem]:
    at = f"anchors.{name}"
    if is_url(anchor.spec):
        yield Problem(f"{at}.spec", "a document at a URL is not checked offline", "warning")
        return
    try:
        spec = read_document(anchor.spec, base_dir)
    except AnchorError as error:
        yield Problem(f"{at}.spec", str(error))
        return
    if check_document and (reason := document_problem(spec)) is not None:
        yield Problem(f"{at}.spec", reason)
    for kind, mapping in anchor.mappings().items():
        yield from _mapping_problems(spec, mapping, f"{at}.{kind}")


def env_names(config: AuditConfig) -> Iterator[tuple[str, str]]:
    """(field path, variable name) for every variable the audit itself needs."""
    from auditor._adapters._template import placeholders

    for name, anchor in config.anchors.items():
        for key, value in anchor.auth.model_dump().items():
            if key.endswith("_env") and value:
                yield f"anchors.{name}.auth.{key}", str(value)
    for i, entry in enumerate(config.assistant):
        key_env = getattr(entry, "api_key_env", None)
        if isinstance(key_env, str):
            yield f"assistant[{i}].api_key_env", key_env
        templated = entry.model_dump(include={"headers", "body", "form", "url", "base_url"})
        for variable in sorted(placeholders(templated)):
            if variable.startswith("env."):
                yield f"assistant[{i}]", variable[4:]


def _env_problems(
    config: AuditConfig, env: Mapping[str, str], severity: Severity
) -> Iterator[Problem]:
    for at, variable in env_names(config):
        if not env.get(variable):
            yield Problem(at, f"environment variable {variable} is not set", severity)
    reader_key = None if config.reader is None else config.reader.api_key_env
    if reader_key and not env.get(reader_key):
        yield Problem(
            "reader.api_key_env",
            f"environment variable {reader_key} is not set: the model reader will be refused "
            "and the answers the rules cannot read stay unread",
            "warning",
        )
    webhook = config.notify.webhook_url_env
    if webhook and not env.get(webhook):
        yield Problem(
            "notify.webhook_url_env",
            f"environment variable {webhook} is not set: no notification will be sent",
            "warning",
        )


def importable(target: str, base_dir: Path) -> str | None:
    """Why `package.module:callable` cannot be imported with `base_dir` on `sys.path`, or None.

    The folder of the configuration file is where a user keeps `my_bot.py` beside
    `audit.toml`; it stays on `sys.path` so that the audit imports the same module.
    """
    folder = str(base_dir.resolve())
    if folder not in sys.path:
        sys.path.insert(0, folder)
    module_name, _, attribute = target.partition(":")
    try:
        obj: Any = importlib.import_module(module_name)
        for part in attribute.split("."):
            obj = getattr(obj, part)
    except Exception as error:  # importing runs the user's code: any error is theirs
        return f"cannot import {target}: {type(error).__name__}: {error}"
    if not callable(obj):
        return f"{target} is not callable"
    return None


def _assistant_problems(config: AuditConfig, base_dir: Path) -> Iterator[Problem]:
    for i, entry in enumerate(config.assistant):
        if isinstance(entry, PythonAssistant):
            reason = importable(entry.target, base_dir)
            if reason is not None:
                yield Problem(f"assistant[{i}].target", reason)


def listed_kinds(config: AuditConfig) -> dict[str, list[str]]:
    """Fact kind -> the anchors that list it (a `get` alone reads no subjects)."""
    listed: dict[str, list[str]] = {kind: [] for kind in FACT_KINDS}
    for name, anchor in config.anchors.items():
        for kind, mapping in anchor.mappings().items():
            if mapping.list is not None:
                listed[kind].append(name)
    return listed


def _probe_problems(config: AuditConfig, base_dir: Path) -> Iterator[Problem]:
    from auditor._probes import SuiteError, load_suites
    from auditor._probes._suites import facts_asked

    try:
        plans = load_suites(config.probes.suites, [base_dir / f for f in config.probes.files])
    except SuiteError as error:
        yield Problem("probes", str(error))
        return
    listed = listed_kinds(config)
    asked: dict[str, list[str]] = {}
    for kind, facts in facts_asked(plans).items():
        for fact in facts:
            asked.setdefault(fact, []).append(kind)
    for fact, kinds in asked.items():
        if not listed.get(fact):
            yield Problem(
                "probes.suites",
                f"{', '.join(kinds)} ask about {fact}, which no anchor lists: these probes "
                f"would have no subject (map {fact} with a `list`, or leave its suites out)",
            )
    for fact in FACT_KINDS:
        if fact not in asked and not listed[fact]:
            yield Problem(
                "anchors",
                f"{fact}: no anchor maps it and no suite asks about it (left to do)",
                "warning",
            )


def preflight(
    config: AuditConfig,
    *,
    base_dir: Path,
    env: Mapping[str, str],
    env_required: bool = False,
    check_documents: bool = True,
) -> Preflight:
    """Every offline problem of `config`; `env_required` makes unset variables errors."""
    result = Preflight()
    for name, anchor in config.anchors.items():
        result.problems.extend(_anchor_problems(name, anchor, base_dir, check_documents))
    result.problems.extend(_assistant_problems(config, base_dir))
    result.problems.extend(_probe_problems(config, base_dir))
    result.problems.extend(_env_problems(config, env, "error" if env_required else "warning"))
    return result
