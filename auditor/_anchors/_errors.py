"""Why an anchor could not be read: errors the CLI turns into exit codes."""

from __future__ import annotations


class AnchorError(Exception):
    """An anchor cannot be used as configured (credentials, document, refusal)."""


class AnchorUnreachable(AnchorError):
    """An anchor did not answer usefully after every retry; the audit cannot run."""


class ReadOnlyViolation(AnchorError):
    """A request other than GET or HEAD was about to leave a read-only client."""


class AnchorConfigError(AnchorError):
    """The configuration does not fit the anchor's document (exit code 2, not 3).

    An unknown operationId, a `get_param` the operation lacks, a document that is missing or
    not OpenAPI: found when the document is read, named by the configuration's field path.
    """

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason

    def within(self, prefix: str) -> AnchorConfigError:
        """The same error with its field path under `prefix` (e.g. `anchors.inventory`)."""
        return AnchorConfigError(f"{prefix}.{self.field}", self.reason)
