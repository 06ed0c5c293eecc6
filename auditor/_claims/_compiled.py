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
`$XDG_CACHE_HOME/readiness-auditor/patterns/` (about 1.5 MB, read in about 0.07 s), and a later
run builds each pattern from it; only the three newest files are kept. The reader's modules
compile their own module-level patterns through it too (some 200, about 0.18 s of every start).

It only ever saves work: another interpreter, a file that cannot be read, a payload whose
digest does not match, or code the engine refuses (`_sre` validates every code it is given)
are all the same as an empty cache, and the pattern is compiled as `re.compile` would.
`AUDITOR_NO_CACHE=1` ignores the file. Patterns compiled in a run are added to the file when
the process ends (read again and merged, written to a temporary name and renamed, so a reader
never sees half a file; of two runs ending at once, the later one's file stays).
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import importlib
import json
import os
import re
import struct
import sys
import zlib
from array import array
from pathlib import Path
from typing import Any

from auditor._cache import cache_root

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
_DIGEST = 32  # sha256 of the payload, first in the file
#: The payload, compressed: the length of a JSON table (a row per pattern: source, flags, the
#: compiled flags, groups - 1, group index, index group, the code's length in bytes), the
#: table, then every pattern's code back to back in the table's order.
_LENGTH = struct.Struct("<Q")

_known: dict[tuple[str, int], _Entry] | None = None
_added: dict[tuple[str, int], _Entry] = {}
#: Every pattern built in this process, so that asking again costs a look-up, as `re`'s own
#: cache makes it (which holds only 512).
_built: dict[tuple[str, int], re.Pattern[str]] = {}
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


def _read(path: Path) -> dict[tuple[str, int], _Entry]:
    try:
        blob = path.read_bytes()
        if len(blob) <= _DIGEST or hashlib.sha256(blob[_DIGEST:]).digest() != blob[:_DIGEST]:
            return {}
        payload = zlib.decompress(blob[_DIGEST:])
        (size,) = _LENGTH.unpack_from(payload)
        table = json.loads(payload[_LENGTH.size : _LENGTH.size + size])
        at = _LENGTH.size + size
        known: dict[tuple[str, int], _Entry] = {}
        for source, flags, compiled_flags, groups, groupindex, indexgroup, length in table:
            code = payload[at : at + length]
            at += length
            known[(source, flags)] = (
                compiled_flags,
                code,
                groups,
                dict(groupindex),
                tuple(indexgroup),
            )
    except (OSError, ValueError, TypeError, zlib.error, struct.error):
        return {}
    return known


def _write(path: Path, known: dict[tuple[str, int], _Entry]) -> None:
    table = [
        [source, flags, compiled, groups, index, names, len(code)]
        for (source, flags), (compiled, code, groups, index, names) in known.items()
    ]
    encoded = json.dumps(table, ensure_ascii=False, separators=(",", ":")).encode()
    codes = b"".join(code for _, code, _, _, _ in known.values())
    payload = zlib.compress(_LENGTH.pack(len(encoded)) + encoded + codes, 1)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    partial.write_bytes(hashlib.sha256(payload).digest() + payload)
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
    """`re.compile(source, flags)`, from the remembered code when this engine compiled it before."""
    global _known, _registered
    if _ENGINE is None:
        return re.compile(source, flags)
    key = (source, flags)
    known = _built.get(key)
    if known is not None:
        return known
    if _known is None:
        path = patterns_file()
        _known = {} if path is None else _read(path)
    entry = _known.pop(key, None)  # built once per process (`_built` keeps it)
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
    if not _registered:
        atexit.register(save)
        _registered = True
    _added[key] = entry
    _built[key] = built
    return built


def save() -> None:
    """Add the patterns compiled in this process to the file (merged with what it holds now)."""
    path = patterns_file()
    if path is None or not _added:
        return
    known = _read(path)
    known.update(_added)
    try:
        _write(path, known)
    except (OSError, ValueError):
        return
    _added.clear()
    _prune(path.parent)
