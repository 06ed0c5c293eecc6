"""Names that the configuration, the reports and the command line share.

They live in a module that imports nothing of ours, so that the CLI can declare its options
(Typer reads the annotations when it builds the commands) without loading the engine:
`auditor --help` stays fast. `auditor._config` and `auditor._report` re-export them.
"""

from __future__ import annotations

from typing import Literal

#: The audit profiles (`[audit] profile`, `auditor run --profile`).
Profile = Literal["ci", "production", "explore"]

#: What makes an audit not ready (`auditor run --fail-on`, `auditor report --fail-on`).
FailOn = Literal["gate", "regression"]
#: When an audit stops asking (`[audit] stop`, `--stop`): when the budget (the plan) is spent,
#: or as soon as the gate is decided (`auditor/_report/_decision.py`).
StopRule = Literal["budget", "decided"]

#: The history database's file name, beside the configuration unless `[history] path` says
#: otherwise.
HISTORY_FILE = "history.sqlite"

#: Where `auditor reference assistant` reads the shop's staff token by default; the shop's
#: banner prints the command with it set.
REFERENCE_STAFF_TOKEN_ENV = "SHOP_STAFF_TOKEN"  # noqa: S105 (a variable's name, not a secret)
