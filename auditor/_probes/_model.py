"""Probes: one question (or short conversation) about one subject, and what it is judged on."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Probe:
    kind: str
    subject: str
    #: The anchor fact kind the answer is judged against: "stock", "orders" or "returns".
    fact_kind: str
    turns: tuple[str, ...]
    edge_class: str | None = None
    customer_id: str | None = None
    channel: str | None = None
    #: Which phrasing template produced the turns, for findings and shrinking.
    phrasing: str = ""
    #: Kind-specific parameters (e.g. the owner of a foreign order), JSON-native values.
    params: tuple[tuple[str, str], ...] = ()
    id: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", probe_id(self))

    def param(self, name: str) -> str | None:
        return dict(self.params).get(name)

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "kind": self.kind,
            "subject": self.subject,
            "fact_kind": self.fact_kind,
            "turns": list(self.turns),
            "edge_class": self.edge_class,
            "customer_id": self.customer_id,
            "channel": self.channel,
            "phrasing": self.phrasing,
            "params": dict(self.params),
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Probe:
        params = data.get("params") or {}
        assert isinstance(params, dict)
        turns = data["turns"]
        assert isinstance(turns, list)
        return cls(
            kind=str(data["kind"]),
            subject=str(data["subject"]),
            fact_kind=str(data["fact_kind"]),
            turns=tuple(str(t) for t in turns),
            edge_class=_opt_str(data.get("edge_class")),
            customer_id=_opt_str(data.get("customer_id")),
            channel=_opt_str(data.get("channel")),
            phrasing=str(data.get("phrasing") or ""),
            params=tuple(sorted((str(k), str(v)) for k, v in params.items())),
            id=str(data.get("id") or ""),
        )


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)


def probe_id(probe: Probe) -> str:
    """A stable id from everything that defines the probe, so resumed runs recognise it."""
    body = json.dumps(
        [
            probe.kind,
            probe.subject,
            probe.fact_kind,
            list(probe.turns),
            probe.edge_class,
            probe.customer_id,
            probe.channel,
            list(probe.params),
        ],
        ensure_ascii=False,
    )
    return hashlib.sha256(body.encode()).hexdigest()[:16]
