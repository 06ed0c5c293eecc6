"""Non-answers read by frame and class, third session (issues 16, 17, 23).

The families here were found on `fixtures/claims/dev3/handoffs3*.jsonl`; the sentences below are
written for this test, in none of the fixtures, so that each asserts a family (a lexicon class
or a frame whose verb says the value), not a sentence. Each family has look-alikes that must
stay unread."""

from __future__ import annotations

import re

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract
from auditor._claims._lexicon import ACCOUNT_HOLDER, FAILING, THIRD_PARTIES, THIS_ACCOUNT, forms

ITEMS = {"KT-0001": "Blue Kettle", "KT-0002": "Blue Kettle Pro"}


def read(text: str, kind: ClaimKind) -> list[object]:
    context = ExtractionContext(items=ITEMS)
    return [c.value for c in extract(text, [kind], context)]


def test_the_new_classes_are_data():
    assert {"froze", "frozen", "hung", "timed out", "lagging"} <= set(
        forms(*FAILING)[3:-1].split("|")
    )
    assert re.fullmatch(ACCOUNT_HOLDER, "account holder")
    assert re.fullmatch(ACCOUNT_HOLDER, "individual who placed")
    assert re.fullmatch(THIRD_PARTIES, "third parties")
    assert re.fullmatch(THIS_ACCOUNT, "the account you're signed in to")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # "Not something I can <verb>": the verb says which non-answer it is.
        ("Delivery slots aren't something I can see from this chat.", "cannot_check"),
        ("That's not information we are able to view here.", "cannot_check"),
        ("Warranty terms aren't something I can advise on, sorry.", "other"),
        ("That isn't a question I can answer, I'm afraid.", "other"),
        # What stops the assistant, and systems failing in any verb of the class.
        ("A fault on our side is stopping me from opening your order.", "cannot_check"),
        ("the tracking page just hangs whenever I open it", "cannot_check"),
        ("Our stock platform is having some downtime this morning.", "cannot_check"),
        ("it keeps crashing on me, sorry", "cannot_check"),
        ("I can't get onto the returns screen at the moment.", "cannot_check"),
        # "No idea" in its idioms, and other plain non-answers.
        ("Haven't the faintest, sorry!", "other"),
        ("I'm not in a position to advise on that.", "other"),
        ("Sorry, I can't offer any advice on electrical installs.", "other"),
        ("i wouldnt really know tbh", "other"),
        # Identity checks naming several details.
        ("Could you give me the name and postcode on the account?", "sign_in"),
        ("I'll need your full name and date of birth first.", "sign_in"),
        # Hand-offs: the conversation handed on, "2" for "to", a number to text, a callback.
        ("I'm passing this chat to a member of the payments team.", "contact_support"),
        ("forwarded 2 the billing team", "contact_support"),
        ("text us on 07700 900456 and we'll sort it", "contact_support"),
        ("I've arranged a callback from our returns desk.", "contact_support"),
        ("One of my colleagues will give you a buzz later.", "contact_support"),
        ("You'd be better speaking to the courier about that.", "contact_support"),
        ("We do not have the means to track parcels once they leave us.", "cannot_check"),
        ("The returns portal wont open for me today.", "cannot_check"),
        ("Honestly that's outside my expertise.", "other"),
        ("Drop the Manchester store a line, they'll know.", "contact_support"),
        ("Best to ask the supplier about spare parts.", "contact_support"),
        ("Please fill in the form at shop.example/claims, we'll go from there.", "contact_support"),
        ("I couldn't tell you when it'll be back on the shelf, sorry.", "cannot_check"),
        ("Total mystery to me, I'm afraid.", "other"),
        ("not sure to be honest", "other"),
        ("the portal won't let me in today", "cannot_check"),
        ("Please call Royal Mail on the number in your email.", "contact_support"),
        ("Sorry, I can't authorise it.", "other"),
        ("The courier portal doesn't give me any visibility of parcels abroad.", "cannot_check"),
        ("Sorry, no details on that at all.", "cannot_check"),
        ("I'll get Tom from dispatch to give you a ring.", "contact_support"),
        ("Could you log back in for me?", "sign_in"),
        ("Sorry for any confusion caused. Please let me know if there's anything else.", "other"),
        # A limit of authority beside a hand-off is the hand-off's reason (corpus ag-0006).
        ("I can't approve that myself, my supervisor will ring you.", "contact_support"),
        # A language model's own non-answers (fixtures/claims/llm_audits).
        ("As a shopping support AI, I can't share that information with you.", "cannot_check"),
        ("Sorry for the mix-up. I'm glad to help you further with your order.", "other"),
        ("Apologies. I will give a more accurate answer in my next reply.", "other"),
    ],
)
def test_non_answers_by_frame(text, value):
    assert read(text, ClaimKind.DEFLECTION) == [value]


@pytest.mark.parametrize(
    "text",
    [
        # Sign-offs after an answer, in the forms the rule never matched ("if you'd like").
        "The Blue Kettle is in stock. If you'd like a second one, just call us on 0800 555 0101.",
        "The Blue Kettle is in stock. Should you need anything further, contact our team.",
        "ORD-1234 has shipped. Any other queries, drop us an email.",
        # A missing date is the shop's answer, not a non-answer (corpus md-0023).
        "The Blue Kettle is sold out and I don't have a date for new stock yet.",
        # The owner asked to get in touch is a refusal's reason, not a hand-off.
        "Whoever placed ORD-5521 will need to contact us themselves, I'm afraid.",
        # Privacy as the reason of a sign-in request is no refusal (see test below).
        # Someone else's login named is no sign-in request.
        "It might have been placed under a different login.",
    ],
)
def test_no_deflection(text):
    assert read(text, ClaimKind.DEFLECTION) == []


@pytest.mark.parametrize(
    "text",
    [
        "ORD-5521 isn't linked to the account you're logged in with.",
        "I couldn't find RMA-9012 among the orders on your account.",
        "We never share order details with anyone else, even a partner.",
        "Those details are reserved for the account holder.",
        "That information can only go to the person who placed the order.",
        "There's nothing coming up for ORD-5521 under your email.",
        "sorry cant discuss, that's a different acct",
        "I'm unable to look at orders on other accounts.",
        "Sorry, I can't go into an order that isn't your own.",
        "that rma isnt registered to u",
        "That order wasn't made under your account, so I can't help.",
        # A refusal in a second sentence keeps its limit as its reason, not a deflection.
        "ORD-5521 isn't yours. I can only discuss orders that belong to you.",
    ],
)
def test_privacy_refusals(text):
    assert read(text, ClaimKind.REFUSAL) == ["privacy"]
    assert read(text, ClaimKind.DEFLECTION) == []


def test_a_limit_of_time_is_no_refusal():
    text = "I can't see that far back in your order history, only the last year."
    assert read(text, ClaimKind.REFUSAL) == []
    assert read(text, ClaimKind.DEFLECTION) == ["cannot_check"]


@pytest.mark.parametrize(
    "text",
    [
        "sorry, what product?",
        "May I have the order number, please?",
        "Do you have the return number to hand?",
        "whats the order no",
        "Please provide the order number so I can look.",
        "Could you tell me the name of the product you're after?",
    ],
)
def test_clarifications(text):
    assert read(text, ClaimKind.CLARIFICATION) == ["which_one"]


@pytest.mark.parametrize(
    "text",
    [
        "Could you tell me the name on the account?",
        "What a week it's been! The Blue Kettle is in stock.",
        "Email your order number to help@shop.example.",
    ],
)
def test_not_clarifications(text):
    assert read(text, ClaimKind.CLARIFICATION) == []


def test_privacy_as_the_reason_to_sign_in_is_no_refusal():
    text = "To protect your privacy, please log in before I check anything."
    assert read(text, ClaimKind.DEFLECTION) == ["sign_in"]
    assert read(text, ClaimKind.REFUSAL) == []
