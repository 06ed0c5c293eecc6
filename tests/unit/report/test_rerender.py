"""A stored audit renders to the same bytes however often and however late it is re-rendered.

`auditor report DIR` reads the stored results alone: the end of the run is stored with them
(meta.json), never taken from the clock at rendering time.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from auditor._audit import finish
from auditor._probes import Probe
from auditor._report._write import RENDERERS
from auditor._results import ProbeResult, ResultsStore
from auditor._store import META_FILE, read_meta, write_json, write_plan
from tests.unit.report.conftest import NOW, meta, mixed_results


def _audit_dir(path: Path, results: Sequence[ProbeResult]) -> Path:
    path.mkdir(parents=True)
    write_json(path / META_FILE, {**meta(run_id=path.name, planned=len(results)), "gate": {}})
    write_plan(path, [Probe.from_json(r.probe) for r in results])
    with ResultsStore(path) as store:
        for r in results:
            store.append(r)
    return path


def _rendered(directory: Path) -> dict[str, bytes]:
    return {name: (directory / name).read_bytes() for name in RENDERERS}


def test_rendering_a_finished_run_again_changes_no_byte(tmp_path):
    directory = _audit_dir(tmp_path / "run", mixed_results())
    ended = NOW + timedelta(seconds=3.7)
    first = finish(directory, "complete", env={}, finished_at=ended)  # as the run ends
    written = _rendered(directory)
    again = finish(directory, env={})  # as `auditor report DIR` does, later
    assert _rendered(directory) == written
    assert again.finished_at == first.finished_at == ended
    assert b'time="3.700"' in written["junit.xml"]
    assert read_meta(directory)["finished_at"] == ended.isoformat()


def test_a_run_that_stored_no_end_renders_the_same_each_time(tmp_path):
    # Killed before its end was recorded: the end is the last result's, not "now".
    results = mixed_results()
    directory = _audit_dir(tmp_path / "killed", results)
    audit = finish(directory, env={})
    written = _rendered(directory)
    finish(directory, env={})
    assert _rendered(directory) == written
    assert audit.finished_at == max(r.finished_at for r in results)
    assert audit.finished_at < datetime.now(UTC)
