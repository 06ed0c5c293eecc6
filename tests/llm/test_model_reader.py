"""The model reader (issue 21) against the real local model server (the `llm` extra): the
schema-constrained request is accepted (llama.cpp's server takes `json_object` with a schema,
after refusing `json_schema`), every claim kept is grounded in the answer, a repeated answer
costs no request, and an audit with the model as its reader ends with no `fail` on the
faultless assistant."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

import pytest

from auditor._claims import ClaimKind
from auditor._reader._client import ModelReader
from auditor._reader._config import ReaderSection
from auditor._reader._schema import asked_kinds
from auditor.reference.assistant import ModelServer
from auditor.reference.assistant._llm_server import MODEL_ALIAS

pytestmark = pytest.mark.llm

ANSWERS = ("Router AX3000 avail, 9 units", "ORD-10040: eta 11/12")


def test_the_local_model_reads_grounded_claims_and_a_repeat_costs_nothing(tmp_path: Path):
    async def read(url: str) -> None:
        section = ReaderSection(base_url=f"{url}/v1", model=MODEL_ALIAS, timeout_s=300)
        reader = ModelReader(section, {}, tmp_path)
        try:
            kinds = asked_kinds((ClaimKind.AVAILABILITY, ClaimKind.QUANTITY))
            for answer in ANSWERS:
                first = await reader.read(answer, "stock.availability", "RT-3000", "?", kinds)
                assert first.error is None, first.error
                assert not first.cached and first.tokens > 0
                for claim in first.claims:  # grounded: the span is in the answer
                    assert 0 <= claim.span[0] < claim.span[1] <= len(answer)
                again = await reader.read(answer, "stock.availability", "RT-3000", "?", kinds)
                assert again.cached and again.claims == first.claims
            outcome = await reader.vet([ClaimKind.AVAILABILITY])
            assert outcome is None or outcome.startswith("model reader not trusted on")
        finally:
            await reader.aclose()

    with ModelServer() as server:
        asyncio.run(read(server.url))
    lines = (tmp_path / "reader_cache.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) >= len(ANSWERS)


def test_an_audit_with_the_local_model_as_reader_fails_nothing_on_the_faultless_assistant(
    tmp_path: Path,
):
    completed = subprocess.run(
        [
            sys.executable,
            "-c",
            "from auditor._cli import main; main()",
            "demo",
            "--voice",
            "sms",
            "--reader",
            "local",
            "--max-probes",
            "40",
            "--quiet",
            "--out",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    assert completed.returncode in (0, 1), completed.stderr
    (audit,) = [path for path in tmp_path.iterdir() if path.is_dir()]
    stored = json.loads((audit / "audit.json").read_text(encoding="utf-8"))
    verdicts = [r["verdict"] for r in stored["results"]]
    assert "fail" not in verdicts and "error" not in verdicts
    read = [r for r in stored["results"] if r.get("model_reading")]
    unread = [r for r in stored["results"] if r["verdict"] == "unread"]
    assert all(r.get("model_reading") for r in unread if r["probe"]["kind"] == "order.eta")
    assert stored["reader"]["answers"] == len(read)
