"""`report.html` as a browser would parse it: escaped, self-contained, locked down by its CSP."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

import pytest

from auditor._config import GateSection
from auditor._report import read_baseline, render_html, write_reports
from auditor._verdict import Verdict
from tests.unit.report.conftest import audit, hostile_results, mixed_results, result


class Page(HTMLParser):
    """Every start tag with its attributes, and the text of every script element."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data

    def all(self, tag):
        return [attrs for name, attrs in self.tags if name == tag]


@pytest.fixture(scope="module")
def hostile_page() -> tuple[str, Page]:
    text = render_html(audit([*hostile_results(), *mixed_results()]))
    return text, Page(text)


def test_only_our_script_exists_and_the_csp_allows_exactly_it(hostile_page):
    _, page = hostile_page
    assert len(page.scripts) == 1
    (meta,) = [m for m in page.all("meta") if m.get("http-equiv") == "Content-Security-Policy"]
    policy = meta["content"]
    assert policy.startswith("default-src 'none'; style-src 'unsafe-inline'; img-src data:;")
    digest = base64.b64encode(hashlib.sha256(page.scripts[0].encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy
    # right after the charset, before anything it must govern
    assert [t for t, _ in page.tags[:4]] == ["html", "head", "meta", "meta"]
    assert page.tags[3][1].get("http-equiv") == "Content-Security-Policy"


def test_no_payload_became_markup(hostile_page):
    text, page = hostile_page
    assert not page.all("img") and not page.all("i") and not page.all("textarea")
    assert all(not name.startswith("on") for _, attrs in page.tags for name in attrs)
    assert len(page.all("svg")) == 4  # the charts, no payload's
    assert "&lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;" in text
    assert "&lt;svg onload=alert(1)&gt;" in text
    assert "\x00" not in text and "\x1b" not in text


def test_nothing_is_fetched_from_anywhere(hostile_page):
    _, page = hostile_page
    for _, attrs in page.tags:
        for name in ("src", "href", "xlink:href", "action", "srcset"):
            value = attrs.get(name)
            assert value is None or value.startswith(("#", "data:")), (name, value)
    text, _ = hostile_page
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", text)


def test_key_sections_in_order(hostile_page):
    text, page = hostile_page
    order = [
        text.index(f'id="{name}"')
        for name in (
            "verdict",
            "gate",
            "metrics",
            "charts",
            "findings",
            "contract",
            "dependencies",
            "probe-table",
        )
    ]
    assert order == sorted(order)
    rows = [a for a in page.all("tr") if "data-verdict" in a]
    assert len(rows) == len(hostile_results()) + len(mixed_results())


def test_claim_spans_are_highlighted_and_long_answers_shortened(hostile_page):
    text, _ = hostile_page
    assert "Yes, the Blue Kettle is <mark>in stock</mark>." in text
    assert "shortened: 2,000 of 51,021 characters shown" in text  # the finding
    assert "shortened: 400 of 51,021 characters shown" in text  # the probe table
    assert "A" * 2001 not in text


def test_rendering_is_deterministic():
    a = audit(mixed_results())
    assert render_html(a) == render_html(a)


def test_baseline_comparison_is_shown(tmp_path):
    lenient = GateSection(min_agreement=0.5)
    write_reports(tmp_path / "before", audit([result(0)], gate=lenient, run_id="run-before"))
    now = audit(
        [result(0), result(1, verdict=Verdict.FAIL, truth="out_of_stock")],
        gate=lenient,
        baseline=read_baseline(tmp_path / "before"),
    )
    text = render_html(now)
    assert 'id="baseline"' in text and "Against baseline run-before" in text
    assert "regressed" in text and "New findings" in text
