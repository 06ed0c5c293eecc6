"""Untrusted answers on a terminal: nothing that drives it gets through, spans still fit."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from auditor._explore import displayable, one_line

_DRIVES_TERMINAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

_PIECES = st.one_of(
    # Escape sequences come whole from the list below, so spans never start inside one.
    st.text(st.characters(blacklist_characters="\x1b\x9b"), max_size=12),
    st.sampled_from(
        [
            "\x1b[31m",
            "\x1b[0m",
            "\x1b]0;PWNED\x07",
            "\x1b]8;;http://x\x1b\\",
            "\x9b2J",
            "\x1b[2J",
            "\x1bc",
            "\r",
            "\n",
            "\t",
            "\u202e",
            "\x07",
        ]
    ),
)


@st.composite
def _text_and_spans(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    """Text made of pieces, spans from piece boundary to piece boundary (as claim spans are
    from word to word: a claim never starts inside an escape sequence)."""
    pieces = draw(st.lists(_PIECES, max_size=12))
    bounds = [sum(len(p) for p in pieces[:i]) for i in range(len(pieces) + 1)]
    pairs = draw(st.lists(st.tuples(st.sampled_from(bounds), st.sampled_from(bounds)), max_size=5))
    return "".join(pieces), [(min(a, b), max(a, b)) for a, b in pairs]


@given(_text_and_spans())
def test_nothing_that_drives_a_terminal_survives(case: tuple[str, list[tuple[int, int]]]) -> None:
    text, spans = case
    clean, moved = displayable(text, spans)
    assert not _DRIVES_TERMINAL.search(clean)
    assert len(moved) == len(spans)
    for (start, end), (lo, hi) in zip(spans, moved, strict=True):
        assert 0 <= lo <= hi <= len(clean)
        # What a span marked is still what it marks, less the sequences removed inside it.
        assert displayable(text[start:end])[0] == clean[lo:hi]


@given(st.text(st.characters(blacklist_categories=("Cc", "Cf"))))
def test_ordinary_text_is_left_alone(text: str) -> None:
    assert displayable(text, [(0, len(text))]) == (text, [(0, len(text))])


def test_sequences_go_whole_and_layout_stays() -> None:
    text = "\x1b]0;PWNED\x07Blue \x1b[1;31mKettle\x1b[0m\nis in stock\r\x1b[2J.\x1b"
    clean, (span,) = displayable(text, [(text.index("Blue"), text.index("\nis"))])
    assert clean == "Blue Kettle\nis in stock?.?"
    assert clean[span[0] : span[1]] == "Blue Kettle"
    assert one_line("a\n  b\x1b[2J\tc") == "a b c"
