"""`auditor demo` as a first-time user meets it: messages printed as written."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from auditor._cli import app, register
from auditor.reference.assistant import llm_missing


@pytest.mark.skipif(llm_missing() is None, reason="the llm extra is installed here")
def test_the_llm_install_hint_is_printed_literally():
    register()
    result = CliRunner().invoke(app, ["demo", "--brain", "llm"], env={"COLUMNS": "300"})
    assert result.exit_code == 2
    assert "pip install 'readiness-auditor[llm]'" in result.output
