"""A list written with bullet characters ("• Status: Issued"), read as the Markdown list it is.

Chat apps, WhatsApp, and text pasted from a web page or a document give a list as lines that
open on "•", "◦", "▪" or "‣" rather than Markdown's "-": to the Markdown reader those lines are
one paragraph, so a list's labels ("• **Status:** Issued ✅"), its lead ("none of these items
are available:") and its steps read nothing or run into each other
(`benchmarks/claims_invariance.py`, "dot_bullets": 30 of 311 dressed texts wrong). A bullet
character opening a line (after any indent) and followed by a space is read as "-", one
character for one, so spans need no mapping; a bullet inside a line ("Mug • Candle") is left.
"""

from __future__ import annotations

from auditor._claims._compiled import compile_pattern

#: The bullet characters, as data: each opens a list item as "-" does.
BULLETS = "\u2022\u25e6\u25aa\u25ab\u2023\u2219\u25cf\u25cb\u25a0\u25a1\u25b8\u25ba"
_OPENING = compile_pattern(rf"(?m)^([ \t]*)[{BULLETS}](?=[ \t])")


def dashed(text: str) -> str | None:
    """`text` with each line's opening bullet character made "-" (same length), or None when
    it has none (the usual answer is ASCII, or holds no bullet character at all)."""
    if text.isascii() or not any(bullet in text for bullet in BULLETS):
        return None
    changed = _OPENING.sub(r"\1-", text)
    return None if changed == text else changed
