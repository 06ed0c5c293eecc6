"""The history database: one SQLite file recording every audit, for trends, diffs and rotation.

Per audit it keeps what outlives the audit directory (which CI runners and cron jobs may not
keep): identity, readiness, headline metrics, findings, and which subjects were probed (the
production profile's rotation reads those back). Recording the same run again (a resumed
audit) replaces its rows. Several processes may share the file: SQLite's own locking, with a
generous busy timeout, serialises the writers.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from auditor._report import Audit, BaselineSummary, TrendPoint
from auditor._report._baseline import headline
from auditor._verdict import Verdict

SCHEMA_VERSION = 1
_BUSY_TIMEOUT_S = 30.0
_SCHEMA = """
CREATE TABLE IF NOT EXISTS audits (
    run_id TEXT PRIMARY KEY,
    directory TEXT NOT NULL,
    name TEXT NOT NULL,
    profile TEXT NOT NULL,
    config_digest TEXT NOT NULL,
    seed INTEGER NOT NULL,
    status TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    ready INTEGER NOT NULL,
    reasons TEXT NOT NULL,
    probes INTEGER NOT NULL,
    planned INTEGER NOT NULL,
    metrics TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audits_by_name ON audits (name, profile, started_at);
CREATE TABLE IF NOT EXISTS findings (
    run_id TEXT NOT NULL REFERENCES audits (run_id) ON DELETE CASCADE,
    finding_id TEXT NOT NULL,
    verdict TEXT NOT NULL,
    kind TEXT NOT NULL,
    edge_class TEXT,
    pattern TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (run_id, finding_id)
);
CREATE TABLE IF NOT EXISTS subjects (
    run_id TEXT NOT NULL REFERENCES audits (run_id) ON DELETE CASCADE,
    fact_kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    PRIMARY KEY (run_id, fact_kind, subject)
);
"""
_SELECT = (
    "SELECT run_id, directory, name, profile, config_digest, seed, status, started_at, "
    "finished_at, ready, reasons, probes, planned, metrics FROM audits "
)
_INSERT = (
    "INSERT INTO audits (run_id, directory, name, profile, config_digest, seed, status, "
    "started_at, finished_at, ready, reasons, probes, planned, metrics) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_FORGET = (
    "DELETE FROM findings WHERE run_id = ?",
    "DELETE FROM subjects WHERE run_id = ?",
    "DELETE FROM audits WHERE run_id = ?",
)
#: Newest first, optionally of one name and profile, leaving one run out.
_ENTRIES = _SELECT + (
    "WHERE (:name IS NULL OR name = :name) AND (:profile IS NULL OR profile = :profile) "
    "AND (:exclude IS NULL OR run_id != :exclude) "
    "ORDER BY started_at DESC, run_id DESC LIMIT :limit"
)

_RUN_IDS = (
    "SELECT run_id FROM audits WHERE name = :name AND profile = :profile "
    "AND (:exclude IS NULL OR run_id != :exclude) "
    "ORDER BY started_at DESC, run_id DESC LIMIT :limit"
)
_SUBJECTS = (
    "SELECT run_id, fact_kind, subject FROM subjects WHERE run_id IN ("
    "SELECT run_id FROM audits WHERE name = :name AND profile = :profile "
    "AND (:exclude IS NULL OR run_id != :exclude) "
    "ORDER BY started_at DESC, run_id DESC LIMIT :limit)"
)


class HistoryError(Exception):
    """The history database cannot be opened, read or written."""


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    run_id: str
    directory: str
    name: str
    profile: str
    config_digest: str
    seed: int
    status: str
    started_at: datetime
    finished_at: datetime
    ready: bool
    reasons: tuple[str, ...]
    probes: int
    planned: int
    #: The headline metrics, as a baseline comparison names them.
    metrics: dict[str, float | None]
    finding_ids: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "directory": self.directory,
            "name": self.name,
            "profile": self.profile,
            "config_digest": self.config_digest,
            "seed": self.seed,
            "status": self.status,
            "started_at": self.started_at.isoformat(),
            "finished_at": self.finished_at.isoformat(),
            "ready": self.ready,
            "reasons": list(self.reasons),
            "probes": self.probes,
            "planned": self.planned,
            "metrics": self.metrics,
            "findings": list(self.finding_ids),
        }

    def trend_point(self) -> TrendPoint:
        return TrendPoint(
            run_id=self.run_id,
            finished_at=self.finished_at,
            ready=self.ready,
            metrics=self.metrics,
        )


def _stamp(moment: datetime) -> str:
    """UTC, one format: stored times sort as text."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def probed_subjects(audit: Audit) -> set[tuple[str, str]]:
    """(fact kind, subject) of every probe that got an answer judged (errors are asked again)."""
    return {
        (str(r.probe.get("fact_kind", "")), str(r.probe.get("subject", "")))
        for r in audit.results
        if r.verdict is not Verdict.ERROR
    }


class HistoryDB:
    """One open database; use `open_history` (read-write) or `read_history` (read-only)."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self.path = path

    def record(self, audit: Audit, directory: Path) -> None:
        """Store one audit (again: a re-recorded run replaces its rows)."""
        row = (
            audit.run_id,
            str(directory.resolve()),
            audit.name,
            audit.profile,
            audit.config_digest,
            audit.seed,
            audit.status,
            _stamp(audit.started_at),
            _stamp(audit.finished_at),
            int(audit.readiness.ready),
            json.dumps(audit.readiness.reasons),
            audit.metrics.probes,
            audit.planned,
            json.dumps(headline(audit.metrics.model_dump(mode="json"))),
        )
        findings = [
            (audit.run_id, f.id, f.verdict, f.kind, f.edge_class, f.pattern, f.count)
            for f in audit.findings
        ]
        subjects = [(audit.run_id, k, s) for k, s in sorted(probed_subjects(audit))]
        with self._write():
            for statement in _FORGET:
                self._db.execute(statement, (audit.run_id,))
            self._db.execute(_INSERT, row)
            self._db.executemany("INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?)", findings)
            self._db.executemany("INSERT INTO subjects VALUES (?, ?, ?)", subjects)

    @contextmanager
    def _write(self) -> Iterator[None]:
        try:
            with self._db:
                yield
        except sqlite3.Error as error:
            raise HistoryError(f"{self.path}: cannot record the audit: {error}") from None

    def _query(
        self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()
    ) -> list[tuple[Any, ...]]:
        try:
            return self._db.execute(sql, params).fetchall()
        except sqlite3.Error as error:
            raise HistoryError(f"{self.path}: cannot read: {error}") from None

    def entries(
        self,
        *,
        name: str | None = None,
        profile: str | None = None,
        limit: int = 20,
        exclude: str | None = None,
    ) -> list[HistoryEntry]:
        """Newest first; `exclude` leaves one run out (the audit being recorded)."""
        rows = self._query(
            _ENTRIES, {"name": name, "profile": profile, "exclude": exclude, "limit": limit}
        )
        return [self._entry(row) for row in rows]

    def entry(self, run_id: str) -> HistoryEntry | None:
        rows = self._query(_SELECT + "WHERE run_id = ?", (run_id,))
        return self._entry(rows[0]) if rows else None

    def _entry(self, row: tuple[Any, ...]) -> HistoryEntry:
        findings = self._query(
            "SELECT finding_id FROM findings WHERE run_id = ? ORDER BY finding_id", (row[0],)
        )
        return HistoryEntry(
            run_id=row[0],
            directory=row[1],
            name=row[2],
            profile=row[3],
            config_digest=row[4],
            seed=row[5],
            status=row[6],
            started_at=datetime.fromisoformat(row[7]),
            finished_at=datetime.fromisoformat(row[8]),
            ready=bool(row[9]),
            reasons=tuple(json.loads(row[10])),
            probes=row[11],
            planned=row[12],
            metrics=json.loads(row[13]),
            finding_ids=tuple(f[0] for f in findings),
        )

    def summary(self, run_id: str) -> BaselineSummary | None:
        """One recorded audit as a comparison needs it (`auditor diff` by run id)."""
        entry = self.entry(run_id)
        if entry is None:
            return None
        rows = self._query(
            "SELECT finding_id, verdict, kind, edge_class, pattern, count FROM findings "
            "WHERE run_id = ? ORDER BY finding_id",
            (run_id,),
        )
        keys = ("id", "verdict", "kind", "edge_class", "pattern", "count")
        return BaselineSummary.model_validate(
            {
                "source": f"history:{run_id}",
                "run_id": run_id,
                "name": entry.name,
                "finished_at": entry.finished_at,
                "headline": entry.metrics,
                "findings": [dict(zip(keys, row, strict=True)) for row in rows],
            }
        )

    def probed(
        self, *, name: str, profile: str, limit: int = 1000, exclude: str | None = None
    ) -> list[dict[str, frozenset[str]]]:
        """Per earlier audit (newest first), the subjects it probed, by fact kind."""
        runs = [
            row[0]
            for row in self._query(
                _RUN_IDS, {"name": name, "profile": profile, "exclude": exclude, "limit": limit}
            )
        ]
        kinds: dict[str, dict[str, set[str]]] = {run: {} for run in runs}
        for run, kind, subject in self._query(
            _SUBJECTS, {"name": name, "profile": profile, "exclude": exclude, "limit": limit}
        ):
            kinds[run].setdefault(kind, set()).add(subject)
        return [{k: frozenset(v) for k, v in kinds[run].items()} for run in runs]

    def trend(
        self, *, name: str, profile: str, limit: int, exclude: str | None = None
    ) -> list[TrendPoint]:
        """The last `limit` audits of this name and profile, oldest first."""
        runs = self.entries(name=name, profile=profile, limit=limit, exclude=exclude)
        return [e.trend_point() for e in reversed(runs)]


def _connect(target: str, *, uri: bool, path: Path) -> sqlite3.Connection:
    try:
        connection = sqlite3.connect(target, timeout=_BUSY_TIMEOUT_S, uri=uri)
    except sqlite3.Error as error:
        raise HistoryError(f"{path}: cannot open the history database: {error}") from None
    return connection


def _prepare(connection: sqlite3.Connection, path: Path) -> None:
    try:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise HistoryError(f"{path} was written by a newer auditor (schema {version})")
        with connection:
            connection.execute("PRAGMA foreign_keys = ON")
            connection.executescript(_SCHEMA)
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except sqlite3.DatabaseError as error:
        raise HistoryError(f"{path} is not a history database: {error}") from None


@contextmanager
def open_history(path: Path) -> Iterator[HistoryDB]:
    """Open (creating it and its folder when new) the database at `path` for recording."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise HistoryError(f"{path}: cannot create its folder: {error}") from None
    with closing(_connect(str(path), uri=False, path=path)) as connection:
        _prepare(connection, path)
        yield HistoryDB(connection, path)


@contextmanager
def read_history(path: Path) -> Iterator[HistoryDB]:
    """Open an existing database read-only; a missing file is a HistoryError."""
    if not path.is_file():
        raise HistoryError(f"no history database at {path}")
    target = path.resolve().as_uri() + "?mode=ro"
    with closing(_connect(target, uri=True, path=path)) as connection:
        try:
            version = connection.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as error:
            raise HistoryError(f"{path} is not a history database: {error}") from None
        if version != SCHEMA_VERSION:
            raise HistoryError(f"{path} is not a history database this auditor can read")
        yield HistoryDB(connection, path)
