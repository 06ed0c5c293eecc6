"""Information lag: how long after the shop's data changes the assistant's answers follow.

Each scenario changes the truth through a declared sandbox action (never outside a sandbox,
never in the `production` profile), confirms through the anchor that it changed, then asks the
assistant again and again until an answer agrees with the new truth. See `_scenario.py` for the
measurement and `_phase.py` for how scenarios run together.
"""

from typing import TYPE_CHECKING

from auditor._lazy import lazy_exports

if TYPE_CHECKING:
    from auditor._lag._actions import ActionError, HookCall, load_hook
    from auditor._lag._config import (
        NEEDED_FACTS,
        Action,
        HookAction,
        HttpAction,
        LagKindName,
        LagSection,
        SandboxSection,
        ScenarioConfig,
        lag_problems,
    )
    from auditor._lag._kinds import LAG_KINDS, LagKind, Subject, reflects
    from auditor._lag._metrics import LagStats, LagSummary, lag_stats, percentile, summarise_lag
    from auditor._lag._phase import (
        LagContext,
        SandboxRefused,
        check_allowed,
        plan_scenarios,
        run_lag_phase,
    )
    from auditor._lag._records import LAG_FILE, LagRecord, LagStatus, ResetRecord, read_lag
    from auditor._lag._scenario import Ask, Extractor, Planned, TruthReader

#: Imported on first use (`auditor._lazy`): the same names as above.
_EXPORTS = {
    "auditor._lag._actions": (
        "ActionError",
        "HookCall",
        "load_hook",
    ),
    "auditor._lag._config": (
        "NEEDED_FACTS",
        "Action",
        "HookAction",
        "HttpAction",
        "LagKindName",
        "LagSection",
        "SandboxSection",
        "ScenarioConfig",
        "lag_problems",
    ),
    "auditor._lag._kinds": (
        "LAG_KINDS",
        "LagKind",
        "Subject",
        "reflects",
    ),
    "auditor._lag._metrics": (
        "LagStats",
        "LagSummary",
        "lag_stats",
        "percentile",
        "summarise_lag",
    ),
    "auditor._lag._phase": (
        "LagContext",
        "SandboxRefused",
        "check_allowed",
        "plan_scenarios",
        "run_lag_phase",
    ),
    "auditor._lag._records": (
        "LAG_FILE",
        "LagRecord",
        "LagStatus",
        "ResetRecord",
        "read_lag",
    ),
    "auditor._lag._scenario": (
        "Ask",
        "Extractor",
        "Planned",
        "TruthReader",
    ),
}
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

__all__ = [
    "LAG_FILE",
    "LAG_KINDS",
    "NEEDED_FACTS",
    "Action",
    "ActionError",
    "Ask",
    "Extractor",
    "HookAction",
    "HookCall",
    "HttpAction",
    "LagContext",
    "LagKind",
    "LagKindName",
    "LagRecord",
    "LagSection",
    "LagStats",
    "LagStatus",
    "LagSummary",
    "Planned",
    "ResetRecord",
    "SandboxRefused",
    "SandboxSection",
    "ScenarioConfig",
    "Subject",
    "TruthReader",
    "check_allowed",
    "lag_problems",
    "lag_stats",
    "load_hook",
    "percentile",
    "plan_scenarios",
    "read_lag",
    "reflects",
    "run_lag_phase",
    "summarise_lag",
]
