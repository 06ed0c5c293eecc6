"""Adapters by name: the built-ins register by decorator, other packages by entry point.

A third-party package declares, in its own pyproject.toml,

    [project.entry-points."readiness_auditor.adapters"]
    acme = "acme_auditor.adapter:make"

and `make(config, settings)` returns an object with `name`, `async ask(conversation)` and
`async aclose()`. It is loaded the first time an `[[assistant]]` entry names `kind = "acme"`;
nothing is imported or scanned for kinds no configuration uses.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import entry_points
from typing import Any

from auditor._adapters._base import AdapterError, AdapterSettings, Assistant
from auditor._config import ADAPTER_ENTRY_POINT_GROUP

ENTRY_POINT_GROUP = ADAPTER_ENTRY_POINT_GROUP

AdapterFactory = Callable[[Any, AdapterSettings], Assistant]


class AdapterRegistry:
    """Adapters by config `kind`; third-party ones come from the entry-point group."""

    def __init__(self, group: str = ENTRY_POINT_GROUP) -> None:
        self._group = group
        self._factories: dict[str, AdapterFactory] = {}

    def register(self, kind: str) -> Callable[[AdapterFactory], AdapterFactory]:
        def decorate(factory: AdapterFactory) -> AdapterFactory:
            if kind in self._factories:
                raise ValueError(f"adapter kind {kind!r} is registered twice")
            self._factories[kind] = factory
            return factory

        return decorate

    def get(self, kind: str) -> AdapterFactory:
        factory = self._factories.get(kind) or self._from_entry_point(kind)
        self._factories[kind] = factory
        return factory

    def kinds(self) -> list[str]:
        """Registered kinds and those installed packages offer, without loading the latter."""
        offered = {ep.name for ep in entry_points(group=self._group)}
        return sorted(offered | set(self._factories))

    def _from_entry_point(self, kind: str) -> AdapterFactory:
        found = list(entry_points(group=self._group, name=kind))
        if not found:
            known = ", ".join(self.kinds()) or "none"
            raise AdapterError(f"no assistant adapter of kind {kind!r} (known: {known})")
        if len(found) > 1:
            owners = ", ".join(sorted(ep.value for ep in found))
            raise AdapterError(f"adapter kind {kind!r} is offered twice: {owners}")
        try:
            factory = found[0].load()
        except Exception as error:  # a broken plugin must not take the audit down with it
            raise AdapterError(
                f"adapter kind {kind!r} ({found[0].value}) failed to load: "
                f"{type(error).__name__}: {error}"
            ) from None
        if not callable(factory):
            raise AdapterError(f"adapter kind {kind!r} ({found[0].value}) is not callable")
        return factory  # type: ignore[no-any-return]


ADAPTERS = AdapterRegistry()
