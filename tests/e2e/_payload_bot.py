"""A hostile assistant for report tests: says everything is in stock, wrapped in payloads.

Each payload would leave a trace if it ever ran in the report: a changed `document.title` or a
`<pwned-marker>` element in the DOM.
"""

from __future__ import annotations

from typing import Any

PAYLOADS = (
    "<script>document.title='PWNED'</script>",
    "<img src=x onerror=\"document.body.appendChild(document.createElement('pwned-marker'))\">",
    "<svg onload=\"document.title='PWNED'\"></svg>",
    "</td></tr></table><script>document.title='PWNED'</script>",
)


def answer(question: str, **_: Any) -> str:
    return f"Yes, it is in stock! {' '.join(PAYLOADS)} | `tick` ]]> \x07done"
