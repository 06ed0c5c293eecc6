"""Test customers: who the probes ask as, and the credentials each anchor needs for them.

A `[[customers]]` entry names one test identity: its id (the shop's customer id), its
credentials per anchor (environment variable names, never values), and how it shows itself to
the assistant: `variables` for the templates of the http adapter (`{{customer.NAME}}`) and
extra `headers` per channel. An anchor that has no credentials of its own and for which the
customers give theirs is read once per customer, and every record re-read as its owner
(`auditor/_anchors/_snapshot.py`). `customer_problems` checks the entries against the rest of
the configuration, each problem with its field path.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from auditor._anchors._config import AnchorConfig, AuthConfig, per_customer_anchors

if TYPE_CHECKING:
    from auditor._adapters._base import Identity

#: The prefix of a customer's own template variables: `{{customer.email}}`.
CUSTOMER_VARIABLE = "customer."


class CustomerConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Annotated[str, Field(min_length=1)] = Field(
        description="The customer's id, as the shop's records and the probes name it."
    )
    auth: dict[str, AuthConfig] = Field(
        default_factory=dict,
        description=(
            "Anchor name → this customer's credentials for it (environment variable names)."
        ),
    )
    variables: dict[str, str] = Field(
        default_factory=dict,
        description="`{{customer.NAME}}` in the http adapter's templates and in `headers`.",
    )
    headers: dict[str, dict[str, str]] = Field(
        default_factory=dict,
        description=(
            "Channel name → headers added to this customer's questions on that channel; values "
            "are templates (`{{customer.NAME}}`, `{{env.NAME}}` for a secret such as a session "
            "token)."
        ),
    )


def customer_auth(customers: Sequence[CustomerConfig]) -> dict[str, dict[str, AuthConfig]]:
    """Customer id -> anchor -> credentials, the shape `open_anchors` takes."""
    return {c.id: dict(c.auth) for c in customers}


def identities(customers: Sequence[CustomerConfig]) -> dict[str, Identity]:
    """Customer id -> identity towards the assistant, the shape `AdapterSettings` takes."""
    from auditor._adapters._base import Identity

    return {c.id: Identity(dict(c.variables), dict(c.headers)) for c in customers}


def _placeholders(value: Any) -> set[str]:
    from auditor._adapters._template import placeholders

    return placeholders(value)


def customer_problems(
    customers: Sequence[CustomerConfig],
    anchors: Mapping[str, AnchorConfig],
    channels: Mapping[str, Any],
) -> list[str]:
    """Every problem of the `[[customers]]` entries, as `field.path: reason` lines.

    `channels` maps each assistant channel's name to its configuration (for the templates
    that use `{{customer.NAME}}`)."""
    problems = list(_entry_problems(customers, anchors, channels))
    per_customer = per_customer_anchors(anchors, customer_auth(customers))
    for i, customer in enumerate(customers):
        for name in sorted(per_customer - set(customer.auth)):
            problems.append(
                f"customers.{i}.auth: no credentials for anchor `{name}`, which is read per "
                "customer (it has no `auth` of its own)"
            )
    for name, anchor in anchors.items():
        for path, reason in anchor.owner_problems(per_customer=name in per_customer):
            problems.append(f"anchors.{name}.{path}: {reason}")
    if customers:
        problems += _variable_problems(customers, channels)
    return problems


def _entry_problems(
    customers: Sequence[CustomerConfig],
    anchors: Mapping[str, AnchorConfig],
    channels: Mapping[str, Any],
) -> Iterable[str]:
    seen: dict[str, int] = {}
    for i, customer in enumerate(customers):
        if customer.id in seen:
            first = seen[customer.id]
            yield f"customers.{i}.id: duplicate customer id {customer.id!r} (customers.{first})"
        seen.setdefault(customer.id, i)
        for name in customer.auth:
            if name not in anchors:
                known = ", ".join(sorted(anchors)) or "none"
                yield f"customers.{i}.auth.{name}: no anchor named {name!r} (anchors: {known})"
        for channel in customer.headers:
            if channel not in channels:
                known = ", ".join(channels) or "none"
                yield f"customers.{i}.headers.{channel}: no assistant channel {channel!r} ({known})"


def _variable_problems(
    customers: Sequence[CustomerConfig], channels: Mapping[str, Any]
) -> Iterable[str]:
    """Each `{{customer.NAME}}` a template uses must be given by every customer."""
    for channel, config in channels.items():
        parts = [getattr(config, n, None) for n in ("url", "headers", "body", "form")]
        used = {n for n in _placeholders(parts) if n.startswith(CUSTOMER_VARIABLE)}
        for i, customer in enumerate(customers):
            used_here = used | {
                n
                for n in _placeholders(customer.headers.get(channel, {}))
                if n.startswith(CUSTOMER_VARIABLE)
            }
            for name in sorted(used_here):
                variable = name[len(CUSTOMER_VARIABLE) :]
                if variable not in customer.variables:
                    yield (
                        f"customers.{i}.variables: no `{variable}`, which channel {channel!r} "
                        f"uses as {{{{{name}}}}}"
                    )
