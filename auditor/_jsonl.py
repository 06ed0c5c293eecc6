"""JSON Lines written a record at a time and read back despite a crash mid-write.

Shared by the results store and the lag records: each line is flushed as soon as it is
written, and a torn last line (a run killed mid-write) is never read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import IO, Literal, Self

from pydantic import BaseModel


class JsonlWriter:
    """Writes pydantic records to `path`, one flushed line each; `mode="a"` appends."""

    def __init__(self, path: Path, *, mode: Literal["a", "w"] = "a") -> None:
        self.path = path
        self._mode = mode
        self._file: IO[str] | None = None

    def __enter__(self) -> Self:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._file = self.path.open(self._mode, encoding="utf-8")
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    def append(self, record: BaseModel) -> None:
        if self._file is None:
            raise RuntimeError(f"{type(self).__name__} is not open")
        self._file.write(record.model_dump_json() + "\n")
        self._file.flush()


def complete_lines(path: Path) -> Iterator[dict[str, object]]:
    """Every complete line that holds a JSON object; stops at a torn last line."""
    if not path.exists():
        return
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.endswith("\n"):
                return  # torn by a crash mid-write
            try:
                data = json.loads(line)
            except ValueError:
                continue
            if isinstance(data, dict):
                yield data
