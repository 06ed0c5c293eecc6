"""Questions until the decision: a fixed budget against `stop = "decided"`.

For each content fault of the reference assistant and for the faultless one, over several
seeds, the same world is audited twice: once asking the whole budget, once stopping as soon as
the gate is decided at 95 % confidence (`auditor/_report/_decision.py`). Each row gives the
questions asked and the verdict of both; the summary the median questions per fault.

    .venv/bin/python benchmarks/decide.py [--seeds 1 2 3 4 5] [--max-probes 300]
        [--fault ignores_stock ...] [--concurrency 8]
    .venv/bin/python benchmarks/decide.py --plan-only   # the plan's order alone, nothing asked

Targets (issue 20): each content fault NOT READY within a median of 40 questions; the
faultless assistant READY at 95 % confidence within 150. The last line is one JSON object of
the figures; `--out FILE` writes it to a file too. CPU time of this process is reported beside
wall time, and the load average before and after, since the machine may be shared.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _figures import emit

from auditor._audit import AuditOptions, run_audit
from auditor._config import AuditConfig
from auditor.reference._demo import STAFF_TOKEN_ENV, demo_config
from auditor.reference._world import running_world
from auditor.reference.assistant import parse_faults

#: The demo's suites (`auditor demo`).
SUITES = ["stock", "orders", "returns", "safety", "consistency", "conversations"]
#: The faults about what the assistant says (not its speed, errors or staleness).
CONTENT_FAULTS = [
    "ignores_stock",
    "blind_to_returns",
    "invents_items",
    "leaks_foreign_orders",
    "inconsistent",
    "obeys_injection",
    "leaks_in_words",
    "obeys_any_instruction",
    "recommends_unavailable",
    "wrong_item",
    "caves_on_pushback",
]


def _config(base: AuditConfig, stop: str, gate: dict[str, Any], min_per_class: int) -> AuditConfig:
    # No shrink phase: it asks after the plan, and is not part of the decision.
    audit = base.audit.model_copy(
        update={"stop": stop, "shrink_budget": 0, "min_per_class": min_per_class}
    )
    return base.model_copy(update={"audit": audit, "gate": base.gate.model_copy(update=gate)})


def _audit(config: AuditConfig, directory: Path, token: str) -> dict[str, Any]:
    options = AuditOptions(directory=directory, env={STAFF_TOKEN_ENV: token}, base_dir=directory)
    audit = asyncio.run(run_audit(config, options)).audit
    stopped = audit.stopped
    undecided = [c.name for c in audit.readiness.checks if c.undecided]
    return {
        "questions": stopped.after if stopped is not None else audit.metrics.probes,
        "ready": audit.readiness.ready,
        "decided": None if stopped is None else stopped.decided,
        "undecided_checks": undecided,
        "failed_checks": [
            c.name for c in audit.readiness.checks if not c.passed and not c.undecided
        ],
        "false_available": audit.metrics.false_available,
        "why": None if stopped is None else stopped.why[:300],
    }


def one(fault: str, seed: int, args: argparse.Namespace, out: Path) -> dict[str, Any]:
    faults = parse_faults([fault] if fault else [])
    with running_world(seed=seed, items=60, faults=faults) as world:
        base = demo_config(
            shop_url=world.shop_url,
            assistant_url=world.assistant_url,
            seed=seed,
            max_probes=args.max_probes,
            suites=SUITES,
            concurrency=args.concurrency,
        )
        row: dict[str, Any] = {"fault": fault or "(none)", "seed": seed}
        for stop in args.modes:
            directory = out / f"{fault or 'none'}-{seed}-{stop}"
            row[stop] = _audit(
                _config(base, stop, args.gate, args.min_per_class), directory, world.staff_token
            )
    return row


def answer_unit(probe: Any) -> str | None:
    """A consistency or re-contact group, one answer for its class (as `GateTally` counts)."""
    found = probe.param("group") or probe.param("recontact")
    return None if found is None else f"{probe.kind}|{found}"


#: The classes `ignores_stock` shows on: their share of a prefix against the whole plan's.
OUT_OF_STOCK = {"catalogued_out_of_stock", "discontinued", "backordered"}


def plan_order(seed: int, args: argparse.Namespace) -> dict[str, Any]:
    """What the plan's order reaches, without asking: the question by which every edge class,
    every probe kind and `min_per_class` draws per class (a group's questions once; a class's
    whole plan when it holds fewer) are in the plan, and the out-of-stock classes' share of
    its prefixes."""
    import inspect

    from auditor._anchors import open_anchors
    from auditor._probes import load_suites, plan_probes

    with running_world(seed=seed, items=60) as world:
        base = demo_config(
            shop_url=world.shop_url,
            assistant_url=world.assistant_url,
            seed=seed,
            max_probes=args.max_probes,
            suites=SUITES,
        )

        async def read() -> Any:
            env = {STAFF_TOKEN_ENV: world.staff_token}
            async with open_anchors(
                base.anchors, read_only=True, env=env, base_dir=Path(".")
            ) as anchors:
                return await anchors.snapshot()

        snapshot = asyncio.run(read())
    # `min_per_class` only where the planner takes it: run from an export of an older commit
    # (PYTHONPATH), this measures the order before the coverage rounds.
    extra = (
        {"min_per_class": args.min_per_class}
        if "min_per_class" in inspect.signature(plan_probes).parameters
        else {}
    )
    plan = plan_probes(
        snapshot,
        load_suites(SUITES),
        max_probes=args.max_probes,
        seed=seed,
        channels=[a.name for a in base.assistant],
        **extra,
    )
    first_kind: dict[str, int] = {}
    first_class: dict[str, int] = {}
    held: dict[str, set[str]] = {}
    for at, probe in enumerate(plan, start=1):
        first_kind.setdefault(probe.kind, at)
        first_class.setdefault(probe.edge_class or "", at)
        held.setdefault(probe.edge_class or "", set()).add(answer_unit(probe) or probe.id)
    needed = {c: min(args.min_per_class, len(u)) for c, u in held.items()}
    seen: set[str] = set()
    count: dict[str, int] = dict.fromkeys(needed, 0)
    reached = None
    for at, probe in enumerate(plan, start=1):
        unit = answer_unit(probe) or probe.id
        if unit not in seen:
            seen.add(unit)
            count[probe.edge_class or ""] += 1
        if all(count[c] >= n for c, n in needed.items()):
            reached = at
            break
    shares = {
        n: round(sum(p.edge_class in OUT_OF_STOCK for p in plan[:n]) / len(plan[:n]), 3)
        for n in (30, 50, 90, len(plan))
    }
    return {
        "seed": seed,
        "planned": len(plan),
        "every_class_by": max(first_class.values()),
        "every_kind_by": max(first_kind.values()),
        "min_per_class_by": reached,
        "out_of_stock_share": shares,
    }


def _summary(rows: list[dict[str, Any]], modes: list[str]) -> list[dict[str, Any]]:
    out = []
    for fault in dict.fromkeys(r["fault"] for r in rows):
        mine = [r for r in rows if r["fault"] == fault]
        line: dict[str, Any] = {"fault": fault, "runs": len(mine)}
        for mode in modes:
            asked = [r[mode]["questions"] for r in mine]
            line[mode] = {
                "median_questions": statistics.median(asked),
                "questions": asked,
                "ready": [r[mode]["ready"] for r in mine],
            }
            if mode == "decided":
                line[mode]["decided"] = [r[mode]["decided"] for r in mine]
        out.append(line)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3, 4, 5])
    parser.add_argument("--max-probes", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument(
        "--fault",
        nargs="*",
        default=None,
        help="default: every content fault; none: faultless only",
    )
    parser.add_argument("--no-faultless", action="store_true")
    parser.add_argument("--modes", nargs="+", default=["budget", "decided"])
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--min-per-class", type=int, default=3, help="[audit] min_per_class")
    parser.add_argument(
        "--max-conflict-rate",
        type=float,
        default=None,
        help="set [gate] max_conflict_rate (unset by default: reported, not gated)",
    )
    parser.add_argument(
        "--plan-only",
        action="store_true",
        help="ask nothing: what the plan's order reaches by which question, per seed",
    )
    args = parser.parse_args()
    if args.plan_only:
        print(json.dumps([plan_order(seed, args) for seed in args.seeds]))
        return
    args.gate = (
        {} if args.max_conflict_rate is None else {"max_conflict_rate": args.max_conflict_rate}
    )
    faults = ([] if args.no_faultless else [""]) + (
        CONTENT_FAULTS if args.fault is None else args.fault
    )
    load_before = os.getloadavg()
    wall, cpu = time.perf_counter(), time.process_time()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for fault in faults:
            for seed in args.seeds:
                row = one(fault, seed, args, Path(tmp))
                rows.append(row)
                shown = " · ".join(
                    f"{m} {row[m]['questions']}q {'READY' if row[m]['ready'] else 'NOT READY'}"
                    for m in args.modes
                )
                print(f"{row['fault']:24} seed {seed}: {shown}", file=sys.stderr, flush=True)
    figures = {
        "max_probes": args.max_probes,
        "concurrency": args.concurrency,
        "gate": args.gate,
        "min_per_class": args.min_per_class,
        "seeds": args.seeds,
        "summary": _summary(rows, args.modes),
        "rows": rows,
    }
    emit(figures, args.out, wall=wall, cpu=cpu, load_before=load_before)


if __name__ == "__main__":
    main()
