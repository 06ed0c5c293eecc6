"""The public surface of the adapters package and of the runner, pinned."""

import auditor._adapters
import auditor._runner


def test_adapters_exports():
    assert sorted(auditor._adapters.__all__) == sorted(
        [
            "ADAPTERS",
            "ENTRY_POINT_GROUP",
            "MAX_BACKOFF_S",
            "AdapterError",
            "AdapterFactory",
            "AdapterRegistry",
            "AdapterSettings",
            "Answer",
            "Assistant",
            "Conversation",
            "Pace",
            "RateLimiter",
            "no_pace",
            "TransportName",
        ]
    )
    assert all(hasattr(auditor._adapters, name) for name in auditor._adapters.__all__)


def test_runner_exports():
    assert sorted(auditor._runner.__all__) == sorted(
        [
            "DEADLINE_REASON",
            "Extractor",
            "FreshIds",
            "ProbeJudge",
            "ProbeTracing",
            "RateLimiter",
            "RunSettings",
            "TruthSource",
            "run_probes",
        ]
    )
    assert all(hasattr(auditor._runner, name) for name in auditor._runner.__all__)
