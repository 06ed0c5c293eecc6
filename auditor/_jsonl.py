"""JSON Lines written a record at a time and read back despite a crash mid-write.

Shared by the results store and the lag records: each line is flushed as soon as it is
written, and a torn last line (a run killed mid-write) is never read.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType
from typing import IO, Literal, Self

from pydantic import BaseModel


class JsonlWriter:
    """Writes pydantic records to `path`, one flushed line each; `mode="a"` appends."""

    def __init__(
        self,
        path: Path,
        *,
        mode: Literal["a", "w"] = "a",
        redact: Callable[[str], str] | None = None,
    ) -> None:
        self.path = path
        self._mode = mode
        self._file: IO[bytes] | None = None
        #: Applied to each serialised line: the audit's secrets never reach the file.
        self._redact = redact

    def __enter__(self) -> Self:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Unbuffered bytes: each line is one write(2), straight from pydantic's serialiser.
        self._file = self.path.open(self._mode + "b", buffering=0)
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
        data = record.__pydantic_serializer__.to_json(record)
        if self._redact is not None:
            data = self._redact(data.decode("utf-8", "surrogatepass")).encode(
                "utf-8", "surrogatepass"
            )
        line = memoryview(data + b"\n")
        while line:  # one write(2) each time; a short one (a signal, a full disk) goes on
            line = line[self._file.write(line) :]


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
