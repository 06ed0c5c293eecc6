"""Bidirectional controls in an answer cannot reorder a report: every format shows them.

U+202E (right-to-left override) and its kin are invisible and reorder the text after them, so
"in stock \u202ekcots fo tuo" would read as something the assistant did not say. Every renderer
and the console show them as visible escapes (`⟨U+202E⟩`); audit.json keeps the answer as said.
"""

from __future__ import annotations

import json

import pytest

from auditor._report._text import clean, show_direction, terminal_safe
from auditor._report._write import write_reports
from auditor._verdict import Verdict

#: Every bidirectional control: embeddings and overrides, isolates, and the three marks.
CONTROLS = [
    *(chr(c) for c in range(0x202A, 0x202F)),
    *(chr(c) for c in range(0x2066, 0x206A)),
    "\u200e",
    "\u200f",
    "\u061c",
]


@pytest.mark.parametrize("control", CONTROLS, ids=lambda c: f"U+{ord(c):04X}")
def test_each_control_is_shown_as_a_visible_escape(control):
    shown = f"⟨U+{ord(control):04X}⟩"
    assert show_direction(f"a{control}b") == f"a{shown}b"
    assert clean(f"a{control}b") == f"a{shown}b"
    assert terminal_safe(f"a{control}b") == f"a{shown}b"


def test_text_without_controls_is_unchanged():
    text = "Yes — the Blue Kettle is in stock. שלום مرحبا"  # right-to-left script itself is fine
    assert show_direction(text) == text == clean(text)


def test_no_rendered_format_carries_a_raw_control(tmp_path, make_audit, make_result):
    answer = "Yes, it is in stock \u202ekcots fo tuo\u202c \u2067isolate\u2069 \u200f."
    results = [
        make_result(0, answer=answer, said="in_stock"),
        make_result(
            1,
            answer=answer,
            said=None,
            verdict=Verdict.FAIL,
            question="Is \u202eit\u202c in stock?",
        ),
    ]
    write_reports(tmp_path, make_audit(results))
    for name in ("summary.md", "junit.xml", "report.html"):
        text = (tmp_path / name).read_text(encoding="utf-8")
        assert not any(c in text for c in CONTROLS), name
        assert "⟨U+202E⟩kcots fo tuo⟨U+202C⟩" in text, name
    stored = json.loads((tmp_path / "audit.json").read_text(encoding="utf-8"))
    assert stored["results"][0]["answer"] == answer  # the data keeps what was said
