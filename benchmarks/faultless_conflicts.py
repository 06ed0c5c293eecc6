"""Can a correct assistant conflict? The faultless reference assistant over seeds and voices.

`[gate] max_conflicts = 0` decides NOT READY at the first consistency group whose answers
contradict each other: sound only if a correct assistant never does. This audits the faultless
reference world with the whole budget in every voice (`standard`, `british`, `sms`,
`markdown`) and, in the standard voice, with the reference lag scenarios on (`auditor demo
--lag`), and counts conflicting groups two ways from the stored results: the rule as it is
(answers compared within one truth) and the rule before it (any two judged values of a group
differing), and the groups whose truth changed between their asks.

    .venv/bin/python benchmarks/faultless_conflicts.py [--suites consistency] [--seeds 1 2 3 4 5]
        [--max-probes 300] [--out FILE]

The default suites are the demo's six (about six groups in 300 questions); `--suites
consistency` asks nothing but consistency groups (about 47 in 300). The last line is one JSON
object; CPU time and the load average are given beside it, as the machine may be shared.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _figures import emit

from auditor._audit import AuditOptions, run_audit
from auditor._report._consistency import ConflictTally
from auditor._report._truth import judged_values, truth_word
from auditor._results import read_results
from auditor.reference._demo import STAFF_TOKEN_ENV, demo_config
from auditor.reference._lag_config import with_reference_lag
from auditor.reference._world import running_world

DEMO_SUITES = ["stock", "orders", "returns", "safety", "consistency", "conversations"]
VOICES = ["standard", "british", "sms", "markdown"]


def count(directory: Path) -> dict[str, int]:
    """Groups, conflicts by the rule and by the rule before it, groups whose truth changed."""
    tally = ConflictTally()
    values: dict[str, set[frozenset[str]]] = {}
    truths: dict[str, set[str]] = {}
    for result in read_results(directory):
        tally.add(result)
        group = (result.probe.get("params") or {}).get("group")
        judged = judged_values(result)
        if group and judged:
            values.setdefault(str(group), set()).add(judged)
            truths.setdefault(str(group), set()).add(truth_word(result))
    metrics = tally.metrics()
    return {
        "groups": metrics.rate.denominator,
        "conflicts": metrics.rate.numerator,
        "conflicts_any_truth": sum(1 for seen in values.values() if len(seen) > 1),
        "truth_changed": sum(1 for seen in truths.values() if len(seen) > 1),
    }


def one(
    voice: str,
    seed: int,
    lag: bool,
    args: argparse.Namespace,
    out: Path,
    counter: Callable[[Path], dict[str, int]] = count,
) -> dict[str, Any]:
    """One audit of the faultless world, counted by `counter` from its stored results."""
    directory = out / f"{voice}-{seed}-{'lag' if lag else 'plain'}"
    with running_world(seed=seed, items=60, voice=voice) as world:
        config = demo_config(
            shop_url=world.shop_url,
            assistant_url=world.assistant_url,
            seed=seed,
            max_probes=args.max_probes,
            suites=args.suites,
        )
        if lag:
            config = with_reference_lag(config, world.shop_url, STAFF_TOKEN_ENV)
        audit = config.audit.model_copy(update={"shrink_budget": 0})
        config = config.model_copy(update={"audit": audit})
        options = AuditOptions(
            directory=directory, env={STAFF_TOKEN_ENV: world.staff_token}, base_dir=directory
        )
        probes = asyncio.run(run_audit(config, options)).audit.metrics.probes
    return {"voice": voice, "seed": seed, "lag": lag, "probes": probes, **counter(directory)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--suites", nargs="+", default=DEMO_SUITES)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3, 4, 5])
    parser.add_argument("--max-probes", type=int, default=300)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    runs = [(voice, seed, False) for voice in VOICES for seed in args.seeds]
    runs += [("standard", seed, True) for seed in args.seeds]
    load_before = os.getloadavg()
    wall, cpu = time.perf_counter(), time.process_time()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for voice, seed, lag in runs:
            row = one(voice, seed, lag, args, Path(tmp))
            rows.append(row)
            print(json.dumps(row), file=sys.stderr, flush=True)
    keys = ("groups", "conflicts", "conflicts_any_truth", "truth_changed")
    figures = {
        "suites": args.suites,
        "max_probes": args.max_probes,
        "seeds": args.seeds,
        "totals": {key: sum(r[key] for r in rows) for key in keys},
        "rows": rows,
    }
    emit(figures, args.out, wall=wall, cpu=cpu, load_before=load_before)


if __name__ == "__main__":
    main()
