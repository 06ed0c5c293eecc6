"""The model reader (issue 21) in whole audits, against a chat-completions server on loopback
(`tests/apps/chat_reader.py`) that reads well, invents, answers garbage, 500s, stalls or is
down.

The assistant is the faultless reference assistant behind the mumbling front of
`test_unread.py`: its mumbles are `unread` by the rules, so they are what a fallback reader
gets. Whatever the reader does, the verdicts the rules reached stand; a broken reader leaves
every verdict exactly as without one.
"""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest

from auditor._audit import AuditOptions, run_audit
from auditor._claims import ClaimKind
from auditor._config import AuditConfig, PythonAssistant, parse_config
from auditor._probes import PROBE_KINDS
from auditor._reader._client import ModelReader
from auditor._reader._config import ReaderSection
from auditor._reader._schema import asked_kinds
from auditor._report import Audit
from auditor._runner import model_readable
from auditor._teach import rejudge_directory
from auditor._verdict import Verdict
from auditor.reference._demo import STAFF_TOKEN_ENV, demo_config
from tests.apps import chat_reader, mumbling_bot
from tests.apps.chat_reader import ChatReaderServer, serve_chat_reader

pytestmark = pytest.mark.slow

KEY_ENV = "MODEL_READER_TEST_KEY"
KEY = "sk-reader-secret-0123456789"


@pytest.fixture(scope="module")
def reader_server() -> Iterator[ChatReaderServer]:
    with serve_chat_reader() as served:
        yield served


@pytest.fixture
def mumbling(monkeypatch: pytest.MonkeyPatch, assistant_url: str) -> None:
    monkeypatch.setattr(mumbling_bot, "UPSTREAM", assistant_url)


def _config(shop: Any, assistant_url: str, reader: dict[str, Any] | None = None) -> AuditConfig:
    base = demo_config(
        shop_url=shop.url, assistant_url=assistant_url, seed=5, max_probes=24, suites=["stock"]
    )
    front = PythonAssistant(kind="python", name="web", target="tests.apps.mumbling_bot:answer")
    data = base.model_copy(update={"assistant": [front]}).model_dump(mode="json")
    if reader is not None:
        data["reader"] = reader
    return parse_config(data)


def _audit(directory: Path, config: AuditConfig, shop: Any) -> Audit:
    env = {STAFF_TOKEN_ENV: shop.staff_token, KEY_ENV: KEY}
    options = AuditOptions(directory=directory, env=env, base_dir=directory.parent)
    return asyncio.run(run_audit(config, options)).audit


def _verdicts(audit: Audit) -> dict[str, Verdict]:
    return {r.probe_id: r.verdict for r in audit.results}


def _same_answers(audit: Audit, baseline: Audit) -> set[str]:
    """The probes whose answer is word for word the baseline's.

    The reference assistant deflects when its own shop call times out on a loaded machine, so
    a probe or two may be answered differently from one audit to the next whatever the reader
    does; the property under test is that the same answer gets the same verdict.
    """
    before = {r.probe_id: r.answer for r in baseline.results}
    return {r.probe_id for r in audit.results if before.get(r.probe_id) == r.answer}


def _same_verdicts(audit: Audit, baseline: Audit) -> None:
    same = _same_answers(audit, baseline)
    unread = {r.probe_id for r in baseline.results if r.verdict is Verdict.UNREAD}
    assert unread <= same and len(same) >= len(baseline.results) - 2
    now, before = _verdicts(audit), _verdicts(baseline)
    assert now.keys() == before.keys()
    assert {p: now[p] for p in same} == {p: before[p] for p in same}, _differences(audit, baseline)


def _differences(audit: Audit, baseline: Audit) -> list[str]:
    """Each probe whose verdict differs from the baseline's, with both answers (for the
    assertion's message)."""
    before = {r.probe_id: r for r in baseline.results}
    return [
        f"{r.probe_id} {r.probe.get('kind')}: {before[r.probe_id].verdict} "
        f"({before[r.probe_id].answer!r}) -> {r.verdict} ({r.answer!r}; {r.reason})"
        for r in audit.results
        if r.probe_id in before and before[r.probe_id].verdict != r.verdict
    ]


def _readable(result: Any) -> bool:
    """A kind whose answer the model may read (not one judged by the whole answer)."""
    return model_readable(PROBE_KINDS[result.probe["kind"]])


def _dead_url() -> str:
    """A loopback port nobody listens on (bound, then closed)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/v1"


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory, shop: Any, assistant_url: str) -> Audit:
    mumbling_bot.UPSTREAM = assistant_url  # module scope: no monkeypatch; every test sets it
    directory = tmp_path_factory.mktemp("baseline") / "audit"
    return _audit(directory, _config(shop, assistant_url), shop)


@pytest.mark.parametrize("behaviour", ["down", "status-500", "garbage", "wrong-shape", "stall"])
def test_a_broken_reader_leaves_every_verdict_as_without_one(
    behaviour: str,
    tmp_path: Path,
    shop: Any,
    assistant_url: str,
    mumbling: None,
    baseline: Audit,
    reader_server: ChatReaderServer,
):
    unread = [r for r in baseline.results if r.verdict is Verdict.UNREAD]
    assert unread, "the mumbling front must leave answers unread for the reader"
    url = _dead_url() if behaviour == "down" else reader_server.base_url(behaviour)
    reader = {"base_url": url, "model": "test-reader", "timeout_s": 0.5, "concurrency": 4}
    audit = _audit(tmp_path / "audit", _config(shop, assistant_url, reader), shop)

    _same_verdicts(audit, baseline)
    after = [r for r in audit.results if r.verdict is Verdict.UNREAD and _readable(r)]
    assert after
    missing = [r.reason for r in after if "model reader" not in r.reason]
    assert not missing, missing
    assert all(r.model_reading and r.model_reading.error for r in after)
    assert audit.reader is not None and audit.reader.failed == len(after)
    assert audit.reader.decided == 0
    assert not audit.readiness.ready  # still inconclusive: never READY by a broken reader


def test_a_model_that_invents_is_not_believed(
    tmp_path: Path,
    shop: Any,
    assistant_url: str,
    mumbling: None,
    baseline: Audit,
    reader_server: ChatReaderServer,
):
    reader = {"base_url": reader_server.base_url("invents"), "model": "test-reader"}
    audit = _audit(tmp_path / "audit", _config(shop, assistant_url, reader), shop)
    _same_verdicts(audit, baseline)
    assert audit.reader is not None and audit.reader.dropped >= 1 and audit.reader.decided == 0


def test_a_model_reading_decides_only_what_the_rules_left_unread(
    tmp_path: Path,
    shop: Any,
    assistant_url: str,
    mumbling: None,
    baseline: Audit,
    reader_server: ChatReaderServer,
    monkeypatch: pytest.MonkeyPatch,
):
    # A model that reads the mumble's "teapot hums at dawn" as "in stock", quoting it.
    monkeypatch.setitem(chat_reader.TABLE, "the teapot hums at dawn", ("availability", "in_stock"))
    url = reader_server.base_url("no-json-schema")
    reader = {"base_url": url, "model": "test-reader", "api_key_env": KEY_ENV}
    directory = tmp_path / "audit"
    audit = _audit(directory, _config(shop, assistant_url, reader), shop)

    before, after = _verdicts(baseline), _verdicts(audit)
    unread = {pid for pid, v in before.items() if v is Verdict.UNREAD}
    # Every verdict the rules reached stands (on the same answer).
    same = _same_answers(audit, baseline) - unread
    assert {p: after[p] for p in same} == {p: before[p] for p in same}
    decided = [r for r in audit.results if r.model_reading and r.model_reading.decided]
    assert decided and {r.probe_id for r in decided} <= unread
    for result in decided:
        assert ClaimKind.AVAILABILITY in PROBE_KINDS[result.probe["kind"]].claim_kinds
        assert result.reason.startswith("read by the model: ")
        judged = [result.claims[i] for i in result.judged]
        assert judged and all(c.reader == "model" for c in judged)
        assert result.answer is not None
        start, end = judged[0].span
        assert result.answer[start:end].casefold() == "the teapot hums at dawn"
    # Truth-grounded: "in stock" passes where the anchor says so, fails where it does not.
    for result in decided:
        assert (result.verdict is Verdict.PASS) == ("in_stock" in result.accepted), result.reason
    rate, rate_before = audit.metrics.read_rate.value, baseline.metrics.read_rate.value
    assert rate is not None and rate_before is not None and rate > rate_before

    # What was sent: greedy, seeded, the schema asked for, the key as a bearer token; the
    # server refused `json_schema` (422) once, and was asked with `json_object` from then on.
    bodies = reader_server.bodies["no-json-schema"]
    formats = [(b.get("response_format") or {}).get("type") for b in bodies]
    assert set(formats) == {"json_schema", "json_object"}
    refused = [i for i, f in enumerate(formats) if f == "json_schema"]
    assert len(refused) <= 2 and max(refused) < formats.index("json_object")  # concurrency 2
    assert all(b["temperature"] == 0 and b["seed"] == 0 for b in bodies)
    schema = bodies[-1]["response_format"]["schema"]
    assert "claims" in schema["properties"]
    headers = reader_server.headers["no-json-schema"]
    assert all(h["authorization"] == f"Bearer {KEY}" for h in headers)
    # The key is in no file of the audit.
    for path in directory.rglob("*"):
        if path.is_file():
            assert KEY not in path.read_text(encoding="utf-8", errors="replace"), path

    # Marked in every format.
    stored = json.loads((directory / "audit.json").read_text(encoding="utf-8"))
    assert stored["reader"]["decided"] == len(decided)
    marked = [r for r in stored["results"] if (r.get("model_reading") or {}).get("decided")]
    assert len(marked) == len(decided)
    assert all(any(c.get("reader") == "model" for c in r["claims"]) for r in marked)
    summary = (directory / "summary.md").read_text(encoding="utf-8")
    assert "## Model reader" in summary and "read by the model reader" in summary
    html = (directory / "report.html").read_text(encoding="utf-8")
    assert '<section id="reader">' in html and html.count('class="note reader-model"') >= len(
        decided
    )
    junit = ET.fromstring((directory / "junit.xml").read_text(encoding="utf-8"))
    said = [e.text or "" for e in junit.iter() if e.tag in ("failure", "system-out")]
    assert sum("read by the model reader" in text for text in said) == len(decided)

    # --rejudge runs offline from the cache: the server is gone, the verdicts are the same.
    requests = reader_server.requests["no-json-schema"]
    offline = dict(reader, base_url=_dead_url())
    again = rejudge_directory(
        directory, _config(shop, assistant_url, offline), config_source="test"
    )
    assert _verdicts(again) == after
    assert reader_server.requests["no-json-schema"] == requests

    # A phrase taught with `auditor review` beats the model.
    taught = _config(shop, assistant_url, offline).model_dump(mode="json")
    taught["vocabulary"] = {"availability": {"out_of_stock": ["the teapot hums at dawn"]}}
    reviewed = rejudge_directory(directory, parse_config(taught), config_source="test")
    for result in reviewed.results:
        if result.probe_id in {r.probe_id for r in decided}:
            assert result.model_reading is None  # the rules read it: the model was not asked
            judged = [result.claims[i] for i in result.judged]
            assert [(c.kind, c.value) for c in judged] == [("availability", "out_of_stock")]


def test_a_model_that_misreads_the_check_sentences_decides_nothing(
    tmp_path: Path,
    shop: Any,
    assistant_url: str,
    mumbling: None,
    baseline: Audit,
    reader_server: ChatReaderServer,
    monkeypatch: pytest.MonkeyPatch,
):
    monkeypatch.setitem(chat_reader.TABLE, "the teapot hums at dawn", ("availability", "in_stock"))
    reader = {"base_url": reader_server.base_url("careless"), "model": "test-reader"}
    audit = _audit(tmp_path / "audit", _config(shop, assistant_url, reader), shop)
    _same_verdicts(audit, baseline)
    assert audit.reader is not None and audit.reader.decided == 0
    unread = [r for r in audit.results if r.verdict is Verdict.UNREAD and _readable(r)]
    distrusted = [r for r in unread if "not trusted on availability" in r.reason]
    assert distrusted, [r.reason for r in unread]
    # Its readings are kept all the same (for the record and for agreement).
    assert all(r.model_reading and r.model_reading.claims for r in distrusted)


def test_compare_mode_keeps_both_readings_and_the_rules_decide(
    tmp_path: Path,
    shop: Any,
    assistant_url: str,
    mumbling: None,
    baseline: Audit,
    reader_server: ChatReaderServer,
    monkeypatch: pytest.MonkeyPatch,
):
    monkeypatch.setitem(chat_reader.TABLE, "in stock", ("availability", "in_stock"))
    reader = {"base_url": reader_server.base_url("table"), "model": "t", "mode": "compare"}
    audit = _audit(tmp_path / "audit", _config(shop, assistant_url, reader), shop)
    _same_verdicts(audit, baseline)
    assert audit.reader is not None and audit.reader.mode == "compare"
    read = [r for r in audit.results if r.model_reading is not None]
    readable = [
        r for r in baseline.results if r.answer and r.verdict is not Verdict.ERROR and _readable(r)
    ]
    assert len(read) == len(readable) == audit.reader.answers
    kinds = {a.kind: a for a in audit.reader.agreement}
    assert "availability" in kinds and kinds["availability"].of > 0
    assert 0 < kinds["availability"].agree <= kinds["availability"].of


def test_compare_mode_with_decide_model_rests_verdicts_on_the_models_reading(
    tmp_path: Path,
    shop: Any,
    assistant_url: str,
    mumbling: None,
    baseline: Audit,
    reader_server: ChatReaderServer,
    monkeypatch: pytest.MonkeyPatch,
):
    monkeypatch.setitem(chat_reader.TABLE, "in stock", ("availability", "in_stock"))
    reader = {
        "base_url": reader_server.base_url("table"),
        "model": "t",
        "mode": "compare",
        "decide": "model",
    }
    audit = _audit(tmp_path / "audit", _config(shop, assistant_url, reader), shop)
    decided = [r for r in audit.results if r.model_reading and r.model_reading.decided]
    assert decided
    for result in decided:
        readers = {c.reader for c in result.claims}
        assert "model" in readers and readers <= {"rules", "model"}
        assert all(result.claims[i].reader == "model" for i in result.judged)
        assert result.reason.startswith("read by the model: ")
    # Where both read the same "in stock", the verdict is the rules' one.
    before = {r.probe_id: r for r in baseline.results}
    same = [
        r
        for r in decided
        if r.answer == before[r.probe_id].answer
        and {c.value for c in r.claims if c.reader == "rules" and c.kind == "availability"}
        == {c.value for c in r.claims if c.reader == "model"}
    ]
    assert same and all(r.verdict is before[r.probe_id].verdict for r in same)


def test_the_same_answer_read_at_once_costs_one_request(
    tmp_path: Path, reader_server: ChatReaderServer, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setitem(chat_reader.TABLE, "in stock", ("availability", "in_stock"))
    section = ReaderSection(base_url=reader_server.base_url("once"), model="t", concurrency=4)
    kinds = asked_kinds((ClaimKind.AVAILABILITY,))

    async def read_thrice() -> list[Any]:
        reader = ModelReader(section, {}, tmp_path)
        try:
            return list(
                await asyncio.gather(
                    *(reader.read("Yes, in stock.", "k", "S-1", "?", kinds) for _ in range(3))
                )
            )
        finally:
            await reader.aclose()

    readings = asyncio.run(read_thrice())
    assert reader_server.requests["once"] == 1
    assert [r.cached for r in readings].count(False) == 1
    assert all(
        [(c.kind, c.value) for c in r.claims] == [("availability", "in_stock")] for r in readings
    )
