"""Robustness in words, shared by every report format: per mention style, and re-contact.

One wording for all renderers, so that the Markdown summary, the HTML report, the JUnit
properties and the terminal say the same thing about the same numbers.
"""

from __future__ import annotations

from auditor._report._intervals import show_interval
from auditor._report._model import Metrics, Rate, RecontactMetrics

#: What each mention style means, for readers of the reports.
MENTION_WORDS = {
    "exact": "named in full (name, SKU or id)",
    "partial": "named in part",
    "typo": "misspelt",
}


def share(rate: Rate) -> str:
    """`rate` as "87.5% (7/8; 95% CI 52.9–97.8%)", or "n/a (0/0)": the interval says how far
    the counts let the share be trusted."""
    shown = "n/a" if rate.value is None else f"{rate.value:.1%}"
    interval = show_interval(rate.interval)
    return f"{shown} ({rate.numerator}/{rate.denominator}{'; ' + interval if interval else ''})"


def recontact_words(recontact: RecontactMetrics) -> str:
    """The re-contact rate in one sentence."""
    if recontact.groups == 0:
        return "no re-contact probes asked"
    if recontact.deflected == 0:
        return f"no deflection in {recontact.groups} questions asked again"
    return (
        f"of {recontact.deflected} deflected questions, another attempt answered "
        f"{share(recontact.answered_elsewhere)}; none answered {recontact.never_answered}"
    )


def mention_lines(metrics: Metrics) -> list[tuple[str, int, str, str]]:
    """Per mention style: its name, probes, agreement and deflection, as shown."""
    return [
        (style, group.probes, share(group.agreement), share(group.deflection))
        for style, group in metrics.by_mention.items()
    ]
