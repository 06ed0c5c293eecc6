"""The terminal view: claims marked in the answer, and nothing the answer says can drive it."""

from __future__ import annotations

import io

from rich.console import Console

from auditor._claims import Claim, ClaimKind
from auditor._explore import Agreement, ClaimCheck, Exploration, Subject, Truth, render
from auditor._explore._render import answer_text
from auditor._facts import Snapshot

from .conftest import NOW

HOSTILE = (
    "\x1b]0;PWNED\x07Yes, \x1b[31mBlue Kettle Pro\x1b[0m (KT-1712) is in stock! "
    "[bold red]pwned[/] \x1b[2J\u202edone"
)


def _exploration(snapshot: Snapshot, answer: str = HOSTILE) -> Exploration:
    start = answer.index("in stock")
    claim = Claim(ClaimKind.AVAILABILITY, "in_stock", (start, start + 8), "KT-1712")
    check = ClaimCheck(
        claim,
        Agreement.CONTRADICT,
        "says in_stock where stock says out_of_stock",
        "stock.availability",
        ("stock", "KT-1712"),
        "out_of_stock",
        ("out_of_stock",),
    )
    return Exploration(
        question="Is the Blue Kettle Pro in stock?",
        channel="web",
        customer=None,
        answer=answer,
        latency_ms=12.0,
        asked_at=NOW,
        subjects=(Subject("stock", "KT-1712", (7, 22), "name"),),
        claims=(claim,),
        truths=(Truth("stock", "KT-1712", snapshot.stock["KT-1712"], NOW),),
        checks=(check,),
    )


def _printed(exploration: Exploration) -> str:
    out = io.StringIO()
    Console(file=out, force_terminal=True, color_system="truecolor", width=160).print(
        render(exploration)
    )
    return out.getvalue()


def test_the_answer_cannot_drive_the_terminal_or_inject_markup(snapshot: Snapshot) -> None:
    printed = _printed(_exploration(snapshot))
    assert "\x1b]" not in printed and "\x1b[2J" not in printed and "\u202e" not in printed
    assert "\x1b[31m" not in printed  # the answer's own colour is gone, ours remain
    assert "[bold red]pwned[/]" in printed  # shown as typed, not interpreted
    assert "Blue Kettle Pro (KT-1712) is" in printed


def test_claims_are_marked_where_they_were_read(snapshot: Snapshot) -> None:
    exploration = _exploration(snapshot)
    text = answer_text(exploration)
    (span,) = [s for s in text.spans if "red" in str(s.style)]
    assert text.plain[span.start : span.end] == "in stock"


def test_the_view_shows_claims_truth_and_verdicts(snapshot: Snapshot) -> None:
    out = io.StringIO()
    Console(file=out, width=160).print(render(_exploration(snapshot, "It is in stock.")))
    printed = out.getvalue()
    for expected in (
        "availability",
        "in_stock",
        "KT-1712",
        "out_of_stock",
        "contradict",
        "says in_stock where stock says out_of_stock",
        "truth (read after",
        "name=Blue Kettle Pro",
        "0 agree · 1 contradict · 0 cannot judge",
    ):
        assert expected in printed, expected
