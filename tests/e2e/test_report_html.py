"""`report.html` in a real browser: it renders, it is locked down, and no payload ever runs.

Headless Chromium loads the page from disk with no network; `--dump-dom` shows the DOM after
scripts ran, so a payload that executed would have left its trace (a changed title or a
`<pwned-marker>` element), and our own filter script must have run (its hash is in the CSP).
"""

from __future__ import annotations

import os
import re
import struct
import subprocess
from pathlib import Path

import pytest
from junitparser import Failure, JUnitXml

from auditor._report import write_reports
from tests.unit.report.conftest import audit, hostile_results, mixed_results

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def chromium() -> Path:
    """The browser, or a clear failure: a missing browser must never pass silently."""
    if os.environ.get("AUDITOR_SKIP_BROWSER") == "1":
        pytest.skip("AUDITOR_SKIP_BROWSER=1: browser tests skipped on request")
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: run `make chromium` (or `apt-get install -y "
            "chromium`), or set AUDITOR_SKIP_BROWSER=1 to skip browser tests explicitly"
        )
    return CHROMIUM


def browse(page: Path, tmp_path: Path, *extra: str) -> str:
    profile = tmp_path / "chromium-profile"
    done = subprocess.run(
        [str(chromium()), *FLAGS, f"--user-data-dir={profile}", *extra, page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def dump_dom(page: Path, tmp_path: Path) -> str:
    return browse(page, tmp_path, "--dump-dom")


def screenshot(page: Path, tmp_path: Path, size: str = "1280,2000") -> Path:
    shot = tmp_path / "report.png"
    browse(page, tmp_path, f"--screenshot={shot}", f"--window-size={size}")
    return shot


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data.startswith(PNG_SIGNATURE) and data[12:16] == b"IHDR", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def assert_rendered_and_inert(dom: str, probes: int) -> None:
    title = re.search(r"<title>(.*?)</title>", dom, re.DOTALL)
    assert title is not None and "PWNED" not in title.group(1)
    assert "<pwned-marker" not in dom  # escaped text shows as &lt;pwned-marker, never a tag
    for section in ('id="verdict"', 'id="gate"', 'id="findings"', 'id="probes"'):
        assert section in dom, section
    assert dom.count("<svg") >= 4  # the four charts
    assert '<form id="filters">' in dom  # our filter script ran and un-hid its form
    assert f"{probes} of {probes} probes shown" in dom


def test_hostile_answers_render_but_never_run(tmp_path):
    a = audit([*hostile_results(), *mixed_results()])
    write_reports(tmp_path, a)
    page = tmp_path / "report.html"
    assert_rendered_and_inert(dump_dom(page, tmp_path), len(a.results))
    width, height = png_size(screenshot(page, tmp_path))
    assert (width, height) == (1280, 2000)


def test_the_page_policy_blocks_markup_that_escaping_missed(tmp_path):
    """Defence in depth: splice a raw script into the page, as a broken escape would."""
    write_reports(tmp_path, audit(mixed_results()))
    page = tmp_path / "report.html"
    text = page.read_text(encoding="utf-8")
    spliced = text.replace(
        '<section id="findings">',
        "<script>document.title='PWNED'</script>"
        "<img src=x onerror=\"document.title='PWNED'\">"
        '<section id="findings">',
        1,
    )
    assert spliced != text
    page.write_text(spliced, encoding="utf-8")
    dom = dump_dom(page, tmp_path)
    assert_rendered_and_inert(dom, len(mixed_results()))


def test_a_real_audit_of_a_payload_assistant(shop, tmp_path):
    """The whole pipeline: reference shop as anchors, a python assistant answering payloads."""
    import asyncio

    from auditor._audit import AuditOptions, run_audit
    from auditor._config import parse_config
    from auditor.reference._audit_config import reference_anchors

    token_env = "AUDITOR_TEST_SHOP_TOKEN"
    anchors = reference_anchors(shop.url, token_env)
    config = parse_config(
        {
            "audit": {
                "name": "payload-audit",
                "seed": 3,
                "max_probes": 24,
                "concurrency": 4,
                "timeout_s": 10,
            },
            "assistant": [
                {"name": "web", "kind": "python", "target": "tests.e2e._payload_bot:answer"}
            ],
            "anchors": {name: anchor.model_dump() for name, anchor in anchors.items()},
            "probes": {"suites": ["stock"]},
        }
    )
    options = AuditOptions(
        directory=tmp_path / "audit", env={token_env: shop.staff_token}, base_dir=tmp_path
    )
    outcome = asyncio.run(run_audit(config, options))
    assert outcome.audit.findings, "an assistant that says 'in stock' to everything must fail"
    page = outcome.directory / "report.html"
    dom = dump_dom(page, tmp_path)
    assert_rendered_and_inert(dom, len(outcome.audit.results))
    assert "&lt;script&gt;document.title='PWNED'&lt;/script&gt;" in dom
    assert png_size(screenshot(page, tmp_path))[0] == 1280
    junit = JUnitXml.fromfile(str(outcome.directory / "junit.xml"))
    failures = [
        c
        for s in junit
        if s.name != "readiness"
        for c in s
        if any(isinstance(r, Failure) for r in c.result)
    ]
    # An `imprecise` finding groups passes ("in stock" to "how many?" when it is): no failure.
    assert len(failures) == sum(f.count for f in outcome.audit.findings if f.verdict != "imprecise")
