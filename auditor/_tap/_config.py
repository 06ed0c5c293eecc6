"""The `[tap]` table: where the recording proxies listen, and which headers name the customer.

One proxy serves every anchor with the same origin (scheme, host and port of `base_url`);
`ports` fixes its port by the name of any of those anchors, so that an assistant configured once
finds it again. Without a port the proxy takes a free one and prints it.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator

from auditor._serve import is_loopback

_SECRET_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "x-api-key"})


class TapSection(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    host: str = Field(
        "127.0.0.1",
        description=(
            "Where the proxies listen: loopback only, since they "
            "forward the assistant's credentials."
        ),
    )
    ports: dict[str, Annotated[int, Field(ge=0, le=65535)]] = Field(
        default_factory=dict,
        description=(
            "Anchor name → the port of the proxy in front of it (0 or"
            " absent: any free port, printed)."
        ),
    )
    identity_headers: list[str] = Field(
        default_factory=lambda: ["X-On-Behalf-Of"],
        description=(
            "Request headers that name the customer a call is made for, recorded as seen (the "
            "first present one wins). Credentials are never recorded: only a keyed hash of them."
        ),
    )
    timeout_s: Annotated[float, Field(gt=0, le=3600)] = Field(
        60.0,
        description="Bound on one forwarded exchange, per read of the anchor's answer.",
    )

    @field_validator("identity_headers")
    @classmethod
    def _not_secrets(cls, names: list[str]) -> list[str]:
        secret = [n for n in names if n.lower() in _SECRET_HEADERS]
        if secret:
            raise ValueError(f"{', '.join(secret)} carry credentials; they are never recorded")
        return names

    @field_validator("host")
    @classmethod
    def _loopback(cls, host: str) -> str:
        if not is_loopback(host):
            raise ValueError(f"the tap listens on loopback only, not {host!r}")
        return host
