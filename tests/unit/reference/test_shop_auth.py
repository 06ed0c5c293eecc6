"""Who a bearer token is, and which customer's records a call may see."""

from __future__ import annotations

import pytest

from auditor.reference.shop import create_shop
from auditor.reference.shop._auth import Credentials, Unauthorized

CREDENTIALS = Credentials.of("staff-secret", {"C-001": "cust-1", "C-002": "cust-2"})


def test_staff_sees_everyone_unless_acting_for_a_customer() -> None:
    staff = CREDENTIALS.principal("staff-secret", None)
    assert (staff.staff, staff.scope) == (True, None)
    assert staff.may_see("C-001") and staff.may_see("C-002")
    acting = CREDENTIALS.principal("staff-secret", "C-002")
    assert (acting.staff, acting.scope) == (True, "C-002")
    assert not acting.may_see("C-001")


def test_a_customer_is_confined_to_themselves() -> None:
    customer = CREDENTIALS.principal("cust-1", None)
    assert (customer.staff, customer.scope) == (False, "C-001")
    assert CREDENTIALS.principal("cust-1", "C-001").scope == "C-001"
    with pytest.raises(Unauthorized, match="only the staff token"):
        CREDENTIALS.principal("cust-1", "C-002")


@pytest.mark.parametrize("token", [None, "", "cust-3", "staff-secret ", "STAFF-SECRET"])
def test_unknown_tokens_are_refused(token: str | None) -> None:
    with pytest.raises(Unauthorized):
        CREDENTIALS.principal(token, None)


def test_the_sandbox_takes_only_the_staff_token() -> None:
    assert CREDENTIALS.staff("staff-secret").staff
    with pytest.raises(Unauthorized, match="staff token"):
        CREDENTIALS.staff("cust-1")


def test_an_empty_staff_token_is_refused() -> None:
    with pytest.raises(ValueError, match="empty"):
        create_shop(staff_token=" ")
