"""The committed JSON Schema is the model's, and every audit.json validates against it."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import jsonschema

from auditor._report import SCHEMA_VERSION, write_reports
from auditor._report._schema import REGENERATE, schema_text
from tests.unit.report.conftest import audit, hostile_results, mixed_results

SCHEMA_FILE = Path(__file__).parents[3] / "schemas" / "audit.schema.json"


def test_committed_schema_is_current():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), (
        f"schemas/audit.schema.json is stale; regenerate it from the repository root: {REGENERATE}"
    )


def test_audit_json_validates_against_the_schema(tmp_path):
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    for results in (mixed_results(), hostile_results()):
        write_reports(tmp_path, audit(results))
        data = json.loads((tmp_path / "audit.json").read_text(encoding="utf-8"))
        assert data["schema_version"] == SCHEMA_VERSION
        jsonschema.Draft202012Validator(schema).validate(data)


def test_importing_reports_leaves_no_legacy_import_finder():
    """pygal installs one on import; left there, failed imports warn everywhere after."""
    import auditor._report._charts  # noqa: F401

    assert all(hasattr(finder, "find_spec") for finder in sys.meta_path)
