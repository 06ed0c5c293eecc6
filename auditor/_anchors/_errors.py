"""Why an anchor could not be read: errors the CLI turns into exit codes."""

from __future__ import annotations


class AnchorError(Exception):
    """An anchor cannot be used as configured (credentials, document, refusal)."""


class AnchorUnreachable(AnchorError):
    """An anchor did not answer usefully after every retry; the audit cannot run."""


class ReadOnlyViolation(AnchorError):
    """A request other than GET or HEAD was about to leave a read-only client."""
