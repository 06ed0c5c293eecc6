"""Just enough TOML writing for `auditor init` and tests: keys, scalars, arrays, inline tables.

The standard library reads TOML but does not write it; the starter file needs comments beside
values, which general writers make awkward, so lines are assembled by hand from these pieces.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from typing import Any

_BARE = re.compile(r"^[A-Za-z0-9_-]+$")


def toml_key(key: str) -> str:
    return key if _BARE.fullmatch(key) else toml_string(key)


def toml_string(text: str) -> str:
    # JSON string escapes are valid TOML basic-string escapes; control characters come out as
    # \uXXXX, and other characters are written as they are (TOML files are UTF-8).
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"TOML cannot hold {value!r} here")
        return repr(value)
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, Mapping):
        inner = ", ".join(f"{toml_key(str(k))} = {toml_value(v)}" for k, v in value.items())
        return "{ " + inner + " }" if inner else "{}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    raise TypeError(f"no TOML form for {type(value).__name__}")


def toml_tables(data: Mapping[str, Any], prefix: str = "") -> str:
    """A whole document: nested mappings become [tables], None values are left out.

    Lists of mappings become arrays of tables (`[[name]]`).
    """
    scalars: list[str] = []
    tables: list[str] = []
    for key, value in data.items():
        name = f"{prefix}.{toml_key(key)}" if prefix else toml_key(key)
        if value is None:
            continue
        if isinstance(value, Mapping):
            tables.append(f"\n[{name}]\n" + toml_tables(value, name))
        elif isinstance(value, list) and value and all(isinstance(v, Mapping) for v in value):
            tables.extend(f"\n[[{name}]]\n" + toml_tables(v, name) for v in value)
        else:
            scalars.append(f"{toml_key(key)} = {toml_value(value)}\n")
    return "".join(scalars) + "".join(tables)
