"""Can a correct assistant say "available" of an item with nothing to sell?

`[gate] max_false_available = 0` decides NOT READY at the first answer that promises a sale
(in stock, low stock, a count above zero) of an item the shop had none of to sell before the
question and after the answer (`auditor._compat.false_availability`): sound only if a correct
assistant never gives one. This audits the faultless reference world with the whole budget in
every voice and, in the standard voice, with the reference lag scenarios on, with the harness
of `faultless_conflicts.py`, and counts from the stored results:

* `false_available`: results the judge labelled so (what the gate counts);
* `promised_none_before`: answers whose judged claims promise a sale where the truth before
  the question held nothing to sell, whatever their verdict (a restock while the probe ran makes
  such an answer `indeterminate`, not a failure: the truth-window rule);
* `fails_none_to_sell`: `fail`s of any label whose truth before held nothing to sell.

    .venv/bin/python benchmarks/faultless_false_available.py [--seeds 1 2 3 4 5]
        [--max-probes 300] [--out FILE]

The last line is one JSON object; CPU time and the load average are given beside it.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from _figures import emit
from faultless_conflicts import DEMO_SUITES, VOICES, one

from auditor._claims import Claim, ClaimKind
from auditor._compat import FALSE_AVAILABLE, nothing_to_sell, promises_sale
from auditor._results import ProbeResult, read_results
from auditor._teach._rejudge import fact_from_record
from auditor._verdict import Verdict


def _judged(result: ProbeResult) -> list[Claim]:
    claims = [result.claims[i] for i in result.judged if 0 <= i < len(result.claims)]
    return [Claim(ClaimKind(c.kind), c.value, c.span, c.subject, c.hedged) for c in claims]


def count(directory: Path) -> dict[str, int]:
    """The three counts of the module's docstring, over the stock probes of one audit."""
    counts = dict.fromkeys(("stock_answers", "false_available", "promised_none_before"), 0)
    counts["fails_none_to_sell"] = 0
    for result in read_results(directory):
        if result.probe.get("fact_kind") != "stock":
            continue
        counts["stock_answers"] += 1
        counts["false_available"] += result.label == FALSE_AVAILABLE
        if not nothing_to_sell(fact_from_record("stock", result.truth_before)):
            continue
        counts["promised_none_before"] += promises_sale(_judged(result))
        counts["fails_none_to_sell"] += result.verdict is Verdict.FAIL
    return counts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--suites", nargs="+", default=DEMO_SUITES)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3, 4, 5])
    parser.add_argument("--max-probes", type=int, default=300)
    parser.add_argument("--voices", nargs="+", default=VOICES)
    parser.add_argument("--no-lag", action="store_true", help="leave out the lag runs")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    runs = [(voice, seed, False) for voice in args.voices for seed in args.seeds]
    if not args.no_lag:
        runs += [("standard", seed, True) for seed in args.seeds]
    load_before = os.getloadavg()
    wall, cpu = time.perf_counter(), time.process_time()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for voice, seed, lag in runs:
            row = one(voice, seed, lag, args, Path(tmp), counter=count)
            rows.append(row)
            print(json.dumps(row), file=sys.stderr, flush=True)
    keys = ("probes", "stock_answers", "false_available", "promised_none_before")
    figures = {
        "suites": args.suites,
        "max_probes": args.max_probes,
        "seeds": args.seeds,
        "totals": {key: sum(r[key] for r in rows) for key in (*keys, "fails_none_to_sell")},
        "rows": rows,
    }
    emit(figures, args.out, wall=wall, cpu=cpu, load_before=load_before)


if __name__ == "__main__":
    main()
