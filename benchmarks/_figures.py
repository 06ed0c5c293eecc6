"""How the benchmarks that run whole audits end: their figures, the wall and CPU time they
took and the machine's load before and after, as one JSON line (and `--out`'s file)."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def emit(
    figures: dict[str, Any],
    out: Path | None,
    *,
    wall: float,
    cpu: float,
    load_before: Sequence[float],
) -> None:
    """Print `figures` with the time since `wall` (perf_counter) and `cpu` (process_time) and
    the load around the run, as one line; write the same line to `out` when given."""
    figures = {
        **figures,
        "wall_s": round(time.perf_counter() - wall, 1),
        "cpu_s": round(time.process_time() - cpu, 1),
        "load_before": [round(x, 2) for x in load_before],
        "load_after": [round(x, 2) for x in os.getloadavg()],
    }
    text = json.dumps(figures)
    if out is not None:
        out.write_text(text + "\n", encoding="utf-8")
    print(text)
