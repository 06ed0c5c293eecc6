"""Writing taught phrases into the user's configuration file, keeping everything else.

The file is the user's: its comments, order and layout stay as they were (tomlkit edits it in
place). An entry is checked before anything is written, and the whole file after, so a file
that would no longer load is never written.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.exceptions import TOMLKitError
from tomlkit.items import Array, Table

from auditor._claims import ClaimKind
from auditor._claims._vocabulary import problems
from auditor._config import ConfigError, parse_config


@dataclass(frozen=True, slots=True)
class Entry:
    """One phrase for one claim value: `availability=in_stock:{item}: ready to roll`."""

    kind: ClaimKind
    value: str
    phrase: str

    def __str__(self) -> str:
        return f"{self.kind.value}={self.value}:{self.phrase}"


def check_entry(kind: str, value: str, phrase: str) -> Entry:
    """The entry, or ValueError saying what is wrong with it."""
    found = problems({kind: {value: [phrase]}})
    if found:
        raise ValueError(found[0][1])
    return Entry(ClaimKind(kind), value, phrase.strip())


def parse_entry(text: str) -> Entry:
    """`kind=value:phrase`, as `auditor review --write` takes it."""
    kind, equals, rest = text.partition("=")
    value, colon, phrase = rest.partition(":")
    if not equals or not colon:
        example = "availability=in_stock:all set"
        raise ValueError(f"{text!r}: expected kind=value:phrase, e.g. {example}")
    return check_entry(kind.strip(), value.strip(), phrase)


def _table(parent: Any, key: str, *, super_table: bool = False) -> Any:
    found = parent.get(key)
    if found is None:
        found = tomlkit.table(is_super_table=super_table)
        parent.add(key, found)
    if not isinstance(found, Table | dict):
        raise ValueError(f"`{key}` is not a table")
    return found


def _root(document: Any, path: Path) -> Any:
    if path.name != "pyproject.toml":
        return document
    return _table(_table(document, "tool", super_table=True), "auditor")


def add_entries(path: Path, entries: Sequence[Entry]) -> list[Entry]:
    """Add `entries` to the `[vocabulary]` of the configuration file at `path`; returns those
    that were new (a phrase already there is not written twice). Raises `ConfigError` when the
    file cannot be read or would no longer be a valid configuration; nothing is written then.
    """
    try:
        text = path.read_text(encoding="utf-8")
        document = tomlkit.parse(text)
    except FileNotFoundError:
        raise ConfigError(str(path), ["file not found"]) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(str(path), [f"cannot read: {error}"]) from None
    except TOMLKitError as error:
        raise ConfigError(str(path), [f"not valid TOML: {error}"]) from None
    added = []
    try:
        vocabulary = _table(_root(document, path), "vocabulary", super_table=True)
        for entry in entries:
            by_value = _table(vocabulary, entry.kind.value)
            phrases = by_value.get(entry.value)
            if phrases is None:
                phrases = tomlkit.array()
                by_value.add(entry.value, phrases)
            if not isinstance(phrases, Array | list):
                raise ValueError(f"vocabulary.{entry.kind.value}.{entry.value} is not a list")
            if entry.phrase not in [str(p) for p in phrases]:
                phrases.append(entry.phrase)
                added.append(entry)
    except ValueError as error:
        raise ConfigError(str(path), [str(error)]) from None
    if not added:
        return added
    new_text = tomlkit.dumps(document)
    data = tomllib.loads(new_text)
    if path.name == "pyproject.toml":
        data = data["tool"]["auditor"]
    parse_config(data, source=str(path))  # raises ConfigError: nothing written
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(new_text, encoding="utf-8")
    os.replace(tmp, path)
    return added
