"""Locate the data that ships with the package: OpenAPI documents and default probe suites.

In a wheel they live under `auditor/_data/`; in a source checkout (editable install) they stay at
the top of the repository where DESIGN.md puts them. Looking in both keeps one copy in git.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CANDIDATES = {
    "openapi": (_PACKAGE / "_data" / "openapi", _PACKAGE.parent / "fixtures" / "openapi"),
    "probes": (_PACKAGE / "_data" / "probes", _PACKAGE.parent / "probes"),
}


def data_dir(kind: str) -> Path:
    """The folder holding the shipped data of `kind` (`openapi` or `probes`)."""
    for candidate in _CANDIDATES[kind]:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the package's {kind} data is missing; reinstall readiness-auditor")


def openapi_document(name: str) -> Path:
    """Path of one of the reference shop's documents, e.g. `inventory`."""
    return data_dir("openapi") / f"{name}.yaml"
