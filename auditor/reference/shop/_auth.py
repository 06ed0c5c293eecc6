"""Who is calling: the staff token, a customer's token, or nobody the shop knows.

The orders and returns documents promise that a record the caller may not see answers exactly
like a missing one; the services get that for free by filtering on `Principal.scope`, which
is the one customer a call is confined to (None only for staff acting for themselves).
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import dataclass


def customer_token(seed: int, customer_id: str) -> str:
    """A customer's sandbox token: stable per seed, so printed credentials stay valid."""
    digest = hashlib.blake2b(f"{seed}/{customer_id}".encode(), digest_size=4).hexdigest()
    return f"cust-{customer_id}-{digest}"


class Unauthorized(Exception):
    """The call carries no credentials the shop accepts (answered with 401)."""


@dataclass(frozen=True, slots=True)
class Principal:
    staff: bool
    #: The customer whose records the call may see; None means every customer's.
    scope: str | None

    def may_see(self, customer_id: str) -> bool:
        return self.scope is None or self.scope == customer_id


@dataclass(frozen=True, slots=True)
class Credentials:
    staff_token: str
    #: token -> customer id
    customers_by_token: Mapping[str, str]

    @classmethod
    def of(cls, staff_token: str, customer_tokens: Mapping[str, str]) -> Credentials:
        """From customer id -> token, the direction the shop publishes them in."""
        return cls(staff_token, {token: cid for cid, token in customer_tokens.items()})

    def principal(self, token: str | None, on_behalf_of: str | None) -> Principal:
        """Resolve a bearer token and the optional `X-On-Behalf-Of` header."""
        if not token:
            raise Unauthorized("this call needs an Authorization: Bearer token")
        if hmac.compare_digest(token.encode(), self.staff_token.encode()):
            return Principal(staff=True, scope=on_behalf_of)
        customer_id = self.customers_by_token.get(token)
        if customer_id is None:
            raise Unauthorized("the bearer token is not one this shop issued")
        if on_behalf_of is not None and on_behalf_of != customer_id:
            raise Unauthorized("only the staff token may act on behalf of another customer")
        return Principal(staff=False, scope=customer_id)

    def staff(self, token: str | None) -> Principal:
        """Resolve a call that only the staff token may make (the sandbox)."""
        principal = self.principal(token, None)
        if not principal.staff:
            raise Unauthorized("the sandbox needs the staff token")
        return principal
