"""Tests of the real local model (the `llm` extra): run with `-m llm` (`make test-llm`).

They start llama.cpp's server, so they are left out of the default run even where the extra is
installed, and skip with the reason when it is not.
"""

from __future__ import annotations

import pytest

from auditor.reference.assistant import llm_missing


@pytest.fixture(autouse=True)
def _needs_the_model(request: pytest.FixtureRequest) -> None:
    if "llm" not in (request.config.getoption("markexpr") or ""):
        pytest.skip("needs the local model: select it with `-m llm` (make test-llm)")
    reason = llm_missing()
    if reason is not None:
        pytest.skip(f"the llm extra is not installed: {reason}")
