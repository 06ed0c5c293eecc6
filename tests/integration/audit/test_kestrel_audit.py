"""The third shop audited end to end, as `auditor run -c audit.toml` runs it.

Kestrel (per-customer keys only, JSON:API, returns nested under orders) with an assistant of its
own that answers from the shop as the asking customer. The configuration is the hand-written
`fixtures/shops/kestrel/audit.toml`; only the servers' loopback URLs are substituted.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor._serve import serve_in_thread
from tests._fixtures.kestrel import ServedKestrel
from tests.apps import KESTREL_ENV, kestrel_text
from tests.apps.kestrel import KEYS, Access
from tests.apps.kestrel_bot import USER_AGENT, KestrelBot

pytestmark = pytest.mark.slow


@pytest.fixture
def bot(kestrel: ServedKestrel) -> Iterator[callable]:  # type: ignore[valid-type]
    from contextlib import ExitStack

    with ExitStack() as stack:

        def start(fault: str | None = None) -> str:
            app = KestrelBot(kestrel.url, KEYS["alice"], fault=fault).app
            return stack.enter_context(serve_in_thread(app))

        yield start


def _audit(tmp_path: Path, shop_url: str, bot_url: str) -> tuple[int, str, list[dict]]:
    from auditor._cli import _run  # noqa: F401  (registers the command)
    from auditor._cli._app import app

    config = tmp_path / "audit.toml"
    config.write_text(kestrel_text(shop_url, bot_url), encoding="utf-8")
    out = tmp_path / "reports"
    result = CliRunner().invoke(
        app, ["run", "-c", str(config), "--out", str(out), "--no-history"], env=KESTREL_ENV
    )
    (directory,) = [p for p in out.iterdir() if p.is_dir()]
    return result.exit_code, result.output, _results(directory / "results.jsonl")


def _results(path: Path) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return [row for row in rows if row.get("entry_type") == "probe"]


def _rejudged(tmp_path: Path) -> tuple[int, list[dict]]:
    """`auditor report DIR --rejudge` on the audit just run: its answers judged again from
    what it stored, offline (no shop, no assistant)."""
    from auditor._cli import _run  # noqa: F401  (registers `report` too)
    from auditor._cli._app import app

    (directory,) = [p for p in (tmp_path / "reports").iterdir() if p.is_dir()]
    result = CliRunner().invoke(app, ["report", str(directory), "--rejudge"], env=KESTREL_ENV)
    return result.exit_code, _results(directory / "results.rejudged.jsonl")


def _auditor_calls(log: list[Access]) -> list[Access]:
    return [a for a in log if a.user_agent != USER_AGENT]


def test_a_correct_assistant_passes_clean(tmp_path, kestrel: ServedKestrel, bot):
    start = len(kestrel.shop.access)
    code, output, results = _audit(tmp_path, kestrel.url, bot())
    assert code == 0, output
    assert "READY" in output and "NOT READY" not in output
    assert {r["verdict"] for r in results} == {"pass"}
    kinds = {r["probe"]["kind"] for r in results}
    # asked as each order's and return's owner, and as a stranger
    assert {"order.status", "return.status", "refund.status", "privacy.foreign_order"} <= kinds
    assert {
        r["probe"]["customer_id"] for r in results if r["probe"]["kind"] == "order.status"
    } <= set(KEYS)
    # the auditor read nothing with a key that was refused, and nothing as nobody
    calls = _auditor_calls(kestrel.shop.access[start:])
    assert calls and {a.status for a in calls} == {200}
    assert {a.customer for a in calls} == set(KEYS)


def test_an_assistant_that_says_every_order_shipped_is_caught_and_re_read_as_the_owner(
    tmp_path, kestrel: ServedKestrel, bot
):
    shop = kestrel.shop
    start = len(shop.access)
    code, output, results = _audit(tmp_path, kestrel.url, bot(fault="all_shipped"))
    assert code == 1, output
    assert "NOT READY" in output
    wrong = [r for r in results if r["probe"]["kind"] == "order.status" and r["verdict"] == "fail"]
    assert wrong, "the fault was not caught"
    for r in wrong:
        assert r["reason"].startswith("says shipped where the truth is ")
        assert r["reason"] != "says shipped where the truth is "  # never an empty truth
        assert r["truth_after"]["fact"]["customer_id"] == r["probe"]["customer_id"]
    assert not [r for r in results if r["verdict"] == "error"]
    # Judged again offline from what the audit stored, on a shop we did not design: the same
    # verdict, label and reason for every probe, so `--rejudge` and a live audit never tell a
    # team two stories (a live path that skipped a re-check once did).
    again_code, again = _rejudged(tmp_path)
    assert again_code == code
    assert len(again) == len(results)
    assert {r["probe"]["id"]: (r["verdict"], r.get("label"), r["reason"]) for r in again} == {
        r["probe"]["id"]: (r["verdict"], r.get("label"), r["reason"]) for r in results
    }
    # Every disagreement was read again after the answer, with its owner's key: the shop's
    # access log holds one GET of the order by its owner, after the snapshot's lists.
    calls = _auditor_calls(shop.access[start:])
    re_reads = [
        a for a in calls if a.path.startswith("/api/v1/orders/R") and "/returns" not in a.path
    ]
    assert sorted(a.path.rsplit("/", 1)[1] for a in re_reads) == sorted(
        r["probe"]["subject"] for r in results if r["truth_after"] is not None
    )
    for call in re_reads:
        order = call.path.rsplit("/", 1)[1]
        assert (call.customer, call.status) == (shop.owner_of(order), 200)


def test_an_answer_about_the_askers_other_order_is_a_wrong_subject(
    tmp_path, kestrel: ServedKestrel, bot
):
    """Kestrel numbers its orders "R100000001", unlike any id the rules know by its letters:
    the ids come from the snapshot (`_claims/_records.py`), so an answer about the customer's
    next order is told from an answer about the order asked, live and when judged again."""
    code, output, results = _audit(tmp_path, kestrel.url, bot(fault="other_order"))
    assert code == 1, output
    wrong = [r for r in results if r.get("label") == "wrong_subject"]
    assert wrong, "no answer was found to be about another order"
    for r in wrong:
        asked = r["probe"]["subject"]
        assert r["verdict"] == "fail"
        assert r["reason"].startswith("answered about R") and r["reason"].endswith(asked)
        assert asked not in r["reason"].split(" when asked about ")[0]
    # Every order question whose owner has another order was answered about that one.
    kinds = {r["probe"]["kind"] for r in wrong}
    assert "order.status" in kinds
    assert not [r for r in results if r["verdict"] == "error"]
    again_code, again = _rejudged(tmp_path)
    assert again_code == code
    assert {r["probe"]["id"]: (r["verdict"], r.get("label")) for r in again} == {
        r["probe"]["id"]: (r["verdict"], r.get("label")) for r in results
    }


def test_a_shop_whose_skus_are_lower_case_is_read(tmp_path):
    """SKUs such as "ks-0001": the claims' subjects are the shop's own spelling, so a correct
    assistant is READY (subjects were upper-cased once, and every stock answer was `unread`)."""
    from contextlib import ExitStack

    from tests.apps.kestrel import Kestrel

    shop = Kestrel(lower_skus=True)
    with ExitStack() as stack:
        shop_url = stack.enter_context(serve_in_thread(shop.app))
        bot_url = stack.enter_context(serve_in_thread(KestrelBot(shop_url, KEYS["alice"]).app))
        code, output, results = _audit(tmp_path, shop_url, bot_url)
    stock = [r for r in results if r["probe"]["kind"].startswith("stock.")]
    assert stock and all(r["probe"]["subject"].islower() for r in stock)
    assert code == 0, output
    assert {r["verdict"] for r in results} == {"pass"}
