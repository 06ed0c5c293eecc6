"""The assistant's answer made safe for a terminal, with claim spans still pointing at it.

An answer is untrusted: it may carry escape sequences that recolour, retitle or rewrite the
terminal, or bidirectional overrides that make text read as something else. Whole escape
sequences are dropped (a lone `?` in place of every byte would be noise), other control
characters become `?`, and line breaks and tabs stay, since answers have paragraphs. Claim
spans index the original text, so they are carried through the same edit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: CSI (`ESC [` … final byte, or its 8-bit form), OSC (`ESC ]` … BEL or ST), and two-byte escapes.
_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x9b[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[ -~]"
)
#: What a terminal acts on, besides line breaks and tabs.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def displayable(
    text: str, spans: Sequence[tuple[int, int]] = ()
) -> tuple[str, list[tuple[int, int]]]:
    """`text` without escape sequences or control characters, and `spans` moved to match."""
    offsets = [0] * (len(text) + 1)
    kept: list[str] = []
    out = 0
    cursor = 0
    for match in _SEQUENCE.finditer(text):
        for i in range(cursor, match.start()):
            offsets[i] = out + i - cursor
        kept.append(text[cursor : match.start()])
        out += match.start() - cursor
        for i in range(match.start(), match.end()):
            offsets[i] = out
        cursor = match.end()
    for i in range(cursor, len(text) + 1):
        offsets[i] = out + i - cursor
    kept.append(text[cursor:])
    clean = _UNSAFE.sub("?", "".join(kept))
    moved = [
        (offsets[max(0, min(lo, len(text)))], offsets[max(0, min(hi, len(text)))])
        for lo, hi in spans
    ]
    return clean, moved


def one_line(text: str) -> str:
    """Untrusted text for a table cell: safe, and on one line."""
    clean, _ = displayable(text)
    return " ".join(clean.split())
