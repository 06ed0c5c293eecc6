"""The model reader's pure parts: the response schema, the strict parse, grounding by quote,
the cache, agreement, and the `[reader]` section's checks."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from auditor._claims import Claim, ClaimKind
from auditor._config import ConfigError, parse_config
from auditor._preflight import preflight
from auditor._reader._agreement import agreement
from auditor._reader._cache import CACHE_FILE, ReplyCache, cache_key
from auditor._reader._client import OfflineReader
from auditor._reader._config import ReaderSection
from auditor._reader._exam import EXAM, EXAM_KIND, EXAM_SUBJECT, marked
from auditor._reader._reading import Reading
from auditor._reader._schema import (
    ReplyError,
    asked_kinds,
    ground,
    locate,
    parse_reply,
    reading_from_reply,
    response_schema,
)
from auditor._redact import Redactor

KINDS = asked_kinds((ClaimKind.AVAILABILITY, ClaimKind.QUANTITY))


def _reply(*claims: dict[str, object]) -> str:
    return json.dumps({"claims": list(claims)})


def test_the_schema_is_the_claim_model_with_one_variant_per_asked_kind():
    schema = response_schema(KINDS)
    jsonschema.Draft202012Validator.check_schema(schema)
    good = {"claims": [{"kind": "quantity", "value": 3, "quote": "3 left", "hedged": False}]}
    jsonschema.validate(good, schema)
    for bad in (
        {"claims": [{"kind": "quantity", "value": "three", "quote": "3 left"}]},
        {"claims": [{"kind": "availability", "value": "maybe", "quote": "xx"}]},
        {"claims": [{"kind": "order_status", "value": "shipped", "quote": "xx"}]},  # not asked
        {"claims": [{"kind": "quantity", "value": 3, "quote": "3 left", "extra": 1}]},
    ):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, schema)
    assert KINDS[:2] == (ClaimKind.AVAILABILITY, ClaimKind.QUANTITY)
    assert set(KINDS[2:]) == {ClaimKind.DEFLECTION, ClaimKind.REFUSAL, ClaimKind.CLARIFICATION}


@pytest.mark.parametrize(
    "reply",
    [
        "Sure, it's in stock!",
        "{}",
        _reply({"kind": "availability", "value": "yes", "quote": "in stock"}),
        _reply({"kind": "mood", "value": "sunny", "quote": "in stock"}),
        "[1, 2",
    ],
)
def test_a_reply_that_is_not_the_json_asked_for_is_refused_with_its_place(reply: str):
    with pytest.raises(ReplyError):
        parse_reply(reply, KINDS)


def test_a_fenced_reply_is_read():
    fenced = "```json\n" + _reply({"kind": "quantity", "value": 2, "quote": "2 left"}) + "\n```"
    assert parse_reply(fenced, KINDS)[0]["value"] == 2


def test_a_quote_is_found_without_case_spacing_or_emphasis():
    answer = "Hi!\n\n- **Status:**  In   stock\n- Units: 18"
    span = locate(answer, '"status: in stock."')
    assert span is not None and answer[span[0] : span[1]] == "Status:**  In   stock"
    assert locate(answer, "out of stock") is None
    assert locate(answer, "a") is None  # too short to ground anything


def test_claims_whose_quote_is_not_in_the_answer_or_not_bearing_them_out_are_dropped():
    answer = "Router AX3000 avail, 9 units"
    claims = parse_reply(
        _reply(
            {"kind": "availability", "value": "in_stock", "quote": "AX3000 AVAIL"},
            {"kind": "quantity", "value": 9, "quote": "9 units"},
            {"kind": "quantity", "value": 12, "quote": "9 units"},  # number not in its quote
            {"kind": "availability", "value": "out_of_stock", "quote": "sold out"},  # invented
        ),
        KINDS,
    )
    grounded = ground(answer, claims)
    assert grounded.dropped == 2
    assert grounded.claims == (
        Claim(ClaimKind.AVAILABILITY, "in_stock", (7, 19), None, False),
        Claim(ClaimKind.QUANTITY, 9, (21, 28), None, False),
    )


def test_values_are_written_as_the_rules_write_them():
    kinds = asked_kinds((ClaimKind.REFUND_AMOUNT, ClaimKind.DELIVERY_DATE))
    answer = "Refund of £12.5 sent; it arrives 2026-12-11."
    reply = _reply(
        {"kind": "refund_amount", "value": "12.5", "quote": "Refund of £12.5"},
        {"kind": "delivery_date", "value": "2026-12-11", "quote": "arrives 2026-12-11"},
    )
    reading = reading_from_reply(answer, reply, kinds, 10, 0.5, cached=False)
    assert [(c.kind, c.value) for c in reading.claims] == [
        (ClaimKind.REFUND_AMOUNT, "12.50"),
        (ClaimKind.DELIVERY_DATE, "2026-12-11"),
    ]
    garbage = reading_from_reply(answer, "nope", kinds, 10, 0.5, cached=False)
    assert garbage.error is not None and "not the JSON asked for" in garbage.error


def test_the_cache_is_keyed_by_answer_kind_subject_and_model_and_survives_a_torn_line(
    tmp_path: Path,
):
    section = ReaderSection(base_url="http://127.0.0.1:9/v1", model="m1")
    reply = _reply({"kind": "quantity", "value": 9, "quote": "9 units"})
    cache = ReplyCache(tmp_path)
    cache.put(cache_key("9 units", "stock.quantity", "SKU-1", "m1"), reply, 42, 1.5)
    with (tmp_path / CACHE_FILE).open("a", encoding="utf-8") as file:
        file.write('{"key": "torn')  # a run killed mid-write
    reader = OfflineReader(section, tmp_path)
    hit = reader.cached("9 units", "stock.quantity", "SKU-1", "How many?", KINDS)
    assert hit is not None and hit.cached and hit.tokens == 42
    assert [c.value for c in hit.claims] == [9]
    assert reader.cached("9 units", "stock.quantity", "SKU-2", "How many?", KINDS) is None
    other = OfflineReader(section.model_copy(update={"model": "m2"}), tmp_path)
    assert other.cached("9 units", "stock.quantity", "SKU-1", "How many?", KINDS) is None


def test_agreement_is_counted_per_kind_over_answers_either_reader_read_it_in():
    pairs = [
        (
            ["availability", "quantity"],
            [("availability", "in_stock")],
            [("availability", "in_stock")],
        ),
        (
            ["availability", "quantity"],
            [("availability", "in_stock"), ("quantity", 3)],
            [("availability", "out_of_stock")],
        ),
        (["availability", "quantity"], [], []),
        (["deflection"], [], [("deflection", "cannot_check")]),
    ]
    shown = {a.kind: (a.agree, a.of) for a in agreement(pairs)}
    assert shown == {"availability": (1, 2), "quantity": (0, 1), "deflection": (0, 1)}


_BASE = {"assistant": [{"kind": "openai", "name": "a", "base_url": "http://x/v1"}], "anchors": {}}


@pytest.mark.parametrize(
    ("reader", "problem"),
    [
        ({"base_url": "ftp://x/v1", "model": "m"}, "reader.base_url:"),
        ({"base_url": "http://x/v1"}, "reader.model:"),
        ({"base_url": "http://x/v1", "model": "m", "mode": "both"}, "reader.mode:"),
        ({"base_url": "http://x/v1", "model": "m", "decide": "coin"}, "reader.decide:"),
        ({"base_url": "http://x/v1", "model": "m", "timeout_s": 0}, "reader.timeout_s:"),
        ({"base_url": "http://x/v1", "model": "m", "concurrency": 0}, "reader.concurrency:"),
        ({"base_url": "http://x/v1", "model": "m", "api_key_env": "sk-123"}, "reader.api_key_env:"),
        ({"base_url": "http://x/v1", "model": "m", "api_key": "sk-123"}, "reader.api_key:"),
    ],
)
def test_a_bad_reader_section_is_refused_with_its_field_path(reader: dict, problem: str):
    with pytest.raises(ConfigError) as refused:
        parse_config({**_BASE, "reader": reader})
    assert any(p.startswith(problem) for p in refused.value.problems), refused.value.problems


def test_the_readers_key_is_redacted_as_every_configured_secret():
    config = parse_config(
        {**_BASE, "reader": {"base_url": "http://x/v1", "model": "m", "api_key_env": "READER_KEY"}}
    )
    assert config.reader is not None and config.reader.mode == "fallback"
    redactor = Redactor.from_config(config, {"READER_KEY": "sk-very-secret-key"})
    assert redactor.text("echo sk-very-secret-key") == "echo [redacted: READER_KEY]"


def test_a_check_sentence_is_read_right_only_with_its_value_and_no_evasion():
    kind = ClaimKind.AVAILABILITY
    right = Reading(claims=(Claim(kind, "in_stock", (0, 5)),))
    assert marked(kind, "in_stock", right) is None
    wrong = Reading(claims=(Claim(kind, "out_of_stock", (0, 5)),))
    assert marked(kind, "in_stock", wrong) == "read out_of_stock where the sentence says in_stock"
    both = Reading(claims=(Claim(kind, "in_stock", (0, 5)), Claim(kind, "backorder", (6, 9))))
    assert marked(kind, "in_stock", both) is not None
    evasive = Reading(
        claims=(
            Claim(kind, "in_stock", (0, 5)),
            Claim(ClaimKind.DEFLECTION, "cannot_check", (0, 9)),
        )
    )
    assert "deflection" in (marked(kind, "in_stock", evasive) or "")
    assert marked(kind, "in_stock", Reading(error="down")) == "down"


def test_offline_the_check_counts_as_failed_unless_the_cache_holds_every_sentence(
    tmp_path: Path,
):
    section = ReaderSection(base_url="http://127.0.0.1:9/v1", model="m1")
    reader = OfflineReader(section, tmp_path)
    assert "not trusted on quantity" in (reader.vetted([ClaimKind.QUANTITY]) or "")
    cache = ReplyCache(tmp_path)
    for text, value in EXAM[ClaimKind.QUANTITY]:
        reply = _reply({"kind": "quantity", "value": value, "quote": text})
        cache.put(cache_key(text, EXAM_KIND, EXAM_SUBJECT, "m1"), reply, 1, 0.1)
    assert OfflineReader(section, tmp_path).vetted([ClaimKind.QUANTITY]) is None


def test_an_unset_reader_key_is_a_warning_with_its_path_never_an_error(tmp_path: Path):
    config = parse_config(
        {**_BASE, "reader": {"base_url": "http://x/v1", "model": "m", "api_key_env": "NO_KEY"}}
    )
    checked = preflight(config, base_dir=tmp_path, env={}, env_required=True)
    (warning,) = [p for p in checked.warnings if p.path == "reader.api_key_env"]
    assert "NO_KEY is not set" in warning.message
    assert not [p for p in checked.errors if p.path.startswith("reader")]
