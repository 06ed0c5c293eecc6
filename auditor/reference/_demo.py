"""The demo audit's configuration: the reference world, audited with the default suite."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from auditor._config import AuditConfig, parse_config
from auditor._reader._config import ReaderSection
from auditor.reference._audit_config import reference_anchors

#: The environment variable the demo passes the shop's staff token in (never written to disk).
STAFF_TOKEN_ENV = "REFERENCE_SHOP_STAFF_TOKEN"  # noqa: S105 (a variable name, not a secret)


@dataclass(frozen=True, slots=True)
class DemoPace:
    """How hard the demo may push the assistant: its probe budget, concurrency and timeout."""

    max_probes: int
    concurrency: int
    timeout_s: float


#: Per brain. The `llm` brain's model runs on one CPU thread and answers one question at a
#: time (about a second each), so its demo asks fewer questions, two at a time, and waits longer.
DEMO_PACES = {
    "rules": DemoPace(max_probes=300, concurrency=8, timeout_s=15),
    "llm": DemoPace(max_probes=60, concurrency=2, timeout_s=120),
}


def demo_config(
    *,
    shop_url: str,
    assistant_url: str,
    seed: int,
    max_probes: int,
    suites: list[str],
    concurrency: int = 8,
    timeout_s: float = 15,
) -> AuditConfig:
    anchors = reference_anchors(shop_url, STAFF_TOKEN_ENV)
    return parse_config(
        {
            "audit": {
                "name": "reference-demo",
                "seed": seed,
                "max_probes": max_probes,
                "concurrency": concurrency,
                "timeout_s": timeout_s,
            },
            # Two channels of one assistant, as a shop would deploy a web widget and an SMS bot.
            "assistant": [
                {
                    "name": "web",
                    "kind": "openai",
                    "base_url": f"{assistant_url}/v1",
                    "model": "shop-assistant",
                },
                {
                    "name": "sms",
                    "kind": "http",
                    "url": f"{assistant_url}/message",
                    "body": {
                        "text": "{{question}}",
                        "session": "{{session_id}}",
                        "customer": "{{customer_id}}",
                    },
                    "answer_path": "$.reply.text",
                    "session_path": "$.session",
                },
            ],
            "anchors": {name: anchor.model_dump() for name, anchor in anchors.items()},
            "probes": {"suites": suites},
        },
        source="demo",
    )


@contextmanager
def demo_reader(
    where: str | None, model: str | None, mode: str, running: str | None = None
) -> Iterator[ReaderSection | None]:
    """`auditor demo --reader`: the `[reader]` section, with the local model server started
    for it when `where` is `local` (the one `--brain llm` runs, when it runs one)."""
    if where is None:
        yield None
        return
    if where != "local":
        yield ReaderSection.model_validate({"base_url": where, "model": model, "mode": mode})
        return
    from auditor.reference.assistant._llm_server import MODEL_ALIAS, ModelServer

    with ModelServer() if running is None else _nothing() as server:
        url = running if server is None else server.url
        # One CPU thread serves it: one request at a time, and a generous bound on each.
        yield ReaderSection.model_validate(
            {
                "base_url": f"{url}/v1",
                "model": model or MODEL_ALIAS,
                "mode": mode,
                "timeout_s": 120,
                "concurrency": 1,
            }
        )


@contextmanager
def _nothing() -> Iterator[None]:
    yield None
