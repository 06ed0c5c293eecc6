"""Reports read the results as a stream, in one pass, and list a bounded sample of probes.

The equivalence test renders a real reference audit's stored results (frozen in
`fixtures/reports/reference-audit`, with the reports the code rendered from them before
streaming) and compares bytes. Memory is checked structurally: the builder reads a sequence
that refuses `len()`, indexing and a second pass; the tallies take one-shot generators.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import shutil
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from auditor._audit import finish
from auditor._config import GateSection
from auditor._report import build_audit, compute_metrics, group_findings
from auditor._report._baseline import read_baseline
from auditor._report._build import AuditTally
from auditor._report._html import render_html
from auditor._report._junit import render_junit
from auditor._report._markdown import render_markdown
from auditor._report._sample import BoundedSample
from auditor._report._write import audit_json, write_audit_json
from auditor._results import RESULTS_FILE, ProbeResult, ResultsStore, StoredResults
from auditor._store import META_FILE, write_json
from auditor._verdict import Verdict
from tests.unit.report.conftest import NOW, meta, mixed_results, result

FIXTURE = Path(__file__).parents[3] / "fixtures" / "reports" / "reference-audit"
SCHEMA_FILE = Path(__file__).parents[3] / "schemas" / "audit.schema.json"
REPORTS = ("audit.json", "summary.md", "junit.xml", "report.html")
#: Frozen: the reference audit and the reports rendered from it before streaming.
FROZEN = {
    "README.md": "58d528f3928bedeee6bd666cf06c227d0123cf33f9d422b5419ac0f7cb49e697",
    "contract_findings.json": "37517e5f3dc66819f61f5a7bb8ace1921282415f10551d2defa5c3eb0985b570",
    "expected/audit.json.gz": "d2ada41e73c232a436ad63566dbfe4aabbd8e1e707ba6c1062d694a5fa5e331c",
    "expected/junit.xml.gz": "533b52d07cceddfb0e071842eb6517a0798bd5afb95393de84f315bd3e164843",
    "expected/report.html.gz": "7e24e20e5d3f746664e25c5398174ac67e3f33e61029c501112db52599212d35",
    "expected/summary.md.gz": "14330f131057aa1170bde74e6dba4fb4f596c19cb37c5b6744681c36787817fd",
    "meta.json": "402144029246ed7332a181608ed3535ac38b7d9c3c0de81d4e02cd5213425a8b",
    "results.jsonl.gz": "bdd6bebcb7017a906915ab6802d0bd177a1d611fdfc6ee02a04b5d6618828c73",
    "tap.jsonl.gz": "6283227215a0e5e29d3f20e66d322fb975031e9a25131ffc81d2ad67a6fe7906",
    "trend.json": "37517e5f3dc66819f61f5a7bb8ace1921282415f10551d2defa5c3eb0985b570",
}


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _unpack(into: Path, sample: int | None = None) -> Path:
    into.mkdir(parents=True)
    for name in ("meta.json", "contract_findings.json", "trend.json"):
        shutil.copyfile(FIXTURE / name, into / name)
    for name in ("results.jsonl", "tap.jsonl"):
        (into / name).write_bytes(gzip.decompress((FIXTURE / f"{name}.gz").read_bytes()))
    if sample is not None:
        data = json.loads((into / META_FILE).read_text(encoding="utf-8"))
        data["config"]["audit"]["report_sample"] = sample
        write_json(into / META_FILE, data)
    return into


def _expected(name: str) -> bytes:
    return gzip.decompress((FIXTURE / "expected" / f"{name}.gz").read_bytes())


def test_the_reference_audit_is_frozen():
    files = sorted(p for p in FIXTURE.rglob("*") if p.is_file())
    assert {str(p.relative_to(FIXTURE)): _sha(p) for p in files} == FROZEN


def test_streamed_reports_are_the_bytes_rendered_before_streaming(tmp_path):
    directory = _unpack(tmp_path / "run")
    audit = finish(directory, env={})  # as `auditor report DIR` renders it
    assert isinstance(audit.results, StoredResults)  # read lazily, never held
    for name in REPORTS:
        assert (directory / name).read_bytes() == _expected(name), name
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    data = json.loads((directory / "audit.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    assert len(data["results"]) == audit.metrics.probes == 300


def test_a_cut_reference_report_holds_the_same_numbers(tmp_path):
    directory = _unpack(tmp_path / "run", sample=40)
    finish(directory, env={})
    assert (directory / "audit.json").read_bytes() == _expected("audit.json")
    html = (directory / "report.html").read_text(encoding="utf-8")
    before = _expected("report.html").decode()
    assert "showing 40 of 300 probes (failures first)" in html
    assert len(re.findall(r"<tr data-verdict=", html)) == 40
    # Everything above the probe table (verdict, cards, charts, findings) is unchanged.
    head = html.index('<section id="probe-table">')
    assert html[:head] == before[: before.index('<section id="probe-table">')]


def _synthetic(directory: Path, count: int, sample: int) -> Path:
    """`count` results written as the runner writes them, over two probe kinds: one failure
    (`stock.quantity`) and one unread answer (`stock.availability`) in every ten."""
    directory.mkdir(parents=True)
    config = {"audit": {"report_sample": sample}}
    write_json(
        directory / META_FILE, {**meta(run_id="big", planned=count), "gate": {}, "config": config}
    )
    base = {
        Verdict.PASS: result(0),
        Verdict.FAIL: result(0, verdict=Verdict.FAIL, truth="out_of_stock"),
        Verdict.UNREAD: result(0, verdict=Verdict.UNREAD, said=None, answer="Hmm, let me see."),
    }
    template = {v: r.model_dump(mode="json") for v, r in base.items()}
    with (directory / RESULTS_FILE).open("w", encoding="utf-8") as out:
        for n in range(count):
            verdict = (Verdict.FAIL, Verdict.UNREAD, *[Verdict.PASS] * 8)[n % 10]
            line = dict(template[verdict])
            kind = "stock.availability" if n % 2 else "stock.quantity"
            line["probe"] = {**line["probe"], "id": f"p{n:06d}", "kind": kind}
            line["probe"]["subject"] = f"KT-{n % 997:04d}"
            line["started_at"] = (NOW + timedelta(milliseconds=n)).isoformat()
            out.write(json.dumps(line) + "\n")
    return directory


@pytest.mark.slow
def test_views_of_a_large_audit_are_bounded_and_say_so(tmp_path):
    directory = _synthetic(tmp_path / "big", 4_000, sample=100)
    audit = finish(directory, "complete", env={}, finished_at=NOW + timedelta(hours=1))
    assert audit.metrics.verdicts == {"fail": 400, "unread": 400, "pass": 3_200}
    html = (directory / "report.html").read_text(encoding="utf-8")
    assert "Every probe (4000)" in html
    assert "showing 100 of 4,000 probes (failures first)" in html
    assert len(re.findall(r"<tr data-verdict=", html)) == 100
    assert 'data-verdict="pass"' not in html  # 800 failures and unread fill the sample first
    assert "Unread answers (400)" in html
    assert "showing 100 of 400 unread answers" in html
    markdown = (directory / "summary.md").read_text(encoding="utf-8")
    assert "## Unread answers (400)" in markdown
    assert "*showing 50 of 400 unread answers: the rest are in audit.json*" in markdown
    junit = (directory / "junit.xml").read_text(encoding="utf-8")
    more = re.findall(
        r'<testcase classname="(stock\.\w+)\.more" name="([\d,]+) more probes"', junit
    )
    assert sorted(more) == [("stock.availability", "1,900"), ("stock.quantity", "1,900")]
    suites = dict(re.findall(r'<testsuite name="(stock\.\w+)" tests="(\d+)"', junit))
    assert suites == {"stock.availability": "101", "stock.quantity": "101"}
    # 400 failures of `stock.quantity`, 100 listed: the rest is one failing testcase saying so.
    assert (
        "showing 100 of 2,000 probes of this kind; the other 1,900 (300 fail, 1,600 pass) "
        "are in audit.json" in junit
    )
    assert junit.count('type="more"') == 1  # unread answers are skipped, not failures
    assert "the other 1,900 (1,600 pass, 300 unread) are in audit.json" in junit
    data = json.loads((directory / "audit.json").read_text(encoding="utf-8"))
    assert len(data["results"]) == 4_000  # every result stays in audit.json


class _OnePass(StoredResults):
    """Stored results that may be iterated once more than `passes` allows, and never sized
    or indexed: what the report builder may do with results of any number."""

    def __init__(self, path: Path, passes: int) -> None:
        super().__init__(path)
        self.passes = passes
        self.iterations = 0

    def __iter__(self) -> Iterator[ProbeResult]:
        self.iterations += 1
        assert self.iterations <= self.passes, "the results were read more than once"
        return super().__iter__()

    def __len__(self) -> int:
        raise AssertionError("len() of the results")

    def __getitem__(self, index: Any) -> Any:
        raise AssertionError("the results were indexed")


def _stored(tmp_path: Path, results: list[ProbeResult]) -> Path:
    with ResultsStore(tmp_path) as store:
        for r in results:
            store.append(r)
    return tmp_path / RESULTS_FILE


def test_the_builder_reads_the_results_once_and_the_views_never(tmp_path):
    results = mixed_results()
    stream = _OnePass(_stored(tmp_path, results), passes=1)
    built = build_audit(
        meta(planned=7),
        stream,
        gate=GateSection(),
        contract_findings=[],
        status="complete",
        finished_at=NOW,
    )
    assert stream.iterations == 1
    render_html(built)
    render_markdown(built)
    render_junit(built)
    assert stream.iterations == 1  # the views kept what they list
    reference = build_audit(
        meta(planned=7),
        results,
        gate=GateSection(),
        contract_findings=[],
        status="complete",
        finished_at=NOW,
    )
    assert built.model_dump(exclude={"results"}) == reference.model_dump(exclude={"results"})
    stream.passes = 2  # audit.json is written as a second pass, a result at a time
    write_audit_json(tmp_path / "audit.json", built)
    assert (tmp_path / "audit.json").read_text(encoding="utf-8") == audit_json(reference) + "\n"


def test_tallies_take_one_shot_generators():
    results = mixed_results()
    anchors = {"stock": "inventory"}
    assert compute_metrics(r for r in results) == compute_metrics(list(results))
    assert group_findings((r for r in results), anchors) == group_findings(results, anchors)
    tally = AuditTally(anchors)
    for r in iter(results):
        tally.add(r)
    assert tally.metrics.metrics() == compute_metrics(results, anchors=anchors)


def test_stored_results_keep_the_later_line_and_skip_a_torn_one(tmp_path):
    first = result(0, verdict=Verdict.FAIL, truth="out_of_stock")
    again = result(0)  # the same probe asked again (a resumed run): the later line counts
    path = _stored(tmp_path, [first, result(1), again])
    with path.open("ab") as out:
        out.write(b'{"entry_type": "probe", "probe": {"id"')  # torn by a crash
    stored = StoredResults(path)
    assert len(stored) == 2
    assert [r.verdict for r in stored] == [Verdict.PASS, Verdict.PASS]
    assert stored[0] == again and stored[-1] == result(1)


@pytest.mark.parametrize(("total", "notable", "shown"), [(3, [], 3), (10, [7, 9], 4)])
def test_a_bounded_sample_shows_notable_items_first(total, notable, shown):
    sample: BoundedSample[int] = BoundedSample(4)
    for n in range(total):
        sample.add(lambda n=n: n, notable=n in notable)
    assert sample.total == total
    assert len(sample.items()) == shown
    assert set(notable) <= set(sample.items())
    assert sample.items() == sorted(sample.items())


def test_a_baseline_reads_audit_json_up_to_its_results(tmp_path):
    directory = _unpack(tmp_path / "run")
    finish(directory, env={})
    whole = read_baseline(directory)
    text = (directory / "audit.json").read_text(encoding="utf-8")
    cut = text.index('  "results": [\n') + len('  "results": [\n')
    (directory / "audit.json").write_text(text[:cut] + "not JSON: never read\n", encoding="utf-8")
    assert read_baseline(directory) == whole
    assert len(whole.findings) == len(json.loads(text)["findings"]) > 0
