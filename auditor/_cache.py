"""The user's cache folder, shared by everything the auditor remembers across runs.

`$XDG_CACHE_HOME/readiness-auditor/` (`~/.cache` when unset). What `cache_root` is asked for
only ever saves work (checked OpenAPI documents, compiled claim patterns), so
`AUDITOR_NO_CACHE=1` switches it off and a folder that cannot be read or written is the same as
an empty one. `explore`'s line history lives in the same folder but is the user's own, kept
whatever that variable says (`auditor._cli._ask.default_history`).
"""

from __future__ import annotations

import os
from pathlib import Path


def cache_root() -> Path | None:
    """The auditor's folder in the user's cache, or None when `AUDITOR_NO_CACHE` is set."""
    if os.environ.get("AUDITOR_NO_CACHE"):
        return None
    root = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(root) / "readiness-auditor"
