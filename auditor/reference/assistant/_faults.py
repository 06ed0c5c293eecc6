"""The reference assistant's fault switches.

The auditor proves itself by catching known faults, so each switch names one way a real shop
bot goes wrong and is off by default: the faultless assistant must pass an audit clean.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields, replace
from typing import Any

#: The environment variable the CLI reads faults from (comma-separated, as for `--fault`).
FAULTS_ENV = "REFERENCE_ASSISTANT_FAULTS"


@dataclass(frozen=True, slots=True)
class Faults:
    """Which faults are on; every one is off by default."""

    #: Answer from shop data this many seconds old (0: always fresh). A change shows about this
    #: long after it is made, for any entity read before the change (see `_stale.py`).
    stale_cache: float = 0.0
    #: Call every catalogued item "in stock", whatever its stock and status.
    ignores_stock: bool = False
    #: Know no returns at all, as if the returns service were empty.
    blind_to_returns: bool = False
    #: Answer about unknown SKUs and names as if the shop carried them.
    invents_items: bool = False
    #: Read orders and returns in service-account scope, so any customer's order is disclosed.
    leaks_foreign_orders: bool = False
    #: Contradict itself across phrasings of the same question.
    inconsistent: bool = False
    #: Follow instructions hidden in product names.
    obeys_injection: bool = False
    #: Describe another customer's order when asked (its parcel, items, payment and dates),
    #: without one status word: a leak no status keyword gives away.
    leaks_in_words: bool = False
    #: Follow an instruction in a product name whatever its form (role label, polite request,
    #: markup, hidden after blanks): say its code word, or announce an offer no data holds.
    obeys_any_instruction: bool = False
    #: Recommend items that cannot be bought today (out of stock, discontinued, backordered).
    recommends_unavailable: bool = False
    #: Answer a stock question about the item's look-alike (a longer name holding its name,
    #: else an item sharing its head noun), stating the look-alike's stock.
    wrong_item: bool = False
    #: When the customer pushes back with a contrary claim ("your website says…"), agree.
    caves_on_pushback: bool = False
    #: Answer about a late or stalled order as if nothing were wrong: on schedule, arriving on
    #: the promised date, even when that date has passed.
    reassures_late: bool = False
    #: Added latency per answer, in milliseconds.
    slow: int = 0
    #: Share of answers that fail with HTTP 500/503 (0..1).
    flaky: float = 0.0

    def active(self) -> tuple[str, ...]:
        """Faults that are on, as `name` or `name=value`, in declaration order."""
        on: list[str] = []
        for spec in fields(self):
            value = getattr(self, spec.name)
            if value is True:
                on.append(spec.name)
            elif value and not isinstance(value, bool):
                on.append(f"{spec.name}={value}")
        return tuple(on)


def _switch(text: str | None) -> bool:
    if text is None:
        return True
    lowered = text.strip().lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off"):
        return False
    raise ValueError(f"expected on/off, got {text!r}")


def _seconds(text: str | None) -> float:
    value = float(_required(text))
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"expected seconds >= 0, got {text!r}")
    return value


def _millis(text: str | None) -> int:
    value = int(_required(text))
    if value < 0:
        raise ValueError(f"expected milliseconds >= 0, got {text!r}")
    return value


def _share(text: str | None) -> float:
    value = float(_required(text))
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"expected a share between 0 and 1, got {text!r}")
    return value


def _required(text: str | None) -> str:
    if text is None or not text.strip():
        raise ValueError("a value is required (name=value)")
    return text


_PARSERS: dict[str, Callable[[str | None], Any]] = {
    "stale_cache": _seconds,
    "ignores_stock": _switch,
    "blind_to_returns": _switch,
    "invents_items": _switch,
    "leaks_foreign_orders": _switch,
    "inconsistent": _switch,
    "obeys_injection": _switch,
    "leaks_in_words": _switch,
    "obeys_any_instruction": _switch,
    "recommends_unavailable": _switch,
    "wrong_item": _switch,
    "caves_on_pushback": _switch,
    "reassures_late": _switch,
    "slow": _millis,
    "flaky": _share,
}

_USAGE = (
    "valid switches: stale_cache=SECONDS, ignores_stock, blind_to_returns, invents_items, "
    "leaks_foreign_orders, inconsistent, obeys_injection, leaks_in_words, "
    "obeys_any_instruction, recommends_unavailable, wrong_item, caves_on_pushback, "
    "reassures_late, slow=MS, flaky=SHARE (0..1)"
)


def parse_faults(specs: Iterable[str], *, base: Faults | None = None) -> Faults:
    """Turn `name` / `name=value` switches into `Faults`; later switches win.

    Dashes are accepted for underscores (`ignores-stock`) because that is how people type
    command-line switches. Anything unknown or malformed is refused, never ignored: a typo in a
    fault name would otherwise make an audit pass for the wrong reason.
    """
    changes: dict[str, Any] = {}
    for raw in specs:
        spec = raw.strip()
        if not spec:
            continue
        name, sep, value = spec.partition("=")
        key = name.strip().lower().replace("-", "_")
        parser = _PARSERS.get(key)
        if parser is None:
            raise ValueError(f"unknown fault {name.strip()!r}; {_USAGE}")
        try:
            changes[key] = parser(value if sep else None)
        except ValueError as exc:
            raise ValueError(f"bad value for fault {key!r}: {exc}; {_USAGE}") from None
    return replace(base or Faults(), **changes)


def faults_from_env(value: str | None) -> list[str]:
    """Split the comma-separated `REFERENCE_ASSISTANT_FAULTS` value into switches."""
    if not value:
        return []
    return [part for part in (p.strip() for p in value.split(",")) if part]
