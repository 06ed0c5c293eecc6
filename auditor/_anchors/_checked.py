"""OpenAPI documents already found valid, remembered across runs in the user's cache folder.

Every run checks each anchor's document before its first question, so that a document
openapi-core refuses is exit 2 at once. Importing the checker (openapi-core and
openapi-spec-validator, with jsonschema, referencing and requests under them) costs about 0.75 s
of CPU and checking one reference document 0.1 s more: most of the time from launch to the
first question once everything else was lazy. The verdict depends on nothing but the document
and the checker's version, so a valid one is remembered as an empty file named by the digest
of both, under `$XDG_CACHE_HOME/readiness-auditor/checked-documents/` (`~/.cache` when unset).
A refused document is never remembered: it is checked, and its reason given, every time; nor
is one with a `$ref` to another file or URL, whose verdict depends on more than its digest.

The cache only ever saves work: a folder that cannot be read or written is the same as an
empty one, and `AUDITOR_NO_CACHE=1` ignores it altogether.
"""

from __future__ import annotations

import hashlib
import os
from functools import cache
from pathlib import Path

from auditor._cache import cache_root

#: The packages whose versions decide the verdict (openapi-core calls openapi-spec-validator).
_CHECKERS = ("openapi-core", "openapi-spec-validator", "openapi-schema-validator", "jsonschema")
_FOLDER = "checked-documents"


def cache_dir() -> Path | None:
    """Where verdicts are remembered, or None when the cache is switched off."""
    root = cache_root()
    return None if root is None else root / _FOLDER


@cache
def _checker_versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for name in _CHECKERS:
        try:
            found.append(f"{name}=={version(name)}")
        except PackageNotFoundError:
            found.append(f"{name}==none")
    return ";".join(found)


def _entry(document_digest: str) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    key = hashlib.sha256(f"{document_digest}\n{_checker_versions()}".encode()).hexdigest()
    return folder / key


def is_checked(document_digest: str) -> bool:
    """Whether the document with this digest was found valid by this checker before."""
    entry = _entry(document_digest)
    return entry is not None and entry.is_file()


def remember_checked(document_digest: str) -> None:
    """Note that the document with this digest is valid; a cache that cannot be written is
    left as it is (the next run checks again)."""
    entry = _entry(document_digest)
    if entry is None:
        return
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        partial = entry.with_name(f".{entry.name}.{os.getpid()}")
        partial.write_text(_checker_versions() + "\n", encoding="utf-8")
        partial.replace(entry)
    except OSError:
        return
