"""The claim rules' compiled patterns, remembered across runs in the user's cache folder.

Python compiles a regular expression in Python code (`re._parser`, `re._compiler`). The claim
rules' patterns, some 3,000 of them and 0.8 MB of source once the vocabulary's classes are
written out, cost about 1.6 s of CPU to compile for the first few hundred answers of an audit,
ten times what extracting those answers costs once they are compiled; and while a pattern
compiles the event loop stands still, so the first answers' measured latencies carry it.

What compiling yields is data: the engine's code (a list of integers) and the group tables,
from which `_sre.compile` makes the pattern at once. That data depends only on the pattern's
source and flags and on the engine (`_sre.MAGIC`, `_sre.CODESIZE`, the interpreter's exact
version), so it is kept in one file named by the engine and by the version of the rules, under
`$XDG_CACHE_HOME/readiness-auditor/patterns/`, and a later run builds each pattern from it; only
the three newest files are kept. The reader's modules compile their own module-level patterns
through it too (some 300 at every start).

The file is read lazily: an index of fixed-size rows (a digest of each pattern's source and
flags, where its record lies) is read whole, and each record, compressed on its own, is
decompressed only when its pattern is built. A file filled by a few audits holds some 4,000
patterns (14 MB of engine code): decompressing and parsing all of it at every start took 0.2 s
of CPU before the first question, though a start builds only a few hundred of them.

Beside the patterns the file keeps what the rules work out from their own sources at every
start and that only a change of the rules changes (`remembered`): each rule's variants
(`_rules`), where the dispatch files each variant (`_dispatch`), each pattern's prefilter
substrings (`_needles`); a tenth of a second of every start.

It only ever saves work: another interpreter, a file that cannot be read, of another layout, or
whose digest does not match, or code the engine refuses (`_sre` validates every code it is
given) are all the same as an empty cache, and the pattern is compiled as `re.compile` would.
`AUDITOR_NO_CACHE=1` ignores the file. What a run compiled or worked out is added to the file
when the process ends (read again and merged, written to a temporary name and renamed, so a
reader never sees half a file; of two runs ending at once, the later one's file stays).
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import importlib
import json
import marshal
import os
import re
import struct
import sys
import zlib
from array import array
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

from auditor._cache import cache_root
from auditor._claims._linebreaks import closing_at_line_ends

try:  # the engine's own modules, private to `re`: typed here as what they are, untyped
    _sre: Any = importlib.import_module("_sre")
    _compiler: Any = importlib.import_module("re._compiler")
    _parser: Any = importlib.import_module("re._parser")

    #: The array type whose items are the engine's code words (kept as bytes: a list of ints
    #: for every pattern would hold tens of megabytes).
    _WORD = next(t for t in "IL" if array(t).itemsize == _sre.CODESIZE)
    _ENGINE: str | None = (
        f"{sys.implementation.name}-{sys.hexversion:x}-{_sre.MAGIC}-{_sre.CODESIZE}"
    )
except (ImportError, AttributeError, StopIteration):  # pragma: no cover - another interpreter
    _ENGINE = None

#: (flags with the parser's, the engine's code as bytes, groups - 1, group index, index group)
_Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]

_FOLDER = "patterns"
#: The file's first bytes: a file of another layout (an older version's) is an empty cache.
_MAGIC = b"auditor-patterns-2\n"
_DIGEST = 32  # sha256 of everything after it, right after the magic
#: After the digest: the number of patterns, the length of the derived tables (compressed),
#: then one index row per pattern (its key, where its record starts after the derived
#: tables, the record's length), the derived tables, and the records, each compressed on its
#: own: a run reads the index whole (a few milliseconds) and a pattern's record only when it
#: builds that pattern, most of the file never.
_HEAD = struct.Struct("<QQ")
_ROW = struct.Struct("<16sQI")
#: A record, once decompressed: the length of its JSON header (source, flags, the compiled
#: flags, groups - 1, group index, index group), the header, then the engine's code.
_LENGTH = struct.Struct("<I")

_Key = tuple[str, int]
_Json = TypeVar("_Json")


class _File:
    """A pattern file as read: its index, its records still compressed, its derived tables."""

    __slots__ = ("_derived", "blob", "index", "records_at")

    def __init__(self, blob: bytes, index: dict[bytes, tuple[int, int]], records_at: int) -> None:
        self.blob = blob
        self.index = index
        self.records_at = records_at
        self._derived: dict[str, dict[str, Any]] | None = None

    @classmethod
    def read(cls, path: Path) -> _File | None:
        """The file at `path`, or None when it is missing, of another layout or damaged."""
        try:
            blob = path.read_bytes()
        except OSError:
            return None
        body = len(_MAGIC) + _DIGEST
        if not blob.startswith(_MAGIC) or len(blob) < body + _HEAD.size:
            return None
        if hashlib.sha256(memoryview(blob)[body:]).digest() != blob[len(_MAGIC) : body]:
            return None
        try:
            count, derived = _HEAD.unpack_from(blob, body)
            at = body + _HEAD.size
            rows = memoryview(blob)[at : at + count * _ROW.size]
            index = {key: (offset, length) for key, offset, length in _ROW.iter_unpack(rows)}
        except struct.error:
            return None
        found = cls(blob, index, at + count * _ROW.size + derived)
        found._derived = None if derived else {}
        return found

    def derived(self) -> dict[str, dict[str, Any]]:
        """The derived tables (`remembered`), decompressed on first use."""
        if self._derived is None:
            start = len(_MAGIC) + _DIGEST + _HEAD.size + len(self.index) * _ROW.size
            try:
                # marshal, not JSON (a fifth of the time): the tables are plain data this
                # program wrote for this very interpreter (the file's name holds its version),
                # and the digest checked above rules out a damaged file.
                tables = marshal.loads(zlib.decompress(self.blob[start : self.records_at]))  # noqa: S302
            except (ValueError, EOFError, TypeError, zlib.error):
                tables = {}
            self._derived = tables if isinstance(tables, dict) else {}
        return self._derived

    def raw(self, key: bytes) -> bytes | None:
        """The compressed record filed under `key`."""
        found = self.index.get(key)
        if found is None:
            return None
        start = self.records_at + found[0]
        return self.blob[start : start + found[1]]

    def entry(self, key: _Key) -> _Entry | None:
        """The remembered compilation of `key`, or None (not there, or unreadable)."""
        raw = self.raw(_digest(key))
        return None if raw is None else _decode(raw, key)

    def entries(self) -> dict[_Key, _Entry]:
        """Every readable record (to merge a run's additions into, and for tests)."""
        found: dict[_Key, _Entry] = {}
        for key in self.index:
            raw = self.raw(key)
            decoded = None if raw is None else _decode_any(raw)
            if decoded is not None:
                found[decoded[0]] = decoded[1]
        return found


def _digest(key: _Key) -> bytes:
    return hashlib.blake2b(f"{key[1]}\0{key[0]}".encode(), digest_size=16).digest()


def _encode(key: _Key, entry: _Entry) -> bytes:
    compiled, code, groups, index, names = entry
    header = json.dumps(
        [key[0], key[1], compiled, groups, index, list(names)],
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode()
    return zlib.compress(_LENGTH.pack(len(header)) + header + code, 1)


def _decode_any(raw: bytes) -> tuple[_Key, _Entry] | None:
    try:
        record = zlib.decompress(raw)
        (size,) = _LENGTH.unpack_from(record)
        header = json.loads(record[_LENGTH.size : _LENGTH.size + size])
        source, flags, compiled, groups, index, names = header
        code = record[_LENGTH.size + size :]
        entry: _Entry = (compiled, code, groups, dict(index), tuple(names))
        return (source, flags), entry
    except (ValueError, TypeError, zlib.error, struct.error):
        return None


def _decode(raw: bytes, key: _Key) -> _Entry | None:
    decoded = _decode_any(raw)
    if decoded is None or decoded[0] != key:  # a digest that collided: not this pattern
        return None
    return decoded[1]


#: The file this run reads (False: not read yet; None: none, or unreadable).
_file: _File | bool | None = False
#: Whether this run has a pattern file to read and write (known once `_file` is read).
_caching = False
#: Patterns compiled in this run, to be added to the file.
_added: dict[_Key, _Entry] = {}
#: Derived values worked out in this run (`remembered`), to be added to the file.
_derived_added: dict[str, dict[str, Any]] = {}
#: Every pattern built in this process, so that asking again costs a look-up, as `re`'s own
#: cache makes it (which holds only 512).
_built: dict[_Key, re.Pattern[str]] = {}
_registered = False


#: How many pattern files are kept: the newest, for the rules of the last few installs (a file
#: holds one version of the rules; without pruning, every upgrade would leave its patterns).
_KEEP = 3


@functools.cache
def _rules_stamp() -> str:
    """What tells one version of the rules from another: the name, size and modification time
    of every module of this package (a stat each, no read). New rules get a file of their own,
    so no file gathers the patterns of every version it ever met."""
    stamp = hashlib.sha256()
    for module in sorted(Path(__file__).parent.glob("*.py")):
        try:
            status = module.stat()
        except OSError:
            continue
        stamp.update(f"{module.name}:{status.st_size}:{status.st_mtime_ns}\n".encode())
    return stamp.hexdigest()[:12]


def patterns_file() -> Path | None:
    """The file of this engine's compiled patterns of these rules, or None when there is none."""
    root = cache_root()
    if root is None or _ENGINE is None:
        return None
    engine = hashlib.sha256(_ENGINE.encode()).hexdigest()[:20]
    return root / _FOLDER / f"{engine}-{_rules_stamp()}.bin"


def _prune(folder: Path) -> None:
    """Remove all but the `_KEEP` newest pattern files (the one just written is the newest)."""
    try:
        files = sorted(folder.glob("*.bin"), key=lambda f: f.stat().st_mtime_ns, reverse=True)
        for stale in files[_KEEP:]:
            stale.unlink(missing_ok=True)
    except OSError:
        return


def _open() -> _File | None:
    """This run's pattern file, read on first use."""
    global _file, _caching
    if _file is False:
        path = patterns_file()
        _caching = path is not None
        _file = None if path is None else _File.read(path)
    return _file if isinstance(_file, _File) else None


def _write(
    path: Path,
    known: dict[_Key, _Entry],
    derived: dict[str, dict[str, Any]] | None = None,
    raw: dict[bytes, bytes] | None = None,
) -> None:
    """Write `known` (and the compressed records `raw`, by key digest) and `derived` to `path`,
    whole, under a temporary name renamed into place: a reader never sees half a file."""
    records = dict(raw or {})
    for key, entry in known.items():
        records[_digest(key)] = _encode(key, entry)
    tables = zlib.compress(marshal.dumps(derived or {}), 1)
    rows = []
    offset = 0
    for digest, record in records.items():
        rows.append(_ROW.pack(digest, offset, len(record)))
        offset += len(record)
    body = b"".join([_HEAD.pack(len(records), len(tables)), *rows, tables, *records.values()])
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    partial.write_bytes(_MAGIC + hashlib.sha256(body).digest() + body)
    partial.replace(path)


def _build(source: str, entry: _Entry) -> re.Pattern[str] | None:
    flags, code, groups, groupindex, indexgroup = entry
    try:
        words = array(_WORD, code).tolist()
        pattern: re.Pattern[str] = _sre.compile(
            source, flags, words, groups, groupindex, indexgroup
        )
    except (TypeError, ValueError, RuntimeError, OverflowError):
        return None
    return pattern


def compile_pattern(source: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)`, from the remembered code when this engine compiled it before.

    Every pattern is compiled with a line break closing a clause where a closing mark does
    (`_linebreaks`)."""
    source = closing_at_line_ends(source)
    if _ENGINE is None:
        return re.compile(source, flags)
    key = (source, flags)
    known = _built.get(key)
    if known is not None:
        return known
    remembered_file = _open()
    entry = None if remembered_file is None else remembered_file.entry(key)
    if entry is not None:
        pattern = _build(source, entry)
        if pattern is not None:
            _built[key] = pattern
            return pattern
    parsed = _parser.parse(source, flags)
    code = array(_WORD, _compiler._code(parsed, flags)).tobytes()
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    groups = parsed.state.groups - 1
    entry = (flags | parsed.state.flags, code, groups, groupindex, tuple(indexgroup))
    built = _build(source, entry)
    if built is None:  # pragma: no cover - the engine refused what its own compiler made
        return re.compile(source, flags)
    _on_exit()
    _added[key] = entry
    _built[key] = built
    return built


def remembered(table: str, key: str, work: Callable[[], _Json]) -> _Json:
    """`work()`, remembered in the pattern file under `table` and `key`, for what the rules
    work out from their own sources at every start and that only they change (a rule's
    variants, where the dispatch files a pattern, a pattern's prefilter substrings).

    `work` must be a pure function of `key` (and of the rules' code, which names the file)
    and return JSON: lists, strings, numbers, booleans, None. What comes back from the file
    is that JSON (a list where `work` gave a tuple).
    """
    found = _open()
    if not _caching:
        return work()
    tables = {} if found is None else found.derived()
    values = tables.get(table)
    if isinstance(values, dict) and key in values:
        return cast(_Json, values[key])
    value = work()
    _derived_added.setdefault(table, {})[key] = value
    _on_exit()
    return value


def _on_exit() -> None:
    global _registered
    if not _registered:
        atexit.register(save)
        _registered = True


def save() -> None:
    """Add the patterns compiled and the values worked out in this process to the file, merged
    with what it holds now (another run may have written it since this one read it)."""
    path = patterns_file()
    if path is None or not (_added or _derived_added):
        return
    current = _File.read(path)
    raw: dict[bytes, bytes] = {}
    tables: dict[str, dict[str, Any]] = {}
    if current is not None:
        raw = {key: record for key in current.index if (record := current.raw(key)) is not None}
        tables = {name: dict(values) for name, values in current.derived().items()}
    for name, values in _derived_added.items():
        tables.setdefault(name, {}).update(values)
    try:
        _write(path, dict(_added), tables, raw)
    except (OSError, ValueError):
        return
    _added.clear()
    _derived_added.clear()
    _prune(path.parent)
