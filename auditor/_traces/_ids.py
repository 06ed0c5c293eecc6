"""Span and trace ids from the operating system's randomness, never the `random` module.

The SDK's default generator draws from the global `random` state. Hypothesis, which plans the
audit in the same process, checks that nothing else moves that state while it draws (and says
so, as an error under the tests' warning filter); the reference assistant's spans, made in its
own thread while the audit plans, would. W3C ids are also better unguessable.
"""

from __future__ import annotations

import secrets

from opentelemetry.sdk.trace.id_generator import IdGenerator


class SecretIds(IdGenerator):
    def generate_span_id(self) -> int:
        return secrets.randbits(64) or 1

    def generate_trace_id(self) -> int:
        return secrets.randbits(128) or 1

    def is_trace_id_random(self) -> bool:
        return True
