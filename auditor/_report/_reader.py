"""The model reader's summary for the reports, from the stored results alone (pure)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
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


class ReaderTally:
    """The model reader's figures counted one result at a time (the reports read the results
    as a stream): only results the model read count, and nothing of them is kept."""

    def __init__(self) -> None:
        self.answers = self.cached = self.failed = self.decided = self.dropped = self.tokens = 0
        self.seconds = 0.0
        self.agree: Counter[str] = Counter()
        self.seen: Counter[str] = Counter()

    def add(self, result: ProbeResult) -> None:
        reading = result.model_reading
        if reading is None:
            return
        self.answers += 1
        self.cached += reading.cached
        self.failed += reading.error is not None
        self.decided += reading.decided
        self.dropped += reading.dropped
        self.seconds += reading.seconds
        self.tokens += reading.tokens
        if reading.error is not None:
            return
        rules = [(c.kind, c.value) for c in result.claims if c.reader != "model"]
        model = [(c.kind, c.value) for c in reading.claims]
        for kind in agreement([(reading.kinds, rules, model)]):
            self.agree[kind.kind] += kind.agree
            self.seen[kind.kind] += kind.of

    def summary(self, meta: Mapping[str, Any]) -> ReaderSummary | None:
        """None when the audit had no model reader; with one configured, its figures even when
        the rules read every answer and it was never asked (0 answers: that is worth saying)."""
        config = (meta.get("config") or {}).get("reader") or {}
        if not self.answers and not config:
            return None
        return ReaderSummary(
            mode=str(config.get("mode") or "fallback"),
            model=str(config.get("model") or ""),
            answers=self.answers,
            cached=self.cached,
            failed=self.failed,
            decided=self.decided,
            dropped=self.dropped,
            seconds=round(self.seconds, 3),
            tokens=self.tokens,
            agreement=[
                KindAgreement(
                    kind=kind,
                    agree=self.agree[kind],
                    of=self.seen[kind],
                    rate=self.agree[kind] / self.seen[kind],
                )
                for kind in sorted(self.seen)
            ],
        )


def reader_summary(meta: Mapping[str, Any], results: Iterable[ProbeResult]) -> ReaderSummary | None:
    """None when no answer went to a model reader."""
    tally = ReaderTally()
    for result in results:
        tally.add(result)
    return tally.summary(meta)
