"""A judging sheet for a stored audit: each probe's question(s), answer(s) and truth, no verdict.

    .venv/bin/python benchmarks/llm_hand_sheet.py DIR [--jsonl OUT]

Hand verdicts are only blind if the reader never sees the tool's: this prints, for every probe of
the audit in DIR (the folder holding `results.jsonl` and `meta.json`), only what a careful reader
needs (kind, edge class, channel, mention, each turn's question and answer, and the truth at that
moment in one line) and never the verdict, reason, claims or label the tool stored. With
`--jsonl`, it also writes those rows in the form of `fixtures/claims/llm_hand_verdicts.jsonl`
without the `hand` and `reason` fields, for the reader to fill in.

The truth of a recommendation probe is the catalogue's items sharing the asked noun; the audit
stores no single record for it, so their stock is rebuilt from the reference world's seed
(`build_world`, the same call the demo's shop makes) and mapped the way the anchors map it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from auditor.reference.shop._model import ItemStatus
from auditor.reference.shop._seed import build_world

_LOW_STOCK = 3


def _stock(fact: Mapping[str, Any]) -> str:
    line = f"{fact['sku']} {fact['name']}: {fact['availability']}, {fact['on_hand']} on hand"
    if fact.get("restock_date"):
        line += f", restock {fact['restock_date']}"
    return line


def _order(fact: Mapping[str, Any]) -> str:
    lines = "; ".join(
        f"{line['sku']} {line['shipped_quantity']}/{line['quantity']} shipped"
        for line in fact.get("lines") or ()
    )
    extra = ""
    for key in ("promised_date", "delivered_on", "last_update"):
        if fact.get(key):
            extra += f", {key} {str(fact[key])[:16]}"
    if fact.get("read_at"):
        extra += f", read {str(fact['read_at'])[:16]}"
    return (
        f"{fact['order_id']} (owner {fact['customer_id']}): {fact['status']}, eta {fact['eta']}, "
        f"tracking {fact['tracking_number']} ({fact.get('carrier')}){extra}; {lines}"
    )


def _return(fact: Mapping[str, Any]) -> str:
    return (
        f"{fact['return_id']} (owner {fact['customer_id']}, order {fact['order_id']}, "
        f"sku {fact['sku']}, created {str(fact['created_at'])[:10]}): {fact['status']}, "
        f"refund {fact['refund_state']} ({fact['refund_amount']})"
    )


def _fact_line(fact: Mapping[str, Any]) -> str:
    if "sku" in fact and "availability" in fact:
        return _stock(fact)
    if "return_id" in fact:
        return _return(fact)
    if "order_id" in fact:
        return _order(fact)
    return json.dumps(fact, sort_keys=True)


def _catalogue_noun(meta: Mapping[str, Any], noun: str) -> str:
    """The items whose name holds the noun, with their stock, from the seeded world."""
    taken = datetime.fromisoformat(str(meta["snapshot"]["taken_at"]))
    items = int(meta["snapshot"]["counts"]["stock"])
    world = build_world(int(meta["seed"]), items, taken)
    parts = []
    for item in world.items:
        if noun.lower() not in f"{item.name} {item.category}".lower():
            continue
        # The anchors read `on_hand` from the shop's `available` (reserved units not taken off).
        if item.status is ItemStatus.DISCONTINUED:
            word = "discontinued"
        elif item.status is ItemStatus.BACKORDERED:
            word = "backorder"
        elif item.available <= 0:
            word = "out of stock"
        else:
            word = "low stock" if item.available <= _LOW_STOCK else "in stock"
        parts.append(f"{item.sku} {item.name!r} {word} ({item.available})")
    return f"catalogued {noun}s: " + ", ".join(parts)


def truth(row: Mapping[str, Any], meta: Mapping[str, Any]) -> str:
    """One line of what the shop's records said when the probe was asked."""
    probe = row["probe"]
    before = (row.get("truth_before") or {}).get("fact")
    after = (row.get("truth_after") or {}).get("fact")
    if probe["kind"] == "recommend.available":
        return _catalogue_noun(meta, str(probe["subject"]))
    if before is None:
        return f"no record {probe['subject']} in the shop"
    line = _fact_line(before)
    if after is not None and after != {**before, "read_at": after.get("read_at")}:
        line += f" | after the answer: {_fact_line(after)}"
    return line


def sheet(directory: Path) -> list[dict[str, Any]]:
    """The rows to judge, in the audit's order, without anything the tool concluded."""
    meta = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
    rows: list[dict[str, Any]] = []
    for text in (directory / "results.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(text)
        if row.get("entry_type") != "probe":
            continue
        probe = row["probe"]
        answers = row.get("turn_answers") or [row.get("answer") or ""]
        rows.append(
            {
                "seed": int(meta["seed"]),
                "probe_id": probe["id"],
                "kind": probe["kind"],
                "edge_class": probe["edge_class"],
                "channel": probe["channel"],
                "mention": probe["params"].get("mention", ""),
                "question": list(probe["turns"]),
                "answer": list(answers),
                "truth": truth(row, meta),
            }
        )
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--jsonl", type=Path, help="also write the rows, unjudged, here")
    args = parser.parse_args(argv)
    rows = sheet(args.directory)
    for number, row in enumerate(rows, start=1):
        print(f"#{number} s{row['seed']} {row['probe_id']} {row['kind']} / {row['edge_class']}")
        print(f"   {row['channel']}, mention {row['mention']}")
        for question, answer in zip(row["question"], row["answer"], strict=False):
            print(f"   Q: {question}")
            print(f"   A: {answer}")
        print(f"   truth: {row['truth']}\n")
    if args.jsonl is not None:
        with args.jsonl.open("w", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
