"""What the extractor may know besides the answer: the clock, the catalogue, house words."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from auditor._claims._records import EMPTY_RECORDS, RecordIndex
from auditor._claims._subjects import EMPTY_INDEX, ItemIndex, SubjectType
from auditor._claims._vocabulary import Vocabulary


class Catalogue(Mapping[str, str]):
    """SKU -> item name, with its name index built once.

    A context is copied per probe (`dataclasses.replace(context, now=...)`); carrying the index
    inside the mapping means the copy shares it instead of re-indexing a large catalogue.
    """

    __slots__ = ("_items", "index")

    def __init__(self, items: Mapping[str, str] | None = None) -> None:
        self._items = dict(items or {})
        self.index = ItemIndex.build(self._items) if self._items else EMPTY_INDEX

    def __getitem__(self, sku: str) -> str:
        return self._items[sku]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"Catalogue({self._items!r})"


@dataclass(frozen=True, slots=True)
class ExtractionContext:
    """Everything optional: without `now` relative dates give nothing rather than a guess.

    Build one per audit and reuse it; `at(now)` (or `dataclasses.replace`) is cheap.
    """

    #: Time zone aware; "tomorrow" is the day after `now`'s own date in its own zone.
    now: datetime | None = None
    #: SKU -> item name, to tell which item an answer names and to keep names from speaking.
    items: Mapping[str, str] = field(default_factory=Catalogue)
    vocabulary: Vocabulary = field(default_factory=Vocabulary)
    #: The shop's order and return ids (id -> type), so that ids the shop writes its own way
    #: ("R100000001") name their record (`_records`); built into an index once, with the
    #: catalogue's SKUs.
    records: Mapping[str, SubjectType] | RecordIndex = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.now is not None and self.now.utcoffset() is None:
            raise ValueError("ExtractionContext.now must be time zone aware")
        if not isinstance(self.items, Catalogue):
            object.__setattr__(self, "items", Catalogue(self.items))
        if not isinstance(self.records, RecordIndex):
            index = RecordIndex.of(self.records, self.items)
            object.__setattr__(self, "records", index)

    @property
    def index(self) -> ItemIndex:
        items = self.items
        return items.index if isinstance(items, Catalogue) else EMPTY_INDEX

    def at(self, now: datetime) -> ExtractionContext:
        """This context with another clock, sharing the catalogue's index."""
        return ExtractionContext(
            now=now, items=self.items, vocabulary=self.vocabulary, records=self.records
        )

    @property
    def record_index(self) -> RecordIndex:
        records = self.records
        return records if isinstance(records, RecordIndex) else EMPTY_RECORDS
