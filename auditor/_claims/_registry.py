"""The extractors, one per claim kind, registered by decorator.

Each family module registers its extractors when `_extract` imports it; a contract test proves
every `ClaimKind` has one. An extractor is a pure function of the analysed answer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from auditor._claims._document import Document
from auditor._claims._model import Claim, ClaimKind

Extractor = Callable[[Document], Sequence[Claim]]


class Registry:
    def __init__(self) -> None:
        self._extractors: dict[ClaimKind, Extractor] = {}

    def register(self, kind: ClaimKind) -> Callable[[Extractor], Extractor]:
        def decorate(extractor: Extractor) -> Extractor:
            if kind in self._extractors:
                raise ValueError(f"an extractor for {kind.value} is already registered")
            self._extractors[kind] = extractor
            return extractor

        return decorate

    def __getitem__(self, kind: ClaimKind) -> Extractor:
        return self._extractors[kind]

    def __contains__(self, kind: object) -> bool:
        return kind in self._extractors

    def __iter__(self) -> Iterator[ClaimKind]:
        return iter(self._extractors)


EXTRACTORS = Registry()
