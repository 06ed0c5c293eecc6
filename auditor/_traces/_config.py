"""The `[traces]` table: the OTLP receiver the assistant exports to, and the audit's own spans.

The receiver (`auditor run --traces`, or `receive = true`) listens on loopback unless told
otherwise (an assistant in another container needs another address); port 0 takes a free port
and prints it. `export = "otlp"` sends the auditor's own spans (the audit, each probe, each
anchor read) to the team's collector at `endpoint`.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from auditor._validators import check_url

#: W3C `tracestate`: up to 32 comma-separated `key=value` members of printable ASCII.
_TRACESTATE = re.compile(r"[a-z0-9][a-z0-9_\-*/@]{0,255}=[\x20-\x2b\x2d-\x3c\x3e-\x7e]{0,256}")


class TracesSection(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    receive: bool = Field(
        False,
        description=(
            "Start the OTLP/HTTP receiver with every `auditor run` (as `--traces` does): the "
            "assistant's spans, joined to the probes by trace id, draw the orchestration map."
        ),
    )
    host: str = Field(
        "127.0.0.1",
        description="Where the receiver listens (loopback by default).",
    )
    port: Annotated[int, Field(ge=0, le=65535)] = Field(
        0,
        description="The receiver's port (0: any free port, printed); OTLP/HTTP's usual is 4318.",
    )
    max_body_bytes: Annotated[int, Field(ge=1024, le=256 * 1024 * 1024)] = Field(
        8 * 1024 * 1024,
        description="Largest export request accepted (after decompression); larger ones get 413.",
    )
    settle_s: Annotated[float, Field(ge=0, le=600)] = Field(
        10.0,
        description=(
            "After the last probe, how long to wait at most for the assistant's spans to "
            "arrive (exporters batch them, by default every 5 s); the wait ends as soon as every "
            "answered probe's trace has its first span."
        ),
    )
    tracestate: str | None = Field(
        None,
        description="W3C `tracestate` sent with every question's `traceparent`.",
    )
    export: Literal["none", "otlp"] = Field(
        "none",
        description=(
            "`otlp`: export the auditor's own spans (the audit, each probe, each anchor read) "
            "over OTLP/HTTP to `endpoint` (needs the `otel` extra)."
        ),
    )
    endpoint: str | None = Field(
        None,
        description=(
            "The collector's OTLP/HTTP base URL, e.g. `http://collector:4318` (`/v1/traces` is "
            "added); headers come from `OTEL_EXPORTER_OTLP_HEADERS` as usual."
        ),
    )
    service_name: str = Field(
        "readiness-auditor",
        description="`service.name` of the auditor's own spans.",
    )

    @field_validator("endpoint")
    @classmethod
    def _endpoint_is_url(cls, url: str | None) -> str | None:
        return None if url is None else check_url(url, what="endpoint")

    @field_validator("tracestate")
    @classmethod
    def _tracestate_is_w3c(cls, value: str | None) -> str | None:
        if value is None:
            return None
        members = [m.strip() for m in value.split(",")]
        if len(members) > 32 or not all(_TRACESTATE.fullmatch(m) for m in members):
            raise ValueError(
                f"{value!r} is not a W3C tracestate (comma-separated key=value, at most 32)"
            )
        return ",".join(members)

    @model_validator(mode="after")
    def _export_has_endpoint(self) -> TracesSection:
        if self.export == "otlp" and self.endpoint is None:
            raise ValueError('export = "otlp" needs an `endpoint` (the collector\'s OTLP/HTTP URL)')
        return self
