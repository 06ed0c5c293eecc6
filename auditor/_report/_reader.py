"""The model reader's summary for the reports, from the stored results alone (pure)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from auditor._reader._agreement import agreement
from auditor._report._model import KindAgreement, ReaderSummary
from auditor._results import ProbeResult

#: How every format says a verdict rests on the model reader's reading, not the rules'.
READ_BY_MODEL = "read by the model reader, not the rules"


def decided_by_model(result: ProbeResult) -> bool:
    return result.model_reading is not None and result.model_reading.decided


def agreement_words(summary: ReaderSummary) -> list[tuple[str, str]]:
    """(claim kind, "agree of (rate)") per kind, for every format."""
    return [
        (a.kind, f"{a.agree} of {a.of}" + ("" if a.rate is None else f" ({a.rate:.0%})"))
        for a in summary.agreement
    ]


def summary_words(summary: ReaderSummary) -> str:
    """The summary in one line, the same in every format."""
    per = summary.seconds / summary.answers if summary.answers else 0.0
    tokens = summary.tokens / summary.answers if summary.answers else 0.0
    return (
        f"{summary.mode} mode, model {summary.model}: {summary.answers} answers read "
        f"({summary.cached} from the cache), {summary.failed} could not be read, "
        f"{summary.decided} verdicts rest on its reading, {summary.dropped} ungrounded claims "
        f"dropped; {per:.2f} s and {tokens:.0f} tokens per answer"
    )


def reader_summary(meta: Mapping[str, Any], results: Sequence[ProbeResult]) -> ReaderSummary | None:
    """None when no answer went to a model reader."""
    read = [r for r in results if r.model_reading is not None]
    if not read:
        return None
    config = (meta.get("config") or {}).get("reader") or {}
    readings = [r.model_reading for r in read if r.model_reading is not None]
    pairs = [
        (
            reading.kinds,
            [(c.kind, c.value) for c in result.claims if c.reader != "model"],
            [(c.kind, c.value) for c in reading.claims],
        )
        for result, reading in zip(read, readings, strict=True)
        if reading.error is None
    ]
    return ReaderSummary(
        mode=str(config.get("mode") or "fallback"),
        model=str(config.get("model") or ""),
        answers=len(readings),
        cached=sum(r.cached for r in readings),
        failed=sum(r.error is not None for r in readings),
        decided=sum(r.decided for r in readings),
        dropped=sum(r.dropped for r in readings),
        seconds=round(sum(r.seconds for r in readings), 3),
        tokens=sum(r.tokens for r in readings),
        agreement=[
            KindAgreement(kind=a.kind, agree=a.agree, of=a.of, rate=a.rate)
            for a in agreement(pairs)
        ],
    )
