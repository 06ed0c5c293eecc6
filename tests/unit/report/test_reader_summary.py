"""The model reader's part in the report (`auditor/_report/_reader.py`): written whenever the
audit had a reader, even one the rules never needed, and never when it had none."""

from __future__ import annotations

from auditor._report._reader import ReaderTally, summary_words

CONFIGURED = {"config": {"reader": {"mode": "fallback", "model": "smollm2-135m"}}}


def test_a_configured_reader_never_asked_is_reported_with_no_answers():
    # Every answer read by the rules: the user still learns the reader was there and idle.
    summary = ReaderTally().summary(CONFIGURED)
    assert summary is not None
    assert (summary.mode, summary.model, summary.answers, summary.agreement) == (
        "fallback",
        "smollm2-135m",
        0,
        [],
    )
    assert summary_words(summary).startswith("fallback mode, model smollm2-135m: 0 answers read")


def test_no_reader_no_summary():
    assert ReaderTally().summary({"config": {}}) is None
    assert ReaderTally().summary({}) is None
