"""Untrusted text made safe to show: what the assistant or an anchor said, in any report format.

Every renderer starts from `clean()`, which drops what no format can carry (characters XML 1.0
forbids, lone surrogates that cannot be encoded) and shows the bidirectional controls as visible
escapes (`show_direction`), and `excerpt()`, which shortens long answers with a note instead of
dropping them: the full text always stays in `audit.json`, as it was said.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

#: Everything outside XML 1.0's `Char` production: C0 controls except tab, newline and carriage
#: return; surrogates; U+FFFE and U+FFFF.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: The bidirectional controls: embeddings and overrides (U+202A-U+202E), isolates
#: (U+2066-U+2069) and the marks (U+200E, U+200F, U+061C). Invisible themselves, they reorder
#: the text around them, so an answer could read in a report as something it did not say.
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
#: What a terminal would act on: all C0 and C1 controls (ESC starts an escape sequence).
_TERMINAL_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f]")


def _visible(match: re.Match[str]) -> str:
    return f"⟨U+{ord(match.group()):04X}⟩"


def show_direction(text: str) -> str:
    """`text` with every bidirectional control shown as a visible escape (`⟨U+202E⟩`), so
    it cannot reorder what is shown around it; every renderer and the console use this."""
    return _BIDI.sub(_visible, text)


def clean(text: str) -> str:
    """`text` without the characters XML 1.0 forbids (so every format can carry the rest),
    its bidirectional controls shown as escapes (`show_direction`)."""
    return show_direction(_XML_FORBIDDEN.sub("", text))


def one_line(text: str) -> str:
    """`text` on one line, for table cells and terminal lines."""
    return " ".join(clean(text).split())


def terminal_safe(text: str) -> str:
    """`text` with every control character shown as `?`, so it cannot drive the terminal, and
    its bidirectional controls as escapes (`show_direction`)."""
    return show_direction(_TERMINAL_UNSAFE.sub("?", text))


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    marked: bool


@dataclass(frozen=True, slots=True)
class Excerpt:
    """At most `limit` characters of an answer, cut into plain and highlighted segments."""

    segments: tuple[Segment, ...]
    #: Characters of the original text left out, 0 when the whole text is shown.
    omitted: int
    total: int

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.segments)

    @property
    def note(self) -> str:
        if not self.omitted:
            return ""
        return (
            f"[shortened: {self.total - self.omitted:,} of {self.total:,} characters shown; "
            "the full answer is in audit.json]"
        )


def _window(length: int, spans: Sequence[tuple[int, int]], limit: int) -> tuple[int, int]:
    """The part of the text to show: the start, or around the first highlighted span."""
    if length <= limit:
        return 0, length
    if not spans:
        return 0, limit
    first = min(spans)[0]
    start = max(0, min(first - limit // 4, length - limit))
    return start, start + limit


def excerpt(text: str, spans: Sequence[tuple[int, int]] = (), limit: int = 2000) -> Excerpt:
    """Cut `text` to `limit` characters, keeping the first claim span in view, and mark spans.

    Spans index into the original text (before cleaning), as the claim extractor reported them;
    spans that are out of range or overlap an earlier one are ignored rather than trusted.
    """
    start, end = _window(len(text), spans, limit)
    bounds = _usable_spans(spans, start, end)
    segments: list[Segment] = []
    cursor = start
    for lo, hi in bounds:
        if lo > cursor:
            segments.append(Segment(clean(text[cursor:lo]), marked=False))
        segments.append(Segment(clean(text[lo:hi]), marked=True))
        cursor = hi
    if cursor < end:
        segments.append(Segment(clean(text[cursor:end]), marked=False))
    kept = tuple(s for s in segments if s.text)
    return Excerpt(segments=kept, omitted=len(text) - (end - start), total=len(text))


def _usable_spans(spans: Sequence[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    usable: list[tuple[int, int]] = []
    for lo, hi in sorted(spans):
        lo, hi = max(lo, start), min(hi, end)
        if lo >= hi or (usable and lo < usable[-1][1]):
            continue
        usable.append((lo, hi))
    return usable
