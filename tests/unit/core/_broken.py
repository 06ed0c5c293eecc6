"""Broken configurations: mutations of one valid `audit.toml`, as Hypothesis strategies.

Each mutation breaks the file in one way a user could: a URL that is not one (or an IPv6 host
without its brackets, a port above 65535, `ftp://`), a misspelt or unclosed `{{question}}`, a
JSONPath that does not parse, an empty operation reference, a wrong type, an unknown key (also
nested deeper than any reader should recurse), an empty list. Shared by the unit test (pure
`load_config`, hundreds of them) and the end-to-end one (a sample through the real command).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from auditor._anchors._toml import toml_tables
from auditor._resources import openapi_document

BOM = "\ufeff"


def valid_config(base_url: str = "http://127.0.0.1:9") -> dict[str, Any]:
    """A configuration `load_config` accepts; its document is the reference inventory's."""
    return {
        "audit": {"name": "fuzz", "seed": 1, "max_probes": 5, "timeout_s": 2, "retries": 0},
        "assistant": [
            {"name": "web", "kind": "openai", "base_url": f"{base_url}/v1"},
            {
                "name": "sms",
                "kind": "http",
                "url": f"{base_url}/message",
                "body": {"text": "{{question}}", "session": "{{session_id}}"},
                "answer_path": "$.reply.text",
                "session_path": "$.session",
            },
        ],
        "anchors": {
            "inventory": {
                "spec": str(openapi_document("inventory")),
                "base_url": base_url,
                "pagination": {"style": "page", "next_cursor_path": "$.next"},
                "stock": {
                    "list": "listItems",
                    "get": "getItem",
                    "get_param": "sku",
                    "items_path": "$.items[*]",
                    "record_path": "$",
                    "fields": {"sku": "$.sku", "name": "$.name", "on_hand": "$.stock.available"},
                },
            }
        },
        "probes": {"suites": ["stock"]},
    }


Path = tuple[str | int, ...]
_INVENTORY: Path = ("anchors", "inventory")
_STOCK: Path = (*_INVENTORY, "stock")

URL_FIELDS: list[Path] = [
    ("assistant", 0, "base_url"),
    ("assistant", 1, "url"),
    (*_INVENTORY, "base_url"),
]
BAD_URLS = [
    "http://::1:8000/v1",  # IPv6 without its brackets
    "http://[::1:8000/v1",  # an unclosed bracket
    "http://127.0.0.1:99999/v1",  # a port above 65535
    "http://127.0.0.1:-1/v1",
    "http://127.0.0.1:port/",
    "ftp://127.0.0.1/v1",
    "file:///etc/passwd",
    "mailto:bot@example.com",
    "not a url",
    "127.0.0.1:8000",
    "//127.0.0.1/v1",
    "http://",
    "",
    " http://127.0.0.1/v1",
    "http://127.0.0.1/v 1",
    "http://127.0.0.1/\x00",
]
BAD_TEMPLATES = [
    "{{qestion}}",
    "{{question}",
    "{question}}",
    "{{ question",
    "{question}",
    "{{}}",
    "{{env.}}",
    "{{env.A-B}}",
    "{{customer}}",
    "no placeholder at all",
]
JSONPATH_FIELDS: list[Path] = [
    ("assistant", 1, "answer_path"),
    ("assistant", 1, "session_path"),
    (*_STOCK, "items_path"),
    (*_STOCK, "record_path"),
    (*_STOCK, "fields", "sku"),
    (*_INVENTORY, "pagination", "next_cursor_path"),
]
BAD_JSONPATHS = ["$.[[", "$.items[", "$..", "]", "$.a[?(@.b==", "", "   ", "$.a)", "$[*"]
REFERENCE_FIELDS: list[Path] = [(*_STOCK, "list"), (*_STOCK, "get"), (*_STOCK, "get_param")]
TYPED_FIELDS: list[tuple[Path, list[Any]]] = [
    (("audit", "max_probes"), ["many", [1], {"a": 1}, 0, -5, 10**12]),
    (("audit", "timeout_s"), ["soon", [], -1, 0]),
    (("audit", "concurrency"), [0, 100_000, "eight"]),
    (("audit", "name"), [5, ["a"], {"a": "b"}, True]),
    (("audit", "profile"), ["prod", 1]),
    (("assistant", 0, "kind"), ["telnet", 3, ""]),
    (("assistant", 0, "stream"), [[True], {"a": 1}, "sometimes"]),
    (("assistant", 1, "method"), ["DELETE", 1]),
    (("assistant", 1, "body"), ["text", [1, 2]]),
    ((*_INVENTORY, "timeout_s"), [0, -3, "x"]),
    ((*_INVENTORY, "pagination", "style"), ["pages", 2]),
    ((*_INVENTORY, "pagination", "size"), [0, "big"]),
    ((*_STOCK, "fields"), ["$.sku", [1]]),
    ((*_STOCK, "values"), [{"status": {"active": "in stock!"}}, "x"]),
    (("probes", "suites"), ["stock", [1], ["stonks"]]),
    (("gate", "min_agreement"), [1.5, -0.1, "high"]),
    (("assistant",), [[], "web", {}]),
    (("anchors",), ["inventory", []]),
    ((*_INVENTORY, "stock"), [{}, "listItems"]),
]
EMPTIES: list[tuple[Path, Any]] = [
    (("probes",), {"suites": []}),
    (("assistant",), []),
    (("assistant", 1, "answer_path"), []),
]
#: Tables that take no unknown key.
STRICT_TABLES: list[Path] = [
    (),
    ("audit",),
    ("assistant", 0),
    ("assistant", 1),
    _INVENTORY,
    _STOCK,
    (*_INVENTORY, "pagination"),
    ("probes",),
]


def _set(data: dict[str, Any], path: Path, value: Any) -> dict[str, Any]:
    data = copy.deepcopy(data)
    node: Any = data
    for part in path[:-1]:
        node = node.setdefault(part, {}) if isinstance(node, dict) else node[part]
    if path:
        node[path[-1]] = value
    return data


def _nested(depth: int) -> dict[str, Any]:
    node: dict[str, Any] = {"leaf": 1}
    for i in range(depth):
        node = {f"k{i % 3}": node}
    return node


#: A mutation: the TOML text of a broken configuration, and what it breaks (for messages).
Broken = tuple[str, str]


def _as_text(data: dict[str, Any], bom: bool) -> str:
    return (BOM if bom else "") + toml_tables(data)


@st.composite
def broken_configs(draw: Callable[..., Any]) -> Broken:
    """The text of one broken configuration (maybe behind a byte-order mark) and its label."""
    base = valid_config()
    bom = draw(st.booleans())
    choice = draw(
        st.sampled_from(["url", "template", "jsonpath", "reference", "type", "unknown", "deep"])
    )
    if choice == "url":
        path = draw(st.sampled_from(URL_FIELDS))
        value = draw(st.sampled_from(BAD_URLS))
        if path[-1] == "url" and value:
            value += "?q={{question}}"  # the question itself is not what is broken
        data = _set(base, path, value)
    elif choice == "template":
        part = draw(st.sampled_from(["body", "url", "headers"]))
        bad = draw(st.sampled_from(BAD_TEMPLATES))
        if part == "body":
            data = _set(base, ("assistant", 1, "body"), {"text": bad})
        elif part == "url":
            data = _set(base, ("assistant", 1, "body"), {"text": "{{question}}"})
            data = _set(data, ("assistant", 1, "url"), f"http://127.0.0.1:9/m?x={bad}")
            if bad == "no placeholder at all":
                data = _set(data, ("assistant", 1, "url"), "http://127.0.0.1:9/m?x={{qestion}}")
        else:
            data = _set(base, ("assistant", 1, "headers"), {"X-Key": bad + "{{"})
        path, value = ("assistant", 1, part), bad
    elif choice == "jsonpath":
        path = draw(st.sampled_from(JSONPATH_FIELDS))
        value = draw(st.sampled_from(BAD_JSONPATHS))
        data = _set(base, path, value)
    elif choice == "reference":
        path = draw(st.sampled_from(REFERENCE_FIELDS))
        value = draw(st.sampled_from(["", "   "]))
        data = _set(base, path, value)
    elif choice == "type":
        path, values = draw(st.sampled_from(TYPED_FIELDS + [(p, [v]) for p, v in EMPTIES]))
        value = draw(st.sampled_from(values))
        data = _set(base, path, value)
    elif choice == "unknown":
        table = draw(st.sampled_from(STRICT_TABLES))
        depth = draw(st.integers(0, 40))
        value = _nested(depth) if depth else draw(st.sampled_from([1, "x", [1], True]))
        path = (*table, draw(st.sampled_from(["colour", "max_probe", "Name", "x_y"])))
        data = _set(base, path, value)
    else:
        depth = draw(st.integers(200, 3000))
        opener, closer = draw(st.sampled_from([("[", "]"), ("{a = ", "}")]))
        label = f"a value nested {depth} deep"
        return (BOM if bom else "") + toml_tables(base) + (
            f"\n[audit.extra]\nx = {opener * depth}1{closer * depth}\n"
        ), label
    return _as_text(data, bom), f"{choice} at {'.'.join(map(str, path))} = {value!r}"
