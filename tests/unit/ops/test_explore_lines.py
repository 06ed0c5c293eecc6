"""`explore` prints each probe as it finishes: verdict, kind, question and answer, as text."""

from __future__ import annotations

import io

from rich.console import Console

from auditor._cli._ops import ProbeLines
from auditor._events import AuditStarted, ProbeFinished
from auditor._verdict import Verdict
from tests.unit.report.conftest import result


def test_each_finished_probe_is_one_line_of_plain_text():
    out = io.StringIO()
    lines = ProbeLines(Console(file=out, width=300, color_system=None))
    lines(AuditStarted(total=2, already_done=0))
    lines(ProbeFinished(result(0, question="Is the kettle in stock?")))
    hostile = "[bold red]owned[/bold red] \x1b[31m" + "x" * 400
    lines(ProbeFinished(result(1, verdict=Verdict.FAIL, answer=hostile, truth="out_of_stock")))
    printed = out.getvalue().splitlines()
    assert len(printed) == 2
    assert "pass" in printed[0] and "Is the kettle in stock?" in printed[0]
    assert "Yes, the Blue Kettle is in stock." in printed[0]
    assert "fail" in printed[1] and "[bold red]owned[/bold red]" in printed[1]
    assert "\x1b" not in printed[1] and printed[1].endswith("…")
