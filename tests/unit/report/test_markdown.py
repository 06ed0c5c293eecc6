"""`summary.md` shows untrusted text as inert code spans, checked with a real Markdown parser."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml

from auditor._report import render_markdown
from auditor._report._markdown import code
from auditor._report._text import excerpt, one_line
from auditor._report._write import audit_json
from tests.unit.report.conftest import LONG_ANSWER, audit, hostile_results, mixed_results

MD = MarkdownIt("commonmark", {"html": True}).enable("table")


@given(st.text(max_size=300), st.booleans())
def test_any_text_renders_as_exactly_one_code_span_of_itself(text, in_table):
    shown = excerpt(one_line(text), limit=200).text
    rendered = MD.renderInline(code(text, limit=200))
    if not shown:
        assert rendered == "<em>(empty)</em>"
    elif in_table:
        pass  # pipes are escaped for tables; checked through a table below
    else:
        assert rendered.startswith(f"<code>{escapeHtml(shown)}</code>")


@given(st.text(max_size=100))
def test_any_text_in_a_table_cell_stays_in_its_cell(text):
    table = f"| a | b |\n| --- | --- |\n| {code(text, in_table=True)} | end |\n"
    html = MD.render(table)
    assert html.count("<td>") == 2 and "<td>end</td>" in html


def test_hostile_answers_render_as_text_only():
    html = MD.render(render_markdown(audit(hostile_results())))
    for tag in ("<script", "<img", "<svg", "<a ", "<i>", "<b ", "<!--"):
        assert tag not in html
    assert "&lt;script&gt;document.title=" in html
    assert "javascript:alert(1)" in html  # shown, not linked


def test_long_answers_are_shortened_with_a_note_in_markdown_but_whole_in_json():
    a = audit(hostile_results())
    markdown = render_markdown(a)
    assert LONG_ANSWER not in markdown
    assert "shortened: 500 of 51,021 characters shown" in markdown
    assert LONG_ANSWER in {r.answer for r in a.results}
    assert LONG_ANSWER in audit_json(a)


def test_summary_names_the_verdict_gate_findings_and_baseline():
    markdown = render_markdown(audit(mixed_results()))
    assert markdown.startswith("# Readiness audit `acme-assistant`: ❌ NOT READY")
    assert "| max_hallucinations | 0 | 1 | ❌ hallucinations 1 > 0 |" in markdown
    assert "## Findings (3)" in markdown
    assert "Against baseline" not in markdown
