"""Results survive crashes: appended line by line, a torn tail is ignored and repaired."""

from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from auditor._probes import Probe
from auditor._results import ProbeResult, ResultsStore, read_results
from auditor._verdict import Verdict

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)


def result(n: int, verdict: Verdict = Verdict.PASS) -> ProbeResult:
    probe = Probe(
        kind="stock.availability",
        subject=f"KT-{n:04d}",
        fact_kind="stock",
        turns=(f"Is KT-{n:04d} in stock?",),
    )
    return ProbeResult(
        probe=probe.to_json(),
        verdict=verdict,
        reason="r",
        answer="a",
        started_at=NOW,
        finished_at=NOW,
    )


def test_results_round_trip(tmp_path):
    with ResultsStore(tmp_path) as store:
        for n in range(5):
            store.append(result(n))
    assert [r.probe["subject"] for r in read_results(tmp_path)] == [f"KT-{n:04d}" for n in range(5)]


def test_torn_last_line_is_ignored_and_repaired_on_reopen(tmp_path):
    with ResultsStore(tmp_path) as store:
        store.append(result(1))
        store.append(result(2))
    path = tmp_path / "results.jsonl"
    path.write_bytes(path.read_bytes() + b'{"entry_type": "probe", "probe": {"id": "x')
    assert len(read_results(tmp_path)) == 2
    with ResultsStore(tmp_path) as store:
        store.append(result(3))
    assert sorted(r.probe["subject"] for r in read_results(tmp_path)) == [
        "KT-0001",
        "KT-0002",
        "KT-0003",
    ]


def test_a_later_line_for_the_same_probe_wins(tmp_path):
    with ResultsStore(tmp_path) as store:
        store.append(result(1, Verdict.ERROR))
        store.append(result(1, Verdict.PASS))
    (only,) = read_results(tmp_path)
    assert only.verdict is Verdict.PASS


@given(st.text(max_size=200), st.lists(st.text(max_size=40), max_size=3))
def test_probe_json_round_trip(subject, turns):
    probe = Probe(
        kind="k",
        subject=subject,
        fact_kind="stock",
        turns=tuple(turns),
        params=(("owner", "C-001"),),
    )
    again = Probe.from_json(probe.to_json())
    assert again == probe and again.id == probe.id
