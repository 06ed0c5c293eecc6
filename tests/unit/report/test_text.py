"""Untrusted text helpers: cleaning, shortening with highlights, terminal safety."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from auditor._report._text import clean, excerpt, terminal_safe

XML_CHARS = st.characters(blacklist_categories=("Cs",), min_codepoint=0x20)


@st.composite
def text_and_spans(draw):
    text = draw(st.text(max_size=300))
    spans = draw(st.lists(st.tuples(st.integers(-5, 320), st.integers(-5, 320)), max_size=5))
    return text, [(min(a, b), max(a, b)) for a, b in spans]


@given(text_and_spans(), st.integers(1, 400))
def test_excerpt_shows_a_contiguous_cleaned_window_within_the_limit(case, limit):
    text, spans = case
    cut = excerpt(text, spans, limit)
    shown = min(len(text), limit)
    assert cut.omitted == len(text) - shown and cut.total == len(text)
    windows = [clean(text[s : s + shown]) for s in range(len(text) - shown + 1)]
    assert cut.text in windows
    assert bool(cut.note) == (len(text) > limit)


@given(st.text(XML_CHARS, min_size=1, max_size=100), st.text(XML_CHARS, max_size=50))
def test_a_span_is_marked_exactly(word, around):
    text = around + word + around
    cut = excerpt(text, [(len(around), len(around) + len(word))])
    assert [s.text for s in cut.segments if s.marked] == [clean(word)]


def test_long_text_keeps_the_first_span_in_view():
    text = "x" * 10_000 + "in stock" + "y" * 10_000
    cut = excerpt(text, [(10_000, 10_008)], limit=100)
    assert [s.text for s in cut.segments if s.marked] == ["in stock"]
    assert "shortened: 100 of 20,008 characters shown" in cut.note


@given(st.text())
def test_clean_leaves_only_xml_characters(text):
    for ch in clean(text):
        code = ord(ch)
        assert (
            code in (9, 10, 13)
            or 0x20 <= code <= 0xD7FF
            or 0xE000 <= code <= 0xFFFD
            or (code >= 0x10000)
        )


def test_terminal_safe_defuses_escape_sequences_and_bidi_overrides():
    assert terminal_safe("ok\x1b[2J\x9b1m\u202eevil") == "ok?[2J?1m⟨U+202E⟩evil"
