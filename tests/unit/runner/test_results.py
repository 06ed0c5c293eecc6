"""The results file after a crash: a torn tail is cut without reading the whole file, and a
resumed audit asks again exactly the probes without a result or cut by the deadline."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditor._events import EventBus, ProbeFinished, results_writer
from auditor._probes import Probe
from auditor._results import (
    DEADLINE_REASON,
    RESULTS_FILE,
    ProbeResult,
    ResultsDamaged,
    ResultsStore,
    finished_ids,
    read_results,
)
from auditor._verdict import Verdict

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)


def result(n: int, verdict: Verdict = Verdict.PASS, reason: str = "says in_stock") -> ProbeResult:
    probe = Probe(
        kind="stock.availability",
        subject=f"KT-{n:04d}",
        fact_kind="stock",
        turns=(f"Is KT-{n:04d} in stock?",),
    )
    return ProbeResult(
        probe=probe.to_json(),
        verdict=verdict,
        reason=reason,
        answer="a",
        started_at=NOW,
        finished_at=NOW,
    )


def test_the_writer_handler_appends_each_finished_probe_at_once(tmp_path):
    with ResultsStore(tmp_path) as store:
        bus = EventBus(results_writer(store))
        bus.emit(ProbeFinished(result(1)))
        # Flushed already: another reader sees it while the store is still open.
        assert [r.probe_id for r in read_results(tmp_path)] == [result(1).probe_id]


def test_deadline_cuts_are_not_finished_but_other_errors_are(tmp_path):
    with ResultsStore(tmp_path) as store:
        store.append(result(1))
        store.append(result(2, Verdict.ERROR, "HTTP 503 after 3 attempts: ''"))
        store.append(result(3, Verdict.ERROR, DEADLINE_REASON))
    assert finished_ids(tmp_path) == {result(1).probe_id, result(2).probe_id}


@given(tail=st.binary(min_size=1, max_size=300).filter(lambda b: b"\n" not in b))
def test_a_torn_tail_is_cut_and_the_next_line_starts_clean(tmp_path_factory, tail):
    folder = tmp_path_factory.mktemp("results")
    with ResultsStore(folder) as store:
        store.append(result(1))
    path = folder / RESULTS_FILE
    path.write_bytes(path.read_bytes() + tail)
    with ResultsStore(folder) as store:
        store.append(result(2))
    assert [r.probe["subject"] for r in read_results(folder)] == ["KT-0001", "KT-0002"]
    assert path.read_bytes().count(b"\n") == 2


def test_the_tail_of_a_large_file_is_repaired_without_reading_it_whole(tmp_path):
    path = tmp_path / RESULTS_FILE
    line = result(1).model_dump_json().encode() + b"\n"
    path.write_bytes(line * 3000 + b'{"entry_type": "pro')  # ~2 MB: past the tail window
    with ResultsStore(tmp_path):
        pass
    assert path.stat().st_size == len(line) * 3000


def test_a_tail_without_any_line_break_in_reach_is_damage_not_guesswork(tmp_path):
    (tmp_path / RESULTS_FILE).write_bytes(b"\n" + b"x" * (2 << 20))
    with pytest.raises(ResultsDamaged), ResultsStore(tmp_path):
        pass
