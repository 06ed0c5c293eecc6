"""Print the JSON Schema of `audit.json`; see `REGENERATE` for the command.

The committed schema is what consumers of `audit.json` validate against; a test fails when it
no longer matches the model, with this command in its message.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from auditor._report._model import SCHEMA_VERSION, Audit

REGENERATE = "python -m auditor._report._schema > schemas/audit.schema.json"


def audit_schema() -> dict[str, Any]:
    schema = Audit.model_json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:readiness-auditor:audit:{SCHEMA_VERSION}",
        **schema,
    }


def schema_text() -> str:
    return json.dumps(audit_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


if __name__ == "__main__":
    sys.stdout.write(schema_text())
