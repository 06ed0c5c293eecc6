"""One history per project: every audit of a configuration is recorded beside it, whatever its
`--out`, so that trends and the production rotation span them all."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from auditor._anchors._toml import toml_tables
from auditor._cli import app, register
from auditor._cli._ops import history_path
from auditor._config import AuditConfig, HistorySection
from auditor._history import read_history
from auditor._names import HISTORY_FILE
from auditor.reference._demo import STAFF_TOKEN_ENV, demo_config
from tests.integration.ops._world import config_of, ops_world


def test_audits_written_to_different_folders_share_one_history(tmp_path):
    register()
    project = tmp_path / "project"
    project.mkdir()
    with ops_world() as world:
        config = config_of(world, suites=["stock"], max_probes=6, audit={"name": "shared"})
        path = project / "audit.toml"
        path.write_text(toml_tables(config.model_dump(mode="json")), encoding="utf-8")
        for out in ("nightly", "release"):
            result = CliRunner().invoke(
                app,
                ["run", "-c", str(path), "--out", str(tmp_path / out), "-q"],
                env={STAFF_TOKEN_ENV: world.staff_token},
            )
            assert result.exit_code == 0, result.output
    assert not (tmp_path / "nightly" / HISTORY_FILE).exists()
    with read_history(project / HISTORY_FILE) as db:
        entries = db.entries(name="shared", profile="ci", limit=10)
    assert len(entries) == 2
    assert {Path(e.directory).parent.name for e in entries} == {"nightly", "release"}


def test_a_configured_path_is_relative_to_the_configuration(tmp_path):
    def configured(history: dict[str, object]) -> AuditConfig:
        base = demo_config(
            shop_url="http://127.0.0.1:9",
            assistant_url="http://127.0.0.1:9",
            seed=1,
            max_probes=1,
            suites=["stock"],
        )
        return base.model_copy(update={"history": HistorySection.model_validate(history)})

    relative = configured({"path": "state/audits.sqlite"})
    assert history_path(relative, True, tmp_path) == tmp_path / "state" / "audits.sqlite"
    absolute = configured({"path": str(tmp_path / "elsewhere.sqlite")})
    assert history_path(absolute, True, Path("/x")) == tmp_path / "elsewhere.sqlite"
    assert history_path(configured({}), True, tmp_path) == tmp_path / HISTORY_FILE
    assert history_path(relative, False, tmp_path) is None
