"""Stock claims in answers about several items (issues 16 and 23): each claim attaches to the
item its clause names, ellipsis carries a claim over to another item, look-alike names are not
the item they resemble. Every sentence here was written for these tests (not taken from the
corpus or from fixtures/claims/dev2/)."""

from __future__ import annotations

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract

SHOP = ExtractionContext(
    items={
        "TB-0010": "Toaster Bistro",
        "TB-0011": "Toaster Bistro Plus",
        "KM-0007": "Knife Magnet",
        "HL-0350": "Headlamp H350",
        "HL-0351": "Headlamp H350 Mini",
        "CP-0012": "Cup Set of 12",
        "ST-0001": "Step Stool",
        "PC-0015": "Pressure Cooker 6L",
    }
)

IN, OUT, LOW = "in_stock", "out_of_stock", "low_stock"


def read(text: str, kind: ClaimKind = ClaimKind.AVAILABILITY) -> list[tuple[object, object]]:
    return sorted(((c.value, c.subject) for c in extract(text, [kind], SHOP)), key=str)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Ellipsis: the claim before, for the name of a clause that says nothing else.
        ("The Step Stool is in stock, as is the Knife Magnet.", [(IN, "KM-0007"), (IN, "ST-0001")]),
        (
            "Toaster Bistro is unavailable and so is the Toaster Bistro Plus, sadly.",
            [(OUT, "TB-0010"), (OUT, "TB-0011")],
        ),
        (
            "Step Stool sold out, same goes for the Knife Magnet",
            [(OUT, "KM-0007"), (OUT, "ST-0001")],
        ),
        (
            "The Knife Magnet isn't available today, and neither is the Step Stool.",
            [(OUT, "KM-0007"), (OUT, "ST-0001")],
        ),
        # A bare verb after a name takes the claim before, or its opposite when one is denied.
        (
            "The Headlamp H350 Mini is not in stock, but the standard H350 is.",
            [(IN, "HL-0350"), (OUT, "HL-0351")],
        ),
        ("knife magnet in stock, the step stool isnt", [(IN, "KM-0007"), (OUT, "ST-0001")]),
    ],
)
def test_ellipsis_carries_the_claim_to_the_other_item(text, expected):
    assert read(text) == sorted(expected, key=str)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The phrase is said of the name it runs into, not of the one before the sentence's verb.
        (
            "The Knife Magnet has sold out, but we've got heaps of the plain Step Stool.",
            [(IN, "ST-0001"), (OUT, "KM-0007")],
        ),
        (
            "The Toaster Bistro is selling fast; there's plenty of the Toaster Bistro Plus though.",
            [(IN, "TB-0011"), (LOW, "TB-0010")],
        ),
        # "the Plus" completes the name said before it; "the H350" is the name it ends.
        (
            "I can take 5% off the Toaster Bistro, since the Plus has sold out.",
            [(OUT, "TB-0011")],
        ),
        (
            "You wanted the mini, but the H350 is the one that's out of stock: Headlamp H350 Mini"
            " is available.",
            [(IN, "HL-0351"), (OUT, "HL-0350")],
        ),
        # A singular verb ends a coordinated group: the first name has a claim of its own.
        (
            "We hold 20 of the Step Stool and the Knife Magnet's out of stock.",
            [(IN, "ST-0001"), (OUT, "KM-0007")],
        ),
    ],
)
def test_each_claim_attaches_to_the_item_its_clause_names(text, expected):
    assert read(text) == sorted(expected, key=str)


@pytest.mark.parametrize(
    "text",
    [
        "We've never carried a Toaster Bistro Max, sorry.",
        "Sorry, there's no Headlamp H900 in our range.",
        "I'm afraid we don't stock replacement blades for the Knife Magnet.",
        "Unfortunately that isn't something we sell; we only have the Step Stool.",
    ],
)
def test_not_carried_is_of_what_is_named_not_a_look_alike(text):
    assert read(text) == [("not_carried", None)]


def test_not_carried_pointing_back_is_about_the_item_named_before():
    assert read("The Toaster Bistro Plus? We don't stock it, I'm afraid.") == [
        ("not_carried", "TB-0011")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Counts per item; three or fewer beside a larger count is low stock.
        (
            "Our system shows 45 units of the Step Stool and 3 units of the Knife Magnet.",
            [(3, "KM-0007"), (45, "ST-0001")],
        ),
        ("knife magnet: 8. step stool: 0", [(0, "ST-0001"), (8, "KM-0007")]),
        (
            "| Product | Qty |\n|---|---|\n| Step Stool | 16 |\n| Knife Magnet | 1 |\n",
            [(1, "KM-0007"), (16, "ST-0001")],
        ),
        # Numbers in names are never counts; approximate counts are no quantity.
        ("The Cup Set of 12 is in stock, and we have roughly 60 of them.", []),
        ("We've got about 30 of the Pressure Cooker 6L.", []),
        # "not a single one" is none, not one.
        ("Not a single Cup Set of 12 left on the shelves, I'm afraid.", []),
    ],
)
def test_counts_per_item(text, expected):
    assert read(text, ClaimKind.QUANTITY) == sorted(expected, key=str)


def test_a_small_count_beside_a_larger_one_is_low_stock():
    assert read("Our system shows 45 units of the Step Stool and 3 units of the Knife Magnet.") == [
        (IN, "ST-0001"),
        (LOW, "KM-0007"),
    ]


def test_a_lone_small_count_is_not_made_low_by_the_rule_for_lists():
    assert read("One unit of Step Stool is available.") == [(IN, "ST-0001")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("knife magnet - out. step stool - loads", [(IN, "ST-0001"), (OUT, "KM-0007")]),
        ("In stock? Knife Magnet yes, Step Stool no, sorry", [(IN, "KM-0007"), (OUT, "ST-0001")]),
        ("Step Stool ✅ Knife Magnet ❌ (sold out)", [(IN, "ST-0001"), (OUT, "KM-0007")]),
    ],
)
def test_terse_one_word_answers_per_item(text, expected):
    assert read(text) == sorted(expected, key=str)


def test_one_word_answers_of_an_order_are_not_stock():
    text = "ORD-40112:\n- Step Stool ✅\n- Knife Magnet ❌"
    assert read(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Step Stool is back in, same for the Knife Magnet.",
            [(IN, "KM-0007"), (IN, "ST-0001")],
        ),
        ("The Knife Magnet came back in stock yesterday.", [(IN, "KM-0007")]),
        ("Step Stool restocking on the 18th", [("backorder", "ST-0001")]),
        ("We'll have more Knife Magnets in around the 22nd.", [("backorder", "KM-0007")]),
        ("The Knife Magnet has gone too, sorry.", [(OUT, "KM-0007")]),
        ("The Knife Magnet is limited in availability.", [(LOW, "KM-0007")]),
    ],
)
def test_stock_wording(text, expected):
    assert read(text) == sorted(expected, key=str)


def test_you_should_have_it_is_no_restock():
    assert read("Your Step Stool order has left us: you should have it in 2 days.") == []


def test_once_they_are_gone_is_no_stock_out():
    text = "We've stopped making the Step Stool, but 3 are left. Once they're gone, they're gone."
    assert read(text) == sorted([("discontinued", "ST-0001"), (LOW, "ST-0001")], key=str)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A percentage in a clause about a price cut, in any grammar.
        ("We have put a goodwill credit of 15% on your account.", [("15", None)]),
        ("Let me mark the Step Stool down by 20 percent for you.", [("20", "ST-0001")]),
        ("You can have the Knife Magnet at half price.", [("50", "KM-0007")]),
        ("We will waive the charge for the replacement Knife Magnet.", [("free", "KM-0007")]),
        # Not offers: a share of something, a refused or a looked-into discount.
        ("Around 30% of our stools sell in December.", []),
        ("I'm unable to take 10% off the Step Stool, sorry.", []),
        ("A colleague can look into a discount for you.", []),
    ],
)
def test_discounts_by_meaning(text, expected):
    assert read(text, ClaimKind.DISCOUNT) == sorted(expected, key=str)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Neither the Step Stool nor the Knife Magnet is in stock.",
            [(OUT, "KM-0007"), (OUT, "ST-0001")],
        ),
        (
            "We've run out of both the Step Stool and the Knife Magnet.",
            [(OUT, "KM-0007"), (OUT, "ST-0001")],
        ),
        (
            "The Step Stool's out right now, but the Knife Magnet's in stock.",
            [(IN, "KM-0007"), (OUT, "ST-0001")],
        ),
        (
            "We're waiting on a delivery of Knife Magnets, due next week.",
            [("backorder", "KM-0007")],
        ),
        ("knife magnet restock thurs", [("backorder", "KM-0007")]),
    ],
)
def test_groups_and_terse_states(text, expected):
    assert read(text) == sorted(expected, key=str)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("stock says 14 for the knife magnet", [(14, "KM-0007")]),
        ("Our inventory shows 6 Step Stools.", [(6, "ST-0001")]),
        ("got 9 in right now of the step stool", [(9, "ST-0001")]),
        ("we've 4 in our bristol warehouse, the knife magnet", [(4, "KM-0007")]),
        ("8 step stools in stock n 2 knife magnets", [(2, "KM-0007"), (8, "ST-0001")]),
        ("We've got a good 30 or so Step Stools.", []),
        ("We've got 3 of your orders on file.", []),
    ],
)
def test_counts_as_agents_type_them(text, expected):
    assert read(text, ClaimKind.QUANTITY) == sorted(expected, key=str)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "**Available now:** Step Stool, Knife Magnet\n**Sold out:** Toaster Bistro",
            [(IN, "KM-0007"), (IN, "ST-0001"), (OUT, "TB-0010")],
        ),
        (
            "1. **Step Stool** — 9 in stock\n2. **Knife Magnet** — back on 3 January",
            [(IN, "ST-0001"), ("backorder", "KM-0007")],
        ),
    ],
)
def test_markdown_lists_per_item(text, expected):
    assert read(text) == sorted(expected, key=str)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("step stool in stk", [(IN, "ST-0001")]),
        ("knife magnet yes we have it", [(IN, "KM-0007")]),
        ("no step stools rn", [(OUT, "ST-0001")]),
        ("knife magnet out til the 9th", [("backorder", "KM-0007")]),
        ("step stool back in stock 15/12", [("backorder", "ST-0001")]),
        ("headlamp h350 avail, h350 mini not", [(IN, "HL-0350"), (OUT, "HL-0351")]),
        ("we r out of knife magnets", [(OUT, "KM-0007")]),
        ("No Step Stool orders were placed yesterday.", []),
    ],
)
def test_chat_shorthand(text, expected):
    assert read(text) == sorted(expected, key=str)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We anticipate receiving additional Step Stools within three weeks.",
            [("backorder", "ST-0001")],
        ),
        (
            "The Knife Magnet is temporarily unavailable; we expect new inventory on January 5.",
            [("backorder", "KM-0007")],
        ),
        ("We currently have ample inventory of the Step Stool.", [(IN, "ST-0001")]),
        (
            "We're getting new deliveries every week, and the Step Stool is in stock.",
            [(IN, "ST-0001")],
        ),
    ],
)
def test_formal_restock_and_plenty(text, expected):
    assert read(text) == sorted(expected, key=str)


def test_counts_listed_respectively_pair_with_the_names_in_turn():
    text = "The Step Stool and the Knife Magnet are both in stock, 14 and 2 respectively."
    assert read(text, ClaimKind.QUANTITY) == [(14, "ST-0001"), (2, "KM-0007")]
    assert read(text) == sorted([(IN, "ST-0001"), (LOW, "KM-0007")], key=str)
