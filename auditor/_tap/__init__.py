"""The tap: recording reverse proxies in front of the anchors, and the orchestration map.

Point the assistant at the proxies (`auditor tap`, `auditor run --tap`, `auditor demo --tap`)
and every anchor call it makes is recorded, without secrets, to `tap.jsonl`; the join
(`_join.py`) ties calls to the probes they answered, and the map (`_map.py`) shows per probe
kind which operations the answers rested on, and what they should have rested on.
"""

from typing import TYPE_CHECKING

from auditor._lazy import lazy_exports

if TYPE_CHECKING:
    from auditor._tap._config import TapSection
    from auditor._tap._join import RULE, Join, Mode, ProbeWindow, join_calls, window_of
    from auditor._tap._map import orchestration_map
    from auditor._tap._model import (
        AnswerCalls,
        AuthSeen,
        FlagName,
        KindMap,
        MapFlag,
        OperationCount,
        OrchestrationMap,
        TapCall,
    )
    from auditor._tap._operations import Matched, OperationIndex, origin_of
    from auditor._tap._proxy import TapProxy
    from auditor._tap._recorder import TAP_FILE, Exchange, TapRecorder, read_calls
    from auditor._tap._session import (
        Tap,
        TapError,
        TapUnavailable,
        load_specs,
        open_tap,
        tap_front,
    )

#: Imported on first use (`auditor._lazy`): the same names as above.
_EXPORTS = {
    "auditor._tap._config": ("TapSection",),
    "auditor._tap._join": (
        "RULE",
        "Join",
        "Mode",
        "ProbeWindow",
        "join_calls",
        "window_of",
    ),
    "auditor._tap._map": ("orchestration_map",),
    "auditor._tap._model": (
        "AnswerCalls",
        "AuthSeen",
        "FlagName",
        "KindMap",
        "MapFlag",
        "OperationCount",
        "OrchestrationMap",
        "TapCall",
    ),
    "auditor._tap._operations": (
        "Matched",
        "OperationIndex",
        "origin_of",
    ),
    "auditor._tap._proxy": ("TapProxy",),
    "auditor._tap._recorder": (
        "TAP_FILE",
        "Exchange",
        "TapRecorder",
        "read_calls",
    ),
    "auditor._tap._session": (
        "Tap",
        "TapError",
        "TapUnavailable",
        "load_specs",
        "open_tap",
        "tap_front",
    ),
}
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

__all__ = [
    "RULE",
    "TAP_FILE",
    "AnswerCalls",
    "AuthSeen",
    "Exchange",
    "FlagName",
    "Join",
    "KindMap",
    "MapFlag",
    "Matched",
    "Mode",
    "OperationCount",
    "OperationIndex",
    "OrchestrationMap",
    "ProbeWindow",
    "Tap",
    "TapCall",
    "TapError",
    "TapProxy",
    "TapRecorder",
    "TapSection",
    "TapUnavailable",
    "join_calls",
    "load_specs",
    "open_tap",
    "orchestration_map",
    "origin_of",
    "read_calls",
    "tap_front",
    "window_of",
]
