"""JSONPath compiled once per configured path, with a fast lane for plain key chains.

jsonpath-ng parses every path the configuration names; most of them are plain chains such as
`$.stock.available`, which are then read with dictionary look-ups instead of jsonpath-ng's
`find` (about twenty times faster, which matters at 100,000 records). Anything richer (filters,
slices, descendants) goes through jsonpath-ng itself.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from jsonpath_ng.ext import parser as ext_parser
from jsonpath_ng.jsonpath import Child, Fields, Index, Root, This, Wildcard

#: One step of a plain chain: a key, an index, or `*` (every element / every value).
Step = str | int | None
_MISSING = object()


_PARSERS = threading.local()


@lru_cache(maxsize=4096)
def parse_jsonpath(text: str) -> Any:
    """jsonpath-ng's `parse`, once per path text, with one parser per thread: its own `parse`
    builds a new parser (the LALR tables loaded again) for every path, about three times the
    CPU of parsing alone (70 paths: 74 ms against 26), and an audit of the reference shop
    parsed 94 (26 distinct) before its first question: the configuration's checks, then the
    anchors' mappings. The parsed expressions are only read (`find`), so they are shared.
    Errors are not cached: a bad path raises every time."""
    parser = getattr(_PARSERS, "parser", None)
    if parser is None:
        # Spelt `ExtentedJsonPathParser` before jsonpath-ng 1.7.
        cls: Any = getattr(ext_parser, "ExtendedJsonPathParser", None)
        cls = cls or ext_parser.ExtentedJsonPathParser
        parser = _PARSERS.parser = cls()
    return parser.parse(text)


def _chain(expr: Any) -> list[Step] | None:
    """The steps of a plain chain, or None when the path needs jsonpath-ng."""
    if isinstance(expr, Root | This):
        return []
    if isinstance(expr, Fields) and len(expr.fields) == 1 and expr.fields[0] != "*":
        return [str(expr.fields[0])]
    if isinstance(expr, Index) and len(expr.indices) == 1:
        return [int(expr.indices[0])]
    if isinstance(expr, Wildcard):
        return [None]
    if isinstance(expr, Child):
        left, right = _chain(expr.left), _chain(expr.right)
        if left is not None and right is not None:
            return left + right
    return None


@dataclass(frozen=True, slots=True)
class JsonPath:
    text: str
    expr: Any
    steps: tuple[Step, ...] | None

    @classmethod
    def compile(cls, text: str) -> JsonPath:
        expr = parse_jsonpath(text)
        steps = _chain(expr)
        return cls(text, expr, tuple(steps) if steps is not None else None)

    @property
    def is_multi(self) -> bool:
        return self.steps is None or None in self.steps

    def all(self, data: Any) -> list[tuple[tuple[str | int, ...], Any]]:
        """Every match with its concrete path (keys and indices from `data`)."""
        if self.steps is None:
            return [(_parts(m.full_path), m.value) for m in self.expr.find(data)]
        found: list[tuple[tuple[str | int, ...], Any]] = []
        _walk(data, self.steps, 0, (), found)
        return found

    def values(self, data: Any) -> list[Any]:
        return [value for _, value in self.all(data)]

    def first(self, data: Any, default: Any = None) -> Any:
        """The first match, or `default`; plain chains without `*` take the fast lane."""
        if self.steps is None or None in self.steps:
            found = self.all(data)
            return found[0][1] if found else default
        node = data
        for step in self.steps:
            if isinstance(step, str):
                node = node.get(step, _MISSING) if isinstance(node, dict) else _MISSING
            elif step is not None and isinstance(node, list) and -len(node) <= step < len(node):
                node = node[step]
            else:
                node = _MISSING
            if node is _MISSING:
                return default
        return node

    def has(self, data: Any) -> bool:
        return self.first(data, _MISSING) is not _MISSING


def _walk(
    node: Any,
    steps: Sequence[Step],
    i: int,
    at: tuple[str | int, ...],
    out: list[tuple[tuple[str | int, ...], Any]],
) -> None:
    if i == len(steps):
        out.append((at, node))
        return
    step = steps[i]
    if step is None:
        if isinstance(node, list):
            for n, child in enumerate(node):
                _walk(child, steps, i + 1, (*at, n), out)
        elif isinstance(node, dict):
            for key, child in node.items():
                _walk(child, steps, i + 1, (*at, key), out)
    elif isinstance(step, str):
        if isinstance(node, dict) and step in node:
            _walk(node[step], steps, i + 1, (*at, step), out)
    elif isinstance(node, list) and -len(node) <= step < len(node):
        _walk(node[step], steps, i + 1, (*at, step), out)


def _parts(path: Any) -> tuple[str | int, ...]:
    """Concrete keys and indices of a jsonpath-ng `full_path`."""
    if isinstance(path, Root | This):
        return ()
    if isinstance(path, Fields):
        return (str(path.fields[0]),)
    if isinstance(path, Index):
        return (int(path.indices[0]),)
    if isinstance(path, Child):
        return _parts(path.left) + _parts(path.right)
    return (str(path),)
