"""Emphasis around a name taken off before the rules read: "only 2 **Lunch Box** left".

A language model sets the item's name (or an order's id) in bold or italics. Markdown's markers
are blanked to spaces in the text the rules read (`_markdown.Layout.plain`), so the name then
stands between runs of blanks ("only 2   xxxxxxxxx   left"), and every rule that expects one
space between a name and the next word misses it: "**lunch box** x3 left" read nothing, and
"zero units of the **Lunch Box** available" read the stock as there, the denial no longer in
reach (`benchmarks/claims_invariance.py`, "bold_names": 4 of 522 dressed texts wrong).

The emphasis says nothing about the claim — the name is the subject either way — so the markers
around a name are removed and the answer is read again, its claims' spans taken back to the
answer's own offsets. Only emphasis that encloses exactly one name is taken off: a bold line of
its own is a heading (`_markdown`), "**Status:**" a label, and an emphasised name that is not
one (an echo of the customer's words, "anything called *Kettle Max*") stays as it is.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import NamedTuple

from auditor._claims._document import Document
from auditor._claims._model import Claim, respanned

#: The characters Markdown marks emphasis with.
_MARKERS = "*_"


class Unbolded(NamedTuple):
    """An answer with the emphasis around its names taken off, and the way back."""

    text: str
    #: Where each run of markers was taken off, in `text`'s offsets, in order.
    cuts: tuple[int, ...]
    #: How many characters were taken off there.
    widths: tuple[int, ...]

    def position(self, pos: int, *, end: bool) -> int:
        """`pos` in `text` as a position in the answer: a claim's start after the markers cut
        where it stands, its end before them."""
        upto = bisect_left(self.cuts, pos) if end else bisect_right(self.cuts, pos)
        return pos + sum(self.widths[:upto])

    def restore(self, claims: Iterable[Claim]) -> list[Claim]:
        """`claims` read from `text`, with spans valid in the answer."""
        return respanned(claims, lambda pos, end: self.position(pos, end=end))


def unbolded(source: str, doc: Document) -> Unbolded | None:
    """The answer `source` (read as `doc`) without the emphasis around its names, or None when
    no name has any."""
    layout = doc.layout
    if layout is None or not layout.emphasis or not doc.mentions:
        return None
    named = {(m.start, m.end) for m in doc.mentions}
    removed: list[tuple[int, int]] = []
    for span in layout.emphasis:
        if (span.start, span.end) not in named or _alone_on_its_line(source, span.start, span.end):
            continue
        before = _run_before(source, span.start)
        after = _run_after(source, span.end)
        if before == 0 or before != after:
            continue
        removed += [(span.start - before, span.start), (span.end, span.end + after)]
    if not removed:
        return None
    pieces, cuts, widths = [], [], []
    done = taken = 0
    for start, end in removed:
        pieces.append(source[done:start])
        cuts.append(start - taken)
        widths.append(end - start)
        taken += end - start
        done = end
    pieces.append(source[done:])
    return Unbolded("".join(pieces), tuple(cuts), tuple(widths))


def _run_before(text: str, at: int) -> int:
    count = 0
    while at - count > 0 and text[at - count - 1] in _MARKERS:
        count += 1
    return count


def _run_after(text: str, at: int) -> int:
    count = 0
    while at + count < len(text) and text[at + count] in _MARKERS:
        count += 1
    return count


def _alone_on_its_line(text: str, start: int, end: int) -> bool:
    """Whether the emphasis is all its line holds (bullets and blanks aside): a heading."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    head = text[line_start:start].strip(" \t-*+_#>")
    tail = text[end:line_end].strip(" \t*_:")
    return not head and not tail
