"""Checklists and timelines: list items and table rows that are steps, each marked done,
waiting or still to do.

A language model tells where a return, a refund or an order stands as the list of its steps,
a mark on each ("1. Received ✅ 2. Inspected ✅ 3. Refund ⏳", "- [x] Label sent / - [ ]
Refund", "| Refund sent | ⬜ |", "4. ⬜ Delivered"). The step's words name an event; its mark
says whether it has happened. A step still to do claims nothing by its words ("Delivered ⬜" is
no delivery), and a refund's step gives the refund's state by its mark (`_refunds`).

A line is a step only among steps: a list item or a table body row with a mark, in a run of
such lines holding at least two marks, so that "Refund: ⏳ on hold" on a label line or one
ticked bullet in prose stays what it was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from auditor._claims._compiled import compile_pattern
from auditor._claims._tables import header

if TYPE_CHECKING:
    from auditor._claims._document import Document

DONE = "done"
WAITING = "waiting"
TODO = "todo"
#: Each status mark and what it says of its step: data, one place. A cross is left out (in a
#: "Done?" column it says "not yet", elsewhere "no").
STEP_MARKS: dict[str, str] = {
    **dict.fromkeys(("\u2705", "\u2714", "\u2611", "\u2713", "[x]"), DONE),
    **dict.fromkeys(("\u23f3", "\u231b", "\U0001f504"), WAITING),
    **dict.fromkeys(("\u2b1c", "\u2610", "\U0001f532", "\u26aa", "[ ]"), TODO),
}
_MARK = compile_pattern(
    "|".join(sorted((m.replace("[", r"\[").replace("]", r"\]") for m in STEP_MARKS), key=len))
)
#: The characters a mark can start with: one `in` test each before any pattern runs.
_MARK_STARTS = frozenset(m[0] for m in STEP_MARKS)
#: Fewest marked lines in a run for its lines to be steps.
_FEWEST = 2


class Step(NamedTuple):
    start: int
    end: int
    state: str


def steps(doc: Document) -> tuple[Step, ...]:
    """Every step line of the answer, worked out once per answer."""
    found = doc.memo.get("steps")
    if isinstance(found, tuple):
        return found
    found = _steps(doc) if any(map(doc.masked.__contains__, _MARK_STARTS)) else ()
    doc.memo["steps"] = found
    return found


def step_at(doc: Document, position: int) -> Step | None:
    """The step line holding `position`, if any."""
    return next((s for s in steps(doc) if s.start <= position < s.end), None)


def to_do(doc: Document, position: int) -> bool:
    """`position` stands on a step still to do ("4. Delivered ⬜", "- [ ] Inspected"): its words
    claim nothing. (A waiting step keeps its words: "⏳ Awaiting courier collection" is where
    the order stands.)"""
    step = step_at(doc, position)
    return step is not None and step.state == TODO


def _steps(doc: Document) -> tuple[Step, ...]:
    text, layout = doc.masked, doc.layout
    found: list[Step] = []
    run: list[Step | None] = []  # the run of list or table lines, None for an unmarked one
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        structured = (layout is not None and layout.item_at(start) is not None) or bool(
            text[start:end].lstrip().startswith("|") and header(text, start)
        )
        if structured:
            run.append(_step(text, start, end))
        else:
            found.extend(_closed(run))
            run = []
        start = end + 1
    found.extend(_closed(run))
    return tuple(found)


def _step(text: str, start: int, end: int) -> Step | None:
    marks = {STEP_MARKS[m.group()] for m in _MARK.finditer(text, start, end)}
    return Step(start, end, marks.pop()) if len(marks) == 1 else None


def _closed(run: list[Step | None]) -> list[Step]:
    marked = [s for s in run if s is not None]
    return marked if len(marked) >= _FEWEST else []
