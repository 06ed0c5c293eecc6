"""Judging stored answers again: today's reading, the stored truth, nothing asked; the run's
results never change, and audits written before `items.json` and `unread` still re-judge."""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal

import pytest

from auditor._audit import extractor_for
from auditor._claims import Vocabulary
from auditor._config import parse_config
from auditor._facts import (
    Availability,
    OrderFact,
    OrderLineFact,
    OrderStatus,
    RefundState,
    ReturnFact,
    ReturnStatus,
)
from auditor._results import TruthRecord, fact_to_json, read_results
from auditor._store import REJUDGED_FILE, REJUDGED_RESULTS_FILE
from auditor._teach import fact_from_record, is_unread, rejudge_directory, rejudge_result
from auditor._teach._rejudge import NO_SECOND_READ
from auditor._verdict import Verdict
from tests.unit.core.test_config import GOOD
from tests.unit.teach._stored import ITEMS, NOW, audit_dir, stock_fact, stored

HOUSE = Vocabulary.from_mapping({"availability": {"in_stock": ["{item}: ready to roll"]}})


def test_stored_facts_read_back_as_they_were_written():
    facts = [
        stock_fact("KT-1042", Availability.LOW_STOCK, 2),
        OrderFact(
            "ORD-1",
            "C1",
            OrderStatus.SHIPPED,
            NOW,
            NOW.date(),
            "TRK1",
            "DHL",
            (OrderLineFact("KT-1042", "Blue Kettle", 2, 1),),
        ),
        ReturnFact(
            "RMA-1",
            "ORD-1",
            "C1",
            ReturnStatus.RECEIVED,
            NOW,
            NOW,
            "KT-1042",
            RefundState.PENDING,
            Decimal("19.90"),
        ),
    ]
    for fact_kind, fact in zip(("stock", "orders", "returns"), facts, strict=True):
        record = TruthRecord(fact=fact_to_json(fact), read_at=NOW, source="read")
        assert fact_from_record(fact_kind, record) == fact
    assert fact_from_record("stock", TruthRecord(fact=None, read_at=NOW, source="read")) is None


def test_an_unread_answer_is_read_with_the_house_phrase():
    old = stored(1, "Red Toaster is gone, but Blue Kettle: ready to roll")
    assert is_unread(old)
    again = rejudge_result(old, extractor_for(ITEMS, HOUSE))
    assert again.verdict is Verdict.PASS
    judged = [again.claims[i] for i in again.judged]
    assert [(c.value, c.subject) for c in judged] == [("in_stock", "KT-1042")]
    # Without the phrase it stays unread, as today's judge says (never a deflection).
    assert is_unread(rejudge_result(old, extractor_for(ITEMS)))


def test_disagreeing_now_without_a_second_read_fails_and_says_why():
    old = stored(1, "Blue Kettle: ready to roll", availability=Availability.OUT_OF_STOCK)
    again = rejudge_result(old, extractor_for(ITEMS, HOUSE))
    assert again.verdict is Verdict.FAIL and NO_SECOND_READ in again.reason


def test_the_stored_second_read_still_decides():
    old = stored(
        1,
        "Blue Kettle: ready to roll",
        availability=Availability.OUT_OF_STOCK,
        after=Availability.IN_STOCK,
    )
    assert rejudge_result(old, extractor_for(ITEMS, HOUSE)).verdict is Verdict.INDETERMINATE


def test_nothing_to_read_stays_as_it_was():
    failed = stored(1, None, verdict=Verdict.ERROR)
    assert rejudge_result(failed, extractor_for(ITEMS, HOUSE)) == failed
    foreign = stored(2, "Blue Kettle: ready to roll", kind="not.a.kind")
    assert rejudge_result(foreign, extractor_for(ITEMS, HOUSE)) == foreign


@pytest.fixture
def config():
    return parse_config(
        {**GOOD, "vocabulary": {"availability": {"in_stock": ["{item}: ready to roll"]}}}
    )


def test_an_old_audit_directory_is_rejudged_beside_its_results(tmp_path, config):
    results = [
        stored(1, "Blue Kettle: ready to roll"),
        stored(2, "Stone Mug: ready to roll", sku="MG-3003"),
        stored(3, "Red Toaster is in stock.", sku="TS-2001", verdict=Verdict.PASS),
    ]
    directory = audit_dir(tmp_path / "audit", results)
    evidence = hashlib.sha256((directory / "results.jsonl").read_bytes()).digest()

    audit = rejudge_directory(directory, config, config_source="audit.toml")

    assert hashlib.sha256((directory / "results.jsonl").read_bytes()).digest() == evidence
    assert {r.verdict for r in read_results(directory, REJUDGED_RESULTS_FILE)} == {Verdict.PASS}
    assert audit.rejudged is not None
    assert audit.rejudged.changed == 2
    assert audit.rejudged.original_config_digest == "sha256:old"
    assert audit.rejudged.catalogue == "the facts stored with the results"  # no items.json
    assert audit.metrics.verdicts == {"pass": 3}
    record = json.loads((directory / REJUDGED_FILE).read_text())
    assert record["config_source"] == "audit.toml" and record["config_digest"].startswith("sha256:")
    rendered = json.loads((directory / "audit.json").read_text())
    assert rendered["rejudged"]["changed"] == 2
    assert "Re-judged" in (directory / "summary.md").read_text(encoding="utf-8")
    assert "re-judged" in (directory / "report.html").read_text(encoding="utf-8")


def test_rejudging_starts_from_the_runs_results_every_time(tmp_path, config):
    directory = audit_dir(tmp_path / "audit", [stored(1, "Blue Kettle: ready to roll")])
    rejudge_directory(directory, config, config_source="audit.toml")
    plain = parse_config(GOOD)
    audit = rejudge_directory(directory, plain, config_source="plain.toml")
    assert audit.rejudged is not None and audit.rejudged.config_source == "plain.toml"
    assert is_unread(audit.results[0])  # not the first re-judging's pass carried over


def test_the_runs_extractor_reads_the_configurations_vocabulary(config):
    from auditor._audit import _extractor
    from auditor._facts import Snapshot

    snapshot = Snapshot.of(NOW, stock=[stock_fact("KT-1042", Availability.IN_STOCK, 20)])
    read = _extractor(snapshot, config.extraction_vocabulary())
    assert [(c.value, c.subject) for c in read("Blue Kettle: ready to roll", NOW)] == [
        ("in_stock", "KT-1042")
    ]
    assert _extractor(snapshot)("Blue Kettle: ready to roll", NOW) == []
