"""Tracing costs nothing when unused: an audit without it loads neither protobuf nor the SDK.

A fresh interpreter is the only place where `sys.modules` says what a code path loads.
"""

from __future__ import annotations

import json
import subprocess
import sys

_PROBE = """
import json, sys
import auditor._audit, auditor._cli._run, auditor._cli._demo, auditor._config, auditor._traces
from auditor._traces import AuditTracing
AuditTracing().begin  # the default tracing of every run
loaded = sorted(m for m in sys.modules if m.startswith(("google.protobuf", "opentelemetry")))
import auditor._traces._receiver, auditor._traces._export
after = sorted(m for m in sys.modules if m.startswith(("google.protobuf", "opentelemetry")))
print(json.dumps([loaded, len(after)]))
"""


def test_a_run_without_tracing_imports_neither_protobuf_nor_the_sdk():
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    loaded, after = json.loads(done.stdout)
    assert loaded == []
    assert after > 10  # the probe would notice: receiving and exporting do load them
