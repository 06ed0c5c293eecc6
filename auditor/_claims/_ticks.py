"""A code set in backticks, as models write ids in Markdown (`ORD-1234`), read as the code.

The reader takes a backtick for an apostrophe typed on the wrong key ("it`s"), so "`ORD-81201`'s
with the courier" became "'ORD-81201''s", which no "'s" rule reads, and "`ORD-81472` is still
in 'Awaiting Payment'" paired the screen label's quotes wrongly (`benchmarks/
claims_invariance.py`, "codes_ticked": 20 of some 3,500 dressed texts wrong). The ticks say
"this is a code", which the code's own shape says already: they are taken off a code (one
word with a digit in it and no space) and the answer read again, spans taken back to the
answer's own offsets.
"""

from __future__ import annotations

from auditor._claims._compiled import compile_pattern
from auditor._claims._shorthand import Expansion

#: A code between backticks: one word holding a digit ("ORD-1234", "KT-0001", "1Z999AA1").
_TICKED = compile_pattern(r"`(?P<code>[#\w-]*\d[#\w-]*)`")


def unticked(text: str) -> Expansion | None:
    """`text` with the backticks around each code taken off, and the way back to `text`'s
    offsets; None when it has none (the usual answer has no backtick at all)."""
    if "`" not in text:
        return None
    pieces: list[str] = []
    changes: list[tuple[int, int, int, int]] = []
    done = length = 0
    for match in _TICKED.finditer(text):
        code = match.group("code")
        start, end = match.span()
        pieces.append(text[done:start])
        length += start - done
        pieces.append(code)
        changes.append((length, length + len(code), start, end))
        length += len(code)
        done = end
    if not changes:
        return None
    pieces.append(text[done:])
    return Expansion("".join(pieces), tuple(changes))
